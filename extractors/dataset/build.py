"""The build: a corpus -> figures -> CSV and Parquet -> datapackage.json -> validation -> swap.

Everything is written into a temporary directory beside its target, validated there as a
consumer would validate it, and only then swapped in; a failed build leaves the previous
package as it was. The repository's corpus/ builds into dist/ (with datapackage.json and
schema/ at the root); any other corpus builds into a folder of its own (`--out`), never into
the repository's dist/, which holds only what corpus/ allows.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb

from . import corpus, pipeline, publish, records, sources, stopping
from .duckdb_io import ROW_BYTES, connect, paths_sql, read_csv_sql, row_bytes, sql_string
from .records import csv_cell, from_csv_text
from .datacard import data_card
from ..reading.engine import VERSION
from .pipeline import PART_BYTES, TABLE_NAMES, Progress
from .publish import Layout

PACKAGE_NAME = "newsfigures"
# The package's stable identifier, the same for every version: a URN (uuid5 of its title in
# the URL namespace), as the dataset has no public address of its own yet; a DOI takes this
# place once it is deposited.
PACKAGE_ID = "urn:uuid:72c90b6b-fddf-5b7f-a048-10e1416efe56"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET = "application/vnd.apache.parquet"


class BuildError(Exception):
    """The build or its validation failed; the message says where and why."""


@dataclass
class BuildReport:
    rows: dict[str, int] = field(default_factory=dict)
    characters: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)
    out: Path | None = None
    phases: dict[str, float] = field(default_factory=dict)  # seconds: extract, assemble, validate
    replaced: int | None = None  # documents of the package this one replaced (None: there was none)


file_facts = pipeline.file_facts


def joined_facts(files: list[Path]) -> dict:
    """The size and SHA-256 of files read in order as one stream: what Frictionless checks
    for a resource whose `path` is an array."""
    digest, size = hashlib.sha256(), 0
    for file in files:
        with file.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
    return {"bytes": size, "hash": "sha256:" + digest.hexdigest()}


def parquet_name(table: str) -> str:
    """The resource name of a table's Parquet copy."""
    return f"{table}-parquet"


def descriptor(tables: dict[str, pipeline.Table], done: Progress, source: sources.Source, folder: Path,
               prefix: str = "") -> dict:
    """datapackage.json: Frictionless Data Package v2, hashes and sizes from the files (in
    `folder`), paths relative to the descriptor (`prefix` is "dist/" for the repository's root
    descriptor)."""
    created = done.latest_added.isoformat() + "T00:00:00Z" if done.latest_added else None
    resources, copies = [], []
    for name in TABLE_NAMES:
        table = tables[name]
        common = {"description": records.TABLES[name][0].__doc__.strip(),
                  "licenses": [RESOURCE_LICENSES[name]], "schema": records.table_schema(name)}
        resources.append({
            "name": name, "type": "table", "title": f"{name} (CSV)", "path": prefix + table.csv["path"], "scheme": "file",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "bytes": table.csv["bytes"], "hash": table.csv["hash"], **common})
        parts = table.parquet
        # A file resource, so that Frictionless checks its size and hash: it reads a Parquet
        # table through pyarrow, past its byte counter, and would fail any `bytes` on one.
        # Of parts, the size and hash of the parts read in order as one stream, as it reads them.
        facts = ({"bytes": parts[0]["bytes"], "hash": parts[0]["hash"]} if len(parts) == 1 else
                 joined_facts([folder / p["path"] for p in parts]))
        copy = {"name": parquet_name(name), "type": "file", "title": f"{name} (Parquet)",
                "path": prefix + parts[0]["path"] if len(parts) == 1 else [prefix + p["path"] for p in parts],
                "scheme": "file", "format": "parquet", "mediatype": PARQUET, **facts}
        copies.append({**copy, **common, "description": f"The rows of `{name}`, in Parquet, with the same schema "
                                                        "(a file resource: Frictionless checks its size and hash)."})
    package = {
        "$schema": PROFILE,
        "id": PACKAGE_ID,
        "name": PACKAGE_NAME,
        "title": "newsfigures: the figures news articles report",
        "description": ("Distances and weapon ranges, money and aid, casualties, damage, troops, "
                        "attacks, percentages, durations, areas, volumes, weights and speeds "
                        "reported in news articles, extracted "
                        "by rules with their qualifiers as bounds, normalized, and traceable to "
                        "the exact characters of their source. See README.md."),
        "version": VERSION,
    }
    if created:
        package["created"] = created
    package.update({
        "keywords": ["news", "quantities", "information extraction", "Ukraine", "war", "aid"],
        "licenses": [ODC_BY],
        "sources": _sources(done, source),
        "contributors": [{"title": "newsfigures contributors", "roles": ["creator"]}],
        "resources": resources + copies,
    })
    return package


ODC_BY = {"name": "ODC-BY-1.0", "title": "Open Data Commons Attribution License 1.0",
          "path": "https://opendatacommons.org/licenses/by/1-0/"}
