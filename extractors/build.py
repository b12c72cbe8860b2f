"""The build: corpus -> records -> CSV and Parquet -> datapackage.json -> validation -> swap.

Everything is written into a temporary directory beside dist/, validated there as a
consumer would validate it, and only then swapped in; a failed build leaves the previous
dist/ and datapackage.json as they were.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import duckdb

from . import corpus, records
from .duckdb_io import connect, read_csv_sql, sql_string
from .records import cell
from .datacard import data_card
from .engine import FULL_CONTEXT, MAX_CONTEXT, VERSION, extract

PACKAGE_NAME = "newsfigures"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLE_NAMES = ("documents", "quantities", "texts")


class BuildError(Exception):
    """The build or its validation failed; the message says where and why."""


@dataclass
class BuildReport:
    rows: dict[str, int] = field(default_factory=dict)


def write_csv(path: Path, columns: list[str], rows: Iterable[dict]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row[c]) for c in columns])
            count += 1
    return count


def write_parquet(csv_path: Path, parquet_path: Path, schema: dict) -> None:
    """The Parquet sibling of a CSV table, with the same columns and types."""
    connection = connect()
    order = ", ".join(f'"{k}"' for k in schema["primaryKey"])
    connection.execute(
        f"COPY (SELECT * FROM {read_csv_sql(csv_path, schema)} ORDER BY {order}) "
        f"TO {sql_string(parquet_path)} (FORMAT parquet, COMPRESSION zstd)")
    connection.close()


def file_facts(path: Path) -> dict:
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def descriptor(dist: Path, articles: list[corpus.Article]) -> dict:
    """datapackage.json: Frictionless Data Package v2, hashes and sizes from the files."""
    created = max(a.document.added for a in articles).isoformat() + "T00:00:00Z" if articles else None
    resources = []
    for name in TABLE_NAMES:
        csv_path = dist / f"{name}.csv"
        parquet_path = dist / f"{name}.parquet"
        resources.append({
            "name": name,
            "type": "table",
            "path": f"dist/{name}.csv",
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            **file_facts(csv_path),
            "description": records.TABLES[name][0].__doc__.strip(),
            "licenses": [RESOURCE_LICENSES[name]],
            "schema": records.table_schema(name),
            # Frictionless checks Parquet poorly, so the Parquet sibling is described here
            # and checked by `extract validate` itself: same rows as the CSV, this hash.
            "parquet": {"path": f"dist/{name}.parquet", "format": "parquet",
                        "mediatype": "application/vnd.apache.parquet", **file_facts(parquet_path)},
        })
    return {
        "$schema": PROFILE,
        "name": PACKAGE_NAME,
        "title": "newsfigures: the figures news articles report",
        "description": ("Distances and weapon ranges, money and aid, casualties, damage, troops, "
                        "attacks, percentages, durations, areas, volumes, weights and speeds "
                        "reported in news articles, extracted "
                        "by rules with their qualifiers as bounds, normalized, and traceable to "
                        "the exact characters of their source. See dist/README.md."),
        "version": VERSION,
        "created": created,
        "keywords": ["news", "quantities", "information extraction", "Ukraine", "war", "aid"],
        "licenses": [{"name": "ODC-BY-1.0", "title": "Open Data Commons Attribution License 1.0",
                      "path": "https://opendatacommons.org/licenses/by/1-0/"}],
        "sources": _sources(articles),
        "contributors": [{"title": "newsfigures contributors", "roles": ["creator"]}],
        "resources": resources,
    }


ODC_BY = {"name": "ODC-BY-1.0", "title": "Open Data Commons Attribution License 1.0",
          "path": "https://opendatacommons.org/licenses/by/1-0/"}
# Per resource: the compilation (figures, provenance, quoted sentences of news articles that
# remain their publishers') under ODC-BY; the full texts are only public-domain documents.
RESOURCE_LICENSES = {
    "documents": ODC_BY,
    "quantities": ODC_BY,
    "texts": {"name": "public-domain", "title": "Public domain: works of the US federal government "
              "(17 U.S.C. 105); compilation dedicated CC0 1.0",
              "path": "https://creativecommons.org/publicdomain/zero/1.0/"},
}


def _sources(articles: list[corpus.Article]) -> list[dict]:
    """One source per outlet group: the White House statements, and the news articles."""
    by_outlet: dict[str, int] = {}
    for article in articles:
        key = article.document.outlet if article.document.full_text else "news"
        by_outlet[key or "news"] = by_outlet.get(key or "news", 0) + 1
    news = sorted({a.document.outlet for a in articles if a.document.outlet and not a.document.full_text})
    sources = []
    for key, count in sorted(by_outlet.items()):
        if key == "news":
            sources.append({"title": f"News articles ({count}; outlets named where known: "
                                     f"{', '.join(news) or 'none'}), provenance in corpus/provenance.csv",
                            "path": "corpus/provenance.csv"})
        else:
            sources.append({"title": f"{key}: {count} statements, briefings and fact sheets on Ukraine "
                                     "(public domain), from the brian14708/wh-briefings compilation",
                            "path": "corpus/provenance.csv"})
    return sources


def downloadable(package: dict) -> dict:
    """The descriptor of dist/ on its own, for whoever downloads only dist/: the same package
    with paths relative to dist/ and sources named without the repository's paths. Written by
    every build from the root descriptor, so the two cannot drift."""
    copy = json.loads(json.dumps(package))
    for resource in copy["resources"]:
        resource["path"] = resource["path"].removeprefix("dist/")
        resource["parquet"]["path"] = resource["parquet"]["path"].removeprefix("dist/")
    copy["sources"] = [{"title": source["title"].replace(", provenance in corpus/provenance.csv", "")
                        + " (provenance: documents.csv)"} for source in package["sources"]]
    return copy


def stage(staging: Path, articles: list[corpus.Article],
          progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Write the whole package (dist/, datapackage.json, schema/) under `staging`."""
    quantities = []
    for i, article in enumerate(articles, start=1):
        try:
            context = FULL_CONTEXT if article.document.full_text else MAX_CONTEXT
            quantities.extend(extract(article.text, article.document.doc_id, context))
        except Exception as error:  # a rule's bug must stop the build, naming the article
            raise BuildError(f"{article.document.path}: extraction failed: {error!r}") from error
        if progress:
            progress(i, len(articles))
    quantities.sort(key=lambda q: (q.doc_id, q.start, q.end))
    dist = staging / "dist"
    dist.mkdir()
    report = BuildReport()
    tables = {
        "documents": [a.document.model_dump() for a in articles],
        "quantities": [q.model_dump() for q in quantities],
        "texts": [{"doc_id": a.document.doc_id, "text": a.text} for a in articles if a.document.full_text],
    }
    for name in TABLE_NAMES:
        schema = records.table_schema(name)
        report.rows[name] = write_csv(dist / f"{name}.csv", records.columns(name), tables[name])
        write_parquet(dist / f"{name}.csv", dist / f"{name}.parquet", schema)
    package = descriptor(dist, articles)
    (staging / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (dist / "README.md").write_text(data_card(staging, package), encoding="utf-8")
    (dist / "datapackage.json").write_text(json.dumps(downloadable(package), indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    schema_dir = staging / "schema"
    schema_dir.mkdir()
    for name in TABLE_NAMES:
        (schema_dir / f"{name}.json").write_text(schema_json(name), encoding="utf-8")
    return report


LOCK = ".build.lock"


@contextlib.contextmanager
def _locked(root: Path):
    """One build at a time in a repository: a second one stops with a clear message. The lock
    is the kernel's (fcntl), so a killed build never leaves it held."""
    import fcntl
    import os

    handle = (root / LOCK).open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise BuildError(f"{root / LOCK}: another build is running (pid {holder}); wait for it") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def _clean_stale_staging(root: Path) -> None:
    """Remove the staging folders of builds that were killed (the lock says none is running)."""
    for stale in root.glob(".build-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def build(root: Path, progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Build dist/ and datapackage.json from corpus/, or raise and leave them untouched."""
    with _locked(root):
        return _build(root, progress)


def _build(root: Path, progress: Callable[[int, int], None] | None = None) -> BuildReport:
    recover(root)
    _clean_stale_staging(root)
    articles = corpus.load(root)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=root) as scratch:
        staging = Path(scratch)
        report = stage(staging, articles, progress)
        problems = validate(staging, articles)
        if problems:
            raise BuildError("the built package does not validate; dist/ is unchanged:\n  "
                             + "\n  ".join(problems[:20]))
        _swap(staging, root)
        return report


def differences(root: Path) -> list[str]:
    """The published files a fresh build from corpus/ would write differently (none: the
    package is exactly what its corpus and extractors make)."""
    articles = corpus.load(root)
    with tempfile.TemporaryDirectory(prefix=".check-") as scratch:
        staging = Path(scratch)
        stage(staging, articles)
        fresh, published = _published_files(staging), _published_files(root)
    return [f"{name}: {'missing' if name not in published else 'not what a fresh build writes'}"
            for name in sorted(fresh) if fresh[name] != published.get(name)] + \
           [f"{name}: not written by the build" for name in sorted(set(published) - set(fresh))]


def _published_files(root: Path) -> dict[str, bytes]:
    files = [root / "datapackage.json", *(root / "dist").glob("*"), *(root / "schema").glob("*.json")]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files if p.is_file()}


def schema_json(name: str) -> str:
    return json.dumps(records.table_schema(name), indent=2, ensure_ascii=False) + "\n"


# The last good package while a new one is swapped in; its presence means a swap was cut short.
PREVIOUS = ".dist-previous"
_KEPT = ("dist", "datapackage.json", "schema")


def _swap(staging: Path, root: Path) -> None:
    """Replace dist/, datapackage.json and schema/ with the staged ones. The previous ones
    are moved aside first; if anything fails, or the process dies, `recover` puts them back."""
    previous = root / PREVIOUS
    if previous.exists():
        shutil.rmtree(previous)
    previous.mkdir()
    try:
        for name in _KEPT:
            if (root / name).exists():
                (root / name).rename(previous / name)
        for name in _KEPT:
            (staging / name).rename(root / name)
    except BaseException:
        recover(root)
        raise
    shutil.rmtree(previous)


def recover(root: Path) -> None:
    """Undo a swap that did not finish: restore the previous package wherever it was moved
    aside. Safe to call at any time; does nothing when no swap was cut short."""
    previous = root / PREVIOUS
    if not previous.exists():
        return
    for name in _KEPT:
        if (previous / name).exists():
            target = root / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            (previous / name).rename(target)
    shutil.rmtree(previous)


def validate(root: Path, articles: list[corpus.Article] | None = None) -> list[str]:
    """Check a built package as a consumer would; return the problems found (none: valid).

    The resources are the tables of this dataset with the schemas of its records;
    frictionless finds no error (types, constraints, keys, CSV hashes and sizes); each
    Parquet sibling has its recorded hash and size and the same rows as its CSV; dist/ holds
    nothing else; every quantity's text is its sentence's slice; and, where the articles are
    given, its document's slice, its sentence is in the document, and the documents table
    is their provenance.
    """
    path = root / "datapackage.json"
    if not path.is_file():
        return [f"{path}: missing (run `extract build`)"]
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return [f"{path}: not JSON ({error})"]
    problems = _resources(path, package)
    if problems:
        return problems
    problems += _frictionless(path)
    own = root / "dist" / "datapackage.json"
    try:
        if json.loads(own.read_text(encoding="utf-8")) != downloadable(package):
            problems.append(f"{own}: not the descriptor of dist/ that {path.name} gives (run `extract build`)")
        else:
            problems += _frictionless(own)
    except (OSError, json.JSONDecodeError) as error:
        problems.append(f"{own}: unreadable ({error})")
    problems += _stray_files(root)
    connection = connect()
    for resource in package["resources"]:
        try:
            problems += _parquet(root, resource, connection)
        except (duckdb.Error, OSError) as error:
            problems.append(f"{root / resource['parquet']['path']}: unreadable ({error})")
    connection.close()
    if not problems:
        problems += _offsets(root, package, articles)
    if not problems and articles is not None:
        problems += _documents(root, articles)
    return problems


def _resources(path: Path, package: dict) -> list[str]:
    """The descriptor names exactly this dataset's tables, files and schemas."""
    resources = package.get("resources")
    if not isinstance(resources, list) or [r.get("name") for r in resources] != list(TABLE_NAMES):
        return [f"{path}: resources must be {', '.join(TABLE_NAMES)}"]
    problems = []
    for resource in resources:
        name = resource["name"]
        if resource.get("path") != f"dist/{name}.csv" or \
                (resource.get("parquet") or {}).get("path") != f"dist/{name}.parquet":
            problems.append(f"{path}: {name} must be dist/{name}.csv with dist/{name}.parquet")
        elif resource.get("schema") != records.table_schema(name):
            problems.append(f"{path}: the schema of {name} is not the one its records define")
    return problems


def _stray_files(root: Path) -> list[str]:
    expected = {f"{name}.{kind}" for name in TABLE_NAMES for kind in ("csv", "parquet")} | {"README.md", "datapackage.json"}
    return [f"{path}: not part of the package" for path in sorted((root / "dist").iterdir())
            if path.name not in expected]
def _frictionless(path: Path) -> list[str]:
    import frictionless

    with contextlib.chdir(path.parent):
        report = frictionless.validate(path.name)
    return [f"{path.parent / (task.name or '')}: {error.message}" for task in report.tasks
            for error in task.errors] + [f"{path}: {error.message}" for error in report.errors]


def _parquet(root: Path, resource: dict, connection) -> list[str]:
    sibling = resource.get("parquet")
    if not sibling:
        return [f"{resource.get('path')}: no Parquet sibling described"]
    parquet_path, csv_path = root / sibling["path"], root / resource["path"]
    if not parquet_path.is_file():
        return [f"{parquet_path}: missing"]
    facts = file_facts(parquet_path)
    if facts != {"bytes": sibling.get("bytes"), "hash": sibling.get("hash")}:
        return [f"{parquet_path}: bytes/hash {facts} differ from datapackage.json"]
    as_csv = read_csv_sql(csv_path, resource["schema"])
    as_parquet = f"read_parquet({sql_string(parquet_path)})"
    problems = []
    for left, right in ((as_csv, as_parquet), (as_parquet, as_csv)):
        extra = connection.execute(
            f"SELECT count(*) FROM (SELECT * FROM {left} EXCEPT ALL SELECT * FROM {right})").fetchone()[0]
        if extra:
            problems.append(f"{parquet_path}: {extra} rows differ from {csv_path.name}")
    columns = [c[0] for c in connection.execute(f"DESCRIBE SELECT * FROM {as_parquet}").fetchall()]
    expected = [f["name"] for f in resource["schema"]["fields"]]
    if columns != expected:
        problems.append(f"{parquet_path}: columns {columns} are not the schema's {expected}")
    return problems


def _offsets(root: Path, package: dict, articles: list[corpus.Article] | None) -> list[str]:
    texts = None if articles is None else {a.document.doc_id: a.text for a in articles}
    resource = package["resources"][TABLE_NAMES.index("quantities")]
    problems = []
    with (root / resource["path"]).open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            start, end, sentence_start = int(row["start"]), int(row["end"]), int(row["sentence_start"])
            sentence = row["sentence"]
            where = f"{resource['path']}:{line} ({row['quantity_id']})"
            if sentence[start - sentence_start:end - sentence_start] != row["text"]:
                problems.append(f"{where}: text is not sentence[start - sentence_start:end - sentence_start]")
            if texts is None:
                continue
            text = texts.get(row["doc_id"])
            if text is None:
                problems.append(f"{where}: doc_id {row['doc_id']} has no text to check against")
            elif text[start:end] != row["text"]:
                problems.append(f"{where}: text {row['text']!r} is not doc_text[{start}:{end}] {text[start:end]!r}")
            elif text[sentence_start:sentence_start + len(sentence)] != sentence:
                problems.append(f"{where}: sentence is not the document's text at sentence_start")
    return problems


def _documents(root: Path, articles: list[corpus.Article]) -> list[str]:
    """The documents table says exactly what the corpus's provenance and files say."""
    resource_path = root / "dist" / "documents.csv"
    expected = [[cell(v) for v in a.document.model_dump().values()] for a in articles]
    with resource_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    if rows != expected:
        return [f"{resource_path}: not the corpus's provenance (documents changed, added or removed)"]
    return []


def corpus_articles(root: Path) -> list[corpus.Article] | None:
    """The corpus, for the checks that need the texts, where corpus/ is present."""
    if not (root / "corpus" / corpus.PROVENANCE).is_file():
        return None
    return corpus.load(root)
