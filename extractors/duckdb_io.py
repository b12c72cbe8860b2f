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


def read_csv_sql(path: Path, schema: dict) -> str:
    types = ", ".join(f"'{f['name']}': '{TYPES[f['type']]}'" for f in schema["fields"])
    return (f"read_csv({sql_string(path)}, header=true, delim=',', quote='\"', escape='\"', "
            f"auto_detect=false, nullstr='', columns={{{types}}})")


def connect() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    # One thread keeps row order and Parquet layout the same on every machine.
    connection.execute("SET threads = 1")
    connection.execute("SET preserve_insertion_order = true")
    return connection
