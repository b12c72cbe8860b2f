"""Counts of things: a number and the noun it counts ("12,000 people", "some 10,000 North
Korean troops", "two million homes", "millions of Americans", "a dozen tanks").

The span runs from the number to the counted head noun, over modifiers between them;
`unit` is the head noun and `subject` the noun phrase as written, with the complement
of an attack ("attacks on healthcare facilities"). A number with no counted noun after it
is not a figure (Duckling calls it latent) and is not returned.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

import regex

from .. import lexicons
from ..numerals import trie_pattern
from ..about import ATTACK_NOUNS, PARTITIVE_HEADS, counts_attacks, cues, named_weapons, noun_class, tallied
from ..patterns import ascii_folded, case_blind, fold, match_after, next_char, search_before
from . import WAR_IN_UKRAINE, Example, Reading

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
    "while", "after", "before", "since", "until", "into", "over", "under", "about",
    "most", "less", "least", "per", "each", "every", "all", "some", "any", "such", "only",
    "just", "also", "even", "still", "again", "ago", "later", "earlier", "said", "says",
    "say", "told", "according", "through", "during", "against", "between", "among", "out",
    "up", "down", "off", "there", "here", "what", "how", "why", "their", "his", "her", "our",
    "your", "my", "them", "him", "us", "me", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "hundred", "thousand", "million", "billion", "like",
    "left", "need", "needs", "now", "very", "too",
}

_WORD = r"[\p{L}][\p{L}\p{M}'’.\-]*(?:(?<=-)[\p{N}]+[\p{L}\p{N}]*)?"
# A designation after a name is part of the phrase: "8 Leopard 2 tanks", "two Su 34 jets".
_TOKEN = rf"(?:{_WORD}|[0-9][\p{{L}}\p{{N}}\-]*(?![.,][0-9]))"
# Words are parted by spaces or one line break (text wrapped mid-phrase), never a blank line.
_SPACE = r"(?:[ \u00a0]*\n[ \u00a0]*(?!\n)|[ \u00a0]+)"
# A word may open a quotation: 'injured 40 “bearded men,”', 'killed 20-25 ”Libyan and Syrian
# mercenaries”' (the quote is part of the span, as the phrase's other words).
_QUOTE = r"[\"“”‘]"
# The phrase's words are the captures of its repeated `token` group (each word where the
# one before ends): read once, with the phrase.
_PHRASE = regex.compile(
    rf"(?P<of>{_SPACE}(?i:of))?(?P<words>(?:{_SPACE}{_QUOTE}?(?P<token>{_TOKEN})){{1,6}})")
_WORDS = regex.compile(rf"{_SPACE}(?P<word>{_TOKEN})")
# Groups by number: `regex` finds a group by its name in about 0.3 µs, by its number in 0.05.
_PHRASE_OF, _PHRASE_WORDS, _PHRASE_TOKEN = (_PHRASE.groupindex[name] for name in ("of", "words", "token"))
_COMPLEMENT = regex.compile(
    rf"[ \u00a0]+(?P<prep>on|against|targeting|at)(?P<object>(?:[ \u00a0]+{_WORD}){{1,3}})")
_POSSESSIVE = regex.compile(r"['’]s$")
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


# What the reader asks of a word (is it a counted noun, a modifier, a word no phrase runs
# through) depends on the word alone: each answer is kept for the words seen most recently,
# since the same words come back in every text (a few µs a question, asked of each word after
# each number).
WORD_CACHE = 1 << 12


@cache
def _actor_names() -> frozenset[str]:
    """Single-word names of countries, organizations and armed groups, lower-cased: a name
    that ends in "s" counts nothing ("thousands of Hamas fighters")."""
    return frozenset(a.form.lower() for a in lexicons.actors() if a.kind != "demonym" and " " not in a.form)


@lru_cache(maxsize=WORD_CACHE)
def is_counted_noun(word: str) -> bool:
    lower = word.lower().rstrip(".")
    if _never_in_phrase(word.rstrip(".")) or _POSSESSIVE.search(lower):
        return False
    if word[:1].isupper() and lower in _actor_names() and noun_class(lower) is None:
        return False
    if lower in IRREGULAR_PLURALS:
        return True
    if lower.endswith("men") and lower not in SINGULAR_MEN:
        return True  # servicemen, gunmen, policemen
    if lower.endswith(("is", "ese")) and lower.isalpha() and noun_class(lower) == "people":
        return True  # "73 Israelis", "Iraqis", "10 million Sudanese"; not "crisis"
    return (len(lower) >= 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
            and lower.isalpha())


def read(text: str, amount) -> Reading | None:
    numeral = amount.numeral
    if numeral.value is not None and numeral.value < 1 and amount.qualifier != "range":
        return None
    if numeral.kind == "words" and numeral.text[0].isupper() and search_before(_MID_SENTENCE, text, numeral.start, 8) \
            and not headline(text, numeral.start):
        return None  # "the sale of Six Flags": a capitalized number word mid-sentence is a name
    if numeral.kind == "digits" and _designates(text, amount.start, numeral.text):
        return None  # "Leopard 2 tanks": the number is part of a weapon's name
    score = _score(text, amount)
    if score is not None:
        return score
    # A phrase counts from a word that starts with a letter (_counted reads none that starts
    # with a digit: "1 2 3"): a number followed by no letter (an ASCII character other than
    # a letter) needs no phrase read, unless it is a word (_single).
    following = next_char(text, amount.end)
    if numeral.kind != "words" and following.isascii() and not following.isalpha():
        phrase = None
    else:
        phrase = match_after(_PHRASE, text, amount.end)
    counted = _counted(text, amount, phrase) if phrase is not None else None
    if counted is not None:
        return counted
    return _single(text, amount, phrase) or _times(text, amount, phrase) or _elided(text, amount)


_NAME_BEFORE = regex.compile(r"(\p{Lu}[\p{L}-]*)[ \u00a0]$")


def _designates(text: str, start: int, digits: str) -> bool:
    """Whether the number at text[start:] is the designation of the named weapon before it
    (weapons.tsv: "Leopard 2", "Su 34")."""
    name = _NAME_BEFORE.search(text, max(0, start - 20), start)
    return name is not None and f"{name.group(1)} {digits}" in named_weapons()


# A headline in title case: every word of four letters or more capitalized, three at least.
# Its capitals say nothing of names ("Drone Attack Wounds Three Civilians"), and it is read
# as if it were in lower case where the reader looks at case.
_HEADLINE_WORD = regex.compile(r"[\p{L}][\p{L}'’-]{3,}")
_HEADLINE_LINE = 200


def headline(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is a headline in title case.

    >>> headline("Drone Attack Wounds Three Civilians in Odesa", 20), headline("He said Three Rivers", 8)
    (True, False)
    """
    start = max(text.rfind("\n", 0, pos) + 1, pos - _HEADLINE_LINE, 0)
    end = text.find("\n", pos, pos + _HEADLINE_LINE)
    words = _HEADLINE_WORD.findall(text, start, end if end >= 0 else min(len(text), pos + _HEADLINE_LINE))
    return len(words) >= 3 and all(word[0].isupper() for word in words)


