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

import contextlib
import hashlib
import math
import multiprocessing
import os
import shutil
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from . import records, stopping
from .corpus import Article
from .duckdb_io import ROW_BYTES, connect, paths_sql, read_csv_sql, row_bytes, sql_string
from ..reading.engine import FULL_CONTEXT, MAX_CONTEXT, extract_document
from .records import csv_cell, csv_text

TABLE_NAMES = ("documents", "quantities", "texts", "claims", "claim_quantities")
EXTRACTED = TABLE_NAMES[:3]  # written from the corpus; the claims are read from these (claims.py)
# A batch: enough text for a worker to spend a fraction of a second on, so that N workers
# stay busy and a batch's figures are a few megabytes.
BATCH_CHARACTERS = 1_000_000
BATCH_DOCUMENTS = 2_000
# A table whose CSV is larger than this is published as Parquet parts of about this much
# CSV each (`<table>/part-00000.parquet`, read with one glob); below it, one file.
PART_BYTES = 256 * 1024 * 1024
ROW_GROUP_BYTES = 8 * 1024 * 1024


def jobs_available() -> int:
    """The cores this process may use (its CPU affinity, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class ExtractionError(Exception):
    """A rule failed on a document: the message names the document."""


@dataclass
class Progress:
    """What the build has done so far: for a progress display, the summary and the descriptor."""

    documents: int = 0
    characters: int = 0
    quantities: int = 0
    published: int = 0       # texts published whole
    longest: int = 0         # characters of the longest text published whole
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


def context_of(article: Article) -> int:
    """How much of a figure's sentence is kept: whole where the text is published, else at
    most MAX_CONTEXT characters either side."""
    return FULL_CONTEXT if article.document.full_text else MAX_CONTEXT


# The number columns of quantities: each finite (numerals.MAX_MAGNITUDE bounds what is read).
NUMBERS = ("value", "low", "high", "normalized_value", "normalized_low", "normalized_high")


# A process that only extracts (a build's worker, the command line's build) loads the rules
# before its first batch. It once also moved them out of the cyclic garbage collector's sight
# (gc.freeze) and collected young objects every 50,000 allocations rather than 700, for 8 % of
# the time on a page of figures at 0.6.0; issue 27 measured that setting against none in the
# same rounds and found it pay nowhere, on real text (1 to 6 collections per 2.5 M characters)
# nor on that page ('5 kmſ ' * n, 1 MB: 22.7 s of CPU in 1,879 collections as is, 23.1 s in
# 20 so set; docs/PERFORMANCE.md), so a build's processes leave the collector as it is.
_WARM_UP = "The U.S. pledged $3 million; 12 people were killed and over 2,000 attacks reached 5 km."


def ready_to_extract() -> None:
    """Set up a process that does nothing but extract (a build's worker, the command line's
    build): the rules loaded before the first document."""
    list(extract_document(_WARM_UP, "warm-up", FULL_CONTEXT))


def work_item(article: Article) -> tuple:
    """What a worker needs of an article: (doc_id, where, text, context, outlet, title, published)."""
    document = article.document
    return (document.doc_id, document.path, article.text, context_of(article), document.outlet,
            document.title, document.published)


def extract_batch(path: str, documents: list[tuple]) -> tuple[int, int]:
    """Extract a batch of work items (`work_item`) into one CSV file of quantities;
    return (figures, characters). Each figure's offsets are checked against its document
    here, where the text is at hand: a slip stops the build naming the document."""
    names = records.columns("quantities")
    figures = characters = 0
    staged = Path(path + ".part")
    with staged.open("w", encoding="utf-8", newline="") as handle:
        writer = records.csv_writer(handle)
        for doc_id, where, text, context, outlet, title, published in documents:
            characters += len(text)
            try:
                for quantity in extract_document(text, doc_id, context, author=outlet, title=title,
                                                 published=published):
                    if text[quantity.start:quantity.end] != quantity.text or \
                            text[quantity.sentence_start:quantity.sentence_start + len(quantity.sentence)] != quantity.sentence:
                        raise ExtractionError(f"{where}: {quantity.quantity_id}: offsets do not slice the text")
                    for name in NUMBERS:
                        number = getattr(quantity, name)
                        if number is not None and not math.isfinite(number):
                            raise ExtractionError(f"{where}: {quantity.quantity_id}: {name} {number} is not a finite "
                                                  f"number (every published number is; a rule's bug)")
                    writer.writerow([csv_cell(getattr(quantity, name)) for name in names])
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
        documents, texts = records.csv_writer(documents_file), records.csv_writer(texts_file)
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
        pending: dict = {}
        try:
            if jobs > 1:
                # The rules are loaded here, once, and the workers forked with them: each worker
                # loading them again cost half a second of CPU a worker and a build.
                ready_to_extract()
                # Forked before the corpus is opened, so that no reader's thread or file is
                # shared. Inside the `try`: a signal while they start ends them too (a
                # regression: the build hung, its workers idle, when stopped at that moment).
                pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                           initializer=_worker, initargs=(os.getpid(),))
                pool.submit(int).result()
            for number, batch in enumerate(_batches(articles)):
                for article in batch:
                    d = article.document
                    count_document(done, d.outlet, d.full_text, d.added, d.characters)
                    row = article.document.model_dump()
                    documents.writerow([csv_cell(row[name]) for name in document_columns])
                    if article.document.full_text:
                        texts.writerow([csv_text(article.document.doc_id), csv_text(article.text)])
                work_list = [work_item(a) for a in batch]
                path = str(work / "quantities" / f"batch-{number:08d}.csv")
                if pool is None:
                    finished(*extract_batch(path, work_list), len(batch))
                    continue
                pending[pool.submit(extract_batch, path, work_list)] = len(batch)
                while len(pending) >= 2 * jobs:  # a bounded queue: memory is a few batches
                    _collect(pending, finished, wait(pending, return_when=FIRST_COMPLETED).done)
            while pending:
                _collect(pending, finished, wait(pending, return_when=FIRST_COMPLETED).done)
        except BaseException:
            if pool is not None:  # stopped (an error, a signal): no batch is waited for
                stopping.end_processes(list(getattr(pool, "_processes", {}).values()))
            raise
        finally:
            if pool is not None:
                for future in pending:
                    future.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
    return done


def _worker(parent: int) -> None:
    """A process that extracts for the build: it ends with its parent (stopping.as_worker)."""
    stopping.as_worker(parent)
    ready_to_extract()


def count_document(done: Progress, outlet: str | None, full_text: bool, added, characters: int) -> None:
    """What the descriptor and the reader of texts need to know of a document written."""
    if added is not None and (done.latest_added is None or added > done.latest_added):
        done.latest_added = added
    tally = done.published_in_full if full_text else done.outlets
    tally[outlet or ""] = tally.get(outlet or "", 0) + 1
    if full_text:
        done.published += 1
        done.longest = max(done.longest, characters)


def _collect(pending: dict, finished, futures) -> None:
    for future in sorted(futures, key=lambda f: pending[f]):
        count = pending.pop(future)
        finished(*future.result(), count)


def assemble(work: Path, out: Path, done: Progress, part_bytes: int = PART_BYTES) -> dict[str, Table]:
    """Each table as CSV and Parquet (parts above `part_bytes` of CSV) under `out`.

    The rows are in order by construction, so nothing is sorted: documents and texts in the
    corpus's order (the repository's corpus is read by doc_id), figures by document, then
    position, because batches are numbered in reading order and a worker writes its batch's
    figures in document order. The CSV is the batch files joined; DuckDB reads it with the
    schema's types and writes the Parquet a row group at a time, within its memory limit."""
    connection = connect(work / "assemble.duckdb", spill=work / "spill")
    # A row group is held whole while it is written: at most ROW_GROUP_BYTES (the rows of
    # texts are whole documents). DuckDB bounds row groups by bytes only where it need not
    # keep insertion order; with one thread it reads and writes in order all the same, and
    # validation compares the Parquet with the CSV row by row.
    connection.execute("SET preserve_insertion_order = false")
    tables = {}
    for name in EXTRACTED:
        csv_path = out / f"{name}.csv"
        if name == "quantities":
            with csv_path.open("wb") as joined:
                joined.write(_header(name))
                for batch in sorted((work / name).glob("batch-*.csv")):
                    with batch.open("rb") as part:
                        shutil.copyfileobj(part, joined, 1 << 20)
                    batch.unlink()
            rows = done.quantities
        else:
            (work / f"{name}.csv").rename(csv_path)
            rows = done.documents if name == "documents" else done.published
        longest = row_bytes(done.longest) if name == "texts" else ROW_BYTES
        tables[name] = _parquet_copy(connection, name, csv_path, rows, longest, out, part_bytes)
    for name, rows in _claims(tables, out, work).items():
        tables[name] = _parquet_copy(connection, name, out / f"{name}.csv", rows, ROW_BYTES, out, part_bytes)
    connection.close()
    return {name: tables[name] for name in TABLE_NAMES}