# Per resource: the compilation (figures, provenance, quoted sentences of news articles that
# remain their publishers') under ODC-BY; the full texts are only public-domain documents.
RESOURCE_LICENSES = {
    "documents": ODC_BY,
    "quantities": ODC_BY,
    "claims": ODC_BY,
    "claim_quantities": ODC_BY,
    "texts": {"name": "public-domain", "title": "Public domain: works of the US federal government "
              "(17 U.S.C. 105); compilation dedicated CC0 1.0",
              "path": "https://creativecommons.org/publicdomain/zero/1.0/"},
}


# Where the White House documents come from: the compilation (each document's own address
# on whitehouse.gov is its `url` in documents.csv).
WH_COMPILATION = "https://github.com/brian14708/wh-briefings"


def _sources(done: Progress, source: sources.Source) -> list[dict]:
    """One source per outlet group: the documents published in full (by outlet), and the rest."""
    if not source.repository:
        total = sum(done.outlets.values()) + sum(done.published_in_full.values())
        return [{"title": f"{source.name}: {total} documents, built with `extract build --corpus` "
                          "(provenance: documents.csv; rights: documents.rights)"}]
    found = []
    for outlet, count in sorted(done.published_in_full.items()):
        found.append({"title": f"{outlet or 'unknown outlet'}: {count} statements, briefings and fact sheets "
                               "on Ukraine (public domain), from the brian14708/wh-briefings compilation "
                               "(provenance: documents.csv)",
                      "path": WH_COMPILATION})
    news = sum(done.outlets.values())
    if news:
        named = ", ".join(sorted(o for o in done.outlets if o)) or "none"
        found.append({"title": f"News articles ({news}; outlets named where known: {named}) "
                               "(provenance: documents.csv)"})
    return sorted(found, key=lambda s: s["title"])


def resource_paths(resource: dict) -> list[str]:
    path = resource["path"]
    return path if isinstance(path, list) else [path]


CARD = "data-card"


def schema_name(table: str) -> str:
    """The resource name of a table's schema file (in the repository's descriptor only)."""
    return f"{table}-schema"


def _file_resource(name: str, path: str, format_: str, mediatype: str, file: Path, description: str) -> dict:
    return {"name": name, "type": "file", "title": name.replace("-", " "), "path": path, "scheme": "file", "format": format_,
            "mediatype": mediatype, "encoding": "utf-8", **file_facts(file), "description": description}


def downloadable(package: dict) -> dict:
    """The descriptor of dist/ on its own, for whoever downloads only dist/: the same package
    with paths relative to dist/ (and without the schema files, which lie outside it; its
    resources hold the same schemas inline). Written by every build from the root
    descriptor, so the two cannot drift."""
    copy = json.loads(json.dumps(package))
    copy["resources"] = [r for r in copy["resources"] if not r["name"].endswith("-schema")]
    for resource in copy["resources"]:
        paths = [p.removeprefix("dist/") for p in resource_paths(resource)]
        resource["path"] = paths if isinstance(resource["path"], list) else paths[0]
    return copy


@dataclass(frozen=True)
class Engine:
    """Where the extraction runs: in local processes, or on a Dask cluster."""

    name: str = "local"
    scheduler: str | None = None
    say: Callable[[str], None] = lambda message: None


def stage(staging: Path, source: sources.Source, layout: Layout, *, jobs: int = 1,
          part_bytes: int = PART_BYTES, progress: Callable[[Progress], None] | None = None,
          engine: Engine = Engine(), mapping: sources.Mapping | None = None, keep_going: bool = False,
          site: bool | None = None) -> BuildReport:
    """Write the whole package under `staging` as `layout` publishes it; with the viewer
    (site/) where `site` says, by default for the repository's own package only."""
    package_dir = staging / layout.package
    package_dir.mkdir(parents=True)
    work = staging / ".work"
    clock = time.monotonic()
    try:
        if engine.name == "dask":
            from . import cluster

            done = cluster.extract_all(source, work, layout.parts, scheduler=engine.scheduler, jobs=jobs,
                                       mapping=mapping, keep_going=keep_going, progress=progress, say=engine.say)
        else:
            done = pipeline.extract_all(source, work, jobs, progress)
    except pipeline.ExtractionError as error:
        raise BuildError(str(error)) from error
    extracted = time.monotonic()
    try:
        tables = pipeline.assemble(work, package_dir, done, part_bytes)
    except pipeline.MemoryLimitError as error:
        raise BuildError(str(error)) from None
    shutil.rmtree(work)
    package = descriptor(tables, done, source, package_dir, layout.prefix)
    site_started = time.monotonic()
    if site if site is not None else bool(layout.prefix):  # the repository's package
        _write_site(package_dir, tables, downloadable(package))
    sited = time.monotonic() - site_started
    card = package_dir / "README.md"
    card.write_text(data_card(package_dir, downloadable(package), source), encoding="utf-8")
    # The card and the schema files are resources too, with their hashes, so that a consumer
    # without the corpus checks them as well (the card describes the tables, not itself).
    package["resources"].append(_file_resource(CARD, layout.prefix + "README.md", "md", "text/markdown", card,
                                               "The data card: what the package holds, how it was made, how to use it."))
    if layout.prefix:
        schema_dir = staging / "schema"
        schema_dir.mkdir()
        for name in TABLE_NAMES:
            (schema_dir / f"{name}.json").write_text(schema_json(name), encoding="utf-8")
            package["resources"].append(_file_resource(
                schema_name(name), f"schema/{name}.json", "json", "application/schema+json", schema_dir / f"{name}.json",
                f"The Table Schema of `{name}`, as its resources give it inline."))
        (package_dir / "datapackage.json").write_text(json.dumps(downloadable(package), indent=2, ensure_ascii=False)
                                                      + "\n", encoding="utf-8")
    top = staging / layout.package / "datapackage.json" if not layout.prefix else staging / "datapackage.json"
    top.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return BuildReport(rows={name: t.rows for name, t in tables.items()}, characters=done.characters,
                       seconds=0.0, skipped=list(source.skipped), out=layout.home / layout.package,
                       phases={"extract": extracted - clock, "assemble": time.monotonic() - extracted - sited,
                               "site": sited})


