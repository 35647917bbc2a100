"""Invoices: lines with quantities and unit prices in cents."""

from typing import List, Tuple


def _format_cents(cents: int, currency: str = "EUR") -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", " ")
    return f"{sign}{grouped}.{frac:02d} {currency}"


def _parse_cents(text: str) -> int:
    body = text.strip().split(" ")
    if body and body[-1].isalpha():
        body = body[:-1]
    number = "".join(body)
    negative = number.startswith("-")
    whole, _, frac = number.lstrip("-").partition(".")
    cents = int(whole or "0") * 100 + int((frac + "00")[:2])
    return -cents if negative else cents


def invoice_lines(lines: List[Tuple[str, int, int]], currency: str = "EUR") -> List[str]:
    """One text line per (name, quantity, unit cents), then the total."""
    out = []
    total = 0
    for name, quantity, unit in lines:
        amount = quantity * unit
        total += amount
        out.append(f"{name} x{quantity}: {_format_cents(amount, currency)}")
    out.append(f"Total: {_format_cents(total, currency)}")
    return out


def invoice_total(text_lines: List[str]) -> int:
    """Read the total back from rendered invoice lines."""
    last = text_lines[-1]
    return _parse_cents(last.split(":", 1)[1])
