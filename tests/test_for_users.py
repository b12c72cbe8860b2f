"""A package data users pick up with the tools they already have: one section per point of
that issue. Where a point's tests live in the module that owns the code, its section says so.

1. The README's commands work verbatim: tests/test_readme.py runs every command of the README
   (the DuckDB CLI comes with the test extra, `duckdb-cli`).
2. A data package by the spec: below, and tests/test_build.py (Parquet resources checked
   against the CSV, a downloaded dist/ validating on its own).
3. Dependencies for a library and for a reproducible build: below.
4. Releases: below.
5. Types that survive every reader: tests/test_readers.py (pandas, polars, DuckDB,
   frictionless; required Parquet columns not nullable) and test_build's schema constraints.
6. Provenance checked at `add`: tests/test_cli.py::test_add_checks_the_language_tag_and_the_url.
7. The CLI fixes: tests/test_cli.py (`-h`, `python -m extractors`, `--debug`, one-line errors).
8. Hand-written pieces replaced where a library is as fast and as deterministic: measured in
   docs/LIBRARIES.md; the one kept against a reference is tested in test_war_gold.py.
"""

from __future__ import annotations

import json
import re
import tomllib

from extractors.reading.engine import VERSION

from .conftest import ROOT

PACKAGE = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


# -- 2. A data package by the spec ----------------------------------------------------------

def test_2_the_descriptor_has_a_stable_id_titles_licences_and_sources_with_addresses():
    assert PACKAGE["id"].startswith(("urn:", "https://"))
    assert all(resource.get("title") for resource in PACKAGE["resources"])
    tables = [r for r in PACKAGE["resources"] if r["type"] == "table"]
    assert all(r.get("licenses") for r in tables)
    assert {r["licenses"][0]["name"] for r in tables} == {"ODC-BY-1.0", "public-domain"}
    assert any(source.get("path", "").startswith("https://") for source in PACKAGE["sources"])


def test_2_the_downloaded_descriptor_is_the_root_one_with_relative_paths():
    own = json.loads((ROOT / "dist" / "datapackage.json").read_text(encoding="utf-8"))
    assert own["id"] == PACKAGE["id"] and own["version"] == PACKAGE["version"]
    paths = [p for r in own["resources"] for p in ([r["path"]] if isinstance(r["path"], str) else r["path"])]
    assert paths and not [p for p in paths if p.startswith(("dist/", "/", "..")) or "schema/" in p]


# -- 3. Dependencies for a library and for a reproducible build -----------------------------

def _pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, _, version in
            (line.partition("==") for line in lines if line and not line.startswith("#"))}


def test_3_the_library_takes_ranges_and_the_lock_pins_a_version_inside_each():
    from packaging.requirements import Requirement

    pins = _pins()
    requirements = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]
                    + PYPROJECT["project"]["optional-dependencies"]["test"]]
    for requirement in requirements:
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        assert name in pins, f"{name}: not in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} outside {requirement}"
    exact = [str(r) for r in map(Requirement, PYPROJECT["project"]["dependencies"])
             if any(spec.operator == "==" for spec in r.specifier)]
    assert exact == [], "a library's own dependencies are ranges, never exact pins"


# -- 4. Releases ----------------------------------------------------------------------------

def test_4_one_version_everywhere_with_its_changelog_entry():
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert PYPROJECT["project"]["version"] == VERSION == PACKAGE["version"]
    assert re.search(rf"^version: {re.escape(VERSION)}$", citation, re.MULTILINE)
    assert re.search(rf"^## {re.escape(VERSION)} ", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert f"Version {VERSION}" in (ROOT / "dist" / "README.md").read_text(encoding="utf-8")


def test_4_licences_and_a_release_workflow():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert PYPROJECT["project"]["license"] == "MIT"
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert ".ci/run" in workflow and "tags:" in workflow and "dist" in workflow


def test_derived_text_columns_group_across_wrapped_lines():
    """A subject, a source, a place or a period written across a line of hard-wrapped text
    is the same words as on one line (issue 29: 212 rows held line breaks and indentation)."""
    from extractors import extract

    text = ("On Monday, in its daily report to the press and the diplomats, the Ministry of\n"
            "   Defence of Ukraine said that Russia had deployed at least 1,200 soldiers and\n"
            "   some 500 North Korean\n"  # a line that ends short: a row, no wrap
            "   troops in the Kursk region since the fighting of the last week began, and 500 North Korean\n"
            "   troops more in the Belgorod region, where the fighting goes on through the night.\n")
    troops = [q for q in extract(text) if q.text.startswith("500 North Korean\n")]
    assert [q.subject for q in troops] == ["North Korean troops"]
    assert troops[0].attributed_to == "the Ministry of Defence of Ukraine"
