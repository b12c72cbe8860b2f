"""Builds of any corpus (issue: archives on one machine): every input format, the same bytes
for every --jobs and hash seed, flat memory, Parquet parts, rights that go with the input,
and bad records named by file and line."""

from __future__ import annotations

import csv
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from extractors.dataset import build as building
from extractors.dataset import sources
from extractors.cli import app
from extractors.dataset.corpus import CorpusError
from extractors.reading.engine import extract, extract_document, windows

from .conftest import ROOT

runner = CliRunner()

# Sentences of the kind the corpus holds, one record each: figures, a duplicate-free id.
SENTENCES = [
    "Russia launched 90 missiles and 60 drones overnight, and air defences shot down 70 of them.",
    "The United States has provided $175 billion in aid to Ukraine since February 2022.",
    "Some 10,000 North Korean troops were deployed to the Kursk region.",
    "The missile has a range of 190 miles (300km), officials said.",
    "At least 12,000 civilians have been killed and two million homes damaged.",
    "Temperatures fell to -15C as 1.5 million people lost power for 12 hours.",
]


def records(count: int, offset: int = 0) -> list[dict]:
    return [{"id": f"doc-{offset + i:06d}", "text": f"Report {offset + i}.\n\n" + " ".join(
        SENTENCES[(offset + i + k) % len(SENTENCES)] for k in range(1 + (offset + i) % 4)),
        "title": f"Report {offset + i}", "date": "2024-0%d-1%d" % (1 + i % 9, i % 10)} for i in range(count)]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    if path.suffix == ".gz":
        data = gzip.compress(data, mtime=0)
    elif path.suffix == ".zst":
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


def write_parquet(path: Path, rows: list[dict]) -> Path:
    source = write_jsonl(path.with_suffix(".tmp.jsonl"), rows)
    connection = duckdb.connect()
    connection.execute(f"COPY (SELECT * FROM read_json('{source}', format='newline_delimited')) TO '{path}' (FORMAT parquet)")
    source.unlink()
    return path


def package_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def table(folder: Path, name: str) -> list[dict]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build(tmp_path: Path, corpus: Path, out: str = "out", **options) -> Path:
    mapping = options.pop("mapping", sources.Mapping(fields={"published": "date"}))
    building.build(tmp_path, corpus_path=corpus, out=tmp_path / out, mapping=mapping, **options)
    return tmp_path / out


@pytest.fixture(scope="module")
def reference_build(tmp_path_factory):
    """The package of the 40 records read as plain JSON Lines, built once for every format
    compared with it (a build is seconds of CPU; the five formats need one reference)."""
    folder = tmp_path_factory.mktemp("reference")
    return build(folder, write_jsonl(folder / "reference.jsonl", records(40)), "reference")


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst", ".parquet", "parquet-folder"])
def test_every_corpus_format_builds_the_same_figures(tmp_path, suffix, reference_build):
    rows = records(40)
    reference = reference_build
    if suffix == ".parquet":
        corpus = write_parquet(tmp_path / "corpus.parquet", rows)
    elif suffix == "parquet-folder":
        (tmp_path / "shards").mkdir()
        write_parquet(tmp_path / "shards" / "a.parquet", rows[:15])
        write_parquet(tmp_path / "shards" / "b.parquet", rows[15:])
        corpus = tmp_path / "shards"
    else:
        corpus = write_jsonl(tmp_path / f"corpus{suffix}", rows)
    out = build(tmp_path, corpus)
    assert building.validate(out) == []
    assert table(out, "quantities") == table(reference, "quantities") and len(table(out, "quantities")) > 40
    documents, expected = table(out, "documents"), table(reference, "documents")
    assert [dict(d, path="") for d in documents] == [dict(d, path="") for d in expected]
    assert documents[0]["published"] and documents[0]["title"] == "Report 0"
    # each document says where in the input it is: file:line, or file#row
    marker = "#" if "parquet" in suffix else ":"
    assert all(marker in d["path"] for d in documents)


def test_jobs_and_hash_seeds_give_identical_bytes(small_repository, tmp_path):
    """The small repository's corpus, cut into a dozen batches, built with 1 and 2 processes
    and two hash seeds, each in a fresh interpreter: one set of bytes, its own dist/'s."""
    small_batches = ("from extractors.dataset import pipeline; pipeline.BATCH_CHARACTERS = 20_000; "
                     "from extractors.cli import run; run()")
    builds = []
    for jobs, seed in ((1, "0"), (2, "1")):
        out = tmp_path / f"out-{jobs}-{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", small_batches, "build", "--root", str(small_repository / "dist"),
                        "--out", str(out), "--jobs", str(jobs), "--quiet"], check=True, env=env, cwd=tmp_path)
        builds.append(package_files(out))
    assert builds[0] == builds[1]
    # the same rows as the repository's own dist/
    assert builds[0]["quantities.csv"] == (small_repository / "dist" / "quantities.csv").read_bytes()


