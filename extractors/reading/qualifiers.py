"""Qualifiers and ranges: how the text bounds a figure ("over", "almost", "up to", "some",
"between X and Y", "X-Y", "X to Y"), and the one convention that turns them into
`value`, `low` and `high`.

| qualifier     | written as                                              | value | low | high |
|---------------|---------------------------------------------------------|-------|-----|------|
| exact         | (nothing)                                               | X     | X   | X    |
| approximately | some, about, around, roughly, approximately, an estimated | X   |     |      |
| more_than     | over, more than, above, just over, in excess of         | X     | X   |      |
| at_least      | at least, no fewer than, no less than, X or more, X-plus | X    | X   |      |
| almost        | almost, nearly, just under, close to                    | X     |     | X    |
| less_than     | under, less than, fewer than, below                     | X     |     | X    |
| at_most       | at most, no more than, a maximum of                     | X     |     | X    |
| up_to         | up to, as many as, as much as                           | X     |     | X    |
| range         | X-Y, X to Y, between X and Y, from X to Y, X or Y       |       | X   | Y    |
| vague         | tens / dozens / hundreds / thousands (of ...)           |       | U   | 10U  |

Bounds are as the text states them: "over 2,000" has low 2000 even though the bound is
exclusive; the qualifier column says which it is. A range is never collapsed to a midpoint.

>>> bounds(2000.0, None, None, "more_than")
(2000.0, 2000.0, None)
>>> bounds(None, 200.0, 300.0, "range")
(None, 200.0, 300.0)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from .patterns import case_blind, fold, key, match_after, next_char, previous_char, quick_init, search_before
from .numerals import SCALES, SEPARATORS, Numeral, continues_designation, is_day_of_month, is_year, times_exactly

# Phrase -> qualifier. The pattern tries longer phrases first ("just over" before "over").
BEFORE = {
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "just over": "more_than", "well over": "more_than", "in excess of": "more_than",
    "upwards of": "more_than", "greater than": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least",
    "almost": "almost", "nearly": "almost", "just under": "almost", "close to": "almost",
    "under": "less_than", "less than": "less_than", "fewer than": "less_than",
    "below": "less_than",
    "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    "some": "approximately", "about": "approximately", "around": "approximately",
    "roughly": "approximately", "approximately": "approximately",
    "an estimated": "approximately", "estimated": "approximately", "approx.": "approximately",
    "circa": "approximately", "~": "approximately",
}
AFTER = {"or more": "at_least", "plus": "at_least", "or so": "approximately"}

UPPER_BOUNDED = {"almost", "less_than", "at_most", "up_to"}
LOWER_BOUNDED = {"more_than", "at_least"}


# Qualifiers and ranges never reach across a line break ("The war is over\n\n300 km ...").
_SPACE = r"[ \t\u00a0]"


_NOT_DIGIT = regex.compile(r"[^0-9.]")


def _alternation(phrases) -> str:
    return "|".join(regex.escape(p).replace(r"\ ", _SPACE + "+") for p in sorted(phrases, key=len, reverse=True))


_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<phrase>{_alternation(BEFORE)}){_SPACE}*$", regex.IGNORECASE)
# ... and across the break of a line that was wrapped at a width ("approximately\n    $55
# million"), never one that ends short (a row, a heading, "The war is over\n300 km").
_BEFORE_WRAPPED = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<phrase>{_alternation(BEFORE)}){_SPACE}*\n{_SPACE}*$", regex.IGNORECASE)
WRAPPED_LINE = 50
# "2,000-plus" and "2,000 or more"; a "plus" that goes on to another figure ("5 tanks plus
# 3 helicopters") or a word ("$5 billion plus interest") adds, it does not bound.
_AFTER = regex.compile(
    rf"(?:{_SPACE}+(?P<phrase>or{_SPACE}+more|or{_SPACE}+so)\b|-(?P<plus>plus)\b"
    rf"|{_SPACE}+(?P<trailing_plus>plus)(?={_SPACE}*(?:[,.;:)]|$)))", regex.IGNORECASE)
# "handed over 18 tanks", "took over 3 villages": "over" belongs to the verb.
_PHRASAL_OVER = regex.compile(
    rf"\b(?:hand(?:ed|s|ing)?|t(?:ook|ake|akes|aking|aken)|turn(?:ed|s|ing)?|pass(?:ed|es|ing)?|"
    rf"won|win|carr(?:y|ies|ied)|roll(?:ed|s)?|spill(?:ed|s)?|presid(?:ed|es|ing)|fought|"
    rf"argu(?:ed|ing)|watch(?:ed|es|ing)?){_SPACE}+$", regex.IGNORECASE)
# How far back a qualifier can start: the longest phrase plus some spacing.
_LOOKBACK = max(map(len, BEFORE)) + 4
_WRAPPED_LOOKBACK = _LOOKBACK + 12  # and the indentation of the wrapped line
# What a phrase before a number ends with, and what one after it starts with ("or", "plus",
# "-plus"): a number with none of them next to it is tried against neither pattern.
_BEFORE_ENDS = case_blind({phrase[-1] for phrase in BEFORE})
_AFTER_STARTS = case_blind("op") | {"-"}

# X-Y, X to Y, X or Y, and (after "between") X and Y; a currency symbol may repeat ("$5-$10").
_RANGE_LINK = regex.compile(
    rf"(?:{_SPACE}*[-\u2013\u2014]{_SPACE}*|{_SPACE}+(?P<word>to|and|or){_SPACE}+)(?:US\$|\p{{Sc}})?")
_RANGE_OPENER = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<opener>between|from){_SPACE}+(?:US\$|\p{{Sc}})?$", regex.IGNORECASE)
# "555-123-4567" is a phone number, "2022-23" a season; neither is a range.
_CHAINED = regex.compile(r"[-\u2013\u2014]\p{N}")
_LINK_STARTS = case_blind("tao") | set("-\u2013\u2014")  # a dash, "to", "and", "or"


@quick_init
@dataclass(frozen=True, slots=True)
class Amount:
    """One numeral, or two joined into a range, before any dimension reads a unit into it."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str  # exact | range | vague, before the words around it refine it
    numeral: Numeral  # the last numeral: its kind and glued abbreviation decide readings
    opener_start: int | None = None  # where "between"/"from" starts, if the range has one


