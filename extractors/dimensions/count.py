"""Counts of things: a number and the noun it counts ("12,000 people", "some 10,000 North
Korean troops", "two million homes", "millions of Americans", "a dozen tanks").

The span runs from the number to the counted head noun, over modifiers between them;
`unit` is the head noun and `subject` the noun phrase as written, with the complement
of an attack ("attacks on healthcare facilities"). A number with no counted noun after it
is not a figure (Duckling calls it latent) and is not returned.
"""

from __future__ import annotations

import regex

from . import Example, Reading

NAME = "count"

# Plurals that do not end in "s", and singulars that count ("a dozen staff").
IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "personnel", "police", "staff", "cattle", "sheep",
    "aircraft", "infantry", "livestock", "troops", "militia", "youth", "clergy", "crew",
}
# Words that end in "s" but are not counted nouns, function words, and the units that
# other dimensions own (a count of "days" is a duration).
NOT_COUNTED = {
    "is", "was", "has", "does", "this", "its", "his", "hers", "ours", "yours", "theirs", "us",
    "as", "plus", "thus", "less", "across", "perhaps", "always", "besides", "towards",
    "whereas", "sometimes", "nevertheless", "afterwards", "unless", "yes", "news", "series",
    "means", "whereabouts", "lies", "says", "goes", "needs", "makes", "takes", "gives",
    "remains", "seems", "becomes", "comes", "includes", "includes", "continues", "times",
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
    "centuries", "fortnights", "percent", "cents", "dollars", "euros", "pounds", "roubles",
    "rubles", "hryvnias", "dlrs", "miles", "kilometres", "kilometers", "metres", "meters",
    "feet", "yards", "inches", "kms", "yds", "mins", "secs", "hrs", "yrs", "points",
    "others", "ones", "thousands", "millions", "billions", "hundreds", "tens", "dozens",
    # Measures of mass, volume, area, energy and the like: units, not counted things.
    "tonnes", "tons", "kilograms", "kgs", "grams", "ounces", "lbs", "litres", "liters",
    "gallons", "barrels", "bushels", "acres", "hectares", "degrees", "watts", "kilowatts",
    "megawatts", "gigawatts", "volts", "calories", "bytes", "megabytes", "gigabytes",
    "cts", "cents", "marks", "mths", "wks", "pct", "bps",
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
    "left", "need", "needs", "were", "now", "very", "too", "other", "another", "new",
}
# Complements kept in the subject of an attack: "attacks on healthcare facilities".
ATTACK_HEADS = {
    "attacks", "strikes", "airstrikes", "air strikes", "raids", "assaults", "drones",
    "missiles", "rockets", "shells", "bombs", "sorties", "shellings", "bombardments",
}

_WORD = r"[\p{L}][\p{L}\p{M}'’.\-]*"
_PHRASE = regex.compile(
    rf"(?P<of>[ \u00a0]+of)?(?P<words>(?:[ \u00a0]+{_WORD}){{1,4}})")
_WORDS = regex.compile(rf"[ \u00a0]+(?P<word>{_WORD})")
_COMPLEMENT = regex.compile(
    rf"[ \u00a0]+(?P<prep>on|against|targeting|at)(?P<object>(?:[ \u00a0]+{_WORD}){{1,3}})")
_POSSESSIVE = regex.compile(r"['’]s$")
_MID_SENTENCE = regex.compile(r"[\p{Ll},][ \u00a0]+$")


def is_counted_noun(word: str) -> bool:
    lower = word.lower().rstrip(".")
    if lower in NOT_COUNTED or lower in STOPWORDS or _POSSESSIVE.search(lower):
        return False
    if lower in IRREGULAR_PLURALS:
        return True
    return (len(lower) >= 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
            and lower.isalpha())


def read(text: str, amount) -> Reading | None:
    numeral = amount.numeral
    if amount.qualifier == "exact" and numeral.is_year_like:
        return None
    if numeral.value is not None and numeral.value < 1 and amount.qualifier != "range":
        return None
    phrase = _PHRASE.match(text, amount.end)
    if phrase is None:
        return None
    if numeral.kind == "words" and numeral.text[0].isupper() and _MID_SENTENCE.search(text, max(0, numeral.start - 8), numeral.start):
        return None  # "the sale of Six Flags": a capitalized number word mid-sentence is a name
    # "of" is how vague amounts count ("millions of Americans"), and never digits.
    if phrase.group("of") and amount.qualifier != "vague" and numeral.kind != "words":
        return None
    if phrase.group("of") and numeral.kind == "words" and amount.qualifier != "vague" \
            and not numeral.text.lower().endswith(("dozen", "hundred", "thousand", "million", "billion")):
        return None  # "one of its key elements", "two of them"
    head = None
    first = None
    for word in _WORDS.finditer(text, phrase.start("words"), phrase.end()):
        token = word.group("word")
        if first is None:
            first = word.start("word")
        if is_counted_noun(token):
            head = word
            break
        lower = token.lower()
        if lower in STOPWORDS or lower in NOT_COUNTED or not _modifier(token):
            return None
    if head is None:
        return None
    unit = head.group("word").rstrip(".")
    end = head.start("word") + len(unit)
    subject = text[first:end]
    if unit.lower() in ATTACK_HEADS:
        complement = _COMPLEMENT.match(text, end)
        if complement is not None:
            object_end = _object_end(text, complement)
            if object_end is not None:
                subject = text[first:object_end]
    return Reading(amount.start, end, NAME, unit, "count", "count", "count.number_noun",
                   amount, subject)


def _modifier(word: str) -> bool:
    """Adjectives and names before the head: "North Korean", "civilian", "US-made"."""
    return word[0].isupper() or word.lower().endswith(
        ("an", "al", "ic", "ed", "ive", "ian", "ese", "ish", "ary", "ful", "less", "made",
         "ing", "ern", "ile", "ar", "ior")) or word.lower() in {"civilian", "military", "armed", "foreign", "elderly", "wounded", "dead", "young", "old", "additional", "extra", "fellow", "front-line", "frontline", "total", "further"}


def _object_end(text: str, complement) -> int | None:
    """End of the complement's noun phrase: the last word before a stop word or verb."""
    end = None
    for word in _WORDS.finditer(text, complement.start("object"), complement.end()):
        token = word.group("word")
        if token.lower() in STOPWORDS:
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
    "the i24NEWS report",
]
