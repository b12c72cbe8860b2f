"""schema/ is generated from the pydantic records; it must not drift from them."""

from __future__ import annotations

import json

from extractors.dataset import build as building
from extractors.dataset import records

from .conftest import ROOT


def test_schema_files_match_the_models():
    for name in building.TABLE_NAMES:
        on_disk = (ROOT / "schema" / f"{name}.json").read_text(encoding="utf-8")
        assert on_disk == building.schema_json(name), f"schema/{name}.json drifted: run `extract build`"


def test_datapackage_schemas_match_the_models():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    tables = [r for r in package["resources"] if "schema" in r]  # each table's CSV and Parquet
    assert len(tables) == 2 * len(building.TABLE_NAMES)
    for resource in tables:
        assert resource["schema"] == records.table_schema(resource["name"].removesuffix("-parquet"))


def test_quantities_columns_are_the_contract():
    contract = ["quantity_id", "doc_id", "start", "end", "text", "sentence", "dimension", "category",
                "value", "low", "high", "qualifier", "unit", "normalized_value", "normalized_low",
                "normalized_high", "normalized_unit", "subject", "linked_to", "rule", "extractor_version",
                "measure", "donor", "recipient", "aid_kind", "attributed_to", "attribution_kind", "attributed_source"]
    assert set(contract) <= set(records.columns("quantities"))
    schema = records.table_schema("quantities")
    assert schema["primaryKey"] == ["quantity_id"]
    assert schema["foreignKeys"][0]["reference"]["resource"] == "documents"
