"""Split a list into numbered pages (page numbers start at 1)."""

from dataclasses import dataclass
from typing import Generic, List, Sequence, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: List[T]
    page: int
    total_pages: int
    has_next: bool
    has_previous: bool


def paginate(items: Sequence[T], page: int, per_page: int) -> Page[T]:
    """Return page `page` (1-based) of `items`, `per_page` items per page.

    An empty list has zero pages; asking for a page past the end returns no items.
    """
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    if page < 1:
        raise ValueError("page must be at least 1")
    total_pages = len(items) // per_page + 1
    start = (page - 1) * per_page
    return Page(
        items=list(items[start : start + per_page]),
        page=page,
        total_pages=total_pages,
        has_next=page <= total_pages,
        has_previous=page > 1,
    )
