import pytest

from paging import paginate


def test_first_page():
    page = paginate(list(range(10)), 1, 4)
    assert page.items == [0, 1, 2, 3]
    assert page.total_pages == 3
    assert page.has_next
    assert not page.has_previous


def test_last_partial_page():
    page = paginate(list(range(10)), 3, 4)
    assert page.items == [8, 9]
    assert not page.has_next


def test_exact_multiple_has_no_extra_page():
    page = paginate(list(range(10)), 2, 5)
    assert page.items == [5, 6, 7, 8, 9]
    assert page.total_pages == 2
    assert not page.has_next


def test_rejects_bad_arguments():
    with pytest.raises(ValueError):
        paginate([1], 0, 5)
    with pytest.raises(ValueError):
        paginate([1], 1, 0)
