"""The lexicons in extractors/data/: the generated files match their sources, the hand files
are well-formed, and the loader answers what its users rely on."""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import pytest

from extractors.reading import lexicons

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "extractors" / "data"
WORDNET = Path("/usr/share/wordnet")
sys.path.insert(0, str(ROOT / "scripts"))

import generate_lexicons  # noqa: E402


def rows(name: str) -> list[tuple[str, ...]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return [tuple(r) for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def test_files_are_utf8_lf_with_a_header():
    for name, header in [("nouns.tsv", generate_lexicons.NOUNS_HEADER),
                         ("actors.tsv", generate_lexicons.ACTORS_HEADER),
                         ("nouns-extra.tsv", ("form", "class", "reason")),
                         ("actors-extra.tsv", ("form", "actor", "kind", "case", "reason"))]:
        raw = (DATA / name).read_bytes()
        raw.decode("utf-8")
        assert b"\r" not in raw and raw.endswith(b"\n"), name
        assert rows(name)[0] == header, name


# --- drift: the generated files are what their sources give -------------------------------

def test_nouns_tsv_is_what_wordnet_gives():
    if not (WORDNET / "data.noun").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{WORDNET / 'data.noun'} is missing: CI installs wordnet-base "
                        "(apt-get install wordnet-base), so the drift test must run there")
        pytest.skip(f"{WORDNET / 'data.noun'} not found: install Debian's wordnet-base "
                    "to check nouns.tsv against WordNet")
    generated = generate_lexicons.nouns_rows(WORDNET)
    committed = rows("nouns.tsv")[1:]
    assert generated == committed, (
        "nouns.tsv differs from what WordNet gives: run "
        "`.venv/bin/python scripts/generate_lexicons.py` and review the diff")


def test_adjectives_tsv_is_what_wordnet_gives():
    if not (WORDNET / "index.adj").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{WORDNET / 'index.adj'} is missing: CI installs wordnet-base")
        pytest.skip(f"{WORDNET / 'index.adj'} not found: install Debian's wordnet-base")
    generated = [tuple(r) for r in generate_lexicons.adjectives_rows(WORDNET)]
    committed = [tuple(r) for r in rows("adjectives.tsv")[1:]]
    assert generated == committed, "adjectives.tsv differs from WordNet: run scripts/generate_lexicons.py"


def _needs_wordnet(name: str = "data.verb") -> None:
    if not (WORDNET / name).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{WORDNET / name} is missing: CI installs wordnet-base")
        pytest.skip(f"{WORDNET / name} not found: install Debian's wordnet-base")


def test_harm_words_are_what_wordnet_gives():
    _needs_wordnet()
    assert generate_lexicons.harm_rows(WORDNET) == rows("measures-wordnet.tsv")[1:], (
        "measures-wordnet.tsv differs from WordNet: run scripts/generate_lexicons.py and review the diff")
    assert generate_lexicons.violence_rows(WORDNET) == rows("violence-wordnet.tsv")[1:], (
        "violence-wordnet.tsv differs from WordNet: run scripts/generate_lexicons.py and review the diff")


def test_every_harm_exclusion_excludes_a_lemma_under_the_roots():
    _needs_wordnet()
    under = set()
    for pos, roots, *_ in (*generate_lexicons.HARM_ROOTS, *generate_lexicons.VIOLENCE_ROOTS):
        under |= set(generate_lexicons.wordnet(WORDNET, pos).first_sense_under(list(roots)))
    assert set(generate_lexicons.NOT_HARM) <= under, sorted(set(generate_lexicons.NOT_HARM) - under)


def test_verb_forms():
    _needs_wordnet()
    verbs = generate_lexicons.wordnet(WORDNET, "verb")
    nouns = set(generate_lexicons.wordnet(WORDNET, "noun").senses)
    assert generate_lexicons.verb_forms("slay", verbs, nouns) == ["slay", "slays", "slain", "slew", "slaying"]
    # a verb that is also a noun gives no base form: "shell" is read as the noun
    assert generate_lexicons.verb_forms("shell", verbs, nouns) == ["shelled", "shelling"]
    assert generate_lexicons.verb_forms("gun_down", verbs, nouns)[2] == "gunned down"
    assert "counterstruck" in generate_lexicons.verb_forms("counterstrike", verbs, nouns)
    assert generate_lexicons.verb_forms("carpet_bomb", verbs, nouns) == []


def test_hand_measures_add_to_or_replace_the_generated_ones():
    """A hand row of measures.tsv gives what WordNet does not: a cue it lacks, or another label."""
    generated = {(r[0], r[1]): r[2:4] for r in rows("measures-wordnet.tsv")[1:]}
    with open(DATA / "measures.tsv", encoding="utf-8", newline="") as f:
        hand = [r for r in csv.reader((line for line in f if not line.startswith("#")),
                                       delimiter="\t", quoting=csv.QUOTE_NONE)][1:]
    same = [r[:2] for r in hand if generated.get((r[0], r[1])) == tuple(r[2:4])]
    assert not same, f"hand rows WordNet gives alike: {same}"


def test_actors_tsv_is_what_pycountry_gives():
    generated = generate_lexicons.actors_rows()
    committed = rows("actors.tsv")[1:]
    assert generated == committed, (
        "actors.tsv differs from what pycountry and actors-extra.tsv give: run "
        "`.venv/bin/python scripts/generate_lexicons.py` and review the diff")


def test_generated_files_are_sorted_and_unique():
    nouns = rows("nouns.tsv")[1:]
    assert nouns == sorted(nouns)
    assert len({r[0] for r in nouns}) == len(nouns)
    assert all(r[1] in lexicons.NOUN_CLASSES for r in nouns)
    assert all(r[0] == lexicons.normalize(r[0]) for r in nouns)
    actors = rows("actors.tsv")[1:]
    assert len({r[0].casefold() for r in actors}) == len(actors)
    assert all("," not in r[0] for r in actors)


# --- the hand files are well-formed ---------------------------------------------------------

def test_nouns_extra_is_well_formed():
    table = rows("nouns-extra.tsv")
    assert all(len(r) == 3 for r in table), [r for r in table if len(r) != 3]
    forms = [r[0] for r in table[1:]]
    assert len(forms) == len(set(forms)), sorted(f for f in forms if forms.count(f) > 1)
    for form, cls, reason in table[1:]:
        assert form == lexicons.normalize(form), f"{form!r}: lower case, single spaces"
        assert cls in (*lexicons.NOUN_CLASSES, lexicons.REMOVE), f"{form}: class {cls!r}"
        assert reason.strip(), f"{form}: no reason"


def test_nouns_extra_removals_remove_wordnet_forms():
    wordnet = {r[0] for r in rows("nouns.tsv")[1:]}
    for form, cls, _ in rows("nouns-extra.tsv")[1:]:
        if cls == lexicons.REMOVE:
            assert form in wordnet, f"{form}: removes a form nouns.tsv does not have"


def test_actors_extra_is_well_formed():
    import pycountry

    table = rows("actors-extra.tsv")
    assert all(len(r) == 5 for r in table), [r for r in table if len(r) != 5]
    keys = [r[0].casefold() for r in table[1:]]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    pycountry_names = {getattr(c, a).casefold() for c in pycountry.countries
                       for a in ("name", "common_name", "official_name") if getattr(c, a, None)}
    # display names: those of actors.tsv, and those the mapping rows give (pycountry COD has
    # no form of its own, only "Congo, The Democratic Republic of the")
    displays = {r[1] for r in rows("actors.tsv")[1:]} | {r[1] for r in table[1:] if "," in r[0]}
    for form, actor, kind, case, reason in table[1:]:
        assert form.strip() == form and form and actor, f"{form!r}"
        assert kind in lexicons.ACTOR_KINDS, f"{form}: kind {kind!r}"
        assert case in lexicons.CASES, f"{form}: case {case!r}"
        assert reason.strip(), f"{form}: no reason"
        if kind == "demonym":
            assert case == "exact", f"{form}: demonyms match only as written"
        if "," in form:
            assert form.casefold() in pycountry_names, f"{form}: mapping row names no pycountry country"
        if kind in ("country", "capital", "demonym"):
            assert actor in displays, f"{form}: actor {actor!r} is no country's display name"


# --- what users rely on ---------------------------------------------------------------------

@pytest.mark.parametrize("phrase, cls", [
    ("North Korean troops", "military_personnel"),
    ("soldiers", "military_personnel"),
    ("servicemen", "military_personnel"),
    ("marines", "military_personnel"),
    ("militants", "military_personnel"),
    ("Wagner fighters", "military_personnel"),
    ("civilians", "people"),
    ("children", "people"),
    ("people", "people"),
    ("aid workers", "people"),
    ("armoured personnel carriers", "equipment"),
    ("tanks", "equipment"),
    ("helicopters", "equipment"),
    ("missiles", "weapons"),
    ("rockets", "weapons"),
    ("Shahed drones", "weapons"),
    ("artillery shells", "weapons"),
    ("rounds", "weapons"),
    ("homes", "structures"),
    ("power plants", "structures"),
    ("  Residential\n buildings ", "structures"),
    ("schools", "structures"),
])
def test_noun_class(phrase, cls):
    assert lexicons.noun_class(phrase) == cls


def test_noun_class_unknown_and_removed():
    assert lexicons.noun_class("billion dollars") is None
    assert lexicons.noun_class("") is None
    assert lexicons.noun_class("launches") is None            # removed by nouns-extra.tsv
    assert "launches" not in lexicons.noun_classes()


def test_actors():
    found = {a.form: a for a in lexicons.actors()}
    assert found["Russia"].actor == "Russia"
    assert found["Russian Federation"].actor == "Russia"
    assert found["Kremlin"].actor == "Russia" and found["Kremlin"].kind == "capital"
    assert found["South Korea"].actor == "South Korea"
    assert found["Türkiye"].actor == found["Turkey"].actor == "Turkey"
    assert found["WHO"].case_sensitive and found["WHO"].kind == "organization"
    assert found["US"].case_sensitive and found["UN"].case_sensitive
    assert not found["Ukraine"].case_sensitive
    assert found["American"].kind == "demonym" and found["American"].case_sensitive
    assert found["Pentagon"].actor == "Pentagon"
    assert not any("," in a.form for a in found.values())
    assert len({a.form.casefold() for a in found.values()}) == len(found)


def test_extra_rows_win_over_generated_ones():
    generated = {r[0]: r for r in rows("actors.tsv")[1:]}
    assert generated["China"][3] == "exact"                  # the hand file's case is used
    found = {a.form: a for a in lexicons.actors()}
    assert found["China"].case_sensitive


def test_units_file_is_what_pints_registry_gives():
    """extractors/data/units.tsv is generated: regenerating it from pint must give the
    committed bytes (`.venv/bin/python scripts/generate_units.py` rewrites it)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_units", ROOT / "scripts" / "generate_units.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "extractors" / "data" / "units.tsv").read_text(encoding="utf-8")
    assert module.render(module.units_rows()) == committed, "run scripts/generate_units.py"


def test_units_extra_is_well_formed():
    from extractors.reading import units

    rows = units._rows("units-extra.tsv")
    seen = set()
    for row in rows:
        assert row["reason"].strip(), row
        assert row["case"] in ("any", "exact", "glued", "-"), row
        key = (row["form"], row["dimension"])
        assert key not in seen, f"{key} twice"
        seen.add(key)
        if row["unit"] != units.BLOCKED:
            assert units.registry().Unit(row["unit"]), row


def test_dangerous_unit_forms_never_match_bare():
    from extractors import extract

    for text, form in (("he was 5 in a row", "in"), ("5 s later", "s"), ("wait 5 h", "h"),
                       ("min 5 years or 5 min", "min"), ("5 t of it", "t"), ("a 5 pt lead", "pt"),
                       ("Line 5 L", "L"), ("5 W of the city", "W"), ("5B people", "B"),
                       ("a 5K run", "K"), ("5 bars", "bars"), ("5 J Crew", "J"), ("at 5 pm", "pm")):
        assert [q.text for q in extract(text) if q.text.endswith(form) and q.dimension != "count"] == [], text
