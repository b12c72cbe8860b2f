"""Claims: the examples beside the rules (extractors/dataset/claims.py), the tables in the package,
and the seeds' done-when."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from extractors.dataset import claims
from extractors.reading.engine import extract

from .conftest import ROOT


def _rows(documents, author=None):
    rows = []
    for i, (text, published) in enumerate(documents):
        day = dt.date.fromisoformat(published) if published else None
        for q in extract(text, doc_id=f"d{i}", published=day, author=author):
            row = q.model_dump()
            row.update(published=day, outlet=author or f"outlet {i}")
            rows.append(row)
    rows.sort(key=lambda r: (r["published"] is None, r["published"] or dt.date.min, r["doc_id"], r["start"]))
    return [r for r in rows if r["category"] != "other"]


def _claim_of(rows, found, written: str, nth: int) -> str:
    matches = [r["quantity_id"] for r in rows if r["text"] == written]
    assert len(matches) > nth, f"{written!r} was not labelled as a war figure: {[r['text'] for r in rows]}"
    return found[matches[nth]]


@pytest.mark.parametrize("example", claims.EXAMPLES, ids=[e.documents[0][0][:40] for e in claims.EXAMPLES])
def test_example(example):
    rows = _rows(example.documents, example.author)
    made, members = claims.records(rows)
    found = {m.quantity_id: m.claim_id for m in members}
    seen: dict[str, int] = {}

    def claim(written):
        seen[written] = seen.get(written, -1) + 1
        return _claim_of(rows, found, written, seen[written])

    if example.together:
        ids = {claim(w) for w in example.together}
        assert len(ids) == 1, ids
        (together,) = [c for c in made if c.claim_id in ids]
        assert together.agree is example.agree
    if example.apart:
        ids = [claim(w) for w in example.apart]
        assert len(set(ids)) == len(ids), ids
    scopes = {c.claim_id: c.aid_scope for c in made}
    for written in example.not_new:
        held = [found.get(r["quantity_id"]) for r in rows if r["text"] == written]
        assert held and all(scopes.get(c) != "new" for c in held), (written, [scopes.get(c) for c in held])


def test_a_disagreeing_member_is_named():
    rows = _rows(claims.EXAMPLES[3].documents)
    made, members = claims.records(rows)
    (claim,) = [c for c in made if c.documents == 2]
    mine = [m for m in members if m.claim_id == claim.claim_id]
    assert sorted(m.agrees for m in mine) == [False, True]
    assert claim.disagreeing_sources == next(m.source for m in mine if not m.agrees)
    assert claim.consensus_low is None and claim.consensus_high is None


def test_publishers_count_the_documents_outlets_not_who_they_quote():
    """Two documents of one publisher are one publisher, whoever they quote; two publishers'
    documents are two."""
    documents = claims.EXAMPLES[3].documents
    made, _ = claims.records(_rows(documents, author="The White House"))
    assert [c.publishers for c in made if c.documents == 2] == [1]
    made, _ = claims.records(_rows(documents))  # each document its own outlet
    assert [c.publishers for c in made if c.documents == 2] == [2]


def test_consensus_is_the_intersection_and_a_figure_in_two_units_admits_both():
    rows = _rows(claims.EXAMPLES[0].documents)
    made, _ = claims.records(rows)
    (claim,) = made
    assert (claim.consensus_low, claim.consensus_high) == (300.0, 300.0)
    assert (claim.documents, claim.quantities, claim.subject) == (3, 4, "ATACMS")


def test_claim_ids_are_stable_and_unique():
    rows = _rows([d for e in claims.EXAMPLES for d in e.documents])
    first, first_members = claims.records(rows)
    again, again_members = claims.records([dict(r) for r in rows])
    assert first == again and first_members == again_members
    assert len({c.claim_id for c in first}) == len(first)
    assert len({m.quantity_id for m in first_members}) == len(first_members)  # a figure is in one claim


def test_unsaid_parts_join_the_one_claim_that_says_them_only():
    said = {"category": "aid", "measure": None, "subject": "aid", "unit": "USD", "aid_kind": "military"}
    donor = claims.Key(donor="United States", recipient="Ukraine", **said)
    other = claims.Key(donor="Germany", recipient="Ukraine", **said)
    unsaid = claims.Key(recipient="Ukraine", **said)
    assert claims._settled_keys([donor, unsaid])[donor] == donor  # never the other way
    assert claims._settled_keys([donor, unsaid])[unsaid] == donor
    assert claims._settled_keys([donor, other, unsaid])[unsaid] == unsaid  # two would do: neither


# -- the package ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def package():
    connection = duckdb.connect()
    for name in ("documents", "quantities", "claims", "claim_quantities"):
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{ROOT / 'dist' / name}.parquet')")
    return connection


def test_the_seeds_weapon_range_claim_groups_the_three_range_reports(package):
    rows = package.execute(
        "SELECT c.agree, c.documents, list(q.text ORDER BY q.quantity_id) FROM claims c JOIN claim_quantities m "
        "USING (claim_id) JOIN quantities q USING (quantity_id) WHERE c.category = 'weapon_range' "
        "AND c.subject = 'ATACMS' GROUP BY ALL").fetchall()
    assert rows == [(True, 3, ["190 miles", "300km", "up to 300 km", "up to 306 kilometers"])]


def test_the_seeds_total_aid_and_military_aid_are_separate_claims(package):
    rows = package.execute(
        "SELECT q.text, m.claim_id, c.aid_kind FROM claim_quantities m JOIN quantities q USING (quantity_id) "
        "JOIN claims c USING (claim_id) WHERE q.text IN ('$175 billion', 'over $55 billion') "
        "AND q.doc_id < '005'").fetchall()
    assert len(rows) == 2 and rows[0][1] != rows[1][1]
    assert sorted(r[2] or "all" for r in rows) == ["all", "military"]


def test_the_white_house_packages_are_claims_with_their_amounts(package):
    (claimed, amounts) = package.execute(
        "SELECT count(DISTINCT m.claim_id), count(*) FROM quantities q JOIN documents d USING (doc_id) "
        "LEFT JOIN claim_quantities m USING (quantity_id) WHERE q.category = 'aid' AND d.outlet = 'The White House' "
        "AND q.normalized_unit = 'USD' AND q.normalized_value IS NOT NULL").fetchone()
    assert amounts > 100
    missing = package.execute(
        "SELECT count(*) FROM quantities q LEFT JOIN claim_quantities m USING (quantity_id) "
        "WHERE q.category <> 'other' AND coalesce(q.normalized_value, q.normalized_low, q.normalized_high) IS NOT NULL "
        "AND m.claim_id IS NULL").fetchone()[0]
    assert missing == 0 and claimed > 100


def test_claim_counts_are_their_members(package):
    wrong = package.execute(
        "SELECT c.claim_id FROM claims c JOIN claim_quantities m USING (claim_id) GROUP BY c.claim_id, c.quantities, "
        "c.documents, c.sources, c.publishers HAVING count(*) <> c.quantities OR count(DISTINCT m.doc_id) <> c.documents "
        "OR count(DISTINCT m.source) <> c.sources OR count(DISTINCT (SELECT coalesce(d.outlet, d.doc_id) FROM documents d "
        "WHERE d.doc_id = m.doc_id)) <> c.publishers").fetchall()
    assert wrong == []


def test_streamed_claims_are_the_claims_in_memory(tmp_path):
    """The build's path (claims.stream: batches, a scratch file sorted by DuckDB) gives what
    `records` gives from the rows in memory."""
    rows = _rows([d for e in claims.EXAMPLES for d in e.documents])
    connection = duckdb.connect()
    quantity_columns = [c for c in rows[0] if c not in ("published", "outlet")]
    connection.execute("CREATE TABLE quantities AS SELECT * FROM (VALUES " + ", ".join(
        "(" + ", ".join("?" for _ in quantity_columns) + ")" for _ in rows) + ") AS t(" +
        ", ".join(f'"{c}"' for c in quantity_columns) + ")", [r[c] for r in rows for c in quantity_columns])
    documents = sorted({(r["doc_id"], r["published"], r["outlet"]) for r in rows})
    connection.execute("CREATE TABLE documents (doc_id VARCHAR, published DATE, outlet VARCHAR)")
    connection.executemany("INSERT INTO documents VALUES (?, ?, ?)", documents)
    assert claims.from_connection(connection) == claims.records(rows)


def test_an_announcement_records_its_first_report():
    example = next(e for e in claims.EXAMPLES if e.together and e.together[0] == "approximately $2.98 billion")
    rows = _rows(example.documents, example.author)
    made, _ = claims.records(rows)
    (announced,) = [c for c in made if c.aid_scope == "new"]
    assert (announced.first_published, announced.first_doc_id, announced.first_value) == (
        dt.date(2022, 8, 24), "d0", 2.98e9)
    assert (announced.donor, announced.recipient, announced.aid_kind, announced.documents) == (
        "United States", "Ukraine", "military", 3)
    assert announced.first_value_usd == 2.98e9
