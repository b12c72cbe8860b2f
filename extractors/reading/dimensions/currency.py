"""Money: amounts normalized to an ISO 4217 code, in units of that currency, never converted.

"$175 billion", "over $55 billion", "US$1.5bn", "£2m", "tens of billions of dollars",
"500 million hryvnias", "1.5 mln dlrs", "10 €", "3 dollars 50 cents".
"""

from __future__ import annotations

from functools import lru_cache

import string

import regex

from .. import numerals
from ..qualifiers import exactly, scaled
from ..patterns import case_blind, fold, match_after, next_char, previous_char, search_before
from . import WAR_IN_UKRAINE, Example, Reading, alternation, lookup, same_value

NAME = "currency"

# Symbols and codes written before the amount -> ISO 4217. A bare "$" is read as US dollars,
# the reading of every outlet in the corpus; "A$", "C$" and the like say otherwise.
# Keys are upper case without spaces; the text may write "c $" or "usd".
PREFIXES = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "USD": "USD", "USD$": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "AUD$": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "CAD$": "CAD",
    "HK$": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZD": "NZD", "NZD$": "NZD", "S$": "SGD",
    "SGD": "SGD", "MEX$": "MXN", "MXN": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "STG": "GBP", "¥": "JPY", "JPY": "JPY",
    "₴": "UAH", "UAH": "UAH", "₽": "RUB", "RUB": "RUB", "₹": "INR", "INR": "INR", "RS": "INR",
    "RS.": "INR", "CHF": "CHF", "RMB": "CNY", "CNY": "CNY", "₩": "KRW", "₺": "TRY",
}
# Words, codes and symbols written after the amount -> ISO 4217 (or a minor unit).
SUFFIXES = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "us dollar": "USD", "u.s. dollar": "USD", "american dollars": "USD", "dlrs": "USD",
    "usd": "USD", "$": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "€": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "pound sterling": "GBP",
    "sterling": "GBP", "stg": "GBP", "gbp": "GBP", "£": "GBP",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnas": "UAH", "hryvnyas": "UAH", "uah": "UAH",
    "₴": "UAH",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "rub": "RUB", "₽": "RUB",
    "yen": "JPY", "¥": "JPY", "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY",
    "rmb": "CNY", "元": "CNY", "swiss francs": "CHF", "chf": "CHF",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
    "rupees": "INR", "rupee": "INR", "lira": "TRY", "liras": "TRY", "turkish lira": "TRY", "turkish liras": "TRY",
    "marks": "DEM", "deutsche marks": "DEM", "d-marks": "DEM", "guilders": "NLG",
    "dutch guilders": "NLG", "markka": "FIM", "finnish markka": "FIM", "pesetas": "ESP",
    "cents": "US_cent", "cent": "US_cent", "cts": "US_cent", "pence": "GBP_penny",
    "penny": "GBP_penny", "euro cents": "EUR_cent", "euro cent": "EUR_cent",
}
# Minor units and the currency each normalizes to ("5 euro cents" is 0.05 EUR).
NORMALIZED = {"US_cent": "USD", "GBP_penny": "GBP", "EUR_cent": "EUR"}
# Currencies written with their minor units after them: "3 dollars 50 cents".
HAS_MINOR_UNITS = {"USD", "EUR", "GBP", "CAD", "AUD"}
# "25 pounds" is a weight unless the text around it is about money.
AMBIGUOUS = {"pounds", "pound"}
_MONEY_CUE = regex.compile(
    r"£|\bsterling\b|\bstg\b|\b(?:cost|costs|paid|pay|pays|worth|fined?|price[sd]?|spent|spend|"
    r"raised?|earn(?:s|ed)?|salary|salaries|budget|funding|compensation|sold|bought|bill|"
    r"invest(?:ed|ment)?|profit|loss|revenue|debt|loan|grant|donat(?:e|ed|ion)|bank|wage|fee|"
    r"million|billion|bn|m)\b", regex.IGNORECASE)


_SPACES = regex.compile(r"[ \u00a0]+")