SITE = "site"  # the viewer, beside the tables: written from them, not a resource of the package


def _write_site(package_dir: Path, tables: dict[str, pipeline.Table], package: dict) -> None:
    """The static viewer (extractors/views/site.py), from the package's own Parquet tables; its
    data page from `package`, the descriptor of the package folder."""
    from ..views import site

    connection = connect()
    try:
        pipeline.table_views(connection, tables, package_dir)
        site.write_site(connection, package_dir / SITE, package)
    finally:
        connection.close()


def build(root: Path, progress: Callable[[Progress], None] | None = None, *,
          corpus_path: Path | None = None, out: Path | None = None,
          mapping: sources.Mapping | None = None, jobs: int | None = None,
          part_bytes: int = PART_BYTES, keep_going: bool = False, engine: Engine = Engine(),
          site: bool | None = None, allow_empty: bool = False, allow_shrink: bool = False) -> BuildReport:
    """Build a corpus (by default the repository's corpus/) into a validated package (by
    default the repository's dist/, datapackage.json and schema/), or raise and leave the
    previous package untouched. A package of no document, or of fewer than half the
    documents of the one it replaces, is published only where `allow_empty` or
    `allow_shrink` says so."""
    started = time.monotonic()
    layout = _layout(root, corpus_path, out)
    staging = layout.home
    try:
        with publish.locked(layout.lock):
            # A build killed earlier is finished or undone first, whatever this one meets.
            publish.recover(layout)
            publish.remove_abandoned(layout.home, layout.staging_prefix)
            source = sources.open_source(corpus_path or root, mapping, keep_going=keep_going)
            with contextlib.ExitStack() as reading:
                if isinstance(source, sources.RepositoryCorpus):  # no `extract add` while it is read
                    reading.enter_context(corpus.locked_for_reading(source.root))
                staging = reading.enter_context(publish.scratch(layout.home, layout.staging_prefix))
                report = _build_in(staging, source, layout, progress, jobs, part_bytes, engine, mapping, keep_going,
                                   site, Shrink(allow_empty, allow_shrink))
            shutil.rmtree(layout.parts, ignore_errors=True)
    except publish.LockedError as error:
        raise BuildError(str(error)) from None
    except (OSError, duckdb.Error) as error:
        if isinstance(error, OSError) and error.filename is not None:
            raise
        # A write that fails names no file (a full disk under a worker's write), or DuckDB's
        # error names one of its own files (a full disk under its write-ahead log, as a
        # TransactionException): the folder the build was writing in is where it happened.
        what = error.strerror if isinstance(error, OSError) and error.strerror else sources.first_line(error)
        raise BuildError(f"{staging}: {what}; {layout.home / layout.package} is unchanged") from None
    report.seconds = time.monotonic() - started
    return report


@dataclass(frozen=True)
class Shrink:
    """What a build may publish in place of a package: an upstream job that writes an empty
    or cut file must not wipe the published data (a regression: an empty file, a file of
    newlines, a zero-row Parquet file each replaced a good package, exit 0)."""

    allow_empty: bool = False
    allow_shrink: bool = False

    def refusal(self, documents: int, replaced: int | None, source: sources.Source, target: Path) -> str | None:
        if documents == 0:
            skipped = f" ({len(source.skipped)} records skipped)" if source.skipped else ""
            return None if self.allow_empty else (f"{source.path}: no document to publish{skipped}; {target} is "
                                                  "unchanged (--allow-empty publishes an empty package)")
        if replaced and documents < replaced / 2 and not self.allow_shrink:
            return (f"{source.path}: {documents} documents would replace the {replaced} of {target}, fewer than "
                    f"half; {target} is unchanged (--allow-shrink publishes it)")
        return None


