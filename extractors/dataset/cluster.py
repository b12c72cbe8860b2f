"""The same build on a Dask cluster (`extract build --engine dask`), with the same bytes.

Extraction is a pure function of (doc_id, text), so it maps onto Dask as it is:

- The input is split into shards in reading order: byte ranges of a plain JSON Lines file
  (cut at line starts), one compressed JSON Lines file each (gzip and zstd cannot be entered
  in the middle), Parquet row groups, runs of the repository's corpus/ articles.
- A task reads one shard where it is and extracts it with the local build's code, writing
  its documents, texts and figures as CSV files named by the shard's number, and then a
  marker with their sizes and SHA-256. Its key is named by the shard too, never random.
- The driver joins the shards' files in shard order (the local build's order), removes
  duplicates across shards as the local build would have, and writes and validates the
  package with the local build's code: the bytes are those of `extract build` without Dask.
- A worker that dies has its task run again (Dask's retries). A rerun after an interruption
  keeps the shards whose marker matches their files, and recomputes the others.

Dask and distributed are the optional `cluster` extra.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from . import corpus, pipeline, records, sources
from .corpus import CorpusError
from .pipeline import Progress

# A shard of plain JSON Lines or of the repository's corpus: about this much input.
SHARD_BYTES = 16 * 1024 * 1024
SHARD_ARTICLES = 500
RETRIES = 3


@dataclass(frozen=True)
class Shard:
    """A piece of the input a task reads by itself: where, and the number of its first line."""

    number: int
    kind: str         # jsonl-range, jsonl-file, parquet-row-group, repository
    path: str
    start: int        # byte offset, row group, or index of the first article
    stop: int         # byte offset, row group + 1, or index after the last article
    first: int        # line (JSON Lines) or row (Parquet) number of the shard's first record

    @property
    def name(self) -> str:
        return f"shard-{self.number:06d}"


def shards(source: sources.Source, shard_bytes: int | None = None) -> list[Shard]:
    """The shards of a corpus, in reading order."""
    shard_bytes = shard_bytes or SHARD_BYTES
    found: list[Shard] = []
    if isinstance(source, sources.RepositoryCorpus):
        count = source.total
        for start in range(0, count, SHARD_ARTICLES):
            found.append(Shard(len(found), "repository", str(source.root), start, min(count, start + SHARD_ARTICLES), start + 1))
    elif isinstance(source, sources.JsonLinesCorpus):
        if source.path.suffix.lower() in (".gz", ".zst"):
            found.append(Shard(0, "jsonl-file", str(source.path), 0, source.total, 1))
        else:
            found += _byte_ranges(source.path, shard_bytes)
    elif isinstance(source, sources.ParquetCorpus):
        from .duckdb_io import connect, sql_string

        connection = connect()
        for file in source.files:
            groups = connection.execute(
                f"SELECT row_group_id, max(row_group_num_rows) FROM parquet_metadata({sql_string(file)}) "
                "GROUP BY row_group_id ORDER BY row_group_id").fetchall()
            first = 1
            for group, rows in groups:
                found.append(Shard(len(found), "parquet-row-group", str(file), group, group + 1, first))
                first += rows
        connection.close()
    else:  # pragma: no cover - every reader is listed above
        raise CorpusError(f"{source.path}: no shards for this kind of corpus")
    return found


def _byte_ranges(path: Path, shard_bytes: int) -> list[Shard]:
    """Ranges of about `shard_bytes`, each starting at a line start, with its first line number."""
    found, start, line = [], 0, 1
    size = path.stat().st_size
    with path.open("rb") as handle:
        while start < size:
            handle.seek(min(size, start + shard_bytes))
            handle.readline()  # to the end of the line the cut falls in
            stop = min(size, handle.tell()) if start + shard_bytes < size else size
            handle.seek(start)
            lines = handle.read(stop - start).count(b"\n")
            found.append(Shard(len(found), "jsonl-range", str(path), start, stop, line))
            line += lines
            start = stop
    return found


class _ShardRecords(sources._Records):
    """The records of one shard, checked as the whole corpus's reader checks them."""

    def __init__(self, shard: Shard, mapping: sources.Mapping, keep_going: bool, label: str):
        super().__init__(Path(shard.path), mapping, keep_going)
        self.shard = shard
        self.name = label

    def __iter__(self):
        shard = self.shard
        if shard.kind == "parquet-row-group":
            yield from self._row_group()
            return
        with self.path.open("rb") as raw:
            if shard.kind == "jsonl-file":
                lines = self._lines(raw)
            else:
                raw.seek(shard.start)
                lines = io.BufferedReader(_Range(raw, shard.stop - shard.start))
            yield from self.read_lines(lines, shard.first)

    def _row_group(self):
        from .duckdb_io import connect, sql_string

        connection = connect()
        try:
            result = connection.execute(
                f"SELECT {sources.columns_sql(connection, self.path, self.mapping)} "
                f"FROM read_parquet({sql_string(self.path)}, file_row_number=true) "
                f"WHERE file_row_number >= {self.shard.first - 1} AND file_row_number < {self.shard.first - 1} + "
                f"(SELECT max(row_group_num_rows) FROM parquet_metadata({sql_string(self.path)}) "
                f"WHERE row_group_id = {self.shard.start}) ORDER BY file_row_number")
            for article in self.read_rows(result, self.path, self.name, self.shard.first):
                if article is not None:
                    yield article
        finally:
            connection.close()


