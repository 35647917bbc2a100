import ast
import hashlib
from pathlib import Path

import pytest

from shop.invoice import invoice_lines, invoice_total
from shop.money import format_money, parse_money
from shop.receipt import receipt

ROOT = Path(__file__).resolve().parent.parent
# The visible tests describe the behaviour to keep: they must stay as they were.
LOCKED = {
    "tests/test_invoice.py": "01e06174496878bb8e0c618073960b398a7d157e4bbc50d1ba9dee56d886305e",
    "tests/test_receipt.py": "c5a3cd2491b19b5b682d6769d6907b9eaa330ae6e8286667e85d613636000e9f",
    "tests/test_money.py": "87407f0587aa018eec2efc9a8deffa06cd61c5180c8dade38877439af3093a43",
}


def test_visible_tests_unchanged():
    for name, digest in LOCKED.items():
        path = ROOT / name
        assert path.exists(), f"{name} was deleted"
        text = path.read_bytes().replace(b"\r\n", b"\n")
        assert hashlib.sha256(text).hexdigest() == digest, f"{name} was changed"


def _module(name):
    return ast.parse((ROOT / "shop" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name, public", [("invoice.py", {"invoice_lines", "invoice_total"}), ("receipt.py", {"receipt"})]
)
def test_duplicated_helpers_are_gone(name, public):
    tree = _module(name)
    defined = {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    assert defined == public, f"{name} still defines its own helpers: {sorted(defined - public)}"
    imports_money = any(
        isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] == "money"
        for node in ast.walk(tree)
    )
    assert imports_money, f"{name} does not use shop.money"


def test_money_round_trips():
    for cents in (0, 1, -1, 99, 100, 1000, 99999999, -123456):
        for currency in ("EUR", "JPY"):
            assert parse_money(format_money(cents, currency)) == cents


def test_behaviour_kept():
    assert invoice_lines([("pen", 3, 333)], "SEK") == ["pen x3: 9.99 SEK", "Total: 9.99 SEK"]
    assert invoice_total(["Total: 7 000 000.01 EUR"]) == 700000001
    assert receipt(999, "10.00") == ["Total 9.99 EUR", "Paid 10.00 EUR", "Change 0.01 EUR"]
    assert receipt(500, "4.5")[2] == "Change -0.50 EUR"
