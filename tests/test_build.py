"""The build: deterministic, validated, atomic; bad input stops it and leaves dist/ alone."""

from __future__ import annotations

import csv
import datetime as dt
import json

import duckdb
import pytest

from extractors.dataset import build as building
from extractors.dataset import publish
from extractors.dataset.corpus import CorpusError
from extractors.dataset.records import csv_cell, from_csv_text

from .conftest import ROOT, snapshot


# That the committed package validates and is what a fresh build of the whole corpus writes
# is `extract validate`, run as the README gives it (test_readme.py): the one full build of
# the suite.


def test_two_builds_are_byte_identical(repo):
    building.build(repo)
    first = snapshot(repo)
    building.build(repo)
    assert snapshot(repo) == first


def test_the_package_stays_under_150_mb():
    """Issue 25: dist/, the tables, the data card and the site, under 150 MB (as `du -sb`
    counts its files), so that it can be published and cloned whole."""
    size = sum(p.stat().st_size for p in (ROOT / "dist").rglob("*") if p.is_file())
    assert 0 < size < 150_000_000, f"dist/ holds {size / 1e6:.1f} MB"


def test_every_row_text_is_its_document_slice():
    texts = {a.document.doc_id: a.text for a in building.corpus_articles(ROOT)}
    with (ROOT / "dist" / "quantities.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        # The CSV read exactly: one ' off a formula-like cell (the card's rule).
        text, sentence = from_csv_text(row["text"]), from_csv_text(row["sentence"])
        start, end = int(row["start"]), int(row["end"])
        assert texts[row["doc_id"]][start:end] == text, row["quantity_id"]
        offset = int(row["sentence_start"])
        assert sentence[start - offset:end - offset] == text
        assert sentence in texts[row["doc_id"]]


def test_csv_and_parquet_hold_the_same_rows():
    connection = duckdb.connect()
    for name in building.TABLE_NAMES:
        from_csv = connection.execute(f"SELECT * FROM read_csv('{ROOT}/dist/{name}.csv', all_varchar=true) ORDER BY 1").fetchall()
        from_parquet = connection.execute(f"SELECT * FROM read_parquet('{ROOT}/dist/{name}.parquet') ORDER BY 1").fetchall()
        assert len(from_csv) == len(from_parquet) > 0
        for a, b in zip(from_csv, from_parquet):
            # a time with its offset in the CSV is the same instant in the Parquet's UTC
            assert [dt.datetime.fromisoformat(x) if isinstance(y, dt.datetime) else x or None for x, y in zip(a, b)] == \
                [y if y is None or isinstance(y, dt.datetime) else csv_cell(y) for y in b]


def test_descriptor_is_data_package_v2_with_hashes():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["version"].count(".") == 2 and package["created"].endswith("Z")
    for key in ("name", "title", "licenses", "sources", "contributors"):
        assert package[key]
    names = [r["name"] for r in package["resources"]]
    tables = ["documents", "quantities", "texts", "claims", "claim_quantities"]
    assert names == [*tables, *(f"{t}-parquet" for t in tables), "data-card", *(f"{t}-schema" for t in tables)]
    for resource in package["resources"]:
        assert resource["type"] == "file" or resource["schema"]["primaryKey"]
        assert resource["hash"].startswith("sha256:")
        assert building.file_facts(ROOT / resource["path"]) == {"bytes": resource["bytes"], "hash": resource["hash"]}
        if resource["format"] == "parquet":
            assert resource["mediatype"] == "application/vnd.apache.parquet" and resource["type"] == "file"
            assert resource["schema"] == package["resources"][names.index(resource["name"].removesuffix("-parquet"))]["schema"]


def test_a_changed_article_stops_the_build_and_leaves_dist_untouched(repo):
    before = snapshot(repo)
    article = next((repo / "corpus").glob("000_*.txt"))
    article.write_bytes(article.read_bytes() + b" 5 km")
    with pytest.raises(CorpusError, match=f"{article.name}: sha256"):
        building.build(repo)
    assert snapshot(repo) == before
    assert not list(repo.glob(".build-*"))


@pytest.mark.parametrize(("damage", "message"), [
    (lambda c: (c / "provenance.csv").unlink(), "provenance.csv: missing"),
    (lambda c: (c / "stray.txt").write_text("5 km", encoding="utf-8"), "stray.txt: not listed"),
    (lambda c: next(c.glob("001_*.txt")).unlink(), "does not exist"),
    (lambda c: (c / "provenance.csv").write_text(
        (c / "provenance.csv").read_text(encoding="utf-8").replace(",en,", ",en,x", 1), encoding="utf-8"), "sha256"),
])
def test_bad_corpus_names_the_file_and_the_problem(repo, damage, message):
    before = snapshot(repo)
    damage(repo / "corpus")
    with pytest.raises(CorpusError, match=message):
        building.build(repo)
    assert snapshot(repo) == before


def test_non_utf8_article_is_refused(repo):
    article = next((repo / "corpus").glob("002_*.txt"))
    article.write_bytes(b"\xff\xfe 5 km")
    with pytest.raises(CorpusError, match="not UTF-8"):
        building.build(repo)


def test_a_package_that_fails_validation_is_not_published(repo, monkeypatch):
    before = snapshot(repo)
    monkeypatch.setattr(building, "validate_descriptor", lambda path, prefix, articles=None: ["quantities.csv:2: broken"])
    with pytest.raises(building.BuildError, match="dist is unchanged"):
        building.build(repo)
    assert snapshot(repo) == before


def test_validate_catches_tampering(repo):
    csv_path = repo / "dist" / "quantities.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("North Korean", "South Korean"), encoding="utf-8")
    problems = building.validate(repo, building.corpus_articles(repo))
    assert any("hash" in p for p in problems)
    assert any("rows differ" in p for p in problems)


def test_validate_catches_a_broken_foreign_key(repo):
    package_path = repo / "datapackage.json"
    csv_path = repo / "dist" / "quantities.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("\n000_e0b8bcc4a6f47617:", "\n999_x:", 1)
                        .replace(",000_e0b8bcc4a6f47617,", ",999_missing,", 1), encoding="utf-8")
    package = json.loads(package_path.read_text(encoding="utf-8"))
    quantities = next(r for r in package["resources"] if r["name"] == "quantities")
    quantities.update(building.file_facts(csv_path))
    package_path.write_text(json.dumps(package), encoding="utf-8")
    problems = building.validate(repo)
    assert any("999_missing" in p or "foreign" in p.lower() for p in problems), problems