# "The town was shelled 300 times": events counted in times, where the clause tells of attacks.
_TIMES = regex.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?(?P<unit>times)\b", regex.IGNORECASE)


def _times(text: str, amount, phrase) -> Reading | None:
    if phrase is None or phrase.captures(_PHRASE_TOKEN)[0].rstrip(".").lower() != "times":
        return None
    times = match_after(_TIMES, text, amount.end, 12)
    if times is None or (times.group(0).lower().lstrip().startswith("of") and amount.qualifier != "vague") \
            or not counts_attacks(text, amount.start):
        return None
    return Reading(amount.start, times.end(), NAME, "times", "count", "count", "count.times", amount, "times")


# A line shorter than this ends a row or a paragraph ("Net 2,986,000\n    Revs 5.1 mln"); a
# longer one was wrapped at a width, and its break is a space inside the phrase.
WRAPPED_LINE = 50


def _unwrapped(text: str, start: int, spans: list[tuple[int, int]]) -> int:
    """How many of the words (their spans, the first one's space from `start` on) come
    before the first line break that is no wrap."""
    for i, (word_start, _) in enumerate(spans):
        gap_start = spans[i - 1][1] if i else start
        if "\n" in text[gap_start:word_start]:
            line_start = text.rfind("\n", 0, gap_start) + 1
            if gap_start - line_start < WRAPPED_LINE:
                return i
    return len(spans)


# Points are no count of things (a percentage's points, a clock's), except where the text
# scores them: "averaged 18.4 points a game", "scored 30 points".
_POINTS = regex.compile(r"[ \u00a0]+(?P<unit>points)\b", regex.IGNORECASE)
_POINTS_STARTS = case_blind("p")
_SCORE_AFTER = regex.compile(r"[ \u00a0]+(?:a|per|each|every)[ \u00a0]+(?:game|match|contest|night|outing)\b", regex.IGNORECASE)
_SCORE_BEFORE = regex.compile(r"\b(?:scored|scores|scoring|averaged|averages|averaging|tallied|racked[ \u00a0]+up|"
                              r"won[ \u00a0]+by|lost[ \u00a0]+by|finished[ \u00a0]+with|had)[ \u00a0]+$", regex.IGNORECASE)


