"""What a figure is about: weapon range, aid, casualties, damage, troops, attacks, or other.

Categories are read from the figure's own words (its head noun) and the words of its
sentence near it, never from anything the sentence does not say. Aid carries donor,
recipient and kind (military, humanitarian, financial) where the sentence names them, as
the Kiel Ukraine Support Tracker records them; casualties and damage carry a measure
(killed, wounded, injured, missing; damaged, destroyed), as UCDP and ACLED keep them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# The vocabularies of the category and measure columns (records.py types them from these).
CATEGORIES = ("weapon_range", "aid", "casualties", "damage", "troops", "attacks", "other")
MEASURES = ("killed", "wounded", "injured", "missing", "casualties", "damaged", "destroyed")

TROOP_NOUNS = {
    "troops", "soldiers", "servicemen", "servicemembers", "fighters", "personnel",
    "mercenaries", "conscripts", "reservists", "marines", "paratroopers", "infantry",
    "militia", "militants", "combatants", "recruits", "sailors", "pilots",
}
ATTACK_NOUNS = {
    "attacks", "strikes", "airstrikes", "raids", "assaults", "drones", "missiles", "rockets",
    "shells", "bombs", "sorties", "shellings", "bombardments", "shahed", "shaheds", "uavs",
    "rounds",
}
PEOPLE_NOUNS = {
    "people", "civilians", "children", "persons", "residents", "men", "women", "victims",
    "bodies", "adults", "citizens", "passengers", "workers", "patients", "journalists",
    "prisoners", "hostages", "refugees", "inhabitants", "villagers", "police", "officers",
    "russians", "ukrainians", "americans", "israelis", "palestinians", "syrians", "afghans",
    "individuals", "migrants", "students", "doctors", "medics", "volunteers", "pows",
} | TROOP_NOUNS
# Munitions count as attacks only where the text says they were used ("launched 90
# missiles"), not where they are supplied or stocked ("sends 300 drones per shipment").
MUNITION_NOUNS = {"drones", "missiles", "rockets", "shells", "bombs", "shahed", "shaheds",
                  "uavs", "rounds"}
# Nouns whose very meaning is a casualty measure.
CASUALTY_NOUNS = {"deaths": "killed", "fatalities": "killed", "dead": "killed",
                  "casualties": "casualties", "injuries": "injured"}
DAMAGE_NOUNS = {
    "homes", "houses", "buildings", "facilities", "schools", "hospitals", "apartments",
    "bridges", "plants", "stations", "substations", "churches", "kindergartens", "dwellings",
    "residences", "structures", "objects", "warehouses", "shops", "vehicles", "cars",
    "capacity", "infrastructure", "blocks", "properties", "factories", "farms", "villages",
    # Equipment losses, as Oryx counts them: "destroyed 12 tanks".
    "tanks", "aircraft", "helicopters", "apcs", "pieces", "howitzers", "jets", "ships",
}

# The words that give a figure its measure, and the measure each gives. The patterns are
# made from these tables, so a word is never matched without a measure to give.
CASUALTY_WORDS = {
    "killed": "killed", "killing": "killed", "kill": "killed", "kills": "killed",
    "dead": "killed", "died": "killed", "die": "killed", "perished": "killed", "slain": "killed",
    "eliminated": "killed", "liquidated": "killed", "death": "killed", "deaths": "killed",
    "wounded": "wounded", "wounding": "wounded", "wound": "wounded", "wounds": "wounded",
    "injured": "injured", "injuring": "injured", "injure": "injured", "injures": "injured",
    "hurt": "injured", "missing": "missing",
    "lost": "casualties", "losses": "casualties", "casualties": "casualties",
    "under the rubble": "casualties",
}
# "Eliminated" people are killed; eliminated tanks are destroyed.
DAMAGE_WORDS = {
    "damaged": "damaged", "damaging": "damaged", "destroyed": "destroyed",
    "destroying": "destroyed", "razed": "destroyed", "ruined": "destroyed",
    "eliminated": "destroyed", "shot down": "destroyed", "downed": "destroyed",
}


def _words(table: dict[str, str]) -> regex.Pattern:
    alternation = "|".join(regex.escape(w).replace(r"\ ", r"[ \u00a0]+")
                           for w in sorted(table, key=len, reverse=True))
    return regex.compile(rf"\b(?P<m>{alternation})\b", regex.IGNORECASE)


_CASUALTY_MEASURE = _words(CASUALTY_WORDS)
_DAMAGE_MEASURE = _words(DAMAGE_WORDS)
# "killed, wounded, or missing": several measures at once are casualties.
_MEASURE_LIST = regex.compile(
    r"\b(?:killed|dead|wounded|injured|missing|captured)(?:[ \u00a0]*,?[ \u00a0]*(?:or|and)?[ \u00a0]*"
    r"(?:killed|dead|wounded|injured|missing|captured)\b)+", regex.IGNORECASE)
_MEASURE_LIST_BEFORE = regex.compile(_MEASURE_LIST.pattern + r"[ \u00a0]+(?:[\p{L}]+[ \u00a0]+){0,2}$",
                                     regex.IGNORECASE)
_USE = regex.compile(
    r"\b(?:launch(?:ed|es|ing)?|fir(?:ed|es|ing)|used|using|shot[ \u00a0]+down|downed|intercept(?:ed|s|ing)?|"
    r"struck|strikes?|hit|attack(?:ed|s)?|targeted|dropped|shell(?:ed|ing))\b", regex.IGNORECASE)
_SUPPLY = regex.compile(
    r"\b(?:shipments?|deliver(?:ed|y|ies)?|suppl(?:y|ied|ies)|send(?:s|ing)?|sent|package|stocks?|stockpiles?|"
    r"inventory|left|remaining|produc(?:e|ed|es|tion)|purchas(?:e|ed)|bought|order(?:ed)?|provid(?:e|ed))\b",
    regex.IGNORECASE)
_IN_ACTION = regex.compile(r"[ \u00a0]+(?P<m>killed|wounded|missing)[ \u00a0]+in[ \u00a0]+action\b",
                          regex.IGNORECASE)
_PARTITIVE = regex.compile(r"\bof[ \u00a0]+(?:the|these|those|its|their)[ \u00a0]+$", regex.IGNORECASE)
# The clause a figure sits in: the measure of "12,000 people have been killed" lies after
# it; of "killing 12 people" before it. Clause ends keep one figure's verb off the next.
_CLAUSE_END = regex.compile(r"[,;:()\u2013\u2014]|\band\b|\bwhile\b|\bwith\b|\bbut\b")
_AFTER_WINDOW = 60
_BEFORE_WINDOW = 30

WEAPONS = (
    "ATACMS", "Atacms", "Storm Shadow", "SCALP", "HIMARS", "GMLRS", "Taurus", "Tomahawk",
    "Iskander", "Kinzhal", "Kalibr", "Oreshnik", "Neptune", "Shahed", "Patriot", "JASSM",
    "ERAM", "Harpoon", "Bayraktar", "Zircon", "Tochka-U", "Onyx", "Hwasong", "KN-23",
)
# Weapons that have a range: named systems (with the noun that follows them), and the
# generic nouns, with the modifiers written before them ("152 millimeter self-propelled howitzers").
# A bare "system" is no weapon ("a rail system ... travel 2,252 km"); after a name it is.
_WEAPON_NOUN = (r"(?:cruise[ \u00a0]+|ballistic[ \u00a0]+)?(?:missiles?|rockets?|drones?|"
                r"howitzers?|artillery(?:[ \u00a0]+systems?)?|guns?|launchers?|bombs?|MLRS)")
_WEAPON = regex.compile(
    r"(?P<weapon>(?:" + "|".join(regex.escape(w) for w in sorted(WEAPONS, key=len, reverse=True))
    + r"|Kh-\d+)(?:[ \u00a0]+(?:" + _WEAPON_NOUN + r"|systems?))?"
    r"|(?<![\p{L}\d-])(?:(?:(?!(?:of|the|a|an|and|or|to|in|with|by|for|on|at|its|their)\b)[\p{L}\d-]+[ \u00a0]+){0,3}?(?:ballistic|cruise|long-range|hypersonic|self-propelled|"
    r"rocket|artillery|anti-ship|air-defen[cs]e|millimeter|mm)[ \u00a0]+(?:" + _WEAPON_NOUN + r"|systems?)"
    r"|" + _WEAPON_NOUN + r"))\b")
# A range is said before the figure ("a range of 300 km", "can travel up to") or after it
# ("a 25-kilometer maximum effective range").
_RANGE_CUE = regex.compile(
    r"\b(?:range|ranges|reach|reaches|travel|travels|fly|flies)\b[^.;]{0,40}$",
    regex.IGNORECASE)
_LOCATION_AFTER = regex.compile(
    r"[ \u00a0]+(?:(?:north|south)(?:-?(?:east|west))?|east|west|away|from|outside|inside|behind|deep)\b",
    regex.IGNORECASE)
# "settlements within a 20km range of Siversk": an area around a place.
_WITHIN_BEFORE = regex.compile(r"\bwithin(?:[ \u00a0]+(?:a|an|the))?[ \u00a0]*$", regex.IGNORECASE)
_NOT_RANGE_UNITS = {"m", "mm", "cm", "metre", "metres", "meter", "meters", "millimeter",
                    "millimeters", "millimetre", "millimetres", "centimeters", "centimetres",
                    "inch", "inches", "ft", "feet", "foot"}
_RANGE_AFTER = regex.compile(
    r"[ \u00a0]*(?:\)[ \u00a0]*)?(?:(?:maximum|max|effective|strike|striking|firing|operational)[ \u00a0]+)*range\b",
    regex.IGNORECASE)

# Words that make money aid. "Package", "support" or "provided" alone are not enough:
# "his $13.7 million retirement package" is pay.
_AID_CUE = regex.compile(
    r"\b(?:aid|assistance|pledg(?:e|ed|es|ing)|donat(?:e|ed|es|ing|ion|ions)|grants?|"
    r"(?:military|financial|humanitarian|budget(?:ary)?|security|defen[cs]e)[ \u00a0]+(?:support|package|help))\b",
    regex.IGNORECASE)
_AID_KIND = (
    ("military", regex.compile(r"\b(?:military|weapons?|arms|defen[cs]e|security assistance|ammunition)\b", regex.IGNORECASE)),
    ("humanitarian", regex.compile(r"\bhumanitarian\b", regex.IGNORECASE)),
    ("financial", regex.compile(r"\b(?:financial|budget(?:ary)?|macro-financial|loans?|economic)\b", regex.IGNORECASE)),
)
ACTORS = (
    "U.S.", "US", "USA", "United States", "America", "Washington", "UK", "U.K.", "Britain",
    "United Kingdom", "London", "Germany", "Berlin", "France", "Paris", "EU", "European Union",
    "Brussels", "Japan", "Canada", "Poland", "Netherlands", "Denmark", "Norway", "Sweden",
    "Italy", "Spain", "Australia", "NATO", "IMF", "World Bank", "Ukraine", "Kyiv", "Kiev",
    "Russia", "Moscow", "Israel", "Taiwan", "China", "Beijing", "Iran", "North Korea",
)
_ACTORS = "|".join(regex.escape(a) for a in sorted(ACTORS, key=len, reverse=True))
_ACTOR = regex.compile(rf"(?<![\p{{L}}.])(?P<actor>{_ACTORS})(?![\p{{L}}])(?P<possessive>['’]s)?")
_RECIPIENT_AFTER = regex.compile(
    rf"^[^.;]{{0,60}}?\b(?:to|for)[ \u00a0]+(?:the[ \u00a0]+)?(?P<actor>{_ACTORS})(?![\p{{L}}])")
_OBJECT_BEFORE = regex.compile(r"\b(?:to|for|of|into|on|against|from)[ \u00a0]+(?:the[ \u00a0]+)?$",
                            regex.IGNORECASE)
_SUPPLIER = regex.compile(r"(?:[ \u00a0]+[\p{L}-]+){0,3}?[ \u00a0]+(?:supplier|donor|backer|provider|sponsor)\b")
_MONEY_SUBJECT = regex.compile(
    r"[ \u00a0]+(?:in|of|for|as)[ \u00a0]+(?P<subject>(?:[\p{L}.\-]+[ \u00a0]+){0,2}?"
    r"(?:aid|assistance|support|funding|loans?|grants?|sanctions|damages|spending|budget|revenue|investment|debt|reconstruction))\b",
    regex.IGNORECASE)
_OF_SUBJECT = regex.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+|its[ \u00a0]+|their[ \u00a0]+)?(?P<words>(?:[\p{L}\-]+(?:[ \u00a0]+|$)){1,3})")


@dataclass(slots=True)
class About:
    category: str = "other"
    measure: str | None = None
    subject: str | None = None
    donor: str | None = None
    recipient: str | None = None
    aid_kind: str | None = None


def classify(text: str, sentence_start: int, sentence_end: int, start: int, end: int,
             dimension: str, unit: str, subject: str | None) -> About:
    """The category of the figure text[start:end] in the sentence around it."""
    before = text[sentence_start:start]
    after = text[end:sentence_end]
    if dimension == "length":
        return _length(before, after, unit, subject)
    if dimension == "currency":
        return _money(before, after, subject)
    if dimension == "count":
        return _count(before, after, unit, subject)
    if dimension == "percentage":
        return _share(after, subject)
    return About(subject=subject)


def _length(before: str, after: str, unit: str, subject: str | None) -> About:
    # A distance "southeast of" or "within" a place is a location; metres and millimetres
    # are calibres and heights, not ranges.
    if _LOCATION_AFTER.match(after) or _WITHIN_BEFORE.search(before[-20:]) \
            or unit.lower() in _NOT_RANGE_UNITS:
        return About(subject=subject)
    if not (_RANGE_CUE.search(before[-60:]) or _RANGE_AFTER.match(after)):
        return About(subject=subject)
    weapons = list(_WEAPON.finditer(before))
    weapon = weapons[-1] if weapons else _WEAPON.search(after)
    if weapon is None:
        return About(subject=subject)
    return About("weapon_range", subject=weapon.group("weapon"))


def _money(before: str, after: str, subject: str | None) -> About:
    near_after = _clause(after)
    money_subject = _MONEY_SUBJECT.match(after)
    subject = money_subject.group("subject") if money_subject else subject
    window = before[-_AFTER_WINDOW:] + " " + near_after
    if not (_AID_CUE.search(window) or (subject and _AID_CUE.search(subject))):
        return About(subject=subject)
    kind = next((name for name, cue in _AID_KIND if cue.search(subject or "") or cue.search(window)), None)
    recipient = None
    to = _RECIPIENT_AFTER.match(after)
    if to is not None:
        recipient = to.group("actor")
    donor = None
    for actor in _ACTOR.finditer(before):
        if actor.group("possessive") and _SUPPLIER.match(before, actor.end()):
            recipient = recipient or actor.group("actor")  # "Ukraine's largest arms supplier"
            continue
        if _OBJECT_BEFORE.search(before, 0, actor.start()):
            continue  # "a supporter of Israel", "aid to Ukraine": not who gives
        if actor.group("actor") != recipient:
            donor = actor.group("actor")
    if subject:
        in_subject = _ACTOR.search(subject)
        if in_subject is not None:
            donor = in_subject.group("actor")
    return About("aid", subject=subject, donor=donor, recipient=recipient, aid_kind=kind)


def _count(before: str, after: str, unit: str, subject: str | None) -> About:
    head = unit.lower()
    if head in CASUALTY_NOUNS:
        return About("casualties", CASUALTY_NOUNS[head], subject)
    # "at least one of the two bridges destroyed": the verb is about the one, not the two.
    partitive = bool(_PARTITIVE.search(before[-20:]))
    if head in PEOPLE_NOUNS:
        measure = _casualty_measure(before, after, subject, clause=not partitive)
        if measure:
            return About("casualties", measure, subject)
    if head in DAMAGE_NOUNS and not partitive:
        damage = _measure(before, after, _DAMAGE_MEASURE, DAMAGE_WORDS)
        if damage:
            return About("damage", damage, subject)
    if head in TROOP_NOUNS:
        return About("troops", subject=subject)
    if head in ATTACK_NOUNS:
        if head in MUNITION_NOUNS:
            clause = before[-_BEFORE_WINDOW * 2:] + " " + _clause(after)
            if _SUPPLY.search(clause) or not _USE.search(clause):
                return About(subject=subject)
        return About("attacks", subject=subject)
    return About(subject=subject)


def _casualty_measure(before: str, after: str, subject: str | None, clause: bool = True) -> str | None:
    """The casualty measure of people counted: in the subject ("300 wounded soldiers"),
    right after it ("killed in action"), and, unless the figure is a partitive's whole
    ("two of the 15 servicemen"), a list ("killed, wounded, or missing") or a verb in its
    clause."""
    in_subject = _CASUALTY_MEASURE.search(subject or "")
    if in_subject is not None:
        return _name(in_subject, CASUALTY_WORDS)
    in_action = _IN_ACTION.match(after)
    if in_action is not None:
        return _name(in_action, CASUALTY_WORDS)
    if not clause:
        return None
    if _MEASURE_LIST.search(after[:_AFTER_WINDOW]) or _MEASURE_LIST_BEFORE.search(before[-_BEFORE_WINDOW:]):
        return "casualties"
    return _measure(before, after, _CASUALTY_MEASURE, CASUALTY_WORDS)


def _share(after: str, subject: str | None) -> About:
    of = _OF_SUBJECT.match(after)
    if of is None:
        return About(subject=subject)
    words = []
    for word in of.group("words").split():
        if word.lower() in _SUBJECT_STOP:
            break
        words.append(word)
    share_of = " ".join(words) or None
    damage = _measure("", after, _DAMAGE_MEASURE, DAMAGE_WORDS)
    if share_of and damage and any(w.lower() in DAMAGE_NOUNS for w in words):
        return About("damage", damage, share_of)
    return About(subject=share_of or subject)


_SUBJECT_STOP = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "need", "needs",
    "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "that", "which", "who",
}


def _clause(after: str) -> str:
    """The rest of the figure's clause, up to the next clause break."""
    window = after[:_AFTER_WINDOW]
    stop = _CLAUSE_END.search(window)
    return window[: stop.start()] if stop else window


def _measure(before: str, after: str, pattern, names: dict[str, str]) -> str | None:
    """The measure a verb of the figure's clause gives it: the first after the figure, or
    else the nearest before it ("killing over 50 and wounding over 40": 40 wounded)."""
    found = pattern.search(_clause(after))
    if found is None:
        found = next(reversed(list(pattern.finditer(before[-_BEFORE_WINDOW:]))), None)
    return None if found is None else _name(found, names)


def _name(match, names: dict[str, str]) -> str:
    return names[" ".join(match.group("m").lower().split())]
