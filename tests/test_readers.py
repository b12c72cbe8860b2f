"""Types that survive every reader (issue: a package users pick up with the tools they have):
pandas, polars, DuckDB and frictionless read the committed CSV and Parquet tables with the
schema's types, given no hints; and the Parquet columns a schema requires are not nullable."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from extractors.dataset import records
from extractors.dataset.build import TABLE_NAMES

from .conftest import ROOT

DIST = ROOT / "dist"


def fields(table: str) -> dict[str, dict]:
    return {f["name"]: f for f in records.table_schema(table)["fields"]}


def kinds(table: str, *types: str) -> list[str]:
    return [name for name, f in fields(table).items() if f["type"] in types]


def assert_pandas_numbers(frame, table: str) -> None:
    """The number, integer and boolean columns of a pandas frame have the schema's types."""
    import pandas

    for name in kinds(table, "number"):
        assert pandas.api.types.is_float_dtype(frame[name]), name
    for name in kinds(table, "integer"):
        assert pandas.api.types.is_integer_dtype(frame[name]), name
    for name in kinds(table, "boolean"):
        assert pandas.api.types.is_bool_dtype(frame[name]), name


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_pandas_reads_numbers_integers_and_booleans_from_csv(table):
    import pandas

    assert_pandas_numbers(pandas.read_csv(DIST / f"{table}.csv", keep_default_na=False, na_values=[""]), table)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_pandas_reads_every_schema_type_from_parquet(table):
    import pandas

    frame = pandas.read_parquet(DIST / f"{table}.parquet")
    assert list(frame.columns) == list(fields(table))
    assert_pandas_numbers(frame, table)
    for name in kinds(table, "date"):
        assert all(isinstance(v, dt.date) for v in frame[name].dropna()), name


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_polars_reads_numbers_integers_and_booleans_from_csv(table):
    import polars

    frame = polars.read_csv(DIST / f"{table}.csv", infer_schema_length=None)
    for name in kinds(table, "number"):
        assert frame.schema[name] == polars.Float64, name
    for name in kinds(table, "integer"):
        assert frame.schema[name] == polars.Int64, name
    for name in kinds(table, "boolean"):
        assert frame.schema[name] == polars.Boolean, name


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_polars_reads_every_schema_type_from_parquet(table):
    import polars

    expected = {"string": polars.String, "integer": polars.Int64, "number": polars.Float64,
                "date": polars.Date, "boolean": polars.Boolean, "datetime": polars.Datetime("us", "UTC")}
    frame = polars.read_parquet(DIST / f"{table}.parquet")
    assert dict(frame.schema) == {name: expected[f["type"]] for name, f in fields(table).items()}


@pytest.mark.xfail(strict=True, reason="pandas and polars parse no date from a CSV unless told "
                                       "(parse_dates, try_parse_dates); the Parquet copy carries the date type")
def test_pandas_and_polars_read_csv_dates_as_dates():
    import pandas
    import polars

    assert pandas.api.types.is_datetime64_any_dtype(pandas.read_csv(DIST / "documents.csv")["published"])
    assert polars.read_csv(DIST / "documents.csv").schema["published"] == polars.Date


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_duckdb_infers_the_schema_types_from_csv_and_parquet(table):
    import duckdb

    expected = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE", "boolean": "BOOLEAN",
                "datetime": "TIMESTAMP WITH TIME ZONE"}
    connection = duckdb.connect()
    for file in (f"{table}.csv", f"{table}.parquet"):
        described = {row[0]: row[1] for row in connection.execute(f"DESCRIBE SELECT * FROM '{DIST / file}'").fetchall()}
        wanted = {name: expected[f["type"]] for name, f in fields(table).items()}
        if file.endswith(".csv"):
            # A column with no value at all in this build is read as VARCHAR: nothing to infer from.
            empty = {name for name in wanted if connection.execute(
                f"SELECT count(\"{name}\") FROM '{DIST / file}'").fetchone()[0] == 0}
            wanted = {k: ("VARCHAR" if k in empty else v) for k, v in wanted.items()}
            if table == "documents":
                wanted["published_time"] = described["published_time"]  # an ISO time stamp, read as one
        assert described == wanted, file


def test_frictionless_reads_the_csv_with_the_schema_types():
    import frictionless

    package = frictionless.Package(ROOT / "datapackage.json")
    quantities = package.get_resource("quantities")
    rows = quantities.read_rows(size=50)
    assert rows and all(isinstance(row["start"], int) for row in rows)
    # frictionless reads a `number` as a Decimal (exact), unless the field asks for floats.
    assert any(isinstance(row["value"], Decimal) for row in rows)
    documents = package.get_resource("documents").read_rows(size=50)
    assert any(isinstance(row["published"], dt.date) for row in documents)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_parquet_columns_the_schema_requires_are_not_nullable(table):
    import pyarrow.parquet

    schema = pyarrow.parquet.read_schema(DIST / f"{table}.parquet")
    for name, field in fields(table).items():
        if field.get("constraints", {}).get("required"):
            assert not schema.field(name).nullable, name


def test_the_descriptor_names_every_parquet_file_with_its_mediatype():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    copies = [r for r in package["resources"] if r.get("format") == "parquet"]
    assert [r["name"] for r in copies] == [f"{t}-parquet" for t in TABLE_NAMES]
    assert all(r["mediatype"] == "application/vnd.apache.parquet" for r in copies)
