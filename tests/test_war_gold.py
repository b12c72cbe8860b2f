"""The war-figure gold and its scorer (`extract eval --war`)."""

from __future__ import annotations

import csv
import json

import pytest

from extractors.evaluation import war_gold

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "corpora"


def _write(path, columns, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _gold(tmp_path, text, figures):
    corpora, gold = tmp_path / "corpora", tmp_path / "gold"
    corpora.mkdir()
    gold.mkdir()
    (corpora / war_gold.FILES["isw-reports-2022"]).write_text(json.dumps({"id": "d1", "text": text}) + "\n")
    sid = war_gold.sentence_id("isw-reports-2022", "d1", 0)
    _write(gold / "sentences.csv", war_gold.SENTENCE_COLUMNS,
           [{"sentence_id": sid, "corpus": "isw-reports-2022", "doc_id": "d1", "start": 0,
             "end": len(text), "round": 1, "half": "tuning"}])
    rows = []
    for span, labels in figures:
        start = text.index(span)
        rows.append({"sentence_id": sid, "corpus": "isw-reports-2022", "doc_id": "d1", "start": start,
                     "end": start + len(span), "text": span, "half": "tuning", **labels})
    _write(gold / "figures.csv", war_gold.FIGURE_COLUMNS, rows)
    return corpora, gold


def test_scorer_counts_recall_precision_and_measures(tmp_path):
    text = "Ukraine received $5 million in aid from Japan. Russian shelling killed 12 civilians."
    corpora, gold = _gold(tmp_path, text, [
        ("12 civilians", {"category": "casualties", "measure": "wounded"}),
        ("$5 million", {"category": "aid", "donor": "Japan", "recipient": "Ukraine"}),
    ])
    scores = war_gold.score(corpora, "all", gold).as_dict()
    assert scores["category_recall"]["k"] == 2 and scores["category_recall"]["n"] == 2
    assert scores["precision_of_war_labels"]["n"] == 2
    # the gold says wounded, the text says killed: the scorer reports the disagreement
    measure = scores["measure_accuracy_casualties_damage"]
    assert (measure["k"], measure["n"]) == (0, 1)
    assert scores["donor"]["k"] == 1 and scores["recipient"]["k"] == 1


def test_scorer_refuses_gold_that_does_not_match_the_corpus(tmp_path):
    corpora, gold = _gold(tmp_path, "Russia launched 90 missiles.", [("90 missiles", {"category": "attacks"})])
    rows = list(csv.DictReader((gold / "figures.csv").open(encoding="utf-8")))
    rows[0]["start"] = "1"
    _write(gold / "figures.csv", war_gold.FIGURE_COLUMNS, rows)
    with pytest.raises(war_gold.WarGoldError, match="figures.csv:2"):
        war_gold.score(corpora, "all", gold)


def test_halves_are_fixed_by_the_sentence_id():
    assert war_gold.half_of("isw-reports-2022:isw/10-01-2023:1367") == war_gold.half_of("isw-reports-2022:isw/10-01-2023:1367")
    halves = {war_gold.half_of(f"c:d:{i}") for i in range(50)}
    assert halves == {"tuning", "report"}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpora not present")
def test_committed_gold_matches_the_shared_corpora():
    sentences, figures, texts = war_gold.load(SHARED)
    assert len(sentences) >= 400 and sum(f["category"] in war_gold.WAR_CATEGORIES for f in figures) >= 300
    by_id = {s["sentence_id"]: s for s in sentences}
    for figure in figures:
        sentence = by_id[figure["sentence_id"]]
        assert sentence["start"] <= figure["start"] <= figure["end"] <= sentence["end"]
        # a span is empty only on a `none` row that says its sentence holds no war figure
        assert figure["start"] < figure["end"] or figure["category"] == "none", figure
        assert figure["half"] == sentence["half"]


def _committed():
    def rows(name):
        with (war_gold.GOLD_DIR / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    return rows("sentences.csv"), rows("figures.csv")


def test_every_round_3_sentence_was_read_and_every_conflict_is_listed():
    sentences, figures = _committed()
    rows_of = {}
    for figure in figures:
        rows_of.setdefault(figure["sentence_id"], []).append(figure)
    third = [s for s in sentences if s["round"] == "3"]
    assert len(third) >= 300
    unread = [s["sentence_id"] for s in third if not rows_of.get(s["sentence_id"])]
    assert not unread, f"{len(unread)} round-3 sentences without a figure row, e.g. {unread[:3]}"
    known = war_gold.conflict_ids()
    assert "russia-ukraine" in known and "sudan" in known
    for figure in figures:
        conflict = figure["conflict"]
        assert figure["category"] in war_gold.WAR_CATEGORIES + ("none",), figure
        assert conflict == "" or conflict in known or (conflict.startswith("new:") and len(conflict) > 4), figure
        if figure["category"] == "none":
            assert conflict == "", figure
    for sid, rows in rows_of.items():
        # an empty `none` row stands alone: its sentence holds no war figure
        if any(r["category"] == "none" and not r["text"] for r in rows):
            assert len(rows) == 1, sid


def test_round_3_covers_other_wars_from_the_news_and_the_official_corpora():
    sentences, figures = _committed()
    third = {s["sentence_id"]: s for s in sentences if s["round"] == "3"}
    by_corpus = {}
    for s in third.values():
        by_corpus[s["corpus"]] = by_corpus.get(s["corpus"], 0) + 1
    assert by_corpus.get("news-articles-2017", 0) >= 100
    assert by_corpus.get("whitehouse-briefing-room", 0) + by_corpus.get("state-department-press-releases", 0) >= 150
    war = [f for f in figures if f["sentence_id"] in third and f["category"] in war_gold.WAR_CATEGORIES]
    per_conflict = {}
    for f in war:
        per_conflict[f["conflict"]] = per_conflict.get(f["conflict"], 0) + 1
    assert len(per_conflict) >= 10
    assert max(per_conflict.values()) <= len(war) / 3, per_conflict
    assert per_conflict.get("russia-ukraine", 0) <= len(war) / 20
    assert {s["half"] for s in third.values()} == {"tuning", "report"}
    assert all(s["half"] == war_gold.half_of(sid) for sid, s in third.items())


def test_the_migration_is_applied():
    """Each row of migration-2026-12.csv is a `none` row of figures.csv at the same span."""
    _, figures = _committed()
    at = {(f["sentence_id"], f["start"], f["text"]): f for f in figures}
    with (war_gold.GOLD_DIR / "migration-2026-12.csv").open(encoding="utf-8", newline="") as handle:
        migrated = list(csv.DictReader(handle))
    assert len(migrated) >= 50
    for row in migrated:
        figure = at[(row["sentence_id"], row["start"], row["span"])]
        assert row["old_category"] in war_gold.WAR_CATEGORIES and row["reason"]
        assert figure["category"] == row["new_category"] == "none", row


def test_scoring_one_round_only(tmp_path):
    corpora, gold = _gold(tmp_path, "Russia launched 90 missiles.", [("90 missiles", {"category": "attacks"})])
    assert war_gold.score(corpora, "all", gold, rounds=[1]).sentences == 1
    scores = war_gold.score(corpora, "all", gold, rounds=[3])
    assert scores.sentences == 0 and sum(scores.gold.values()) == 0


def test_the_held_out_round_is_read_whole_and_left_out_of_all():
    sentences, figures = _committed()
    fourth = [s for s in sentences if s["round"] == "4"]
    assert len(fourth) == 200 and {s["half"] for s in fourth} == {war_gold.HELD_OUT}
    read = {f["sentence_id"] for f in figures}
    assert all(s["sentence_id"] in read for s in fourth)
    assert all(s["half"] != war_gold.HELD_OUT for s in sentences if s["round"] != "4")


def test_all_leaves_the_held_out_half_out(tmp_path):
    corpora, gold = _gold(tmp_path, "Russia launched 90 missiles.", [("90 missiles", {"category": "attacks"})])
    with (gold / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["half"] = war_gold.HELD_OUT
    _write(gold / "sentences.csv", war_gold.SENTENCE_COLUMNS, rows)
    assert war_gold.score(corpora, "all", gold).sentences == 0
    assert war_gold.score(corpora, war_gold.HELD_OUT, gold).sentences == 1


def test_the_round_3_draw_names_other_wars_and_nothing_ukrainian():
    import importlib.util

    spec = importlib.util.spec_from_file_location("war_gold_script", ROOT / "scripts" / "war_gold.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.other_war("More than 200,000 Mosul residents have been displaced.") == "iraq-isis"
    assert script.other_war("Tens of thousands have been killed in South Sudan.") == "new:south-sudan"
    assert script.other_war("Fighting in Sudan displaced 8 million people.") == "sudan"
    assert script.other_war("Russia fired 40 missiles at Kyiv and Aleppo.") is None
    assert script.other_war("The strike killed 12 people in Kharkiv.") is None
    assert script.other_war("Niger's army lost 20 soldiers.") == "sahel"
    assert all(war in war_gold.conflict_ids() or war.startswith("new:") for war in script.OTHER_WARS)


def test_the_wilson_interval_is_the_one_statsmodels_computes():
    """Kept hand-written (docs/LIBRARIES.md): the same interval as statsmodels'
    proportion_confint(k, n, alpha=0.05, method="wilson"), whose values these are."""
    from extractors.evaluation.war_gold import wilson

    reference = {(0, 9): (0.0, 0.29914504841954415), (95, 100): (0.8882495307680808, 0.9784563208456319),
                 (1, 2): (0.09453120573423068, 0.9054687942657693), (37, 50): (0.6044684273515116, 0.841284725064476),
                 (200, 200): (0.9811546736227335, 1.0)}
    for (k, n), (low, high) in reference.items():
        ours = wilson(k, n, z=1.959963984540054)
        assert abs(ours[0] - low) < 1e-12 and abs(ours[1] - high) < 1e-12, (k, n, ours)
    assert wilson(0, 0) == (0.0, 1.0)
