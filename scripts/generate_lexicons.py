"""Regenerate the generated lexicons in extractors/data/ from their sources.

    .venv/bin/python scripts/generate_lexicons.py            # rewrite the generated files
    .venv/bin/python scripts/generate_lexicons.py --check    # exit 1 if the committed files differ

nouns.tsv comes from WordNet 3.0's own database files (Debian's wordnet-base puts them in
/usr/share/wordnet): data.noun for synsets, their lemmas and hypernym pointers, index.noun for
each lemma's senses in frequency order, noun.exc for irregular plurals. No nltk, no download.

A lemma gets a class when its FIRST noun sense (the most frequent, first in index.noun) has one
of the class's root synsets in its hypernym closure (`@` pointers only: instance hypernyms `@i`
are not followed, and a first sense that is itself an instance, a proper noun, is skipped).
Only lemmas that WordNet writes in lower case somewhere, of at most MAX_WORDS words, are kept;
each gives its own form and its plural(s). Where a form gets several classes the one first in
PRIORITY wins. The `synset` column names the nearest root that gave the class, in nltk's
lemma.pos.NN style, computed from the data files (first lemma of the synset, and the position
of the synset among that lemma's senses in index.noun).

measures-wordnet.tsv and violence-wordnet.tsv come from the same database's verbs and nouns
(data.verb, index.verb, verb.exc): the words of killing, wounding, displacement and attack
under the root synsets of HARM_ROOTS and VIOLENCE_ROOTS, by the same first-sense rule, with
their inflected forms, less the reviewed exclusions of NOT_HARM.

actors.tsv comes from pycountry's ISO 3166-1 table; display names and the case of a form can be
overridden by the hand-reviewed extractors/data/actors-extra.tsv (see PROVENANCE.md).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import functools
import re
import sys
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "extractors" / "data"
WORDNET_DIR = Path("/usr/share/wordnet")

NOUNS_HEADER = ("form", "class", "synset")
ACTORS_HEADER = ("form", "actor", "kind", "case", "source")

MAX_WORDS = 3

# Root synsets of each class, named as nltk names them (checked against the data files).
# The closure of the first sense is searched from the lemma upwards; the nearest root found
# is reported, ties going to the root listed first.
ROOTS: dict[str, tuple[str, ...]] = {
    "military_personnel": (
        "military_personnel.n.01",  # "soldiers collectively": troops, soldiery, garrison, cavalry
        "serviceman.n.01",          # member of the armed forces: soldier, marine, officer, draftee...
        "warrior.n.01",             # guerrilla, irregular, insurgent (also under revolutionist)
    ),
    "people": (
        "person.n.01",              # a human being: every individual noun
        "people.n.01",              # groups of human beings: people, population, the dead, the wounded
    ),
    "weapons": (
        "missile.n.01",
        "bomb.n.01",
        "projectile.n.01",
        "ammunition.n.01",          # shell, round, cartridge
        "explosive_device.n.01",    # mines, grenades, torpedoes, IEDs
        "weapon.n.01",              # guns, rifles, swords, missiles
        "weaponry.n.01",            # arms, armament, artillery, launchers
    ),
    "equipment": (
        "military_vehicle.n.01",    # tanks, personnel carriers, warships, warplanes
        "aircraft.n.01",            # helicopters, jets, drones (sense 4), airships
        "vessel.n.02",              # ships and boats
        "craft.n.02",               # aircraft, vessels, hovercraft, spacecraft
        "vehicle.n.01",             # trucks, cars, trains, rockets (sense 1)
    ),
    "structures": (
        "building.n.01",            # houses, hospitals, churches, schools' buildings
        "housing.n.01",             # dwellings, apartments
        "facility.n.01",            # stations, substations, power plants, airports, bases
        "structure.n.01",           # bridges, dams, towers, fortifications
    ),
}
# Capitalized nouns (the names of peoples and groups: Syrian, Kurd) get the class people where
# a sense of theirs is a person.
PEOPLE_BY_NAME = "person.n.01"
# The more specific class wins where a form gets more than one.
PRIORITY = ("military_personnel", "weapons", "equipment", "structures", "people")

# noun.exc lists the irregular plurals; for these lemmas, and those in -um and -o, the regular
# plural is used as well (noun.exc gives only the old or learned one: brethren, banditti,
# stadia, commandoes).
ALSO_REGULAR = frozenset({"brother", "penny", "index", "appendix", "genius", "bandit", "taxi",
                          "cherub", "beau", "chateau", "sphinx", "dwarf", "swami"})
# -ch words said /k/: plural -s, not -es.
CH_AS_K = ("monarch", "patriarch", "matriarch", "oligarch", "hierarch", "tetrarch", "exarch",
           "ethnarch", "heresiarch", "eunuch", "stomach", "epoch", "loch", "triptych", "tech")
# Words ending in "man" that are not compounds of man: plural -s.
MAN_NOT_COMPOUND = frozenset({"human", "shaman", "talisman", "caiman", "cayman", "ataman",
                              "hetman", "brahman", "dragoman", "doberman", "dolman", "desman",
                              "ottoman", "walkman", "pullman", "german", "roman", "musselman",
                              "mussulman", "turkoman", "leman", "everyman"})
PREPOSITIONS = frozenset({"of", "in", "at", "on", "for", "to", "de", "du", "from", "by"})


# --- WordNet -------------------------------------------------------------------------------

class WordNet:
    """One part of speech of a WordNet 3.0 database (`noun` or `verb`), read from its own files."""

    def __init__(self, wordnet_dir: Path, pos: str = "noun"):
        self.pos = pos
        letter = pos[0]
        self.words: dict[str, list[str]] = {}       # offset -> lemmas as written
        self.hypernyms: dict[str, list[str]] = {}   # offset -> `@` targets
        self.instance: set[str] = set()             # offsets with `@i` pointers
        with open(wordnet_dir / f"data.{pos}", encoding="utf-8", newline="\n") as f:
            for line in f:
                if line.startswith("  "):           # the licence header
                    continue
                fields = line.split(" | ", 1)[0].split()
                offset, w_cnt = fields[0], int(fields[3], 16)
                self.words[offset] = [fields[4 + 2 * i] for i in range(w_cnt)]
                i = 4 + 2 * w_cnt
                p_cnt = int(fields[i])
                i += 1
                hyper = []
                for _ in range(p_cnt):
                    symbol, target, target_pos = fields[i], fields[i + 1], fields[i + 2]
                    i += 4
                    if target_pos != letter:
                        continue
                    if symbol == "@":
                        hyper.append(target)
                    elif symbol == "@i":
                        self.instance.add(offset)
                self.hypernyms[offset] = hyper
        self.senses: dict[str, list[str]] = {}      # lemma (lower case) -> offsets, sense order
        with open(wordnet_dir / f"index.{pos}", encoding="utf-8", newline="\n") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                synset_cnt = int(fields[2])
                self.senses[fields[0]] = fields[-synset_cnt:]
        # base -> irregular inflected forms: plurals (noun.exc), past forms and participles,
        # doubled consonants included (verb.exc: "stabbed", "gunning")
        self.plurals: dict[str, list[str]] = {}
        with open(wordnet_dir / f"{pos}.exc", encoding="utf-8", newline="\n") as f:
            for line in f:
                inflected, *bases = line.split()
                for base in bases:
                    self.plurals.setdefault(base, []).append(inflected)
        # lemmas WordNet writes in lower case in at least one synset
        self.lowercase = {w for ws in self.words.values() for w in ws if w == w.lower()}

    def name(self, offset: str) -> str:
        """nltk's name of a synset: its first lemma, pos, sense number of that lemma."""
        lemma = self.words[offset][0].lower()
        return f"{lemma}.{self.pos[0]}.{self.senses[lemma].index(offset) + 1:02d}"

    def synset(self, name: str) -> str:
        """The offset of a synset named lemma.n.NN (lemma.v.NN), checked to be its canonical name."""
        lemma, pos, number = name.rsplit(".", 2)
        assert pos == self.pos[0], name
        offset = self.senses[lemma][int(number) - 1]
        if self.name(offset) != name:
            raise ValueError(f"{name} is not a canonical synset name: it is {self.name(offset)}")
        return offset

    def closure(self, offset: str) -> dict[str, int]:
        """Every hypernym of a synset (itself included) with its distance, `@` links only."""
        depth = {offset: 0}
        queue = deque([offset])
        while queue:
            current = queue.popleft()
            for parent in self.hypernyms[current]:
                if parent not in depth:
                    depth[parent] = depth[current] + 1
                    queue.append(parent)
        return depth

    def first_sense_under(self, roots: list[tuple[str, bool]]) -> dict[str, str]:
        """lemma -> the root it falls under, for every lemma WordNet writes in lower case
        whose FIRST sense is a root synset itself or, where the root takes its hyponyms, has
        it in its hypernym closure (the nearest root; ties to the one listed first)."""
        resolved = [(self.synset(name), name, hyponyms) for name, hyponyms in roots]
        found = {}
        for lemma, offsets in self.senses.items():
            if lemma not in self.lowercase or len(lemma.split("_")) > MAX_WORDS:
                continue
            first = offsets[0]
            if first in self.instance:
                continue
            depth = self.closure(first)
            hits = [(depth[offset], k, name) for k, (offset, name, hyponyms) in enumerate(resolved)
                    if offset in depth and (hyponyms or offset == first)]
            if hits:
                found[lemma] = min(hits)[2]
        return found