def bounds(value, low, high, qualifier: str):
    """(value, low, high) as the convention in this module's table states them."""
    if qualifier in ("range", "vague"):
        return None, low, high
    if qualifier == "exact":
        return value, value, value
    if qualifier in LOWER_BOUNDED:
        return value, value, None
    if qualifier in UPPER_BOUNDED:
        return value, None, value
    return value, None, None


def amounts(text: str, numerals: list[Numeral]):
    """Join numerals into ranges where the text links them; yield every Amount.
    Days of the month, years and designations ("Shahed-131 and 136") are not amounts: left out."""
    numerals = [n for n in numerals
                if not (is_day_of_month(text, n) or is_year(text, n) or continues_designation(text, n))]
    i = 0
    while i < len(numerals):
        first = numerals[i]
        second = numerals[i + 1] if i + 1 < len(numerals) else None
        joined = _as_range(text, first, second) if second is not None else None
        if joined is not None:
            yield joined
            i += 2
            continue
        if first.kind == "vague":
            yield Amount(first.start, first.end, None, first.low, first.high, "vague", first)
        else:
            yield Amount(first.start, first.end, first.value, first.value, first.value, "exact", first)
        i += 1


def _as_range(text: str, first: Numeral, second: Numeral) -> Amount | None:
    if first.kind == "vague" or second.kind == "vague" or first.is_year_like or second.is_year_like:
        return None
    if next_char(text, first.end, second.start - first.end) not in _LINK_STARTS:
        return None
    link = _RANGE_LINK.match(text, first.end, second.start)
    if link is None or link.end() != second.start or match_after(_CHAINED, text, second.end):
        return None
    opener = search_before(_RANGE_OPENER, text, first.start, 12)
    word = fold(link.group("word") or "")
    if word == "and" and (opener is None or fold(opener.group("opener")) != "between"):
        return None
    low, high = first.value, second.value
    low = _shared_magnitude(first, second)
    if low is None or high is None or low >= high:
        return None
    return Amount(first.start, second.end, None, low, high, "range", second,
                  opener.start() if opener else None)


