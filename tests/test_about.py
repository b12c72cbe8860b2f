"""The labeller's examples and negatives (extractors/reading/about/examples.py), run as tests."""

from __future__ import annotations

import math

import pytest

from extractors import extract
from extractors.reading.about import CATEGORIES, MEASURES, STAGES, cues
from extractors.reading.about.examples import EXAMPLES, NEGATIVES


def _same(expected, actual) -> bool:
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, rel_tol=1e-6)
    return expected == actual


def _cases():
    for example in EXAMPLES:
        marks = [pytest.mark.xfail(reason=example.gap, strict=True)] if example.gap else []
        yield pytest.param(example, id=f"{example.id} [{example.span}]", marks=marks)


@pytest.mark.parametrize("example", list(_cases()))
def test_example(example):
    found = extract(example.text, title=example.title, published=example.published)
    span = example.span if example.span is not None else example.text
    matching = [q for q in found if q.text == span]
    assert len(matching) == 1, f"expected one figure {span!r}, found {[q.text for q in found]}"
    quantity = matching[0]
    for key, expected in example.expectations().items():
        assert _same(expected, getattr(quantity, key)), f"{key}: expected {expected!r}, got {getattr(quantity, key)!r}"


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(text):
    assert [(q.text, q.category) for q in extract(text) if q.category != "other"] == []


def test_cue_files_speak_the_vocabulary():
    for category, measure in cues.CATEGORY_MEASURES:
        assert category in CATEGORIES and (measure in MEASURES or not measure and category in ("troops", "other")), (category, measure)
    assert set(cues.STAGES_TABLE.values()) <= set(STAGES)
