from .paginate import Page, paginate

__all__ = ["Page", "paginate"]
