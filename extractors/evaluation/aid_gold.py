"""The aid gold (docs/aid-gold/): the US assistance announcements to Ukraine in the two
official corpora, every report of each, and the amounts that must not count as new, read
before the rules of issue 24 changed.

Scoring reads, as the build reads them (its outlet as author, its title and date), every
document of the two shared corpora that names Ukraine within 1,500 characters of an amount
of money (how the gold's reading found its candidates), and every document the gold cites;
makes the claims of their figures (extractors/dataset/claims.py); and, for one part (`dev`,
`report` or `all`, by the month of the announcement's first report, of a figure's document):

- **announcements found exactly once**: exactly one claim of new aid holds a report of the
  announcement, and that claim is right: donor United States, recipient Ukraine, the
  announcement's kind, its amount (the first report's number within the claims' tolerance,
  or within the bounds of a rounded announcement), first reported within one day of the
  announcement's date, and holding no report of another announcement;
- **claims of new US aid to Ukraine that are none**: claims of new aid from the United
  States to Ukraine in US dollars, first reported in the part, with no report of any
  announcement (a running total, a request, a part, another donor's aid counted as new);
- **not-new amounts counted as new**: gold amounts that are running totals, requests,
  appropriations or parts, which the rules label new US aid;
- per figure (the gold's reports and not-new amounts the rules read as aid): **donor**,
  **recipient**, **kind** and **aid scope** right.

Each with its 95 % Wilson interval.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .war_gold import SHARED_CORPORA, corpus_records, gold_rows, wilson

GOLD_DIR = Path(__file__).resolve().parents[2] / "docs" / "aid-gold"
SOURCES = {  # shared corpus -> the outlet the build gives its documents
    "whitehouse-briefing-room": "The White House",
    "state-department-press-releases": "U.S. Department of State",
}
PARTS = ("dev", "report", "all")
NOT_NEW = ("cumulative", "requested", "appropriated", "part")
# The gold's candidates: documents naming Ukraine within this many characters of money.
_UKRAINE = re.compile(r"Ukrain|Kyiv|Kiev")
_MONEY = re.compile(r"\$\s?\d|€\s?\d|£\s?\d|\d\s*(?:million|billion|trillion)\s+(?:dollars|euros|pounds)|billion-dollar|"
                    r"\bEUR\b|\bUSD\b|\ba\s+billion\s+dollars|\d[\d,.]*\s*(?:million|billion)\s+(?:in|of|for)\b", re.IGNORECASE)
_NEAR = 1500


class AidGoldError(Exception):
    pass


def part_of(month: str) -> str:
    """`dev` or `report`, as the gold splits them: by the sha256 of `YYYY-MM`.

    >>> part_of("2022-02"), part_of("2022-03")
    ('dev', 'report')
    """
    return "dev" if int(hashlib.sha256(month.encode()).hexdigest()[-1], 16) % 2 == 0 else "report"


def candidate(text: str) -> bool:
    """Whether a document names Ukraine within _NEAR characters of an amount of money."""
    if "Ukrain" not in text:
        return False
    places = [m.start() for m in _UKRAINE.finditer(text)]
    return any(abs(m.start() - p) <= _NEAR for m in _MONEY.finditer(text) for p in places)


@dataclass
class AidScores:
    part: str
    documents: int = 0
    announcements: list = field(default_factory=lambda: [0, 0])   # found exactly once, right
    held: list = field(default_factory=lambda: [0, 0])            # held by one claim of new aid at all
    spurious: int = 0                                             # new US->Ukraine claims of no announcement
    new_claims: int = 0
    counted_as_new: list = field(default_factory=lambda: [0, 0])  # not-new amounts labelled new US aid
    by_scope: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    figures: dict = field(default_factory=lambda: {n: [0, 0] for n in ("donor", "recipient", "kind", "scope")})
    labelled_aid: list = field(default_factory=lambda: [0, 0])    # gold figures the rules read as aid
    errors: list = field(default_factory=list)

    def as_dict(self) -> dict:
        def rate(pair):
            k, n = pair
            return {"rate": round(k / n, 4) if n else None, "right": k, "of": n,
                    "wilson95": [round(x, 4) for x in wilson(k, n)] if n else None}
        return {"part": self.part, "documents": self.documents,
                "announcements_found_once": rate(self.announcements), "announcements_held": rate(self.held),
                "new_claims": self.new_claims, "new_claims_of_no_announcement": self.spurious,
                "not_new_counted_as_new": rate(self.counted_as_new),
                "not_new_counted_as_new_by_scope": {s: rate(v) for s, v in sorted(self.by_scope.items())},
                "gold_figures_read_as_aid": rate(self.labelled_aid),
                **{f"{name}_right": rate(v) for name, v in self.figures.items()}}

    def render(self, errors: bool = False) -> str:
        d = self.as_dict()

        def fmt(r):
            return f"{r['rate']:.1%} {r['wilson95']} ({r['right']}/{r['of']})" if r["of"] else "-"
        lines = [f"aid gold, {self.part} part: {self.documents} documents read",
                 f"  {'announcements found exactly once, right':44} {fmt(d['announcements_found_once'])}",
                 f"  {'announcements held by a claim of new aid':44} {fmt(d['announcements_held'])}",
                 f"  {'claims of new US aid to Ukraine':44} {self.new_claims}, of no announcement: {self.spurious}",
                 f"  {'not-new amounts counted as new US aid':44} {fmt(d['not_new_counted_as_new'])}"]
        for scope, r in d["not_new_counted_as_new_by_scope"].items():
            lines.append(f"    {scope:42} {fmt(r)}")
        lines.append(f"  {'gold figures read as aid':44} {fmt(d['gold_figures_read_as_aid'])}")
        for name in ("donor", "recipient", "kind", "scope"):
            lines.append(f"  {name + ' right (figures read as aid)':44} {fmt(d[name + '_right'])}")
        if errors:
            lines += ["", *self.errors]
        return "\n".join(lines)




def _documents(corpora: Path, wanted: set[str]):
    """(doc_id, text, title, published, outlet) of each document scored."""
    for corpus, outlet in SOURCES.items():
        if not (corpora / f"{corpus}.jsonl.gz").is_file():
            raise AidGoldError(f"{corpora / (corpus + '.jsonl.gz')}: missing (the aid gold reads the shared corpora)")
        for doc_id, text, meta in corpus_records(corpora, corpus, metadata=True):
            if doc_id in wanted or candidate(text):
                date = meta["date"][:10]
                yield doc_id, text, meta["title"] or None, dt.date.fromisoformat(date) if len(date) == 10 else None, outlet


def _figure(found: list, start: int, end: int):
    """The figure read at a gold span: the one overlapping it most."""
    best, overlap = None, 0
    for q in found:
        o = min(end, q.end) - max(start, q.start)
        if o > overlap:
            best, overlap = q, o
    return best


def score(corpora: Path = SHARED_CORPORA, part: str = "dev", gold_dir: Path = GOLD_DIR) -> AidScores:
    """Score the rules on the announcements and amounts of one part (`dev`, `report` or `all`)."""
    from ..dataset import claims as claim_rules
    from ..dataset.pipeline import FULL_CONTEXT
    from ..reading.engine import extract_document

    if part not in PARTS:
        raise AidGoldError(f"part {part!r} is not dev, report or all")
    announcements = gold_rows(gold_dir / "announcements.csv", AidGoldError)
    reports = gold_rows(gold_dir / "reports.csv", AidGoldError)
    not_new = gold_rows(gold_dir / "not-new.csv", AidGoldError)
    wanted = {r["doc_id"] for r in reports} | {r["doc_id"] for r in not_new}
    figures, rows = {}, []
    scores = AidScores(part)
    for doc_id, text, title, published, outlet in _documents(corpora, wanted):
        scores.documents += 1
        found = list(extract_document(text, doc_id, FULL_CONTEXT, author=outlet, title=title, published=published))
        figures[doc_id] = found
        for q in found:
            if q.category != "other" and (q.normalized_value, q.normalized_low, q.normalized_high) != (None, None, None):
                row = q.model_dump()
                row.update(published=published, outlet=outlet)
                rows.append(row)
    missing = wanted - set(figures)
    if missing:
        raise AidGoldError(f"{gold_dir / 'reports.csv'}: documents not in the shared corpora: {sorted(missing)[:3]}")
    made, members = claim_rules.records(rows)
    claim_of = {m.quantity_id: m.claim_id for m in members}
    by_id = {c.claim_id: c for c in made}
    in_part = (lambda month: True) if part == "all" else (lambda month: part_of(month) == part)

    # the reports of each announcement, as the rules read them
    report_of: dict[str, str] = {}   # quantity_id -> announcement id
    held_by: dict[str, set] = defaultdict(set)
    for r in reports:
        q = _figure(figures[r["doc_id"]], int(r["start"]), int(r["end"]))
        if q is None:
            continue
        report_of[q.quantity_id] = r["announcement_id"]
        claim = by_id.get(claim_of.get(q.quantity_id))
        if claim is not None and claim.aid_scope == "new":
            held_by[r["announcement_id"]].add(claim.claim_id)
    announcements_in = {a["announcement_id"]: a for a in announcements if in_part(a["date"][:7])}
    for a in announcements_in.values():
        scores.announcements[1] += 1
        scores.held[1] += 1
        held = held_by.get(a["announcement_id"], set())
        scores.held[0] += bool(held)
        problem = None
        if len(held) != 1:
            problem = f"held by {len(held)} claims of new aid" + "".join(
                f"; {by_id[c].first_published} {by_id[c].first_value} {by_id[c].donor} {by_id[c].recipient} "
                f"{by_id[c].aid_kind} ({by_id[c].quantities})" for c in sorted(held, key=lambda c: str(by_id[c].first_published)))
        else:
            claim = by_id[next(iter(held))]
            others = {report_of[m.quantity_id] for m in members if m.claim_id == claim.claim_id
                      and m.quantity_id in report_of} - {a["announcement_id"]}
            amount = float(a["amount"])
            stated = claim.first_value if claim.normalized_unit == "USD" else claim.first_value_usd
            tolerance = claim_rules.TOLERANCE * 2 if a["approximate"] == "yes" else claim_rules.TOLERANCE
            first = claim.first_published
            if claim.donor != "United States":
                problem = f"donor {claim.donor}"
            elif claim.recipient != "Ukraine":
                problem = f"recipient {claim.recipient}"
            elif claim.aid_kind != a["kind"]:
                problem = f"kind {claim.aid_kind}"
            elif stated is None or abs(stated - amount) > tolerance * amount:
                problem = f"amount {stated}"
            elif first is None or abs((first - dt.date.fromisoformat(a["date"])).days) > 1:
                problem = f"first reported {first} ({claim.first_doc_id})"
            elif others:
                problem = f"also holds {sorted(others)}"
        if problem is None:
            scores.announcements[0] += 1
        else:
            scores.errors.append(f"announcement {a['announcement_id']} {a['amount']} {a['kind']}: {problem}")
    announced = set(report_of)
    for claim in made:
        if claim.aid_scope == "new" and claim.donor == "United States" and claim.recipient == "Ukraine" \
                and claim.normalized_unit == "USD" and claim.first_published and in_part(claim.first_published.isoformat()[:7]):
            scores.new_claims += 1
            if not any(m.quantity_id in announced for m in members if m.claim_id == claim.claim_id):
                scores.spurious += 1
                scores.errors.append(f"new claim of no announcement: {claim.first_published} {claim.first_value} "
                                     f"{claim.aid_kind} ({claim.first_doc_id}, {claim.quantities} figures)")
    # per figure
    documents_month = {doc_id: None for doc_id in figures}
    for r in reports:
        documents_month[r["doc_id"]] = r["date"][:7]
    kinds = {a["announcement_id"]: a["kind"] for a in announcements}
    for r in reports:
        if not in_part(r["date"][:7]):
            continue
        q = _figure(figures[r["doc_id"]], int(r["start"]), int(r["end"]))
        _judge(scores, q, r, "new", "United States", "Ukraine", kinds[r["announcement_id"]])
    for r in not_new:
        q = _figure(figures[r["doc_id"]], int(r["start"]), int(r["end"]))
        month = r["doc_id"][6:13] if r["doc_id"].startswith("state_") else r["doc_id"].split("/")[1]
        if not in_part(month):
            continue
        us = r["donor"] == "United States"
        if r["scope"] in NOT_NEW and us:
            counted = q is not None and q.category == "aid" and q.aid_scope == "new" and q.donor == "United States" \
                and q.recipient in ("Ukraine", None)
            scores.counted_as_new[1] += 1
            scores.counted_as_new[0] += counted
            scores.by_scope[r["scope"]][1] += 1
            scores.by_scope[r["scope"]][0] += counted
            if counted:
                scores.errors.append(f"counted as new: {r['doc_id']} {r['text']!r} ({r['scope']}: {r['note'][:60]})")
        from ..reading.about.actors import actor_id
        donor = r["donor"] if actor_id(r["donor"]) else None
        _judge(scores, q, r, r["scope"] if r["scope"] in NOT_NEW else None, donor, None, None)
    return scores


def _judge(scores: AidScores, q, gold: dict, scope: str | None, donor: str | None, recipient: str | None,
           kind: str | None) -> None:
    scores.labelled_aid[1] += 1
    if q is None or q.category != "aid":
        scores.errors.append(f"not read as aid: {gold['doc_id']} {gold['text']!r}"
                             + (f" ({q.category})" if q is not None else " (no figure)"))
        return
    scores.labelled_aid[0] += 1
    for name, want, got in (("donor", donor, q.donor), ("recipient", recipient, q.recipient),
                            ("kind", kind, q.aid_kind), ("scope", scope, q.aid_scope)):
        if want is None:
            continue
        scores.figures[name][1] += 1
        scores.figures[name][0] += got == want
        if got != want:
            scores.errors.append(f"{name} {gold['doc_id']} {gold['text']!r}: gold {want}, got {got}"
                                 + (f" ({q.aid_scope_rule})" if name == "scope" else ""))