def published_documents(layout: Layout) -> int | None:
    """How many documents the package in place holds (None: none is, or it cannot be read)."""
    folder = layout.home / layout.package
    files = sorted(folder.glob("documents.parquet")) or sorted(folder.glob("documents/part-*.parquet"))
    if not files:
        return None
    connection = connect()
    try:
        return connection.execute(f"SELECT sum(num_rows)::BIGINT FROM parquet_file_metadata({paths_sql(files)})").fetchone()[0]
    except duckdb.Error:
        return None
    finally:
        connection.close()


def _build_in(staging: Path, source: sources.Source, layout: Layout, progress, jobs, part_bytes, engine,
              mapping, keep_going, site, shrink: Shrink = Shrink()) -> BuildReport:
    """Stage the package, validate it there, and only then publish it."""
    report = stage(staging, source, layout, jobs=jobs or pipeline.jobs_available(), part_bytes=part_bytes,
                   progress=progress, engine=engine, mapping=mapping, keep_going=keep_going, site=site)
    report.replaced = published_documents(layout)
    refusal = shrink.refusal(report.rows["documents"], report.replaced, source, layout.home / layout.package)
    if refusal:
        raise BuildError(refusal)
    top = staging / ("datapackage.json" if layout.prefix else f"{layout.package}/datapackage.json")
    clock = time.monotonic()
    problems = validate_descriptor(top, layout.prefix, articles=None)
    report.phases["validate"] = time.monotonic() - clock
    if problems:
        raise BuildError(f"the built package does not validate; {layout.home / layout.package} is unchanged:\n  "
                         + "\n  ".join(problems[:20]))
    with stopping.deferred(f"the new package was published in {layout.home / layout.package}"):
        publish.swap(staging, layout)
    return report


def _layout(root: Path, corpus_path: Path | None, out: Path | None) -> Layout:
    """Where this corpus may be published: the repository's own corpus into dist/ (or a
    folder), any other corpus only into a folder of its own. Every path is resolved first,
    so that `pkg/../pkg` or a symlink is the folder it names at every step of the swap."""
    root = root.resolve()
    dist = root / "dist"
    corpus_at = corpus_path.resolve() if corpus_path is not None else None
    if out is None or out.resolve() == dist:
        if corpus_at is not None and corpus_at not in (root, root / "corpus"):
            raise BuildError(f"{dist}: holds only what {root / 'corpus'} allows; build {corpus_path} "
                             "into a folder of its own with --out DIR")
        return Layout.repository(root)
    out = out.resolve()
    refusal = _not_an_out_folder(out, root, corpus_at or root / "corpus")
    if refusal:
        raise BuildError(f"{out}: {refusal}; give a new or empty folder (a build replaces it whole)")
    out.parent.mkdir(parents=True, exist_ok=True)
    return Layout.folder(out)


def package_names(prefix: str = "") -> set[str]:
    """The names a package folder holds at its top: the descriptor, the card, the viewer,
    each table's CSV and its Parquet file or folder of parts."""
    return {"datapackage.json", "README.md", SITE} | {f"{prefix}{t}{suffix}" for t in TABLE_NAMES
                                                      for suffix in (".csv", ".parquet", "")}


_PART = re.compile(r"part-[0-9]{5}\.parquet")


def _not_an_out_folder(out: Path, root: Path, corpus_at: Path) -> str | None:
    """Why a build may not replace `out` (None: it may). A build replaces the folder whole,
    so it must be wholly a package of this dataset, or empty, or new: never a folder that
    holds the repository, the corpus or the input, never the current folder, and nothing a
    package does not hold (a regression: `--out .` in the repository's root deleted the
    repository, .git/ and corpus/ included, because its root holds our datapackage.json)."""
    if out.exists() and not out.is_dir():
        return "not a folder"
    if out == Path.cwd().resolve():
        return "the current folder"
    if corpus_at.is_relative_to(out):
        return f"holds the corpus {corpus_at}"
    if corpus_at.is_dir() and out.is_relative_to(corpus_at):
        return f"lies inside the corpus {corpus_at}"
    if root.is_relative_to(out):
        return f"holds the repository {root}" if out != root else "the repository's root"
    if not out.is_dir():
        return None
    entries = sorted(out.iterdir())
    if not entries:
        return None
    if not (out / "datapackage.json").is_file():
        return "exists and is not a package (no datapackage.json)"
    allowed = package_names()
    strays = [e.name for e in entries if e.name not in allowed or e.is_symlink()
              or (e.name in TABLE_NAMES and not (e.is_dir() and all(_PART.fullmatch(p.name) and p.is_file()
                                                                   for p in e.iterdir())))]
    if strays:
        return f"exists and is not a package (it holds {', '.join(strays[:5])}{', ...' if len(strays) > 5 else ''})"
    try:
        name = json.loads((out / "datapackage.json").read_text(encoding="utf-8")).get("name")
    except (OSError, ValueError, AttributeError):
        name = None
    if name != PACKAGE_NAME:
        return f"holds a package that is not a {PACKAGE_NAME} build"
    return None


