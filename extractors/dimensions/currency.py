"""Money: amounts normalized to an ISO 4217 code, in units of that currency, never converted.

"$175 billion", "over $55 billion", "US$1.5bn", "£2m", "tens of billions of dollars",
"500 million hryvnias", "1.5 mln dlrs".
"""

from __future__ import annotations

import regex

from . import Example, Reading, alternation, lookup, same_value

NAME = "currency"

# Symbols and codes written before the amount -> ISO 4217. A bare "$" is read as US dollars,
# the reading of every outlet in the corpus; "A$", "C$" and the like say otherwise.
PREFIXES = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "USD": "USD", "US $": "USD",
    "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "₴": "UAH", "UAH": "UAH", "₽": "RUB", "RUB": "RUB", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "CHF": "CHF",
}
# Words written after the amount -> ISO 4217.
SUFFIXES = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "dlrs": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "pound sterling": "GBP", "sterling": "GBP",
    "gbp": "GBP",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnas": "UAH", "hryvnyas": "UAH", "uah": "UAH",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "rub": "RUB",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "swiss francs": "CHF",
    "canadian dollars": "CAD", "australian dollars": "AUD", "rupees": "INR",
    "marks": "DEM", "deutsche marks": "DEM", "d-marks": "DEM",
    "cents": "US_cent", "cts": "US_cent",
}
# Units that normalize to another unit's code.
NORMALIZED = {"US_cent": "USD"}

_PREFIX = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<symbol>{alternation(PREFIXES)})[ \u00a0]?$")
_SUFFIX = regex.compile(
    rf"[ \u00a0]+(?:of[ \u00a0]+)?(?P<word>{alternation(SUFFIXES)})(?![\p{{L}}\p{{N}}])",
    regex.IGNORECASE)
_LOOKBACK = max(map(len, PREFIXES)) + 1
_WEIGHED = regex.compile(r"[ \u00a0]+of\b")


def read(text: str, amount) -> Reading | None:
    prefix = _PREFIX.search(text, max(0, amount.start - _LOOKBACK), amount.start)
    suffix = _SUFFIX.match(text, amount.end)
    if suffix is not None and suffix.group("word").lower().startswith("pound") \
            and _WEIGHED.match(text, suffix.end()):
        suffix = None  # "5 pounds of flour" is a weight
    if prefix is not None:
        code, unit, start = PREFIXES[prefix.group("symbol")], prefix.group("symbol"), prefix.start()
    elif suffix is not None:
        code, unit, start = lookup(SUFFIXES, suffix.group("word")), suffix.group("word"), amount.start
    else:
        return None
    end = suffix.end() if suffix is not None else amount.end
    rule = "currency.symbol_amount" if prefix is not None else "currency.amount_word"
    return Reading(start, end, NAME, unit, code, NORMALIZED.get(code, code), rule, amount)


EXAMPLES = [
    *same_value(["$175 billion", "$175bn", "US$175 billion", "175 billion dollars",
                 "175 billion US dollars", "$ 175 billion", "USD 175 billion"],
                value=175e9, normalized_value=175e9, normalized_unit="USD"),
    *same_value(["£2m", "£2 million", "2 million pounds", "£2,000,000"], value=2e6,
                normalized_unit="GBP"),
    *same_value(["€1.5bn", "1.5 billion euros", "EUR 1.5 billion"], value=1.5e9,
                normalized_unit="EUR"),
    Example("500 million hryvnias", value=5e8, normalized_unit="UAH"),
    Example("3 trillion roubles", value=3e12, normalized_unit="RUB"),
    Example("5 Swiss\u00a0francs", value=5, normalized_unit="CHF"),
    Example("1.5 mln dlrs", value=1.5e6, normalized_unit="USD"),
    Example("Shr profit five cts vs loss 18 cts", span="18 cts", value=18, normalized_value=0.18,
            normalized_unit="USD"),
    Example("imports totalled 32.11 billion marks", span="32.11 billion marks", value=32.11e9,
            normalized_unit="DEM"),
    Example("$5-10 billion", low=5e9, high=10e9, qualifier="range"),
    Example("between $5 billion and $10 billion", low=5e9, high=10e9, qualifier="range"),
    Example("tens of billions of dollars", low=1e10, high=1e11, qualifier="vague",
            normalized_unit="USD"),
    Example("As the U.S. has already provided $175 billion in aid to Ukraine – more than any other country",
            span="$175 billion", value=175e9, category="aid"),
    Example("committing over $55 billion in military aid, according to the Kiel Institute",
            span="over $55 billion", value=55e9, low=55e9, qualifier="more_than",
            category="aid"),
    Example("The company reported a profit of $5 million.", span="$5 million", value=5e6,
            category="other"),
]

NEGATIVES = ["$", "the dollar fell", "5 pounds of flour"]
