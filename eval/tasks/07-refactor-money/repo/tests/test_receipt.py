from shop.receipt import receipt


def test_receipt_with_change():
    assert receipt(1850, "20") == ["Total 18.50 EUR", "Paid 20.00 EUR", "Change 1.50 EUR"]


def test_receipt_reads_grouped_amounts():
    assert receipt(100000, "1 000.5 CHF", "CHF")[2] == "Change 0.50 CHF"
