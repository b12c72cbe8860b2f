"""The streamed build: articles in batches to N processes, figures to disk, tables sorted and
written by DuckDB within a memory limit.

Nothing grows with the corpus but files. The reading process sends a batch of articles (at
most BATCH_CHARACTERS) to a worker, which extracts it and writes its figures to a batch
file of its own; the reader writes the documents and texts rows itself. DuckDB then reads
every batch file with the schema's types, sorts each table by its primary key (spilling to
disk above MEMORY_LIMIT) and writes the Parquet; the CSV is written from the same sorted
rows. The bytes depend on the corpus only: not on the number of processes, the order in
which they finish, the hash seed or the machine.
"""

from __future__ import annotations

import csv
import hashlib
import multiprocessing
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from . import records
from .corpus import Article
from .duckdb_io import connect, read_csv_sql, sql_string
from .engine import FULL_CONTEXT, MAX_CONTEXT, extract_document
from .records import cell

TABLE_NAMES = ("documents", "quantities", "texts")
# A batch: enough text for a worker to spend a fraction of a second on, so that N workers
# stay busy and a batch's figures are a few megabytes.
BATCH_CHARACTERS = 1_000_000
BATCH_DOCUMENTS = 2_000
# A table whose CSV is larger than this is published as Parquet parts of about this much
# CSV each (`<table>/part-00000.parquet`, read with one glob); below it, one file.
PART_BYTES = 256 * 1024 * 1024
ROW_GROUP_BYTES = 16 * 1024 * 1024
# Row order: by primary key, and a document's figures in the order they are written.
ORDER = {"documents": "doc_id", "quantities": 'doc_id, start, "end"', "texts": "doc_id"}


class ExtractionError(Exception):
    """A rule failed on a document: the message names the document."""


@dataclass
class Progress:
    """What the build has done so far: for a progress display, the summary and the descriptor."""

    documents: int = 0
    characters: int = 0
    quantities: int = 0
    started: float = field(default_factory=time.monotonic)
    position: int = 0        # how far the corpus is read, in units of `total`
    total: int | None = None  # the corpus's size: articles, rows or bytes of the input
    latest_added: object = None                                  # the newest `added` date
    outlets: dict[str, int] = field(default_factory=dict)        # documents by outlet ("" unknown)
    published_in_full: dict[str, int] = field(default_factory=dict)  # full_text documents by outlet


@dataclass(frozen=True)
class Table:
    """A written table: its CSV and its Parquet file or parts, each with size and hash."""

    name: str
    rows: int
    csv: dict
    parquet: list[dict]