@contextlib.contextmanager
def no_build_running(root: Path):
    """Hold the build lock of the package at `root` (a repository or a package folder) while
    it is read, or raise BuildError where a build holds it. A package in a folder where no
    lock can be written (read-only, a download) is read as it is."""
    layout = Layout.repository(root) if (root / "corpus").is_dir() or (root / "dist").is_dir() else Layout.folder(root)
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(publish.locked(layout.lock))
        except publish.LockedError as error:
            raise BuildError(f"{error}; validate it when it is done") from None
        except OSError:
            pass  # no build can write there either
        yield


def differences(root: Path) -> tuple[list[str], list[str]]:
    """The published files a fresh build from corpus/ would write differently (none: the
    package is exactly what its corpus and extractors make), and notes (see `compare`)."""
    source = sources.open_source(root)
    with publish.scratch(Path(tempfile.gettempdir()), "newsfigures-check-") as staging:
        stage(staging, source, Layout.repository(root))
        return compare(staging, root)


def compare(fresh_root: Path, root: Path) -> tuple[list[str], list[str]]:
    """How the package published under `root` differs from the fresh build under `fresh_root`:
    (problems, notes). A Parquet file that holds the fresh build's rows, in order, with the
    same columns and types, but was written by another Parquet writer (another DuckDB
    version: its bytes differ, its data does not) is a note, and so is a descriptor or card
    that differs only in those files' sizes and hashes; any other difference is a problem."""
    fresh, published = _published_files(fresh_root), _published_files(root)
    problems = [f"{name}: missing" for name in sorted(set(fresh) - set(published))]
    differing = [name for name in sorted(fresh) if name in published and fresh[name] != published[name]]
    rewritten: dict[str, tuple[str, str]] = {}  # same rows, other writer: name -> (published, fresh) writer
    connection = connect()
    try:
        for name in [n for n in differing if n.endswith(".parquet")]:
            writers = _same_rows(connection, root / name, fresh_root / name)
            if writers is None:
                problems.append(f"{name}: not what a fresh build writes (its rows differ)")
            elif writers[0] == writers[1]:
                problems.append(f"{name}: not what a fresh build writes (the same rows, in other bytes from the "
                                f"same Parquet writer, {writers[0]!r})")
            else:
                rewritten[name] = writers
    finally:
        connection.close()
    hashes = {file_facts(root / name)["hash"]: file_facts(fresh_root / name) for name in rewritten}
    sizes = {file_facts(root / name)["bytes"]: file_facts(fresh_root / name)["bytes"] for name in rewritten}
    # The card before the descriptors, which record its size and hash too.
    others = sorted((name for name in differing if not name.endswith(".parquet")), key=lambda n: n.endswith(".json"))
    only_facts = []
    for name in others:
        if rewritten and _with_facts(published[name], name, hashes, sizes) == fresh[name]:
            only_facts.append(name)
            hashes[file_facts(root / name)["hash"]] = file_facts(fresh_root / name)
    problems += [f"{name}: not what a fresh build writes" for name in others if name not in only_facts]
    problems += [f"{name}: not written by the build" for name in sorted(set(published) - set(fresh))]
    notes = [f"{name}: the same rows as a fresh build writes, in other bytes: written by {was!r}, where this "
             f"installation's DuckDB writes {now!r} (install the versions of constraints.txt for the same bytes)"
             for name, (was, now) in rewritten.items()]
    if only_facts:
        notes.append(f"{', '.join(sorted(only_facts))}: differ from a fresh build's only in those files' sizes and hashes")
    return problems, notes


def _writer(connection, path: Path) -> str:
    """The writer a Parquet file names in its metadata (`created_by`)."""
    return connection.execute("SELECT created_by FROM parquet_file_metadata(?)", [str(path)]).fetchone()[0] or ""


def _same_rows(connection, published: Path, fresh: Path) -> tuple[str, str] | None:
    """The writers of two Parquet files that hold the same rows in the same order, with the
    same columns and types (None where they do not, or one is unreadable)."""
    try:
        columns = [connection.execute(f"DESCRIBE SELECT * FROM read_parquet({sql_string(p)})").fetchall()
                   for p in (published, fresh)]
        if columns[0] != columns[1]:
            return None
        row = "hash(row(" + ", ".join(f'"{c[0]}"' for c in columns[0]) + "))"
        counts = [connection.execute(f"SELECT count(*) FROM read_parquet({sql_string(p)})").fetchone()[0]
                  for p in (published, fresh)]
        differ = connection.execute(
            f"SELECT count(*) FROM (SELECT {row} AS h FROM read_parquet({sql_string(published)})) AS a "
            f"POSITIONAL JOIN (SELECT {row} AS h FROM read_parquet({sql_string(fresh)})) AS b "
            f"WHERE a.h IS DISTINCT FROM b.h").fetchone()[0]
        if counts[0] != counts[1] or differ:
            return None
        return _writer(connection, published), _writer(connection, fresh)
    except duckdb.Error:
        return None


