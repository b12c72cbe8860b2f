"""Counts of things: a number and the noun it counts ("12,000 people", "some 10,000 North
Korean troops", "two million homes", "millions of Americans", "a dozen tanks").

The span runs from the number to the counted head noun, over modifiers between them;
`unit` is the head noun and `subject` the noun phrase as written, with the complement
of an attack ("attacks on healthcare facilities"). A number with no counted noun after it
is not a figure (Duckling calls it latent) and is not returned.
"""

from __future__ import annotations

from functools import cache

import regex

from ..about import ATTACK_NOUNS
from ..patterns import match_after, search_before
from . import Example, Reading

NAME = "count"

# Plurals that do not end in "s", and singulars that count ("a dozen staff").
IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "personnel", "police", "staff", "cattle", "sheep",
    "aircraft", "infantry", "livestock", "troops", "militia", "youth", "clergy", "crew",
}
SINGULAR_MEN = {"specimen", "abdomen", "omen", "regimen", "acumen", "stamen", "hymen"}
# Words that end in "s" but are not counted nouns, and units no dimension reads (the units
# other dimensions read are never counted either: see `_other_units`).
NOT_COUNTED = {
    "is", "was", "has", "does", "this", "its", "his", "hers", "ours", "yours", "theirs", "us",
    "as", "plus", "thus", "less", "across", "perhaps", "always", "besides", "towards",
    "whereas", "sometimes", "nevertheless", "afterwards", "unless", "yes", "news", "series",
    "means", "whereabouts", "lies", "says", "goes", "needs", "makes", "takes", "gives",
    "remains", "seems", "becomes", "comes", "includes", "continues", "times", "points",
    "others", "ones", "thousands", "millions", "billions", "hundreds", "tens", "dozens",
    "bushels", "degrees", "watts", "kilowatts", "megawatts", "gigawatts", "volts", "calories",
    "bytes", "megabytes", "gigabytes", "bps", "francs", "pesos", "dinars",
    # Reporting verbs after a date's day ("November 28 shows", "June 23 indicates").
    "shows", "indicates", "claims", "confirms", "supports", "suggests", "reports", "states",
    "notes", "warns", "adds", "reveals", "demonstrates", "highlights",
}
# Words a noun phrase never runs through.
STOPWORDS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "nor", "as", "than", "that", "which", "who", "whom", "whose", "this", "these",
    "those", "it", "its", "he", "she", "they", "we", "you", "i", "be", "been", "being", "is",
    "are", "was", "were", "will", "would", "could", "should", "may", "might", "must", "can",
    "have", "has", "had", "do", "did", "not", "no", "so", "if", "then", "when", "where",
    "while", "after", "before", "since", "until", "into", "over", "under", "about", "more",
    "most", "less", "least", "per", "each", "every", "all", "some", "any", "such", "only",
    "just", "also", "even", "still", "again", "ago", "later", "earlier", "said", "says",
    "say", "told", "according", "through", "during", "against", "between", "among", "out",
    "up", "down", "off", "there", "here", "what", "how", "why", "their", "his", "her", "our",
    "your", "my", "them", "him", "us", "me", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "hundred", "thousand", "million", "billion", "like",
    "left", "need", "needs", "now", "very", "too", "other", "another", "new",
}

_WORD = r"[\p{L}][\p{L}\p{M}'’.\-]*"
_PHRASE = regex.compile(
    rf"(?P<of>[ \u00a0]+of)?(?P<words>(?:[ \u00a0]+{_WORD}){{1,6}})")
_WORDS = regex.compile(rf"[ \u00a0]+(?P<word>{_WORD})")
_COMPLEMENT = regex.compile(
    rf"[ \u00a0]+(?P<prep>on|against|targeting|at)(?P<object>(?:[ \u00a0]+{_WORD}){{1,3}})")
_POSSESSIVE = regex.compile(r"['’]s$")
PARTITIVE_HEADS = {"pieces", "units", "items", "kinds", "types", "pairs", "sets", "batches"}
_OF_COMPLEMENT = regex.compile(
    rf"[ \u00a0]+of(?:[ \u00a0]+(?!(?:and|or|in|on|at|to|from|with|by)\b){_WORD}){{1,3}}")
_MID_SENTENCE = regex.compile(r"[\p{Ll},][ \u00a0]+$")


