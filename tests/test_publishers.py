"""The three official publishers of the corpus (issue 25): what the import takes, with what
provenance, titles whole, and sentences clean where people read them."""

from __future__ import annotations

import csv
import gzip
import json
import re

import pytest
from typer.testing import CliRunner

from extractors.cli import app
from extractors.dataset import corpus, selection
from extractors.evaluation.war_gold import SHARED_CORPORA
from extractors.reading.engine import extract_document

from .conftest import ROOT

runner = CliRunner()
# What an earlier copy of the archive left in titles: YAML escapes (\u2019, \_, \"), a
# stray quote or backslash at an end where a title was cut after its first line.
YAML_LEFTOVER = re.compile(r"\\u[0-9A-Fa-f]{4}|\\[_*\"\\\[\]`]|^\"|\\$|\"$")


def _provenance() -> list[dict]:
    with (ROOT / "corpus" / corpus.PROVENANCE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_no_title_holds_a_yaml_escape_or_a_line_break():
    bad = [(row["doc_id"], row["title"]) for row in _provenance()
           if YAML_LEFTOVER.search(row["title"]) or "\n" in row["title"]]
    assert bad == []


def test_the_pattern_finds_what_the_old_titles_held():
    old = ['"Democrats Showed Whose Side They\\u2019re On \\u2014 And it\\u2019s Not the American\\',
           "Statement on the 2\\_000th day", 'Readout of a Call"']
    assert all(YAML_LEFTOVER.search(title) for title in old)
    assert not YAML_LEFTOVER.search("Readout of President Biden’s Call with President Zelenskyy of Ukraine")


@pytest.mark.skipif(not (SHARED_CORPORA / "whitehouse-briefing-room.jsonl.gz").is_file(),
                    reason="the shared corpora are not beside the repository")
def test_every_imported_title_is_its_records_whole_title():
    """No title cut at a line: each is the shared archive's title, parsed from its source's
    front matter (the archive mended on 2026-12-07)."""
    imported = {}
    for row in _provenance():
        found = re.match(r"Imported from (?P<archive>[^,]+), record '(?P<record>.*)'\.$", row["notes"] or "")
        if found:
            imported[(found.group("archive"), found.group("record"))] = row["title"]
    titles = {}
    for archive in ("whitehouse-briefing-room.jsonl.gz", "state-department-press-releases.jsonl.gz"):
        with gzip.open(SHARED_CORPORA / archive, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if (archive, record["id"]) in imported:
                    titles[(archive, record["id"])] = record["title"]
    assert len(imported) > 2000
    assert {key: title for key, title in imported.items() if titles.get(key) != title} == {}


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
    assert (document.outlet, document.url, str(document.published), document.published_time.isoformat(),
            document.full_text) == ("U.S. Department of State", STATE["url"], "2022-03-01", STATE["published"], True)
    assert document.rights.startswith("Public domain") and document.source_sha256 == "a" * 64


def test_the_conflict_filter_weighs_names_as_the_selection_rule_says():
    record = {"text": "Strikes hit Kharkiv. " * 19 + "Ukraine. Russia.", "date": "2023-01-01", "title": "Remarks"}
    assert selection.keeps(20, record) and not selection.keeps(20.5, record)
    assert not selection.keeps(0.5, {"text": "Gaza was calm.", "date": "2006-01-01", "title": ""})  # not yet a war


# Documents whose figures stand in list items: a White House fact sheet (Markdown "-   "),
# a State Department release ("- ").
LISTS = ("corpus/whitehouse/whitehouse_2021-04-15_ac85313e309e9c88.md", "corpus/state/state_2022-06-28_b7fc3764d7149517.md")


@pytest.mark.parametrize("path", LISTS)
def test_no_sentence_starts_with_a_list_marker(path):
    """The CSV's formula guard put a ' before 11 % of the sentences of 0.6.0, which began
    with "- "; a sentence starts at the item's words, its offsets exact."""
    text = (ROOT / path).read_text(encoding="utf-8")
    figures = list(extract_document(text, "d", 5000))
    in_items = [q for q in figures if re.fullmatch(r"[ \t]*[-*+][ \t]+", text[text.rfind("\n", 0, q.sentence_start) + 1:
                                                                            q.sentence_start])]
    assert in_items  # figures in list items
    assert [q.sentence for q in figures if re.match(r"[-*+\u2022][ \t\u00a0]", q.sentence)] == []
    assert all(text[q.sentence_start:q.sentence_start + len(q.sentence)] == q.sentence for q in figures)