def regular_plural(word: str) -> list[str]:
    """English plural(s) of a single word by the regular rules."""
    lower = word.lower()
    if lower.endswith("man") and lower not in MAN_NOT_COMPOUND \
            and not lower.endswith(("-german", "_german")):
        return [word[:-3] + "men"]                  # servicemen, gunmen, policewomen
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "as")):
        return []                                   # already plural: troops, arms, barracks
    if lower.endswith(CH_AS_K):
        return [word + "s"]                         # monarchs, oligarchs, stomachs
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    return [word + "s"]


def plurals(lemma: str, wn: WordNet) -> list[str]:
    """Plural(s) of a lemma (underscored, as WordNet writes it)."""
    if lemma in wn.plurals:
        found = list(wn.plurals[lemma])
        if lemma in ALSO_REGULAR or lemma.endswith(("um", "o")):
            found += regular_plural(lemma)
        return found
    for sep in ("_", "-"):
        parts = lemma.split(sep)
        if len(parts) > 1:
            # head-first compounds: prisoner_of_war, commander_in_chief
            for k, part in enumerate(parts[1:-1], start=1):
                if part in PREPOSITIONS:
                    return [sep.join(parts[:k - 1] + [p] + parts[k:])
                            for p in plurals(parts[k - 1], wn)]
            return [sep.join(parts[:-1] + [p]) for p in plurals(parts[-1], wn)]
    return regular_plural(lemma)