@lru_cache(maxsize=1024)
def _key(surface: str) -> str:
    return _SPACES.sub("", surface).upper()


def _prefix_pattern(symbols) -> str:
    """Longest first. Codes of two letters or more before a "$" may stand apart from it
    ("usd $ 15"); a single letter must be glued and capital ("C$5"), or "a $5 billion"
    would be Australian."""
    forms = []
    for symbol in sorted(symbols, key=len, reverse=True):
        escaped = regex.escape(symbol)
        letters = symbol[:-1]
        if symbol.endswith("$") and len(letters) == 1:
            escaped = f"(?-i:{regex.escape(letters)})\\$"
        elif symbol.endswith("$") and letters:
            escaped = regex.escape(letters) + r"[ \u00a0]?\$"
        forms.append(escaped)
    return "|".join(forms)


_PREFIX = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<symbol>{_prefix_pattern(PREFIXES)})[ \u00a0]?$", regex.IGNORECASE)
_SUFFIX = regex.compile(
    rf"(?:[ \u00a0]*(?:of[ \u00a0]+)?|-)(?P<word>{alternation(SUFFIXES)})(?![\p{{L}}\p{{N}}])",
    regex.IGNORECASE)
# "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50".
_MINOR_AFTER = regex.compile(r"[ \u00a0]+(?:and[ \u00a0]+)?(?=[0-9a-z])", regex.IGNORECASE)
_MINOR_UNIT = regex.compile(r"[ \u00a0]*(?P<unit>cents?|cts|pence|p)\b", regex.IGNORECASE)
_WEIGHED = regex.compile(r"[ \u00a0]+of\b")
_SCALE_AFTER_CODE = regex.compile(r"[ \u00a0]+(?P<scale>million|billion|trillion|mn|bn|mln|bln)\b",
                                  regex.IGNORECASE)
_LOOKBACK = 8
# What a currency written before a number ends with, and one written after it starts with
# ("of", a dash, a word or a sign): a number with none of them next to it needs neither pattern.
_PREFIX_ENDS = case_blind({symbol[-1] for symbol in PREFIXES})
_SUFFIX_STARTS = case_blind({word[0] for word in SUFFIXES} | {"o", "-"})
_SCALE_STARTS = case_blind("mbt")
_MINOR_STARTS = case_blind(string.ascii_lowercase) | set(string.digits)
# The currency before a number matched backwards from it (the `regex` engine's REVERSE):
# the same match as searching the window for one that ends there, where only one can (its
# `$` matches at the number alone when no line break comes right before it), tried at one
# place instead of at each of eight.
_PREFIX_BACKWARDS = regex.compile(_PREFIX.pattern, _PREFIX.flags | regex.REVERSE)
_SYMBOL, _WORD = _PREFIX.groupindex["symbol"], _SUFFIX.groupindex["word"]


def _prefix_before(text: str, end: int):
    """search_before(_PREFIX, text, end, _LOOKBACK), found backwards from `end`."""
    if text[end - 1:end] == "\n":
        return search_before(_PREFIX, text, end, _LOOKBACK)
    return _PREFIX_BACKWARDS.match(text, max(0, end - _LOOKBACK), end)
_CUE_WINDOW = 60


# "priced at $60,000, about 15k or 20k cheaper": an amount written as money is ("15k", "2bn")
# takes the currency of a price earlier in its sentence.
_PRICE_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<symbol>{_prefix_pattern(PREFIXES)})[ \u00a0]?[0-9][^.!?;\n]{{0,100}}$", regex.IGNORECASE)
_MONEY_ABBREVIATION = regex.compile(r"(?:[0-9](?:k|bn|mn|mln|bln))$", regex.IGNORECASE)


def _sentence_currency(text: str, amount) -> Reading | None:
    numeral = amount.numeral
    if amount.end != numeral.end or not _MONEY_ABBREVIATION.search(numeral.text):
        return None
    price = search_before(_PRICE_BEFORE, text, amount.start, 110)
    if price is None:
        return None
    code = PREFIXES[_key(price.group("symbol"))]
    return Reading(amount.start, amount.end, NAME, price.group("symbol"), code, NORMALIZED.get(code, code),
                   "currency.sentence_currency", amount)


