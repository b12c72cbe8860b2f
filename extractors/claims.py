"""Claims: the figures, across documents, that state the same fact, and where they agree.

A claim's members share a key: category and measure (military aid is not aid of every kind;
killed is not wounded), the subject as one name (the weapon's name from weapons.tsv, the
counted people or things as their group from subjects.tsv with the actor named before them,
aid with its kind, donor and recipient as actors.tsv names them, and its stage), the
normalized unit, and the time its sentence states (periods.tsv). The time is first: figures
of documents published within `SAME_TIME_DAYS` of each other (chained), or, for a recent
time ("last week"), on the same day, are of one time; undated documents join the key's one
time where it has one. In a time, a figure that leaves a part of the key unsaid (no donor,
no stage, no period) joins the one group that says it, where exactly one does. In its time
and key, a document whose only figure of the key it is joins a claim of the key: the first
that agrees with it, else the first within `SAME_FACT_RATIO` of every member (two reports
of one fact that disagree), else a new one; a document with several figures of one key (a package
and its parts, two years' totals) states several facts, so each joins a claim that agrees
with it and has no member from that document, or opens one. A figure written in two units
("190 miles (300km)") is one statement: both join the same claim.

Each member admits an interval: its normalized bounds, or its value. The members agree when
all their intervals, each widened by `TOLERANCE` of its ends, share a point; the largest set
of members that does is the agreeing set, and the sources outside it disagree. The consensus
is the intersection of the statements' own intervals, where it is not empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cache

import regex

from . import lexicons
from .about import actors as actor_mentions
from .about import named_weapons, _weapons
from .patterns import key as normalize
from .records import Claim, ClaimQuantity

TOLERANCE = 0.05        # relative: 300 km and 306 km agree, 300 km and 350 km do not
SAME_TIME_DAYS = 7      # figures of one key published this close are about the same time
SAME_FACT_RATIO = 2     # figures further apart than this (10,000 and 25,000) are of two facts
UNKNOWN = None

# What a member needs from the tables (quantities joined with documents).
FIELDS = ("quantity_id", "doc_id", "start", "text", "sentence", "sentence_start", "category", "measure",
          "normalized_value", "normalized_low", "normalized_high", "normalized_unit", "subject", "donor",
          "recipient", "aid_kind", "stage", "attributed_source", "linked_to", "published", "outlet")

SQL = ("SELECT " + ", ".join(f"q.{f}" if f not in ("published", "outlet") else f"d.{f}" for f in FIELDS)
       + " FROM quantities q LEFT JOIN documents d USING (doc_id) WHERE q.category <> 'other' AND "
       "coalesce(q.normalized_value, q.normalized_low, q.normalized_high) IS NOT NULL "
       "ORDER BY d.published NULLS LAST, q.doc_id, q.start")


@dataclass(frozen=True)
class Member:
    row: dict
    low: float | None
    high: float | None
    source: str

    @property
    def quantity_id(self) -> str:
        return self.row["quantity_id"]


# -- the key -----------------------------------------------------------------------------

@cache
def _actor_names() -> tuple[dict[str, str], dict[str, str]]:
    exact, caseless = {}, {}
    for actor in lexicons.actors():
        (exact if actor.case_sensitive else caseless)[actor.form if actor.case_sensitive else actor.form.casefold()] = actor.actor
    return exact, caseless


def actor_name(written: str | None) -> str | None:
    """An actor as one name (actors.tsv), or as written where the gazetteer has no form.

    >>> actor_name("U.S."), actor_name("the United States"), actor_name("Kyiv")
    ('United States', 'United States', 'Ukraine')
    """
    if not written:
        return None
    name = " ".join(written.split())
    if name[:4].lower() == "the ":
        name = name[4:]
    exact, caseless = _actor_names()
    return exact.get(name) or caseless.get(name.casefold()) or name


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
    """(phrase, kind) of the time the figure's sentence states, nearest the figure.

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
            candidate = (distance, hit.start(), normalize(hit.group()), kind)
            if best is None or candidate < best:
                best = candidate
    return None if best is None else (best[2], best[3])


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

    OPEN = ("donor", "recipient", "stage", "period")  # may be unsaid, and then filled by a match

    def base(self) -> "Key":
        """What every figure of the claim says: the key without its parts that may be unsaid
        (a recent time kept, since it dates to the day)."""
        return Key(self.category, self.measure, self.subject, self.unit, aid_kind=self.aid_kind,
                   period_kind="recent" if self.period_kind == "recent" else None)

    def unsaid(self) -> int:
        return sum(getattr(self, name) is None for name in self.OPEN)

    def refined_by(self, other: "Key") -> bool:
        """Whether `other` says all this key says, and more."""
        if other == self or other.unsaid() >= self.unsaid():
            return False
        for name in self.__dataclass_fields__:
            mine = getattr(self, name)
            if name == "period_kind" and self.period is None:
                continue
            if mine is not None and getattr(other, name) != mine:
                return False
            if mine is None and name not in self.OPEN:
                if getattr(other, name) is not None:
                    return False
        return True

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
        item = ""
        if row["normalized_unit"] == "count":
            named = weapon(row)
            item = named or " ".join(filter(None, counted(row["subject"])))
        return Key(subject=item or "aid", donor=actor_name(row["donor"]), recipient=actor_name(row["recipient"]),
                   aid_kind=row["aid_kind"], stage=row["stage"], **common)
    if row["category"] == "weapon_range":
        named = weapon(row)
        if named:
            return Key(subject=named, **common)
    actor, group = counted(row["subject"])
    return Key(subject=" ".join(filter(None, (actor, group))) or "unspecified", **common)


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
    sets, the one whose point is lowest)."""
    spans = [widened(m.low, m.high) for m in members]
    best_point, best_count = None, -1
    for point in sorted({lo for lo, _ in spans}):
        count = sum(lo <= point <= hi for lo, hi in spans)
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
        partner = m.row["linked_to"]
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
    key: Key
    members: list[Member] = field(default_factory=list)

    def documents(self) -> set:
        return {m.row["doc_id"] for m in self.members}

    def near(self, low, high) -> bool:
        """Whether a figure is within SAME_FACT_RATIO of every member: a report of the same
        fact, not a figure of another one."""
        return all(_ratio(low, high, m.low, m.high) <= SAME_FACT_RATIO for m in self.members)

    def admits(self, low, high) -> bool:
        lo, hi = widened(low, high)
        return all(max(lo, a) <= min(hi, b) for a, b in (widened(m.low, m.high) for m in self.members))


def _ratio(low, high, other_low, other_high) -> float:
    """How far apart two intervals are, as the ratio of the nearer ends (1 where they overlap)."""
    lo, hi = (low if low is not None else -float("inf")), (high if high is not None else float("inf"))
    other_lo = other_low if other_low is not None else -float("inf")
    other_hi = other_high if other_high is not None else float("inf")
    if max(lo, other_lo) <= min(hi, other_hi):
        return 1.0
    below, above = (hi, other_lo) if hi < other_lo else (other_hi, lo)
    return above / below if below > 0 else float("inf")


def _source(row: dict) -> str:
    return row["attributed_source"] or row["outlet"] or row["doc_id"] or "?"


def _settled_keys(keys: list[Key]) -> dict[Key, Key]:
    """Each key to the key its figures are grouped under: itself, or the one key that says
    all it says and more, where exactly one group (after its own settling) does."""
    settled: dict[Key, Key] = {}
    for key in sorted(set(keys), key=lambda k: (k.unsaid(), repr(k))):
        targets = {settled[k] for k in settled if key.refined_by(k)}
        settled[key] = targets.pop() if len(targets) == 1 else key
    return settled


def _times(rows: list[dict], kind: str | None) -> list[list[dict]]:
    """The rows of one key cut into times: chained by publication date, at most
    SAME_TIME_DAYS apart (the same day for a recent time). Figures of undated documents
    join the one time of the key where there is one, else make a time of their own."""
    gap = dt.timedelta(days=0 if kind == "recent" else SAME_TIME_DAYS)
    times: list[list[dict]] = []
    last = None
    for row in rows:  # in date order already, undated last
        if row["published"] is None:
            continue
        if last is None or row["published"] - last > gap:
            times.append([])
        times[-1].append(row)
        last = row["published"]
    undated = [row for row in rows if row["published"] is None]
    if undated and len(times) == 1:
        times[0].extend(undated)
    elif undated:
        times.append(undated)
    return times


def group(rows: list[dict]) -> list[_Open]:
    """The claims of figure rows given in (published, doc_id, start) order: by what the key
    always says, then by time, then by the key's other parts within the time."""
    keys = {r["quantity_id"]: key_of(r) for r in rows}
    by_base: dict[Key, list[dict]] = {}
    for row in rows:
        by_base.setdefault(keys[row["quantity_id"]].base(), []).append(row)
    claims: list[_Open] = []
    for base, members in by_base.items():
        for time in _times(members, base.period_kind):
            settled = _settled_keys([keys[r["quantity_id"]] for r in time])
            by_key: dict[Key, list[dict]] = {}
            for row in time:
                by_key.setdefault(settled[keys[row["quantity_id"]]], []).append(row)
            for key, keyed in by_key.items():
                claims.extend(_claims_in(key, keyed))
    return claims


