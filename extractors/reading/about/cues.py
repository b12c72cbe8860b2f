"""The cue words of the labeller, read from their data files in extractors/data/.

measures.tsv   what a cue says of the figure it stands with, by the class of what is counted,
               over measures-wordnet.tsv (WordNet's words of killing, wounding, displacement
               and attack, generated)
stages.tsv     the stage of aid a verb gives it (pledged, committed, allocated, delivered)
aid-cues.tsv   the words that make a figure aid, and the kind of aid they say
not-war.tsv    causes of death and harm that are no organized violence
crime.tsv      crime, riots and mass shootings: no war unless a war is named beside them
violence.tsv   words of armed violence, which make a figure's clause about war, over
               violence-wordnet.tsv (WordNet's words of attack and massacre, generated)
not-war-aid.tsv  what money is for when it is no war aid (climate, health, development)

Each file is loaded once; each pattern is an alternation of its cues, longest first, so a
cue is never matched without the label it gives.

>>> measure_of("people", "were killed")
('casualties', 'killed')
>>> measure_of("weapons", "shot down"), measure_of("equipment", "shot down")
(('attacks', 'intercepted'), ('damage', 'destroyed'))
>>> SELF["prisoners of war"], stage_near("has allocated", "")
(('casualties', 'captured'), 'allocated')
"""

from __future__ import annotations

import bisect

import re
from functools import cache

import regex

from .. import patterns
from ..lexicons import read_tsv
from ..numerals import trie_pattern

NOUN_CLASSES = ("people", "weapons", "equipment", "structures", "places")


class WordsPattern:
    """Any of `words` as whole words, in any case, longest first; a space in a cue matches
    any run of spaces or line breaks ("shot\\ndown" in wrapped text). `search` and `finditer`
    give the matches of that `regex` pattern (`.regex`).

    The case-blind pattern of many words takes 10 to 20 µs for a clause and half a
    millisecond for a long sentence, and most clauses hold no cue. So the text is first
    folded as a case-blind match sees it (patterns.ascii_folded), and the first word of
    every cue looked for in it by the standard library's engine, a few times faster: where
    none is, no cue is; where one is, the pattern is searched from there on (a match starts
    with the first word of its cue, at the same offset in the folded text).

    >>> pattern = words_pattern(["shot down", "killed"])
    >>> [m.group("cue") for m in pattern.finditer("They were KILLED; the drones were shot\\ndown.")]
    ['KILLED', 'shot\\ndown']
    >>> pattern.search("no such words, skilled") is None
    True
    """

    def __init__(self, words):
        words = sorted(set(words), key=len, reverse=True)
        alternation = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
        self.regex = regex.compile(rf"(?<![\p{{L}}\p{{N}}-])(?P<cue>{alternation})(?![\p{{L}}\p{{N}}])",
                                   regex.IGNORECASE)
        self.pattern = self.regex.pattern
        # The look is exact for cues of printable ASCII but a capital I, which matches the
        # dotless "ı" that folding leaves as it is (tests/test_hostile.py): for any other
        # cue, or one that starts with a space, every text is searched.
        firsts = {w.split(" ")[0].lower() for w in words}
        self._firsts = self._every_first = None
        if words and all(w.isascii() and w.isprintable() and "I" not in w for w in words) and "" not in firsts:
            self._firsts = re.compile(trie_pattern(sorted(firsts)))
            # every offset where a first word begins, those inside another's too (FirstWords)
            self._every_first = re.compile(f"(?=(?:{trie_pattern(sorted(firsts))}))")

    def _start(self, string: str) -> int | None:
        """Where the first match may start: the first first word of a cue, or None."""
        if self._firsts is None:
            return 0
        found = self._firsts.search(patterns.ascii_folded(string))
        return None if found is None else found.start()

    def search(self, string: str):
        start = self._start(string)
        return None if start is None else self.regex.search(string, start)

    def finditer(self, string: str):
        start = self._start(string)
        return iter(()) if start is None else self.regex.finditer(string, start)


class FirstWords:
    """Where in one text the first words of each WordsPattern's cues begin, found once a
    pattern (when first asked): a search of a part of that text then starts at the first of
    them in the part, or knows there is none, without reading the part.

    A page of figures with no sentence end asks each figure's own sentence of thousands of
    characters, before and after it, for a cause of harm in peace (about._count): read part
    by part, that is the page's length times its figures. The answer is the same: a cue's
    match starts where the first word of a cue does, at the same offset in the folded part
    as in the folded text (patterns.ascii_folded is one character for one), and starting
    the search of the part at a first word that runs past its end, or at the first of
    several, finds the same first match.

    >>> text = "Floods killed 5 people; 7 died in the war"
    >>> index = FirstWords(text)
    >>> index.search(NOT_WAR, text[:15], 0).group("cue"), index.search(NOT_WAR, text[15:], 15)
    ('Floods', None)
    """

    def __init__(self, text: str):
        self._text = text
        self._folded: str | None = None
        self._offsets: dict[int, list[int]] = {}  # by id of a pattern, which the module holds

    def search(self, pattern: WordsPattern, string: str, offset: int):
        """`pattern.search(string)`, where `string` is the text's characters from `offset` on."""
        if pattern._every_first is None:
            return pattern.search(string)
        offsets = self._offsets.get(id(pattern))
        if offsets is None:
            if self._folded is None:
                self._folded = patterns.ascii_folded(self._text)
            offsets = self._offsets[id(pattern)] = [m.start() for m in pattern._every_first.finditer(self._folded)]
        i = bisect.bisect_left(offsets, offset)
        if i == len(offsets) or offsets[i] >= offset + len(string):
            return None
        return pattern.regex.search(string, offsets[i] - offset)