def file_facts(path: Path, relative_to: Path | None = None) -> dict:
    """A file's size and SHA-256 as a Data Package records them (and its path, relative)."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    facts = {"bytes": size, "hash": "sha256:" + digest.hexdigest()}
    return facts if relative_to is None else {"path": path.relative_to(relative_to).as_posix(), **facts}


def _context(article: Article) -> int:
    return FULL_CONTEXT if article.document.full_text else MAX_CONTEXT


def extract_batch(path: str, documents: list[tuple[str, str, str, int]]) -> tuple[int, int]:
    """Extract a batch of (doc_id, where, text, context) into one CSV file of quantities;
    return (figures, characters). Each figure's offsets are checked against its document
    here, where the text is at hand: a slip stops the build naming the document."""
    names = records.columns("quantities")
    figures = characters = 0
    staged = Path(path + ".part")
    with staged.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for doc_id, where, text, context in documents:
            characters += len(text)
            try:
                for quantity in extract_document(text, doc_id, context):
                    if text[quantity.start:quantity.end] != quantity.text or \
                            text[quantity.sentence_start:quantity.sentence_start + len(quantity.sentence)] != quantity.sentence:
                        raise ExtractionError(f"{where}: {quantity.quantity_id}: offsets do not slice the text")
                    writer.writerow([cell(getattr(quantity, name)) for name in names])
                    figures += 1
            except ExtractionError:
                raise
            except Exception as error:  # a rule's bug stops the build, naming the document
                raise ExtractionError(f"{where}: extraction failed: {error!r}") from error
    staged.rename(path)
    return figures, characters


def _batches(articles: Iterable[Article]):
    batch, size = [], 0
    for article in articles:
        batch.append(article)
        size += len(article.text)
        if size >= BATCH_CHARACTERS or len(batch) >= BATCH_DOCUMENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def extract_all(articles: Iterable[Article], work: Path, jobs: int,
                progress: Callable[[Progress], None] | None = None) -> Progress:
    """Every article's documents row, texts row (where published) and figures, in batch
    files under `work`, extracted by `jobs` processes (in this one for 1)."""
    (work / "quantities").mkdir(parents=True)
    done = Progress()
    with (work / "documents.csv").open("w", encoding="utf-8", newline="") as documents_file, \
            (work / "texts.csv").open("w", encoding="utf-8", newline="") as texts_file:
        documents, texts = csv.writer(documents_file, lineterminator="\n"), csv.writer(texts_file, lineterminator="\n")
        document_columns = records.columns("documents")
        documents.writerow(document_columns)
        texts.writerow(records.columns("texts"))

        def finished(figures: int, characters: int, count: int) -> None:
            done.quantities += figures
            done.characters += characters
            done.documents += count
            done.position, done.total = getattr(articles, "position", done.documents), getattr(articles, "total", None)
            if progress:
                progress(done)

        pool = None
        if jobs > 1:
            # Forked before the corpus is opened, so that no reader's thread or file is shared.
            pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
            pool.submit(int).result()
        pending: dict = {}
        try:
            for number, batch in enumerate(_batches(articles)):
                for article in batch:
                    _count(done, article)
                    row = article.document.model_dump()
                    documents.writerow([cell(row[name]) for name in document_columns])
                    if article.document.full_text:
                        texts.writerow([article.document.doc_id, article.text])
                work_list = [(a.document.doc_id, a.document.path, a.text, _context(a)) for a in batch]
                path = str(work / "quantities" / f"batch-{number:08d}.csv")
                if pool is None:
                    finished(*extract_batch(path, work_list), len(batch))
                    continue
                pending[pool.submit(extract_batch, path, work_list)] = len(batch)
                while len(pending) >= 2 * jobs:  # a bounded queue: memory is a few batches
                    _collect(pending, finished, wait(pending, return_when=FIRST_COMPLETED).done)
            while pending:
                _collect(pending, finished, wait(pending, return_when=FIRST_COMPLETED).done)
        finally:
            if pool is not None:
                for future in pending:
                    future.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
    return done


def _count(done: Progress, article: Article) -> None:
    document = article.document
    if document.added is not None and (done.latest_added is None or document.added > done.latest_added):
        done.latest_added = document.added
    tally = done.published_in_full if document.full_text else done.outlets
    tally[document.outlet or ""] = tally.get(document.outlet or "", 0) + 1


def _collect(pending: dict, finished, futures) -> None:
    for future in sorted(futures, key=lambda f: pending[f]):
        count = pending.pop(future)
        finished(*future.result(), count)


def assemble(work: Path, out: Path, part_bytes: int = PART_BYTES) -> dict[str, Table]:
    """Each table from its batch files: sorted by primary key, written as CSV and Parquet
    (parts above `part_bytes` of CSV) under `out`."""
    connection = connect(work / "assembly.duckdb", spill=work / "spill")
    tables = {}
    for name in TABLE_NAMES:
        schema = records.table_schema(name)
        key = ORDER[name]
        files = sorted((work / name).glob("batch-*.csv")) if name == "quantities" else [work / f"{name}.csv"]
        columns = ", ".join(f'"{f["name"]}" {_duckdb_type(f)}' for f in schema["fields"])
        connection.execute(f"CREATE TABLE {name} ({columns})")
        if files:
            connection.execute(f"INSERT INTO {name} SELECT * FROM {read_csv_sql(files, schema)} ORDER BY {key}")
        csv_path = out / f"{name}.csv"
        rows = _write_csv(connection, name, csv_path)
        csv_facts = file_facts(csv_path, out)
        parts = max(1, -(-csv_facts["bytes"] // part_bytes))
        if parts == 1:
            targets = [out / f"{name}.parquet"]
        else:
            (out / name).mkdir()
            targets = [out / name / f"part-{i:05d}.parquet" for i in range(parts)]
        per_part = -(-rows // parts) if rows else 0
        # A row group is held whole in memory while it is written: at most ROW_GROUP_BYTES of
        # CSV (the texts table's rows are whole documents), at most DuckDB's default rows.
        group = max(1, min(122_880, ROW_GROUP_BYTES * rows // max(csv_facts["bytes"], 1)))
        for i, target in enumerate(targets):
            # The table holds its rows in sorted order (inserted so, insertion order kept), so a
            # part is a range of row ids: no second sort, nothing held in memory.
            connection.execute(
                f"COPY (SELECT * FROM {name} WHERE rowid >= {i * per_part} AND rowid < {(i + 1) * per_part or 1}) "
                f"TO {sql_string(target)} "
                f"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {group})")
        tables[name] = Table(name, rows, csv_facts, [file_facts(t, out) for t in targets])
        connection.execute(f"DROP TABLE {name}")
    connection.close()
    return tables


def _duckdb_type(field: dict) -> str:
    from .duckdb_io import TYPES

    return TYPES[field["type"]]


def _write_csv(connection, name: str, path: Path) -> int:
    """The sorted table as CSV, each cell as `records.cell` writes it (the CSV's one format)."""
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(records.columns(name))
        result = connection.execute(f"SELECT * FROM {name}")
        while batch := result.fetchmany(256):  # a few MB even of whole texts
            writer.writerows([cell(v) for v in row] for row in batch)
            rows += len(batch)
    return rows
