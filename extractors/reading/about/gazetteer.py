"""Names looked up as words: the mechanism every gazetteer of the reading shares (places,
conflicts' names and parties).

A text is cut into words once (the pattern every actor and place form is written in:
"U.S.", "Timor-Leste", "Russia’s") and runs of words are looked up in a dictionary, longest
first: the cost is that of the words read, whatever the gazetteer's size. A form written in
capitals or as a proper name matches only as written (a place, "US"); a form marked caseless
matches in any case ("full-scale invasion"). A possessive "’s" is no part of a name.

>>> names = Gazetteer([("Kharkiv", "UA-63", True), ("full-scale invasion", "war", False)])
>>> [(m.text, m.value) for m in names.mentions("Russia's full-scale invasion reached Kharkiv’s suburbs")]
[('full-scale invasion', 'war'), ('Kharkiv', 'UA-63')]
>>> [m.text for m in names.mentions("kharkiv, KHARKIV")]
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, TypeVar

import regex

from .. import lexicons
from ..patterns import ascii_folded, fold

WORD = regex.compile(r"(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
_POSSESSIVE = regex.compile(r"['’]s$")
MAX_WORDS = 5

Value = TypeVar("Value")


@dataclass(frozen=True, slots=True)
class Mention(Generic[Value]):
    start: int
    end: int
    text: str
    value: Value


class Gazetteer(Generic[Value]):
    """Forms -> values, looked up as runs of words. `entries` are (form, value, as_written):
    `as_written` forms match only with the same letters in the same case.

    A name written as written begins with a capital (a place, "US", "Hamas"), so only the
    capitalized words of a text are looked at, a fraction of its words; the names matched in
    any case ("full-scale invasion") are few, and found by one pattern of their words."""

    def __init__(self, entries: Iterable[tuple[str, Value, bool]], max_words: int = MAX_WORDS):
        self.exact: dict[str, Value] = {}
        self.caseless: dict[str, Value] = {}
        firsts = set()
        for form, value, as_written in entries:
            words = WORD.findall(form)
            if not words:
                continue
            if as_written and words[0][0].isupper():
                self.exact[" ".join(words)] = value
                firsts.add(words[0])
            else:
                self.caseless[" ".join(words).lower()] = value
        self.firsts = frozenset(firsts)
        self.max_words = max_words
        # Searched by the standard library's engine in the text folded to lower-case ASCII
        # letters (patterns.ascii_folded: the same offsets), a few times faster than a
        # case-blind `regex` pattern.
        self._caseless = None
        if self.caseless:
            names = sorted(self.caseless, key=len, reverse=True)
            self._caseless = re.compile(r"(?<![^\W_])(?:" + "|".join(
                r"[ \t\u00a0\n]+".join(re.escape(w) for w in name.split(" ")) for name in names) + r")(?![^\W_])")

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Mention[Value]]:
        """The names in text[start:end], left to right, the longest where names overlap."""
        end = len(text) if end is None else end
        found = []
        for capital in _CAPITALIZED.finditer(text, start, end):
            word = capital.group()
            if word not in self.firsts and _POSSESSIVE.sub("", word) not in self.firsts:
                continue
            longest = self._longest(text, capital, end)
            if longest is not None:
                found.append(longest)
        if self._caseless is not None:
            folded = ascii_folded(text)
            for match in self._caseless.finditer(folded, start, end):
                value = self.caseless.get(" ".join(match.group().split()))
                if value is not None:
                    found.append(Mention(match.start(), match.end(), text[match.start():match.end()], value))
        if not found:
            return iter(())
        found.sort(key=lambda m: (m.start, m.start - m.end))
        kept, reached = [], -1
        for mention in found:
            if mention.start >= reached:
                kept.append(mention)
                reached = mention.end
        return iter(kept)

    def _longest(self, text: str, first, end: int) -> Mention[Value] | None:
        """The longest name of the gazetteer that begins with the word `first`."""
        tokens = [first]
        while len(tokens) < self.max_words:
            following = _NEXT_WORD.match(text, tokens[-1].end(), end)
            if following is None:
                break
            tokens.append(following)
        for n in range(len(tokens), 0, -1):
            words = [t.group("word") if t.re is _NEXT_WORD else t.group() for t in tokens[:n]]
            possessive = bool(_POSSESSIVE.search(words[-1]))
            if possessive:
                words[-1] = words[-1][:-2]
            value = self.exact.get(" ".join(words))
            if value is not None:
                last = tokens[n - 1]
                stop = (last.end("word") if last.re is _NEXT_WORD else last.end()) - (2 if possessive else 0)
                return Mention(first.start(), stop, text[first.start():stop], value)
        return None


# A capitalized word ("Kharkiv", "U.S.", "Russia’s") and the word after a name's word, over
# spaces only ("Gaza Strip", "Red Sea"; a line break of wrapped text is a space).
_CAPITALIZED = regex.compile(r"(?<![\p{L}\p{N}.'’-])(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{N}]*(?:[-'’][\p{L}\p{N}]+)*)")
_NEXT_WORD = regex.compile(r"[ \t\u00a0\n]+(?P<word>(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)")


# A town's name inside a longer proper name is no town: "Iwo Jima" (Jima, Ethiopia), "San
# Diego" (San, Mali), "the Kyiv Independent". A capitalized word right before or after the
# name makes it part of another name, unless it is a word that may stand there: a sentence's
# first word of these, a direction, or the kind of place after it ("Kharkiv Oblast").
_MAY_PRECEDE = frozenset({"the", "in", "at", "on", "near", "from", "to", "of", "and", "for", "by", "across",
                          "over", "outside", "inside", "into", "with", "against", "around", "toward", "towards",
                          "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                          "central", "occupied", "liberated", "besieged", "since", "after", "before", "while",
                          "as", "but", "or", "if", "when", "where", "both", "between", "through", "throughout"})
_MAY_FOLLOW = frozenset({"oblast", "region", "province", "governorate", "district", "city", "strip", "state",
                         "raion", "county", "area", "front", "direction", "axis", "sector"})
_WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}'’.-]*)[ \u00a0\n]$")  # a line break of wrapped text too
_WORD_AFTER = regex.compile(r"[ \u00a0\n](\p{L}[\p{L}'’-]*)")


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is not part of a longer proper name.

    >>> [stands_alone(s, s.index("Jima"), s.index("Jima") + 4) for s in ("Iwo Jima", "in Jima, Ethiopia")]
    [False, True]
    >>> stands_alone("Kharkiv Oblast was hit", 0, 7), stands_alone("the Kharkiv Independent", 4, 11)
    (True, False)
    >>> stands_alone("a former Bethlehem Steel mill", 9, 18), stands_alone("100 West Bank Palestinians", 4, 13)
    (False, True)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(1)[0].isupper() and before.group(1).lower() not in _MAY_PRECEDE:
        return False
    after = _WORD_AFTER.match(text, end)
    # a people after a place is of it: "West Bank Palestinians", "Gaza residents"
    return not (after and after.group(1)[0].isupper() and after.group(1).lower() not in _MAY_FOLLOW
                and fold(after.group(1)) not in lexicons.demonyms())
