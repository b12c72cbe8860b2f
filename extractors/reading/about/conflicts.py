"""Which war a figure is about: the conflict gazetteer (extractors/data/conflicts.tsv), and
the document a figure is read in (its text, title and date).

A conflict is named by its usual names ("the full-scale invasion", "the war in Gaza"), by
its parties (the actors of the actor gazetteer that fight in it: "Hamas", "the Houthis",
"Russia") and by its places (every place of the place gazetteer inside the countries and
subdivisions it is fought in: "Kharkiv", "Rafah", "Donbas"). A name that says only one war
(a conflict's name, an armed group, a town) is `strong`; a country, its capital or its
demonym is `weak`: "Russia" or "Israel" is named in much that is no war.

A figure's conflict is looked for in its clause, then its sentence, its paragraph (with the
one before it: a question and its answer), the document's title and lead, and the whole
document: the first of these whose names point to
one conflict above the others (strong names counting twice a weak one, a name of several
conflicts shared among them) decides; where two tie, the next wider one breaks the tie
among them. The document's date keeps only the conflicts being fought then. Each decision
names its level: `conflict.clause`, `conflict.sentence`, ..., `conflict.document`.

>>> text = "Russian strikes on Kharkiv killed 12 people. In Gaza, aid trucks waited."
>>> setting = Setting(text, title=None, reported=dt.date(2024, 5, 20))
>>> found = setting.conflict_of(text.index("12"), text.index("12") + 9, (0, 43), (0, 44))
>>> found.conflict, found.rule, found.named_within("clause", STRONG)
('russia-ukraine', 'conflict.clause', True)
>>> Setting("12 people were killed in Kharkiv", reported=dt.date(2013, 1, 1)).conflict_of(0, 9, (0, 32), (0, 32)) is None
True
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import regex

from ..lexicons import actors, read_tsv
from . import places as place_gazetteer
from .gazetteer import Gazetteer, Mention, stands_alone

STRONG, WEAK = 1.0, 0.5
LEVELS = ("clause", "sentence", "paragraph", "title", "document")
# Where a paragraph ends: a blank line; where none is near, LOOK characters either way.
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\u00a0]*\n")
_LOOK = 3000
_LEAD = 1000  # characters of the text read with the title


@dataclass(frozen=True, slots=True)
class Conflict:
    conflict: str
    name: str
    start: dt.date
    end: dt.date | None
    war_began: dt.date
    parties: tuple[str, ...]
    places: tuple[str, ...]
    names: tuple[str, ...]
    ucdp: tuple[str, ...]

    def fought_on(self, day: dt.date | None) -> bool:
        return day is None or self.start <= day and (self.end is None or day <= self.end)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


@cache
def conflicts() -> dict[str, Conflict]:
    table = {}
    for row in read_tsv("conflicts.tsv"):
        table[row["conflict"]] = Conflict(
            row["conflict"], row["name"], dt.date.fromisoformat(row["start"]),
            dt.date.fromisoformat(row["end"]) if row["end"] else None, dt.date.fromisoformat(row["war_began"]),
            _split(row["parties"]), _split(row["places"]), _split(row["names"]), _split(row["ucdp"]))
    return table


@dataclass(frozen=True, slots=True)
class Term:
    """What a name says of the wars: the conflicts it names and how surely."""

    conflicts: tuple[str, ...]
    weight: float
    town: bool = False  # a town's name: no name of a war inside a longer name (gazetteer.stands_alone)


_STATE_KINDS = ("country", "capital", "demonym")


@cache
def terms() -> Gazetteer[Term]:
    """The names of every conflict, as one gazetteer: its names (any case), its parties'
    forms (as the actor gazetteer matches them) and the forms of the places it is fought in."""
    named: dict[tuple[str, bool], dict[str, float]] = defaultdict(dict)  # (form, as written) -> conflict -> weight
    towns = set()

    def add(form: str, as_written: bool, conflict: str, weight: float) -> None:
        found = named[(form, as_written)]
        found[conflict] = max(found.get(conflict, 0.0), weight)

    table = conflicts()
    by_actor = defaultdict(list)
    for actor in actors():
        by_actor[actor.actor].append(actor)
    for conflict in table.values():
        for name in conflict.names:  # a proper name as written ("October 7"), a phrase in any case
            add(name, name[0].isupper(), conflict.conflict, STRONG)
        for party in conflict.parties:
            for actor in by_actor.get(party, ()):
                add(actor.form, actor.case_sensitive, conflict.conflict,
                    WEAK if actor.kind in _STATE_KINDS else STRONG)
    whole = {code: [c.conflict for c in table.values() if code in c.places]
             for c in table.values() for code in c.places}
    places = place_gazetteer.gazetteer()
    for form, place in places.exact.items():
        within = set(whole.get(place.place, ()))
        if place.kind != "country":
            within |= set(whole.get(place.country, ()))
        if place.conflict:
            within.add(place.conflict)
        for conflict in within:
            add(form, True, conflict, WEAK if place.kind == "country" else STRONG)
        if within and place.kind != "country":
            towns.add(form)  # a place's name within a longer one is not the place: "Bethlehem Steel"
    return Gazetteer((form, Term(tuple(sorted(found)), max(found.values()), as_written and form in towns), as_written)
                     for (form, as_written), found in named.items())


class Setting:
    """A document as the figures in it are read: its text, title and date, and the names of
    conflicts in it, found once where its first war figure asks."""

    def __init__(self, text: str, title: str | None = None, reported: dt.date | None = None):
        self.text = text
        self.title = title or ""
        self.reported = reported
        self._document: list[Mention[Term]] | None = None
        self._starts: list[int] | None = None
        self._breaks: list[tuple[int, int]] | None = None
        # Figures of one sentence ask about the same spans: each is scored once (a page of
        # figures with no sentence end asked the same 10,000 characters once a figure).
        self._scored: dict[tuple[int, int] | str, tuple[dict[str, float], float]] = {}

    # ---- the text around a figure
    def paragraph(self, start: int, end: int) -> tuple[int, int]:
        """The paragraph of text[start:end] and the one before it: an answer and its question,
        an item and its list's introduction ("This includes $379 million ...")."""
        if self._breaks is None:  # found once a document: a scan per figure was quadratic in dense text
            self._breaks = [m.span() for m in _PARAGRAPH_BREAK.finditer(self.text)]
        breaks, text_end = self._breaks, len(self.text)
        lowest = max(0, start - _LOOK)
        # the breaks wholly within [lowest, start), as a scan of that range finds them
        first = bisect.bisect_left(breaks, (lowest, -1))
        last = bisect.bisect_left(breaks, (start, -1))
        while last > first and breaks[last - 1][1] > start:
            last -= 1
        before = breaks[first:last]
        index = bisect.bisect_left(breaks, (end, -1))  # the first break at or after the end
        after = breaks[index] if index < len(breaks) and breaks[index][1] <= min(text_end, end + _LOOK) else None
        return (before[-2][1] if len(before) > 1 else lowest,
                after[0] if after else min(text_end, end + _LOOK))

    def _lead(self) -> tuple[int, int]:
        first = _PARAGRAPH_BREAK.search(self.text, 0, _LEAD)
        return 0, first.start() if first else min(len(self.text), _LEAD)

    @staticmethod
    def names(string: str, start: int = 0, end: int | None = None) -> list[Mention[Term]]:
        """The names of wars in string[start:end]; a town's only where it stands alone."""
        return [m for m in terms().mentions(string, start, end)
                if not m.value.town or stands_alone(string, m.start, m.end)]

    def document_mentions(self) -> list[Mention[Term]]:
        if self._document is None:
            self._document = self.names(self.text)
            self._starts = [m.start for m in self._document]
        return self._document

    def _between(self, start: int, end: int) -> list[Mention[Term]]:
        """The names in text[start:end]: the document is read once, where its first figure
        asks, and each figure's clause, sentence and paragraph looked up in what it holds."""
        self.document_mentions()
        return self._document[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]

    # ---- the conflict
    def _scores(self, mentions) -> tuple[dict[str, float], float]:
        """The conflicts the names point to, each with its score, and the weight of the
        surest name among them; only the conflicts fought on the document's date count."""
        table = conflicts()
        scores: dict[str, float] = defaultdict(float)
        surest = 0.0
        for mention in mentions:
            term = mention.value
            current = [c for c in term.conflicts if table[c].fought_on(self.reported)]
            for conflict in current:
                scores[conflict] += term.weight / len(current)
            if current:
                surest = max(surest, term.weight)
        return scores, surest

    def evidence(self, start: int, end: int, clause: tuple[int, int], sentence: tuple[int, int]):
        """(level, scores, surest) of each level around text[start:end], narrowest first, lazily."""
        yield "clause", *self._scores_between(clause)
        yield "sentence", *self._scores_between(sentence)
        yield "paragraph", *self._scores_between(self.paragraph(*sentence))
        if "title" not in self._scored:
            self._scored["title"] = self._scores(self.names(self.title) + self._between(*self._lead()))
        yield "title", *self._scored["title"]
        if "document" not in self._scored:
            self._scored["document"] = self._scores(self.document_mentions())
        yield "document", *self._scored["document"]

    def _scores_between(self, span: tuple[int, int]) -> tuple[dict[str, float], float]:
        if span not in self._scored:
            self._scored[span] = self._scores(self._between(*span))
        return self._scored[span]

    def conflict_of(self, start: int, end: int, clause: tuple[int, int], sentence: tuple[int, int]
                    ) -> Found | None:
        """The conflict of the figure at text[start:end] (the level that first points to one
        conflict above the others; ties go on to the wider levels), and the nearest level
        where any conflict is named at all: None where the document names none."""
        among: set[str] | None = None
        nearest = None
        for level, scores, surest in self.evidence(start, end, clause, sentence):
            if scores and nearest is None:
                nearest = (level, surest, max(scores.values()))
            if among is not None:
                scores = {c: s for c, s in scores.items() if c in among}
            if not scores:
                continue
            best = max(scores.values())
            leaders = {c for c, s in scores.items() if s == best}
            if len(leaders) == 1:
                (conflict,) = leaders
                return Found(conflict, f"conflict.{level}", *nearest)
            among = leaders
        return None if nearest is None else Found(None, None, *nearest)


@dataclass(frozen=True, slots=True)
class Found:
    """What the text around a figure says of the wars: the conflict (None where names of
    several tie to the end), the rule that chose it, and the nearest level that names any
    conflict, with the weight of its surest name there (STRONG or WEAK) and the score of
    the conflict named most there."""

    conflict: str | None
    rule: str | None
    nearest: str
    weight: float
    score: float  # the score of the conflict named most there: two weak names are as one sure one

    def named_within(self, level: str, weight: float = WEAK) -> bool:
        """Whether a conflict is named at `level` or nearer, by a name at least that sure, or
        by names that together are."""
        return LEVELS.index(self.nearest) <= LEVELS.index(level) and max(self.weight, self.score) >= weight