def _claims_in(key: Key, rows: list[dict]) -> list[_Open]:
    opened: list[_Open] = []
    by_document: dict[str, list[dict]] = {}
    for row in rows:
        by_document.setdefault(row["doc_id"] or "", []).append(row)
    for document_rows in by_document.values():
        for statement in _statements(document_rows):
            members = [Member(r, *interval(r), _source(r)) for r in statement]
            low, high = _span(members)
            free = [c for c in opened if statement[0]["doc_id"] not in c.documents()]
            agreeing_claims = [c for c in free if c.admits(low, high)]
            comparable = [c for c in free if c.near(low, high)]
            if agreeing_claims:
                target = agreeing_claims[0]
            elif comparable and len(_statements(document_rows)) == 1:
                target = comparable[0]
            else:
                target = _Open(key)
                opened.append(target)
            target.members.extend(members)
    return opened


def _statements(rows: list[dict]) -> list[list[dict]]:
    """A document's figures of one key as statements: a figure and those linked to it (the
    same figure in another unit) are one."""
    ids = {r["quantity_id"] for r in rows}
    statements: list[list[dict]] = []
    placed: dict[str, int] = {}
    for row in rows:
        partner = row["linked_to"] if row["linked_to"] in ids else None
        if partner is not None and partner in placed:
            statements[placed[partner]].append(row)
            placed[row["quantity_id"]] = placed[partner]
            continue
        placed[row["quantity_id"]] = len(statements)
        statements.append([row])
    return statements