def _with_facts(data: bytes, name: str, hashes: dict[str, dict], sizes: dict[int, int]) -> bytes:
    """A published descriptor or card with the rewritten files' sizes and hashes replaced by
    the fresh build's: in a descriptor, in the resources that carry those hashes; in any other
    text, on the lines that carry them."""
    text = data.decode("utf-8", errors="replace")
    if name.endswith(".json"):
        try:
            package = json.loads(text)
            for resource in package.get("resources", []):
                if resource.get("hash") in hashes:
                    resource.update(hashes[resource["hash"]])
            return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        except (ValueError, AttributeError):
            return data
    lines = []
    for line in text.splitlines(keepends=True):
        for old, new in hashes.items():
            if old in line:
                line = line.replace(old, new["hash"])
                for was, now in sizes.items():
                    line = line.replace(f" {was} ", f" {now} ").replace(f"{was:,}", f"{now:,}")
        lines.append(line)
    return "".join(lines).encode("utf-8")


def _published_files(root: Path) -> dict[str, bytes]:
    files = [root / "datapackage.json", *(root / "dist").rglob("*"), *(root / "schema").glob("*.json")]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files if p.is_file()}


def schema_json(name: str) -> str:
    return json.dumps(records.table_schema(name), indent=2, ensure_ascii=False) + "\n"


def validate(root: Path, articles: list[corpus.Article] | None = None) -> list[str]:
    """Check a built package as a consumer would; return the problems found (none: valid).

    `root` is a repository (datapackage.json with dist/) or a package folder. The resources
    are the tables of this dataset with the schemas of its records; frictionless finds no
    error in the CSV (types, constraints, keys, hashes and sizes); each Parquet copy has its
    recorded hashes and sizes and the same rows as its CSV; the folder holds nothing else;
    every quantity's text is its sentence's slice and, where the texts are published, its
    document's; and, where the articles are given, its article's slice, and the documents
    table is their provenance.
    """
    prefix = "dist/" if (root / "corpus").is_dir() or (root / "dist").is_dir() else ""
    return validate_descriptor(root / "datapackage.json", prefix, articles)


def validate_descriptor(path: Path, prefix: str, articles: list[corpus.Article] | None) -> list[str]:
    if not path.is_file():
        return [f"{path}: missing (run `extract build`)"]
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return [f"{path}: not JSON ({error})"]
    if not isinstance(package, dict):
        return [f"{path}: not a Data Package descriptor (a JSON object)"]
    problems = _resources(path, package, prefix) or _missing(path.parent, package, prefix)
    if problems:
        return problems
    # frictionless reads the CSV in a process of its own while DuckDB checks the rest here.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import os

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=stopping.as_worker,
                             initargs=(os.getpid(),)) as pool:
        try:
            by_frictionless = pool.submit(_frictionless, path, package)
            problems += _checks(path, package, prefix, articles)
            problems = by_frictionless.result() + problems
        except BaseException:  # stopped: the check in the other process is not waited for
            stopping.end_processes(list(getattr(pool, "_processes", {}).values()))
            raise
    return problems


def _checks(path: Path, package: dict, prefix: str, articles: list[corpus.Article] | None) -> list[str]:
    root = path.parent
    problems = []
    if prefix:
        own = root / prefix / "datapackage.json"
        try:
            if json.loads(own.read_text(encoding="utf-8")) != downloadable(package):
                problems.append(f"{own}: not the descriptor of {prefix} that {path.name} gives (run `extract build`)")
        except (OSError, ValueError) as error:
            problems.append(f"{own}: unreadable ({error})")
    problems += _stray_files(root / prefix, package, prefix)
    problems += _file_resources(root, package)
    connection = connect()
    try:
        for name in TABLE_NAMES:
            problems += _parquet(root, package, name, connection)
        if not problems:
            problems += _offsets(root, package, connection)
    finally:
        connection.close()
    if not problems and articles is not None:
        problems += _article_offsets(root, package, articles)
        problems += _documents(root, package, articles)
    return problems


def _resource(package: dict, name: str) -> dict:
    return next(r for r in package["resources"] if r.get("name") == name)


def _resources(path: Path, package: dict, prefix: str) -> list[str]:
    """The descriptor names exactly this dataset's tables, files and schemas."""
    resources = package.get("resources")
    expected = [*TABLE_NAMES, *map(parquet_name, TABLE_NAMES), CARD, *(map(schema_name, TABLE_NAMES) if prefix else [])]
    if not isinstance(resources, list) or [isinstance(r, dict) and r.get("name") for r in resources] != expected:
        return [f"{path}: resources must be {', '.join(expected)}"]
    problems = []
    if _resource(package, CARD).get("path") != f"{prefix}README.md":
        problems.append(f"{path}: {CARD} must be {prefix}README.md")
    for name in TABLE_NAMES if prefix else []:
        if _resource(package, schema_name(name)).get("path") != f"schema/{name}.json":
            problems.append(f"{path}: {schema_name(name)} must be schema/{name}.json")
    for name in TABLE_NAMES:
        table, copy = _resource(package, name), _resource(package, parquet_name(name))
        paths = resource_paths(copy)
        single = [f"{prefix}{name}.parquet"]
        parts = [f"{prefix}{name}/part-{i:05d}.parquet" for i in range(len(paths))]
        if table.get("path") != f"{prefix}{name}.csv" or paths not in (single, parts) or \
                isinstance(copy["path"], list) != (len(paths) > 1):
            problems.append(f"{path}: {name} must be {prefix}{name}.csv with {prefix}{name}.parquet "
                            f"(or parts {prefix}{name}/part-NNNNN.parquet)")
        elif table.get("schema") != records.table_schema(name) or copy.get("schema") != records.table_schema(name):
            problems.append(f"{path}: the schema of {name} is not the one its records define")
    return problems