def nouns_rows(wordnet_dir: Path) -> list[tuple[str, str, str]]:
    """The rows of nouns.tsv (form, class, synset), sorted by form."""
    wn = WordNet(wordnet_dir)
    roots = {cls: [(wn.synset(name), name) for name in names] for cls, names in ROOTS.items()}
    candidates: dict[str, dict[str, str]] = {}      # form -> class -> synset
    for lemma, offsets in wn.senses.items():
        if lemma not in wn.lowercase or len(lemma.split("_")) > MAX_WORDS:
            continue
        first = offsets[0]
        if first in wn.instance:
            continue
        depth = wn.closure(first)
        found = {}
        for cls, rooted in roots.items():
            hits = [(depth[offset], k, name) for k, (offset, name) in enumerate(rooted)
                    if offset in depth]
            if hits:
                found[cls] = min(hits)[2]
        if not found:
            continue
        cls = next(c for c in PRIORITY if c in found)
        for form in [lemma, *plurals(lemma, wn)]:
            candidates.setdefault(form.replace("_", " "), {})[cls] = found[cls]
    # Names of peoples and groups of persons, which WordNet writes only capitalized: "Syrians",
    # "Yemenis", "Sudanese", "Kurds" count people (any of their senses a person's, so that a
    # language's or a dog's first sense does not hide it). Lower-case forms keep their class.
    person = wn.synset(PEOPLE_BY_NAME)
    for lemma, offsets in wn.senses.items():
        if lemma in wn.lowercase or "_" in lemma or not lemma.isalpha() or lemma in candidates:
            continue
        senses = [o for o in offsets if o not in wn.instance and person in wn.closure(o)]
        written = {w for o in senses for w in wn.words[o] if w.lower() == lemma}
        if senses and not all(w.isupper() for w in written):  # an acronym ("DCI") is no people's name
            forms = [lemma] if lemma.endswith("ese") else [lemma, *plurals(lemma, wn)]  # "Sudanese"
            for form in forms:
                candidates.setdefault(form, {}).setdefault("people", PEOPLE_BY_NAME)
    rows = []
    for form, classes in candidates.items():
        cls = next(c for c in PRIORITY if c in classes)
        rows.append((form, cls, classes[cls]))
    return sorted(rows)


# --- the words of harm: WordNet's verbs and nouns of killing, wounding, displacement, attack ---