def test_a_failing_swap_restores_the_previous_package(repo, monkeypatch):
    before = snapshot(repo)
    article = next((repo / "corpus").glob("000_*.txt"))
    text = article.read_text(encoding="utf-8") + " Russia launched 90 missiles."
    article.write_text(text, encoding="utf-8")
    provenance = repo / "corpus" / "provenance.csv"
    import hashlib
    old = provenance.read_text(encoding="utf-8")
    line = next(l for l in old.splitlines() if l.startswith("000_"))
    digest = line.split(",")[7]
    provenance.write_text(old.replace(digest, hashlib.sha256(article.read_bytes()).hexdigest()), encoding="utf-8")
    real_rename = type(repo).rename

    def failing_rename(self, target):
        if self.name == "datapackage.json" and ".build-" in str(self):
            raise OSError("disk full")
        return real_rename(self, target)

    monkeypatch.setattr(type(repo), "rename", failing_rename)
    with pytest.raises(building.BuildError, match="disk full; .* is unchanged"):  # the folder named, not a bare OSError
        building.build(repo)
    assert snapshot(repo) == before and not list(repo.glob(publish.PREVIOUS + '*'))


def test_validate_catches_consistent_tampering(repo):
    """Edits that keep every hash right still differ from what the corpus builds."""
    quantities = repo / "dist" / "quantities.csv"
    quantities.write_text(quantities.read_text(encoding="utf-8").replace(",aid,", ",other,", 1), encoding="utf-8")
    package_path = repo / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    package["resources"][1].update(building.file_facts(quantities))
    package_path.write_text(json.dumps(package, indent=2), encoding="utf-8")
    assert any("quantities.parquet" in p for p in building.validate(repo, building.corpus_articles(repo)))
    assert "datapackage.json: not what a fresh build writes" in building.differences(repo)[0]


