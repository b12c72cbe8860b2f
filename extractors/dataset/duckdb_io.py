"""DuckDB, set up the one way the package uses it: one thread (the same row order and Parquet
bytes on every machine), paths quoted as SQL strings, CSV read with the schema's types."""

from __future__ import annotations

from pathlib import Path

import duckdb

TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE",
         "boolean": "BOOLEAN", "datetime": "TIMESTAMPTZ"}


def sql_string(path: Path) -> str:
    """A path as a DuckDB string literal, quotes doubled ("/tmp/o'b" stays one path)."""
    return "'" + path.as_posix().replace("'", "''") + "'"


def paths_sql(paths: Path | list[Path]) -> str:
    """One path or a list of them, as DuckDB's readers take them."""
    if isinstance(paths, Path):
        return sql_string(paths)
    return "[" + ", ".join(sql_string(p) for p in paths) + "]"


# The longest row DuckDB's CSV reader takes by default; its buffer is twice the longest row
# it is told of, so that a small memory limit is enough for tables of short rows.
ROW_BYTES = 1 << 20


def row_bytes(characters: int) -> int:
    """An upper bound on the bytes of a CSV row holding a text of so many characters (UTF-8
    takes at most 4 bytes a code point; quotes doubled, the row's other cells)."""
    return max(ROW_BYTES, 8 * characters + 4096)


def read_csv_sql(paths: Path | list[Path], schema: dict, longest_row: int = ROW_BYTES) -> str:
    """A CSV table of the package as a DuckDB subquery, with the schema's types and every text
    as it is (the ' that neutralizes a formula-like cell taken off: records.csv_text)."""
    from .records import NEUTRALIZED_START

    types = ", ".join(f"'{f['name']}': '{TYPES[f['type']]}'" for f in schema["fields"])
    reader = (f"read_csv({paths_sql(paths)}, header=true, delim=',', quote='\"', escape='\"', "
              f"auto_detect=false, nullstr='', parallel=false, max_line_size={longest_row}, "
              f"buffer_size={2 * longest_row}, columns={{{types}}})")
    texts = [f'"{f["name"]}"' for f in schema["fields"] if f["type"] == "string"]
    if not texts:
        return reader
    pattern = NEUTRALIZED_START.replace("'", "''")
    undo = ", ".join(f"CASE WHEN regexp_matches({c}, '{pattern}') THEN {c}[2:] ELSE {c} END AS {c}"
                     for c in texts)
    return f"(SELECT * REPLACE ({undo}) FROM {reader})"


# DuckDB's share of memory; above it, sorts, joins and writes spill to disk. With the
# extracting processes' own, a build stays within 500 MB whatever the corpus's size.
MEMORY_LIMIT = {"value": "160MB"}


def set_memory_limit(value: str) -> None:
    """Set DuckDB's share of memory for this process's connections ("256MB", "1GB")."""
    import re

    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?\s*(KB|MB|GB|KiB|MiB|GiB)", value.strip(), re.IGNORECASE):
        raise ValueError(f"--memory-limit {value!r}: give a size such as 256MB or 1GB")
    MEMORY_LIMIT["value"] = value.strip()


def connect(database: Path | None = None, spill: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A connection in memory or in a database file, within MEMORY_LIMIT, spilling to `spill`
    (by default a folder of the system's temporary directory, never the working directory)."""
    import os
    import tempfile

    connection = duckdb.connect(":memory:" if database is None else str(database))
    connection.execute(f"SET memory_limit = '{MEMORY_LIMIT['value']}'")
    spill = spill or Path(tempfile.gettempdir()) / f"newsfigures-duckdb-{os.getpid()}"
    connection.execute(f"SET temp_directory = {sql_string(spill)}")
    # One thread keeps row order and Parquet layout the same on every machine.
    connection.execute("SET threads = 1")
    connection.execute("SET preserve_insertion_order = true")
    # DuckDB draws a progress bar on the terminal for a query that takes over 2 s (on a busy
    # machine, the Parquet of a small table): a build says what it does itself, or nothing.
    connection.execute("SET enable_progress_bar = false")
    return connection