@cache
def _other_units() -> frozenset[str]:
    """Every one-word unit another dimension reads ("days", "tonnes", "dollars"): when that
    dimension declines a reading ("5 pounds of flour" is no money), no count takes it."""
    from . import REGISTRY  # the registry lists this module: read it once it is complete

    words = set()
    for dimension in REGISTRY:
        for table in ("LEXICON", "SUFFIXES"):
            words |= {w for w in getattr(dimension, table, {}) if w.isalpha()}
    return frozenset(words)


def is_counted_noun(word: str) -> bool:
    lower = word.lower().rstrip(".")
    if _never_in_phrase(word.rstrip(".")) or _POSSESSIVE.search(lower):
        return False
    if lower in IRREGULAR_PLURALS:
        return True
    if lower.endswith("men") and lower not in SINGULAR_MEN:
        return True  # servicemen, gunmen, policemen
    return (len(lower) >= 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
            and lower.isalpha())


def read(text: str, amount) -> Reading | None:
    numeral = amount.numeral
    if numeral.value is not None and numeral.value < 1 and amount.qualifier != "range":
        return None
    phrase = match_after(_PHRASE, text, amount.end)
    if phrase is None:
        return None
    if numeral.kind == "words" and numeral.text[0].isupper() and search_before(_MID_SENTENCE, text, numeral.start, 8):
        return None  # "the sale of Six Flags": a capitalized number word mid-sentence is a name
    # "of" is how vague amounts count ("millions of Americans"), and never digits.
    if phrase.group("of") and amount.qualifier != "vague" and numeral.kind != "words":
        return None
    if phrase.group("of") and numeral.kind == "words" and amount.qualifier != "vague" \
            and not numeral.text.lower().endswith(("dozen", "hundred", "thousand", "million", "billion")):
        return None  # "one of its key elements", "two of them"
    words = list(_WORDS.finditer(text, phrase.start("words"), phrase.end()))
    head = _head(words)
    if head is None:
        return None
    first = words[0].start("word")
    head = words[head]
    unit = head.group("word").rstrip(".")
    if amount.qualifier == "exact" and numeral.value == 1 and _regular_plural(unit):
        return None  # "the one Ukrainian forces": one is never a count of a plural
    end = head.start("word") + len(unit)
    subject = text[first:end]
    if unit.lower() in PARTITIVE_HEADS:  # "ten pieces of military equipment"
        of = match_after(_OF_COMPLEMENT, text, end)
        if of is not None:
            subject = text[first:of.end()]
    elif unit.lower() in ATTACK_NOUNS:
        complement = match_after(_COMPLEMENT, text, end)
        if complement is not None:
            object_end = _object_end(text, complement)
            if object_end is not None:
                subject = text[first:object_end]
    return Reading(amount.start, end, NAME, unit, "count", "count", "count.number_noun",
                   amount, subject)


def _head(words) -> int | None:
    """Index of the counted head noun among the words after a number, or None.

    Modifiers may come first ("North Korean troops"); a noun that modifies the next one
    gives way to it ("naval infantry divisions", "armored personnel carriers", "HIMARS
    missiles"), as long as no stop word or sentence end comes between.
    """
    head = None
    for i, word in enumerate(words):
        token = word.group("word")
        if is_counted_noun(token) and not (_is_acronym(token) and i + 1 < len(words)):
            head = i
            break
        if _never_in_phrase(token) or not _modifier(token) \
                or token.endswith("."):
            return None
    if head is None:
        return None
    if _regular_plural(words[head].group("word")):
        return head  # "four primary efforts Russian forces are": the plural ends the phrase
    for later in range(head + 1, min(head + 3, len(words))):
        previous = words[later - 1].group("word")
        token = words[later].group("word")
        if previous.endswith(".") or _never_in_phrase(token):
            break
        if is_counted_noun(token):
            head = later
            break
        if not _modifier(token):
            break
    return head


def _never_in_phrase(word: str) -> bool:
    lower = word.lower()
    # An acronym is a name, not a unit: "five SEC commissioners" is no count of seconds.
    return lower in STOPWORDS or lower in NOT_COUNTED or (lower in _other_units() and not _is_acronym(word))