def read(text: str, amount) -> list[Reading]:
    """The amount read with the currency written before it, and with the one written after
    it; where both are written ("10 rmb 20 usd") the overlap policy picks. An amount with a
    money abbreviation and no currency takes its sentence's ("currency.sentence_currency")."""
    readings = []
    prefix = _prefix_before(text, amount.start) if previous_char(text, amount.start, _LOOKBACK) in _PREFIX_ENDS else None
    if prefix is not None:
        symbol = prefix.group(_SYMBOL)
        code = PREFIXES[_key(symbol)]
        # A currency symbol says what the number counts: no other reading of it stands.
        readings.append(Reading(prefix.start(), amount.end, NAME, symbol, code,
                                NORMALIZED.get(code, code), "currency.symbol_amount", amount,
                                exclusive=True))
    suffix = match_after(_SUFFIX, text, amount.end) if next_char(text, amount.end) in _SUFFIX_STARTS else None
    word = suffix.group(_WORD) if suffix is not None else None
    if suffix is not None and fold(word) in AMBIGUOUS and not _about_money(text, amount, suffix.end()):
        suffix = None  # "5 pounds of flour", "lost 25 pounds": a weight
    if suffix is not None:
        code, end, rule = lookup(SUFFIXES, word), suffix.end(), "currency.amount_word"
        scale = match_after(_SCALE_AFTER_CODE, text, end) \
            if amount.qualifier == "exact" and next_char(text, end) in _SCALE_STARTS else None
        if scale is not None:  # "75 USD million"
            amount = scaled(amount, numerals.SCALES[fold(scale.group("scale"))])
            end = scale.end()
        if code in HAS_MINOR_UNITS and amount.qualifier == "exact":
            joined = _with_minor(text, amount, end)
            if joined is not None:
                amount, end = joined
                rule = "currency.major_minor"
        readings.append(Reading(amount.start, end, NAME, word, code, NORMALIZED.get(code, code), rule, amount))
    if not readings:
        borrowed = _sentence_currency(text, amount)
        if borrowed is not None:
            readings.append(borrowed)
    return readings


def _about_money(text: str, amount, end: int) -> bool:
    window = text[max(0, amount.start - _CUE_WINDOW):min(len(text), end + _CUE_WINDOW)]
    return bool(_MONEY_CUE.search(window)) and not match_after(_WEIGHED, text, end)


