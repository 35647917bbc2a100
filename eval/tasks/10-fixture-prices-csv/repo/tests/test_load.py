from pathlib import Path

from prices.load import load_prices, names

FIXTURE = Path(__file__).parent / "fixtures" / "supplier.csv"


def test_prices_in_cents():
    assert load_prices(FIXTURE) == {"A-100": 495, "B-220": 8999, "C-310": 2450}


def test_names_keep_commas_and_quotes():
    assert names(FIXTURE) == {"A-100": "Bolts, M6 (100)", "B-220": "Drill", "C-310": 'Saw "Pro"'}