def _regular_plural(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("s") and lower not in IRREGULAR_PLURALS and not _is_acronym(word)


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


PARTICIPLES = {
    "armed", "armored", "armoured", "wounded", "injured", "killed", "dead", "captured",
    "detained", "mobilized", "mobilised", "trained", "conscripted", "displaced", "unmanned",
    "guided", "self-propelled", "specialized", "experienced", "missing", "surrendered",
    "deployed", "additional", "civilian", "military", "foreign", "elderly", "young", "old",
    "extra", "fellow", "front-line", "frontline", "total", "further", "naval", "regular",
}


def _modifier(word: str) -> bool:
    """Adjectives, names and nouns that modify the head: "North Korean", "civilian",
    "US-made", "fighting"; verbs in -ed are not ("June 23 showed Russian troops")."""
    lower = word.lower()
    return (word[0].isupper() or lower in PARTICIPLES or lower.endswith(
        ("an", "al", "ic", "ive", "ian", "ese", "ish", "ary", "ful", "less", "made", "ing",
         "ern", "ile", "ar", "ior", "-based", "-made", "-range")) or is_counted_noun(word))


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"}


def _object_end(text: str, complement) -> int | None:
    """End of the complement's noun phrase: the last word before a stop word, a verb or
    a date ("drones on March 3" is drones, not "drones on March")."""
    end = None
    for word in _WORDS.finditer(text, complement.start("object"), complement.end()):
        token = word.group("word")
        if token.lower() in STOPWORDS or token.lower().rstrip(".") in MONTHS:
            break
        end = word.start("word") + len(token.rstrip("."))
        if is_counted_noun(token):
            break
    return end


EXAMPLES = [
    Example("12,000 people have been killed", span="12,000 people", value=12000,
            category="casualties", measure="killed", subject="people"),
    Example("with over 2,000 attacks on healthcare facilities and two million homes damaged",
            span="over 2,000 attacks", value=2000, low=2000, qualifier="more_than",
            category="attacks", subject="attacks on healthcare facilities"),
    Example("with over 2,000 attacks on healthcare facilities and two million homes damaged",
            span="two million homes", value=2e6, category="damage", measure="damaged",
            subject="homes"),
    Example("The move also comes as some 10,000 North Korean troops were deployed",
            span="some 10,000 North Korean troops", value=10000, qualifier="approximately",
            low=None, high=None, category="troops", subject="North Korean troops"),
    Example("Moscow has escalated its drone campaign, with over 2,000 strikes in October alone.",
            span="over 2,000 strikes", value=2000, category="attacks"),
    Example("13,000 workers", value=13000, category="other", subject="workers"),
    Example("five SEC commissioners", value=5, unit="commissioners"),
    Example("five tanks", value=5, category="other"),
    Example("three villages", value=3),
    Example("millions of Americans", low=1e6, high=1e9, qualifier="vague"),
    Example("a dozen soldiers", value=12, category="troops"),
    Example("hundreds of civilians were killed", span="hundreds of civilians", low=100,
            high=1000, category="casualties", measure="killed"),
    Example("Russia launched 90 missiles and 100 drones overnight", span="90 missiles",
            value=90, category="attacks"),
    Example("at least 20 people were wounded", span="at least 20 people", low=20,
            qualifier="at_least", category="casualties", measure="wounded"),
    Example("10\u2009000 soldiers", value=10000, category="troops"),
    Example("The strike destroyed 12 buildings.", span="12 buildings", value=12,
            category="damage", measure="destroyed"),
    Example("Russia formed five naval infantry divisions", span="five naval infantry divisions",
            value=5, category="other", subject="naval infantry divisions"),
    Example("destroyed nine infantry fighting vehicles", span="nine infantry fighting vehicles"),
    Example("Ukrainian forces intercepted two HIMARS missiles", span="two HIMARS missiles",
            category="attacks"),
    Example("Russian forces launched 43 Shahed drones on March 3", span="43 Shahed drones",
            subject="Shahed drones", category="attacks"),
    Example("of the 4,515 servicemen killed in action, most were", span="4,515 servicemen",
            category="casualties", measure="killed"),
    Example("10 out of the 15 dead servicemen", span="15 dead servicemen", category="casualties",
            measure="killed"),
    Example("claimed to kill 15 Russian servicemen", span="15 Russian servicemen",
            category="casualties", measure="killed"),
    Example("killing over 50 and wounding over 40 Ukrainian personnel",
            span="over 40 Ukrainian personnel", category="casualties", measure="wounded"),
    Example("Germany handed over 18 Leopard tanks", span="18 Leopard tanks", qualifier="exact"),
    Example("Russia lost 5 tanks plus 3 helicopters", span="5 tanks", qualifier="exact"),
    Example("2,000 or more troops", low=2000, qualifier="at_least",
            gap="a qualifier between the number and its noun ('or more', '-plus') hides the noun"),
    Example("The war is over\n\n300 soldiers came home", span="300 soldiers", qualifier="exact"),
    Example("Russia deployed 2-3,500 troops", span="2-3,500 troops", low=2000, high=3500),
    Example("Ukraine shot down a Su-34 and 3 drones.", span="3 drones", value=3),
    Example("Russia sent 2000 troops", span="2000 troops", value=2000),
    Example("over 2000 attacks", low=2000, qualifier="more_than"),
    Example("Footage showed three dead Russian soldiers", span="three dead Russian soldiers",
            category="casualties", measure="killed"),
    Example("as many as 40,000 troops killed, wounded, or missing",
            span="as many as 40,000 troops", category="casualties", measure="casualties"),
    Example("Ukrainian forces eliminated 50 Russian servicemen", span="50 Russian servicemen",
            category="casualties", measure="killed"),
    Example("at least one of the two bridges destroyed", span="two bridges", category="other"),
    Example("Iranian suppliers send 300 drones per shipment", span="300 drones", category="other"),
    Example("Russia has only 229 Kalibr missiles left", span="229 Kalibr missiles",
            category="other"),
    Example("ISW is tracking four primary efforts Russian forces are engaged in",
            span="four primary efforts", unit="efforts"),
    Example("left over 100 troops under the rubble", span="over 100 troops", category="casualties"),
    Example("resulted in the deaths of over 180 Russian servicemen",
            span="over 180 Russian servicemen", category="casualties", measure="killed"),
    Example("Ukrainian strikes wounded or killed 32 servicemen", span="32 servicemen",
            category="casualties", measure="casualties"),
    Example("Ukrainian forces destroyed 12 tanks", span="12 tanks", category="damage",
            measure="destroyed"),
    Example("Ukrainian forces eliminated three Russian tanks and about 30 servicemembers",
            span="three Russian tanks", category="damage", measure="destroyed"),
    Example("Ukrainian forces destroyed ten pieces of military equipment and killed",
            span="ten pieces", subject="pieces of military equipment"),
    Example("Russia committed 60-70,000 personnel", span="60-70,000 personnel", low=60000,
            high=70000, qualifier="range"),
    Example("shot down 10 Ukrainian UAVs", span="10 Ukrainian UAVs", category="attacks"),
    Example("Russian forces killed at least 53 Ukrainian POWs", span="at least 53 Ukrainian POWs",
            category="casualties", measure="killed"),
]

NEGATIVES = [
    "One of its key elements is providing our army with long-range capabilities.",
    "one of the top concerns is for people living in high-rise buildings",
    "who face their third consecutive freezing winter",
    "This is a very big step towards the start of World War Three",
    "since the start of the Russian invasion in February 2022. Trump",
    "a US official told AFP today (17/11).",
    "Volodymyr Zelenskyy (@ZelenskyyUa) November 17, 2024",
    "https://x.com/i/web/status/1858270265618096452",
    "pic.twitter.com/4VZu4JpzxG",
    "F-16 jets and S-400 systems and Su-34 bombers",
    "Several Russian lawmakers have already echoed the president",
    "as cited in [12] sources",
    "call +1 555-123-4567 now",
    "at 10:30 troops moved",
    "In 2023 troops advanced",
    "Proceeds from the sale of Six Flags will be used",
    "An additional 246,000 tonnes of durum wheat",
    "Geolocated footage from June 23 showed Russian troops",
    "Imagery from November 28 and 29 shows damage",
    "The October 10 Russian attacks wasted missiles",
    "Shahed-131 and -136 drones",
    "the one Ukrainian forces successfully exploited",
    "Russian forces used Shahed-136 and 131 drones",
    "a three year loan carries interest",
    "the i24NEWS report",
]