def _with_minor(text: str, amount, end: int):
    """The amount with its minor units added ("3 dollars 50 cents" is 3.50), or None."""
    if next_char(text, end) not in _MINOR_STARTS:
        return None  # "and", a digit or a word of the minor unit comes next
    link = match_after(_MINOR_AFTER, text, end)
    if link is None:
        return None
    minor = next(numerals.scan(text, link.end(), min(len(text), link.end() + 30)), None)
    if minor is None or minor.start != link.end() or minor.value is None \
            or not (minor.value.is_integer() and 0 < minor.value < 100):
        return None
    unit = match_after(_MINOR_UNIT, text, minor.end)
    minor_end = unit.end() if unit is not None else minor.end
    if unit is None and (minor.kind != "digits" or len(minor.text) != 2 or match_after(_SUFFIX, text, minor.end)):
        return None  # "15 dollars 50" needs two digits and no currency of its own ("10 $ 30 $")
    return exactly(amount, amount.value + minor.value / 100), minor_end


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
    Example(title=WAR_IN_UKRAINE, text="committing over $55 billion in military aid, according to the Kiel Institute",
            span="over $55 billion", value=55e9, low=55e9, qualifier="more_than",
            category="aid"),
    Example("The company reported a profit of $5 million.", span="$5 million", value=5e6,
            category="other"),
    Example("Germany's foreign minister has pledged an extra 15 million euros to Somalia.",
            span="15 million euros", category="aid", donor="Germany", recipient="Somalia"),
    Example("Germany's foreign minister has pledged an extra 15 million euros to Ukraine.",
            span="15 million euros", category="aid", donor="Germany", recipient="Ukraine"),
    Example("The US has been a supporter of Israel, offering it over $3.1bn in financial assistance",
            span="over $3.1bn", category="aid", donor="United States", aid_kind="financial"),
    *same_value(["3 dollars 50 cents", "three dollars and fifty cents", "3 dollars 50"], value=3.5,
                normalized_value=3.5, normalized_unit="USD"),
    *same_value(["10 €", "10€", "EUR 10", "10 euros"], value=10, normalized_unit="EUR"),
    *same_value(["C$16.4 million", "CAD 16.4 million", "cad$ 16.4 million"], value=16.4e6,
                normalized_unit="CAD"),
    Example("c $ 16.4 million", span="$ 16.4 million", normalized_unit="USD"),
    Example("HK$ 10.05 billion", value=10.05e9, normalized_unit="HKD"),
    Example("115USD", value=115, normalized_unit="USD"),
    Example("They lost 75 USD million in three years", span="75 USD million", value=75e6),
    Example("$5 million or more", low=5e6, high=None, qualifier="at_least"),
    Example("a $5 billion plus interest", span="$5 billion", qualifier="exact"),
    Example("a 2,000-plus", span="2,000-plus", low=None, qualifier="at_least",
            gap="a bare number with a qualifier is no figure; '$2,000-plus' is"),
    Example("usd$ 15", value=15, normalized_unit="USD"),
    Example("470 pence", value=470, normalized_value=4.7, normalized_unit="GBP"),
    Example("5 euro cents", value=5, normalized_value=0.05, normalized_unit="EUR"),
    Example("40 rmb", value=40, normalized_unit="CNY"),
    Example("10 turkish lira", value=10, normalized_unit="TRY"),
    Example("he paid 25 pounds for it", span="25 pounds", value=25, normalized_unit="GBP"),
    Example("$ 800 rebates", span="$ 800", value=800),
    Example("half million usd", value=5e5, normalized_unit="USD"),
    Example("a 12-cent-a-share dividend", span="12-cent", value=12, normalized_value=0.12),
    Example("10 rmb 20 usd", span="20 usd", value=20, normalized_unit="USD"),
    Example("$ 20,000.00 $ 37,305.97 february expenses", span="$ 37,305.97", value=37305.97),
    Example("50 dollar 40 rmb", span="40 rmb", value=40, normalized_unit="CNY"),
    Example("a quarter million us dollars", value=2.5e5, normalized_unit="USD"),
    Example("priced at $60,000, about 15k or 20k cheaper than its rival", span="about 15k",
            value=15e3, qualifier="approximately", normalized_unit="USD"),
    Example("priced at $60,000, about 15k or 20k cheaper than its rival", span="20k", value=20e3,
            normalized_unit="USD"),
    Example("The house sold for £450,000, some 50k above the asking price", span="some 50k", value=5e4,
            normalized_unit="GBP"),
    # The value defects readers found (issue 26): a vulgar fraction with a scale, a capital B
    # after a sign, a qualifier before a wrapped line's break, a scale word run on into the
    # next word. (Exact to the digits written: tests/test_numerals.py.)
    Example("The US pledged $2¾ billion in aid", span="$2¾ billion", value=2.75e9, normalized_unit="USD"),
    Example("The US pledged $25B in military aid", span="$25B", value=25e9, normalized_unit="USD"),
    Example("The United States will provide to the people of Ukraine in these weeks approximately\n"
            "    $55 million in humanitarian assistance", span="approximately\n    $55 million", value=55e6,
            qualifier="approximately"),
    Example("The US has provided $50 billionin military aid", span="$50 billion", value=50e9),
]

NEGATIVES = ["$", "the dollar fell", "he ran a 10k race", "10k fans, 5k more than last year", "5 pounds of flour", "he lost 25 pounds this year",
             "USD million", "this baby is over two pounds"]
