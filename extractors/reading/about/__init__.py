"""What a figure is about: its category, measure and subject, and for aid its donor,
recipient, kind and stage. One layer, dimension-agnostic, read from the figure's clause.

| category     | measure                                   | what |
|--------------|-------------------------------------------|------|
| casualties   | killed, wounded, missing, captured, displaced, casualties | people killed; wounded, injured or hurt; missing; taken prisoner, exchanged or returned prisoners; refugees, displaced, fled; killed and wounded not split ("losses") |
| damage       | damaged, destroyed, damaged_or_destroyed, attacked | structures and equipment damaged or destroyed (equipment "lost"); targets and places hit, struck or shelled |
| attacks      | launched, intercepted                     | attacks, strikes, missiles and drones launched or fired; shot down or intercepted |
| troops       |                                           | soldiers deployed or present, never the dead, wounded or captured |
| aid          |                                           | money and materiel given, pledged, committed or delivered, with donor, recipient, kind (military, humanitarian, financial) and stage (pledged, committed, allocated, delivered) |
| weapon_range |                                           | the reach of a named or described weapon |
| other        |                                           | everything else |

What the labeller knows is data (extractors/data/): the class of a counted noun (people,
military personnel, weapons, equipment, structures, places; nouns.tsv from WordNet plus
nouns-extra.tsv), the cue words of each measure (measures.tsv), of each aid stage
(stages.tsv), of aid and its kinds (aid-cues.tsv), actors (actors.tsv from pycountry plus
actors-extra.tsv) and named weapons (weapons.tsv). Code holds the mechanisms: where in the
clause a cue counts, elided nouns, and the agreement of pairs and breakdowns
(`agreement.py`). Never more than the text says: where no cue is found, nothing is set.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

import regex

from .. import lexicons
from ..patterns import fold, match_after, next_char, one_line
from . import actors, conflicts, cues, periods
from . import places as place_gazetteer

# The vocabularies of the category, measure and stage columns (records.py types them from these).
CATEGORIES = ("weapon_range", "aid", "casualties", "damage", "troops", "attacks", "other")
MEASURES = ("killed", "wounded", "missing", "captured", "displaced", "casualties",
            "damaged", "destroyed", "damaged_or_destroyed", "attacked", "launched", "intercepted")
STAGES = ("pledged", "committed", "allocated", "delivered")
AID_KINDS = ("military", "humanitarian", "financial")
WAR_CATEGORIES = CATEGORIES[:-1]

# Counted nouns whose very meaning is an attack ("over 2,000 strikes"), from measures.tsv.
ATTACK_NOUNS = frozenset(word for word, (category, _) in cues.SELF.items()
                         if category == "attacks" and " " not in word)


def noun_class(phrase: str | None) -> str | None:
    """people, weapons, equipment, structures or places (military personnel are people,
    told apart by `is_military`)."""
    if not phrase:
        return None
    klass = lexicons.noun_class(phrase)
    if klass is None:
        head = phrase.split()[-1]
        if head in _weapons():
            return "weapons"  # "2,000 Javelin"
        if fold(head) in lexicons.demonyms():
            return "people"  # "73 Israelis"
    return "people" if klass == "military_personnel" else klass



def is_military(phrase: str | None) -> bool:
    return bool(phrase) and lexicons.noun_class(phrase) == "military_personnel"


# The measure list "killed, wounded, or missing" is casualties, not one of its words.
_MEASURE_LIST = regex.compile(
    r"\b(?:killed|dead|wounded|injured|missing|captured)(?:\s*,?\s*(?:or|and|and/or)?\s*(?:\w+ly\s+)?"
    r"(?:killed|dead|wounded|injured|missing|captured)\b)+", regex.IGNORECASE)
_MEASURE_LIST_BEFORE = regex.compile(_MEASURE_LIST.pattern + r"\s+(?:[\p{L}]+\s+){0,2}$", regex.IGNORECASE)
_DAMAGED_OR_DESTROYED = regex.compile(r"\b(?:damaged\s+(?:or|and|and/or)\s+destroyed|destroyed\s+(?:or|and|and/or)\s+damaged)\b",
                                      regex.IGNORECASE)
_IN_ACTION = regex.compile(r"\s+(?P<m>killed|wounded|missing)\s+in\s+action\b", regex.IGNORECASE)
_PARTICIPLE_RIGHT_AFTER = regex.compile(r"\s+(?P<m>killed|wounded|injured|captured|displaced)\s+(?:in|during|by|when|after)\b",
                                        regex.IGNORECASE)
_PARTITIVE = regex.compile(r"\bof\s+(?:the|these|those|its|their)\s+$", regex.IGNORECASE)
_RELATIVE_AFTER = regex.compile(r"\s*,?\s*(?:who|whom|that|which)\b", regex.IGNORECASE)
# The clause a figure sits in: the measure of "12,000 people have been killed" lies after
# it; of "killing 12 people" before it. Clause ends keep one figure's verb off the next.
_CLAUSE_END = regex.compile(r"[,;:()\u2013\u2014]|\b(?:and|while|with|but|before|after|when|because|until|although|though|whereas)\b")
# The whole of a part: "44 out of", "60 of".
_WHOLE_OF = regex.compile(r"\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+)?(?:(?:over|more\s+than|about|some|nearly|almost|at\s+least|up\s+to)\s+)?$",
                          regex.IGNORECASE)
# Heads that count what their complement names: "ten pieces of military equipment".
PARTITIVE_HEADS = frozenset({"pieces", "units", "items", "kinds", "types", "pairs", "sets", "batches"})
_STRUCK_WITH = regex.compile(r"\b(?:(?:struck|strikes?|hit|attacked|targeted|shelled|bombarded|pounded)\b[^;.]{0,60}?\bwith"
                          r"|(?:attacks?|strikes?|raids?)\b[^;.]{0,60}?\bby)\s+$", regex.IGNORECASE)
# Munitions in a stock or a factory are no attack ("229 Kalibr missiles left").
_STOCK = regex.compile(r"\b(?:left|remaining|stocks?|stockpiles?|inventory|produc(?:e|ed|es|tion|ing)|"
                       r"manufactur(?:e|ed|es|ing)|purchas(?:e|ed)|bought|buy|order(?:ed)?|sells?|sold|sale)\b",
                       regex.IGNORECASE)
# Materiel is aid where the text gives it: a stage verb, an aid word, or a package's list.
# A transfer or a delivery alone may be one's own forces moving ("transferred six jets from
# Crimea to mainland Russia"): materiel is aid only where these say so, or a party is named.
_GIVING = regex.compile(r"\b(?:package|includes?|including|drawdown|tranche|donat(?:e|ed|es|ion)|gifts?|"
                        r"hand(?:ed|ing)?\s+over)\b", regex.IGNORECASE)
_FIRST_PERSON = regex.compile(r"\b(?:[Ww]e|I)\b")  # "We have provided more than one million rounds"
# "Support us: donate $5 a month": an appeal to the reader is no aid.
_APPEAL = regex.compile(r"\b(?:support\s+us|donate\s+now|subscribe|become\s+a\s+(?:member|supporter|patron)|"
                        r"(?:a|per)\s+month\s+to\s+support|help\s+us)\b", regex.IGNORECASE)
_AFTER_WINDOW = 60
_BEFORE_WINDOW = 30
_STAGE_WINDOW = 200

_STAGE_WINDOW = 200

@cache
def _weapons() -> dict[str, str]:
    """Named weapons (data/weapons.tsv): form as written -> the name it is grouped under."""
    return {row["form"]: row["weapon"] for row in lexicons.read_tsv("weapons.tsv")}


@cache
def named_weapons() -> frozenset[str]:
    return frozenset(_weapons())


# Weapons that have a range: named systems (with the noun that follows them), and the
# generic nouns, with the modifiers written before them ("152 millimeter self-propelled howitzers").
# A bare "system" is no weapon ("a rail system ... travel 2,252 km"); after a name it is.
_WEAPON_NOUN = (r"(?:cruise\s+|ballistic\s+)?(?:missiles?|rockets?|drones?|"
                r"howitzers?|artillery(?:\s+systems?)?|guns?|launchers?|bombs?|MLRS)")
_WEAPON = regex.compile(
    r"(?P<weapon>(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(_weapons(), key=len, reverse=True))
    + r"|Kh-\d+)(?:\s+(?:" + _WEAPON_NOUN + r"|systems?))?"
    r"|(?<![\p{L}\d-])(?:(?:(?!(?:of|the|a|an|and|or|to|in|with|by|for|on|at|its|their)\b)[\p{L}\d-]+\s+){0,3}?(?:ballistic|cruise|long-range|hypersonic|self-propelled|"
    r"rocket|artillery|anti-ship|air-defen[cs]e|millimeter|mm)\s+(?:" + _WEAPON_NOUN + r"|systems?)"
    r"|" + _WEAPON_NOUN + r"))\b")
# A range is said before the figure ("a range of 300 km", "can travel up to", "can hit
# targets 250 km away") or after it ("a 25-kilometer maximum effective range").
_RANGE_CUE = regex.compile(
    r"\b(?:range|ranges|reach|reaches|reaching|travel|travels|fly|flies|hit|hits|strike|strikes)\b[^.;]{0,40}$",
    regex.IGNORECASE)
_REACH_BEFORE = regex.compile(r"\b(?:can|could|able\s+to|capable\s+of)\s+(?:\w+\s+){0,3}?(?:hit(?:ting)?|strike|striking|reach(?:ing)?|target(?:ing)?|engag(?:e|ing))\b"
                              r"(?:\s+(?:targets?|objects?))?(?:\s+(?:up\s+to|as\s+far\s+as|at|some|about|over|more\s+than))*\s*$",
                              regex.IGNORECASE)
_AWAY_AFTER = regex.compile(r"\s+(?:away|distant)\b", regex.IGNORECASE)
_LOCATION_AFTER = regex.compile(
    r"\s+(?:(?:north|south)(?:-?(?:east|west))?|east|west|away|from|outside|inside|behind|deep)\b",
    regex.IGNORECASE)
# "settlements within a 20km range of Siversk": an area around a place.
_WITHIN_BEFORE = regex.compile(r"\bwithin(?:\s+(?:a|an|the))?\s*$", regex.IGNORECASE)
_NOT_RANGE_UNITS = {"m", "mm", "cm", "metre", "metres", "meter", "meters", "millimeter",
                    "millimeters", "millimetre", "millimetres", "centimeters", "centimetres",
                    "inch", "inches", "ft", "feet", "foot"}
_RANGE_AFTER = regex.compile(
    r"\s*(?:\)\s*)?(?:(?:maximum|max|effective|strike|striking|firing|operational)\s+)*range\b",
    regex.IGNORECASE)
_SUPPLIER = regex.compile(r"(?:\s+[\p{L}-]+){0,3}?\s+(?:supplier|donor|backer|provider|sponsor)\b")
_MONEY_SUBJECT = regex.compile(
    r"\s+(?:in|of|for|as)\s+(?P<subject>(?:[\p{L}.\-]+,?\s+(?:and\s+)?){0,4}?"
    r"(?:aid|assistance|support|funding|loans?|grants?|sanctions|damages|spending|budget|revenue|investment|debt|reconstruction))\b",
    regex.IGNORECASE)
# "€120 million for Ukraine", "$5 billion to Kyiv": money for a party, aid where the
# sentence speaks of giving.
_FOR_PARTY = regex.compile(r"\s+(?:in\s+[\w-]+\s+)?(?:for|to)\s+(?:the\s+)?", regex.IGNORECASE)
_FROM_PARTY = regex.compile(r"\s+(?:\w+\s+){0,2}?(?:from|by)\s+(?:the\s+)?", regex.IGNORECASE)
# A giver's verb right before the amount: "the United States has provided $123 million".
_GIVER_VERB = regex.compile(r"\b(?:provided|provides|providing|pledged|pledges|committed|commits|allocated|"
                            r"allocates|donated|donates|contributed|disbursed|delivered|gave|gives|sent|"
                            r"announced|announces)\s+(?:(?:an?|the|another|a\s+further|an\s+additional|additional|"
                            r"nearly|almost|over|about|approximately|around|some|more\s+than|at\s+least|up\s+to|"
                            r"roughly|just\s+over|already)\s+)*$", regex.IGNORECASE)
# A government's budget proposes what Congress may give: "The Budget provides $2 billion".
_BUDGET = regex.compile(r"(?:\b(?:[Tt]he|President['’]s|FY\s?\d{2,4})\s+Budget\b|\bBudget\s+(?:includes|provides|requests|"
                        r"invests|proposes|supports|also|continues|maintains|builds)\b)")
# Money paid in trade is no aid, whoever it is for ("a $5 billion contract for Poland").
_TRADE = regex.compile(r"\b(?:contracts?|deals?|sales?|sold|sell|purchases?|bought|buy|orders?|exports?|imports?|"
                       r"trade|revenue|profits?|price[sd]?|costs?|paid(?!\s+back)|pay(?!\s+back)|payments?|"
                       r"salar(?:y|ies)|wages?|bonus(?:es)?|"
                       r"fines?|tariffs?|invest(?:ed|ment|ments)?)\b",
                       regex.IGNORECASE)
_OF_SUBJECT = regex.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?P<words>(?:[\p{L}\-]+(?:\s+|$)){1,3})")


@dataclass(slots=True)
class About:
    category: str = "other"
    measure: str | None = None
    subject: str | None = None
    donor: str | None = None
    recipient: str | None = None
    aid_kind: str | None = None
    stage: str | None = None


def classify(text: str, sentence_start: int, sentence_end: int, start: int, end: int,
             dimension: str, unit: str, subject: str | None, first_words: cues.FirstWords | None = None) -> About:
    """What the figure text[start:end] is about, read in the sentence around it.
    `first_words`, the text's (one for all its figures), finds the cues of a long sentence
    without reading it for each figure; without it each figure's sentence is read."""
    before = text[sentence_start:start]
    rest = text[end:sentence_end]
    after = _past_brackets(rest)
    if dimension == "length":
        return _length(before, after, unit, subject)
    if dimension == "currency":
        return _money(text, sentence_start, sentence_end, start, end, before, after, subject)
    if dimension == "count":
        if first_words is None:
            harm_of_peace = lambda: cues.NOT_WAR.search(before) or cues.NOT_WAR.search(after)  # noqa: E731
        else:
            harm_of_peace = lambda: (  # noqa: E731
                first_words.search(cues.NOT_WAR, before, sentence_start)
                or first_words.search(cues.NOT_WAR, after, end + len(rest) - len(after)))
        about = _count(before, after, unit, subject, harm_of_peace)
        if about.category == "aid":
            about = _with_parties(about, text, sentence_start, sentence_end, start, end)
        return about
    if dimension == "percentage":
        return _share(after, subject)
    if dimension in ("mass", "volume"):
        return _goods(text, sentence_start, sentence_end, start, end, before, after, subject)
    return About(subject=subject)


