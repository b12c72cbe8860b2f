"""The conflict gold of issue 23 (`extract eval --conflict`): its rounds are whole, and the
scorer names the halves it knows."""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from extractors.cli import app
from extractors.evaluation import conflict_gold, war_gold


def _rows(name):
    with (conflict_gold.GOLD_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("round_", ["2", "3"])
def test_a_later_round_is_judged_whole_and_held_out(round_):
    sample, judged = _rows(f"sample-{round_}.csv"), _rows(f"judgements-{round_}.csv")
    assert len(sample) == 300
    assert [r["quantity_id"] for r in judged] == [r["quantity_id"] for r in sample]
    assert {r["half"] for r in sample} == {"report"}
    known = war_gold.conflict_ids()
    for row in judged:
        assert row["is_war"] in ("yes", "no") and row["value_ok"] in ("yes", "no"), row
        assert row["conflict"] == "" or row["conflict"] in known or row["conflict"].startswith("new:"), row
        if row["is_war"] == "no":
            assert row["category"] == "other", row


@pytest.mark.parametrize("earlier, later", [("judgements.csv", "judgements-2.csv"), ("judgements.csv", "judgements-3.csv"),
                                            ("judgements-2.csv", "judgements-3.csv")])
def test_a_figure_judged_in_two_rounds_has_one_judgement(earlier, later):
    first = {r["quantity_id"]: r for r in _rows(earlier)}
    both = [r for r in _rows(later) if r["quantity_id"] in first]
    assert both
    for row in both:
        assert (row["is_war"], row["category"]) == (first[row["quantity_id"]]["is_war"],
                                                    first[row["quantity_id"]]["category"]), row


def test_eval_conflict_names_the_halves_it_knows():
    result = CliRunner().invoke(app, ["eval", "--conflict", "--half", "sideways"])
    assert result.exit_code != 0
    assert "'sideways' is not tuning, report, report-2, report-3 or all" in result.output
