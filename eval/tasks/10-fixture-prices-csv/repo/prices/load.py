"""Load a supplier price list exported from a spreadsheet as CSV.

Columns: sku, name, price (decimal, dot separator). Returns prices in cents by SKU.
"""

from decimal import Decimal
from pathlib import Path
from typing import Dict, Union


def load_prices(path: Union[str, Path]) -> Dict[str, int]:
    text = Path(path).read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line]
    header = lines[0].split(",")
    prices = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        prices[row["sku"]] = int(Decimal(row["price"]) * 100)
    return prices


def names(path: Union[str, Path]) -> Dict[str, str]:
    text = Path(path).read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line]
    header = lines[0].split(",")
    return {row["sku"]: row["name"] for row in (dict(zip(header, l.split(","))) for l in lines[1:])}