def _span(members: list[Member]) -> tuple[float | None, float | None]:
    """The least interval holding every member's (None where one is unbounded)."""
    lows = [m.low for m in members]
    highs = [m.high for m in members]
    return (None if None in lows else min(lows)), (None if None in highs else max(highs))


# -- records -------------------------------------------------------------------------------

def claim_id(key: Key, first: str) -> str:
    digest = hashlib.sha256(repr((sorted(vars(key).items()), first)).encode("utf-8")).hexdigest()
    return "c" + digest[:16]


def records(rows: list[dict]) -> tuple[list[Claim], list[ClaimQuantity]]:
    """The claims and their members, ordered by claim id and by figure."""
    claims, members = [], []
    for found in group(rows):
        key, items = found.key, found.members
        identifier = claim_id(key, items[0].quantity_id)
        agrees = agreeing(items)
        agreed = consensus(items)
        values = [m.row["normalized_value"] for m in items if m.row["normalized_value"] is not None]
        lows = [m.low if m.low is not None else m.high for m in items]
        highs = [m.high if m.high is not None else m.low for m in items]
        dates = [m.row["published"] for m in items if m.row["published"] is not None]
        outside = list(dict.fromkeys(m.source for m, ok in zip(items, agrees) if not ok))
        claims.append(Claim(
            claim_id=identifier, category=key.category, measure=key.measure, subject=key.shown(),
            donor=key.donor, recipient=key.recipient, aid_kind=key.aid_kind, stage=key.stage,
            normalized_unit=key.unit, period=key.period,
            first_published=min(dates) if dates else None, last_published=max(dates) if dates else None,
            documents=len({m.row["doc_id"] for m in items}), sources=len({m.source for m in items}),
            quantities=len(items), lowest_value=min(values) if values else None,
            highest_value=max(values) if values else None,
            lowest_bound=min((v for v in lows if v is not None), default=None),
            highest_bound=max((v for v in highs if v is not None), default=None),
            consensus_low=agreed[0] if agreed else None, consensus_high=agreed[1] if agreed else None,
            agree=all(agrees), disagreeing_sources="; ".join(outside) or None))
        for member, ok in zip(items, agrees):
            members.append(ClaimQuantity(quantity_id=member.quantity_id, claim_id=identifier,
                                         doc_id=member.row["doc_id"], source=member.source,
                                         low=member.low, high=member.high, agrees=ok))
    claims.sort(key=lambda c: c.claim_id)
    order = {c.claim_id: i for i, c in enumerate(claims)}
    members.sort(key=lambda m: order[m.claim_id])  # stable: within a claim, by date, document, position
    return claims, members