def _score(text: str, amount) -> Reading | None:
    """A score in points where a cue says so (rule count.score); otherwise points are latent."""
    if next_char(text, amount.end, 12) not in _POINTS_STARTS:
        return None
    points = match_after(_POINTS, text, amount.end, 12)
    if points is None:
        return None
    if not (match_after(_SCORE_AFTER, text, points.end(), 20) or search_before(_SCORE_BEFORE, text, amount.start, 24)):
        return None
    return Reading(amount.start, points.end(), NAME, points.group("unit"), "count", "count", "count.score", amount,
                   points.group("unit"))


def _counted(text: str, amount, phrase) -> Reading | None:
    """A number and the noun phrase it counts: "some 10,000 North Korean troops"."""
    numeral = amount.numeral
    # "of" is how vague amounts count ("millions of Americans"), and never digits.
    of = phrase.group(_PHRASE_OF)
    if of and amount.qualifier != "vague" and numeral.kind != "words":
        return None
    if of and numeral.kind == "words" and amount.qualifier != "vague" \
            and not numeral.text.lower().endswith(("dozen", "hundred", "thousand", "million", "billion")):
        return None  # "one of its key elements", "two of them"
    words = phrase.captures(_PHRASE_TOKEN)
    # The first word decides most phrases: one that starts with a digit or that no phrase runs
    # through ("1 2 3", "5 km") has no head, whatever follows (see _head).
    if words[0][0].isdigit() or _never_in_phrase(words[0]):
        return None
    spans = phrase.spans(_PHRASE_TOKEN)
    if "\n" in text[phrase.start():phrase.end()]:
        kept = _unwrapped(text, phrase.start(_PHRASE_WORDS), spans)
        words, spans = words[:kept], spans[:kept]
    head = _head(words)
    if head is None:
        return None
    first = spans[0][0]
    unit = words[head].rstrip(".")
    if amount.qualifier == "exact" and numeral.value == 1 and _regular_plural(unit):
        return None  # "the one Ukrainian forces": one is never a count of a plural
    if numeral.is_year_like and noun_class(unit) is None and cues.self_measure(unit) is None:
        return None  # "2023 commitments": a year before a noun; "2000 troops" is a count
    end = spans[head][0] + len(unit)
    of_war = match_after(_OF_WAR, text, end)
    if of_war is not None and cues.self_measure(f"{unit} of war"):
        end = of_war.end()  # "prisoners of war"
    subject = text[first:end]
    if unit.lower() in PARTITIVE_HEADS:  # "ten pieces of military equipment"
        of = match_after(_OF_COMPLEMENT, text, end)
        if of is not None:
            subject = text[first:of.end()].rstrip(".")
    elif unit.lower() in ATTACK_NOUNS:
        complement = match_after(_COMPLEMENT, text, end)
        if complement is not None:
            object_end = _object_end(text, complement)
            if object_end is not None:
                subject = text[first:object_end]
    return Reading(amount.start, end, NAME, unit, "count", "count", "count.number_noun",
                   amount, subject)


_OF_WAR = regex.compile(r"[ \u00a0]+of[ \u00a0]+war\b", regex.IGNORECASE)
# The casualty words an elided count stands with: participles and adjectives after it
# ("45 wounded", "27 dead", "45 were injured"), verbs before it ("killed 3 and injured 45").
_AUXILIARIES = r"(?:[ \u00a0]+(?:were|was|are|is|have|has|had|been|being|reportedly|also|later|more|others?|people|persons))*"
_CASUALTY_CUES = [cue for cue, (category, _) in cues.BY_CLASS["people"].items()
                  if category == "casualties" and " " not in cue]
_PARTICIPLES = [cue for cue in _CASUALTY_CUES if cue.endswith("ed") or cue in ("dead", "hurt", "missing", "slain", "died")]
_VERBS = [cue for cue in _CASUALTY_CUES if cue.endswith(("ed", "ing", "kill", "wound", "injure"))
          and cue not in ("displaced", "missing", "treated")]
