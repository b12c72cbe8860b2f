"""DuckDB, set up the one way the package uses it: one thread (the same row order and Parquet
bytes on every machine), paths quoted as SQL strings, CSV read with the schema's types."""

from __future__ import annotations

from pathlib import Path

import duckdb

TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE",
         "boolean": "BOOLEAN"}


def sql_string(path: Path) -> str:
    """A path as a DuckDB string literal, quotes doubled ("/tmp/o'b" stays one path)."""
    return "'" + path.as_posix().replace("'", "''") + "'"


def paths_sql(paths: Path | list[Path]) -> str:
    """One path or a list of them, as DuckDB's readers take them."""
    if isinstance(paths, Path):
        return sql_string(paths)
    return "[" + ", ".join(sql_string(p) for p in paths) + "]"


def read_csv_sql(paths: Path | list[Path], schema: dict) -> str:
    types = ", ".join(f"'{f['name']}': '{TYPES[f['type']]}'" for f in schema["fields"])
    return (f"read_csv({paths_sql(paths)}, header=true, delim=',', quote='\"', escape='\"', "
            f"auto_detect=false, nullstr='', parallel=false, columns={{{types}}})")


# DuckDB's share of memory; above it, sorts, joins and writes spill to disk. With the
# extracting processes' own, a build stays within 500 MB whatever the corpus's size.
MEMORY_LIMIT = "256MB"


def connect(database: Path | None = None, spill: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A connection in memory or in a database file, within MEMORY_LIMIT, spilling to `spill`
    (by default a folder of the system's temporary directory, never the working directory)."""
    import os
    import tempfile

    connection = duckdb.connect(":memory:" if database is None else str(database))
    connection.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    spill = spill or Path(tempfile.gettempdir()) / f"newsfigures-duckdb-{os.getpid()}"
    connection.execute(f"SET temp_directory = {sql_string(spill)}")
    # One thread keeps row order and Parquet layout the same on every machine.
    connection.execute("SET threads = 1")
    connection.execute("SET preserve_insertion_order = true")
    return connection