def from_connection(connection) -> tuple[list[Claim], list[ClaimQuantity]]:
    """The claims of the `quantities` and `documents` tables of a DuckDB connection."""
    result = connection.execute(SQL)
    names = [d[0] for d in result.description]
    return records([dict(zip(names, row)) for row in result.fetchall()])


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


EXAMPLES = [
    # One weapon under three names, in three reports, and in two units in one of them.
    Example((("Atacms rockets have a range of 190 miles (300km).", "2024-11-18"),
             ("The ATACMS missiles can travel up to 300 km.", None),
             ("The Army Tactical Missile System has a range of up to 306 kilometers.", "2024-11-17")),
            together=("190 miles", "300km", "up to 300 km", "up to 306 kilometers"), agree=True),
    # Aid of every kind and military aid are two facts.
    Example((("The US has provided $175 billion in aid to Ukraine.", "2024-11-18"),
             ("The US has committed over $55 billion in military aid to Ukraine.", "2024-11-18")),
            apart=("$175 billion", "over $55 billion")),
    # Killed is not wounded.
    Example((("At least 12,000 civilians have been killed.", "2024-11-18"),
             ("At least 12,000 civilians have been wounded.", "2024-11-18")),
            apart=("At least 12,000 civilians", "At least 12,000 civilians")),
    # Two reports of one toll that disagree: one claim, not agreeing.
    Example((("Officials said 10,000 civilians were killed in the city.", "2024-11-18"),
             ("Some 7,000 civilians were killed in the city, the mayor said.", "2024-11-19")),
            together=("10,000 civilians", "Some 7,000 civilians"), agree=False),
    # Two spellings of one actor are one subject.
    Example((("Some 10,000 North Korean troops were deployed to Kursk.", "2024-11-18"),
             ("About 11,000 DPRK troops were deployed to Kursk.", "2024-11-20")),
            together=("Some 10,000 North Korean troops", "About 11,000 DPRK troops"), agree=True),
    # A stated time keeps tolls of two years apart, however close their numbers.
    Example((("In 2023, 1,200 civilians were killed.", "2024-11-18"),
             ("In 2024, 1,300 civilians were killed.", "2024-11-18")),
            apart=("1,200 civilians", "1,300 civilians")),
    # Reports months apart are of two times.
    Example((("Russia has deployed 50,000 troops near the border.", "2022-01-10"),
             ("Russia has deployed 50,000 troops near the border.", "2022-06-10")),
            apart=("50,000 troops", "50,000 troops")),
    # Figures far apart are two facts, not a disagreement.
    Example((("The United States will send $400 million in military aid to Ukraine.", "2024-11-18"),
             ("The United States will send $2.5 billion in military aid to Ukraine.", "2024-11-19")),
            apart=("$400 million", "$2.5 billion")),
]
