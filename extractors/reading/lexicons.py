"""The lexicons in extractors/data/, loaded once: noun classes and actors.

Each generated file (nouns.tsv from WordNet, actors.tsv from pycountry) is overlaid by its
hand-reviewed companion (nouns-extra.tsv, actors-extra.tsv); see data/PROVENANCE.md.

>>> noun_class("North Korean troops")
'military_personnel'
>>> noun_class("armoured  personnel carriers")
'equipment'
>>> noun_class("Shahed drones"), noun_class("power plants"), noun_class("budget") is None
('weapons', 'structures', True)
>>> [a.actor for a in actors() if a.form == "Kremlin"]
['Russia']
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import patterns

DATA = Path(__file__).resolve().parents[1] / "data"  # extractors/data: the vocabulary files

NOUN_CLASSES = ("people", "military_personnel", "weapons", "equipment", "structures", "places")
REMOVE = "-"                   # the class of a nouns-extra.tsv row that removes the form
ACTOR_KINDS = ("country", "capital", "demonym", "organization", "armed_group")
CASES = ("any", "exact")
MAX_HEAD_WORDS = 3


@dataclass(frozen=True)
class Actor:
    """A surface form naming an actor: `form` matches case-insensitively unless case_sensitive."""

    form: str
    actor: str
    kind: str
    case_sensitive: bool


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of a data file as dicts keyed by its header; `#` comment lines, which hand
    files may open with, are left out."""
    with open(DATA / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def normalize(phrase: str) -> str:
    """Lower case, single spaces.

    >>> normalize("  Power\\n Plants ")
    'power plants'
    """
    return patterns.key(phrase)


@cache
def noun_classes() -> dict[str, str]:
    """form -> class, from nouns.tsv overlaid by nouns-extra.tsv (class `-` removes a form)."""
    classes = {row["form"]: row["class"] for row in read_tsv("nouns.tsv")}
    for row in read_tsv("nouns-extra.tsv"):
        if row["class"] == REMOVE:
            classes.pop(row["form"], None)
        else:
            classes[row["form"]] = row["class"]
    return classes


def noun_class(phrase: str) -> str | None:
    """The class of a noun phrase's head: its longest trailing run of words (3, 2, then 1) that
    is a known form.

    >>> noun_class("civilians"), noun_class("Ukrainian servicemen"), noun_class("rounds")
    ('people', 'military_personnel', 'weapons')
    >>> noun_class("") is None
    True
    """
    words = normalize(phrase).split(" ")
    classes = noun_classes()
    for n in range(min(MAX_HEAD_WORDS, len(words)), 0, -1):
        found = classes.get(" ".join(words[-n:]))
        if found:
            return found
    return None


def actors() -> list[Actor]:
    """Every actor form, from actors.tsv overlaid by actors-extra.tsv: an extra row replaces
    the generated row of the same form (compared case-insensitively). Extra rows whose form
    has a comma ("Palestine, State of") only map a pycountry name to a display name for the
    generator and are not forms. Sorted by form.

    >>> [a for a in actors() if a.form == "WHO"]
    [Actor(form='WHO', actor='WHO', kind='organization', case_sensitive=True)]
    """
    return list(_actors())


@cache
def _actors() -> tuple[Actor, ...]:
    rows: dict[str, Actor] = {}
    for name in ("actors.tsv", "actors-extra.tsv"):
        for row in read_tsv(name):
            if "," in row["form"]:
                continue
            rows[row["form"].casefold()] = Actor(row["form"], row["actor"], row["kind"],
                                                 row["case"] == "exact")
    return tuple(sorted(rows.values(), key=lambda a: (a.form.casefold(), a.form)))


@cache
def adjectives() -> frozenset[str]:
    """Words that are only adjectives in WordNet (adjectives.tsv): modifiers of a counted noun.

    >>> "playable" in adjectives(), "left" in adjectives()
    (True, False)
    """
    return frozenset(row["form"] for row in read_tsv("adjectives.tsv"))


@cache
def demonyms() -> frozenset[str]:
    """The demonyms of the actor gazetteer, lower-cased ("ukrainian", "israelis")."""
    return frozenset(patterns.fold(a.form) for a in actors() if a.kind == "demonym")
