"""Hostile input: any text at all gives figures whose offsets hold, and nothing crashes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import extract

NEWSY = st.lists(st.sampled_from(list("0123456789 ,.-–()$€£%\u00a0\u2009\n") + ["km", "miles", "over ", "up to ", "between ", " and ", "billion",
                                            "tens of ", "troops", "people killed", "per cent", "days", "a dozen ",
                                            "two ", "million", "m", "k", "bn", "US$", "U.S. ", "½", "1/2", " ft", " in", "tonnes",
    "km/h", "euro cents", "\u2212", "=", "Shahed-", "June ", "in 2023 ", "or more", "-plus",
    "handed over ", "of the ", "killed", "destroyed", "a half", "sq km", "£", "pounds"]),
    max_size=60).map("".join)


def _check(text: str) -> None:
    quantities = extract(text)
    ends = [0]
    for q in quantities:
        assert text[q.start:q.end] == q.text
        assert q.sentence[q.start - q.sentence_start:q.end - q.sentence_start] == q.text
        assert q.start >= ends[-1], "figures never overlap"
        ends.append(q.end)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text):
    _check(text)


@settings(max_examples=500, deadline=None)
@given(NEWSY)
def test_text_made_of_figures(text):
    _check(text)


def test_pathological_inputs_finish():
    for text in ["1," * 50_000, "9" * 200_000, "over " * 40_000 + "5 km", "tens of " * 20_000,
                 "- 5" * 30_000, "$" * 100_000, "1 2 3 " * 30_000 + "km", "\u2009000" * 30_000,
                 "a " * 50_000 + "dozen", "between 1 and " * 20_000]:
        _check(text)


def test_inputs_that_once_crashed():
    for text in ["5-0 billion dollars", "between 5 and 0 billion", "0.5-0.0 billion",
                 "1" * 5000 + "-2,000 troops", "a range of " + "9" * 400 + " km.", "$5m-$10 million"]:
        _check(text)
    assert all(q.normalized_value is None or q.normalized_value < float("inf")
               for q in extract("a range of " + "9" * 400 + " km."))


def test_not_a_string_is_a_clear_error():
    import pytest

    with pytest.raises(TypeError, match="needs a str"):
        extract(b"5 km")


def test_sentences_stay_bounded_without_sentence_ends():
    from extractors.reading.engine import MAX_CONTEXT

    text = "5 km and " * 3000
    quantities = extract(text)
    assert len(quantities) == 3000
    for q in quantities:
        assert len(q.sentence) <= 2 * MAX_CONTEXT + len(q.text)
        assert q.sentence[q.start - q.sentence_start:q.end - q.sentence_start] == q.text


def test_inf_is_never_published():
    """Regression (bad input, defect 2): 300 nines before "bn EUR" gave an infinite value."""
    import math

    for text in ["9" * 300 + "bn EUR", "9" * 20 + " million dollars", "1" * 400 + "m tanks"]:
        for q in extract(text):
            for v in (q.value, q.low, q.high, q.normalized_value, q.normalized_low, q.normalized_high):
                assert v is None or math.isfinite(v), (text[:30], q)


def test_case_folding_characters_in_units_do_not_crash():
    """Regression (bad input, defect 1): "5 MİLES" and "5 kmſ" raised KeyError."""
    for text in ["5 MİLES", "5 kmſ", "5 ſtones", "10 KM", "3 Å", "2 ß", "7 K"]:
        for q in extract(text):
            assert text[q.start:q.end] == q.text


def test_every_table_a_case_blind_match_is_looked_up_in_is_keyed_by_fold():
    """Regression (fuzzing): "1 mİllion", "5 centſ", "aſ many as 5 km" and eight more raised
    KeyError: a case-blind pattern matched "İ" as "i" and "ſ" as "s", and str.lower() left
    the matched text in no table. Every such table is keyed by patterns.key."""
    from extractors.reading import numerals, qualifiers
    from extractors.reading.about import cues
    from extractors.reading.patterns import fold, key

    tables = [numerals.SCALES, numerals.VAGUE, qualifiers.BEFORE, qualifiers.AFTER, cues.STAGES_TABLE,
              *cues.BY_CLASS.values()]
    for table in tables:
        assert [k for k in table if k != key(k)] == []
    assert (fold("MİLES"), fold("kmſ"), fold("\u212a"), fold("µ")) == ("miles", "kms", "k", "μ")
    for text in ["1 mİllion", "quarter mİllion", "tens of billionſ", "5 centſ", "5 square mİles",
                 "5 percentage poİnts", "aſ many as 5 km", "5 km or ſo", "loſt billions civilians",
                 "UK receİved USD 5"]:
        _check(text)


def test_ascii_folded_finds_what_a_case_blind_pattern_finds():
    """patterns.ascii_folded writes every character a case-blind `regex` pattern matches as an
    ASCII letter as that letter in lower case, and no other character as one; offsets hold.
    (The count reader looks for its casualty stems in text folded so.)"""
    import re
    import string

    import regex

    from extractors.reading.patterns import ascii_folded

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = ascii_folded(every)
    assert len(folded) == len(every)
    for letter in string.ascii_lowercase:
        blind = [m.start() for m in regex.finditer(letter, every, regex.IGNORECASE)]
        assert [m.start() for m in re.finditer(letter, folded)] == blind, letter


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["KILL", "kil", "l", "ſ", "İ", "\u212a", "ed", " ", "5", "Dea", "d", "DİE",
                                 "wOUN", "hurt", "ı", "\u0307", "x", "miſs", "\u00e9"]), max_size=40).map("".join))
def test_casualty_stems_found_as_a_case_blind_pattern_finds_them(text):
    import regex

    from extractors.reading.dimensions import count
    from extractors.reading.patterns import ascii_folded

    blind = regex.compile("|".join(regex.escape(s) for s in sorted(count._CASUALTY_STEMS)), regex.IGNORECASE)
    assert (count._CASUALTY_NEAR.search(ascii_folded(text)) is None) == (blind.search(text) is None)


def test_ascii_folded_keeps_every_other_printable_ascii_character():
    """A cue's first word may hold digits and signs ("d-marks", "u.s."): each of them a
    case-blind pattern matches as itself only, and ascii_folded writes only it so."""
    import re
    import string

    import regex

    from extractors.reading.patterns import ascii_folded

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = ascii_folded(every)
    for character in set(string.printable) - set(string.ascii_letters):
        blind = [m.start() for m in regex.finditer(regex.escape(character), every, regex.IGNORECASE)]
        assert [m.start() for m in re.finditer(re.escape(character), folded)] == blind, character


_CUE_PIECES = st.sampled_from(["killed", "KİLLED", "ſhot", " down", "shot\ndown", "wounded", "aid", "AİD", "pledged",
                               "committed", "storm", "\u212aILLED", "s", "-", " ", ".", "5", "x", "é", "\u0307",
                               "humanitarian", "military", "casualties", "de", "ad", "ly", "\n", "provided", "ı", "I", "FEMA",
                               "Medicaid", "mıssıng", "MISSING"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_CUE_PIECES, max_size=30).map("".join))
def test_cue_patterns_match_as_their_regex_does(text):
    from extractors.reading.about import cues

    for pattern in [cues.AID_CUE, cues.STAGE_CUE, cues.NOT_WAR, cues.NOT_GIVEN, cues.PAY, cues.AID_KIND_CUE,
                    *cues.MEASURE_CUES.values()]:
        found = pattern.search(text)
        expected = pattern.regex.search(text)
        assert (found and (found.span(), found.group("cue"))) == (expected and (expected.span(), expected.group("cue")))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.regex.finditer(text)]


def test_case_blind_is_what_a_case_blind_pattern_matches():
    """patterns.case_blind, which the readers' first- and last-character checks are built
    with, against `regex` over every code point, for every character those checks use."""
    import string

    import regex

    from extractors.reading.dimensions import currency, percentage
    from extractors.reading.patterns import case_blind

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    used = set(string.printable) | {w[0] for w in currency.SUFFIXES} | {s[-1] for s in currency.PREFIXES} \
        | {w[0] for w in percentage.LEXICON}
    for character in used:
        blind = {m.group() for m in regex.finditer(regex.escape(character), every, regex.IGNORECASE)}
        assert case_blind(character) == blind, character


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["5", "12", " ", "\u00a0", "\u202f", "\t", "\n", "-", "\u2013", "$", "US$", "u.s. $", "€",
                                 "of", "or more", "plus", "-plus", "points", "per cent", "%", "in", "one", "June", "th",
                                 "over", "OVER", "ſome", "about", "approx.", "~", "to", "and", "between", "dollars",
                                 "EUR", "usd", "killed", "x", "İ", "(", ")"]), max_size=30).map("".join))
def test_first_and_last_character_checks_change_no_figure(text):
    """The readers try a pattern only where the character next to the number is one it may
    start (or end) with: the same figures as trying every pattern everywhere."""
    from unittest import mock

    from extractors.reading import numerals, qualifiers
    from extractors.reading.dimensions import count, currency, percentage

    checked = [(q.start, q.end, q.text, q.qualifier, q.rule, q.value, q.low, q.high) for q in extract(text)]
    # the checks, each made to let everything through
    with mock.patch.object(qualifiers, "_BEFORE_ENDS", _Everything()), \
            mock.patch.object(qualifiers, "_AFTER_STARTS", _Everything()), \
            mock.patch.object(qualifiers, "_LINK_STARTS", _Everything()), \
            mock.patch.object(currency, "_PREFIX_ENDS", _Everything()), \
            mock.patch.object(currency, "_SUFFIX_STARTS", _Everything()), \
            mock.patch.object(percentage, "_STARTS", _Everything()), \
            mock.patch.object(count, "_POINTS_STARTS", _Everything()), \
            mock.patch.object(numerals, "_MONTH_BEFORE_ENDS", _Everything()), \
            mock.patch.object(numerals, "_MONTH_AFTER_STARTS", _Everything()):
        unchecked = [(q.start, q.end, q.text, q.qualifier, q.rule, q.value, q.low, q.high) for q in extract(text)]
    assert checked == unchecked


class _Everything:
    def __contains__(self, item) -> bool:
        return True