_CASUALTY_STEMS = frozenset(cue[:4] for cue in _CASUALTY_CUES)
# The stems are found, in any case, as lower-case words in the window folded as a case-blind
# match sees it (patterns.ascii_folded), as a trie by the standard library's engine: the same
# answer as a case-blind `regex` alternation of them, which took 15 to 30 µs for each number
# in text with letters (as long as all the rest of the count reader), this 1 to 2.
assert all(stem.isascii() and stem.isalpha() and stem.islower() for stem in _CASUALTY_STEMS)
_CASUALTY_NEAR = re.compile(trie_pattern(sorted(_CASUALTY_STEMS)))
# Where numbers are dense, their windows overlap and each character is read again for every
# number near it: once the windows asked about add up to the text's length, every place a
# stem starts is found in one pass (with the end of the shortest stem there) and each window
# is a bisection. The cost is at most twice the lesser of the two, whatever the density.
_STEM_AT = re.compile("(?=(" + "|".join(sorted(_CASUALTY_STEMS, key=len)) + "))")
_STEMS: list = [None, 0, None, None]  # the text last asked about, characters asked, starts, ends


def _casualty_near(text: str, start: int, end: int) -> bool:
    """Whether a casualty stem, in any case, lies in text[start:end] (one scan for every stem)."""
    if _STEMS[0] is not text:
        _STEMS[:] = [text, 0, None, None]
    if _STEMS[2] is None:
        _STEMS[1] += end - start
        if _STEMS[1] <= len(text):
            return _CASUALTY_NEAR.search(ascii_folded(text[start:end])) is not None
        found = list(_STEM_AT.finditer(ascii_folded(text)))
        _STEMS[2], _STEMS[3] = [m.start() for m in found], [m.end(1) for m in found]
    starts, ends = _STEMS[2], _STEMS[3]
    i = bisect.bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        if ends[i] <= end:
            return True
        i += 1
    return False
_ELIDED_AFTER = regex.compile(rf"{_AUXILIARIES}[ \u00a0\n]+(?:{'|'.join(_PARTICIPLES)})\b", regex.IGNORECASE)
_ELIDED_BEFORE = regex.compile(
    rf"\b(?:{'|'.join(sorted(_VERBS, key=len, reverse=True))})[ \u00a0\n]+"
    r"(?:(?:at[ \u00a0]+least|more[ \u00a0]+than|over|about|some|nearly|almost|around|up[ \u00a0]+to|as[ \u00a0]+many[ \u00a0]+as|another|a[ \u00a0]+further|an[ \u00a0]+estimated)[ \u00a0\n]+)?$",
    regex.IGNORECASE)
# After the number, nothing that could be its noun: the clause ends.
_CLAUSE_ENDS = regex.compile(
    r"[ \u00a0]*(?:[,.;:)\]\u2013\u2014]|$|[ \u00a0\n]+(?:and|or|in|on|at|during|when|while|after|before|including|"
    r"since|so[ \u00a0]+far|overnight|yesterday|today|last|this|across|near|outside|inside|as|by|more|others?)\b)", regex.IGNORECASE)
# "dozens of people (at least 40) were killed": the number in brackets after a counted noun.
_BRACKETED = regex.compile(rf"(?P<noun>{_WORD})[ \u00a0]*\([ \u00a0]*(?:(?:at[ \u00a0]+least|more[ \u00a0]+than|over|about|some|nearly|almost|around|up[ \u00a0]+to)[ \u00a0]+)?$",
                           regex.IGNORECASE)
_CLOSING = regex.compile(r"[ \u00a0]*\)")
# A casualty noun, then a dash or a colon, then its number: "casualties – over 600,000".
_NAMED_BEFORE = regex.compile(
    rf"\b(?P<noun>{'|'.join(sorted((c for c, (category, _) in cues.SELF.items() if category == 'casualties' and ' ' not in c), key=len, reverse=True))})"
    r"[ \u00a0]*(?:[:\u2013\u2014]|--|[ \u00a0]-)[ \u00a0]*"
    r"(?:(?:at[ \u00a0]+least|more[ \u00a0]+than|over|about|some|nearly|almost|around|up[ \u00a0]+to)[ \u00a0]+)?$",
    regex.IGNORECASE)
_NAMED_LINKS = frozenset(":-\u2013\u2014")
# A part of a whole counted before it, with no noun of its own.
_INCLUDING_BEFORE = regex.compile(
    r"\b(?:including|among[ \u00a0]+(?:them|whom))[ \u00a0]+(?:(?:at[ \u00a0]+least|more[ \u00a0]+than|over|about|some|nearly|almost)[ \u00a0]+)?$",
    regex.IGNORECASE)
_WORD_PATTERN = regex.compile(_WORD)
_CLAUSE_STOP = regex.compile(r"[,;:.()]|\band\b")
_SENTENCE_BREAK = regex.compile(r"[.!?;:\n](?=\s)")
_NOUN_BACK = 160


