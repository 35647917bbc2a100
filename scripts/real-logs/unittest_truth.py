"""Runs unittest discovery like `python -m unittest discover` with a TestResult that prints one
`GLEVENT {json}` line per outcome (the truth of the unittest cases in the real-log corpus)."""
import json
import os
import sys
import traceback
import unittest


def path_of(test):
    module = type(test).__module__
    cls = type(test).__name__
    name = getattr(test, "_testMethodName", None)
    if isinstance(test, unittest.case._SubTest):
        outer = test.test_case
        module = type(outer).__module__
        return [module.replace(".", "/") + ".py", type(outer).__name__, f"{outer._testMethodName} {test._subDescription()}"]
    if cls == "_FailedTest":
        return [name.replace(".", "/") + ".py"]
    desc = str(test)
    if name is None:
        # _ErrorHolder: "setUpClass (tests.test_x.Cls)" or a failed import "tests.test_x"
        import re
        m = re.match(r"^(\w+) \(([\w.]+)\.(\w+)\)$", desc)
        if m:
            return [m.group(2).replace(".", "/") + ".py", m.group(3), m.group(1)]
        m = re.match(r"^Failed to import test module: ([\w.]+)", getattr(test, "_exception_msg", "") or "")
        return [desc.replace("unittest.loader._FailedTest.", "").replace(".", "/") + ".py"]
    return [module.replace(".", "/") + ".py", cls, name]


def emit(event, test, err=None, kind="test"):
    rec = {"event": event, "path": path_of(test), "kind": kind}
    if err is not None:
        lines = "".join(traceback.format_exception_only(err[0], err[1])).strip().splitlines()
        # a module that fails to import: its ImportError carries the import's traceback; the cause is last
        rec["error"] = lines[-1] if kind == "load_error" else lines[0]
    print("GLEVENT " + json.dumps(rec), flush=True)


class Recorder(unittest.TextTestResult):
    def addSuccess(self, test):
        super().addSuccess(test)
        emit("pass", test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        emit("fail", test, err)

    def addError(self, test, err):
        super().addError(test, err)
        kind = "hook" if getattr(test, "_testMethodName", None) is None and " (" in str(test) else "test"
        if type(test).__name__ == "_FailedTest":
            kind = "load_error"
        emit("fail", test, err, kind)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        emit("skip", test)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        emit("skip", test)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            emit("fail", subtest, err, "subtest")


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    suite = unittest.defaultTestLoader.discover(sys.argv[1] if len(sys.argv) > 1 else ".", top_level_dir=".")
    unittest.TextTestRunner(resultclass=Recorder, stream=open(os.devnull, "w"), failfast="--failfast" in sys.argv).run(suite)