def test_validate_catches_stray_files_and_foreign_schemas(repo):
    (repo / "dist" / "notes.txt").write_text("x", encoding="utf-8")
    assert any("notes.txt: not part of the package" in p for p in building.validate(repo))
    (repo / "dist" / "notes.txt").unlink()
    package_path = repo / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    package["resources"][1]["schema"].pop("foreignKeys")
    package_path.write_text(json.dumps(package), encoding="utf-8")
    assert any("not the one its records define" in p for p in building.validate(repo))


def test_validate_reports_unreadable_parquet_instead_of_crashing(repo):
    parquet = repo / "dist" / "quantities.parquet"
    parquet.write_bytes(b"not parquet at all")
    package_path = repo / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    next(r for r in package["resources"] if r["name"] == "quantities-parquet").update(building.file_facts(parquet))
    package_path.write_text(json.dumps(package), encoding="utf-8")
    assert any("quantities.parquet: unreadable" in p for p in building.validate(repo))


def test_a_quote_in_the_root_path_is_no_sql_injection(small_repository, tmp_path):
    import shutil

    root = tmp_path / "o'b"
    shutil.copytree(small_repository / "corpus", root / "corpus")
    building.build(root)
    assert building.validate(root, building.corpus_articles(root)) == []


def test_a_second_build_while_one_runs_stops_with_a_clear_message(repo):
    """Regression (bad input, defect 9): two builds at once crashed with a traceback."""
    import fcntl

    with (repo / publish.LOCK).open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        handle.write("4242")
        handle.flush()
        before = snapshot(repo)
        with pytest.raises(building.BuildError, match="another build is running"):
            building.build(repo)
        assert snapshot(repo) == before


