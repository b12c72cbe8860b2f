"""Anchored pattern matches with bounded reach, the one way every layer looks around a number.

A compiled `regex` pattern's `.match(text, pos)` may look through the whole rest of the text
before it fails (seen with regex 2026.11: 3 ms per call on 10 M characters), so per-figure
look-arounds would make extraction quadratic. Every look after a figure goes through
`match_after`, and every look before it through `search_before`, each within a window.
"""

from __future__ import annotations

from functools import lru_cache

import regex

# Longer than any unit, qualifier or phrase the rules read next to a number.
WINDOW = 120


def match_after(pattern: regex.Pattern, text: str, pos: int, window: int = WINDOW):
    """`pattern` matched at `pos`, reading at most `window` characters."""
    return pattern.match(text, pos, min(len(text), pos + window))


# The spaces the look-arounds next to a number skip: spaces, tabs, no-break spaces, line breaks.
_SPACES_AROUND = frozenset(" \t\u00a0\u202f\n")


def next_char(text: str, pos: int, window: int = WINDOW) -> str:
    r"""The first character at or after `pos` past spaces of any kind and line breaks, within
    `window` ("" where there is none). Every look after a number reads a word, a sign, a
    dash or a digit there first, so a reader can tell by this one character (in the set of
    those its look may start with: `case_blind`) that its pattern cannot match, without
    trying it: most numbers are followed by no unit, no qualifier and no phrase a rule reads.

    >>> next_char("1 2", 1), next_char("1\n\n km", 1), next_char("1 ", 1)
    ('2', 'k', '')
    """
    end = min(len(text), pos + window)
    while pos < end and text[pos] in _SPACES_AROUND:
        pos += 1
    return text[pos] if pos < end else ""


def previous_char(text: str, end: int, window: int = WINDOW) -> str:
    r"""The last character before `end` past spaces of any kind and line breaks, within
    `window` ("" where there is none): for the looks before a number, what a qualifier or a
    currency sign would end with (a `$` anchor may also match before a final line break,
    which this passes too).

    >>> previous_char("over\n 5", 6), previous_char("$5", 1), previous_char(" 5", 1)
    ('r', '$', '')
    """
    start = max(0, end - window)
    while end > start and text[end - 1] in _SPACES_AROUND:
        end -= 1
    return text[end - 1] if end > start else ""


# The characters other than an ASCII letter's two cases that a case-blind pattern of the
# letter matches: "i" matches "İ" and "I" the dotless "ı"; "k" and "K" the Kelvin sign;
# "s" and "S" the long "ſ".
_ALSO_MATCHED = {"i": "\u0130", "I": "\u0131", "k": "\u212a", "K": "\u212a", "s": "\u017f", "S": "\u017f"}


def case_blind(characters) -> frozenset[str]:
    """Every character a case-blind `regex` pattern of one of `characters` matches: an ASCII
    letter in either case and those of `_ALSO_MATCHED`; any other character with no case
    as itself (tests/test_hostile.py checks it against `regex` over every code point). A
    letter with a case beyond ASCII is refused.

    >>> sorted(case_blind("s$"))
    ['$', 'S', 's', 'ſ']
    """
    found = set()
    for character in characters:
        if character.isascii() and character.isalpha():
            found |= {character.lower(), character.upper(), *_ALSO_MATCHED.get(character, "")}
        elif character.lower() == character == character.upper() == character.casefold():
            found.add(character)
        else:
            raise ValueError(f"{character!r} has a case beyond ASCII: its case-blind matches are not known here")
    return frozenset(found)


def search_before(pattern: regex.Pattern, text: str, end: int, window: int = WINDOW):
    """`pattern` searched in the `window` characters before `end` (its `$` anchors at `end`)."""
    return pattern.search(text, max(0, end - window), end)


# A case-blind `regex` pattern matches a letter as any letter of the same simple case
# folding (Unicode's CaseFolding.txt, statuses C and S): "ſ" as "s", "µ" as "μ", "K" (the
# Kelvin sign) as "k", "İ" as "i". str.lower() maps most of them the same way, but not "ſ",
# "µ" or "ς", and it turns "İ" into "i" and a combining dot. So every table that a case-blind
# pattern's match is looked up in is keyed, and looked up, by `fold`: its keys are what the
# pattern matched, however the text cased it. (Derived from Python's Unicode database at
# import; the letters with a case all lie in the Basic Multilingual Plane but Deseret's and
# a few others', which no table holds.)
_SIMPLE_FOLDING = {ord(lower): folded for lower, folded in
                   ((chr(c).lower(), chr(c).casefold()) for c in range(0x10000))
                   if len(lower) == 1 and len(folded) == 1 and lower != folded}