def table_views(connection, tables: dict[str, Table], out: Path, names=TABLE_NAMES) -> None:
    """A view of each written table's Parquet (its file or parts under `out`), by its name."""
    for name in names:
        files = [out / part["path"] for part in tables[name].parquet]
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({paths_sql(files)})")


def _claims(tables: dict[str, Table], out: Path, work: Path) -> dict[str, int]:
    """claims.csv and claim_quantities.csv from the written quantities and documents
    (claims.py), streamed a subject at a time; their row counts."""
    from . import claims

    reading = connect(spill=work / "spill")
    names = TABLE_NAMES[3:]
    counts = dict.fromkeys(names, 0)
    try:
        table_views(reading, tables, out, ("documents", "quantities"))
        with contextlib.ExitStack() as files:
            writers = {}
            for name in names:
                handle = files.enter_context((out / f"{name}.csv").open("w", encoding="utf-8", newline=""))
                writers[name] = records.csv_writer(handle)
                writers[name].writerow(records.columns(name))
            for made in claims.stream(reading, scratch=work):
                for name, rows in zip(names, made):
                    writers[name].writerows([csv_cell(v) for v in row.model_dump().values()] for row in rows)
                    counts[name] += len(rows)
    finally:
        reading.close()
    return counts


def _parquet_copy(connection, name: str, csv_path: Path, rows: int, longest: int, out: Path,
                  part_bytes: int) -> Table:
    """The Parquet of a written CSV table: one file, or parts above `part_bytes` of CSV."""
    schema = records.table_schema(name)
    csv_facts = file_facts(csv_path, out)
    parts = max(1, -(-csv_facts["bytes"] // part_bytes))
    if parts == 1:
        targets = [out / f"{name}.parquet"]
    else:
        (out / name).mkdir()
        targets = [out / name / f"part-{i:05d}.parquet" for i in range(parts)]
    per_part = -(-rows // parts) if rows else 0
    # Through a table whose required columns are NOT NULL: DuckDB writes a Parquet column
    # as required (not null) from the table it copies, never from a query over the CSV.
    average_row = csv_facts["bytes"] // max(rows, 1)
    _copy(connection, name, average_row, f"CREATE TABLE {name} ({_columns_sql(schema)})")
    _copy(connection, name, average_row, f"INSERT INTO {name} SELECT * FROM {read_csv_sql(csv_path, schema, longest)}")
    for i, target in enumerate(targets):
        part = f" LIMIT {per_part} OFFSET {i * per_part}" if parts > 1 else ""
        _copy(connection, name, average_row,
              f"COPY (SELECT * FROM {name}{part}) TO {sql_string(target)} "
              f"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE_BYTES '{ROW_GROUP_BYTES}B')")
    connection.execute(f"DROP TABLE {name}")
    return Table(name, rows, csv_facts, [file_facts(t, out) for t in targets])


def _columns_sql(schema: dict) -> str:
    from .duckdb_io import TYPES

    return ", ".join(f'"{f["name"]}" {TYPES[f["type"]]}' + (" NOT NULL" if f.get("constraints", {}).get("required") else "")
                     for f in schema["fields"])


class MemoryLimitError(Exception):
    """DuckDB could not write a table within its memory limit."""


def _copy(connection, name: str, average_row: int, statement: str) -> None:
    """Run a COPY; DuckDB reads 2,048 rows at a time, so a table of long rows (whole texts)
    needs a memory limit of some multiple of 2,048 of them: say so if it is too small."""
    import duckdb

    try:
        connection.execute(statement)
    except duckdb.OutOfMemoryException:
        from .duckdb_io import MEMORY_LIMIT

        needed = max(256, 4 * 2048 * average_row // 2**20)
        raise MemoryLimitError(
            f"{name}: DuckDB cannot write it within --memory-limit {MEMORY_LIMIT['value']} (its rows "
            f"average {average_row:,} bytes, and DuckDB holds 2,048 at a time); give --memory-limit "
            f"{needed}MB or more") from None


def _header(name: str) -> bytes:
    import io

    line = io.StringIO()
    records.csv_writer(line).writerow(records.columns(name))
    return line.getvalue().encode("utf-8")
