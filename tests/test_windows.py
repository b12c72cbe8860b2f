"""Windows never cut a figure (issue 30 §6): a long document read window by window gives the
figures the whole text gives, wherever a window's part ends, in text with spaces and without."""

from __future__ import annotations

import pytest

from extractors.reading.engine import OVERLAP, extract, extract_document, windows


def figures(quantities) -> list[tuple]:
    return [(q.start, q.end, q.text, q.value, q.low, q.high, q.qualifier, q.unit, q.category) for q in quantities]


def assert_windows_read_as_the_whole(text: str, size: int) -> None:
    whole = figures(extract(text, "d"))
    assert whole, "the text must hold figures"
    assert figures(extract_document(text, "d", window=size)) == whole, size


def test_a_phrase_on_every_cut_point_is_read_whole():
    """Regression: where no break fell in a window's second half but the spaces of a phrase,
    the window ended inside it, and "up to 300 km" was published as "300 km" exact, category
    other. Here the phrase is the only place with spaces, at every offset from a window's end."""
    size = 400
    for before in range(size // 2 - 20, size + 20):
        text = "x" * before + " The missiles can travel up to 300 km (190 miles) " + "x" * 300
        assert_windows_read_as_the_whole(text, size)


@pytest.mark.parametrize("unit", ["12345km", "$1,234,567", "5kmſ", "300km(190miles)", "over\u00a02,000\u00a0troops"])
def test_text_without_spaces_is_never_cut_inside_a_figure(unit):
    """Regression: in text without spaces a window ended at its size, so a cut inside
    "12345 km" published "45 km" (and in text spaced only by no-break spaces, inside the
    phrase). Window sizes over twice a unit's length: a part ending at every offset in it."""
    period = len(unit) + 1
    text = (unit + ";") * 40
    for size in range(12 * period, 14 * period):
        assert_windows_read_as_the_whole(text, size)


def test_a_window_reads_at_most_its_size_and_every_character_is_owned_once():
    text = "up to 300 km (190 miles) " * 2_000 + "12345km" * 3_000
    for size in (1_000, 10_000, 50_000):
        spans = windows(text, size)
        assert all(w.end - w.start <= size for w in spans)
        assert [(w.own_start, w.own_end) for w in spans] == \
            list(zip([0] + [w.own_end for w in spans[:-1]], [w.own_end for w in spans]))
        assert spans[-1].own_end == len(text)
        assert all(w.start <= w.own_start - min(OVERLAP, size // 8) or w.start == 0 for w in spans)


def test_a_window_ends_at_a_paragraph_break_where_there_is_one():
    text = ("Russia launched 90 missiles. " * 10 + "\n\n") * 100
    spans = windows(text, 5_000)
    assert len(spans) > 5 and all(text[w.own_end - 2:w.own_end] == "\n\n" for w in spans[:-1])
