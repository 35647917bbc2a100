"""Till receipts: amounts paid and change given, in cents."""

from typing import List


def _fmt(cents: int, currency: str = "EUR") -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", " ")
    return f"{sign}{grouped}.{frac:02d} {currency}"


def _parse(text: str) -> int:
    body = text.strip().split(" ")
    if body and body[-1].isalpha():
        body = body[:-1]
    number = "".join(body)
    negative = number.startswith("-")
    whole, _, frac = number.lstrip("-").partition(".")
    cents = int(whole or "0") * 100 + int((frac + "00")[:2])
    return -cents if negative else cents


def receipt(total_cents: int, paid: str, currency: str = "EUR") -> List[str]:
    """Receipt lines for a total and the amount paid (as typed at the till)."""
    paid_cents = _parse(paid)
    return [
        f"Total {_fmt(total_cents, currency)}",
        f"Paid {_fmt(paid_cents, currency)}",
        f"Change {_fmt(paid_cents - total_cents, currency)}",
    ]
