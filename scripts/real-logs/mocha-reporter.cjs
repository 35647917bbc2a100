/* global module */
// A mocha reporter that prints one `GLEVENT {json}` line per result, for truth.json.
// Mocha.Runner.constants values (this file lives outside the project, so it cannot require mocha)
const EVENT_TEST_PASS = 'pass';
const EVENT_TEST_FAIL = 'fail';
const EVENT_TEST_PENDING = 'pending';

module.exports = function GreenloopEvents(runner) {
  const out = (o) => process.stdout.write(`GLEVENT ${JSON.stringify(o)}\n`);
  runner.on(EVENT_TEST_PASS, (t) => out({ event: 'pass', path: [t.file ?? '', ...t.titlePath()] }));
  runner.on(EVENT_TEST_PENDING, (t) =>
    out({ event: 'skip', path: [t.file ?? '', ...t.titlePath()] }),
  );
  runner.on(EVENT_TEST_FAIL, (t, err) => {
    const hook = t.type === 'hook';
    const timeout = /^Timeout of \d+ms exceeded/.test(err.message ?? '');
    const message = `${err.name ?? 'Error'}${err.code ? ` [${err.code}]` : ''}: ${err.message}`;
    out({
      event: 'fail',
      path: [t.file ?? '', ...t.titlePath()],
      error: message,
      kind: hook ? 'hook' : timeout ? 'timeout' : 'test',
    });
  });
};