_OF_GOODS = regex.compile(r"\s+of\s+(?P<goods>[^,;:.()]{1,60})")


def _goods(text, sentence_start, sentence_end, start, end, before, after, subject) -> About:
    """Tonnes and litres given: "50 tons of other assistance", "100 tons of humanitarian aid"."""
    goods = match_after(_OF_GOODS, after, 0)
    what = goods.group("goods") if goods else ""
    if cues.AID_CUE.search(what) or (_to_party(before, after) and cues.STAGE_CUE.search(before[-_AFTER_WINDOW:] + " " + _clause(after))):
        about = About("aid", subject=subject, aid_kind=cues.aid_kind_of(what, before[-_AFTER_WINDOW:]),
                      stage=cues.stage_near(before[-_STAGE_WINDOW:], _clause(after)))
        return _with_parties(about, text, sentence_start, sentence_end, start, end)
    return About(subject=subject)


def _length(before: str, after: str, unit: str, subject: str | None) -> About:
    # A distance "southeast of" or "within" a place is a location, unless a weapon "can hit
    # targets 250 km away"; metres and millimetres are calibres and heights, not ranges.
    reach = bool(_REACH_BEFORE.search(before[-60:]))
    if (match_after(_LOCATION_AFTER, after, 0) and not (reach and match_after(_AWAY_AFTER, after, 0))) \
            or _WITHIN_BEFORE.search(before[-20:]) or unit.lower() in _NOT_RANGE_UNITS:
        return About(subject=subject)
    if not (reach or _RANGE_CUE.search(before[-60:]) or match_after(_RANGE_AFTER, after, 0)):
        return About(subject=subject)
    weapons = list(_WEAPON.finditer(before))
    weapon = weapons[-1] if weapons else _WEAPON.search(after)
    if weapon is None:
        return About(subject=subject)
    return About("weapon_range", subject=weapon.group("weapon"))


