"""The records: pydantic models that are the single source of truth for every table.

`schema/*.json` (Frictionless Table Schema) is generated from these models by
`table_schema()`; a test regenerates it in memory and fails when the files drift.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from typing import Literal, Optional

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

# Quantity is made by the reading and published here as the quantities table.
from ..reading.quantity import AidKind, AidScope, Category, Measure, Quantity, Stage  # noqa: F401


class Document(BaseModel):
    """One article of the corpus, with its provenance. Unknown stays empty, never guessed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str = Field(description="The article's id: its file's stem in corpus/, or the id its archive gives it.")
    path: str = Field(description="Where the article is stored: its file relative to the repository root, or its place in the archive it was built from (`file:line` of JSON Lines, `file#row` of Parquet).")
    title: Optional[str] = Field(None, description="The headline as the text gives it.")
    outlet: Optional[str] = Field(None, description="The publisher, where the text or its known origin says.")
    url: Optional[str] = Field(None, description="Where the article was published, where known.")
    published: Optional[dt.date] = Field(None, description="Publication date, where the text or its known origin says.")
    language: str = Field(description="BCP 47 language tag of the text.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file's bytes.")
    characters: int = Field(ge=0, description="Length of the text in code points.")
    added: Optional[dt.date] = Field(None, description="When the article entered the corpus (empty for an archive that does not say).")
    rights: str = Field(description="Who holds the rights to the text and what this dataset does with it.")
    notes: Optional[str] = Field(None, description="How the provenance was established.")
    full_text: bool = Field(False, description="Whether the `texts` table publishes the whole text: only where its rights allow (public-domain documents).")
    section: Optional[str] = Field(None, description="The section of the source site, where the source has sections (`statements-releases`).")
    published_time: Optional[AwareDatetime] = Field(None, description="Publication time with its UTC offset, where the source gives it (ISO 8601 in the CSV, `2025-02-11T18:51:30-05:00`; in the Parquet a timestamp with time zone, the same instant in UTC).")
    source_path: Optional[str] = Field(None, description="The document's file in the source compilation it was imported from.")
    source_commit: Optional[str] = Field(None, description="The commit of the source compilation the document was imported at.")
    source_sha256: Optional[str] = Field(None, description="SHA-256 the source compilation records for its file (front matter included).")

    @field_validator("language")
    @classmethod
    def _bcp47(cls, value: str) -> str:
        import langcodes

        if not langcodes.tag_is_valid(value):
            raise ValueError(f"{value!r} is not a BCP 47 language tag (en, en-GB, uk)")
        return value

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        from urllib.parse import urlsplit

        if value is None:
            return value
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value


class Text(BaseModel):
    """The whole text of a document whose rights allow publishing it, exactly as stored: offsets index into it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str = Field(description="The document (foreign key to documents).")
    text: str = Field(description="The text exactly as stored in the corpus: `quantities.text == text[start:end]`.")


class Claim(BaseModel):
    """One fact as the sources state it: the figures, across documents, of the same category,
    measure, subject, unit and time (extractors/dataset/claims.py), with where they agree."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    claim_id: str = Field(pattern=r"^c[0-9a-f]{16}$", description="Stable id: the same figures of the same corpus give the same id on every build (a hash of the claim's key and its first figure's `quantity_id`).")
    category: Category = Field(description="The members' category.")
    measure: Optional[Measure] = Field(None, description="The members' measure, where they have one.")
    subject: str = Field(description="What the claim is about, normalized: the weapon's one name (`ATACMS`), the people or things counted with the actor named (`North Korea troops`), for aid its kind, donor and recipient (`military aid, United States to Ukraine`).")
    donor: Optional[str] = Field(None, description="For aid: the donor as one name (extractors/data/actors.tsv), where the figures say.")
    recipient: Optional[str] = Field(None, description="For aid: the recipient as one name, where the figures say.")
    aid_kind: Optional[AidKind] = Field(None, description="For aid: military, humanitarian or financial; empty for aid of every kind (`$175 billion in aid`).")
    stage: Optional[Stage] = Field(None, description="For aid: pledged, committed, allocated or delivered, where the figures say.")
    normalized_unit: str = Field(description="The members' `normalized_unit`.")
    period: Optional[str] = Field(None, description="The time the figures are about, where their sentences say (`since February 2022`, `2023`, `last week`), as one normalized phrase.")
    first_published: Optional[dt.date] = Field(None, description="The earliest publication date of the members' documents.")
    last_published: Optional[dt.date] = Field(None, description="The latest publication date of the members' documents.")
    aid_scope: Optional[AidScope] = Field(None, description="For aid money: the members' `aid_scope`. A claim of `new` aid is one announcement: every report of one package, in any document published within the window the data card states of its first report, in any words (\"nearly $3 billion\" for $2.98 billion), whatever stage or time its reports say; two packages announced together are two claims. Sum `first_value_usd` of these claims, one per announcement.")
    first_doc_id: Optional[str] = Field(None, description="The document of the claim's first member: the earliest dated (then by document id and position), its first report.")
    first_value: Optional[float] = Field(None, description="The number the first report states, in `normalized_unit`: its value, else its bound (\"up to $60 million\").")
    first_value_usd: Optional[float] = Field(None, description="`first_value` in US dollars at the first report's rate (quantities.value_usd); empty where there is no rate.")
    documents: int = Field(ge=1, description="How many documents state the claim.")
    sources: int = Field(ge=1, description="How many sources give it: a member's source is its `attributed_source`, else its document's outlet, else its document.")
    publishers: int = Field(ge=1, description="How many publishers' documents state it (the documents' `outlet`: the White House, the State Department, a newspaper): 2 or more where independent publishers confirm each other, whoever they quote.")
    quantities: int = Field(ge=1, description="How many figures state it (claim_quantities rows).")
    lowest_value: Optional[float] = Field(None, description="The lowest `normalized_value` of the members.")
    highest_value: Optional[float] = Field(None, description="The highest `normalized_value` of the members.")
    lowest_bound: Optional[float] = Field(None, description="The lowest bound any member states: its `normalized_low`, or its value.")
    highest_bound: Optional[float] = Field(None, description="The highest bound any member states: its `normalized_high`, or its value.")
    consensus_low: Optional[float] = Field(None, description="The low end of the consensus: the intersection of every member's bounds (empty where that intersection is empty, or unbounded below).")
    consensus_high: Optional[float] = Field(None, description="The high end of the consensus (empty where the intersection is empty, or unbounded above).")
    agree: bool = Field(description="Whether every member's bounds overlap, each widened by the tolerance the data card states.")
    disagreeing_sources: Optional[str] = Field(None, description="The sources of the members outside the largest agreeing set, `; `-separated in order; empty where all agree.")


