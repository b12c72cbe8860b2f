"""How numbers are written in news text: the one numeral layer every dimension reuses.

`scan(text)` walks the text once with one compiled pattern and yields `Numeral` tokens:
digits with thousands separators ("12,000", "10 000" with a thin or no-break space),
decimals, scale words and abbreviations ("175 billion", "55bn", "$1.5bn"), number words
("two million", "a dozen", "twenty-five"), fractions ("three-quarters") and vague amounts
("hundreds", "tens of billions"), which are ranges, never a made-up point.

>>> [(n.text, n.value) for n in scan("some 12,000 people and two million homes")]
[('12,000', 12000.0), ('two million', 2000000.0)]
>>> n = next(scan("tens of billions of dollars")); (n.text, n.low, n.high, n.value)
('tens of billions', 10000000000.0, 100000000000.0, None)
>>> [n.text for n in scan("F-16s, S-400, i24NEWS, (17/11), [12], 10:30 and status/1858270265618096452")]
[]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

import regex

from .patterns import fold, match_after, next_char, previous_char, quick_init, search_before

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Scale words and the abbreviations newsrooms use for them ("55bn", "1.5 mln dlrs").
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "mn": 1e6, "mln": 1e6, "m": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
    "b": 1e9,
}


def times_exactly(value: float, factor: float) -> float:
    """value x factor, exact to the digits written: 4.1 billion is 4100000000.0, where the
    float product is 4099999999.9999995.

    >>> 4.1 * 1e9, times_exactly(4.1, 1e9)
    (4099999999.9999995, 4100000000.0)
    """
    return float(Decimal(repr(value)) * Decimal(repr(factor)))
# A single "m" or "k" glued to digits is a scale only where a dimension says so ("$2m");
# it is ambiguous with metres, so the numeral keeps it apart as `scale_abbreviation`; so is
# a capital "B" after a currency sign ("$25B" is 25 billion dollars; "Article 25B" is none).
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3,
    "quarter": 0.25, "quarters": 0.25, "fifth": 0.2, "fifths": 0.2,
}
# Vague plurals: "hundreds" is at least 100 and below 1,000; "tens of billions" is 1e10 to 1e11.
# Each maps to the unit U it counts; the range is [U, 10U], and [U, 1000U] for the large
# scale words, whose next step is the next scale word.
VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
         "millions": 1e6, "billions": 1e9, "trillions": 1e12}
VAGUE_SPAN = {"tens": 10, "dozens": 10, "scores": 10, "hundreds": 10, "thousands": 10,
              "millions": 1000, "billions": 1000, "trillions": 1000}

SEPARATORS = ",\u00a0\u2009\u202f"
# No figure of news is larger than this (a quadrillion): a longer string of digits is an id, a
# code or garbage, and is no numeral; so no value published is ever infinite.
MAX_MAGNITUDE = 1e15
_SEPARATOR = regex.compile(f"[{SEPARATORS}]")
# Fractions: "1/2", "10 1/2", "½", "2½"; only proper fractions of small denominators, so
# that "17/11" and "24/7" never read as numbers.
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_FRACTION = r"""
    (?P<fraction>(?:(?P<whole>[0-9]{1,3})[ \u00a0]+)?(?P<numerator>[0-9]{1,2})/(?P<denominator>[0-9]{1,2})(?![0-9/])
      | (?:(?P<whole_vulgar>[0-9]{1,3})[ \u00a0]?)?(?P<vulgar>[½¼¾⅓⅔⅛]))
"""
# ASCII digits only: other scripts' digits are read by no rule here, and float() does not
# know every one of them.
_DIGITS = rf"""
    (?!0[0-9])  # "000" or "05" does not start a number: it continues one ("10 000")
    (?P<digits>
        [0-9]{{1,3}}(?:(?P<sep>[{SEPARATORS}])[0-9]{{3}})(?:(?P=sep)[0-9]{{3}})*(?:\.[0-9]+)?
      | [0-9]+(?:\.[0-9]+)?
    )
    (?:(?:[ \u00a0]?|[ \u00a0]*\n[ \u00a0]*)(?P<scale>hundred|thousand|million|billion|trillion|bn|bln|mn|mln|tn|trn)
         (?:\b|(?<=illion)(?=(?:in|for|to|of|from|and|worth)\b))  # "$50 billionin aid": a space missing
      | (?P<abbr>m|k|(?<=\p{{Sc}}[ \u00a0]?[0-9][0-9.,]*)(?-i:B))\b
    )?