_BRACKETS_AFTER = regex.compile(r"\s*\)|\s*\([^()]{0,40}\)")


def _past_brackets(after: str) -> str:
    """The rest of the sentence past the bracket a figure closes ("(at least 40) were
    killed") or the bracketed conversion after it ("$150bn (€130bn) in aid")."""
    brackets = match_after(_BRACKETS_AFTER, after, 0)
    return after[brackets.end():] if brackets else after


def _money(text: str, sentence_start: int, sentence_end: int, start: int, end: int,
           before: str, after: str, subject: str | None) -> About:
    near_after = _clause(after)
    money_subject = match_after(_MONEY_SUBJECT, after, 0)
    subject = money_subject.group("subject") if money_subject else subject
    window = before[-_AFTER_WINDOW:] + " " + near_after
    sentence = text[sentence_start:sentence_end]
    aid = bool(cues.AID_CUE.search(window) or (subject and cues.AID_CUE.search(subject)))
    if not aid and not _TRADE.search(window):
        # "€2 billion has been provided to Kyiv", "€120 million for Ukraine", "the United
        # States has provided $123 million", "€550 million from the EU": given by or to a party.
        for_party = match_after(_FOR_PARTY, after, 0)
        from_party = match_after(_FROM_PARTY, after, 0)
        giving = cues.STAGE_CUE.search(window)
        if for_party is not None or from_party is not None or giving:
            donor, recipient = actors.parties(sentence, start - sentence_start, end - sentence_start)
            if for_party is not None and recipient is not None:
                aid = after[for_party.end():].lower().startswith(recipient.lower()) or bool(giving)
            elif from_party is not None and donor is not None:
                aid = bool(cues.AID_CUE.search(sentence))
            elif giving:
                aid = recipient is not None or (donor is not None and bool(_GIVER_VERB.search(before[-_BEFORE_WINDOW:])))
    if not aid or _APPEAL.search(sentence) or cues.NOT_GIVEN.search(window) or cues.PAY.search(near_after) \
            or _BUDGET.search(sentence):
        return About(subject=subject)  # an appeal to the reader, a budget request, federal aid at home
    about = About("aid", subject=subject, aid_kind=cues.aid_kind_of(subject, window),
                  stage=cues.stage_near(before[-_STAGE_WINDOW:], near_after))
    return _with_parties(about, text, sentence_start, sentence_end, start, end)


def introduces(intro: str, dimension: str, klass: str | None) -> dict | None:
    """The labels a list's introduction gives its items, or None: "The package includes:"
    makes money and materiel aid; "Casualties:" or "were killed:" gives people counted
    their measure."""
    if dimension == "currency" or klass in ("weapons", "equipment"):
        # an aid word or a package's list; a verb alone ("we committed to:") introduces goals too
        if cues.AID_CUE.search(intro) or _GIVING.search(intro):
            return {"category": "aid", "aid_kind": cues.aid_kind_of(intro) or ("military" if klass else None),
                    "stage": cues.stage_near(intro, "")}
    if klass == "people":
        found = cues.measure_of("people", intro)
        if found and found[0] == "casualties":
            return {"category": "casualties", "measure": found[1]}
    return None