def _file_resources(root: Path, package: dict) -> list[str]:
    """The Parquet copies, the data card and the schema files have the sizes and hashes the
    descriptor records (Frictionless checks them too: here each problem names its file), and
    each schema file is its table's schema."""
    problems = []
    for resource in package["resources"]:
        if resource.get("type") != "file":
            continue
        files = [root / path for path in resource_paths(resource)]
        file = files[0] if len(files) == 1 else files[0].parent
        actual = joined_facts(files)
        if actual != {"bytes": resource.get("bytes"), "hash": resource.get("hash")}:
            problems.append(f"{file}: bytes/hash {actual} differ from {resource['name']} in datapackage.json")
        elif resource["name"].endswith("-schema"):
            table = resource["name"].removesuffix("-schema")
            if file.read_text(encoding="utf-8") != schema_json(table):
                problems.append(f"{file}: not the schema its records define for {table}")
    return problems


def _missing(root: Path, package: dict, prefix: str) -> list[str]:
    """The package's files that are not there (a folder not there is one problem)."""
    if prefix and not (root / prefix).is_dir():
        return [f"{root / prefix}: missing (run `extract build`)"]
    return [f"{root / name}: missing (run `extract build`)" for resource in package["resources"]
            for name in resource_paths(resource) if not (root / name).is_file()]


def _stray_files(folder: Path, package: dict, prefix: str) -> list[str]:
    """Files in the package's folder that no resource names (the viewer's site/ aside)."""
    expected = {"README.md", "datapackage.json", SITE}
    for resource in package["resources"]:
        for path in resource_paths(resource):
            expected.add(path.removeprefix(prefix))
            if "/" in path.removeprefix(prefix):
                expected.add(path.removeprefix(prefix).split("/")[0])
    return [f"{path}: not part of the package" for path in sorted(folder.rglob("*"))
            if path.relative_to(folder).as_posix() not in expected and path.relative_to(folder).parts[0] != SITE]


def _frictionless(path: Path, package: dict) -> list[str]:
    """Frictionless validates the descriptor, the CSV tables (types, constraints, keys, sizes
    and hashes) and the sizes and hashes of the files, the Parquet copies among them, as
    `frictionless validate datapackage.json` does. The Parquet rows are compared with the
    CSV's below."""
    import frictionless

    problems = [f"{path}: {error.message}" for error in frictionless.Package.validate_descriptor(package).errors] \
        if hasattr(frictionless.Package, "validate_descriptor") else []
    with contextlib.chdir(path.parent):
        report = frictionless.validate(package)
    return problems + [f"{path.parent / (task.name or '')}: {error.message}" for task in report.tasks
                       for error in task.errors] + [f"{path}: {error.message}" for error in report.errors]


def _parquet(root: Path, package: dict, name: str, connection) -> list[str]:
    table, copy = _resource(package, name), _resource(package, parquet_name(name))
    files = [root / p for p in resource_paths(copy)]
    problems = []
    csv_path = root / table["path"]
    longest = _longest_text_row(root, package, connection) if table["name"] == "texts" else ROW_BYTES
    as_csv = read_csv_sql(csv_path, table["schema"], longest)
    as_parquet = f"read_parquet({paths_sql(files)})"
    label = files[0] if len(files) == 1 else files[0].parent
    try:
        # Row by row, in order (both are written in the same order), each row by its hash, so
        # that only the hashes are held: streamed, whatever the table's size or its rows'.
        names = [f["name"] for f in table["schema"]["fields"]]
        row = "hash(row(" + ", ".join(f'"{n}"' for n in names) + "))"
        differ, first = connection.execute(
            f"SELECT count(*), arg_min(c.k, p.f || ':' || lpad(p.n::VARCHAR, 20, '0')) FROM "
            f"(SELECT {row} AS h, \"{names[0]}\" AS k FROM {as_csv}) AS c POSITIONAL JOIN "
            f"(SELECT {row} AS h, filename AS f, file_row_number AS n FROM read_parquet({paths_sql(files)}, "
            f"filename=true, file_row_number=true)) AS p "
            f"WHERE c.h IS DISTINCT FROM p.h").fetchone()
        if differ:
            problems.append(f"{label}: {differ} rows differ from {csv_path.name}, the first at {names[0]} {first!r}")
        columns = [c[0] for c in connection.execute(f"DESCRIBE SELECT * FROM {as_parquet}").fetchall()]
    except (duckdb.Error, OSError) as error:
        return [f"{label}: unreadable ({error})"]
    expected = [f["name"] for f in table["schema"]["fields"]]
    if columns != expected:
        problems.append(f"{label}: columns {columns} are not the schema's {expected}")
    return problems


