from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The small repository most tests build: the news seeds and the White House documents
# densest in figures, enough for several hundred figures, claims across documents and
# published texts, in a second or two of extraction instead of the whole corpus's twenty.
DENSEST_WHITE_HOUSE_DOCUMENTS = 20
PUBLISHED = ("corpus", "dist", "schema", "datapackage.json")


def _copy(source: Path, target: Path, names=PUBLISHED) -> Path:
    for name in names:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, symlinks=True)
        elif (source / name).is_file():
            shutil.copy2(source / name, target / name)
    return target


def _densest(count: int) -> set[str]:
    """The doc_ids of the `count` documents published in full with the most figures per
    character, from the committed package (its order never depends on an id `add` gives)."""
    import duckdb

    rows = duckdb.connect().execute(
        "SELECT d.doc_id FROM read_parquet(?) d JOIN read_parquet(?) q USING (doc_id) WHERE d.full_text "
        "GROUP BY d.doc_id, d.characters ORDER BY count(*) / d.characters DESC, d.doc_id LIMIT ?",
        [str(ROOT / "dist" / "documents.parquet"), str(ROOT / "dist" / "quantities.parquet"), count]).fetchall()
    return {doc_id for (doc_id,) in rows}


def _small_corpus(target: Path) -> None:
    """corpus/ with its news articles (the files at its top) and the densest documents of
    its folders, and their provenance rows."""
    source = ROOT / "corpus"
    keep = _densest(DENSEST_WHITE_HOUSE_DOCUMENTS)
    shutil.copytree(source, target, ignore=lambda folder, names: [] if Path(folder) == source else
                    [n for n in names if (Path(folder) / n).is_file()])
    listing = (source / "provenance.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(listing, newline=""))
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    for row in reader:
        if "/" not in row["path"].removeprefix("corpus/") or row["doc_id"] in keep:
            writer.writerow(row)
            if "/" in row["path"].removeprefix("corpus/"):
                shutil.copy2(ROOT / row["path"], target.parent / row["path"])
    (target / "provenance.csv").write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture(scope="session")
def small_repository(tmp_path_factory) -> Path:
    """The small repository, built once per test process (every xdist worker its own):
    never written to by a test; `repo` gives each test a copy."""
    from extractors.dataset import build as building

    root = tmp_path_factory.mktemp("small-repository")
    _small_corpus(root / "corpus")
    building.build(root)
    return root


@pytest.fixture
def repo(small_repository: Path, tmp_path: Path) -> Path:
    """A repository to build in: the small repository's corpus and its built package
    (dist/, schema/, datapackage.json), copied into this test's own folder."""
    return _copy(small_repository, tmp_path)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every published file's bytes, to compare builds."""
    files = [root / "datapackage.json", *sorted((root / "dist").rglob("*")), *sorted((root / "schema").rglob("*"))]
    return {str(p.relative_to(root)): p.read_bytes() for p in files if p.is_file()}


# What a skipped test needs that pip does not install: said at the end of every run, so that
# a contributor sees which tests did not run and how to make them run.
SYSTEM_PACKAGES = {"chromium": "the viewer's browser tests", "wordnet": "the WordNet drift tests of extractors/data"}


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    reasons: dict[str, int] = {}
    for report in skipped:
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    if not reasons:
        return
    needs_system = [r for r in reasons if any(name in r.lower() for name in SYSTEM_PACKAGES)]
    terminalreporter.section("tests that did not run", sep="!", yellow=True, bold=True)
    for reason, count in sorted(reasons.items(), key=lambda item: item[0] not in needs_system):
        terminalreporter.write_line(f"SKIPPED {count} test{'s' * (count != 1)}: {reason}",
                                    yellow=True, bold=reason in needs_system)
    if needs_system:
        terminalreporter.write_line("Install what they need and run again: apt-get install chromium wordnet-base "
                                    "(README, 'Set up, build, test'); in CI (CI set) they fail instead.",
                                    yellow=True, bold=True)