def _with_parties(about: About, text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> About:
    sentence = text[sentence_start:sentence_end]
    donor, recipient = actors.parties(sentence, start - sentence_start, end - sentence_start)
    if about.subject:
        named = next(actors.mentions(about.subject), None)
        if named is not None and named[2] != recipient:
            donor = named[2]  # "$175 billion in US aid"
    return replace(about, donor=donor, recipient=recipient)


# Lives are the dead only where they are lost, taken or mourned: "2,977 innocent lives
# ripped from this world", "claimed more than 14,000 lives", not "changed the lives of
# millions" or "millions of lives at stake".
_LIVES = regex.compile(r"\blives$", regex.IGNORECASE)
_LIFE_TAKEN = regex.compile(
    r"\b(?:lost|los(?:s|ing|e)|claim(?:ed|ing|s)?|t(?:ook|aken|aking|akes)|cost(?:ing|s)?|cut\s+short|"
    r"ripped|stolen|stole|sacrific(?:ed|e|es|ing)|gave|given|giving|laid\s+down|perish(?:ed)?|mourn(?:ed|ing|s)?|"
    r"ended|end(?:ing)?|killed|dead|died|deaths?|murdered|massacred|slaughtered|extinguished)\b",
    regex.IGNORECASE)


def _count(before: str, after: str, unit: str, subject: str | None, harm_of_peace) -> About:
    """`harm_of_peace()` says whether `before` or `after` names a cause of harm in peace
    (cues.NOT_WAR), asked only of counts of people."""
    if unit == "times":
        return About("attacks", "launched", subject)  # the count reader reads only attacks' times
    window = before[-_TALLY_BACK:] + "0"
    tally = tallied(window, len(window) - 1, len(window))
    if tally is not None and tally.category != "troops" or tally is not None and noun_class(unit) == "people":
        return About(tally.category, tally.measure, subject)  # "the death toll climbed to 4,300"
    # "ten pieces of military equipment" is of the class of its complement
    phrase = subject if unit.lower() in PARTITIVE_HEADS and subject else _through_head(subject, unit)
    klass = noun_class(phrase)
    itself = cues.self_measure(subject or unit) or cues.self_measure(phrase)
    if itself and _LIVES.search(phrase) and not _LIFE_TAKEN.search(before[-_AFTER_WINDOW:] + " " + _clause(after)):
        itself = None  # "improved the lives of millions", "millions of lives at stake"
    # "at least one of the two bridges destroyed": the verb is about the one, not the two.
    # ... unless a relative clause says what befell the figure's own ("the families of the
    # nine soldiers who lost their lives").
    partitive = bool(_PARTITIVE.search(before[-20:])) and not _RELATIVE_AFTER.match(after)
    if klass == "people" or (itself and itself[0] == "casualties"):
        if harm_of_peace():
            return About(subject=subject)  # "Extreme storms leave two dead"
        measure = _casualty_measure(before, after, phrase, clause=not partitive)
        if itself and itself[0] == "casualties" and klass != "people" and itself[1] in ("killed", "wounded") \
                and measure not in ("troops", itself[1]):
            measure = itself[1]  # "lives lost", "160 deaths and 267 injuries": the noun says it
        if measure == "troops":
            return About("troops", subject=subject)
        if measure == "other" or match_after(_EACH_AFTER, after, 0):
            return About(subject=subject)  # "150 servicemen refused to fight", "300 to 500 servicemen each"
        if measure:
            return About("casualties", measure, subject)
        if itself and itself[1] == "captured" and _BARE_PRISONERS.search(subject or phrase) \
                and (_POLITICAL.search(phrase) or not _WAR_PRISONERS.search(before[-_AFTER_WINDOW:] + " " + phrase + " " + _clause(after))):
            return About(subject=subject)  # "transporting 400 Russian prisoners" (convicts) are no POWs
        if itself:
            return About(*itself, subject)
        if is_military(phrase) and not _one_person(phrase, unit):
            return About("troops", subject=subject)
        return About(subject=subject)
    if itself:
        return About(*itself, subject)
    if klass in ("weapons", "equipment") and cues.AID_CUE.search(phrase):
        return About("aid", subject=subject, aid_kind=cues.aid_kind_of(phrase))  # "nearly 100 aid trucks"
    if klass in ("weapons", "equipment"):
        clause = before[-_BEFORE_WINDOW * 2:] + " " + _clause(after)
        found = _in_phrase(klass, phrase) or (None if partitive else _measure_in(klass, before, after))
        if found is None and klass == "weapons" and _STRUCK_WITH.search(before[-_AFTER_WINDOW:]):
            found = ("attacks", "launched")  # "struck Nikopol with 40 Grad rockets"
        if found == ("attacks", "intercepted") and _WHOLE_OF.search(before[-_BEFORE_WINDOW:]):
            found = ("attacks", "launched")  # "shot down 44 out of over 50 missiles": 50 launched
        if found and not (klass == "weapons" and found[1] == "launched" and _STOCK.search(clause)):
            if found[0] == "damage" and _DAMAGED_OR_DESTROYED.search(clause):
                found = ("damage", "damaged_or_destroyed")
            return About(*found, subject)
        if _STOCK.search(clause):
            return About(subject=subject)
        if cues.AID_CUE.search(clause) or _GIVING.search(clause) or cues.STAGE_CUE.search(clause) and (
                _FIRST_PERSON.search(before[-_AFTER_WINDOW:]) or _names_party(before, after)):
            return About("aid", subject=subject, aid_kind="military",
                         stage=cues.stage_near(before[-_STAGE_WINDOW:], _clause(after)))
        return About(subject=subject)
    if klass not in ("structures", "places") and not is_military(phrase) and _to_party(before, after):
        clause = before[-_BEFORE_WINDOW * 2:] + " " + _clause(after)
        if cues.STAGE_CUE.search(clause) or cues.AID_CUE.search(clause):
            return About("aid", subject=subject,  # "2.2 million doses ... to Ukraine"
                         stage=cues.stage_near(before[-_STAGE_WINDOW:], _clause(after)))
    if klass in ("structures", "places") and not partitive:
        found = _in_phrase(klass, phrase) or _measure_in(klass, before, after)
        if found:
            clause = before[-_BEFORE_WINDOW * 2:] + " " + _clause(after)
            if found[1] in ("damaged", "destroyed") and _DAMAGED_OR_DESTROYED.search(clause):
                found = ("damage", "damaged_or_destroyed")
            return About(*found, subject)
    return About(subject=subject)


def _in_phrase(klass: str, phrase: str) -> tuple[str, str] | None:
    """The measure a modifier of the counted noun gives: "two destroyed S-300 launchers",
    "12 damaged buildings"."""
    head = phrase.split()[-1] if phrase else ""
    modifiers = phrase[: len(phrase) - len(head)]
    return cues.measure_of(klass, modifiers) if modifiers.strip() else None


_TO_PARTY = regex.compile(r"^\s+(?:[\p{L}\p{N}-]+\s+){0,5}?(?:to|for)\s+", regex.IGNORECASE)


def _to_party(before: str, after: str) -> bool:
    """Whether the figure's clause gives it to a named actor ("... to Ukraine")."""
    to = _TO_PARTY.match(_clause(after) + " ")
    if to is None:
        return False
    named = next(actors.mentions(after[to.end():to.end() + 40]), None)
    return named is not None and named[0] == 0


def _one_person(phrase: str, unit: str) -> bool:
    """A singular head ("one commander") counts one person: no troop count."""
    return not unit.lower().endswith(("s", "men", "personnel", "troops", "staff", "crew", "police"))


def _names_party(before: str, after: str) -> bool:
    """Whether the clause names who gives or who gets: "Germany sent", "to Ukraine"."""
    sentence = before + " " + after
    donor, recipient = actors.parties(sentence, len(before), len(before) + 1)
    return donor is not None or recipient is not None


def _through_head(subject: str | None, unit: str) -> str:
    """The counted phrase up to its head noun: "attacks", not "attacks on healthcare facilities"."""
    if not subject:
        return unit
    at = subject.lower().rfind(unit.lower())
    return subject[:at + len(unit)] if at >= 0 else subject


def _casualty_measure(before: str, after: str, phrase: str, clause: bool = True) -> str | None:
    """The casualty measure of people counted: in the phrase ("300 wounded soldiers"),
    right after it ("killed in action"), and, unless the figure is a partitive's whole
    ("two of the 15 servicemen"), a list ("killed, wounded, or missing") or a verb in its
    clause."""
    head = phrase.split()[-1] if phrase else ""
    modifiers = phrase[: len(phrase) - len(head)]
    in_phrase = cues.measure_of("people", modifiers)
    if in_phrase is not None and in_phrase[0] == "casualties":
        return in_phrase[1]  # "300 wounded soldiers"
    if in_phrase is not None:  # "20,000 mobilized men" are troops, unless they "died"
        found = _measure_in("people", before, after) if clause else None
        return found[1] if found and found[0] == "casualties" else "other" if found and found[0] == "other" else in_phrase[0]
    in_action = match_after(_IN_ACTION, after, 0) or match_after(_PARTICIPLE_RIGHT_AFTER, after, 0)
    if in_action is not None:
        # "killed in action"; a participle right after the noun is the figure's own, even of a
        # partitive's whole ("Of the seven U.S. personnel injured in the attack, two ...")
        return cues.BY_CLASS["people"][cues.key(in_action.group("m"))][1]
    if not clause:
        return None
    if _MEASURE_LIST.search(after[:_AFTER_WINDOW]) or _MEASURE_LIST_BEFORE.search(before[-_BEFORE_WINDOW:]):
        return "casualties"
    found = _measure_in("people", before, after)
    if found and found[0] == "troops" and not (is_military(phrase) or head.lower() in _MAY_SERVE
                                               or fold(head) in lexicons.demonyms()):
        return None  # "the parent of three children was mobilized": children are no troops
    return (found[1] or found[0]) if found else None


# A figure for each of several: a unit's size, not a count of troops.
_EACH_AFTER = regex.compile(r"\s+(?:each|apiece)\b(?!\s+(?:day|night|week|month|year|time))", regex.IGNORECASE)
# Prisoners are captured in war where the text says so: of war, exchanged, released...
_BARE_PRISONERS = regex.compile(r"\b(?:prisoners?|detainees|captives)$", regex.IGNORECASE)
_WAR_PRISONERS = regex.compile(r"\b(?:exchang\w*|swap\w*|releas\w*|return\w*|repatriat\w*|fre(?:ed|e|eing)|captur\w*|"
                               r"taken|held|war|POWs?|hostages?|(?:came|come|coming|brought)\s+home)\b", regex.IGNORECASE)
_POLITICAL = regex.compile(r"\b(?:political|penal|convicted|jailed|imprisoned|unjustly|wrongfully|arbitrarily)\b",
                           regex.IGNORECASE)
# Generic people a troop verb can make troops of: "300 men were mobilized".
_MAY_SERVE = {"men", "people", "persons", "citizens", "residents", "recruits", "volunteers", "civilians",
              "prisoners", "convicts", "inmates"}


def _share(after: str, subject: str | None) -> About:
    of = match_after(_OF_SUBJECT, after, 0)
    if of is None:
        return About(subject=subject)
    words = []
    for word in of.group("words").split():
        if word.lower() in _SUBJECT_STOP:
            break
        words.append(word)
    share_of = " ".join(words) or None
    if share_of and noun_class(share_of) in ("structures", "equipment"):
        found = _measure_in("structures", "", after)
        if found and found[1] != "attacked":
            return About(*found, share_of)
    return About(subject=share_of or subject)


_SUBJECT_STOP = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "need", "needs",
    "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "that", "which", "who",
}


