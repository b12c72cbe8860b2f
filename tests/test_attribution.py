"""Who gives a figure (extractors/reading/about/attribution.py): its examples, its alias table, and
its score on the attribution gold (corpus/gold-attribution.csv)."""

from __future__ import annotations

import pytest

from extractors.evaluation import evaluate
from extractors import extract
from extractors.reading.about import attribution
from extractors.reading.lexicons import read_tsv

from .conftest import ROOT


@pytest.mark.parametrize("sentence, figure, who, kind, source", attribution.EXAMPLES,
                         ids=[e[1] for e in attribution.EXAMPLES])
def test_example(sentence, figure, who, kind, source):
    (quantity,) = [q for q in extract(sentence) if q.text.endswith(figure) or figure in q.text]
    assert (quantity.attributed_to, quantity.attribution_kind, quantity.attributed_source) == (who, kind, source)


def test_a_statement_s_own_figures_are_its_author_s_and_a_named_source_comes_first():
    text = "The United States will provide $400 million. Kyiv said 90 missiles were launched."
    plain = extract(text)
    assert [q.attributed_to for q in plain] == [None, "Kyiv"]
    own = extract(text, author="The White House")
    assert [(q.attributed_to, q.attribution_kind) for q in own] == [("The White House", "document_author"),
                                                                    ("Kyiv", "organization")]
    assert [q.attribution_kind for q in extract(text, author="Reuters")][0] is None  # no own statements


def test_he_said_is_the_person_the_sentence_before_names():
    text = ("The UN coordinator, Matthias Schmale, reported 12,000 people killed. "
            "He said 40 per cent of the population need assistance.")
    assert [q.attributed_to for q in extract(text)] == ["Matthias Schmale", "Matthias Schmale"]


def test_the_alias_table_is_well_formed():
    rows = read_tsv("sources.tsv")
    aliases = [attribution.bare(row["alias"]) for row in rows]
    assert len(aliases) == len(set(aliases)), "an alias listed twice"
    assert {row["kind"] for row in rows} <= set(attribution.KINDS)
    assert {row["own_statements"] for row in rows} <= {"yes", "no"}
    sources = {row["source"] for row in rows}
    assert all(attribution.bare(s) in aliases for s in sources), "every source is also one of its own aliases"


def test_attribution_gold_precision_and_recall():
    scores = evaluate.attribution(ROOT)
    assert scores["attributed_in_gold"] >= 20
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9, scores["misses"]
