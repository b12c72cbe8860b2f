"""The numeral pass tries its full pattern only where a numeral can start: it must find
exactly the numerals that trying the pattern at every position finds."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.reading import numerals

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "corpora"


def _everywhere(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in numerals._NUMERAL.finditer(text):
        numeral = numerals._from_match(match)
        if numeral is not None:
            found.append((numeral.start, numeral.end, numeral.text))
    return found


def _scanned(text: str) -> list[tuple[int, int, str]]:
    return [(n.start, n.end, n.text) for n in numerals.scan(text)]


PIECES = ["5", "12,000", "1.5", "½", "2½", "a dozen", "two-thirds", "half of", "tens of thousands",
          "Twenty-five", "one", "an", "a", "hundreds", "[12]", "F-16", "10:30", "17/11", "3rd", "km",
          "$", "-5", "bn", "mln", "\n", " ", ", ", ".", "x9", "9x", "one hundred and fifty", "quarter"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_candidate_scan_finds_what_the_exhaustive_scan_finds(pieces):
    text = "".join(pieces)
    assert _scanned(text) == _everywhere(text)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpora not present")
def test_candidate_scan_is_exhaustive_on_the_shared_corpora():
    def texts():
        for name in ("isw-reports-2022.jsonl", "news-articles-2017.jsonl", "reuters21578.jsonl"):
            with (SHARED / name).open(encoding="utf-8") as handle:
                for line in itertools.islice(handle, 300):
                    yield json.loads(line)["text"]
        with gzip.open(SHARED / "whitehouse-briefing-room.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in itertools.islice(handle, 100):
                yield json.loads(line)["text"]
    for text in texts():
        assert _scanned(text) == _everywhere(text)


def test_values_are_exact_to_the_digits_written():
    """4.1 billion is 4100000000.0, not the float product 4099999999.9999995 (issue 26)."""
    from extractors import extract

    found = {q.text: q.value for q in extract("€4.1 billion and $4.1m, $2¾ billion, 1.15 million people")}
    assert found == {"€4.1 billion": 4100000000.0, "$4.1m": 4100000.0, "$2¾ billion": 2750000000.0,
                     "1.15 million people": 1150000.0}