def test_a_repository_corpus_builds_into_any_folder_too(small_repository, tmp_path):
    out = tmp_path / "copy"
    building.build(small_repository, out=out, jobs=1)
    assert building.validate(out) == []
    assert (out / "texts.csv").read_bytes() == (small_repository / "dist" / "texts.csv").read_bytes()


def test_build_called_from_python_leaves_the_garbage_collector_as_it_was(tmp_path):
    """Only a process that is the build's own (the command line's, a worker) is set up for
    extraction (pipeline.ready_to_extract): a caller's objects are never frozen, nor its
    collector's thresholds moved. In a fresh interpreter, which no other test has set up."""
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(5))
    script = ("import gc, sys; from pathlib import Path; from extractors.dataset import build, sources; "
              "before = gc.get_threshold(), gc.get_freeze_count(); "
              "[build.build(Path(sys.argv[1]), corpus_path=Path(sys.argv[2]), out=Path(sys.argv[1]) / f'out-{jobs}', "
              "mapping=sources.Mapping(), jobs=jobs) for jobs in (1, 2)]; "
              "print(before == (gc.get_threshold(), gc.get_freeze_count()) and not gc.get_freeze_count())")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path), str(corpus)],
                            check=True, capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.split() == ["True"], result.stderr


def test_memory_stays_flat_as_the_corpus_grows(tmp_path):
    """Four times the documents take no more memory but the ids and digests that catch a
    duplicate: the figures go to disk batch by batch. Measured in a fresh interpreter of its
    own, against its own baseline (the same stream of fewer documents, after a warm-up), as
    the peak of Python's allocations (tracemalloc), which no other process and no machine
    load changes. Holding each document's figures (some 4 a document) would add kilobytes a
    document; the admission's ids and digests add some 260 bytes. The build's resident set on
    corpora of millions of characters, DuckDB's included: scripts/memory.py."""
    script = """
import json, shutil, sys, tracemalloc
from pathlib import Path
from extractors.dataset import pipeline, sources
folder = Path(sys.argv[1])
pipeline.BATCH_CHARACTERS = 20_000  # many batches from a small corpus
sources.READ_BYTES = 8_192  # a read-ahead of 1 MiB would hold the whole of these small files
peaks = {}
for name in ("warm-up", "small", "large"):
    work = folder / "work"
    shutil.rmtree(work, ignore_errors=True)
    tracemalloc.start()
    pipeline.extract_all(sources.open_source(folder / f"{name}.jsonl", sources.Mapping()), work, 1)
    peaks[name] = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
print(json.dumps(peaks))
"""
    small, large = 100, 500
    for name, count in (("warm-up", 20), ("small", small), ("large", large)):
        write_jsonl(tmp_path / f"{name}.jsonl", records(count))
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, capture_output=True,
                            text=True, cwd=tmp_path)
    peaks = json.loads(result.stdout)
    per_document = (peaks["large"] - peaks["small"]) / (large - small)
    assert per_document < 1_000, (peaks, per_document)


def test_a_large_table_is_written_as_parquet_parts_read_with_one_glob(tmp_path):
    out = build(tmp_path, write_jsonl(tmp_path / "corpus.jsonl", records(300)), part_bytes=20_000)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    parts = next(r for r in package["resources"] if r["name"] == "quantities-parquet")
    assert isinstance(parts["path"], list) and len(parts["path"]) > 1
    assert parts["path"][0] == "quantities/part-00000.parquet"
    assert parts["type"] == "file" and parts | building.joined_facts([out / p for p in parts["path"]]) == parts
    assert building.validate(out) == []
    connection = duckdb.connect()
    globbed = connection.execute(f"SELECT quantity_id FROM read_parquet('{out}/quantities/*.parquet')").fetchall()
    assert [q for (q,) in globbed] == [row["quantity_id"] for row in table(out, "quantities")]
    # the repository's own dist/ is small: one file per table
    own = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert all(isinstance(r["path"], str) for r in own["resources"])


