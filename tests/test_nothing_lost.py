"""Nothing is ever lost (issue 30): the defects a reliability probe found that lost data while
exiting 0, each as a regression test named after it. docs/RELIABILITY.md lists them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extractors.cli as cli
from extractors.dataset import build as building
from extractors.dataset import sources

from .test_reliability import run_cli

RECORDS = [{"id": f"doc-{i}", "text": f"Report {i}: Russia launched {i + 5} missiles over 300 km."} for i in range(6)]


def write_jsonl(path: Path, rows: list[dict] = RECORDS) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder`, with the files' bytes."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


# -- 1. the output guard ------------------------------------------------------------------------

def test_out_dot_in_the_repository_root_deletes_nothing(repo, tmp_path, monkeypatch, capsys):
    """Regression: `extract build --corpus X --out .` in the repository's root deleted the
    repository, .git/ and corpus/ included, and exited 0 (its root holds our descriptor)."""
    (repo / ".git").mkdir()
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (repo / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    archive = write_jsonl(tmp_path.parent / f"{tmp_path.name}-archive.jsonl")
    before = tree(repo)
    monkeypatch.chdir(repo)
    for out in (".", str(repo), f"{repo}/dist/.."):
        code, errors = run_cli(monkeypatch, capsys, "build", "--corpus", str(archive), "--out", out, "-j", "1", "-q")
        assert code == 1 and len(errors) == 1 and errors[0].startswith(f"error: {repo}: "), (out, errors)
        assert tree(repo) == before, out


def test_a_folder_holding_our_descriptor_and_anything_else_is_never_replaced(tmp_path):
    """Regression: the guard asked only whether the folder's datapackage.json was named
    newsfigures; a folder holding one and anything else was replaced whole."""
    archive = write_jsonl(tmp_path / "c.jsonl")
    out = tmp_path / "pkg"
    building.build(tmp_path, corpus_path=archive, out=out, jobs=1)
    for name, make in [("notes.txt", lambda p: p.write_text("years of work", encoding="utf-8")),
                       (".git", lambda p: p.mkdir()), ("corpus", lambda p: p.mkdir()),
                       ("pyproject.toml", lambda p: p.write_text("[project]\n", encoding="utf-8")),
                       ("quantities/notes.txt", lambda p: p.parent.mkdir() or p.write_text("x", encoding="utf-8"))]:
        make(out / name)
        before = tree(out)
        with pytest.raises(building.BuildError, match=r"pkg: exists and is not a package \(it holds "):
            building.build(tmp_path, corpus_path=archive, out=out, jobs=1)
        assert tree(out) == before, name
        target = out / name
        target.unlink() if target.is_file() else target.rmdir()
        if name.startswith("quantities/"):
            target.parent.rmdir()
    building.build(tmp_path, corpus_path=archive, out=out, jobs=1)  # wholly a package again


@pytest.mark.parametrize("where", ["the input's folder", "an ancestor of the input", "inside the corpus"])
def test_out_never_holds_the_corpus_nor_lies_inside_it(tmp_path, where):
    """Regression: a folder holding the input (or the repository) was replaced whole with it."""
    data = tmp_path / "data"
    data.mkdir()
    archive = write_jsonl(data / "c.jsonl")
    corpus, out = {"the input's folder": (archive, data), "an ancestor of the input": (archive, tmp_path),
                   "inside the corpus": (data, data / "pkg")}[where]
    if where == "inside the corpus":
        import duckdb

        duckdb.connect().execute(f"COPY (SELECT * FROM read_json('{archive}')) TO '{data / 'c.parquet'}' (FORMAT parquet)")
        archive.unlink()
    before = tree(tmp_path)
    with pytest.raises(building.BuildError, match="holds the corpus|lies inside the corpus"):
        building.build(tmp_path / "elsewhere", corpus_path=corpus, out=out, jobs=1)
    assert tree(tmp_path) == before


def test_out_spelled_through_itself_is_the_package_it_names(tmp_path, monkeypatch, capsys):
    """Regression: `--out pkg/../pkg` moved the package aside through its own path and could
    not put it back, saying "nothing was changed" while the package was gone."""
    archive = write_jsonl(tmp_path / "c.jsonl")
    out = tmp_path / "pkg"
    building.build(tmp_path, corpus_path=archive, out=out, jobs=1)
    write_jsonl(archive, RECORDS[:4])
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus", str(archive),
                           "--out", f"{out}/../pkg", "-j", "1", "-q")
    assert (code, errors) == (0, [])
    assert building.validate(out) == [] and (out / "documents.csv").read_text(encoding="utf-8").count("\n") == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.build.lock", "c.jsonl", "pkg"]


# -- 2. truncation is an error --------------------------------------------------------------------

def zst(path: Path, rows: list[dict]) -> Path:
    import zstandard

    path.write_bytes(zstandard.ZstdCompressor().compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    return path


MANY = [{"id": f"doc-{i}", "text": f"Report {i}: {i} drones were shot down over {i % 50 + 1} km."} for i in range(3000)]


@pytest.mark.parametrize("keep_going", [False, True], ids=["stops", "keep-going"])
def test_a_truncated_zst_is_refused_not_read_as_whole(tmp_path, keep_going):
    """Regression: zstandard's stream reader returned end-of-file at a cut frame. Cut early,
    a 0-document package replaced the good one (exit 0); cut later, --keep-going published
    the prefix and said one record was skipped where hundreds were dropped."""
    archive = zst(tmp_path / "c.jsonl.zst", MANY)
    whole = archive.read_bytes()
    out = tmp_path / "pkg"
    building.build(tmp_path, corpus_path=archive, out=out, jobs=1)
    before = tree(out)
    for cut in (len(whole) // 10, len(whole) // 2, len(whole) - 1):
        archive.write_bytes(whole[:cut])
        with pytest.raises(building.corpus.CorpusError, match=r"c\.jsonl\.zst:\d+: unreadable \(the zstd stream ends "
                                                              r"inside a frame"):
            building.build(tmp_path, corpus_path=archive, out=out, jobs=1, keep_going=keep_going)
        assert tree(out) == before, cut


def test_a_zst_of_several_frames_is_read_whole(tmp_path):
    import zstandard

    data = "".join(json.dumps(r) + "\n" for r in MANY).encode()
    archive = tmp_path / "c.jsonl.zst"
    archive.write_bytes(b"".join(zstandard.ZstdCompressor().compress(data[i:i + 50_000])
                                 for i in range(0, len(data), 50_000)))
    assert [a.document.doc_id for a in sources.open_source(archive)] == [r["id"] for r in MANY]


# -- 3. an empty or shrunken corpus never silently replaces a package --------------------------------

def empty_parquet(path: Path) -> Path:
    import duckdb

    duckdb.connect().execute(f"COPY (SELECT 'a' AS id, 'b' AS text WHERE false) TO '{path}' (FORMAT parquet)")
    return path


@pytest.mark.parametrize("empty", ["an empty file", "blank lines", "a file of newlines", "a zero-row parquet"])
def test_an_empty_corpus_never_replaces_a_package(tmp_path, monkeypatch, capsys, empty):
    """Regression: an empty file, blank lines, a zero-row Parquet file or a file of newlines
    each replaced a good package with an empty one, exit 0."""
    out = tmp_path / "pkg"
    building.build(tmp_path, corpus_path=write_jsonl(tmp_path / "c.jsonl"), out=out, jobs=1)
    before = tree(out)
    corpus = tmp_path / "e.jsonl"
    if empty == "a zero-row parquet":
        corpus = empty_parquet(corpus.with_suffix(".parquet"))
    else:
        corpus.write_bytes({"an empty file": b"", "blank lines": b"\n  \n\t\n\r\n",
                            "a file of newlines": b"\n" * 5_000_000}[empty])
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus", str(corpus),
                           "--out", str(out), "-j", "1", "-q")
    assert code == 1 and errors == [f"error: {corpus}: no document to publish; {out} is unchanged "
                                    "(--allow-empty publishes an empty package)"], errors
    assert tree(out) == before
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus", str(corpus),
                           "--out", str(out), "-j", "1", "-q", "--allow-empty")
    assert (code, errors) == (0, []) and (out / "documents.csv").read_text(encoding="utf-8").count("\n") == 1


def test_a_package_shrinking_by_more_than_half_needs_allow_shrink(tmp_path, monkeypatch, capsys):
    out = tmp_path / "pkg"
    corpus = write_jsonl(tmp_path / "c.jsonl")
    building.build(tmp_path, corpus_path=corpus, out=out, jobs=1)
    before = tree(out)
    write_jsonl(corpus, RECORDS[:2])
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus", str(corpus),
                           "--out", str(out), "-j", "1")
    assert code == 1 and errors == [f"error: {corpus}: 2 documents would replace the 6 of {out}, fewer than half; "
                                    f"{out} is unchanged (--allow-shrink publishes it)"], errors
    assert tree(out) == before
    write_jsonl(corpus, RECORDS[:3])  # half is not fewer than half
    code, output = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus", str(corpus),
                           "--out", str(out), "-j", "1")
    assert code == 0
    write_jsonl(corpus, RECORDS[:1])
    code, _ = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus", str(corpus),
                      "--out", str(out), "-j", "1", "--allow-shrink")
    assert code == 0 and (out / "documents.csv").read_text(encoding="utf-8").count("\n") == 2


# -- 4. add takes the corpus lock -------------------------------------------------------------------

def test_eight_adds_at_once_lose_no_provenance_row(tmp_path):
    """Regression: `add` took no lock and staged provenance.csv through one fixed name; with 8
    adds at once a row was lost in 4 of 10 trials while every add exited 0, and every build
    failed after, on a file "not listed"."""
    import os

    from extractors.dataset import corpus

    root = tmp_path / "repo"
    (root / "corpus").mkdir(parents=True)
    (root / "corpus" / "provenance.csv").write_text(",".join(corpus.PROVENANCE_COLUMNS) + "\n", encoding="utf-8")
    added = 0
    for trial in range(6):
        articles = []
        for i in range(8):
            article = tmp_path / f"a{trial}-{i}.txt"
            article.write_text(f"Trial {trial}, article {i}: {i + 1} tanks.", encoding="utf-8")
            articles.append(article)
        start, go = os.pipe()
        children = []
        for article in articles:
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child: all wait at the barrier, then add at once
                os.close(go)
                os.read(start, 1)
                try:
                    corpus.add(root, article)
                except BaseException:
                    os._exit(1)
                os._exit(0)
            children.append(pid)
        os.close(start)
        os.close(go)  # the barrier opens: every child's read returns
        assert [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children] == [0] * 8
        added += 8
        assert len(corpus.load(root)) == added, trial


# -- 5. bounded input ---------------------------------------------------------------------------------

def test_a_record_longer_than_the_limit_is_refused_before_it_is_held(tmp_path):
    """Regression: a 2 MB .jsonl.gz that expands to 2 GB on one line took 4.5 GB of memory
    before it failed. Here 512 MB on one line (zstd), refused at the default limit (64 MiB)
    in a process that never holds it."""
    import subprocess
    import sys

    import zstandard

    archive = tmp_path / "bomb.jsonl.zst"
    compressor = zstandard.ZstdCompressor().compressobj()
    with archive.open("wb") as handle:
        handle.write(compressor.compress(b'{"id": "a", "text": "'))
        for _ in range(512):
            handle.write(compressor.compress(b"5 km " * 209_716))
        handle.write(compressor.compress(b'"}\n') + compressor.flush())
    program = ("import resource, sys\nfrom extractors.cli import run\ntry:\n    run()\nfinally:\n"
               "    print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", program, "build", "--root", str(tmp_path), "--corpus", str(archive),
                           "--out", str(tmp_path / "pkg"), "-j", "1"], capture_output=True, text=True, timeout=600)
    error, peak = done.stderr.strip().splitlines()
    assert done.returncode == 1 and error == (f"error: {archive}:1: a record longer than 67,108,864 bytes "
                                              "(--max-record-bytes) (--keep-going skips such records and reports them)")
    assert int(peak.split()[1]) < 500, peak  # MB: the interpreter, the rules and one 64 MiB line, twice over


def test_a_long_provenance_field_is_refused_at_add_and_read_back_when_listed(repo, tmp_path, monkeypatch, capsys):
    """Regression: a 200,000-character title was accepted by `add --jsonl`; after that every
    build, add and validate failed with "field larger than field limit", naming no file."""
    archive = tmp_path / "long.jsonl"
    archive.write_text(json.dumps({"id": "x", "text": "Russia launched 90 missiles.", "title": "t" * 200_000}) + "\n",
                       encoding="utf-8")
    code, errors = run_cli(monkeypatch, capsys, "add", str(archive), "--jsonl", "--folder", "long", "--root", str(repo))
    assert code == 1 and errors == [f"error: {archive}:1: `title` is 200,000 characters long, over the 10,000 a "
                                    "provenance field may hold (the title)"], errors
    code, errors = run_cli(monkeypatch, capsys, "add", str(archive), "--title", "t" * 10_001, "--root", str(repo))
    assert code == 1 and errors == ["error: --title: is 10,001 characters long, over the 10,000 a provenance field "
                                    "may hold (the title)"], errors
    provenance = repo / "corpus" / "provenance.csv"
    lines = provenance.read_text(encoding="utf-8").splitlines(keepends=True)
    row = lines[1].split(",")
    row[2] = "t" * 200_000
    provenance.write_text(lines[0] + ",".join(row) + "".join(lines[2:]), encoding="utf-8")
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(repo), "-q")
    assert code == 1 and errors == [f"error: {provenance}:2: `title` is 200,000 characters long, over the 10,000 "
                                    "a provenance field may hold (the title)"], errors


# -- 7. every error names its file and line, no traceback ------------------------------------------------

@pytest.mark.parametrize("line, problem", [
    ('{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", "not JSON this reader takes"),
    ('{"id": "x", "text": "5 km", "title": "\\ud800"}', "`title` holds a lone surrogate (not Unicode text)"),
    ('{"id": "\\udc00", "text": "5 km"}', "`id` holds a lone surrogate (not Unicode text)"),
    ('{"id": "x", "text": "5 km", "n": ' + "9" * 5_000 + "}", "not JSON this reader takes (Exceeds the limit"),
    ('{"id": "x", "text": "5 km", "id": "y"}', "the field `id` is given twice"),
    ('{"id": "x", "text": "5 km", "title": ["a", "b"]}', "`title` is a list, not a string (the title)"),
    ('{"id": "x", "text": "5 km", "published": 1700000000}', "`published` is a number, not a string (the published)"),
    ('{"id": 1.5, "text": "5 km"}', "no `id` (the document's id, a string or an integer"),
], ids=["deep-nesting", "surrogate-in-a-field", "surrogate-in-the-id", "5000-digit-integer", "duplicate-key",
        "title-list", "epoch-date", "float-id"])
def test_a_bad_record_is_refused_naming_its_file_line_and_field(tmp_path, monkeypatch, capsys, line, problem):
    """Regression: deep nesting, a lone surrogate in a provenance field and a 5,000-digit
    integer stopped the build with errors naming no file; a key given twice and values of
    the wrong type were published silently (a title list as "['a', 'b']", epoch seconds as
    a date)."""
    archive = tmp_path / "c.jsonl"
    archive.write_text(json.dumps(RECORDS[0]) + "\n" + line + "\n", encoding="utf-8")
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus", str(archive),
                           "--out", str(tmp_path / "pkg"), "-j", "1", "-q")
    assert code == 1 and len(errors) == 1 and errors[0].startswith(f"error: {archive}:2: {problem}"), errors
    assert not (tmp_path / "pkg").exists()


@pytest.mark.parametrize("toml", ["fields = 5", "fields = ['id']", "language = 5"])
def test_a_mapping_of_the_wrong_type_is_one_line_naming_the_file(tmp_path, monkeypatch, capsys, toml):
    """Regression: `fields = 5` in a mapping gave "TypeError: 'int' object is not a mapping"."""
    mapping = tmp_path / "m.toml"
    mapping.write_text(toml + "\n", encoding="utf-8")
    code, errors = run_cli(monkeypatch, capsys, "build", "--root", str(tmp_path), "--corpus",
                           str(write_jsonl(tmp_path / "c.jsonl")), "--mapping", str(mapping), "--out", str(tmp_path / "p"))
    assert code == 1 and len(errors) == 1 and errors[0].startswith(f"error: {mapping}: "), errors


ARROW_TYPES = {
    "timestamp-with-time-zone": lambda pa, dt: pa.array([dt.datetime(2024, 3, 1, 23, 30, tzinfo=dt.timezone.utc)] * 2,
                                                        pa.timestamp("us", tz="America/New_York")),
    "timestamp": lambda pa, dt: pa.array([dt.datetime(2024, 3, 1)] * 2, pa.timestamp("ms")),
    "date": lambda pa, dt: pa.array([dt.date(2024, 3, 1)] * 2),
    "decimal": lambda pa, dt: pa.array([__import__("decimal").Decimal("1.5")] * 2, pa.decimal128(5, 2)),
    "large-string": lambda pa, dt: pa.array(["x", "y"], pa.large_string()),
    "dictionary": lambda pa, dt: pa.array(["x", "y"]).dictionary_encode(),
    "list": lambda pa, dt: pa.array([["a", "b"]] * 2),
    "struct": lambda pa, dt: pa.array([{"a": 1}] * 2),
    "null": lambda pa, dt: pa.nulls(2),
    "binary": lambda pa, dt: pa.array([b"x", b"y"]),
}


@pytest.mark.parametrize("field", ["published", "title", "id"])
@pytest.mark.parametrize("kind", ARROW_TYPES)
def test_a_parquet_column_of_any_arrow_type_reads_or_is_refused_in_one_line(tmp_path, kind, field):
    """Regression (issue 28): a Parquet corpus whose date column is a timestamp with a time
    zone stopped with a traceback (DuckDB asked for pytz, which is not a dependency)."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    from extractors.dataset.corpus import CorpusError

    columns = {"id": pa.array(["a", "b"]), "text": pa.array(["5 km away.", "6 km away."])}
    columns[field] = ARROW_TYPES[kind](pa, dt)
    file = tmp_path / "c.parquet"
    pq.write_table(pa.table(columns), file)
    try:
        articles = list(sources.open_source(file))
    except CorpusError as error:
        message = str(error)
        assert "\n" not in message and message.startswith(f"{file}: row "), message
        return
    value = getattr(articles[0].document, "doc_id" if field == "id" else field)
    expected = {("timestamp-with-time-zone", "published"): dt.date(2024, 3, 1),
                ("timestamp-with-time-zone", "title"): "2024-03-01T23:30:00.000000+00:00",
                ("timestamp", "published"): dt.date(2024, 3, 1), ("timestamp", "title"): "2024-03-01T00:00:00",
                ("date", "published"): dt.date(2024, 3, 1), ("date", "title"): "2024-03-01",
                ("large-string", "title"): "x", ("dictionary", "title"): "x", ("null", "title"): None,
                ("null", "published"): None, ("large-string", "id"): "x", ("dictionary", "id"): "x"}
    assert value == expected[kind, field]
