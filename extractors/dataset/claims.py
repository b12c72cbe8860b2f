"""Claims: the figures, across documents, that state the same fact, and where they agree.

A claim's members share a key: category and measure (military aid is not aid of every kind;
killed is not wounded), the subject as one name (the weapon's name from weapons.tsv, the
counted people or things as their group from subjects.tsv with the actor named before them,
aid with its kind, donor and recipient as actors.tsv names them, and its stage), the
normalized unit, and the time its sentence states within PERIOD_REACH of the figure
(periods.tsv).

The time is first: figures of documents published within `SAME_TIME_DAYS` of each other
(chained) are of one time; undated documents join the key's one time where it has one. A
phrase of the time of publication ("today", "so far") dates a figure as its document does. In a time, a figure that leaves a part
of the key unsaid (no donor, no stage, no period) joins the one group that says it, where
exactly one does; the claim then shows only the parts its own members say.

In its time and key, a document's statements join claims, and a statement of another
document joins a claim only where the key tells facts apart (`Key.specific`: a named weapon
or actor, aid with its donor or recipient) and only within `SAME_TIME_DAYS` of the claim's
latest member. A statement is a figure with the
same figure in another unit ("190 miles (300km)") and its repeats in the document (the same
bounds again: a heading and its paragraph). A statement joins the first claim without a
member from its document that it agrees with: whose widened bounds it overlaps and whose
stated numbers are within the tolerance of its own (an open end, as in "more than 40,000",
admits any larger number but reports none). A document's only statement of a key that
agrees with no claim joins the first whose stated numbers are all within `SAME_FACT_RATIO`
of its own: two reports of one fact that disagree. Else it opens a claim: a document with
several statements of one key (a package and its parts, two years' totals) states several
facts.

Each member admits an interval: its normalized bounds, or its value. The members agree when
all their intervals, each widened by `TOLERANCE` of its ends, share a point; the largest set
of members that does is the agreeing set, and the sources outside it disagree. The consensus
is the intersection of the statements' own intervals, where it is not empty.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sys
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Iterator

import regex

from ..reading import lexicons
from ..reading.about import actors as actor_mentions
from ..reading.about import named_weapons, _weapons
from ..reading.patterns import key as normalize
from .records import Claim, ClaimQuantity

TOLERANCE = 0.05        # relative: 300 km and 306 km agree, 300 km and 350 km do not
SAME_TIME_DAYS = 7      # figures of one key published this close are about the same time
PERIOD_REACH = 100      # characters: a time phrase further from the figure dates another clause
SAME_FACT_RATIO = 2     # figures further apart than this (10,000 and 25,000) are of two facts
# Reports of one announcement of new aid join its claim within this many days of its first
# report: 284 of the 324 reports of the aid gold's announcements are this close, and two
# packages of one amount are announced closer only rarely ($400 million on 2022-11-04 and 11-10).
ANNOUNCEMENT_DAYS = 7
# An amount said as reported ("the package we announced last week") joins an announcement
# first reported up to this many days before it.
REPORT_DAYS = 120

# What a member needs from the tables (quantities joined with documents).
FIELDS = ("quantity_id", "doc_id", "start", "text", "sentence", "sentence_start", "category", "measure",
          "normalized_value", "normalized_low", "normalized_high", "normalized_unit", "subject", "donor",
          "recipient", "aid_kind", "stage", "aid_scope", "aid_scope_rule", "value_usd", "low_usd", "high_usd", "attributed_source", "linked_to", "published",
          "outlet")

SQL = ("SELECT " + ", ".join(f"q.{f}" if f not in ("published", "outlet") else f"d.{f}" for f in FIELDS)
       + " FROM quantities q LEFT JOIN documents d USING (doc_id) WHERE q.category <> 'other' AND "
       "coalesce(q.normalized_value, q.normalized_low, q.normalized_high) IS NOT NULL")


@dataclass(frozen=True, slots=True)
class Member:
    """What grouping needs of a figure, and no more (no sentence): its key, where it is, who
    gives it and the interval it admits."""

    quantity_id: str
    doc_id: str | None
    start: int
    published: dt.date | None
    source: str
    value: float | None
    low: float | None
    high: float | None
    linked_to: str | None
    key: "Key"
    stated_usd: float | None = None  # the number it states (`_stated`) in US dollars
    reported: bool = False  # said as a report of an earlier announcement (aid_scope.reported)
    publisher: str = "?"  # its document's outlet (else the document): who published it, not who said it

    @classmethod
    def of(cls, row: dict) -> "Member":
        usd = next((row.get(f"{name}_usd") for name in ("value", "high", "low")
                    if row[f"normalized_{name}"] is not None), None)
        return cls(row["quantity_id"], row["doc_id"], row["start"], row["published"], _source(row),
                   row["normalized_value"], *interval(row), row["linked_to"], key_of(row), usd,
                   row.get("aid_scope_rule") == "aid_scope.reported", row["outlet"] or row["doc_id"] or "?")

    def bucket(self) -> int:
        """The scratch file of `stream` the member goes to: by its base key."""
        digest = hashlib.sha256(self.key.base().sort_key().encode("utf-8")).digest()
        return int.from_bytes(digest[:4], "big") % BUCKETS

    def order(self) -> tuple:
        """Where the member comes in grouping: by its key's always-said parts, then date
        (undated last), document, position."""
        return (self.key.base().sort_key(), self.published is None, self.published or dt.date.min,
                self.doc_id or "", self.start)


# -- the key -----------------------------------------------------------------------------

actor_name = actor_mentions.actor_name  # one name per actor: the reading owns the decision


@cache
def _subject_groups() -> dict[str, str]:
    return {row["form"]: row["group"] for row in lexicons.read_tsv("subjects.tsv")}


_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
# The head ends where a preposition starts what follows it: "attacks on healthcare facilities".
_AFTER_HEAD = regex.compile(r"\s(?:of|on|in|at|against|for|from|to|by|with|near|across)\s", regex.IGNORECASE)


def counted(subject: str | None) -> tuple[str | None, str]:
    """(actor, group) of a counted subject: the actor named in it and its head's group.

    >>> counted("North Korean troops"), counted("DPRK  soldiers"), counted("Ukrainian lives")
    (('North Korea', 'troops'), ('North Korea', 'troops'), ('Ukraine', 'people'))
    >>> counted("attacks on healthcare facilities")
    (None, 'attacks')
    >>> counted("Americans"), counted("additional\\nservicemembers"), counted(None)
    (('United States', 'people'), (None, 'troops'), (None, ''))
    """
    if not subject:
        return None, ""
    found = list(actor_mentions.mentions(subject))
    actor = actor_name(found[0][2]) if found else None
    rest = subject[found[-1][1]:] if found else subject
    words = [w.lower() for w in _WORD.findall(_AFTER_HEAD.split(rest, 1)[0])]
    if not words:  # the actor is the head: "73 Israelis", "Americans"
        return actor, "people"
    groups = _subject_groups()
    for n in (2, 1):
        head = " ".join(words[-n:])
        if len(words) >= n and head in groups:
            return actor, groups[head]
    return actor, words[-1]


def weapon(row: dict) -> str | None:
    """The one name of the weapon a figure is about: named in its subject, else the named
    weapon nearest it in its sentence.

    >>> weapon({"subject": "Atacms rockets", "sentence": "", "start": 0, "sentence_start": 0})
    'ATACMS'
    """
    names = _weapons()
    pattern = _weapon_pattern()
    for text in (row.get("subject") or "",):
        hit = pattern.search(text)
        if hit:
            return names[hit.group()]
    sentence, at = row.get("sentence") or "", row["start"] - row["sentence_start"]
    hits = list(pattern.finditer(sentence))
    if not hits:
        return None
    nearest = min(hits, key=lambda h: (min(abs(h.start() - at), abs(h.end() - at)), h.start()))
    return names[nearest.group()]


@cache
def _weapon_pattern():
    forms = sorted(named_weapons(), key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(f) for f in forms) + r")(?![\p{L}\p{N}])")


@cache
def _periods():
    return [(regex.compile(row["pattern"], regex.IGNORECASE), row["kind"]) for row in lexicons.read_tsv("periods.tsv")]


def period(row: dict) -> tuple[str, str] | None:
    """(phrase, kind) of the time the figure's sentence states, nearest the figure and
    within PERIOD_REACH characters of it.

    >>> period({"sentence": "Since the full-scale invasion, 6 million have fled", "start": 31, "sentence_start": 0})
    ('since the full-scale invasion', 'since')
    >>> period({"sentence": "6 million have fled", "start": 0, "sentence_start": 0}) is None
    True
    """
    sentence, at = row.get("sentence") or "", row["start"] - row["sentence_start"]
    best = None
    for pattern, kind in _periods():
        for hit in pattern.finditer(sentence):
            distance = min(abs(hit.start() - at), abs(hit.end() - at))
            if distance > PERIOD_REACH:
                continue  # another clause's time, in a long sentence
            candidate = (distance, hit.start(), normalize(hit.group()), kind)
            if best is None or candidate < best:
                best = candidate
    if best is None or best[3] == "now":
        return None  # "today", "so far": the day of publication, as an undated sentence is
    return best[2], best[3]


@dataclass(frozen=True)
class Key:
    """What members of one claim share; None is a part the figure leaves unsaid."""

    category: str
    measure: str | None
    subject: str
    unit: str
    donor: str | None = None
    recipient: str | None = None
    aid_kind: str | None = None
    stage: str | None = None
    period: str | None = None
    period_kind: str | None = None
    named: bool = False  # the subject names what it is about: a weapon, an actor
    aid_scope: str | None = None

    # may be unsaid, and then filled by a match (a kind only for new aid: its base lacks it)
    OPEN = ("donor", "recipient", "stage", "period", "aid_kind")

    def base(self) -> "Key":
        """What every figure of the claim says: the key without its parts that may be unsaid
        (the figures of one base are cut into times before the rest is settled). An
        announcement of new aid is reported with its kind or without ("the $800 million
        package"): its kind is settled like its donor."""
        if self.aid_scope == "new":
            return Key(self.category, self.measure, self.subject, self.unit, named=self.named, aid_scope="new")
        return Key(self.category, self.measure, self.subject, self.unit, aid_kind=self.aid_kind, named=self.named,
                   aid_scope=self.aid_scope)

    def announcement(self) -> bool:
        """Whether the claim is an announcement of new aid: its reports join it within
        ANNOUNCEMENT_DAYS of its first, whatever their stage or stated time."""
        return self.aid_scope == "new"

    def specific(self) -> bool:
        """Whether the key tells one fact from another well enough to join figures of two
        documents: a named weapon or actor, or aid with its donor or recipient. "12,000
        people killed" or "$1 billion in aid" in two documents may be any two facts."""
        return self.named or (self.category == "aid" and (self.donor is not None or self.recipient is not None))

    def sort_key(self) -> str:
        return json.dumps([getattr(self, name) for name in self.__dataclass_fields__], ensure_ascii=False)

    def unsaid(self) -> int:
        return sum(getattr(self, name) is None for name in self.OPEN)

    def shown(self) -> str:
        if self.category != "aid":
            return self.subject
        what = self.subject if self.unit == "count" else f"{self.aid_kind or 'all'} aid"
        parties = ", " + (self.donor or "?") + " to " + (self.recipient or "?") if self.donor or self.recipient else ""
        return what + parties


def key_of(row: dict) -> Key:
    dated = period(row)
    common = dict(category=row["category"], measure=row["measure"], unit=row["normalized_unit"],
                  period=dated[0] if dated else None, period_kind=dated[1] if dated else None)
    if row["category"] == "aid":
        item, named = "", None
        if row["normalized_unit"] == "count":
            named = weapon(row)
            item = named or " ".join(filter(None, counted(row["subject"])))
        scope = row.get("aid_scope")
        if scope == "new":  # one announcement, whatever stage and time its reports say
            common.update(period=None, period_kind=None)
        return Key(subject=item or "aid", donor=actor_name(row["donor"]), recipient=actor_name(row["recipient"]),
                   aid_kind=row["aid_kind"], stage=None if scope == "new" else row["stage"], named=named is not None,
                   aid_scope=scope, **common)
    if row["category"] == "weapon_range":
        named = weapon(row)
        if named:
            return Key(subject=named, named=True, **common)
    actor, group = counted(row["subject"])
    return Key(subject=" ".join(filter(None, (actor, group))) or "unspecified", named=actor is not None, **common)


# -- intervals -----------------------------------------------------------------------------

def interval(row: dict) -> tuple[float | None, float | None]:
    """The values a figure admits: its bounds, or its value at both ends (None: unbounded)."""
    low, high, value = row["normalized_low"], row["normalized_high"], row["normalized_value"]
    if low is None and high is None:
        return value, value
    return low, high


def widened(low: float | None, high: float | None) -> tuple[float, float]:
    return (-float("inf") if low is None else low - abs(low) * TOLERANCE,
            float("inf") if high is None else high + abs(high) * TOLERANCE)


def agreeing(members: list[Member]) -> list[bool]:
    """Which members are in the largest set whose widened intervals share a point (of equal
    sets, the one whose point is lowest). The point is some member's low end; the members
    covering it are those whose low end is at most it, less those whose high end is below it."""
    from bisect import bisect_left, bisect_right

    spans = [widened(m.low, m.high) for m in members]
    lows, highs = sorted(lo for lo, _ in spans), sorted(hi for _, hi in spans)
    best_point, best_count = None, -1
    for point in sorted(set(lows)):
        count = bisect_right(lows, point) - bisect_left(highs, point)
        if count > best_count:
            best_point, best_count = point, count
    return [lo <= best_point <= hi for lo, hi in spans]


def consensus(members: list[Member]) -> tuple[float | None, float | None] | None:
    """The intersection of the statements' intervals, or None where it is empty. A figure
    written in two units is one statement, admitting what either says: "190 miles (300km)"
    admits 300 to 305.8 km."""
    statements: dict[str, list[Member]] = {}
    ids = {m.quantity_id for m in members}
    for m in members:
        partner = m.linked_to
        statements.setdefault(min(m.quantity_id, partner) if partner in ids else m.quantity_id, []).append(m)
    lows, highs = [], []
    for parts in statements.values():
        low, high = _span(parts)
        if low is not None:
            lows.append(low)
        if high is not None:
            highs.append(high)
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low > high:
        return None
    return low, high


# -- grouping ------------------------------------------------------------------------------

@dataclass
class _Open:
    """A claim being grouped, with what joining it is decided by, kept as members join: the
    documents it has, the tightest of its members' widened ends, and the extremes of the
    numbers they state. (A figure overlaps every member's interval exactly when it reaches
    the lowest high end and the highest low end.)"""

    key: Key
    members: list[Member] = field(default_factory=list)
    documents: set = field(default_factory=set)
    widened_low: float = -float("inf")     # the highest widened low end of a member
    widened_high: float = float("inf")     # the lowest widened high end
    stated_low: float = -float("inf")      # the highest number a member states as its low end
    stated_high: float = float("inf")      # the lowest number a member states as its high end
    last_published: dt.date | None = None
    first_published: dt.date | None = None

    def open_to(self, member: Member) -> bool:
        """Whether a statement of another document may join: the key tells facts apart, the
        claim has no member of its document, and it is dated within SAME_TIME_DAYS of the
        claim's latest member (a claim's own time, not its subject's); an announcement's
        report within ANNOUNCEMENT_DAYS of its first report."""
        if not self.key.specific() or member.doc_id in self.documents:
            return False
        if member.published is None or self.last_published is None:
            return True
        if self.key.announcement():
            return member.published - self.first_published <= dt.timedelta(days=ANNOUNCEMENT_DAYS)
        return member.published - self.last_published <= dt.timedelta(days=SAME_TIME_DAYS)

    def add(self, members: list[Member]) -> None:
        for m in members:
            if m.published is not None and (self.last_published is None or m.published > self.last_published):
                self.last_published = m.published
            if m.published is not None and (self.first_published is None or m.published < self.first_published):
                self.first_published = m.published
            self.members.append(m)
            self.documents.add(m.doc_id)
            low, high = widened(m.low, m.high)
            self.widened_low, self.widened_high = max(self.widened_low, low), min(self.widened_high, high)
            low, high = stated(m.low, m.high)
            self.stated_low, self.stated_high = max(self.stated_low, low), min(self.stated_high, high)

    def near(self, low, high, ratio: float = SAME_FACT_RATIO) -> bool:
        """Whether a figure's stated numbers are within `ratio` of every member's: a report
        of the same fact, not a figure of another one. An open end says nothing of which
        fact a figure is ("more than 40,000 troops" is not a report of 100,000), so only the
        numbers stated are compared."""
        low, high = stated(low, high)
        return _ratio(low, high, self.stated_low, self.stated_high) <= ratio

    def admits(self, low, high) -> bool:
        """Whether a figure agrees with every member (widened bounds overlap) and states
        numbers within the tolerance of theirs."""
        lo, hi = widened(low, high)
        return lo <= self.widened_high and self.widened_low <= hi and self.near(low, high, 1 + 2 * TOLERANCE)


def stated(low, high) -> tuple[float | None, float | None]:
    """The numbers a figure states: its bounds, an open end closed at the other."""
    return (high if low is None else low), (low if high is None else high)


def _ratio(low: float, high: float, highest_low: float, lowest_high: float) -> float:
    """How far a figure's numbers [low, high] are from members whose highest low end and
    lowest high end are given: the ratio of the nearer ends past them (1 where the figure
    reaches both)."""
    worst = 1.0
    if low > lowest_high:
        worst = max(worst, low / lowest_high if lowest_high > 0 else float("inf"))
    if highest_low > high:
        worst = max(worst, highest_low / high if high > 0 else float("inf"))
    return worst


def _source(row: dict) -> str:
    return row["attributed_source"] or row["outlet"] or row["doc_id"] or "?"


def _settled_keys(keys: list[Key]) -> dict[Key, Key]:
    """Each key to the key its figures are grouped under: itself, or the one key that says
    all it says and more, where exactly one group (after its own settling) does. Keys are
    settled from the most said; each, settled, is filed under every key it refines (those
    that leave some of its said parts unsaid), so finding what refines a key is one lookup."""
    from itertools import combinations

    settled: dict[Key, Key] = {}
    refining: dict[Key, set[Key]] = {}
    for key in sorted(set(keys), key=lambda k: (k.unsaid(), repr(k))):
        targets = refining.get(key, set())
        settled[key] = next(iter(targets)) if len(targets) == 1 else key
        said = [name for name in Key.OPEN if getattr(key, name) is not None]
        for n in range(1, len(said) + 1):
            for names in combinations(said, n):
                parts = {name: None for name in names}
                if "period" in parts:
                    parts["period_kind"] = None
                refining.setdefault(replace(key, **parts), set()).add(settled[key])
    return settled


def _times(members: list[Member]) -> list[list[Member]]:
    """The members of one key cut into times: chained by publication date, at most
    SAME_TIME_DAYS apart. Figures of undated documents
    join the one time of the key where there is one, else make a time of their own."""
    gap = dt.timedelta(days=SAME_TIME_DAYS)
    times: list[list[Member]] = []
    last = None
    for member in members:  # in date order already, undated last
        if member.published is None:
            continue
        if last is None or member.published - last > gap:
            times.append([])
        times[-1].append(member)
        last = member.published
    undated = [m for m in members if m.published is None]
    if undated and len(times) == 1:
        times[0].extend(undated)
    elif undated:
        times.append(undated)
    return times


def group(members: list[Member]) -> list[_Open]:
    """The claims of the members of one base key (Key.base), in `Member.order`: by time,
    then by the key's other parts within the time; announcements of new aid by
    `_announcements`."""
    if members and members[0].key.base().announcement():
        return _announcements(members)
    claims: list[_Open] = []
    for time in _times(members):
        settled = _settled_keys([m.key for m in time])
        by_key: dict[Key, list[Member]] = {}
        for member in time:
            by_key.setdefault(settled[member.key], []).append(member)
        for key, keyed in by_key.items():
            claims.extend(_claims_in(key, keyed))
    return claims


def _claims_in(key: Key, members: list[Member]) -> list[_Open]:
    opened: list[_Open] = []
    by_document: dict[str, list[Member]] = {}
    for member in members:
        by_document.setdefault(member.doc_id or "", []).append(member)
    for document_members in by_document.values():
        statements = _statements(document_members)
        for statement in statements:
            low, high = _span(statement)
            free = [c for c in opened if c.open_to(statement[0])]
            target = next((c for c in free if c.admits(low, high)), None)
            if target is None and len(statements) == 1:
                target = next((c for c in free if c.near(low, high)), None)
            if target is None:
                target = _Open(key)
                opened.append(target)
            target.add(statement)
    return opened


def _announcements(members: list[Member]) -> list[_Open]:
    """Announcements of new aid, from their reports in `Member.order` (date first): a
    document's statement joins the claim, opened by an earlier document, whose first report
    is at most ANNOUNCEMENT_DAYS before it, that it agrees with (`_Open.admits`), whose
    donor, recipient and kind its own do not contradict (a part it leaves unsaid contradicts
    nothing: "the $800 million package" is a report of the United States' $800 million to
    Ukraine), and that has no member of its document; of several, the one that shares most
    of its said parts, then the nearest in amount, then the first. Else it opens one: two
    packages of one document are two claims. A claim's donor, recipient and kind are those
    most of its members say."""
    opened: list[_Open] = []
    window = dt.timedelta(days=ANNOUNCEMENT_DAYS)
    by_document: dict[str, list[Member]] = {}
    for member in members:
        by_document.setdefault(member.doc_id or "", []).append(member)
    parts = ("donor", "recipient", "aid_kind")
    said: dict[int, dict[str, set]] = {}
    active: list[_Open] = []
    for document_members in by_document.values():
        for statement in _statements(document_members, exact=True):
            low, high = _span(statement)
            first = statement[0]
            own = {name: {getattr(m.key, name) for m in statement} - {None} for name in parts}
            best, best_rank = None, None
            if first.published is not None:  # in date order: a claim past the window is closed
                active = [c for c in active if c.first_published is None or first.published - c.first_published <= window]
            for claim in active:
                if first.doc_id in claim.documents or not claim.admits(low, high):
                    continue
                if first.published is not None and claim.first_published is not None \
                        and not dt.timedelta(0) <= first.published - claim.first_published <= window:
                    continue
                theirs = said[id(claim)]
                if any(own[name] and theirs[name] and not own[name] & theirs[name] for name in parts):
                    continue
                shared = sum(bool(own[name] & theirs[name]) for name in parts)
                distance = abs((low if low is not None else high) - (claim.stated_low if claim.stated_low > -float("inf")
                                                                     else claim.stated_high))
                rank = (-shared, distance)
                if best_rank is None or rank < best_rank:
                    best, best_rank = claim, rank
            if best is None and any(m.reported for m in statement):
                best = _reported(opened, statement, own, said, low, high)
            if best is None:
                best = _Open(first.key.base())
                opened.append(best)
                active.append(best)
                said[id(best)] = {name: set() for name in parts}
            best.add(statement)
            for name in parts:
                said[id(best)][name] |= own[name]
    for claim in opened:
        keys = [m.key for m in claim.members]
        common = {}
        for name in parts:
            values = [getattr(k, name) for k in keys if getattr(k, name) is not None]
            common[name] = max(sorted(set(values)), key=values.count) if values else None
        claim.key = replace(claim.key, **common)
    return opened


def _reported(opened: list[_Open], statement: list[Member], own: dict, said: dict, low, high) -> _Open | None:
    """The announcement an amount said as reported ("the $800 million package we announced
    last week", aid_scope_rule `aid_scope.reported`) is a report of, after the window: the
    latest claim first reported at most REPORT_DAYS before it that it agrees with and whose
    donor, recipient and kind it does not contradict; None where there is none (the
    announcement's own report is not in the corpus: the amount is its first report)."""
    first = statement[0]
    for claim in reversed(opened):
        if claim.first_published is None or first.published is None:
            continue
        if not dt.timedelta(0) <= first.published - claim.first_published <= dt.timedelta(days=REPORT_DAYS):
            continue
        theirs = said[id(claim)]
        if first.doc_id in claim.documents or not claim.admits(low, high) or any(
                own[name] and theirs[name] and not own[name] & theirs[name] for name in theirs):
            continue
        return claim
    return None


def _statements(members: list[Member], exact: bool = False) -> list[list[Member]]:
    """A document's figures of one key as statements: a figure and those linked to it (the
    same figure in another unit) are one, and so are its repeats, in whatever words (a
    heading's "more than 100" and its paragraph's "a hundred": bounds that agree, stated
    numbers within the tolerance). With `exact` (packages of a document), two exact numbers
    are one statement only where they are equal: $1.25 billion and $1.22 billion announced
    together are two packages."""
    ids = {m.quantity_id for m in members}
    statements: list[_Open] = []
    placed: dict[str, _Open] = {}
    for member in members:
        partner = member.linked_to if member.linked_to in ids else None
        if partner is not None and partner in placed:
            statement = placed[partner]
        else:
            statement = next((s for s in statements if s.admits(member.low, member.high)
                              and not (exact and _exact(member) and any(_exact(m) and not _rounding(m.value, member.value)
                                                                        for m in s.members))), None)
            if statement is None:
                statement = _Open(None)
                statements.append(statement)
        statement.add([member])
        placed[member.quantity_id] = statement
    return [s.members for s in statements]


def _rounding(a: float, b: float) -> bool:
    """Whether one number is the other or the other rounded to its own digits: $1.8 billion
    is $1.85 billion rounded, $600 million $625 million; $1.22 billion is no rounding of
    $1.25 billion.

    >>> _rounding(1.85e9, 1.8e9), _rounding(625e6, 600e6), _rounding(1.25e9, 1.22e9), _rounding(5.0, 5.0)
    (True, True, False, True)
    """
    if a == b:
        return True
    coarse, fine = (a, b) if _unit(a) > _unit(b) else (b, a)
    return _unit(coarse) > _unit(fine) and abs(coarse - fine) < _unit(coarse)


def _unit(number: float) -> float:
    """The place of a number's last significant digit: 1e8 for 1.8e9, 1e7 for 1.85e9."""
    import math

    if number == 0:
        return 1.0
    unit = 10.0 ** math.floor(math.log10(abs(number)))
    while unit > 1e-6 and not math.isclose(round(number / unit) * unit, number, rel_tol=1e-9):
        unit /= 10
    return unit


def _exact(member: Member) -> bool:
    """Whether a figure states one number ("$800 million", not "nearly $3 billion")."""
    return member.value is not None and member.low == member.value == member.high


def _span(members: list[Member]) -> tuple[float | None, float | None]:
    """The least interval holding every member's (None where one is unbounded)."""
    lows = [m.low for m in members]
    highs = [m.high for m in members]
    return (None if None in lows else min(lows)), (None if None in highs else max(highs))


# -- records -------------------------------------------------------------------------------

def _said(key: Key, own: list[Key]) -> Key:
    """The key as the claim's own members say it: a part that only the key the claim was
    grouped under says (a donor, a time) is left unsaid."""
    unsaid = {name: None for name in Key.OPEN if all(getattr(k, name) is None for k in own)}
    if key.announcement():  # the kind most of its reports say ("the package": none)
        kinds = [k.aid_kind for k in own if k.aid_kind is not None]
        unsaid["aid_kind"] = max(sorted(set(kinds)), key=kinds.count) if kinds else None
    if "period" in unsaid:
        unsaid["period_kind"] = None
    return replace(key, **unsaid)


def claim_id(key: Key, first: str) -> str:
    digest = hashlib.sha256(repr((sorted(vars(key).items()), first)).encode("utf-8")).hexdigest()
    return "c" + digest[:16]


def records(rows: list[dict]) -> tuple[list[Claim], list[ClaimQuantity]]:
    """The claims of figure rows (quantities with their documents' `published` and
    `outlet`), and their members, in memory, in the order `stream` gives them."""
    claims, members = [], []
    for made, joined in _by_base(sorted(map(Member.of, rows), key=lambda m: (m.bucket(), m.order()))):
        claims += made
        members += joined
    return claims, members


def _by_base(ordered) -> Iterator[tuple[list[Claim], list[ClaimQuantity]]]:
    """The records of members given in `Member.order`, a claim at a time: ([the claim], its
    members)."""
    batch: list[Member] = []
    for member in ordered:
        if batch and member.key.base() != batch[0].key.base():
            yield from map(_records, group(batch))
            batch = []
        batch.append(member)
    if batch:
        yield from map(_records, group(batch))


def _first(items: list[Member]) -> Member:
    """A claim's first report: its earliest dated member; of an announcement's first day, one
    that states an exact number ("$1.85 billion" before "nearly $2 billion")."""
    first = items[0]
    if first.key.announcement() and first.published is not None and not _exact(first):
        return next((m for m in items if m.published == first.published and _exact(m)), first)
    return first


def _records(claim: _Open) -> tuple[list[Claim], list[ClaimQuantity]]:
    items = claim.members
    first = _first(items)
    identifier = claim_id(claim.key, items[0].quantity_id)
    key = _said(claim.key, [m.key for m in items])
    agrees = agreeing(items)
    agreed = consensus(items)
    values = [m.value for m in items if m.value is not None]
    lows = [m.low if m.low is not None else m.high for m in items]
    highs = [m.high if m.high is not None else m.low for m in items]
    dates = [m.published for m in items if m.published is not None]
    outside = list(dict.fromkeys(m.source for m, ok in zip(items, agrees) if not ok))
    made = Claim(
        claim_id=identifier, category=key.category, measure=key.measure, subject=key.shown(),
        donor=key.donor, recipient=key.recipient, aid_kind=key.aid_kind, stage=key.stage,
        normalized_unit=key.unit, period=key.period,
        first_published=min(dates) if dates else None, last_published=max(dates) if dates else None,
        aid_scope=key.aid_scope, first_doc_id=first.doc_id, first_value=_stated(first),
        first_value_usd=first.stated_usd,
        documents=len(claim.documents), sources=len({m.source for m in items}),
        publishers=len({m.publisher for m in items}),
        quantities=len(items), lowest_value=min(values) if values else None,
        highest_value=max(values) if values else None,
        lowest_bound=min((v for v in lows if v is not None), default=None),
        highest_bound=max((v for v in highs if v is not None), default=None),
        consensus_low=agreed[0] if agreed else None, consensus_high=agreed[1] if agreed else None,
        agree=all(agrees), disagreeing_sources="; ".join(outside) or None)
    return [made], [ClaimQuantity(quantity_id=m.quantity_id, claim_id=identifier, doc_id=m.doc_id, source=m.source,
                                  low=m.low, high=m.high, agrees=ok) for m, ok in zip(items, agrees)]


def _stated(member: Member) -> float | None:
    """The number a figure states: its value, else the bound it gives ("up to $60 million")."""
    return next((v for v in (member.value, member.high, member.low) if v is not None), None)


def from_connection(connection) -> tuple[list[Claim], list[ClaimQuantity]]:
    """The claims of the `quantities` and `documents` tables of a DuckDB connection, in memory."""
    claims, members = [], []
    for made, joined in stream(connection):
        claims += made
        members += joined
    return claims, members


BATCH = 5_000  # figures read from DuckDB at a time
BUCKETS = 256  # scratch files the members are spread over, by their base key


def stream(connection, scratch: Path | None = None) -> Iterator[tuple[list[Claim], list[ClaimQuantity]]]:
    """The claims of the `quantities` and `documents` tables of a DuckDB connection, a base
    key at a time, holding one bucket of base keys (never the corpus): the figures are read
    in batches, each reduced to its Member (no sentence) and written to one of BUCKETS
    scratch files by its base key; each file is then read, sorted in `Member.order` and
    grouped. Claims come bucket by bucket, within a bucket in that order."""
    import tempfile

    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        paths = [Path(folder) / f"bucket-{i:03d}.jsonl" for i in range(BUCKETS)]
        result = connection.execute(SQL)
        names = [d[0] for d in result.description]
        with contextlib.ExitStack() as stack:
            files = [stack.enter_context(path.open("w", encoding="utf-8")) for path in paths]
            while rows := result.fetchmany(BATCH):
                for row in rows:
                    member = Member.of(dict(zip(names, row)))
                    files[member.bucket()].write(_member_json(member) + "\n")
        for path in paths:
            with path.open(encoding="utf-8") as lines:
                keys: dict[Key, Key] = {}
                members = sorted((_member_from_json(line, keys) for line in lines), key=Member.order)
            path.unlink()
            yield from _by_base(members)


def _member_json(member: Member) -> str:
    fields = {name: getattr(member, name) for name in Member.__dataclass_fields__}
    fields["published"] = member.published.isoformat() if member.published else None
    fields["key"] = vars(member.key)
    return json.dumps(fields, ensure_ascii=False)


def _member_from_json(text: str, keys: dict | None = None) -> Member:
    """A member as `_member_json` wrote it; its key shared with the members of the same key
    read before it (through `keys`), so that a bucket holds each key once."""
    fields = json.loads(text)
    fields["published"] = dt.date.fromisoformat(fields["published"]) if fields["published"] else None
    key = Key(**fields["key"])
    fields["key"] = key if keys is None else keys.setdefault(key, key)
    for name in ("doc_id", "source", "publisher"):  # one string for the many members of a document or source
        if fields[name] is not None:
            fields[name] = sys.intern(fields[name])
    return Member(**fields)


# The claims with their members, as `extract claims` prints them and the data card shows
# them (one query, two uses). {where} is filled with the command's filters.
MEMBERS_SQL = (
    "SELECT c.claim_id, c.category, c.measure, c.subject, c.normalized_unit, c.period, c.documents, c.sources, "
    "c.consensus_low, c.consensus_high, c.agree, m.source, q.text, m.low, m.high, m.agrees, q.quantity_id "
    "FROM claims c JOIN claim_quantities m USING (claim_id) JOIN quantities q USING (quantity_id) "
    "{where}ORDER BY c.category, c.subject, c.claim_id, q.quantity_id")


def members_sql(category: str | None = None, disagree: bool = False, shared: bool = False) -> tuple[str, list]:
    """The members query with its filters: a category, claims that disagree, claims that
    more than one document states."""
    conditions, parameters = [], []
    if category:
        conditions.append("c.category = ?")
        parameters.append(category)
    if disagree:
        conditions.append("NOT c.agree")
    if shared:
        conditions.append("c.documents > 1")
    where = "WHERE " + " AND ".join(conditions) + " " if conditions else ""
    return MEMBERS_SQL.format(where=where), parameters


# -- examples ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Example:
    """Documents (text, published date as ISO or None) and what their figures must become:
    `together` the figures (as written, in document order) that are one claim, `apart`
    figures that are each of another claim, `agree` whether the together claim agrees.
    They run as tests (tests/test_claims.py)."""

    documents: tuple[tuple[str, str | None], ...]
    together: tuple[str, ...] = ()
    apart: tuple[str, ...] = ()
    agree: bool | None = None
    not_new: tuple[str, ...] = ()   # figures in no claim of new aid
    author: str | None = None       # the documents' outlet, where an example needs it


EXAMPLES = [
    # One weapon under three names, in three reports, and in two units in one of them.
    Example((("Atacms rockets given to Ukraine have a range of 190 miles (300km).", "2024-11-18"),
             ("The ATACMS missiles Ukraine fires can travel up to 300 km.", None),
             ("The Army Tactical Missile System sent to Kyiv has a range of up to 306 kilometers.", "2024-11-17")),
            together=("190 miles", "300km", "up to 300 km", "up to 306 kilometers"), agree=True),
    # Aid of every kind and military aid are two facts.
    Example((("The US has provided $175 billion in aid to Ukraine.", "2024-11-18"),
             ("The US has committed over $55 billion in military aid to Ukraine.", "2024-11-18")),
            apart=("$175 billion", "over $55 billion")),
    # Killed is not wounded.
    Example((("At least 12,000 civilians have been killed in Ukraine.", "2024-11-18"),
             ("At least 12,000 civilians have been wounded in Ukraine.", "2024-11-18")),
            apart=("At least 12,000 civilians", "At least 12,000 civilians")),
    # Two reports of one toll that disagree: one claim, not agreeing.
    Example((("Officials said 10,000 Ukrainian civilians were killed in the city.", "2024-11-18"),
             ("Some 7,000 Ukrainian civilians were killed in the city, the mayor said.", "2024-11-19")),
            together=("10,000 Ukrainian civilians", "Some 7,000 Ukrainian civilians"), agree=False),
    # Without an actor, weapon, donor or recipient, two documents' figures may be any two facts.
    Example((("12,000 people have been killed in the war.", "2024-11-18"),
             ("12,000 people have been killed in the war.", "2024-11-19")),
            apart=("12,000 people", "12,000 people")),
    # A claim has its own time: a week's chain of other figures of its subject does not stretch it.
    Example((("Some 10,000 North Korean troops were deployed to Kursk.", "2024-11-01"),
             ("Some 3,000 North Korean troops were deployed to Kursk.", "2024-11-06"),
             ("Some 10,000 North Korean troops were deployed to Kursk.", "2024-11-11")),
            apart=("Some 10,000 North Korean troops", "Some 10,000 North Korean troops")),
    # "Today" is the day of publication, as a sentence without it says.
    Example((("The United States will send $400 million in military aid to Ukraine today.", "2024-11-18"),
             ("The United States will send $400 million in military aid to Ukraine.", "2024-11-19")),
            together=("$400 million", "$400 million"), agree=True),
    # Two spellings of one actor are one subject.
    Example((("Some 10,000 North Korean troops were deployed to Kursk.", "2024-11-18"),
             ("About 11,000 DPRK troops were deployed to Kursk.", "2024-11-20")),
            together=("Some 10,000 North Korean troops", "About 11,000 DPRK troops"), agree=True),
    # A stated time keeps tolls of two years apart, however close their numbers.
    Example((("In 2023, 1,200 civilians were killed in Sudan.", "2024-11-18"),
             ("In 2024, 1,300 civilians were killed in Sudan.", "2024-11-18")),
            apart=("1,200 civilians", "1,300 civilians")),
    # Reports months apart are of two times.
    Example((("Russia has deployed 50,000 troops near the border.", "2022-01-10"),
             ("Russia has deployed 50,000 troops near the border.", "2022-06-10")),
            apart=("50,000 troops", "50,000 troops")),
    # An open bound admits any larger number, but "more than 40,000" is no report of 100,000.
    Example((("NATO has placed more than 40,000 troops under its command since the full-scale invasion.", "2022-03-01"),
             ("Russia has massed more than 100,000 troops on the border.", "2022-03-02")),
            apart=("more than 40,000 troops", "more than 100,000 troops")),
    # A fact sheet repeats its figure: one statement, one claim.
    Example((("The United States pledged $3 billion to Ukraine's reconstruction. Its pledge of $3 billion "
              "to Ukraine's reconstruction doubles the last.", "2023-12-02"),),
            together=("$3 billion", "$3 billion"), agree=True),
    # A time phrase of another clause, far from the figure, does not date it.
    Example((("The United States will send $400 million in military aid to Ukraine, the White House said on "
              "a day when, as had been announced by many officials in the weeks before, in 2023, Congress met.",
              "2024-11-18"),
             ("The United States will send $400 million in military aid to Ukraine.", "2024-11-19")),
            together=("$400 million", "$400 million"), agree=True),
    # Figures far apart are two facts, not a disagreement.
    Example((("The United States will send $400 million in military aid to Ukraine.", "2024-11-18"),
             ("The United States will send $2.5 billion in military aid to Ukraine.", "2024-11-19")),
            apart=("$400 million", "$2.5 billion")),
    # A document's repeat in other words is one statement.
    Example((("More than 100 Ukrainian civilians were killed. A hundred Ukrainian civilians were killed.", "2024-11-18"),),
            together=("More than 100 Ukrainian civilians", "A hundred Ukrainian civilians"), agree=True),
    # Announcements (issue 24). Every report of one package joins one claim, rounded too,
    # within ANNOUNCEMENT_DAYS of its first report, whether it says the kind or not.
    Example((("Today the United States is announcing approximately $2.98 billion in security assistance "
              "for Ukraine.", "2022-08-24"),
             ("The President announced nearly $3 billion for Ukraine yesterday.", "2022-08-25"),
             ("We are providing $3 billion to Ukraine's armed forces.", "2022-08-26")),
            together=("approximately $2.98 billion", "nearly $3 billion", "$3 billion"), agree=True,
            author="The White House"),
    # Two packages announced together stay two; their stated sum is no third package.
    Example((("The United States is providing $1 billion in additional security assistance to Ukraine: "
              "a drawdown of up to $350 million and $650 million through the Ukraine Security Assistance "
              "Initiative.", "2022-06-15"),),
            apart=("up to $350 million", "$650 million"), not_new=("$1 billion",), author="The White House"),
    # Packages of one amount weeks apart are two announcements.
    Example((("Today we are announcing $400 million in security assistance for Ukraine.", "2022-11-04"),
             ("Today we are announcing $400 million in security assistance for Ukraine.", "2022-11-23")),
            apart=("$400 million", "$400 million"), author="The White House"),
    # A running total joins no announcement, however near its number.
    Example((("Today we are announcing $800 million in security assistance for Ukraine, bringing total U.S. "
              "security assistance to Ukraine to more than $2 billion since the beginning of this "
              "Administration.", "2022-03-16"),
             ("We have provided $820 million in security assistance to Ukraine so far.", "2022-03-17")),
            apart=("$800 million", "more than $2 billion"), not_new=("more than $2 billion", "$820 million"),
            author="The White House"),
]
