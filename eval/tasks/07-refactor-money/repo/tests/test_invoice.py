from shop.invoice import invoice_lines, invoice_total


def test_invoice_lines():
    lines = invoice_lines([("chair", 4, 4999), ("table", 1, 125000)])
    assert lines == [
        "chair x4: 199.96 EUR",
        "table x1: 1 250.00 EUR",
        "Total: 1 449.96 EUR",
    ]


def test_invoice_total_round_trip():
    lines = invoice_lines([("credit", 1, -1234567)], "USD")
    assert lines[-1] == "Total: -12 345.67 USD"
    assert invoice_total(lines) == -1234567