def _clause(after: str, past_appositions: bool = False) -> str:
    """The rest of the figure's clause, up to the next clause break; with
    `past_appositions`, over the appositions right after the figure ("17 people, among them
    four children, were killed": the clause of 17 goes on to "were killed")."""
    if past_appositions and next_char(after, 0) in _AFTER_FIGURE_STARTS:
        apposition = match_after(APPOSITION, after, 0)
        if apposition is not None:
            after = " " + after[apposition.end():]
        participle = match_after(_PARTICIPLE_AFTER_COMMA, after, 0)
        if participle is not None:
            after = " " + after[participle.end():]  # "two American citizens, held by Russia"
        coordinated = match_after(_COORDINATED, after, 0)
        if coordinated is not None and noun_class(coordinated.group("noun")) == "people":
            after = " " + after[coordinated.end():]  # "20,744 servicemen and women injured"
    window = after[:_AFTER_WINDOW]
    stop = _CLAUSE_END.search(window)
    return window[: stop.start()] if stop else window


# An apposition after a figure, which says who its people are and is set off by commas or
# dashes: "17 people, among them four children, were killed", "241 personnel — including
# 220 Marines and 21 others — in a truck bombing", "2,250 Palestinians, a majority of them
# civilians, and 73 Israelis", "13 service members, as well as 100 Afghan civilians, were killed".
APPOSITION = regex.compile(
    r"\s*(?:,|\s[\u2013\u2014]|\s--)\s*(?:among\s+(?:them|whom)|including|of\s+whom|(?:a|the)\s+majority(?:\s+of\s+them)?|"
    r"(?:most|many|all|some|half|several|dozens|hundreds|thousands)\s+of\s+(?:them|whom)|(?:almost|nearly)\s+all(?:\s+of\s+them)?|"
    r"mostly|mainly|both|as\s+well\s+as|along\s+with|together\s+with)\b[^,;:()\u2013\u2014]{1,80}?(?:,|[\u2013\u2014]|--)",
    regex.IGNORECASE)
