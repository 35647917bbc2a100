import hashlib
from pathlib import Path

from prices.load import load_prices, names

ROOT = Path(__file__).resolve().parent.parent
HIDDEN = ROOT / "tests" / "fixtures" / "hidden.csv"
# The visible test and its fixture (byte for byte: the BOM and CRLF are the point) must stay.
LOCKED_TEXT = {"tests/test_load.py": "71dde469d9f2d09e41688c98d6d3b9aa9f0807a8d1e6b46ad0c7eba5b9d802be"}
LOCKED_BYTES = {"tests/fixtures/supplier.csv": "35f3801f12be93c4084237acd7656904c823371e172e2779a2f07b3660b34e18"}


def test_visible_test_and_fixture_unchanged():
    for name, digest in LOCKED_TEXT.items():
        path = ROOT / name
        assert path.exists(), f"{name} was deleted"
        text = path.read_bytes().replace(b"\r\n", b"\n")
        assert hashlib.sha256(text).hexdigest() == digest, f"{name} was changed"
    for name, digest in LOCKED_BYTES.items():
        path = ROOT / name
        assert path.exists(), f"{name} was deleted"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{name} was changed"


def test_another_export():
    assert load_prices(HIDDEN) == {"Z-1": 5, "Z-2": 100000}
    assert names(HIDDEN) == {"Z-1": 'Nuts, "M8"', "Z-2": "Écrou"}


def test_plain_file_without_bom(tmp_path):
    plain = tmp_path / "plain.csv"
    plain.write_bytes(b"sku,name,price\nP-1,Pen,1.20\n")
    assert load_prices(plain) == {"P-1": 120}
