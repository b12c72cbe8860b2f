"""The White House corpus: a batch import that is all or nothing, Markdown as scraped, and
full texts published where the rights allow."""

from __future__ import annotations

import gzip
import json

import duckdb
import pytest

from extractors.dataset import build as building
from extractors.dataset import corpus
from extractors import extract
from extractors.cli import app
from extractors.dataset.datacard import QUERIES
from typer.testing import CliRunner

from .conftest import ROOT

runner = CliRunner()


def _records(path, records):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


RECORD = {"id": "statements-releases/2022-03/x", "section": "statements-releases", "date": "2022-03-16",
          "published_time": "2022-03-16 12:00:00-04:00", "title": "Fact Sheet", "source_url": "https://example.gov/x",
          "source_path": "statements-releases/2022-03/x.md", "source_commit": "abc", "source_sha256": "0" * 64}


def _repo(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / corpus.PROVENANCE).write_text(",".join(corpus.PROVENANCE_COLUMNS) + "\n", encoding="utf-8")
    return tmp_path


def test_import_keeps_what_the_filters_select_byte_for_byte(tmp_path):
    root = _repo(tmp_path)
    source = tmp_path / "wh.jsonl.gz"
    text = "President Biden announced $800 million\nin security assistance to Ukraine.\r\n"
    _records(source, [dict(RECORD, text=text), dict(RECORD, id="b", section="speeches", text="Ukraine 5 km"),
                      dict(RECORD, id="c", text="No mention of the war, 5 km")])
    documents, skipped = corpus.add_jsonl(root, source, folder="whitehouse", where={"section": {"statements-releases"}},
                                          contains="Ukraine", outlet="The White House", full_text=True,
                                          rights=corpus.PUBLIC_DOMAIN_RIGHTS)
    assert len(documents) == 1 and skipped == []
    (document,) = documents
    assert (root / document.path).read_bytes() == text.encode("utf-8")
    assert document.path.startswith("corpus/whitehouse/whitehouse_2022-03-16_")
    (loaded,) = corpus.load(root)
    assert loaded.text == text and loaded.document.section == "statements-releases"
    assert loaded.document.full_text and loaded.document.source_commit == "abc"


def test_import_is_all_or_nothing_and_names_the_bad_line(tmp_path):
    root = _repo(tmp_path)
    before = (root / "corpus" / corpus.PROVENANCE).read_bytes()
    source = tmp_path / "wh.jsonl.gz"
    _records(source, [dict(RECORD, text="Ukraine: 5 tanks"), dict(RECORD, id="bad", text="Ukraine", date="16/03/2022")])
    with pytest.raises(corpus.CorpusError, match=r"wh\.jsonl\.gz:2: published"):
        corpus.add_jsonl(root, source, folder="whitehouse")
    assert (root / "corpus" / corpus.PROVENANCE).read_bytes() == before
    assert not (root / "corpus" / "whitehouse").exists() or not any((root / "corpus" / "whitehouse").iterdir())


def test_import_refuses_a_duplicate_text_unless_told_to_skip(tmp_path):
    root = _repo(tmp_path)
    source = tmp_path / "wh.jsonl.gz"
    _records(source, [dict(RECORD, text="Ukraine: 5 tanks"), dict(RECORD, id="again", text="Ukraine: 5 tanks")])
    result = runner.invoke(app, ["add", str(source), "--jsonl", "--folder", "whitehouse", "--root", str(root)])
    assert result.exit_code == 1 and "wh.jsonl.gz:2: the same text as" in result.output
    result = runner.invoke(app, ["add", str(source), "--jsonl", "--folder", "whitehouse", "--skip-duplicates",
                                 "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "added 1 documents" in result.output and "skipped:" in result.output


def test_a_sentence_runs_across_wrapped_lines_and_ends_at_a_list_item():
    text = ("The United States will provide an additional $725\nmillion in security assistance, including\n"
            "hundreds of\nthousands of artillery rounds. This is the tenth package of the year and\n"
            "more will come.\n\n-   500 Javelin missiles;\n-   20 trucks.\n")
    figures = {q.text: q for q in extract(text)}
    assert "$725\nmillion" in figures and figures["$725\nmillion"].value == 725e6
    rounds = figures["hundreds of\nthousands of artillery rounds"]
    assert rounds.low == 1e5 and text[rounds.start:rounds.end] == rounds.text
    assert figures["$725\nmillion"].sentence.endswith("artillery rounds.")
    # each list item is a sentence of its own, read from after its marker
    assert figures["500 Javelin missiles"].sentence == "500 Javelin missiles;"
    assert figures["20 trucks"].sentence == "20 trucks."


def test_a_figure_in_link_text_is_read_and_a_url_is_not():
    text = "We sent [2,000 drones](https://example.gov/2023/05/one-year-2-000-drones) to Ukraine."
    assert [q.text for q in extract(text)] == ["2,000 drones"]


@pytest.fixture(scope="module")
def package():
    connection = duckdb.connect(":memory:")
    for name in building.TABLE_NAMES:
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{ROOT / 'dist' / name}.parquet')")
    yield connection
    connection.close()


def test_texts_hold_exactly_the_public_domain_documents_and_their_offsets(package):
    published = set(package.execute("SELECT doc_id FROM documents WHERE full_text").fetchall())
    texts = set(package.execute("SELECT doc_id FROM texts").fetchall())
    assert published == texts and len(texts) >= 800
    wrong = package.execute(
        "SELECT count(*) FROM quantities q JOIN texts t USING (doc_id) "
        "WHERE substr(t.text, q.start + 1, q.\"end\" - q.start) <> q.text").fetchone()[0]
    assert wrong == 0


@pytest.mark.parametrize(("question", "sql"), QUERIES, ids=[q for q, _ in QUERIES])
def test_every_query_of_the_data_card_runs(package, question, sql):
    rows = package.execute(sql).fetchall()
    assert rows, question


def test_the_data_card_shows_the_queries_it_was_built_with():
    card = (ROOT / "dist" / "README.md").read_text(encoding="utf-8")
    for _, sql in QUERIES:
        assert sql in card


def test_a_reimport_says_how_many_records_are_already_in_the_corpus(tmp_path):
    root = _repo(tmp_path)
    source = tmp_path / "wh.jsonl.gz"
    records = [dict(RECORD, text="Ukraine: 5 tanks"), dict(RECORD, id="b", text="Ukraine: 7 tanks")]
    _records(source, records)
    command = ["add", str(source), "--jsonl", "--folder", "whitehouse", "--skip-duplicates", "--root", str(root)]
    first = runner.invoke(app, command)
    assert first.exit_code == 0 and "added 2 documents to corpus/whitehouse/ (0 skipped)" in first.output, first.output
    again = runner.invoke(app, command)
    assert again.exit_code == 1, again.output
    assert f"error: {source}: all 2 records that pass the filters are already in the corpus; nothing added" in again.output
    _records(source, [*records, dict(RECORD, id="c", text="Ukraine: 9 tanks"), dict(RECORD, id="d", text="Ukraine: 9 tanks")])
    third = runner.invoke(app, command)
    assert third.exit_code == 0, third.output
    assert "added 1 documents to corpus/whitehouse/ (3 skipped, 2 of them already in the corpus)" in third.output
    assert third.output.count("skipped: ") == 3 and third.output.count("already in the corpus: the same text as") == 2
