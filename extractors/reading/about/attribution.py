"""Who gives a figure: the source its sentence (or the one before) names for it.

A figure is attributed where the text says who reports it:

- "according to the Kiel Institute for the World Economy" (anywhere in the sentence);
- a trailing ", The Guardian reported." or ", the sources said." (the whole sentence);
- a leading "The UN Humanitarian Coordinator in Ukraine, Matthias Schmale, reported that"
  or "Trump ... has said that" (what follows the verb, not what comes before it: in "they
  can travel up to 300 km, and sources suggest ..." the range is the outlet's own);
- "citing officials", "media reports said" (unnamed officials, the media);
- "he said" / "she told": the person the sentence before names.

Otherwise, in a document that is its author's own statement (a White House release), the
author gives the figure. The name is kept as written (`attributed_to`); `sources.tsv`
normalizes it (`attributed_source`) and says what it is, else its words do: an institute,
a ministry or an office is an organization, officials and sources are unnamed, a name is a
person.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from ..lexicons import read_tsv
from ..patterns import key

KINDS = ("person", "organization", "media", "unnamed_officials", "document_author", "speaker")

_VERBS = (r"(?:said|says|say|told|tells|reported|reports|report|estimated|estimates|announced|announces|"
          r"stated|states|claimed|claims|confirmed|confirms|wrote|writes|added|adds|noted|notes|warned|warns|"
          r"suggested|suggest|suggests|believes|believe)")
_HAVE = r"(?:(?:has|have|had)[ \u00a0]+)?"
# A name as written: capitalized words, with the small words names hold inside ("Institute
# for the Study of War", "Ministry of Defence"), possessives and initials.
# Capitalized words that open a sentence or a clause and name no one.
_NOT_NAMES = (r"(?:(?:I|We|You|They|He|She)['’](?:ve|d|m|ll|re|s)|The|This|That|These|Those|Since|As|In|On|At|When|While|After|Before|Today|It|Its|We|They|"
              r"I|And|But|Our|Their|His|Her|If|Under|Through|With|Without|For|From|By|To|Also|Together|Both|"
              r"Leaders|States|Yesterday|Tomorrow|Now|Then|Here|There)\b")
_CAP = rf"(?:[\p{{Lu}}]\.(?:[\p{{Lu}}]\.)+|(?!{_NOT_NAMES}(?![\p{{L}}'’\-]))[\p{{Lu}}][\p{{L}}\p{{M}}'’\-]*)"
_INNER = r"(?:of|for|the|and|on|in|de|al)"
_NAME = rf"(?:(?:the|The)[ \u00a0]+)?{_CAP}(?:[ \u00a0]+(?:{_INNER}[ \u00a0]+)*{_CAP}){{0,7}}"
# "Ukraine's air force", "Russia's defence ministry": a name's own body, in lower case.
_BODIES = (r"(?:air[ \u00a0]+force|army|navy|military|armed[ \u00a0]+forces|(?:defen[cs]e[ \u00a0]+|foreign[ \u00a0]+)?ministry|"
           r"general[ \u00a0]+staff|government|presidential[ \u00a0]+office|security[ \u00a0]+service|police|"
           r"emergency[ \u00a0]+service|health[ \u00a0]+ministry|prosecutor[ \u00a0]+general)")
_NAME = rf"(?:{_NAME}['’]s[ \u00a0]+{_BODIES}|{_NAME})"
_UNNAMED = (r"(?:(?:the|some|several|two|three|multiple|unnamed|anonymous|senior|U\.S\.|US|American|Western|"
            r"Ukrainian|Russian|European|Israeli|military|defense|defence|intelligence|administration|government)"
            r"[ \u00a0]+)*(?:officials?|sources?|diplomats?|people[ \u00a0]+familiar[ \u00a0]+with[ \u00a0]+the[ \u00a0]+matter)")
_MEDIA = r"(?:(?:multiple|several|local|state|Russian|Ukrainian|Western)[ \u00a0]+)*(?:media[ \u00a0]+)?reports"

_ACCORDING = regex.compile(rf"\baccording[ \u00a0]+to[ \u00a0]+(?P<source>{_MEDIA}[ \u00a0]+citing[ \u00a0]+{_UNNAMED}|"
                           rf"{_UNNAMED}|{_MEDIA}|{_NAME})")
_CITING = regex.compile(rf"\bciting[ \u00a0]+(?P<source>{_UNNAMED}|{_NAME})")
# ", The Guardian reported." / ", the sources said." / ", said John Kirby." at the end.
# (It ends its sentence where no letter or digit follows it there: `_ends`.)
_TRAILING = regex.compile(
    rf",[ \u00a0]+(?:(?P<source>{_UNNAMED}|{_MEDIA}|{_NAME})[ \u00a0]+{_HAVE}{_VERBS}(?:[ \u00a0]+{_NAME})?"
    rf"|{_VERBS}[ \u00a0]+(?P<after>{_NAME}))")
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")
# "X reported that ...", "X, who ..., has said that ...": what follows the verb is X's.
_LEADING = regex.compile(
    rf"(?:^|(?<=[\s,(\"“]))(?P<source>{_UNNAMED}|{_MEDIA}|{_NAME}|he|she|He|She)"
    rf"(?:,[ \u00a0]+(?P<apposition>{_NAME}),|,[^,]{{1,80}},|,)?[ \u00a0]+{_HAVE}{_VERBS}\b")
_PRONOUNS = {"he", "she"}
_ORGANIZATION_WORDS = regex.compile(
    r"\b(?:Institute|Ministry|Ministries|Department|Office|Agency|Council|Commission|Committee|Staff|Army|Forces|"
    r"Force|Navy|Military|Command|Government|Bank|Fund|Organi[sz]ation|Programme|Program|Mission|Service|"
    r"Administration|Parliament|Congress|Senate|Union|University|Center|Centre|Foundation|Group|Authority|Police|"
    r"Guard|Prosecutor|Corporation|Company|Inc|Ltd|Group|Partners|Initiative|Alliance|Coalition|Network|"
    r"Association|Federation|Secretariat|Embassy|Court|Assembly|Cabinet|States)\b", regex.IGNORECASE)
# A personal title before a name: "President Biden", "Secretary Blinken", "Gen. Milley".
_TITLE = regex.compile(r"^(?:President|Vice[ \u00a0]+President|Prime[ \u00a0]+Minister|Secretary|Minister|Ambassador|"
                       r"General|Gen\.|Sen\.|Senator|Rep\.|Representative|Governor|Gov\.|Mayor|Spokesperson|"
                       r"Spokesman|Spokeswoman|Chancellor|King|Queen|Pope|Mr\.|Ms\.|Mrs\.|Dr\.|Admiral|Adm\.)"
                       r"(?:[ \u00a0]+\p{Lu}|$)")


@dataclass(frozen=True)
class Attribution:
    attributed_to: str
    kind: str
    source: str
    end: int                # where the attribution's verb ends: a leading one covers what follows
    whole_sentence: bool


@dataclass(frozen=True)
class _Phrase:
    """An attribution phrase of the text: where it is, its form, and what it attributes."""

    start: int
    end: int
    form: str               # according, citing, trailing, leading, pronoun
    attribution: Attribution


@cache
def _aliases() -> dict[str, tuple[str, str, bool]]:
    return {bare(row["alias"]): (row["source"], row["kind"], row["own_statements"] == "yes")
            for row in read_tsv("sources.tsv")}


def bare(name: str) -> str:
    name = key(name)
    return name[4:] if name.startswith("the ") else name


def normalized(name: str) -> tuple[str, str]:
    """(source, kind) of a name as written."""
    known = _aliases().get(bare(name))
    if known is not None:
        return known[0], known[1]
    plain = name[4:] if name.lower().startswith("the ") else name
    if regex.fullmatch(_UNNAMED, name, regex.IGNORECASE) and not name[:1].isupper() or \
            regex.search(r"\b(?:officials?|sources?|diplomats?)$", name):
        return name, "unnamed_officials"
    if regex.fullmatch(_MEDIA, name):
        return name, "media"
    if _TITLE.search(plain):
        return plain, "person"
    if _ORGANIZATION_WORDS.search(plain) or plain.isupper() or bare(plain) in _organizations() or " " not in plain:
        return plain, "organization"  # a country, a ministry, an agency, a company's one name
    return plain, "person"


@cache
def _organizations() -> frozenset[str]:
    """Countries and organizations of the actor gazetteer (extractors/data/actors*.tsv)."""
    from ..lexicons import actors

    return frozenset(bare(a.form) for a in actors() if a.kind in ("country", "organization"))


@cache
def _authored(author: str) -> Attribution:
    """The attribution of a figure to its document's author (frozen: one for every figure)."""
    return Attribution(author, "document_author", normalized(author)[0], 0, True)


