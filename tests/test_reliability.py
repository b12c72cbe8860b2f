"""Bad input never loses data: each defect found by trying the tool as a hostile user would,
as a regression test named after it (docs/RELIABILITY.md lists them all). Every failure is
one line, `error: PATH[:LINE]: what is wrong`, a non-zero exit, and the published package
exactly as it was."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

import extractors.cli as cli
from extractors.dataset import build as building
from extractors.dataset import corpus, publish, sources

from .conftest import snapshot


def run_cli(monkeypatch, capsys, *arguments: str) -> tuple[int, list[str]]:
    """The real `extract` entry point (its one-line errors), in this process."""
    monkeypatch.setattr("sys.argv", ["extract", *arguments])
    monkeypatch.setitem(cli._DEBUG, "on", False)
    try:
        cli.run()
        code = 0
    except SystemExit as exit_:
        code = exit_.code or 0
    return code, capsys.readouterr().err.strip().splitlines()


def list_by_hand(repo: Path, name: str, data: bytes) -> Path:
    """An article written into corpus/ and listed in provenance.csv without `extract add`."""
    path = repo / "corpus" / f"{name}.txt"
    path.write_bytes(data)
    provenance = repo / "corpus" / "provenance.csv"
    row = (f"{name},corpus/{name}.txt,,,,,en,{hashlib.sha256(data).hexdigest()},2026-01-01,"
           f"Copyright its publisher.,,false,,,,,\n")
    provenance.write_text(provenance.read_text(encoding="utf-8") + row, encoding="utf-8")
    return path


@pytest.mark.parametrize("data, problem", [
    (b"", "empty text"), (b"  \n\t \r\n", "empty text"), (b"\x00\x00\x00", "empty text"),
    ("\u200b\ufeff\u2060 ".encode(), "empty text"), (b"\xef\xbb\xbf5 km", "byte-order mark"),
], ids=["empty", "whitespace", "nul-only", "invisible-only", "bom"])
def test_the_build_refuses_what_add_refuses_listed_by_hand(repo, monkeypatch, capsys, data, problem):
    """Regression (defect 4): an empty, whitespace-only or NUL-only article listed by hand built."""
    before = snapshot(repo)
    list_by_hand(repo, "999_by_hand", data)
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(repo))
    assert code == 1 and len(errors) == 1 and "999_by_hand.txt: " in errors[0] and problem in errors[0], errors
    assert snapshot(repo) == before


def test_a_duplicate_text_listed_by_hand_is_refused(repo, monkeypatch, capsys):
    before = snapshot(repo)
    existing = next((repo / "corpus").glob("000_*.txt"))
    list_by_hand(repo, "999_copy", existing.read_bytes())
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(repo))
    assert code == 1 and errors == [f"error: {repo / 'corpus' / '999_copy.txt'}: the same text as document "
                                    f"'{existing.stem}'"], errors
    assert snapshot(repo) == before


def test_keep_going_skips_bad_articles_reports_each_and_exits_non_zero(repo, monkeypatch, capsys):
    list_by_hand(repo, "998_blank", b"   ")
    list_by_hand(repo, "999_copy", next((repo / "corpus").glob("000_*.txt")).read_bytes())
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(repo), "--keep-going", "-q")
    assert code == cli.SKIPPED_EXIT
    assert [e.split(": ")[0] for e in errors] == ["skipped"] * 2 and "998_blank" in errors[0] and "999_copy" in errors[1]
    assert building.validate(repo) == []


def test_add_refuses_a_nul_only_article_and_strips_a_bom(repo, tmp_path):
    """Regression (defect 4): a NUL-only article passed `add` and the build."""
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"\x00" * 8)
    with pytest.raises(corpus.CorpusError, match="nul.txt: empty text"):
        corpus.add(repo, nul)
    excel = tmp_path / "excel.txt"
    excel.write_bytes(b"\xef\xbb\xbfRussia launched 90 missiles.")
    document = corpus.add(repo, excel)
    stored = repo / document.path
    assert stored.read_bytes() == b"Russia launched 90 missiles." and document.sha256 == hashlib.sha256(stored.read_bytes()).hexdigest()
    building.build(repo)


def test_add_with_an_empty_language_is_refused_before_anything_is_written(repo, tmp_path, monkeypatch, capsys):
    """Regression (defect 5): `add --language ""` exited 0, then the build failed."""
    before = {p: p.read_bytes() for p in (repo / "corpus").rglob("*") if p.is_file()}
    article = tmp_path / "a.txt"
    article.write_text("5 km", encoding="utf-8")
    code, errors = run_cli(monkeypatch, capsys, "add", str(article), "--language", "", "--root", str(repo))
    assert code == 1 and len(errors) == 1 and "BCP 47" in errors[0]
    assert {p: p.read_bytes() for p in (repo / "corpus").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("errno, message", [(28, "No space left on device"), (13, "Permission denied")],
                         ids=["full-disk", "unwritable-corpus"])
def test_add_on_a_full_disk_or_an_unwritable_corpus_leaves_the_corpus_as_it_was(repo, tmp_path, monkeypatch, capsys,
                                                                              errno, message):
    """Regression (defects 5, 6): a full disk during `add` left a truncated, unlisted article;
    `add` into an unwritable corpus gave a traceback."""
    before = {p: p.read_bytes() for p in (repo / "corpus").rglob("*") if p.is_file()}
    article = tmp_path / "a.txt"
    article.write_text("Russia launched 90 missiles. " * 100, encoding="utf-8")
    real_write = Path.write_bytes

    def failing_write(self, data):
        if self.parent.parent == repo or self.parent == repo / "corpus":
            real_write(self, data[: len(data) // 2])  # half written, then the disk is full
            raise OSError(errno, message, str(self))
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    code, errors = run_cli(monkeypatch, capsys, "add", str(article), "--root", str(repo))
    assert code == 1 and len(errors) == 1 and errors[0].startswith(f"error: {repo / 'corpus'}") and message in errors[0], errors
    assert {p: p.read_bytes() for p in (repo / "corpus").rglob("*") if p.is_file()} == before


def test_a_read_only_or_full_target_fails_in_one_line_and_changes_nothing(repo, monkeypatch, capsys):
    """Regression (defect 6): a read-only dist/ or a full disk gave a traceback."""
    before = snapshot(repo)

    def read_only(step: str) -> None:
        if step == "move the old dist aside":
            raise PermissionError(13, "Permission denied", str(repo / "dist"))

    monkeypatch.setattr(publish, "fault", read_only)
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(repo))
    assert code == 1 and errors == [f"error: {repo / 'dist'}: Permission denied; nothing was changed"], errors
    assert snapshot(repo) == before and not list(repo.glob(".dist-previous*"))


def test_validate_without_dist_or_with_a_descriptor_that_is_no_object_is_one_line(repo, monkeypatch, capsys):
    """Regression (defect 6): `rm -rf dist && extract validate` and `echo [] >
    datapackage.json && extract validate` gave tracebacks."""
    import shutil

    (repo / "datapackage.json").write_text("[]\n", encoding="utf-8")
    code, errors = run_cli(monkeypatch, capsys, "validate", "--root", str(repo))
    assert code == 1 and errors == [f"error: {repo / 'datapackage.json'}: not a Data Package descriptor (a JSON object)"]
    building.build(repo)
    shutil.rmtree(repo / "dist")
    code, errors = run_cli(monkeypatch, capsys, "validate", "--root", str(repo))
    assert code == 1 and errors == [f"error: {repo / 'dist'}: missing (run `extract build`)"], errors


def test_a_header_only_provenance_is_one_line(repo, monkeypatch, capsys):
    """Regression (defect 6): a header-only provenance file gave a traceback."""
    provenance = repo / "corpus" / "provenance.csv"
    provenance.write_text(provenance.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(repo))
    assert code == 1 and len(errors) == 1 and "not listed in" in errors[0]


def test_a_symlinked_folder_cannot_take_an_article_out_of_the_corpus(repo, tmp_path):
    """Regression (defect 3): `ln -s /etc/hostname corpus/005_x.txt` published an outside file;
    a symlinked source folder did the same for every file in it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "005_x.txt"
    secret.write_text("the password is 12345", encoding="utf-8")
    (repo / "corpus" / "leak").symlink_to(outside, target_is_directory=True)
    provenance = repo / "corpus" / "provenance.csv"
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    provenance.write_text(provenance.read_text(encoding="utf-8") + f"005_x,corpus/leak/005_x.txt,,,,,en,{digest},"
                          "2026-01-01,x,,false,,,,,\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="is a symlink"):
        building.build(repo)


def test_a_bad_record_of_any_format_meets_the_same_admission(tmp_path):
    """One admission check for every corpus format: the same refusals, in the same words."""
    import json

    lines = [{"id": "a", "text": "5 km"}, {"id": "b", "text": "\u200b \x00"}, {"id": "c", "text": "5 km"},
             {"id": "a", "text": "6 km"}, {"id": "d", "text": "\ufeff7 km"}]
    archive = tmp_path / "c.jsonl"
    archive.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    source = sources.open_source(archive, keep_going=True)
    assert [a.document.doc_id for a in source] == ["a"]
    assert [s.split(": ", 1)[1] for s in source.skipped] == [
        "empty text (document 'b'): nothing but whitespace, NULs or invisible characters",
        "the same text as document 'a'", f"id 'a' already at {archive}:1",
        "the text begins with a byte-order mark (U+FEFF); save it without one (`extract add` strips it)"]


def test_every_number_published_is_finite(repo):
    """Regression (defect 2): 300 nines before "bn EUR" published `inf`. Numerals beyond
    numerals.MAX_MAGNITUDE are not read; the build stops, naming the document, if a rule ever
    made a number that is not finite."""
    import duckdb

    article = repo / "huge.txt"
    article.write_text("9" * 300 + "bn EUR were pledged, and " + "1" * 40 + " troops. Also 5 km.", encoding="utf-8")
    corpus.add(repo, article)
    building.build(repo)
    numbers = duckdb.connect().execute(
        f"SELECT count(*) FILTER (WHERE isinf(v) OR isnan(v)) FROM (SELECT unnest([value, low, high, normalized_value, "
        f"normalized_low, normalized_high]) AS v FROM '{repo / 'dist' / 'quantities.parquet'}')").fetchone()[0]
    assert numbers == 0


def test_a_number_that_is_not_finite_stops_the_build_naming_the_document(repo, monkeypatch):
    from extractors.dataset import pipeline

    real = pipeline.extract_document

    def broken(text, doc_id, context, **options):
        for quantity in real(text, doc_id, context, **options):
            yield quantity.model_copy(update={"normalized_value": float("inf")}) if quantity.normalized_value else quantity

    monkeypatch.setattr(pipeline, "extract_document", broken)
    before = snapshot(repo)
    with pytest.raises(building.BuildError, match=r"normalized_value inf is not a finite number"):
        building.build(repo, jobs=1)
    assert snapshot(repo) == before


def test_hostile_unicode_in_units_does_not_stop_a_build(repo):
    """Regression (defect 1): "5 MİLES" and "5 kmſ" raised KeyError and stopped the build."""
    article = repo / "fold.txt"
    article.write_text("They walked 5 MİLES, then 5 kmſ, and 3 K away.", encoding="utf-8")
    corpus.add(repo, article)
    building.build(repo)
    assert building.validate(repo, building.corpus_articles(repo)) == []


def test_nothing_is_left_half_written_by_a_killed_build(repo):
    """Regression (defect 7): a killed build's staging folder stayed for good."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child, killed as the package is about to be swapped in
        def die(step: str) -> None:
            os._exit(70)

        publish.fault = die
        building.build(repo, jobs=1)
        os._exit(0)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 70
    assert list(repo.glob(".build-*")), "the killed build's staging folder"
    before = snapshot(repo)
    building.build(repo)
    assert snapshot(repo) == before and not list(repo.glob(".build-*")) and not list(repo.glob(".dist-previous*"))


def test_validate_without_the_corpus_checks_the_card_and_the_schemas(repo, tmp_path):
    """A consumer without corpus/ still finds an edited data card or schema file."""
    import shutil

    shutil.rmtree(repo / "corpus")
    assert building.validate(repo) == []
    schema = repo / "schema" / "quantities.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"minimum": 0', '"minimum": 1', 1), encoding="utf-8")
    assert any("schema/quantities.json: bytes/hash" in p for p in building.validate(repo))
    downloaded = tmp_path / "downloaded"
    shutil.copytree(repo / "dist", downloaded)
    assert building.validate(downloaded) == []
    card = downloaded / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("Offsets", "Offset", 1), encoding="utf-8")
    assert [p for p in building.validate(downloaded) if "README.md: bytes/hash" in p]


def test_validate_names_the_first_row_where_csv_and_parquet_disagree(repo):
    import json

    import duckdb

    parquet = repo / "dist" / "quantities.parquet"
    connection = duckdb.connect()
    ids = [r[0] for r in connection.execute(f"SELECT quantity_id FROM '{parquet}'").fetchall()]
    changed = [ids[10], ids[-1]]  # two rows apart, whatever the size of the test repository
    connection.execute(f"COPY (SELECT * REPLACE (CASE WHEN quantity_id IN ('{changed[0]}', '{changed[1]}') "
                       f"THEN text || 'x' ELSE text END AS text) FROM '{parquet}') TO '{parquet}.new' (FORMAT parquet)")
    os.replace(f"{parquet}.new", parquet)
    package = repo / "datapackage.json"
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["path"] == "dist/quantities.parquet":
            resource.update(building.file_facts(parquet))
    package.write_text(json.dumps(descriptor), encoding="utf-8")
    problems = building.validate(repo)
    assert any(f"2 rows differ from quantities.csv, the first at quantity_id '{changed[0]}'" in p for p in problems), problems