# What an apposition, a participle after a comma or a coordinated noun start with.
_AFTER_FIGURE_STARTS = frozenset(",-\u2013\u2014&aoAO")
# A participle after a comma goes on with the figure's clause.
_PARTICIPLE_AFTER_COMMA = regex.compile(
    r"\s*,\s*(?=(?:(?:were|was|are|is|have|has|had)\s+(?:been\s+|also\s+|reportedly\s+)?)?"
    r"(?:\p{Ll}+(?:ed|en)|held|hurt|shot|struck|hit|caught|kept|left)\b)")
# A noun coordinated with the counted one, which the clause runs past to its verb.
_COORDINATED = regex.compile(r"\s+(?:and|or|&)\s+(?:(?:their|his|her|its|the)\s+)?(?P<noun>[\p{L}-]+)\b")
# The breaks that end a clause before a figure: punctuation. A conjunction does not: "killed
# 12 and wounded 45" gives 45 the verb after "and", "fired artillery at Nikopol and 40
# rockets" the verb before it.
_PUNCTUATION = regex.compile(r"[,;:()\u2013\u2014]")
# A part's clause opens with these: its verb is its whole's, in the clause before.
_PART_OPENS = regex.compile(r"\s*(?:including|among\s+(?:them|whom)|of\s+whom)\b", regex.IGNORECASE)
# A Markdown link's target is no text: "[killed](https://...) 241 U.S. military personnel".
_LINK_TARGET = regex.compile(r"\]\([^)\s]*\)")


def _clause_before(before: str, window: int) -> str:
    """The figure's clause before it, at most `window` characters back: from the last
    punctuation ("When fighters captured Kirkuk last October, hundreds of people poured
    out": the people were not captured); a part's from the punctuation before its whole's
    ("12,000 residents will be displaced, including 2,500 fighters")."""
    if "](" in before[-window - 200:]:
        before = _LINK_TARGET.sub("", before[-window - 200:])
    looked = before[-2 * window:]
    stops = [m.end() for m in _PUNCTUATION.finditer(looked)]
    start = stops[-1] if stops else 0
    if stops and _PART_OPENS.match(looked, start):
        return looked[stops[-2] if len(stops) > 1 else 0:]
    return looked[max(start, len(looked) - window):]


_DIGIT = regex.compile(r"\d")


def _measure_in(klass: str, before: str, after: str) -> tuple[str, str] | None:
    """The (category, measure) a cue of the figure's clause gives it: the first after the
    figure (past an apposition), or else the nearest before it ("killing over 50 and
    wounding over 40": 40 wounded)."""
    clause = _clause(after, past_appositions=True)
    found = cues.MEASURE_CUES[klass].search(clause)
    if found is not None and _DIGIT.search(clause, 0, found.start()) and clause != _clause(after):
        found = None  # past an apposition, another figure's cue: "killing 1,200 people, including 44 Americans, taking 240 hostage"
    if found is None:
        # munitions are told of further back, past a comma ("fired tube artillery at Nikopol
        # and 40 rockets", "Iran attacked Israel, 200 ballistic missiles")
        looked = before[-_BEFORE_WINDOW * 2:] if klass == "weapons" else _clause_before(before, _BEFORE_WINDOW)
        found = next(reversed(list(cues.MEASURE_CUES[klass].finditer(looked))), None)
    return None if found is None else cues.BY_CLASS[klass][cues.key(found.group("cue"))]


# ---- tallies: a number that is the value of a count named before it (issue 26)

@dataclass(frozen=True, slots=True)
class Tally:
    """What a tally counts: its head noun (the count's unit), the words that name it, and the
    category and measure they give."""

    unit: str
    subject: str
    category: str | None
    measure: str | None


# A tally ("the death toll", "the number of Turkish troops killed in the offensive", "the
# force"), then, with no number, sentence or clause end between, what it became: "climbed
# to", "passed", "stood at", "of", "will grow by", a qualifier, and the number.
_TALLY = regex.compile(
    r"\b(?:(?P<toll>(?:(?P<kind>death|casualty|civilian|fatality)\s+)?(?:toll|tally))"
    r"|(?:total\s+)?(?:number|count|tally)\s+of(?=\s))\b"
    r"(?P<rest>[^.;:!?()\d\u2013\u2014]{0,100}?)"
    r"(?<![\p{L}])(?:to|at|by|past|of|reached|reaches|passed|passes|surpassed|exceeded|topped|hit|is|was|stands\s+at|stood\s+at)"
    r"(?P<qualifier>(?:\s+(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|roughly|an\s+estimated|approximately))*)\s+$"
    # a force's size: "a force of 20,000", "the army will grow by 20,000"
    r"|\b(?P<force>force|army|contingent|deployment|garrison)(?:\s+[\p{L}'’]+){0,3}?\s+(?:of|(?:grow|grows|grew|grown|increase[sd]?|"
    r"swell(?:s|ed)?|expand(?:s|ed)?|rise|rises|rose|risen)\s+(?:by|to)|numbers|numbered|totals|totalled|totaled|reached|stands\s+at|stood\s+at)"
    r"(?:\s+(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|roughly|an\s+estimated|approximately))*\s+$",
    regex.IGNORECASE)
# A number that compares or divides is no tally's value: "three times the number", "20 per cent".
_NOT_TALLIED = regex.compile(r"\s*(?:%|(?:times|percent|per|fold|more|less|fewer|higher|lower|pm|am|[ap]\.m\.)\b)",
                             regex.IGNORECASE)
_TALLY_BACK = 160
# Where the counted words of "the number of ..." end: the tally's verb.
_TALLY_VERB = regex.compile(r"\b(?:has|have|had|is|was|are|were|will|would|rose|risen|climbed|grew|grown|increased|jumped|"
                            r"reached|passed|stood|stands|now|to|at)\b", regex.IGNORECASE)
# What joins a tally to its number ("climbed to", "stood at", "a force of", "passed"), past
# a qualifier ("to nearly"): looked for first, as the last words before the number.
_TALLY_LINKS = frozenset({"to", "at", "by", "past", "of", "reached", "reaches", "passed", "passes", "surpassed",
                          "exceeded", "topped", "hit", "is", "was", "numbers", "numbered", "totals", "totalled",
                          "totaled"})
_TALLY_QUALIFIERS = frozenset({"about", "around", "some", "nearly", "almost", "over", "more", "than", "least",
                               "roughly", "an", "estimated", "approximately"})


def _linked(text: str, start: int) -> bool:
    for word in reversed(text[max(0, start - 40):start].split()):
        word = word.lower()
        if word in _TALLY_LINKS:
            return True
        if word not in _TALLY_QUALIFIERS:
            return False
    return False


# A tally's word, found first by the standard library's engine: most numbers have none before them.
_TALLY_WORD = re.compile(r"(?i)\b(?:toll|tally|number|count|force|army|contingent|deployment|garrison)\b")
# A year is no tally's value: "the army will be modernised by 2030".
_YEAR = regex.compile(r"(?:19|20)[0-9]{2}")