"""
# A vulgar fraction may take a scale word: "$2¾ billion".
_FRACTION_SCALE = r"(?:[ \u00a0]?(?P<fraction_scale>hundred|thousand|million|billion|trillion|bn|bln|mn|mln|tn|trn)\b)?"
_WORD = "|".join(sorted([*UNITS, *TENS, "hundred", "thousand", "million", "billion",
                         "trillion", "dozen"], key=len, reverse=True))
# Number words run over spaces and hyphens, never over a line break; "and" joins only after
# a scale word ("two hundred and fifty"), so "three and six month issues" stays two numbers.
_TENS = "|".join(TENS)
_SCALE = "dozen|hundred|thousand|million|billion|trillion"
# A number in words starts with a digit word; a bare scale word ("USD million") is no number.
_LEADING = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_DIGIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
_WORDS = rf"""
    (?P<words>
        (?:(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)(?:[ \u00a0]+|-)(?:half|third|quarter)s?\b
            | (?:half|quarter)(?=[ \u00a0]+(?:a[ \u00a0]+)?(?:{_SCALE}))
            | half(?=[ \u00a0]+of\b))
           (?:[ \u00a0]+(?:of[ \u00a0]+)?(?:a[ \u00a0]+)?(?:{_SCALE})\b)?)
      | (?:(?:a[ \u00a0]+(?:{_SCALE})|{_LEADING})\b
           (?:(?:[ \u00a0]+|-)(?:hundred|thousand|million|billion|trillion|dozen)\b
              | (?<=(?:{_TENS}))(?:[ \u00a0]+|-)(?:{_DIGIT_WORD})\b
              | (?<=hundred|thousand|million|billion|trillion)[ \u00a0]+(?:and[ \u00a0]+)?(?:{_WORD})\b)*
           (?P<and_a_half>[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half\b(?:[ \u00a0]+(?:{_SCALE})\b)?)?)
    )
"""
_VAGUE = r"""
    (?P<vague>(?:tens|dozens|scores|hundreds|thousands|millions|billions|trillions)
        (?:\s+of\s+(?P<vague_scale>thousands|millions|billions|trillions))?
      | several\s+(?P<several>dozen|hundred|thousand|million|billion))\b
"""
# A numeral never starts inside a word, an id, a model designation ("F-16", "S-400"),
# a URL path, a footnote ("[12]"), a clock time, a date ("17/11") or a designation's
# second half ("Shahed-131 and -136"), a URL's query ("?id=5", "%2020") or a negative sign
# (negative amounts are not read), and never ends before a clock time, fraction or ordinal.
_NUMERAL = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}_/@#.:%=]|\p{{L}}-|\s[-\u2212]|[\p{{N}}][.,]|\[(?=[0-9]+\]))
    (?:{_FRACTION}{_FRACTION_SCALE}|{_DIGITS}|{_WORDS}|{_VAGUE})
    (?![\p{{N}}]|[/:]\p{{N}}|(?<=\d)(?:st|nd|rd|th)\b|[.,]\p{{N}})
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


_FRACTION_GROUP, _DIGITS_GROUP, _SCALE_GROUP, _ABBREVIATION_GROUP, _WORDS_GROUP = (
    _NUMERAL.groupindex[name] for name in ("fraction", "digits", "scale", "abbr", "words"))


@quick_init
@dataclass(frozen=True, slots=True)
class Numeral:
    """A number as written: its span, its value, or for vague amounts its bounds."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    kind: str  # digits | words | vague
    scale_abbreviation: str | None = None  # "m"/"k" glued to digits, a dimension decides
    digits_end: int | None = None  # where the digits stop before a glued abbreviation

    @property
    def is_year_like(self) -> bool:
        """A bare four-digit 1800..2100 with no separator reads as a year, not an amount."""
        return (self.kind == "digits" and len(self.text) == 4 and self.text.isdigit()
                and 1800 <= int(self.text) <= 2100)


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# "June 23", "November 28 and 29", "October 10-11"; and "23 June", "17th of May".
_MONTH_BEFORE = regex.compile(
    rf"(?<![\p{{L}}]){_MONTH}\.?[ \u00a0]+(?:\d{{1,2}}(?:st|nd|rd|th)?[ \u00a0]*(?:,|and|or|to|-|\u2013)[ \u00a0]*)?$")