def own_statements(outlet: str | None) -> bool:
    """Whether an outlet's documents are its own statements (sources.tsv)."""
    known = _aliases().get(bare(outlet)) if outlet else None
    return bool(known and known[2])


def _found(name: str, end: int, whole: bool) -> Attribution:
    source, kind = normalized(name)
    return Attribution(name, kind, source, end, whole)


# No attribution phrase is longer (a name of eight words, an aside of 80 characters).
LONGEST_PHRASE = 400


class Attributions:
    """Every attribution phrase of a text, found in one pass over it when the first figure
    asks, then looked up by sentence: the cost is the text's length once, however many
    figures its sentences hold or however long they are."""

    def __init__(self, text: str):
        self.text = text
        self._phrases: list[_Phrase] | None = None
        self._starts: list[int] = []

    def _all(self) -> list[_Phrase]:
        if self._phrases is None:
            text, found = self.text, []
            for form, pattern in (("according", _ACCORDING), ("citing", _CITING)):
                found += [_Phrase(m.start(), m.end(), form, _found(m.group("source"), m.end(), True))
                          for m in pattern.finditer(text)]
            found += [_Phrase(m.start(), m.end(), "trailing",
                              _found(m.group("source") or m.group("after"), m.end(), True))
                      for m in _TRAILING.finditer(text)]
            for m in _LEADING.finditer(text):
                name = m.group("apposition") or m.group("source")  # "The UN coordinator, Matthias Schmale, said"
                if name.lower() in _PRONOUNS:
                    found.append(_Phrase(m.start(), m.end(), "pronoun",
                                         Attribution(name.lower(), "person", "", m.end(), False)))
                else:
                    found.append(_Phrase(m.start(), m.end(), "leading", _found(name, m.end(), False)))
            self._phrases = sorted(found, key=lambda p: p.start)
            self._starts = [p.start for p in self._phrases]
        return self._phrases

    def in_sentence(self, start: int, end: int) -> list[Attribution]:
        """The attributions of the sentence text[start:end], each with the part it covers:
        "according to" and "citing" first, then a trailing one, then the leading ones before it."""
        phrases = self._all()
        # A phrase belongs to the sentence its verb ends in: a sentence cut to its context
        # ("…Coordinator in Ukraine, Matthias Schmale, reported") keeps the phrase it cuts.
        first = bisect.bisect_left(self._starts, start - LONGEST_PHRASE)
        last = bisect.bisect_left(self._starts, end)
        if first == last:
            return []  # most sentences name no one
        inside = [p for p in phrases[first:last] if start < p.end <= end]
        trailing = next((p for p in inside if p.form == "trailing" and self._ends(p, end)), None)
        ordered = [p for p in inside if p.form in ("according", "citing")]
        ordered.sort(key=lambda p: p.form != "according")
        if trailing is not None:
            ordered.append(trailing)
        ordered += [p for p in inside if p.form == "pronoun"
                    or p.form == "leading" and (trailing is None or p.start < trailing.start)]
        return [p.attribution for p in ordered]

    def _ends(self, phrase: _Phrase, end: int) -> bool:
        return _LETTER_OR_DIGIT.search(self.text, phrase.end, end) is None

    def attribute(self, sentence: tuple[int, int], figure_start: int, before=(0, 0),
                  author: str | None = None) -> Attribution | None:
        """Who gives the figure at `figure_start` in the sentence text[sentence[0]:sentence[1]]:
        the sentence's own attribution that covers it, a pronoun resolved through the
        sentence `before` ((start, end), or a function that gives them: only a pronoun needs
        them), or else the document's `author` where its documents are its own statements."""
        self._all()
        if bisect.bisect_left(self._starts, sentence[0] - LONGEST_PHRASE) == bisect.bisect_left(self._starts, sentence[1]):
            found_in_sentence = []  # most sentences name no one (in_sentence's first look, without its call)
        else:
            found_in_sentence = self.in_sentence(*sentence)
        for found in found_in_sentence:
            if not found.whole_sentence and figure_start < found.end:
                continue
            if found.source:
                return found
            people = [a for a in self.in_sentence(*(before() if callable(before) else before))
                      if a.kind == "person" and a.source]
            if people:  # "he said": the person the sentence before names
                return Attribution(people[-1].attributed_to, "person", people[-1].source, found.end, False)
            return None
        if author is not None and own_statements(author):
            return _authored(author)
        return None


