"""The three official publishers of the corpus (issue 25): what the import takes, with what
provenance, titles whole, and sentences clean where people read them."""

from __future__ import annotations

import gzip
import json

from typer.testing import CliRunner

from extractors.cli import app
from extractors.dataset import corpus, selection

from .conftest import ROOT

runner = CliRunner()


def _records(path, records):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


def _repo(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / corpus.PROVENANCE).write_text(",".join(corpus.PROVENANCE_COLUMNS) + "\n", encoding="utf-8")
    return tmp_path


STATE = {"id": "state_2022-03-01_abc", "guid": "https://www.state.gov/?p=1", "title": "Press Briefing",
         "published": "2022-03-01T21:00:00+00:00", "date": "2022-03-01", "url": "https://www.state.gov/briefing/",
         "author": "Ned Price, Department Spokesperson", "categories": [], "html_sha256": "a" * 64,
         "source_commit": "c0ffee", "source": "markschaver/State-Department-PR data.rss"}


def test_the_state_departments_releases_that_name_a_war_come_with_their_mapping(tmp_path):
    root = _repo(tmp_path)
    source = tmp_path / "state.jsonl.gz"
    _records(source, [dict(STATE, text="MR PRICE: Russia's full-scale invasion of Ukraine goes on."),
                      dict(STATE, id="b", title="Readout", text="The Secretary met the Prime Minister of Japan."),
                      dict(STATE, id="c", title="Support for Ukraine", text="We announced $1 million.")])
    result = runner.invoke(app, ["add", str(source), "--jsonl", "--folder", "state", "--root", str(root), "--mapping",
                                 str(ROOT / "docs" / "mappings" / "state-department-press-releases.toml"),
                                 "--conflict", "0.5"])
    assert result.exit_code == 0, result.output
    documents = [article.document for article in corpus.load(root)]
    assert sorted(d.title for d in documents) == ["Press Briefing", "Support for Ukraine"]  # the title names a war
    document = documents[0]
    assert (document.outlet, document.url, str(document.published), document.published_time, document.full_text) == \
        ("U.S. Department of State", STATE["url"], "2022-03-01", STATE["published"], True)
    assert document.rights.startswith("Public domain") and document.source_sha256 == "a" * 64


def test_the_conflict_filter_weighs_names_as_the_selection_rule_says():
    record = {"text": "Strikes hit Kharkiv. " * 19 + "Ukraine. Russia.", "date": "2023-01-01", "title": "Remarks"}
    assert selection.keeps(20, record) and not selection.keeps(20.5, record)
    assert not selection.keeps(0.5, {"text": "Gaza was calm.", "date": "2006-01-01", "title": ""})  # not yet a war