_GROUPS = regex.compile(rf"^([0-9]+)((?:[{SEPARATORS}][0-9]{{3}})+)")


def _shared_magnitude(first: Numeral, second: Numeral) -> float | None:
    """The low end of a range whose magnitude is written once, at its high end:
    "5-10 billion" is 5e9 to 1e10, "60-70,000" is 60,000 to 70,000.

    >>> from .numerals import scan
    >>> [_shared_magnitude(*scan(t)) for t in ("5-10 billion", "60-70,000", "5-7", "200-1,000",
    ...                                          "2-3,500", "5-0 billion", "$5m-$10 million")]
    [5000000000.0, 60000.0, 5.0, 200.0, 2000.0, 5.0, 5000000.0]
    """
    low = first.value
    if first.kind != "digits" or second.kind != "digits" or low is None:
        return low
    if first.scale_abbreviation and second.text[-1:].isalpha():  # "$5m-$10 million"
        return times_exactly(low, SCALES[first.scale_abbreviation])
    if first.text[-1:].isalpha():
        return low
    if second.text[-1:].isalpha():
        written = float(_NOT_DIGIT.sub("", second.text.split()[0]) or 0)
        scale = second.value / written if written else 1
        return times_exactly(low, scale) if scale > 1 and low * scale <= second.value else low
    groups = _GROUPS.match(second.text)
    if groups and first.text.isdigit() and len(first.text) <= len(groups.group(1)) \
            and float(first.text) < float(groups.group(1)):
        return low * 1000 ** (len(groups.group(2)) // 4)
    return low


def qualify(text: str, amount: Amount, start: int, end: int):
    """The qualifier around a figure whose unit reading spans [start, end).

    Returns (start, end, qualifier) with the span grown over the qualifier's words.
    """
    if amount.qualifier == "range":
        return (amount.opener_start if amount.opener_start is not None and amount.opener_start < start
                else start), end, "range"
    if amount.qualifier == "vague":
        return start, end, "vague"
    ends_phrase = previous_char(text, start, _WRAPPED_LOOKBACK) in _BEFORE_ENDS
    before = search_before(_BEFORE, text, start, _LOOKBACK) if ends_phrase else None
    if before is None and ends_phrase and "\n" in text[max(0, start - _WRAPPED_LOOKBACK):start]:
        before = search_before(_BEFORE_WRAPPED, text, start, _WRAPPED_LOOKBACK)
        if before is not None and before.end("phrase") - (text.rfind("\n", 0, before.start("phrase")) + 1) < WRAPPED_LINE:
            before = None
    if before is not None:
        phrase = _normal(before.group("phrase"))
        if not (phrase == "over" and search_before(_PHRASAL_OVER, text, before.start("phrase"), 16)):
            return before.start("phrase"), end, BEFORE[phrase]
    after = match_after(_AFTER, text, end) if next_char(text, end) in _AFTER_STARTS else None
    if after is not None:
        phrase = after.group("phrase") or after.group("plus") or after.group("trailing_plus")
        return start, after.end(), AFTER[_normal(phrase)]
    return start, end, "exact"


def _normal(phrase: str) -> str:
    return key(phrase)


def scaled(amount: Amount, factor: float) -> Amount:
    """The amount with its figures multiplied (a glued "m" read as million)."""
    scale = (lambda x: None if x is None else times_exactly(x, factor))
    return replace(amount, value=scale(amount.value), low=scale(amount.low), high=scale(amount.high))


def exactly(amount: Amount, value: float) -> Amount:
    """The amount as one exact figure ("5 ft 2 in" is 5.1667 ft)."""
    return replace(amount, value=value, low=value, high=value)