_MONTH_AFTER = regex.compile(rf"(?:st|nd|rd|th)?[ \u00a0]+(?:of[ \u00a0]+)?{_MONTH}\b")
# What those two read next to the number (both match case-sensitively): the last character
# before it of a month's name (the 24 the pattern reads), its "." or a day's link; the first
# after it of an ordinal, "of" or a month's name.
_MONTH_NAMES = ("Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June",
                "Jul", "July", "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov",
                "November", "Dec", "December")
assert all(regex.fullmatch(_MONTH, name) for name in _MONTH_NAMES)
_MONTH_BEFORE_ENDS = frozenset({name[-1] for name in _MONTH_NAMES} | set(".,dro-\u2013"))
_MONTH_AFTER_STARTS = frozenset("snrto" + "".join(name[0] for name in _MONTH_NAMES))


# "Shahed-131 and 136 drones": the second half of a pair of designations, written with as
# many digits as the first ("a Su-34 and 3 drones" is three drones).
_DESIGNATION_BEFORE = regex.compile(r"\p{L}-(?P<first>[0-9]+)[ \u00a0]*(?:/|and|or)[ \u00a0]*-?$")


def continues_designation(text: str, numeral: Numeral) -> bool:
    """Whether a number is the second of two designations, not an amount.

    >>> text = "Shahed-131 and 136 drones, and 12 drones; a Su-34 and 3 drones"
    >>> [n.text for n in scan(text) if not continues_designation(text, n)]
    ['12', '3']
    """
    if numeral.kind != "digits" or text.find("-", max(0, numeral.start - 24), numeral.start) < 0:
        return False  # a designation is written with a dash
    before = search_before(_DESIGNATION_BEFORE, text, numeral.start, 24)
    return before is not None and len(before.group("first")) == len(numeral.text)


# Where a bare four-digit number is a year: after a preposition, an article or a month.
_YEAR_BEFORE = regex.compile(
    rf"(?:\b(?:in|since|by|until|till|from|during|of|before|after|to|and|between|the|year|"
    rf"early|late|mid|spring|summer|autumn|fall|winter|around|circa|through)|{_MONTH}\.?|-)[ \u00a0]*$",
    regex.IGNORECASE)


def is_year(text: str, numeral: Numeral) -> bool:
    """A bare four-digit 1800..2100 after "in", "since", "the", a month... is a year.

    >>> text = "In 2023 troops advanced; Russia sent 2000 troops in February 2022"
    >>> [n.text for n in scan(text) if not is_year(text, n)]
    ['2000']
    """
    return numeral.is_year_like and bool(search_before(_YEAR_BEFORE, text, numeral.start, 16))


def is_day_of_month(text: str, numeral: Numeral) -> bool:
    """A day in a date ("June 23 showed", "on 17 November") is not an amount.

    >>> text = "Imagery from November 28 and 29 shows 5 tanks on 3 June"
    >>> [n.text for n in scan(text) if not is_day_of_month(text, n)]
    ['5']
    """
    if numeral.kind != "digits" or len(numeral.text) > 2 or not numeral.text.isdigit() or not 1 <= int(numeral.text) <= 31:
        return False
    return bool(previous_char(text, numeral.start, 24) in _MONTH_BEFORE_ENDS
                and search_before(_MONTH_BEFORE, text, numeral.start, 24)
                or next_char(text, numeral.end) in _MONTH_AFTER_STARTS and match_after(_MONTH_AFTER, text, numeral.end))


# "three and a half", "two and a half million" (a half of one, times the scale after it),
# "a million and a half" (a half of the scale before it).
_AND_A_HALF = regex.compile(r"\s+and\s+a\s+half(?:\s+(?P<scale>dozen|hundred|thousand|million|billion|trillion))?$")
_WORD_SEPARATOR = regex.compile(r"[\s-]+")