def words_pattern(words) -> WordsPattern:
    """Any of `words` as whole words, in any case, longest first (WordsPattern)."""
    return WordsPattern(words)


key = patterns.key


def _measure_rows() -> list[dict[str, str]]:
    """measures-wordnet.tsv overlaid by measures.tsv: a hand row replaces the generated row
    of its cue and noun class."""
    rows = {(row["cue"], row["nouns"]): row for row in read_tsv("measures-wordnet.tsv")}
    rows.update({(row["cue"], row["nouns"]): row for row in read_tsv("measures.tsv")})
    return list(rows.values())


_MEASURES = _measure_rows()
# The counted noun that is its own measure: "deaths", "refugees", "prisoners of war".
SELF: dict[str, tuple[str, str]] = {
    row["cue"]: (row["category"], row["measure"]) for row in _MEASURES if row["nouns"] == "self"}
BY_CLASS: dict[str, dict[str, tuple[str, str]]] = {
    klass: {row["cue"]: (row["category"], row["measure"]) for row in _MEASURES if row["nouns"] == klass}
    for klass in NOUN_CLASSES}
MEASURE_CUES = {klass: words_pattern(table) for klass, table in BY_CLASS.items()}
CATEGORY_MEASURES = sorted({(row["category"], row["measure"]) for row in _MEASURES})

STAGES_TABLE = {row["cue"]: row["stage"] for row in read_tsv("stages.tsv")}
STAGE_CUE = words_pattern(STAGES_TABLE)
_FUTURE = regex.compile(r"\b(?:will|would|to|shall|plans?\s+to|intends?\s+to|is\s+going\s+to)\s+(?:\w+\s+){0,2}$",
                        regex.IGNORECASE)

NOT_WAR = words_pattern(row["cue"] for row in read_tsv("not-war.tsv"))
CRIME = words_pattern(row["cue"] for row in read_tsv("crime.tsv"))
_VIOLENCE = read_tsv("violence.tsv")
_VIOLENT = words_pattern([row["cue"] for row in _VIOLENCE if row["violence"] == "yes"]
                         + [row["cue"] for row in read_tsv("violence-wordnet.tsv")])
_NOT_VIOLENT = words_pattern(row["cue"] for row in _VIOLENCE if row["violence"] == "no")
NOT_WAR_AID = words_pattern(row["cue"] for row in read_tsv("not-war-aid.tsv"))

_AID = read_tsv("aid-cues.tsv")
AID_KINDS_TABLE = {row["cue"]: row["kind"] or None for row in _AID}
AID_CUE = words_pattern(row["cue"] for row in _AID if row["makes_aid"] == "yes")
AID_KIND_CUE = words_pattern(row["cue"] for row in _AID if row["kind"])
# A request is aid asked for (aid_scope `requested`: about/aid.py); spending at home and the
# size of a fund are no aid.
NOT_GIVEN = words_pattern(row["cue"] for row in _AID if row["makes_aid"] in ("domestic", "finance"))
PAY = words_pattern(row["cue"] for row in _AID if row["makes_aid"] == "pay")


def violence_in(text: str) -> bool:
    """Whether `text` holds a word of armed violence outside a phrase that is none.

    >>> violence_in("a drone attack on Kharkiv"), violence_in("writers on strike"), violence_in("heart attacks")
    (True, False, False)
    """
    return bool(violent_spans(text))


def violent_spans(text: str) -> list[tuple[int, int]]:
    """The words of armed violence in `text` outside a phrase that is none (violence.tsv)."""
    found = [m.span() for m in _VIOLENT.finditer(text)]
    if not found:
        return []
    return outside(found, [m.span() for m in _NOT_VIOLENT.finditer(text)])


def outside(found: list[tuple[int, int]], spared: list[tuple[int, int]],
            inside=lambda a, b, start, end: a <= start and end <= b) -> list[tuple[int, int]]:
    """The spans of `found` in none of `spared` (both sorted, each of non-overlapping spans):
    each looked up among the spared spans that start before it, not all of them."""
    if not spared:
        return found
    starts = [a for a, _ in spared]
    kept = []
    for start, end in found:
        index = bisect.bisect_right(starts, start) - 1  # the last spared span starting at or before it
        if index < 0 or not inside(*spared[index], start, end):
            kept.append((start, end))
    return kept


def measure_of(klass: str, text: str) -> tuple[str, str] | None:
    """(category, measure) of the first cue for a noun class in `text`."""
    found = MEASURE_CUES[klass].search(text)
    return None if found is None else BY_CLASS[klass][key(found.group("cue"))]


def stage_near(before: str, after: str) -> str | None:
    """The stage the cue nearest the figure gives: the last before it or the first after it
    in its clause, whichever is closer ("Australia's $30 million commitment to provide")."""
    last = None
    for last in STAGE_CUE.finditer(before):
        pass
    first = STAGE_CUE.search(after)
    if last is None and first is None:
        return None
    if first is not None and (last is None or first.start() < len(before) - last.end()):
        return STAGES_TABLE[key(first.group("cue"))]
    if _FUTURE.search(before, 0, last.start()):
        return "pledged"
    return STAGES_TABLE[key(last.group("cue"))]


def aid_kind_of(*texts: str) -> str | None:
    """The kind of aid the first kind cue in the texts says."""
    for text in texts:
        for found in AID_KIND_CUE.finditer(text or ""):
            kind = AID_KINDS_TABLE[key(found.group("cue"))]
            if kind:
                return kind
    return None


@cache
def self_measure(phrase: str) -> tuple[str, str] | None:
    """The measure a counted noun phrase is by itself: its longest trailing words in SELF."""
    words = key(phrase).split()
    for size in range(min(4, len(words)), 0, -1):
        found = SELF.get(" ".join(words[-size:]))
        if found:
            return found
    return None
