import pytest

from shop.money import format_money, parse_money


@pytest.mark.parametrize(
    "cents, currency, text",
    [
        (0, "EUR", "0.00 EUR"),
        (5, "EUR", "0.05 EUR"),
        (123456789, "USD", "1 234 567.89 USD"),
        (-99, "GBP", "-0.99 GBP"),
    ],
)
def test_format_money(cents, currency, text):
    assert format_money(cents, currency) == text


def test_format_money_defaults_to_euro():
    assert format_money(250) == "2.50 EUR"


@pytest.mark.parametrize(
    "text, cents",
    [("12", 1200), ("12.3", 1230), ("1 234.56 EUR", 123456), ("-0.07", -7), (" 3.10 USD ", 310)],
)
def test_parse_money(text, cents):
    assert parse_money(text) == cents