def _longest_text_row(root: Path, package: dict, connection) -> int:
    """How long a row of texts.csv can be: from the longest document the documents table lists."""
    documents = _resource(package, "documents")
    longest = connection.execute(
        f"SELECT max(characters) FROM {read_csv_sql(root / documents['path'], documents['schema'])}").fetchone()[0]
    return row_bytes(longest or 0)


def _offsets(root: Path, package: dict, connection) -> list[str]:
    """Every figure is its sentence's slice (SQL: DuckDB's substring counts code points, as
    Python does), and, where its document's text is published, that text's slice."""
    quantities = _resource(package, "quantities")
    q = read_csv_sql(root / quantities["path"], quantities["schema"])
    problems = [f"{quantities['path']} ({row[0]}): text is not sentence[start - sentence_start:end - sentence_start]"
                for row in connection.execute(
                    f"SELECT quantity_id FROM {q} WHERE start < sentence_start OR \"end\" < start OR "
                    f"substring(sentence, start - sentence_start + 1, \"end\" - start) <> text "
                    f"ORDER BY quantity_id LIMIT 20").fetchall()]
    return problems + _published_offsets(root, package)


def _published_offsets(root: Path, package: dict) -> list[str]:
    """Figures against the published texts, in one pass over documents, texts and quantities
    together (all three are in the documents' order): the memory of one document, whatever
    the package's size."""
    csv.field_size_limit(2**31 - 1)
    paths = {name: root / _resource(package, name)["path"] for name in TABLE_NAMES}
    problems: list[str] = []
    with paths["documents"].open(encoding="utf-8", newline="") as documents_file, \
            paths["texts"].open(encoding="utf-8", newline="") as texts_file, \
            paths["quantities"].open(encoding="utf-8", newline="") as quantities_file:
        documents, texts, quantities = (csv.reader(f) for f in (documents_file, texts_file, quantities_file))
        document_columns, _, quantity_columns = next(documents), next(texts), next(quantities)
        doc_id, full_text = document_columns.index("doc_id"), document_columns.index("full_text")
        q = {name: quantity_columns.index(name) for name in ("quantity_id", "doc_id", "start", "end", "text",
                                                             "sentence", "sentence_start")}
        figure = next(quantities, None)
        line = 2
        for document in documents:
            text = None
            if document[full_text] == "true":
                row = next(texts, None)
                if row is None or row[0] != document[doc_id]:
                    return problems + [f"{paths['texts']}: not one row a published document, in the documents' order "
                                       f"(expected {document[doc_id]})"]
                text = from_csv_text(row[1])
            while figure is not None and figure[q["doc_id"]] == document[doc_id]:
                if text is not None:
                    start, end, sentence_start = int(figure[q["start"]]), int(figure[q["end"]]), int(figure[q["sentence_start"]])
                    figure_text, sentence = from_csv_text(figure[q["text"]]), from_csv_text(figure[q["sentence"]])
                    if text[start:end] != figure_text or text[sentence_start:sentence_start + len(sentence)] != sentence:
                        problems.append(f"{paths['quantities']}:{line} ({figure[q['quantity_id']]}): text or sentence "
                                        f"is not the published text's slice")
                        if len(problems) >= 20:
                            return problems
                figure = next(quantities, None)
                line += 1
        if figure is not None:
            problems.append(f"{paths['quantities']}:{line}: figures not grouped by document in the documents' order "
                            f"({figure[q['quantity_id']]})")
        if next(texts, None) is not None:
            problems.append(f"{paths['texts']}: rows for documents that are not published in full")
    return problems


def _article_offsets(root: Path, package: dict, articles: list[corpus.Article]) -> list[str]:
    texts = {a.document.doc_id: a.text for a in articles}
    resource = _resource(package, "quantities")
    problems = []
    with (root / resource["path"]).open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            start, end, sentence_start = int(row["start"]), int(row["end"]), int(row["sentence_start"])
            doc_id, figure, sentence = (from_csv_text(row[k]) for k in ("doc_id", "text", "sentence"))
            where = f"{resource['path']}:{line} ({row['quantity_id']})"
            text = texts.get(doc_id)
            if text is None:
                problems.append(f"{where}: doc_id {doc_id} has no text to check against")
            elif text[start:end] != figure:
                problems.append(f"{where}: text {figure!r} is not doc_text[{start}:{end}] {text[start:end]!r}")
            elif text[sentence_start:sentence_start + len(sentence)] != sentence:
                problems.append(f"{where}: sentence is not the document's text at sentence_start")
    return problems


def _documents(root: Path, package: dict, articles: list[corpus.Article]) -> list[str]:
    """The documents table says exactly what the corpus's provenance and files say."""
    resource_path = root / _resource(package, "documents")["path"]
    expected = [[csv_cell(v) for v in a.document.model_dump().values()] for a in articles]
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
