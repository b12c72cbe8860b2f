"""Dimensions: one module each, holding its lexicon, its patterns, its resolver and its EXAMPLES.

A dimension reads a unit into an Amount (numbers already parsed by the numeral layer,
ranges already joined by the qualifier layer) and returns a Reading, a list of them
(several readings of one amount), or None. The engine
runs every registered dimension and keeps readings by its one overlap policy; adding a
dimension means one module here plus its line in REGISTRY.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..patterns import fold, key, match_after, quick_init
from ..qualifiers import Amount


@quick_init
@dataclass(frozen=True, slots=True)
class Reading:
    """A dimension's reading of an amount: the span it covers before qualifiers,
    the unit as written and how to normalize it."""

    start: int
    end: int
    dimension: str
    unit: str
    pint_unit: str
    normalized_unit: str
    rule: str
    amount: Amount
    subject: str | None = None
    exclusive: bool = False  # no other dimension can read the amount ("$ 800 rebates")


class _Unchecked:
    def __repr__(self) -> str:
        return "UNCHECKED"


UNCHECKED = _Unchecked()


@dataclass(frozen=True)
class Example:
    """One test of a dimension, kept beside its rules.

    `span` is the text the figure must cover (the whole `text` when None: a positive
    example demands exactly one full-span match). Fields left UNCHECKED are not checked;
    None means the field must be empty ("up to 300 km" has no lower bound).
    `gap` marks a known failure: the test is xfail(strict=True) with that reason.
    """

    text: str
    span: str | None = None
    value: float | None = UNCHECKED
    low: float | None = UNCHECKED
    high: float | None = UNCHECKED
    qualifier: str | None = UNCHECKED
    unit: str | None = UNCHECKED
    normalized_value: float | None = UNCHECKED
    normalized_unit: str | None = UNCHECKED
    category: str | None = UNCHECKED
    measure: str | None = UNCHECKED
    subject: str | None = UNCHECKED
    donor: str | None = UNCHECKED
    recipient: str | None = UNCHECKED
    aid_kind: str | None = UNCHECKED
    stage: str | None = UNCHECKED
    conflict: str | None = UNCHECKED
    place: str | None = UNCHECKED
    place_text: str | None = UNCHECKED
    period_start: object = UNCHECKED  # a datetime.date
    period_end: object = UNCHECKED
    gap: str | None = None
    # The document the text is read in, where the example needs it: its date and title.
    published: object = None
    title: str | None = None

    @property
    def id(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:57] + "..."

    def expectations(self) -> dict:
        return {k: v for k, v in self.__dict__.items()
                if k not in ("text", "span", "gap", "published", "title") and v is not UNCHECKED}


# The title of the document an example's sentence is read in, where it comes from the seed
# articles on the war in Ukraine: a war figure needs its war named near it or in the title.
WAR_IN_UKRAINE = "The war in Ukraine"


def same_value(forms, **expected) -> list[Example]:
    """Duckling's shape: one expected value, many surface forms, each a full-span match."""
    return [Example(form, **expected) for form in forms]


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so "km" never shadows "kms";
    a space inside a word matches spaces and no-break spaces, never a line break."""
    return "|".join(regex.escape(w).replace(r"\ ", r"[ \u00a0]+")
                    for w in sorted(set(words), key=len, reverse=True))


class UnitAfter:
    """The reading most dimensions share: a unit from a lexicon written right after the
    amount, with a space, a no-break space, a hyphen ("300-km") or nothing ("300km").

    `case_sensitive` holds the surface forms whose case matters ("m" is a metre, "M" a
    million; "t" a tonne); every other form matches in any case. `after` is a pattern
    the span may run on over; where its named group matches, the rule is named after it
    ("duration.age" for "42-year-old").
    """

    def __init__(self, name: str, lexicon: dict[str, str], normalized_unit: str,
                 case_sensitive: frozenset[str] = frozenset(), after: str = "",
                 glued: frozenset[str] = frozenset()):
        self.name, self.lexicon, self.normalized_unit = name, lexicon, normalized_unit
        self.variants = regex.compile(after).groupindex.keys() if after else ()
        spaced = set(lexicon) - {fold(form) for form in case_sensitive | glued}
        caseless = alternation(spaced)
        exact = "|".join(regex.escape(w) for w in sorted(case_sensitive - glued, key=len, reverse=True))
        # A form that is a word or a letter on its own reads only glued to the digits: "16,000t".
        stuck = "|".join(regex.escape(w) for w in sorted(glued, key=len, reverse=True))
        self.pattern = regex.compile(
            rf"(?:(?:[ \u00a0\u202f]?|-)(?P<unit>(?i:{caseless}){'|' + exact if exact else ''})"
            rf"{'|(?P<unit>' + stuck + ')' if stuck else ''})"
            rf"(?![\p{{L}}\p{{N}}]){after}")
        self.rule = f"{name}.number_unit"
        # The word a unit starts with: most numbers are followed by none of them, and a set
        # lookup tells so before the pattern runs.
        self.first_words = frozenset(_first_word(form) for form in set(lexicon) | case_sensitive | glued)
        assert "" not in self.first_words, f"{name}: a unit form that starts with no letter or sign"
        self.after = after

    @classmethod
    def table(cls, name: str, normalized_unit: str, after: str = "") -> "UnitAfter":
        """The reader of a dimension whose unit vocabulary is extractors/data/units*.tsv."""
        from .. import units

        lexicon, exact = units.surface_forms(name)
        return cls(name, lexicon, normalized_unit, case_sensitive=exact, after=after,
                   glued=units.glued_forms(name))

    def __call__(self, text: str, amount) -> Reading | None:
        if next_word(text, amount.end) not in self.first_words:
            return None
        match = match_after(self.pattern, text, amount.end)
        if match is None:
            return None
        unit = match.group("unit")
        rule = next((f"{self.name}.{v}" for v in self.variants if match.group(v)), self.rule)
        return Reading(amount.start, match.end(), self.name, unit, lookup(self.lexicon, unit),
                       self.normalized_unit, rule, amount)


# The token right after a number, as a unit would start there: "km" of "300km", "300-km",
# "300 km/h", "°C" of "50°C".
_UNIT_WORD = r"[\p{L}°ºµμℓ][\p{L}\p{M}\p{N}°º²³]*"
_NEXT_TOKEN = regex.compile(rf"[ \u00a0\u202f]?-?(?P<token>{_UNIT_WORD})")
_FORM_WORD = regex.compile(_UNIT_WORD)
_TOKEN_SPACES, _TOKEN = frozenset(" \u00a0\u202f"), _NEXT_TOKEN.groupindex["token"]
_LAST_WORD: list = [None, -1, None]  # (text, position, word): every dimension asks in turn


def next_word(text: str, position: int) -> str | None:
    """The lower-cased token right after `position`, as a unit would start there; asked by
    each dimension in turn for the same amount, so the last answer is kept."""
    if _LAST_WORD[0] is text and _LAST_WORD[1] == position:
        return _LAST_WORD[2]
    # The token starts after one space and one hyphen at most, with a letter or a sign that
    # is no ASCII character: where the character there is another ASCII one, there is none.
    start = position + (text[position:position + 1] in _TOKEN_SPACES)
    start += text[start:start + 1] == "-"
    first = text[start:start + 1]
    if first.isascii() and not first.isalpha():
        word = None
    else:
        token = match_after(_NEXT_TOKEN, text, position, 24)
        word = fold(token.group(_TOKEN)) if token else None
    _LAST_WORD[:] = [text, position, word]
    return word


def _first_word(form: str) -> str:
    """The first token of a unit form, as _NEXT_TOKEN finds it in text."""
    word = _FORM_WORD.match(fold(form))
    return word.group() if word else ""


def lookup(lexicon: dict, surface: str):
    """The lexicon entry of a unit as written, whatever its case and spacing."""
    return lexicon[key(surface)]


from . import (area, count, currency, data, duration, energy, frequency, length, mass,  # noqa: E402
               percentage, power, pressure, rotation, sound, speed, temperature, volume)

# Order is the tie-break of the overlap policy: on equal spans the earlier dimension wins
# ("two months" is a duration before it is a count of months, "25 pounds" about money is
# money before it is a weight).
REGISTRY = (currency, speed, rotation, area, length, mass, volume, temperature, power, energy, data,
            frequency, pressure, sound, percentage, duration, count)
# A dimension whose every reading starts with a unit right after the amount says so by its
# UNIT_FIRST_WORDS (the words such a unit starts with): the engine then asks it only about
# an amount followed by one of them, one set lookup instead of a call per dimension (most
# numbers are followed by no unit at all). The others (currency, percentage, count) read
# signs and words before the amount too, and are asked about every amount.
GATED = tuple((priority, dimension, getattr(dimension, "UNIT_FIRST_WORDS", None))
              for priority, dimension in enumerate(REGISTRY))
# The dimensions to ask about an amount followed by a word, in order of priority: those
# asked about every amount, and those whose units start with the word; one dict lookup for
# an amount instead of a set lookup for each dimension.
_UNGATED = tuple((priority, dimension) for priority, dimension, first_words in GATED if first_words is None)
_ASKED = {word: tuple((priority, dimension) for priority, dimension, first_words in GATED
                      if first_words is None or word in first_words)
          for _, _, first_words in GATED if first_words is not None for word in first_words}


def asked_about(word: str | None) -> tuple:
    """(priority, dimension) of every dimension to ask about an amount followed by `word`
    (next_word's answer), in order of priority: exactly the GATED ones it passes.

    >>> [d.NAME for _, d in asked_about("km")], [d.NAME for _, d in asked_about("tanks")]
    (['currency', 'speed', 'length', 'percentage', 'count'], ['currency', 'percentage', 'count'])
    """
    return _ASKED.get(word, _UNGATED)