def _elided(text: str, amount) -> Reading | None:
    """A count whose noun the clause gives: "12 civilians were killed and 45 wounded" (45
    civilians, wounded), "the strike killed 3", "27 dead". The noun is the nearest people
    noun before it in the sentence, or "people" where the sentence names none."""
    numeral = amount.numeral
    if numeral.kind not in ("digits", "words", "vague") or amount.qualifier == "range" and numeral.kind == "vague":
        return None
    bracketed = search_before(_BRACKETED, text, amount.start, 60) if "(" in text[max(0, amount.start - 20):amount.start] else None
    if bracketed is not None and match_after(_CLOSING, text, amount.end) \
            and is_counted_noun(bracketed.group("noun")):
        noun = bracketed.group("noun")
        return Reading(amount.start, amount.end, NAME, noun, "count", "count", "count.elided_noun", amount, noun)
    tally = tallied(text, amount.start, amount.end)
    if tally is not None:  # "the death toll climbed to 4,300": a count of what the tally counts
        return Reading(amount.start, amount.end, NAME, tally.unit, "count", "count", "count.tally", amount,
                       tally.subject)
    part = (match_after(_PART_OF, text, amount.end)
            if "of" in text[amount.end:amount.end + 16].lower() else None)
    if part is not None:
        noun = _part_noun(text, part)
        if noun is None and part.group("whom") and _casualty_near(text, part.end(), min(len(text), part.end() + 40)):
            noun = "people"  # "four of them were confirmed dead"
        # "one of the strikes" picks one out, where the clause says what befell it ("one of
        # the missiles was intercepted"); "one of its key elements" is no count
        if noun is not None and (numeral.value != 1 or _befell(text, amount.start, text.find(noun, part.start()) + len(noun), noun)):
            return Reading(amount.start, amount.end, NAME, noun, "count", "count", "count.part_of", amount, noun)
    # (each look tried only where the words before the number hold what it needs)
    window = text[max(0, amount.start - 40):amount.start]
    named = search_before(_NAMED_BEFORE, text, amount.start, 40) \
        if not _NAMED_LINKS.isdisjoint(window) else None
    if named is not None and match_after(_CLAUSE_ENDS, text, amount.end):
        noun = named.group("noun")  # "mounting casualties – over 600,000 since the start"
        return Reading(amount.start, amount.end, NAME, noun, "count", "count", "count.elided_noun", amount, noun)
    window = window.lower()
    including = search_before(_INCLUDING_BEFORE, text, amount.start, 40) \
        if "includ" in window or "among" in window else None
    if including is not None and match_after(_CLAUSE_ENDS, text, amount.end):
        noun = _people_noun_before(text, including.start())
        if noun is not None:  # "killed 100 personnel since the war began, including 30 since April"
            return Reading(amount.start, amount.end, NAME, noun, "count", "count", "count.part_of", amount, noun)
    if not _casualty_near(text, max(0, amount.start - 40), min(len(text), amount.end + 60)):
        return None  # no casualty word near: nothing elided
    after = match_after(_ELIDED_AFTER, text, amount.end)
    if after is None:
        before = search_before(_ELIDED_BEFORE, text, amount.start, 40)
        if before is None or not match_after(_CLAUSE_ENDS, text, amount.end):
            return None
    noun = _people_noun_before(text, amount.start)
    return Reading(amount.start, amount.end, NAME, noun or "people", "count", "count",
                   "count.elided_noun", amount, noun)


# "shot down 54 of the missiles", "60 of 76 Russian missiles", "15 of whom": a part counts
# what its whole counts.
_PART_OF = regex.compile(
    rf"{_SPACE}of{_SPACE}(?:(?P<whom>whom|them)\b|(?:the|these|those|its|their|our|your|his|her|my){_SPACE}"
    rf"(?P<noun_after>(?:{_WORD}{_SPACE}){{0,3}}{_WORD})|(?P<digits>[0-9][0-9,]*){_SPACE}(?P<noun_whole>(?:{_WORD}{_SPACE}){{0,3}}{_WORD}))",
    regex.IGNORECASE)
_PART_CLAUSE = 60