HARM_HEADER = ("cue", "nouns", "category", "measure", "synset")
VIOLENCE_HEADER = ("cue", "synset")

# What a word under each root says of a figure counting the class of `nouns` (measures.tsv's
# columns; `self`: the counted noun is its own measure). A root marked True takes its
# hyponyms (a verb's troponyms: massacre, behead, strafe), one marked False its own lemmas
# only (flee's hyponyms are elope, abscond, defect; a victim's are prey, quarry, scapegoat).
# A form under two roots takes the first.
HARM_ROOTS = (
    ("verb", (("kill.v.01", True),), ("people",), "casualties", "killed"),
    ("verb", (("injure.v.01", True),), ("people",), "casualties", "wounded"),
    ("verb", (("displace.v.01", True), ("uproot.v.01", True), ("evacuate.v.01", False),
              ("flee.v.01", False), ("expatriate.v.01", True)), ("people",), "casualties", "displaced"),
    ("verb", (("attack.v.01", True), ("attack.v.03", True), ("blast.v.03", True)),
     ("structures", "places"), "damage", "attacked"),
    ("noun", (("attack.n.01", True),), ("self",), "attacks", "launched"),
    ("noun", (("refugee.n.01", True), ("evacuee.n.01", True)), ("self",), "casualties", "displaced"),
    ("noun", (("victim.n.01", False),), ("self",), "casualties", "killed"),
)
# Words of armed violence (violence.tsv's `yes`): attacking, shelling, bombing and their
# kinds, as verbs and nouns; massacres.
VIOLENCE_ROOTS = (
    ("verb", (("attack.v.01", True), ("attack.v.03", True), ("blast.v.03", True))),
    ("noun", (("attack.n.01", True), ("slaughter.n.03", True))),  # massacre, bloodbath, carnage
)


# Lemmas under the roots that are no word of harm in news, with the reason: reviewed by hand
# (2026-12-08), as the plural rules above are. Each is a lemma as WordNet writes it.
NOT_HARM = {
    # kill.v.01: other senses or words in the way
    "off": "a preposition everywhere: '12 people off the coast'",
    "flight": "the noun: 'passengers on the flight'",
    "erase": "erasing is no killing in news",
    "chine": "butchery, not war", "pip": "sports: 'pipped at the post'",
    "halter": "a garment and a rope", "gibbet": "archaic", "burke": "a name", "scrag": "archaic",
    "vaporize": "of liquids", "commit_suicide": "suicide is no war casualty",
    "asphyxiate": "deaths by smoke and gas leaks", "suffocate": "deaths by smoke and in crushes",
    "knock_off": "prices and copies: 'knocked off 10 percent'", "do_in": "'done in': exhausted",
    "draw_and_quarter": "archaic", "shed_blood": "a figure of speech",
    # injure.v.01: hurt in accidents, sport and medicine, or another sense
    "bruise": "injuries of sport and accidents", "contuse": "medical", "gouge": "prices",
    "grass": "the noun", "handicap": "'3 handicapped people' are disabled", "lame": "the adjective",
    "overstretch": "of resources", "sprain": "sport", "subluxate": "medical",
    "wrick": "dialect", "traumatise": "mental harm is no wound", "traumatize": "mental harm is no wound",
    "run_over": "traffic accidents", "martyrise": "of suffering; 'martyred' people are killed",
    "martyrize": "of suffering; 'martyred' people are killed",
    "shoot": "people shot may be killed or wounded: the text says which ('shot dead')",
    # displace.v.01, flee.v.01
    "crowd_out": "of markets", "transplant": "of organs",
    # attack.v.01
    "circumvent": "of rules", "infest": "of pests", "gas": "of fuel", "teargas": "riot control",
    # attack.n.01
    "charge": "accusations and fees", "countermove": "of politics", "penetration": "of markets",
    "interpenetration": "of ideas", "onrush": "of water", "firing": "dismissals: 'the firing of 300 workers'",
    "volley": "sport", "lying_in_wait": "no event counted", "coup_de_main": "rare",
    "maraud": "of thieves", "infiltration": "of ideas and water",
    # slaughter.n.03
    "mass_murder": "crimes: a mass shooting is called a mass murder (crime.tsv)",
    # refugee.n.01
    "stateless_person": "statelessness is no displacement",
}
# Particles and prepositions after a phrasal verb's verb ("mow down", "put to death"): the verb
# is its first word. Other lemmas of two words ("carpet_bomb", "take_flight") are compounds
# whose inflection WordNet does not give, and are left out.
PARTICLES = frozenset({"down", "off", "out", "up", "back", "over", "in", "away", "on", "to"})
# Verbs whose past forms are the base, which verb.exc leaves out (it lists only the forms
# that differ from the base).
SAME_PAST = frozenset({"put", "hit", "cut", "set", "shut", "let", "hurt", "cast", "burst", "spread",
                       "split", "quit", "rid", "shed", "thrust", "upset"})


