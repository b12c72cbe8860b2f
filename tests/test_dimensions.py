"""Each dimension's EXAMPLES and NEGATIVES, kept beside its rules, run as tests."""

from __future__ import annotations

import math

import pytest

from extractors import extract
from extractors.reading.dimensions import REGISTRY

def _cases():
    for dimension in REGISTRY:
        for example in dimension.EXAMPLES:
            marks = [pytest.mark.xfail(reason=example.gap, strict=True)] if example.gap else []
            yield pytest.param(dimension.NAME, example, id=f"{dimension.NAME}: {example.id}", marks=marks)


def _same(expected, actual) -> bool:
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, rel_tol=1e-6)
    return expected == actual


@pytest.mark.parametrize(("name", "example"), list(_cases()))
def test_example(name, example):
    found = [q for q in extract(example.text, title=example.title, published=example.published) if q.dimension == name]
    span = example.span if example.span is not None else example.text
    matching = [q for q in found if q.text == span]
    assert len(matching) == 1, f"expected one {name} figure {span!r}, found {[q.text for q in found]}"
    quantity = matching[0]
    assert example.text[quantity.start:quantity.end] == quantity.text
    if example.span is None:
        assert len(found) == 1, f"a positive example is one full-span match, found {[q.text for q in found]}"
    for key, expected in example.expectations().items():
        assert _same(expected, getattr(quantity, key)), f"{key}: expected {expected!r}, got {getattr(quantity, key)!r}"


def _negatives():
    for dimension in REGISTRY:
        for text in dimension.NEGATIVES:
            yield pytest.param(dimension.NAME, text, id=f"{dimension.NAME} negative: {text[:50]}")


@pytest.mark.parametrize(("name", "text"), list(_negatives()))
def test_negative(name, text):
    assert [q.text for q in extract(text) if q.dimension == name] == []


def test_every_dimension_has_examples_and_negatives():
    for dimension in REGISTRY:
        assert len(dimension.EXAMPLES) >= 5 and dimension.NEGATIVES, dimension.NAME


def test_every_lexicon_unit_converts_to_its_normalized_unit():
    from extractors.reading import units

    for dimension in REGISTRY:
        lexicon = getattr(dimension, "LEXICON", None) or {**getattr(dimension, "SUFFIXES", {}),
                                                          **getattr(dimension, "PREFIXES", {})}
        normalized = getattr(dimension, "NORMALIZED", {})
        target = getattr(dimension, "NORMALIZED_UNIT", None)
        for surface, unit in lexicon.items():
            goal = normalized.get(unit, target or unit)
            assert units.convert(1.0, unit, goal) is not None, f"{dimension.NAME}: {surface!r} -> {unit} -> {goal}"