def tallied(text: str, start: int, end: int) -> Tally | None:
    """The tally whose value is the number text[start:end], or None. The count reader reads
    such a number as a count of what the tally counts.

    >>> tallied("The death toll in Gaza climbed to 4,300", 34, 39)
    Tally(unit='people', subject='death toll', category='casualties', measure='killed')
    >>> tallied("raised the number of Turkish troops killed in the offensive to 67", 63, 65).measure
    'killed'
    >>> tallied("The army will be modernised by 2030", 31, 35) is None
    True
    """
    if not _linked(text, start):
        return None
    window = text[max(0, start - _TALLY_BACK):start]
    if _TALLY_WORD.search(window) is None or _YEAR.fullmatch(text, start, end) or match_after(_NOT_TALLIED, text, end, 12):
        return None
    found = _TALLY.search(window)
    if found is None:
        return None
    if found.group("toll"):
        kind = (found.group("kind") or "death").lower()
        measure = "casualties" if kind == "casualty" else "killed"
        return Tally("people", found.group("toll"), "casualties", measure)
    if found.group("force"):
        return Tally("troops", found.group("force"), "troops", None)
    if not (found.group("rest") or "").strip():
        return None
    rest = found.group("rest")
    verb = _TALLY_VERB.search(rest)
    counted = rest[:verb.start()].strip() if verb else rest.strip()
    words = counted.split()
    head = next((w for w in words if lexicons.noun_class(w)), None)
    itself = cues.self_measure(head or counted)
    said = cues.measure_of("people", counted)
    if said is not None:
        category, measure = said if said[0] == "casualties" else (said[0], None)
    elif itself is not None and itself[0] == "casualties":
        category, measure = itself
    elif head is not None and is_military(head):
        category, measure = "troops", None
    else:
        return None  # "the number of cases reached 2 million"
    return Tally(head or "people", counted, category, measure)


# ---- events counted in times (issue 26)

_TIMES_BACK = 80


def counts_attacks(text: str, start: int) -> bool:
    """Whether a number followed by "times" counts attacks: the clause before it tells of
    armed violence or of weapons fired ("the town was shelled 300 times", "violated the
    ceasefire 1,500 times", "fired at warships dozens of times"); "three times more" does not.

    >>> counts_attacks("The town was shelled 300 times", 21), counts_attacks("It is three times more", 6)
    (True, False)
    """
    clause = _clause_before(text[max(0, start - 2 * _TIMES_BACK):start], _TIMES_BACK)
    return cues.violence_in(clause) or cues.MEASURE_CUES["weapons"].search(clause) is not None


# ---- in the world: which war, where and when (issue 23)

_SITUATED = frozenset(WAR_CATEGORIES)
# Figures no peace-time text counts in these words: they may take the war a document names.
_ANYWHERE_IN_WAR = frozenset({"casualties", "weapon_range"})
_AID_FIELDS = {"donor": None, "recipient": None, "aid_kind": None, "stage": None}