class _Range(io.RawIOBase):
    """The next `length` bytes of a file, as a file."""

    def __init__(self, raw, length: int):
        self.raw, self.left = raw, length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.left <= 0:
            return 0
        data = self.raw.read(min(len(buffer), self.left))
        buffer[:len(data)] = data
        self.left -= len(data)
        return len(data)


def _articles(shard: Shard, mapping: sources.Mapping, keep_going: bool, label: str):
    if shard.kind == "repository":
        reader = sources.RepositoryCorpus(Path(shard.path), keep_going, slice(shard.start, shard.stop))
    else:
        reader = _ShardRecords(shard, mapping, keep_going, label)
    return reader, iter(reader)


def extract_shard(shard: Shard, mapping: sources.Mapping, keep_going: bool, label: str, parts: str) -> dict:
    """The task: extract one shard into parts/<shard>/ and write its marker; return its
    counts (what the driver needs for the descriptor and the summary).

    Dask runs a task again when the worker holding its result dies, even after the driver
    has read that result; so a shard whose marker matches its files is returned as it is,
    never rewritten, and a new one is written in a folder of its own and renamed into place
    (a regression: the driver once joined a shard that such a rerun was rewriting)."""
    kept = verified(Path(parts), shard)
    if kept is not None:
        return kept
    folder = Path(parts) / shard.name
    own = folder.with_name(f".{shard.name}.{uuid.uuid4().hex}")
    reader, articles = _articles(shard, mapping, keep_going, label)
    done = pipeline.extract_all(articles, own, jobs=1)
    result = {"shard": asdict(shard), "progress": _progress_dict(done),
              "skipped": list(reader.skipped),
              "files": {p.relative_to(own).as_posix(): pipeline.file_facts(p)
                        for p in sorted(own.rglob("*.csv"))}}
    marker = folder.with_suffix(".json")
    marker.unlink(missing_ok=True)
    if folder.exists():
        shutil.rmtree(folder)  # a task that died half way
    own.rename(folder)
    staged = marker.with_name(f".{marker.name}.{uuid.uuid4().hex}")
    text = json.dumps(result, sort_keys=True, default=str)
    staged.write_text(text, encoding="utf-8")
    staged.rename(marker)
    return json.loads(text)  # as `verified` reads it back


def _progress_dict(done: Progress) -> dict:
    fields = asdict(done)
    fields["latest_added"] = done.latest_added.isoformat() if done.latest_added else None
    return fields


def verified(parts: Path, shard: Shard) -> dict | None:
    """A shard's result from an earlier run, where its marker matches its files."""
    marker = parts / f"{shard.name}.json"
    try:
        result = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if result.get("shard") != asdict(shard):
        return None
    folder = parts / shard.name
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*.csv")} if folder.is_dir() else set()
    if present != set(result.get("files", {})):
        return None
    for name, facts in result["files"].items():
        if pipeline.file_facts(folder / name) != facts:
            return None
    return result


def extract_all(source: sources.Source, work: Path, parts: Path, *, scheduler: str | None, jobs: int,
                mapping: sources.Mapping, keep_going: bool,
                progress: Callable[[Progress], None] | None = None, say: Callable[[str], None] = print) -> Progress:
    """Every shard extracted on the cluster (or kept from an earlier run), then joined into
    `work` as the local build lays it out."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise CorpusError("--engine dask needs Dask: pip install -e '.[cluster]'") from None
    parts.mkdir(parents=True, exist_ok=True)
    pieces = shards(source)
    results: dict[int, dict] = {}
    for shard in pieces:
        kept = verified(parts, shard)
        if kept is not None:
            results[shard.number] = kept
    if results:
        say(f"kept {len(results)} of {len(pieces)} shards from an earlier run (their markers match their files)")
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0",
                               silence_logs=50)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    futures = []
    try:
        say(f"Dask: {len(client.scheduler_info()['workers'])} workers; dashboard {client.dashboard_link}")
        todo = [s for s in pieces if s.number not in results]
        futures = [client.submit(extract_shard, shard, source_mapping(source, mapping), keep_going,
                                 _label(source, shard), str(parts),
                                 key=f"newsfigures-extract-{shard.name}", retries=RETRIES, pure=False)
                   for shard in todo]
        done = Progress()
        for result in results.values():
            _merge(done, result["progress"])
        for future in as_completed(futures):
            result = future.result()
            results[result["shard"]["number"]] = result
            _merge(done, result["progress"])
            done.position, done.total = len(results), len(pieces)
            if progress:
                progress(done)
    except BaseException:
        # Stopped (a signal, an error): a remote cluster's tasks are cancelled, not left to run;
        # a local cluster is closed below, its worker processes with it.
        if futures:
            client.cancel(futures, force=True)
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return join(parts, pieces, results, work, source, keep_going)


def _label(source: sources.Source, shard: Shard) -> str:
    """How a document's `path` names its input, as the local reader names it."""
    if shard.kind == "parquet-row-group" and source.path.is_dir():
        return Path(shard.path).relative_to(source.path).as_posix()
    return Path(shard.path).name