def _past(verb: str) -> str:
    if verb in SAME_PAST:
        return verb
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _present_participle(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def verb_forms(lemma: str, wn: WordNet, nouns: set[str]) -> list[str]:
    """The forms a verb lemma is written in: its past forms and participles (irregular ones
    from verb.exc, doubled consonants included: slain, fled, stabbed, gunning; else the
    regular rules), and its base and -s forms unless the lemma is also a noun ("shell",
    "raid", "massacre": the noun is another word, read as a noun where it is one). A
    phrasal verb inflects its first word ("mowed down"); other compounds give none."""
    head, *rest = lemma.split("_")
    if rest and rest[0] not in PARTICLES:
        return []
    irregular = wn.plurals.get(head, [])
    if not irregular:  # "counterstrike" is inflected as "strike": counterstruck
        prefix = next((head[:k] for k in range(2, len(head) - 2) if head[k:] in wn.plurals), None)
        irregular = [prefix + form for form in wn.plurals[head[len(prefix):]]] if prefix else []
    forms = [] if lemma in nouns else [head, _third_person(head)]
    forms += [f for f in irregular if not f.endswith("ing")] or [_past(head)]
    forms += [f for f in irregular if f.endswith("ing")] or [_present_participle(head)]
    return [" ".join([form, *rest]) for form in dict.fromkeys(forms)]


@functools.cache
def wordnet(wordnet_dir: Path, pos: str) -> WordNet:
    """A part of speech of WordNet, read once."""
    return WordNet(wordnet_dir, pos)


def _harm_forms(wordnet_dir: Path, pos: str, roots) -> list[tuple[str, str]]:
    """(form, synset) of every lemma under the roots, in the roots' order."""
    wn = wordnet(wordnet_dir, pos)
    nouns = set(wordnet(wordnet_dir, "noun").senses) if pos == "verb" else set()
    found = wn.first_sense_under(list(roots))
    out = []
    for lemma, synset in sorted(found.items()):
        if lemma in NOT_HARM:
            continue
        forms = verb_forms(lemma, wn, nouns) if pos == "verb" else \
            [lemma.replace("_", " "), *(p.replace("_", " ") for p in plurals(lemma, wn))]
        out += [(form.replace("_", " ").lower(), synset) for form in forms]
    return out


def harm_rows(wordnet_dir: Path) -> list[tuple[str, str, str, str, str]]:
    """The rows of measures-wordnet.tsv (cue, nouns, category, measure, synset), sorted."""
    rows: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}
    for pos, roots, classes, category, measure in HARM_ROOTS:
        for form, synset in _harm_forms(wordnet_dir, pos, roots):
            for klass in classes:
                rows.setdefault((form, klass), (form, klass, category, measure, synset))
    return sorted(rows.values())


def violence_rows(wordnet_dir: Path) -> list[tuple[str, str]]:
    """The rows of violence-wordnet.tsv (cue, synset), sorted."""
    rows: dict[str, tuple[str, str]] = {}
    for pos, roots in VIOLENCE_ROOTS:
        for form, synset in _harm_forms(wordnet_dir, pos, roots):
            rows.setdefault(form, (form, synset))
    return sorted(rows.values())


# --- pycountry -------------------------------------------------------------------------------

def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def surface(name: str | None) -> str | None:
    """A pycountry name as news writes it: a trailing "(...)" qualifier dropped; None for the
    inverted or listed forms with a comma ("Korea, Republic of") and other parentheses."""
    if not name:
        return None
    name = re.sub(r" \([^()]*\)$", "", name)
    return None if "," in name or "(" in name else name