SCALE_WORDS = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})


def _scale(word: str) -> float:
    return 12.0 if word == "dozen" else 100.0 if word == "hundred" else SCALES[word]


def parse_words(words: str) -> float | None:
    """Value of a number written in words.

    >>> parse_words("two hundred and fifty thousand"), parse_words("a dozen"), parse_words("three-quarters")
    (250000.0, 12.0, 0.75)
    >>> parse_words("three and a half"), parse_words("half a million"), parse_words("a quarter million")
    (3.5, 500000.0, 250000.0)
    >>> parse_words("two and a half million"), parse_words("a million and a half")
    (2500000.0, 1500000.0)
    """
    folded = fold(words)
    half = _AND_A_HALF.search(folded)
    if half:
        whole = folded[:half.start()]
        value = parse_words(whole)
        if value is None:
            return None
        if half.group("scale"):  # "two and a half million"
            return (value + 0.5) * _scale(half.group("scale"))
        last = _WORD_SEPARATOR.split(whole)[-1]
        return value + 0.5 * (_scale(last) if last in SCALE_WORDS else 1.0)  # "a million and a half"
    tokens = [t for t in _WORD_SEPARATOR.split(fold(words)) if t and t != "and"]
    fraction_at = next((i for i, t in enumerate(tokens) if t in FRACTIONS), None)
    if fraction_at is not None:  # "three-quarters", "half a million", "a quarter million"
        before = [t for t in tokens[:fraction_at] if t not in ("a", "an")]
        value = float(UNITS.get(before[0], 1)) if before else 1.0
        value *= FRACTIONS[tokens[fraction_at]]
        for token in tokens[fraction_at + 1:]:
            if token not in ("of", "a", "an"):
                value *= 12.0 if token == "dozen" else SCALES[token]
        return value
    total, current, seen = 0.0, 0.0, False
    for token in tokens:
        if token in ("a", "an"):
            current, seen = 1.0, True
        elif token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in TENS:
            current += TENS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def parse_digits(digits: str) -> float:
    """Value of digits written with any of the thousands separators news uses.

    >>> parse_digits("10\u202f000"), parse_digits("1,234.5")
    (10000.0, 1234.5)
    """
    if _SEPARATOR.search(digits) is None:
        return float(digits)
    return float(_SEPARATOR.sub("", digits))


def _from_match(match: regex.Match) -> Numeral | None:
    start, end = match.span()
    # Groups by number: `regex` finds a group by its name in about 0.3 µs, by its number in 0.05.
    fraction, digits, scale, abbreviation, words = match.group(_FRACTION_GROUP, _DIGITS_GROUP, _SCALE_GROUP,
                                                                _ABBREVIATION_GROUP, _WORDS_GROUP)
    if fraction is not None:
        value = _fraction(match)
        if value is not None and match.group("fraction_scale"):
            value = times_exactly(value, SCALES[fold(match.group("fraction_scale"))])
        return None if value is None else Numeral(start, end, match.group(), value, value, value, "fraction")
    if digits is not None:
        value = parse_digits(digits)
        if scale:
            value = times_exactly(value, SCALES[fold(scale)])
        if not math.isfinite(value) or value > MAX_MAGNITUDE:
            return None  # "9" * 300 is no amount anyone wrote: an id, a code, or garbage
        ambiguous = fold(abbreviation) if abbreviation else None
        return Numeral(start, end, match.group(), value, value, value, "digits",
                       ambiguous, match.end(_DIGITS_GROUP))
    if words is not None:
        value = parse_words(words)
        if value is None:
            return None
        return Numeral(start, end, match.group(), value, value, value, "words")
    several = match.group("several")
    if several:  # "several hundred" is hundreds: 100 to 1,000
        unit = 12.0 if fold(several) == "dozen" else SCALES[fold(several)]
        return Numeral(start, end, match.group(), None, unit, unit * 10, "vague")
    word = fold(match.group("vague").split()[0])
    unit = VAGUE[word] * (VAGUE[fold(match.group("vague_scale"))] if match.group("vague_scale") else 1)
    return Numeral(start, end, match.group(), None, float(unit), float(unit * VAGUE_SPAN[word]), "vague")