def _befell(text: str, start: int, end: int, noun: str) -> bool:
    """Whether the clause around a part of what `noun` counts says what befell it: its verb
    before it ("intercepted one of the missiles") or after ("one of the projectiles was
    intercepted")."""
    klass = noun_class(noun)
    klass = "people" if klass == "military_personnel" else klass
    if klass not in ("people", "weapons", "equipment", "structures"):
        return False
    after = text[end:end + _PART_CLAUSE]
    stop = _CLAUSE_STOP.search(after)
    before = text[max(0, start - _PART_CLAUSE // 2):start]
    stops = list(_CLAUSE_STOP.finditer(before))
    return cues.measure_of(klass, after[:stop.start()] if stop else after) is not None \
        or cues.measure_of(klass, before[stops[-1].end():] if stops else before) is not None


def _part_noun(text: str, part) -> str | None:
    """The counted noun of a part's whole: after "of the", after the whole's number, or
    for "of whom" the people noun before."""
    if part.group("whom"):
        return _people_noun_before(text, part.start())
    words = (part.group("noun_after") or part.group("noun_whole") or "").split()
    for word in words:
        word = word.rstrip(".,")
        if is_counted_noun(word) or _is_named_weapon(word, [], 0):
            return word
        if _never_in_phrase(word) or not _modifier(word):
            return None
    return None


def _people_noun_before(text: str, start: int) -> str | None:
    window_start = max(0, start - _NOUN_BACK)
    window = text[window_start:start]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    for word in reversed(_WORD_PATTERN.findall(window)):
        word = word.rstrip(".")
        if is_counted_noun(word) and noun_class(word) == "people":
            return word
    return None


_SINGULAR_CUE = 40


def _single(text: str, amount, phrase) -> Reading | None:
    """"One man was killed": one of a singular person, where a casualty cue follows."""
    numeral = amount.numeral
    if phrase is None or numeral.value != 1 or amount.qualifier != "exact" or numeral.kind != "words":
        return None
    words, spans = phrase.captures(_PHRASE_TOKEN), phrase.spans(_PHRASE_TOKEN)
    for i, token in enumerate(words[:3]):
        token = token.rstrip(".")  # "injuring one officer."
        if noun_class(token) == "people" and (not token[0].isupper() or headline(text, spans[i][0])):
            end = spans[i][0] + len(token)
            tail = text[end:min(len(text), end + _SINGULAR_CUE)]
            stop = _CLAUSE_STOP.search(tail)
            if cues.measure_of("people", tail[:stop.start()] if stop else tail) \
                    or search_before(_ELIDED_BEFORE, text, amount.start, 40):  # "injuring one officer"
                return Reading(amount.start, end, NAME, token, "count", "count", "count.number_noun",
                               amount, text[spans[0][0]:end])
            return None
        if _never_in_phrase(token) or not _modifier(token):
            return None
    return None


def _head(words: list[str]) -> int | None:
    """Index of the counted head noun among the words after a number (as written), or None.

    Modifiers may come first ("North Korean troops"); a noun that modifies the next one
    gives way to it ("naval infantry divisions", "armored personnel carriers", "HIMARS
    missiles"), as long as no stop word or sentence end comes between.
    """
    head = None
    for i, token in enumerate(words):
        if token[0].isdigit():
            if i > 0 and words[i - 1][0].isupper():
                continue  # "Leopard 2"
            return None
        if token.lower() in ("and", "or") and 0 < i < len(words) - 1 and (
                words[i - 1][0].isupper() and words[i + 1][0].isupper()
                or _modifier(words[i - 1]) and _modifier(words[i + 1]) and not is_counted_noun(words[i - 1])):
            continue  # "90 Kh-101 and Kalibr cruise missiles", "13 proud and patriotic service members"
        if _never_in_phrase(token):
            return None
        named = _is_named_weapon(token, words, i)
        if (is_counted_noun(token) or named) and not (_is_acronym(token) and i + 1 < len(words) and not named):
            head = i
            break
        if not _modifier(token) or token.endswith(".") and not _DOTTED.fullmatch(token):
            compound = _compound_head(words, i)
            if compound is None:
                return None
            head = compound
            break
    if head is None:
        return None
    if _regular_plural(words[head]):
        return head  # "four primary efforts Russian forces are": the plural ends the phrase
    for later in range(head + 1, min(head + 3, len(words))):
        previous = words[later - 1]
        token = words[later]
        if previous.endswith(".") or _never_in_phrase(token):
            break
        if is_counted_noun(token):
            head = later
            break
        if not _modifier(token):
            break
    return head


def _compound_head(words: list[str], i: int) -> int | None:
    """The head of a compound of plain nouns before a counted one ("air defence systems",
    "patrol boats"): up to two lower-case words that no rule reads otherwise."""
    for j in (i + 1, i + 2):
        if j >= len(words):
            return None
        between = words[j - 1]  # the words before j (words[i] passed at i + 1)
        if not (_plain_noun(between) or j > i + 1 and between[0].isupper() and _modifier(between)):
            return None  # "100 innocent Afghan civilians": a name may stand before the head
        token = words[j]
        if is_counted_noun(token) and (not token[0].isupper() or noun_class(token.rstrip(".")) == "people"):
            return j  # "more than 100 innocent Afghans"
    return None


@lru_cache(maxsize=WORD_CACHE)
def _plain_noun(word: str) -> bool:
    """A lower-case word no rule reads otherwise: one of a compound ("air defence systems")."""
    return word.replace("-", "").isalpha() and word.islower() and not _never_in_phrase(word) \
        and not word.endswith("ly")


def _is_named_weapon(token: str, words: list[str], i: int) -> bool:
    """A named weapon counts as a head where no noun follows it: "2,000 Javelin", not "two
    HIMARS missiles"."""
    if token not in named_weapons():
        return False
    following = words[i + 1] if i + 1 < len(words) else ""
    return not (is_counted_noun(following) or following.lower() in ("system", "missile", "launcher")
                or _compound_head(words, i + 1) is not None)  # "four S-300 air defense systems"


_DOTTED = regex.compile(r"(?:\p{L}\.){2,}")  # "U.S.", "U.K.": a name, not a sentence end


@lru_cache(maxsize=WORD_CACHE)
def _never_in_phrase(word: str) -> bool:
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return False  # "28,000 US troops": an acronym is a name, never a stop word
    lower = word.lower()
    # An acronym is a name, not a unit: "five SEC commissioners" is no count of seconds. The
    # units are looked up as their readers match them, case-blind ("kmſ" is "kms").
    return lower in STOPWORDS or lower in NOT_COUNTED or (fold(word) in _other_units() and not _is_acronym(word))


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
    "more", "other", "another", "new", "already",  # "one million already vulnerable internally displaced people"
}


@lru_cache(maxsize=WORD_CACHE)
def _modifier(word: str) -> bool:
    """Adjectives, names and nouns that modify the head: "North Korean", "civilian",
    "US-made", "fighting"; verbs in -ed are not ("June 23 showed Russian troops")."""
    lower = word.lower()
    return (word[0].isupper() or _ARTICLE_NAME.match(word) is not None or lower in PARTICIPLES or lower in lexicons.adjectives() or lower.endswith(
        ("an", "al", "ic", "ive", "ian", "ese", "ish", "ary", "ful", "less", "made", "ing",
         "ern", "ile", "ar", "ior", "-based", "-made", "-range", "ly")) or is_counted_noun(word))


# A name that opens with an Arabic article: "12,000 al-Waer residents", "al-Shabab fighters".
_ARTICLE_NAME = regex.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ed|es|et)-\p{Lu}")


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
    Example(title=WAR_IN_UKRAINE, text="12,000 people have been killed", span="12,000 people", value=12000,
            category="casualties", measure="killed", subject="people"),
    # "and a half" is a half of one, times the scale after it, or a half of the scale before it.
    Example("two and a half million people fled the fighting", span="two and a half million people", value=2.5e6),
    Example("A million and a half displaced from their homes", span="A million and a half", value=1.5e6),
    # A quotation mark may open the phrase; adjectives joined by "and", and a name before
    # the head, stay in it.
    Example(title=WAR_IN_UKRAINE, text="the strike injured 40 “bearded men,” likely Chechen forces",
            span="40 “bearded men", value=40, category="casualties", measure="wounded"),
    Example("13 proud and patriotic American service members were killed in the terrorist attack",
            span="13 proud and patriotic American service members", value=13, category="casualties",
            measure="killed"),
    Example("the strike killed 100 innocent Afghan civilians", span="100 innocent Afghan civilians", value=100,
            category="casualties", measure="killed"),
    Example(title=WAR_IN_UKRAINE, text="with over 2,000 attacks on healthcare facilities and two million homes damaged",
            span="over 2,000 attacks", value=2000, low=2000, qualifier="more_than",
            category="attacks", subject="attacks on healthcare facilities"),
    Example(title=WAR_IN_UKRAINE, text="with over 2,000 attacks on healthcare facilities and two million homes damaged",
            span="two million homes", value=2e6, category="damage", measure="damaged",
            subject="homes"),
    Example(title=WAR_IN_UKRAINE, text="The move also comes as some 10,000 North Korean troops were deployed",
            span="some 10,000 North Korean troops", value=10000, qualifier="approximately",
            low=None, high=None, category="troops", subject="North Korean troops"),
    Example("Moscow has escalated its drone campaign, with over 2,000 strikes in October alone.",
            span="over 2,000 strikes", value=2000, category="attacks"),
    Example("13,000 workers", value=13000, category="other", subject="workers"),
    Example("five SEC commissioners", value=5, unit="commissioners"),
    Example("five tanks", value=5, category="other"),
    Example("three villages", value=3),
    Example("millions of Americans", low=1e6, high=1e9, qualifier="vague"),
    Example(title=WAR_IN_UKRAINE, text="a dozen soldiers", value=12, category="troops"),
    Example(title=WAR_IN_UKRAINE, text="hundreds of civilians were killed", span="hundreds of civilians", low=100,
            high=1000, category="casualties", measure="killed"),
    Example("Russia launched 90 missiles and 100 drones overnight", span="90 missiles",
            value=90, category="attacks"),
    Example(title=WAR_IN_UKRAINE, text="at least 20 people were wounded", span="at least 20 people", low=20,
            qualifier="at_least", category="casualties", measure="wounded"),
    Example(title=WAR_IN_UKRAINE, text="10\u2009000 soldiers", value=10000, category="troops"),
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

