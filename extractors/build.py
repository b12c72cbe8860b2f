"""The build: corpus -> records -> CSV and Parquet -> datapackage.json -> validation -> swap.

Everything is written into a temporary directory beside dist/, validated there as a
consumer would validate it, and only then swapped in; a failed build leaves the previous
dist/ and datapackage.json as they were.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import duckdb

from . import corpus, records
from .records import cell
from .datacard import data_card
from .engine import VERSION, extract

PACKAGE_NAME = "newsfigures"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLE_NAMES = ("documents", "quantities")
_DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE",
                 "boolean": "BOOLEAN"}


class BuildError(Exception):
    """The build or its validation failed; the message says where and why."""


@dataclass
class BuildReport:
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def write_csv(path: Path, columns: list[str], rows: Iterable[dict]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row[c]) for c in columns])
            count += 1
    return count


def _read_csv_sql(path: Path, schema: dict) -> str:
    types = ", ".join(f"'{f['name']}': '{_DUCKDB_TYPES[f['type']]}'" for f in schema["fields"])
    return (f"read_csv('{path.as_posix()}', header=true, delim=',', quote='\"', escape='\"', "
            f"auto_detect=false, nullstr='', columns={{{types}}})")


def _connect() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    # One thread keeps row order and Parquet layout the same on every machine.
    connection.execute("SET threads = 1")
    connection.execute("SET preserve_insertion_order = true")
    return connection


def write_parquet(csv_path: Path, parquet_path: Path, schema: dict) -> None:
    """The Parquet sibling of a CSV table, with the same columns and types."""
    connection = _connect()
    order = ", ".join(f'"{k}"' for k in schema["primaryKey"])
    connection.execute(
        f"COPY (SELECT * FROM {_read_csv_sql(csv_path, schema)} ORDER BY {order}) "
        f"TO '{parquet_path.as_posix()}' (FORMAT parquet, COMPRESSION zstd)")
    connection.close()


def file_facts(path: Path) -> dict:
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def descriptor(dist: Path, articles: list[corpus.Article]) -> dict:
    """datapackage.json: Frictionless Data Package v2, hashes and sizes from the files."""
    created = max(a.document.added for a in articles).isoformat() + "T00:00:00Z" if articles else None
    outlets = sorted({a.document.outlet for a in articles if a.document.outlet})
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
        "sources": [{"title": f"News articles ({len(articles)}; outlets named where known: "
                              f"{', '.join(outlets) or 'none'}), provenance in corpus/provenance.csv",
                     "path": "corpus/provenance.csv"}],
        "contributors": [{"title": "newsfigures contributors", "roles": ["creator"]}],
        "resources": resources,
    }


def build(root: Path, progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Build dist/ and datapackage.json from corpus/, or raise and leave them untouched."""
    articles = corpus.load(root)
    quantities = []
    for i, article in enumerate(articles, start=1):
        quantities.extend(extract(article.text, article.document.doc_id))
        if progress:
            progress(i, len(articles))
    quantities.sort(key=lambda q: (q.doc_id, q.start, q.end))
    with tempfile.TemporaryDirectory(prefix=".build-", dir=root) as scratch:
        staging = Path(scratch)
        dist = staging / "dist"
        dist.mkdir()
        report = BuildReport()
        tables = {
            "documents": [a.document.model_dump() for a in articles],
            "quantities": [q.model_dump() for q in quantities],
        }
        for name in TABLE_NAMES:
            schema = records.table_schema(name)
            report.rows[name] = write_csv(dist / f"{name}.csv", records.columns(name), tables[name])
            write_parquet(dist / f"{name}.csv", dist / f"{name}.parquet", schema)
        package = descriptor(dist, articles)
        (staging / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (dist / "README.md").write_text(data_card(staging, package), encoding="utf-8")
        schema_dir = staging / "schema"
        schema_dir.mkdir()
        for name in TABLE_NAMES:
            (schema_dir / f"{name}.json").write_text(schema_json(name), encoding="utf-8")
        problems = validate(staging, {a.document.doc_id: a.text for a in articles})
        if problems:
            raise BuildError("the built package does not validate; dist/ is unchanged:\n  "
                             + "\n  ".join(problems[:20]))
        _swap(staging, root)
        return report


def schema_json(name: str) -> str:
    return json.dumps(records.table_schema(name), indent=2, ensure_ascii=False) + "\n"


def _swap(staging: Path, root: Path) -> None:
    """Replace dist/, datapackage.json and schema/ with the staged ones, or restore them."""
    dist, previous = root / "dist", staging / "previous-dist"
    if dist.exists():
        dist.rename(previous)
    try:
        (staging / "dist").rename(dist)
        (root / "schema").mkdir(exist_ok=True)
        for path in (staging / "schema").iterdir():
            os.replace(path, root / "schema" / path.name)
        os.replace(staging / "datapackage.json", root / "datapackage.json")
    except BaseException:
        if previous.exists():
            if dist.exists():
                shutil.rmtree(dist)
            previous.rename(dist)
        raise


def validate(root: Path, texts: dict[str, str] | None = None) -> list[str]:
    """Check a built package as a consumer would; return the problems found (none: valid).

    frictionless (schemas, types, keys, CSV hashes and sizes); the Parquet siblings
    (hash, size, the same rows as their CSV); every quantity's offsets into its sentence
    and, where the texts are given, into its document.
    """
    problems: list[str] = []
    path = root / "datapackage.json"
    if not path.is_file():
        return [f"{path}: missing (run `extract build`)"]
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return [f"{path}: not JSON ({error})"]
    problems += _frictionless(path)
    connection = _connect()
    for resource in package.get("resources", []):
        problems += _parquet(root, resource, connection)
    if not problems:
        problems += _offsets(root, package, texts)
    connection.close()
    return problems


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
    as_csv = _read_csv_sql(csv_path, resource["schema"])
    as_parquet = f"read_parquet('{parquet_path.as_posix()}')"
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


def _offsets(root: Path, package: dict, texts: dict[str, str] | None) -> list[str]:
    resource = next(r for r in package["resources"] if r["name"] == "quantities")
    problems = []
    with (root / resource["path"]).open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            start, end, sentence_start = int(row["start"]), int(row["end"]), int(row["sentence_start"])
            where = f"{resource['path']}:{line} ({row['quantity_id']})"
            if row["sentence"][start - sentence_start:end - sentence_start] != row["text"]:
                problems.append(f"{where}: text is not sentence[start - sentence_start:end - sentence_start]")
            if texts is not None:
                text = texts.get(row["doc_id"])
                if text is None:
                    problems.append(f"{where}: doc_id {row['doc_id']} has no text to check against")
                elif text[start:end] != row["text"]:
                    problems.append(f"{where}: text {row['text']!r} is not doc_text[{start}:{end}] {text[start:end]!r}")
    return problems


def corpus_texts(root: Path) -> dict[str, str] | None:
    """The corpus texts, for offset checks, where the corpus is present and intact."""
    if not (root / "corpus" / corpus.PROVENANCE).is_file():
        return None
    return {a.document.doc_id: a.text for a in corpus.load(root)}