def fold(surface: str) -> str:
    """A matched surface as the tables key it: lower-cased and simply case-folded, with the
    same length as long as it holds no "İ" (whose dot is dropped)."""
    return _fold_kept(surface) if len(surface) <= _KEPT else _fold(surface)


def _fold(surface: str) -> str:
    return surface.lower().replace("i\u0307", "i").translate(_SIMPLE_FOLDING)


def key(surface: str) -> str:
    """`fold`, with any run of spaces or line breaks as one space ("square\\nmiles")."""
    if len(surface) <= _KEPT:
        return _key_kept(surface)
    return " ".join(fold(surface).split())


# The words and phrases looked up (a unit, a qualifier, the word after each number) are few
# and short, and asked for again and again: their folded forms are kept (a dict lookup, where
# folding takes a microsecond or two), for the most recent ones.
_KEPT = 64


_fold_kept = lru_cache(maxsize=1 << 12)(_fold)


@lru_cache(maxsize=1 << 12)
def _key_kept(surface: str) -> str:
    return " ".join(_fold_kept(surface).split())


# The letters a case-blind pattern matches as an ASCII letter are that letter in either case
# and three more: "İ" as "i", "ſ" as "s" and the Kelvin sign as "k" (checked against `regex`
# over every code point in tests/test_hostile.py). `str.lower()` writes A to Z and the Kelvin
# sign as their lower-case ASCII letters and no other character as any ASCII letter, but it
# keeps "ſ" and turns "İ" into "i" and a combining dot (the one character whose lower case is
# longer), so those two are replaced first: the offsets hold, and an ASCII word written in
# lower case occurs in the result where a case-blind pattern of the word matches, and only there.
def ascii_folded(text: str) -> str:
    """`text` with every letter a case-blind pattern matches as an ASCII letter written as that
    letter in lower case: a literal lower-case ASCII word is found in it exactly where the
    word, matched in any case, is found in `text`, at the same offsets.

    >>> ascii_folded("KILLED, ſlain, İnjured")
    'killed, slain, injured'
    """
    if text.isascii():
        return text.lower()
    return text.replace("\u0130", "i").replace("\u017f", "s").lower()


def quick_init(cls):
    """A frozen dataclass with slots, made with an __init__ that sets each slot through its
    descriptor: the same object, as frozen, a third as long to make as the generated
    __init__, which calls object.__setattr__ by name for each field (about 1.2 µs for ten
    fields; a number, its amount, each reading and candidate is one). The class must have
    plain defaults only and no __post_init__.

    >>> from dataclasses import dataclass, FrozenInstanceError
    >>> @quick_init
    ... @dataclass(frozen=True, slots=True)
    ... class Span:
    ...     start: int
    ...     end: int = 0
    >>> Span(1, end=2), Span(1) == Span(1, 0), hash(Span(3)) == hash(Span(3, 0))
    (Span(start=1, end=2), True, True)
    >>> Span(1).end = 5
    Traceback (most recent call last):
    dataclasses.FrozenInstanceError: cannot assign to field 'end'
    """
    import dataclasses

    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen and "__slots__" in cls.__dict__
    assert not hasattr(cls, "__post_init__")
    fields = dataclasses.fields(cls)
    namespace, parameters = {}, []
    for field in fields:
        assert field.init and not field.kw_only and field.default_factory is dataclasses.MISSING, field
        namespace[f"_set_{field.name}"] = getattr(cls, field.name).__set__
        if field.default is dataclasses.MISSING:
            parameters.append(field.name)
        else:
            namespace[f"_default_{field.name}"] = field.default
            parameters.append(f"{field.name}=_default_{field.name}")
    body = "".join(f"    _set_{field.name}(self, {field.name})\n" for field in fields)
    exec(f"def __init__(self, {', '.join(parameters)}):\n{body}", namespace)
    namespace["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = namespace["__init__"]
    return cls


def one_line(words: str | None) -> str | None:
    r"""A derived text column's words with their white space one space, so that a name or a
    subject written across a wrapped line groups with itself.

    >>> one_line("North Korean\n   troops")
    'North Korean troops'
    """
    return " ".join(words.split()) if words else words