def _clause_span(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> tuple[int, int]:
    """The figure's clause in the text: from the last clause break before it (at most
    2 x _BEFORE_WINDOW back) to the first after it (at most _AFTER_WINDOW on)."""
    look_back = max(sentence_start, start - 2 * _BEFORE_WINDOW)
    clause_start = look_back
    for clause_start_match in _CLAUSE_END.finditer(text, look_back, start):
        clause_start = clause_start_match.end()
    stop = _CLAUSE_END.search(text, end, min(sentence_end, end + _AFTER_WINDOW))
    return clause_start, stop.start() if stop else min(sentence_end, end + _AFTER_WINDOW)


def _harm_of_peace_spans(text: str) -> list[tuple[int, int]]:
    """The names of a cause of harm that is no war (not-war.tsv), outside a weapon's name:
    "the Storm Shadow" is no storm."""
    found = [m.span() for m in cues.NOT_WAR.finditer(text)]
    if not found:
        return []
    return cues.outside(found, [m.span() for m in _WEAPON.finditer(text)], inside=lambda a, b, start, end: a <= start < b)


def _spans_of(pattern):
    return lambda text: [m.span() for m in pattern.finditer(text)]


class SentenceCues:
    """What each sentence's words say of harm outside war, read once for all its figures.

    Each sentence is read by itself, until the sentences read add up to the text's length:
    then the cues of the whole text are found once and each sentence looks up those it
    holds. A text of ordinary sentences costs its figures' sentences; a page of figures with
    no sentence end, where each figure's sentence is its own thousands of characters, costs
    at most twice its length, not its length times its figures."""

    # (names harm of peace, names crime, names aid that is no war's, names violence, names arms)
    TESTS = (_harm_of_peace_spans, _spans_of(cues.CRIME), _spans_of(cues.NOT_WAR_AID), cues.violent_spans,
             lambda text: [m.span() for m in _MILITARY_AID.finditer(text)])

    def __init__(self, text: str):
        # the readers hold the text and the class, never self: no cycle for the collector
        tests, cues_in = self.TESTS, self._cues_in
        self._cues = _BySentence(
            text, lambda start, end: cues_in(text[start:end]),
            lambda: [_Sorted(test(text)) for test in tests],
            lambda whole, start, end: tuple(spans.holds(start, end) for spans in whole))
        self._places = _BySentence(
            text, lambda start, end: list(place_gazetteer.gazetteer().mentions(text, start, end)),
            lambda: _Sorted(list(place_gazetteer.gazetteer().mentions(text))),
            lambda whole, start, end: whole.within(start, end))

    def __call__(self, sentence: tuple[int, int]) -> tuple[bool, ...]:
        return self._cues(sentence)

    @classmethod
    def _cues_in(cls, words: str) -> tuple[bool, ...]:
        return tuple(bool(test(words)) for test in cls.TESTS)

    def places(self, sentence: tuple[int, int]) -> list:
        """The gazetteer's places named in the sentence."""
        return self._places(sentence)


class _BySentence:
    """What `in_sentence(start, end)` finds in each sentence asked, read sentence by sentence
    (and kept) until the sentences read add up to the text's length; from then on, what
    `in_text()` finds once in the whole text, looked up by `from_whole(whole, start, end)`."""

    def __init__(self, text: str, in_sentence, in_text, from_whole):
        self._in_sentence, self._in_text, self._from_whole = in_sentence, in_text, from_whole
        self._read: dict[tuple[int, int], object] = {}
        self._budget = len(text)  # characters left to read sentence by sentence
        self._whole = None

    def __call__(self, sentence: tuple[int, int]):
        if self._whole is None:
            if sentence in self._read:
                return self._read[sentence]
            self._budget -= sentence[1] - sentence[0]
            if self._budget >= 0:
                found = self._read[sentence] = self._in_sentence(*sentence)
                return found
            self._whole = self._in_text()
        return self._from_whole(self._whole, *sentence)


class _Sorted:
    """Spans (start, end) or mentions, sorted and not overlapping, looked up by where they lie."""

    def __init__(self, spans: list):
        self.spans = spans
        self.starts = [span[0] if isinstance(span, tuple) else span.start for span in spans]

    def within(self, first: int, last: int) -> list:
        """The spans that lie in [first, last)."""
        found = []
        for index in range(bisect.bisect_left(self.starts, first), len(self.spans)):
            span = self.spans[index]
            if (span[1] if isinstance(span, tuple) else span.end) > last:
                break
            found.append(span)
        return found

    def holds(self, first: int, last: int) -> bool:
        """Whether a span lies in [first, last)."""
        index = bisect.bisect_left(self.starts, first)
        return index < len(self.spans) and self.spans[index][1] <= last


def is_about_war(quantity, text: str, sentence: tuple[int, int], clause: tuple[int, int],
                 found: "conflicts.Found | None", sentence_cues: SentenceCues | None = None) -> bool:
    """Whether a figure labelled `category` is about armed conflict or political violence.

    `casualties`, `damage`, `attacks`, `troops` and `weapon_range` need a conflict of the
    gazetteer named in the figure's clause, sentence or paragraph or in the document's title
    and lead, or a word of armed violence in its clause; people killed, wounded, captured or
    displaced and weapons' ranges may take a war the document names surely (an armed group,
    a town, a war's name: a briefing's answer far from its question). A cause of harm that
    is no war in its sentence (a disease, a storm, an overdose) undoes that unless the clause
    is violent; so does crime (a shooting, a murder, a riot) unless the sentence names a war.
    Soldiers killed, wounded, missing or captured are war casualties by themselves.

    `aid` needs a conflict named in its clause or sentence, or surely (not a country alone)
    in its paragraph, or, for arms (a drawdown, security assistance, weapons), in its
    paragraph or the document's title and lead (a briefing's answer names the war in its
    question): assistance to a party or to people a conflict affects. Money for
    climate, health, development or at home that no conflict ties to (only a country at war
    named, no armed group, war or town) is none.
    """
    category, start, end = quantity.category, quantity.start, quantity.end
    # the figure's own words are no cue: "two strikes" counts strikes of any kind
    clause_text = text[clause[0]:start] + " " + text[end:clause[1]]
    violent = cues.violence_in(clause_text)
    harm_of_peace, crime, aid_of_peace, violent_sentence, military_aid = (sentence_cues or SentenceCues(text))(sentence)
    if category == "aid":
        if found is None or not (found.named_within("sentence") or found.named_within("paragraph", conflicts.STRONG)
                                 or military_aid and found.named_within("title")):
            return False
        # military aid is war aid: "military education" in a drawdown's sentence is no school
        if not military_aid and aid_of_peace and not found.named_within("sentence", conflicts.STRONG) \
                and not violent_sentence:
            return False
        return True
    if not violent and harm_of_peace:
        return False
    if not violent and crime and not (found is not None and found.named_within("sentence")):
        return False  # crime, riots and mass shootings, where the sentence names no war (crime.tsv)
    if violent or found is not None and found.named_within("title"):
        return True
    if category == "casualties" and quantity.measure != "displaced" and (
            is_military(quantity.subject or quantity.unit) or cues.violence_in(quantity.subject or "")):
        return True  # soldiers killed, prisoners of war: war casualties by themselves
    if category == "casualties" and quantity.measure != "displaced" and violent_sentence:
        return True  # "gunmen attacked a convoy and killed six staff"
    if category not in _ANYWHERE_IN_WAR or found is None or not found.named_within("document", conflicts.STRONG):
        return False
    # A war named far off, in a briefing or a speech of many subjects, takes the people
    # displaced and the ranges; the dead and hurt only where their sentence tells of armed
    # violence ("an attack that claimed three of their lives"): COVID deaths, a school
    # shooting or a fire two answers from a question on Gaza are no war's.
    return category == "weapon_range" or quantity.measure == "displaced" or violent_sentence or (
        quantity.measure == "casualties" and cues.self_measure(quantity.subject or quantity.unit) is not None)


# Words that say the aid is arms ("food security" says nothing of weapons, nor does "food
# security assistance").
_MILITARY_AID = regex.compile(r"\b(?:drawdown|(?<!\b(?:food|energy|health|water|nutrition)\s)security\s+assistance|"
                              r"military\s+(?:aid|assistance|support|equipment)|"
                              r"defen[cs]e\s+articles|weapons|arms|ammunition|Security\s+Assistance\s+Initiative|"
                              r"Foreign\s+Military\s+Financing)\b", regex.IGNORECASE)


def situate(text: str, quantities: list, setting: "conflicts.Setting", origin: int = 0) -> list:
    """The figures with what they say of the world: a war figure its conflict, place and
    period; a figure labelled war that is about no war, `other` (is_about_war). `setting` is
    the whole document's, and `text` its part from `origin` on (a window of a long one): a
    conflict is chosen on the whole document's evidence wherever the figure is read.

    A figure relabelled replaces its old self in the list given (which is returned): the
    old one is freed at once, not held until every figure is situated."""
    sentence_cues = SentenceCues(text)
    for i, quantity in enumerate(quantities):
        if quantity.category not in _SITUATED:
            continue
        sentence = (quantity.sentence_start, quantity.sentence_start + len(quantity.sentence))
        clause = _clause_span(text, *sentence, quantity.start, quantity.end)
        found = setting.conflict_of(quantity.start + origin, quantity.end + origin,
                                    (clause[0] + origin, clause[1] + origin),
                                    (sentence[0] + origin, sentence[1] + origin))
        if not is_about_war(quantity, text, sentence, clause, found, sentence_cues):
            update = {"category": "other", "measure": None}
            if quantity.category == "aid":
                update.update(_AID_FIELDS)
            quantities[i] = quantity.model_copy(update=update)
            continue
        update = {}
        if found is not None and found.conflict is not None:
            update["conflict"], update["conflict_rule"] = found.conflict, found.rule
        # a weapon's range is of the weapon, wherever the sentence says it is used
        place = None if quantity.category == "weapon_range" else \
            place_gazetteer.place_of(text, *sentence, quantity.start, quantity.end, sentence_cues.places(sentence))
        if place is not None:
            update["place"], update["place_text"], update["place_rule"] = place[0], one_line(place[1]), place[2]
        began = conflicts.conflicts()[found.conflict].war_began if found is not None and found.conflict else None
        period = periods.period_of(text, quantity.start, quantity.end, setting.reported, began,
                                   bounds=sentence)
        if period is not None:
            update["period_start"], update["period_end"], update["period_text"], update["period_rule"] = \
                period[0], period[1], one_line(period[2]), period[3]
        if update:
            quantities[i] = quantity.model_copy(update=update)
    return quantities