class ClaimQuantity(BaseModel):
    """A figure as a member of its claim: the bounds it states and whether it agrees."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    quantity_id: str = Field(description="The figure (foreign key to quantities); a figure is in at most one claim.")
    claim_id: str = Field(description="Its claim (foreign key to claims).")
    doc_id: Optional[str] = Field(None, description="The figure's document (foreign key to documents).")
    source: str = Field(description="Who gives the figure: its `attributed_source`, else its document's outlet, else its document's id.")
    low: Optional[float] = Field(None, description="The lowest value the figure admits, in the claim's unit (empty: unbounded below).")
    high: Optional[float] = Field(None, description="The highest value the figure admits (empty: unbounded above).")
    agrees: bool = Field(description="Whether the figure is in the largest set of members whose widened bounds overlap.")


TABLES: dict[str, tuple[type[BaseModel], list[str], list[dict]]] = {
    "documents": (Document, ["doc_id"], []),
    "quantities": (Quantity, ["quantity_id"], [
        {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}},
    ]),
    "texts": (Text, ["doc_id"], [
        {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}},
    ]),
    "claims": (Claim, ["claim_id"], []),
    "claim_quantities": (ClaimQuantity, ["quantity_id"], [
        {"fields": ["quantity_id"], "reference": {"resource": "quantities", "fields": ["quantity_id"]}},
        {"fields": ["claim_id"], "reference": {"resource": "claims", "fields": ["claim_id"]}},
        {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}},
    ]),
}

_TYPES = {str: "string", int: "integer", float: "number", dt.date: "date", bool: "boolean", AwareDatetime: "datetime"}


def _field_type(annotation) -> tuple[str, list | None, bool]:
    """(Table Schema type, enum or None, required) of a pydantic annotation."""
    required = True
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        required = False
        (annotation,) = [a for a in args if a is not type(None)]
    if typing.get_origin(annotation) is Literal:
        return "string", list(typing.get_args(annotation)), required
    return _TYPES[annotation], None, required


def table_schema(name: str) -> dict:
    """The Frictionless Table Schema of a table, generated from its model."""
    model, primary_key, foreign_keys = TABLES[name]
    fields = []
    for field_name, info in model.model_fields.items():
        kind, enum, required = _field_type(info.annotation)
        field = {"name": field_name, "type": kind, "description": info.description}
        constraints = {}
        if required:
            constraints["required"] = True
        if enum:
            constraints["enum"] = enum
        if field_name in primary_key:
            constraints["unique"] = True
        for rule in info.metadata:  # the record's own constraints: start >= 0, a sha256 pattern
            if getattr(rule, "ge", None) is not None:
                constraints["minimum"] = rule.ge
            if getattr(rule, "pattern", None) is not None:
                constraints["pattern"] = rule.pattern
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema = {"fields": fields, "missingValues": [""], "primaryKey": primary_key}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def csv_writer(handle):
    """The package's one CSV dialect: RFC 4180 (comma, double quotes where needed, CRLF line
    ends). With CRLF as the line end, Python's writer also quotes a field that holds a bare
    carriage return, which with "\n" alone it would leave unquoted, splitting the row."""
    import csv

    return csv.writer(handle, lineterminator="\r\n")


def cell(value) -> str:
    """A value as one CSV cell, written the same way on every build."""
    if value is None:
        return ""
    if isinstance(value, float):
        # Always with a decimal point or an exponent ("12000.0"), so that every reader that
        # guesses types (pandas, polars, DuckDB) reads a number column as floats, not integers.
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


# Spreadsheet formula injection (OWASP, "CSV Injection"): a spreadsheet that opens a CSV runs
# a cell that begins with =, +, -, @, a tab or a carriage return. In the CSV tables such a
# text cell gets a ' before it, which spreadsheets read as "this is text". So that the rule
# undoes exactly, a cell that begins with 's and then one of those gets one ' more too;
# reading the CSV, one ' comes off a cell that begins with 's and then one of those. The
# Parquet tables hold every text exactly, so their offsets slice it as it is.
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
NEUTRALIZED_START = r"^'+[=+\-@\t\r]"  # in SQL (RE2), for the cells to undo


def csv_text(text: str) -> str:
    """A text as the CSV holds it: neutralized where a spreadsheet would run it."""
    return "'" + text if FORMULA_START.match(text) else text


def from_csv_text(text: str) -> str:
    """A text of the CSV as it is (the inverse of `csv_text`)."""
    return text[1:] if text.startswith("'") and FORMULA_START.match(text) else text


def csv_cell(value) -> str:
    """A value as one cell of the package's CSV tables: `cell`, text neutralized."""
    return csv_text(value) if isinstance(value, str) else cell(value)


def columns(name: str) -> list[str]:
    return list(TABLES[name][0].model_fields)