def test_an_archive_never_builds_into_the_repositorys_dist(repo):
    before = (repo / "datapackage.json").read_bytes()
    corpus = write_jsonl(repo / "archive.jsonl", records(3))
    with pytest.raises(building.BuildError, match="holds only what .*corpus allows; .*--out"):
        building.build(repo, corpus_path=corpus)
    with pytest.raises(building.BuildError, match="holds only what"):
        building.build(repo, corpus_path=corpus, out=repo / "dist")
    assert (repo / "datapackage.json").read_bytes() == before


def test_texts_are_published_only_where_the_mapping_says_public_domain(tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(5))
    private = build(tmp_path, corpus, "private")
    assert table(private, "texts") == []
    assert all(len(q["sentence"]) <= 2 * 300 + len(q["text"]) for q in table(private, "quantities"))
    assert {d["rights"] for d in table(private, "documents")} == {sources.NOT_STATED_RIGHTS}
    public = build(tmp_path, corpus, "public", mapping=sources.Mapping(public_domain=True, rights="CC0"))
    assert len(table(public, "texts")) == 5 and {d["full_text"] for d in table(public, "documents")} == {"true"}


def test_an_out_folder_that_is_not_a_package_is_never_replaced(tmp_path):
    keep = tmp_path / "notes"
    keep.mkdir()
    (keep / "thesis.txt").write_text("years of work", encoding="utf-8")
    with pytest.raises(building.BuildError, match="exists and is not a package"):
        build(tmp_path, write_jsonl(tmp_path / "c.jsonl", records(2)), "notes")
    assert (keep / "thesis.txt").read_text(encoding="utf-8") == "years of work"