def _fraction(match: regex.Match) -> float | None:
    """Value of a proper fraction with its whole part, or None.

    >>> [n.value for n in scan("10 1/2 miles, a 1/4 mile, ½ cup, 2½ km, 24/7, 17/11")]
    [10.5, 0.25, 0.5, 2.5]
    """
    if match.group("vulgar"):
        return float(match.group("whole_vulgar") or 0) + VULGAR[match.group("vulgar")]
    numerator, denominator = int(match.group("numerator")), int(match.group("denominator"))
    if not 0 < numerator < denominator or denominator not in (2, 3, 4, 5, 8, 10, 16):
        return None
    return float(match.group("whole") or 0) + numerator / denominator


# Where a numeral can start: a digit or a vulgar fraction after no digit, or a word a numeral
# starts with (the number words, "a"/"an" of "a dozen", the fraction and vague words). The full
# pattern is tried only there: the same numerals as trying it everywhere, about twice as fast.
# The words are matched as a trie (shared prefixes), case-sensitively in the lower-cased text
# where lower-casing keeps its length (nearly always), several times faster than a
# case-insensitive alternation; elsewhere, case-insensitively in the text itself.
_START_WORDS = sorted({*UNITS, *TENS, "a", "an", "half", "quarter", "several", *VAGUE})


def trie_pattern(words) -> str:
    """An alternation of `words` as a trie, so that the engine tries each prefix once.

    >>> trie_pattern(["an", "a", "one"])
    '(?:a(?:n)?|one)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def branches(node: dict) -> str:
        alternatives = [regex.escape(c) + branches(node[c]) for c in sorted(c for c in node if c)]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return branches(trie)


_CANDIDATE_DIGIT = regex.compile(r"(?<![0-9])[0-9½¼¾⅓⅔⅛]")
# "a" and "an" start a numeral only before a fraction or a scale word ("a half", "an eighth"
# is none, "a dozen", "a million"): every other article, a word in ten of the text, is no
# candidate. What follows them there starts with one of these letters.
_ARTICLE = r"an?(?=[ \u00a0]+[htqdmb]|-[htq])"
# The standard library's engine runs this trie twice as fast as `regex`. Its \b is a bound
# after a character other than a letter, a number (str.isalnum) or an underscore; after an
# underscore no numeral starts either (_NUMERAL's look-behind), so the candidates it leaves
# out are none.
_WORD_BOUNDED = rf"\b(?:{trie_pattern(w for w in _START_WORDS if w not in ('a', 'an'))}|{_ARTICLE})(?![^\W\d_])"
_CANDIDATE_WORD = re.compile(_WORD_BOUNDED)
_CANDIDATE_WORD_ANY_CASE = re.compile(_WORD_BOUNDED, re.IGNORECASE)


def _candidates(text: str, pos: int, endpos: int):
    """Start positions where a numeral may start, in order. Only `text[pos - 1:endpos]` is
    lower-cased (the one character before is what the word bound looks back at): the rules
    scan a few characters after a link this way, and must not pay for the whole text."""
    base = max(0, pos - 1)
    window = text[base:endpos]
    lowered = window.lower()
    if len(lowered) == len(window):
        words = [m.start() + base for m in _CANDIDATE_WORD.finditer(lowered, pos - base)]
    else:
        words = [m.start() for m in _CANDIDATE_WORD_ANY_CASE.finditer(text, pos, endpos)]
    digits = [m.start() for m in _CANDIDATE_DIGIT.finditer(text, pos, endpos)]
    # A digit and a word never start at one place: the two in order, as one sorted list.
    return sorted(digits + words) if words and digits else digits or words


def scan(text: str, pos: int = 0, endpos: int | None = None):
    """Yield every numeral in `text[pos:endpos]`, left to right, in one pass.

    >>> [n.text for n in scan("a dozen, 2½ km, [12] and half of 1,000 ones")]
    ['a dozen', '2½', 'half', '1,000']
    """
    endpos = len(text) if endpos is None else endpos
    reached = pos
    for start in _candidates(text, pos, endpos):
        if start < reached:
            continue
        match = _NUMERAL.match(text, start, endpos)
        if match is None:
            continue
        reached = match.end()
        numeral = _from_match(match)
        if numeral is not None:
            yield numeral