def test_two_builds_started_together_never_crash(repo):
    """Regression (bad input, defect 9): each either builds or says another build runs."""
    import subprocess
    import sys

    before = snapshot(repo)
    command = [sys.executable, "-c", "from extractors.cli import run; run()", "build", "--root", str(repo), "-q"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for run in runs:
        errors = run.communicate()[1]
        assert run.returncode == 0 or (run.returncode == 1 and errors.count("\n") == 1
                                       and "another build is running" in errors), errors
    assert snapshot(repo) == before and building.validate(repo) == []


def test_stale_staging_folders_are_removed_by_the_next_build(repo):
    """Regression (bad input, defect 7): a killed build left .build-* folders behind."""
    stale = repo / ".build-killed"
    (stale / "dist").mkdir(parents=True)
    (stale / publish.HELD).touch()  # as every staging folder has, its lock free once its build died
    building.build(repo)
    assert not stale.exists()


def test_a_bom_in_the_provenance_is_stripped(repo):
    """Regression (bad input, defect 6): an Excel-saved provenance.csv (BOM) gave a traceback."""
    provenance = repo / "corpus" / "provenance.csv"
    provenance.write_bytes(b"\xef\xbb\xbf" + provenance.read_bytes())
    building.build(repo)


def test_a_latin1_provenance_is_refused_with_a_message(repo):
    provenance = repo / "corpus" / "provenance.csv"
    provenance.write_bytes(provenance.read_bytes().replace("\u2019".encode(), b"\x92", 1) + b"caf\xe9")
    with pytest.raises(CorpusError, match="provenance.csv: not UTF-8"):
        building.build(repo)


def test_the_data_card_shows_source_text_and_never_runs_it():
    """Regression (bad input, defect 11): HTML and javascript: links from the sources went
    into dist/README.md as they were."""
    from extractors.dataset.datacard import _table

    table = _table(["title"], [["<script>alert(1)</script> [x](javascript:alert(1)) a|b"]])
    assert "<script>" not in table and "](javascript:" not in table
    assert "&lt;script&gt;" in table and "a\\|b" in table


def test_csv_number_columns_read_as_numbers_without_hints():
    """A reader that guesses types (DuckDB's sniffer here, as pandas and polars do) reads
    value, low and high as floats: whole floats are written with a decimal point."""
    connection = duckdb.connect(":memory:")
    described = connection.execute(
        f"DESCRIBE SELECT value, low, high, normalized_value FROM read_csv_auto('{ROOT / 'dist' / 'quantities.csv'}')").fetchall()
    assert {row[0]: row[1] for row in described} == {"value": "DOUBLE", "low": "DOUBLE", "high": "DOUBLE",
                                                      "normalized_value": "DOUBLE"}


def test_the_schema_keeps_the_records_constraints():
    from extractors.dataset import records

    fields = {f["name"]: f for f in records.table_schema("documents")["fields"]}
    assert fields["sha256"]["constraints"]["pattern"] == "^[0-9a-f]{64}$"
    fields = {f["name"]: f for f in records.table_schema("quantities")["fields"]}
    assert fields["start"]["constraints"]["minimum"] == 0


def test_a_downloaded_dist_is_a_package_on_its_own(small_repository, tmp_path):
    """dist/ alone, as a user downloads it, carries its own descriptor with relative paths,
    and frictionless validates it with nothing else around."""
    import shutil

    alone = tmp_path / "download"
    shutil.copytree(small_repository / "dist", alone)
    package = json.loads((alone / "datapackage.json").read_text(encoding="utf-8"))
    assert all(not path.startswith("dist/") for r in package["resources"] for path in building.resource_paths(r))
    assert all(source.get("path", "https://").startswith("https://") for source in package["sources"])  # never corpus/
    # frictionless validates every resource (its CSV rows, every file's size and hash) and
    # DuckDB the Parquet rows against the CSV's: building.validate runs both
    assert building.validate(alone) == []


def test_formula_like_cells_are_neutralized_in_csv_and_exact_in_parquet(repo):
    """Regression (bad input, defect 10): a sentence, title or note beginning with =, +, -
    or @ went into the CSV as it was, and a spreadsheet opening it ran it (OWASP CSV
    injection). In the CSV such a text cell begins with ', the Parquet holds it exactly."""
    import duckdb

    from extractors.dataset import corpus as corpus_module
    from extractors.dataset.records import FORMULA_START, from_csv_text

    article = repo / "new.txt"
    article.write_text("=HYPERLINK(\"http://x\",\"5 km\")\n\n+2 tanks were destroyed.\n\n-5 people were "
                       "killed.\n\n@SUM(1) 3 drones were launched.\n\n\t4 km away.\n\n'=x and 7 km, already quoted.",
                       encoding="utf-8")
    added = corpus_module.add(repo, article, title="=1+1", notes="@cmd|' /C calc'!A0", url="https://example.org/x").doc_id
    building.build(repo)
    connection = duckdb.connect()
    for name in ("documents", "quantities", "texts"):
        with (repo / "dist" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], name
    title, notes = connection.execute(
        f"SELECT title, notes FROM '{repo / 'dist' / 'documents.parquet'}' WHERE doc_id = ?", [added]).fetchone()
    assert (title, notes) == ("=1+1", "@cmd|' /C calc'!A0")
    with (repo / "dist" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["doc_id"] == added)
    assert (row["title"], row["notes"]) == ("'=1+1", "'@cmd|' /C calc'!A0")
    assert from_csv_text(row["title"]) == title and FORMULA_START.match(title)
    sentences = [r[0] for r in connection.execute(
        f"SELECT sentence FROM '{repo / 'dist' / 'quantities.parquet'}' WHERE doc_id = ?", [added]).fetchall()]
    assert any(s.startswith("+2 tanks") for s in sentences) and any(s.startswith("'=x and 7 km") for s in sentences)
    with (repo / "dist" / "quantities.csv").open(encoding="utf-8", newline="") as handle:
        csv_sentences = [r["sentence"] for r in csv.DictReader(handle) if r["doc_id"] == added]
    assert "'+2 tanks were destroyed." in csv_sentences and any(s.startswith("''=x and 7 km") for s in csv_sentences)
    assert building.validate(repo, building.corpus_articles(repo)) == []
    assert "formula" in (repo / "dist" / "README.md").read_text(encoding="utf-8").lower()


def _rewritten_by_another_writer(parquet) -> str:
    """The file with the same rows, its writer's version string changed (as another DuckDB
    writes it): the one field of the footer that names the writer, replaced in place."""
    (writer,) = duckdb.connect().execute("SELECT created_by FROM parquet_file_metadata(?)", [str(parquet)]).fetchone()
    other = "".join("9" if c.isdigit() else c for c in writer)
    assert other != writer and len(other) == len(writer)
    data = parquet.read_bytes()
    assert data.count(writer.encode()) == 1
    parquet.write_bytes(data.replace(writer.encode(), other.encode()))
    return other


def _record_facts(repo, names) -> None:
    """The card and both datapackage.json with these files' new sizes and hashes (and the
    card's), as a build would write them."""
    root = json.loads((repo / "datapackage.json").read_text(encoding="utf-8"))
    card = repo / "dist" / "README.md"
    for resource in root["resources"]:
        if resource["path"] in names:
            new = building.file_facts(repo / resource["path"])
            card.write_text(card.read_text(encoding="utf-8").replace(resource["hash"], new["hash"]).replace(
                f" {resource['bytes']} ", f" {new['bytes']} "), encoding="utf-8")
    for descriptor, prefix in ((repo / "datapackage.json", ""), (repo / "dist" / "datapackage.json", "dist/")):
        package = json.loads(descriptor.read_text(encoding="utf-8"))
        for resource in package["resources"]:
            if prefix + resource["path"] in [*names, "dist/README.md"]:
                resource.update(building.file_facts(repo / (prefix + resource["path"])))
        descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def test_validate_tells_another_parquet_writer_from_other_data(repo):
    """The same rows written by another DuckDB (as a plain `pip install` may bring) are a
    note naming both writers; the descriptors and card that differ only in those files'
    sizes and hashes are one more; other rows are a problem."""
    other = _rewritten_by_another_writer(repo / "dist" / "quantities.parquet")
    _record_facts(repo, ["dist/quantities.parquet"])
    assert building.validate(repo, building.corpus_articles(repo)) == []
    problems, notes = building.differences(repo)
    assert problems == [], problems
    assert len(notes) == 2 and notes[0].startswith("dist/quantities.parquet: the same rows as a fresh build writes")
    assert repr(other) in notes[0] and "constraints.txt" in notes[0]
    assert notes[1] == ("datapackage.json, dist/README.md, dist/datapackage.json: differ from a fresh build's only "
                        "in those files' sizes and hashes")
    # other data, every hash right: a problem, and the writer is not blamed
    parquet = repo / "dist" / "claims.parquet"
    duckdb.connect().execute(f"COPY (SELECT * REPLACE (NOT agree AS agree) FROM '{parquet}') TO '{parquet}.new' (FORMAT parquet)")
    parquet.with_name("claims.parquet.new").replace(parquet)
    _record_facts(repo, ["dist/claims.parquet"])
    problems, notes = building.differences(repo)
    assert "dist/claims.parquet: not what a fresh build writes (its rows differ)" in problems
    assert "datapackage.json: not what a fresh build writes" in problems


def test_frictionless_alone_catches_a_tampered_parquet_file(repo):
    """`frictionless validate datapackage.json`, knowing nothing of this project, checks the
    size and hash of every Parquet file: one changed byte fails it (and `extract validate`)."""
    import subprocess
    import sys
    from pathlib import Path

    command = [str(Path(sys.executable).parent / "frictionless"), "validate", "--json", "datapackage.json"]
    untouched = subprocess.run(command, cwd=repo / "dist", capture_output=True, text=True)
    assert untouched.returncode == 0, untouched.stdout[-2000:]
    parquet = repo / "dist" / "quantities.parquet"
    data = bytearray(parquet.read_bytes())
    data[len(data) // 2] ^= 0x01
    parquet.write_bytes(bytes(data))
    tampered = subprocess.run(command, cwd=repo / "dist", capture_output=True, text=True)
    report = json.loads(tampered.stdout)
    errors = [(task["name"], error["type"]) for task in report["tasks"] for error in task["errors"]]
    assert tampered.returncode == 1 and errors == [("quantities-parquet", "hash-count")], errors
    assert any("quantities.parquet: bytes/hash" in p for p in building.validate(repo))