@pytest.mark.parametrize("line, message", [
    ("{not json", r"c\.jsonl:2: not JSON"),
    ('{"id": "x", "body": "5 km"}', r"c\.jsonl:2: no string `text`"),
    ('{"id": "", "text": "5 km"}', r"c\.jsonl:2: no `id`"),
    ('{"id": "x", "text": " \\u0000\\n "}', r"c\.jsonl:2: empty text"),
    ('{"id": "doc-000000", "text": "another 5 km"}', r"c\.jsonl:2: id 'doc-000000' already at .*c\.jsonl:1"),
    ('{"id": "y", "text": "Report 0.\\n\\nRussia launched 90 missiles and 60 drones overnight, and air defences shot down 70 of them."}',
     r"c\.jsonl:2: the same text as document 'doc-000000'"),
    ('{"id": "x", "text": "5 km", "date": "last week"}', r"c\.jsonl:2: published: "),
    ('{"id": "x", "text": "5 km", "url": "javascript:alert(1)"}', r"c\.jsonl:2: url: "),
])
def test_a_bad_record_is_named_by_file_and_line(tmp_path, line, message):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(records(1)[0]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        build(tmp_path, corpus)
    assert not (tmp_path / "out").exists()
    # --keep-going skips it, says so, and builds the rest
    report = building.build(tmp_path, corpus_path=corpus, out=tmp_path / "out",
                            mapping=sources.Mapping(fields={"published": "date"}), keep_going=True)
    assert len(report.skipped) == 1 and report.rows["documents"] == 1


def test_a_truncated_archive_is_an_error_not_a_short_package(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl.gz", records(200))
    corpus.write_bytes(corpus.read_bytes()[:-200])
    with pytest.raises(CorpusError, match=r"c\.jsonl\.gz:\d+: unreadable"):
        build(tmp_path, corpus)


def test_a_mapping_file_and_field_options(tmp_path):
    rows = [{"key": r["id"], "body": r["text"], "day": r["date"]} for r in records(3)]
    corpus = write_jsonl(tmp_path / "c.jsonl", rows)
    mapping_file = tmp_path / "m.toml"
    mapping_file.write_text('outlet = "Wire"\nlanguage = "en-GB"\n[fields]\nid = "key"\ntext = "body"\n', encoding="utf-8")
    result = runner.invoke(app, ["build", "--root", str(tmp_path), "--corpus", str(corpus), "--out", str(tmp_path / "out"),
                                 "--mapping", str(mapping_file), "--field", "published=day", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "built" in result.output and "3 documents" in result.output
    documents = table(tmp_path / "out", "documents")
    assert [(d["doc_id"], d["outlet"], d["language"], d["published"]) for d in documents][0] == \
        ("doc-000000", "Wire", "en-GB", "2024-01-10")
    mapping_file.write_text("[fields]\nheadline = 'h'\n", encoding="utf-8")
    result = runner.invoke(app, ["build", "--root", str(tmp_path), "--corpus", str(corpus), "--out", str(tmp_path / "o2"),
                                 "--mapping", str(mapping_file)])
    assert result.exit_code == 1 and "m.toml: no article field headline" in result.output
    result = runner.invoke(app, ["build", "--root", str(tmp_path), "--field", "text=body"])
    assert result.exit_code == 1 and "describe an archive given with --corpus" in result.output


def test_the_white_house_mapping_reads_the_archive_records():
    mapping = sources.Mapping.load(ROOT / "docs" / "mappings" / "whitehouse-briefing-room.toml")
    assert mapping.public_domain and mapping.field_of("published") == "date" and mapping.field_of("url") == "source_url"


def test_a_long_document_is_read_in_windows_with_the_same_figures():
    texts = sorted((p.read_text(encoding="utf-8") for p in (ROOT / "corpus").rglob("*.*") if p.suffix in (".txt", ".md")), key=len)
    text = "\n\n".join(texts[-12:])
    assert len(text) > 100_000
    whole = extract(text, "d")
    windowed = list(extract_document(text, "d", window=30_000))
    assert len(windows(text, 30_000)) > 4
    assert [q.model_dump() for q in windowed] == [q.model_dump() for q in whole]


def test_a_document_without_breaks_is_still_cut_into_bounded_windows():
    text = "up to 300 km (190 miles) " * 2_000
    spans = windows(text, 10_000)
    assert all(w.end - w.start <= 10_000 for w in spans) and spans[-1].own_end == len(text)
    assert [a.own_end for a, b in zip(spans, spans[1:]) if a.own_end != b.own_start] == []
    figures = list(extract_document(text, "d", window=10_000))
    assert len(figures) == 4_000 and all(text[q.start:q.end] == q.text for q in figures)


def test_a_list_of_every_figure_holds_little_more_than_the_figures(tmp_path):
    """`extract()` holds every figure of a text in one list: each is a pydantic model of 50
    fields (its __dict__ 1.6 KB) and a sentence of its own where no sentence ends (0.65 KB at
    300 characters either side). It held 4.8 KB a figure, 9.5 KB at its peak: pydantic's set
    of the fields given in each instance (2.2 KB), and every figure held twice while the
    labelling copied it. Now some 2.6 KB at the peak. Measured as the test above measures:
    in a fresh interpreter, the peak of Python's allocations (tracemalloc, which no machine
    load changes) for a page of 1,000 figures against one of 4,000, so that what any call
    holds once is left out; a gross regression (a set, a copy or a sentence more a figure)
    passes the bound."""
    script = """
import json, tracemalloc
from extractors.reading.engine import extract
extract("warm up: over 2,000 attacks, 5 km and $3 million. 5 killed, 6 wounded.")
found = {}
for count in (1_000, 4_000):
    text = "$$$5 " * count
    tracemalloc.start()
    figures = extract(text)
    found[count] = (len(figures), tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    del figures
print(json.dumps(found))
"""
    result = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True,
                            cwd=tmp_path)
    found = {int(k): v for k, v in json.loads(result.stdout).items()}
    (small, small_peak), (large, large_peak) = found[1_000], found[4_000]
    assert (small, large) == (1_000, 4_000)
    per_figure = (large_peak - small_peak) / (large - small)
    assert per_figure < 4_000, (found, per_figure)


def test_figures_that_share_a_sentence_and_a_set_of_fields_stay_apart():
    """The figures of a text share their sentence's string and pydantic's set of the fields
    given (reading/quantity.py): a copy with other values, the public way to change a figure
    (it is frozen), changes neither the figure copied nor the others."""
    first, second = extract("Russia fired 5 missiles and 6 drones at Kyiv on Monday.")
    assert first.sentence is second.sentence and first.model_fields_set is second.model_fields_set
    before = (first.model_dump(), second.model_dump(), set(first.model_fields_set))
    assert "linked_to" not in first.model_fields_set  # given only to a figure with a partner
    changed = first.model_copy(update={"linked_to": "36-44", "sentence": "other"})
    assert changed.linked_to == "36-44" and changed.sentence == "other" and "linked_to" in changed.model_fields_set
    assert (first.model_dump(), second.model_dump(), set(first.model_fields_set)) == before
    assert "linked_to" not in first.model_fields_set and "linked_to" not in second.model_fields_set
    with pytest.raises(Exception, match="frozen"):
        first.linked_to = "36-44"
    assert [first, second] == extract("Russia fired 5 missiles and 6 drones at Kyiv on Monday.")