# Counts of any noun: the modifiers between a number and its head are adjectives from
# WordNet (extractors/data/adjectives.tsv), participles, names and compounds.
EXAMPLES += [
    Example("There are six playable characters and three new maps.", span="six playable characters",
            unit="characters"),
    Example("There are six playable characters and three new maps.", span="three new maps", unit="maps"),
    Example("The team got seven more draft picks", span="seven more draft picks", unit="picks"),
    Example("more than 900 kidney transplants", low=900, unit="transplants"),
    Example("Russia sent 2,000 more troops", span="2,000 more troops", category="troops"),
    # A measured bare number only where a cue says so.
    Example("He averaged 18.4 points a game.", span="18.4 points", value=18.4, unit="points"),
    Example("She scored 30 points against Boston", span="30 points", value=30),
]

# Issue 26: tallies with no counted noun take the noun of what they count; partitives the
# noun of their whole ("two of our soldiers", "four of them", "one of the projectiles" where
# the clause says what befell it); events counted in times where the clause tells of
# attacks; a headline in title case read as if in lower case; a year before a noun of no
# class is a year.
EXAMPLES += [
    Example("The death toll in Gaza climbed to 4,300, the health ministry said.", span="4,300", value=4300,
            unit="people", subject="death toll"),
    Example("The latest casualty raised the number of Turkish troops killed in the Syria offensive to 67.",
            span="67", unit="troops"),
    Example("The number of displaced in Sudan has passed 2 million.", span="2 million", value=2e6),
    Example("Ukraine's army will grow by 20,000 this year", span="20,000", unit="troops"),
    Example("Hamas took 40 people hostage; four of them were confirmed dead.", span="four", unit="people"),
    Example("Russian shelling killed two of our soldiers near Bakhmut", span="two", unit="soldiers"),
    Example("Ukrainian air defenses shot down 60 of 76 Russian missiles", span="60", unit="missiles"),
    Example("one of the projectiles was intercepted by the Arrow system", span="one", unit="projectiles"),
    Example("The town was shelled 300 times in a day", span="300 times", value=300, unit="times"),
    Example("Russia violated the ceasefire 1,500 times", span="1,500 times", unit="times"),
    Example("The Houthis fired at warships dozens of times", span="dozens of times", low=12, high=120),
    Example("Drone Attack Wounds Three Civilians in Odesa", span="Three Civilians", value=3),
    Example("RSF Attack Kills Dozens Of Villagers In Darfur", span="Dozens Of Villagers", low=12),
    Example("One Soldier Killed In Houthi Attack", span="One Soldier", value=1),
    Example("The fighting has left 9 million internally displaced people", span="9 million internally displaced people"),
    Example("The IDF has killed thousands of Hamas fighters", span="thousands of Hamas fighters", unit="fighters"),
    Example("killed 100 Russian personnel since the war began, including 30 since April 12", span="30",
            unit="personnel"),
    Example("during a routine traffic stop, injuring one officer.", span="one officer", unit="officer"),
    Example("The fighting has uprooted 10 million Sudanese", span="10 million Sudanese", unit="Sudanese"),
    Example("12,000 al-Waer residents will be displaced", span="12,000 al-Waer residents", unit="residents"),
    Example("as he faces mounting casualties – over 600,000 since the start", span="over 600,000",
            unit="casualties"),
]

NEGATIVES = [
    "One of its key elements is providing our army with long-range capabilities.",
    "Poland likely will send Ukraine Leopard 2 tanks",  # a designation (weapons.tsv), no count of tanks
    "5 more than last year",
    "The index fell 30 points",  # points of an index: latent without a scoring cue
    "The engine makes 85 decibels",  # a sound level, never a count of decibels
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
    "The army will be modernised by 2030",
    "It is three times more expensive than last year",
    "including 2023 commitments from the European Commission",
    "The number of cases reached 2 million",
    "He said Three Rivers was far",
]