def actors_rows(extra: Path = DATA / "actors-extra.tsv") -> list[tuple[str, str, str, str, str]]:
    """The rows of actors.tsv (form, actor, kind, case, source) from pycountry, sorted by form.

    A country's display name is its common_name, else its name, else its official_name (as
    `surface` gives them), unless a `country` row of the hand file has one of the country's
    pycountry names as its form (comma forms included: such a row is a mapping only): that
    row's actor wins. The hand file's `case` for a form is used for the same form here.
    """
    import pycountry

    hand = [r for r in read_tsv(extra) if r["kind"] == "country"]
    hand_by_form = {r["form"].casefold(): r for r in hand}
    rows = []
    seen: dict[str, str] = {}
    for country in pycountry.countries:
        names = [getattr(country, attr, None) for attr in ("name", "common_name", "official_name")]
        names = [n for n in names if n]
        display = next((s for s in map(surface, [getattr(country, "common_name", None), *names]) if s),
                       country.name)
        preferred = {hand_by_form[n.casefold()]["actor"] for n in names if n.casefold() in hand_by_form}
        if len(preferred) > 1:
            raise ValueError(f"{country.alpha_3}: hand rows give several names {sorted(preferred)}")
        if preferred:
            display = preferred.pop()
        for form in dict.fromkeys(filter(None, map(surface, names))):
            key = form.casefold()
            if key in seen:
                if seen[key] != country.alpha_3:
                    raise ValueError(f"{form!r} names both {seen[key]} and {country.alpha_3}")
                continue
            seen[key] = country.alpha_3
            case = hand_by_form[key]["case"] if key in hand_by_form else "any"
            rows.append((form, display, "country", case, f"pycountry:{country.alpha_3}"))
    return sorted(rows, key=lambda r: (r[0].casefold(), r[0]))


# --- files -----------------------------------------------------------------------------------

def render(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    for row in rows:
        for cell in row:
            if any(c in cell for c in "\t\n\r"):
                raise ValueError(f"cell with a tab or newline: {row!r}")
    return "".join("\t".join(r) + "\n" for r in [header, *rows])


ADJECTIVES_HEADER = ("form",)


def _index_lemmas(path: Path) -> set[str]:
    lemmas = set()
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.startswith(" "):
                lemmas.add(line.split(" ", 1)[0])
    return lemmas


def adjectives_rows(wordnet_dir: Path) -> list[tuple[str]]:
    """The words that are only adjectives in WordNet (no noun or verb of the same spelling):
    what may stand between a number and its counted noun ("six playable characters", "three
    new maps"). One lower-case word each; "left", "past" or "first", which are nouns too,
    are left out."""
    adjectives = _index_lemmas(wordnet_dir / "index.adj")
    others = _index_lemmas(wordnet_dir / "index.noun") | _index_lemmas(wordnet_dir / "index.verb")
    return sorted((a,) for a in adjectives - others
                  if a.isalpha() and a.islower() and a.isascii() and len(a) > 2)


def outputs(wordnet_dir: Path) -> dict[Path, str]:
    return {
        DATA / "nouns.tsv": render(NOUNS_HEADER, nouns_rows(wordnet_dir)),
        DATA / "actors.tsv": render(ACTORS_HEADER, actors_rows()),
        DATA / "adjectives.tsv": render(ADJECTIVES_HEADER, adjectives_rows(wordnet_dir)),
        DATA / "measures-wordnet.tsv": render(HARM_HEADER, harm_rows(wordnet_dir)),
        DATA / "violence-wordnet.tsv": render(VIOLENCE_HEADER, violence_rows(wordnet_dir)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and summarise the differences if the "
                             "committed files are not what the sources give")
    parser.add_argument("--wordnet", type=Path, default=WORDNET_DIR,
                        help=f"WordNet 3.0 database directory (default {WORDNET_DIR})")
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.noun").is_file():
        parser.error(f"{args.wordnet / 'data.noun'} not found: install Debian's wordnet-base")
    differs = False
    for path, text in outputs(args.wordnet).items():
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        name = path.relative_to(ROOT)
        if args.check:
            if old != text:
                differs = True
                diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(),
                                                 "committed", "generated", lineterm="", n=0))
                removed = sum(1 for d in diff if d.startswith("-") and not d.startswith("---"))
                added = sum(1 for d in diff if d.startswith("+") and not d.startswith("+++"))
                print(f"{name}: differs ({removed} rows removed, {added} added)")
                for d in [d for d in diff if d[:1] in "+-" and d[:3] not in ("---", "+++")][:20]:
                    print("   ", d)
            else:
                print(f"{name}: up to date")
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            print(f"wrote {name} ({len(text.encode('utf-8'))} bytes, {text.count(chr(10)) - 1} rows)")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
