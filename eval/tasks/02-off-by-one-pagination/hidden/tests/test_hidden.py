import hashlib
from pathlib import Path

from paging import paginate

ROOT = Path(__file__).resolve().parent.parent
# Visible test files must stay as they were: a fix that edits or deletes them is not a fix.
LOCKED = {
    "tests/test_paginate.py": "54fc80609a430fbc2104343478c8a5446485c6be9b2185952ef10541ae543c43",
}


def test_visible_tests_unchanged():
    for name, digest in LOCKED.items():
        path = ROOT / name
        assert path.exists(), f"{name} was deleted"
        text = path.read_bytes().replace(b"\r\n", b"\n")
        assert hashlib.sha256(text).hexdigest() == digest, f"{name} was changed"


def test_page_counts():
    assert paginate([], 1, 3).total_pages == 0
    assert paginate([1], 1, 3).total_pages == 1
    assert paginate(list(range(6)), 1, 3).total_pages == 2
    assert paginate(list(range(7)), 1, 3).total_pages == 3


def test_has_next_on_every_page():
    flags = [paginate(list(range(7)), n, 3).has_next for n in (1, 2, 3)]
    assert flags == [True, True, False]


def test_empty_and_past_the_end():
    empty = paginate([], 1, 3)
    assert empty.items == [] and not empty.has_next
    past = paginate(list(range(4)), 5, 2)
    assert past.items == [] and not past.has_next and past.has_previous


def test_pages_cover_every_item_once():
    items = list(range(23))
    pages = paginate(items, 1, 5).total_pages
    seen = [x for n in range(1, pages + 1) for x in paginate(items, n, 5).items]
    assert seen == items