def source_mapping(source: sources.Source, mapping: sources.Mapping | None) -> sources.Mapping:
    return getattr(source, "mapping", None) or mapping or sources.Mapping()


def _merge(done: Progress, other: dict) -> None:
    done.documents += other["documents"]
    done.characters += other["characters"]
    done.quantities += other["quantities"]
    done.published += other["published"]
    done.longest = max(done.longest, other["longest"])
    added = dt.date.fromisoformat(other["latest_added"]) if other["latest_added"] else None
    if added and (done.latest_added is None or added > done.latest_added):
        done.latest_added = added
    for key in ("outlets", "published_in_full"):
        for outlet, count in other[key].items():
            getattr(done, key)[outlet] = getattr(done, key).get(outlet, 0) + count


def join(parts: Path, pieces: list[Shard], results: dict[int, dict], work: Path, source: sources.Source,
         keep_going: bool) -> Progress:
    """The shards' files joined in shard order into `work`, as `pipeline.extract_all` writes
    it; an id or a text already seen in an earlier shard is refused, or with --keep-going
    skipped (its documents row, text and figures), as the local reader does."""
    (work / "quantities").mkdir(parents=True)
    csv.field_size_limit(2**31 - 1)  # a row of texts is a whole document
    admission = corpus.Admission()
    done = Progress()
    with (work / "documents.csv").open("w", encoding="utf-8", newline="") as documents_file, \
            (work / "texts.csv").open("w", encoding="utf-8", newline="") as texts_file:
        documents, texts = records.csv_writer(documents_file), records.csv_writer(texts_file)
        documents.writerow(records.columns("documents"))
        texts.writerow(records.columns("texts"))
        for shard in pieces:
            result = results[shard.number]
            folder = parts / shard.name
            if verified(parts, shard) != result:
                raise pipeline.ExtractionError(f"{folder}: changed since its task reported it; run the build again "
                                               "(the shards whose markers match are kept)")
            source.skipped.extend(result["skipped"])
            dropped = set()
            with (folder / "documents.csv").open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    where = _where(row["path"], source)
                    digest = bytes.fromhex(row["sha256"])
                    refusal = admission.taken(row["doc_id"], digest)
                    if refusal:
                        problem = f"{where}: {refusal}"
                        if not keep_going:
                            raise CorpusError(problem + " (--keep-going skips such records and reports them)")
                        source.skipped.append(problem)
                        dropped.add(row["doc_id"])
                        continue
                    admission.admit(row["doc_id"], digest, where)
                    documents.writerow(row.values())
                    done.documents += 1
                    done.characters += int(row["characters"])
                    pipeline.count_document(done, row["outlet"], row["full_text"] == "true",
                                            dt.date.fromisoformat(row["added"]) if row["added"] else None,
                                            int(row["characters"]))
            with (folder / "texts.csv").open(encoding="utf-8", newline="") as handle:
                for row in csv.reader(handle):
                    if row[0] != "doc_id" and row[0] not in dropped:
                        texts.writerow(row)
            for batch in sorted((folder / "quantities").glob("batch-*.csv")):
                target = work / "quantities" / f"batch-{shard.number:06d}-{batch.name.removeprefix('batch-')}"
                if dropped:
                    done.quantities += _copy_without(batch, target, dropped)
                else:
                    shutil.copyfile(batch, target)
            if not dropped:
                done.quantities += result["progress"]["quantities"]
    return done


def _where(path: str, source: sources.Source) -> str:
    """A document's place as the local reader names it in messages (`<file>:<line>`)."""
    name, _, line = path.rpartition(":")
    return f"{source.path}:{line}" if name == source.name and line.isdigit() else path


def _copy_without(batch: Path, target: Path, dropped: set[str]) -> int:
    """A batch of figures without those of the dropped documents; how many are kept."""
    kept = 0
    with batch.open(encoding="utf-8", newline="") as handle, target.open("w", encoding="utf-8", newline="") as out:
        writer = records.csv_writer(out)
        doc_id = records.columns("quantities").index("doc_id")
        for row in csv.reader(handle):
            if row[doc_id] not in dropped:
                writer.writerow(row)
                kept += 1
    return kept
