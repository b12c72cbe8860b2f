"""The transcript gold (docs/transcript-gold/): 100 figures of White House and State Department
briefings, calls, interviews and speeches, each judged by reading: the speaker of its turn,
whether it is a reporter's, and who the dataset should say gives it.

Scoring re-reads each judged figure's document from the shared corpora as the build reads it
(its publisher as author, its title and date) and finds the figure at the same span:

- **speaker right**: a reporter's figure is in a turn read as a question; any other figure's
  speaker (`speaker`, else `speaker_role` for an unnamed moderator) is the gold's person and
  its turn is no question;
- **question right**: `is_question` is the gold's (`yes`: true, `no`: false);
- **reporter figures given to a government**: of the figures in a reporter's turn that quote
  no one, those attributed to the document's author or to a speaker;
- **attribution right**: `attributed_to` is the gold's `expected_attributed_to` (the quoted
  source, else the speaker by name, else no one for a reporter's own figure), compared in any
  case and without a leading "the".

Each with its 95 % Wilson interval. With `before`, the same scores of what the pre-change
packages published (docs/transcript-gold/sample.csv): attribution only, since they had no
speakers. Figures whose span the rules no longer read are counted apart (`unmatched`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .war_gold import SHARED_CORPORA, corpus_records, gold_rows, wilson

GOLD_DIR = Path(__file__).resolve().parents[2] / "docs" / "transcript-gold"
SOURCES = {  # the sample's source -> (shared corpus, the outlet the build gives its documents)
    "whitehouse": ("whitehouse-briefing-room", "The White House"),
    "state": ("state-department-press-releases", "U.S. Department of State"),
}


class TranscriptGoldError(Exception):
    pass


def _rate(right: int, of: int) -> dict:
    return {"rate": round(right / of, 4) if of else None, "right": right, "of": of,
            "wilson95": [round(x, 4) for x in wilson(right, of)] if of else None}


@dataclass
class TranscriptScores:
    before: bool
    judged: int = 0
    unmatched: int = 0
    speaker: list = field(default_factory=lambda: [0, 0])
    question: list = field(default_factory=lambda: [0, 0])
    reporter_to_government: list = field(default_factory=lambda: [0, 0])   # given to a government, of reporters' own
    attribution: list = field(default_factory=lambda: [0, 0])
    speaks_for: list = field(default_factory=lambda: [0, 0])
    by_publisher: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # attribution right
    errors: list = field(default_factory=list)

    def as_dict(self) -> dict:
        scores = {"before": self.before, "judged": self.judged, "unmatched": self.unmatched,
                  "attribution_right": _rate(*self.attribution),
                  "reporter_figures_given_to_a_government": _rate(*self.reporter_to_government),
                  "attribution_right_by_publisher": {k: _rate(*v) for k, v in sorted(self.by_publisher.items())}}
        if not self.before:
            scores.update({"speaker_right": _rate(*self.speaker), "question_right": _rate(*self.question),
                           "speaks_for_right": _rate(*self.speaks_for)})
        return scores

    def render(self, errors: bool = False) -> str:
        d = self.as_dict()
        lines = [f"transcript gold{' (as published before issue 25)' if self.before else ''}: {self.judged} judged "
                 f"figures ({self.unmatched} not read at the same span)"]
        for name in ("speaker_right", "question_right", "speaks_for_right", "attribution_right",
                     "reporter_figures_given_to_a_government"):
            if name in d:
                r = d[name]
                lines.append(f"  {name.replace('_', ' '):40} " + (
                    f"{r['rate']:.1%} {r['wilson95']} ({r['right']}/{r['of']})" if r["of"] else "-"))
        for publisher, r in d["attribution_right_by_publisher"].items():
            lines.append(f"    attribution right, {publisher:25} {r['rate']:.1%} ({r['right']}/{r['of']})")
        if errors:
            lines += ["", *self.errors]
        return "\n".join(lines)




def _plain(name: str | None) -> str:
    """A name compared: its words in lower case, without a leading "the" or a note in brackets."""
    name = " ".join((name or "").split()).casefold()
    name = name.split(" (")[0]
    return name[4:] if name.startswith("the ") else name


_NO_GOVERNMENT = ("", "reporter", "none")


def _judge(scores: TranscriptScores, gold: dict, found: dict, publisher: str) -> None:
    """Add one figure's judgements: `found` holds the published columns (attributed_to,
    attribution_kind, and after the change speaker, speaker_role, speaker_for, is_question)."""
    question = gold["is_question"] == "yes"
    expected = gold["expected_attributed_to"]
    attributed = found.get("attributed_to") or ""
    right = _plain(attributed) == _plain(expected)
    scores.attribution[0] += right
    scores.attribution[1] += 1
    scores.by_publisher[publisher][0] += right
    scores.by_publisher[publisher][1] += 1
    problems = [] if right else [f"attributed to {attributed!r}, gold {expected!r}"]
    if question and not expected:
        given = found.get("attribution_kind") in ("document_author", "speaker")
        scores.reporter_to_government[0] += given
        scores.reporter_to_government[1] += 1
    if not scores.before:
        asked = found.get("is_question")
        in_turn = bool(found.get("speaker_label") or found.get("speaker"))
        question_right = bool(asked) == question and (in_turn or not gold["speaker_label"] and not question)
        scores.question[0] += question_right
        scores.question[1] += 1
        if question:
            speaker_right = bool(asked)
        else:
            said = found.get("speaker") or found.get("speaker_role") or ""
            speaker_right = asked is False and _plain(said) == _plain(gold["speaker"])
        scores.speaker[0] += speaker_right
        scores.speaker[1] += 1
        if not speaker_right:
            problems.append(f"speaker {found.get('speaker_label')!r} {found.get('speaker')!r} "
                            f"(question {asked}), gold {gold['speaker_label']!r} {gold['speaker']!r}")
        speaks_for = found.get("speaker_for") or ""
        gold_for = "" if gold["speaks_for"] in _NO_GOVERNMENT else gold["speaks_for"]
        scores.speaks_for[0] += _plain(speaks_for) == _plain(gold_for)
        scores.speaks_for[1] += 1
    if problems:
        scores.errors.append(f"{gold['quantity_id']}: " + "; ".join(problems))


def score(corpora: Path = SHARED_CORPORA, gold_dir: Path = GOLD_DIR, before: bool = False) -> TranscriptScores:
    """Score the rules (or, with `before`, the pre-change packages' sample) on the 100 judged figures."""
    from ..dataset.pipeline import FULL_CONTEXT
    from ..reading.engine import extract_document

    sample = {row["quantity_id"]: row for row in gold_rows(gold_dir / "sample.csv", TranscriptGoldError)}
    judged = gold_rows(gold_dir / "judgements.csv", TranscriptGoldError)
    missing = [row["quantity_id"] for row in judged if row["quantity_id"] not in sample]
    if missing:
        raise TranscriptGoldError(f"{gold_dir / 'judgements.csv'}: {missing[0]} is not in sample.csv")
    scores = TranscriptScores(before, len(judged))
    if before:
        for row in judged:
            published = sample[row["quantity_id"]]
            _judge(scores, row, published, published["source"])
        return scores
    wanted = defaultdict(set)
    for row in judged:
        wanted[sample[row["quantity_id"]]["source"]].add(sample[row["quantity_id"]]["doc_id"])
    found = {}
    for source, (corpus, outlet) in SOURCES.items():
        if not wanted[source]:
            continue
        for doc_id, text, meta in corpus_records(corpora, corpus, metadata=True):
            if doc_id not in wanted[source]:
                continue
            published = dt.date.fromisoformat(meta["date"]) if meta["date"] else None
            for q in extract_document(text, doc_id, FULL_CONTEXT, author=outlet, title=meta["title"] or None,
                                      published=published):
                found[q.quantity_id] = q.model_dump()
    for row in judged:
        figure = found.get(row["quantity_id"])
        if figure is None:
            scores.unmatched += 1
            scores.errors.append(f"{row['quantity_id']}: not read at this span")
            continue
        _judge(scores, row, figure, sample[row["quantity_id"]]["source"])
    return scores