EXAMPLES = [
    # (sentence, the figure in it, attributed_to, kind, source)
    ("Since the war began, the U.S. has been Ukraine’s largest arms supplier, committing over $55 billion "
     "in military aid, according to the Kiel Institute for the World Economy.", "over $55 billion",
     "the Kiel Institute for the World Economy", "organization", "Kiel Institute"),
    ("The US will allow Ukraine to use Atacms rockets, which have a range of 190 miles (300km), The Guardian "
     "reported.", "190 miles", "The Guardian", "media", "The Guardian"),
    ("The UN Humanitarian Coordinator in Ukraine, Matthias Schmale, reported that 12,000 people have been "
     "killed.", "12,000 people", "Matthias Schmale", "person", "Matthias Schmale"),
    ("ATACMS missiles, which have a range of up to 306 kilometers, the sources said.", "306 kilometers",
     "the sources", "unnamed_officials", "the sources"),
    ("Biden authorized the use of missiles three years in, according to multiple reports citing officials.",
     "three years", "multiple reports citing officials", "unnamed_officials", "multiple reports citing officials"),
    ("ATACMS missiles can travel up to 300 km, and sources suggest the approval was a response.", "300 km",
     None, None, None),
    ("Trump, who will take office on January 20, has said he would end the war in 24 hours.", "24 hours",
     "Trump", "person", "Donald Trump"),
    ("Russia launched 90 missiles overnight, Ukraine's air force told AFP.", "90 missiles",
     "Ukraine's air force", "organization", "Ukraine's air force"),
    ("About 1,000 soldiers were killed, officials said.", "1,000 soldiers", "officials", "unnamed_officials",
     "officials"),
    ("He said 40 drones were shot down.", "40 drones", None, None, None),  # no one named before
    ("I’ve said it before: 40 drones were shot down.", "40 drones", None, None, None),  # a contraction names no one
    ("Russia fired 120 missiles.", "120 missiles", None, None, None),
]
