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
import re
from dataclasses import dataclass
from functools import cache, lru_cache

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


# A name is asked about again and again (the same officials, the same outlet): its answer is
# kept, for the most recent names (the module's regex calls cost some 300 µs a name).
@lru_cache(maxsize=1 << 12)
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

# Where phrases are looked for. Every phrase holds a word that starts it: "according",
# "citing" or a verb after a space (a leading or a trailing phrase's). Apart from a
# leading phrase's aside (`,[^,]{1,80},`), a phrase is written with letters, marks, ' ’ -,
# spaces, no-break spaces, commas, and periods only after a capital ("U.S.", "J. R."): any
# other character (a digit, a line break, a quote, a period after a small letter) that lies
# between no two commas 81 characters or less apart is inside no phrase. Such a character is
# a free position: no match of any of the four patterns runs over it, so each pattern's
# matches between two free positions are those of a scan of the whole text there, and
# the phrases a sentence asks about are read between the free positions around its words
# that start one, the rest of the text never.
_STARTS = re.compile(rf"according|citing|(?<=[ \u00a0]){_VERBS}")
_VERB = re.compile(rf"(?<=[ \u00a0]){_VERBS}")
_LONGEST_WORD = len("according")
_BOUND_AFTER = regex.compile(r"[^\p{L}\p{M}'’\- \u00a0,.]|(?<!\p{Lu})\.")
_BOUND_BEFORE = regex.compile(r"(?r)(?:[^\p{L}\p{M}'’\- \u00a0,.]|(?<!\p{Lu})\.)")
_ASIDE = 80  # an aside's longest: a bound inside one is no free position


# Where a leading phrase may start: a word that starts a name (a capital: any letter but an
# ASCII small one), or one of the small words a source or a pronoun starts with; its own
# look-behind then decides. The standard library's engine finds these a few times faster
# than `regex` tries _LEADING at every character (0.5 to 1.8 µs a character).
_LEADING_STARTS = re.compile(
    r"\b(?:[^\W\d_a-z]|the|some|several|two|three|multiple|unnamed|anonymous|senior|military|defen[cs]e|"
    r"intelligence|administration|government|official|source|diplomat|people|local|state|media|reports|he|she)")
# The characters a source, a name or the spaces before a verb are written with: a leading
# phrase is a run of them before its verb, or before a comma, a name or a short aside and a
# comma right before the verb's run.
_RUN_BEFORE = regex.compile(r"(?r)(?:[\p{L}\p{M}'’\- \u00a0]|(?<=\p{Lu})\.)*")


def _earliest_start(text: str, verb: int, low: int) -> int:
    """Where a leading phrase whose verb starts at `verb` starts at the earliest (not before `low`)."""
    run = _RUN_BEFORE.match(text, low, verb).start()
    if run <= low or text[run - 1] != ",":
        return run
    comma = run - 1  # "X, Y, said", "X, who ..., said", "X, said": the source ends at one of the commas
    earliest = _RUN_BEFORE.match(text, low, comma).start()
    before = text.rfind(",", low, comma)
    if before >= 0 and (comma - before - 1 <= _ASIDE or earliest == before + 1):
        earliest = min(earliest, _RUN_BEFORE.match(text, low, before).start())
    return earliest


def _leading(text: str, pos: int, endpos: int):
    """_LEADING.finditer(text, pos, endpos), tried only where a leading phrase may start: at
    the words that may start one, between the earliest start of a phrase of each verb and
    the verb, in the order of the text."""
    stretches: list[list[int]] = []
    for start, verb in sorted((_earliest_start(text, v.start(), pos), v.start())
                              for v in _VERB.finditer(text, pos, endpos)):
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], verb)
        else:
            stretches.append([start, verb])
    reached = pos
    for start, verb in stretches:
        for word in _LEADING_STARTS.finditer(text, max(start, reached), verb):
            if word.start() < reached:
                continue
            match = _LEADING.match(text, word.start(), endpos)
            if match is not None:
                reached = match.end()
                yield match


class Attributions:
    """The attribution phrases of a text, read where a sentence asks for them (around the
    words that start one) and kept: the same phrases, at the same places, as a scan of the
    whole text finds, at the cost of the sentences that hold figures.

    >>> text = "Officials said 5 tanks were lost. It rained. 12 people, the UN said, were hurt."
    >>> [(p.form, p.attribution.attributed_to) for p in Attributions(text).phrases(0, len(text))]
    [('leading', 'Officials'), ('trailing', 'the UN'), ('leading', 'the UN')]
    """

    def __init__(self, text: str):
        self.text = text
        self._phrases: list[_Phrase] = []
        self._starts: list[int] = []
        self._read: list[tuple[int, int]] = []  # (free position, free position) read, sorted
        self._covered = (0, 0)  # the last stretch covered
        self._searched: list[list[int]] = []  # [start, end) where the starting words were looked for
        self._walked = (-2, 0, -1)  # (low, position, found) of the last _free_before

    def _free(self, position: int) -> bool:
        """Whether a bound character (a match of _BOUND_*) lies in no aside."""
        text = self.text
        before = text.rfind(",", max(0, position - _ASIDE - 1), position)
        return before < 0 or not 0 <= text.find(",", position + 1, before + _ASIDE + 2)

    def _free_before(self, position: int, low: int) -> int:
        """The last free position before `position`, or `low` (a free one, or -1)."""
        # The walk back from the last figure's start is not walked again: in a run of asides
        # ("5 killed, 6 wounded, " repeated) it went back to the text's start for each figure.
        walked = self._walked if self._walked[0] == low and self._walked[1] <= position else None
        asked, found = position, low
        while position > low + 1:
            bound = _BOUND_BEFORE.search(self.text, low + 1, position)
            if bound is None:
                break
            position = bound.start()
            if walked is not None and position < walked[1]:
                found = walked[2]  # the bounds are single characters: the rest is that walk's
                break
            if self._free(position):
                found = position
                break
        self._walked = (low, asked, found)
        return found

    def _free_after(self, position: int, high: int) -> int:
        """The first free position at or after `position`, or `high` (a free one, or the length)."""
        while position < high:
            bound = _BOUND_AFTER.search(self.text, position, high)
            if bound is None:
                break
            if self._free(bound.start()):
                return bound.start()
            position = bound.start() + 1
        return high

    def _cover(self, start: int, end: int) -> None:
        """Read every phrase that ends in text[start:end]: those of the words that start one
        after the last free position before `start`, each between the free positions around it."""
        text, read = self.text, self._read
        i = bisect.bisect_left(read, (start,))  # read[:i] start before `start`
        if i and start <= read[i - 1][1]:
            if end <= read[i - 1][1]:
                return  # read already
            low = read[i - 1][0]
        else:
            low = self._free_before(start, read[i - 1][1] if i else -1)
        # The words are looked for only where no sentence asked before (figures close together
        # ask about nearly the same stretch, up to FULL_CONTEXT characters either side): a word
        # found there, or one that overlaps it, has its stretch read.
        for gap_start, gap_end in self._unsearched(low + 1, end):
            for word in _STARTS.finditer(text, gap_start, min(len(text), gap_end + _LONGEST_WORD)):
                at = word.start()
                if at >= gap_end:
                    break
                j = bisect.bisect_left(read, (at,))
                if j and at < read[j - 1][1]:
                    continue  # in a stretch read already
                left = self._free_before(at, read[j - 1][1] if j else -1)
                right = self._free_after(word.end(), read[j][0] if j < len(read) else len(text))
                self._scan(left, right)
                read.insert(j, (left, right))

    def _unsearched(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) where words that start a phrase were not looked for yet,
        marked as looked for now."""
        searched = self._searched
        i = bisect.bisect_right(searched, [start, len(self.text) + 1]) - 1
        if i >= 0 and searched[i][1] >= start:
            merged = searched[i]
        else:
            i += 1
            merged = [start, start]
            searched.insert(i, merged)
        gaps, position = [], start
        j = i
        while j < len(searched) and searched[j][0] <= end:
            if searched[j][0] > position:
                gaps.append((position, searched[j][0]))
            position = max(position, searched[j][1])
            j += 1
        if position < end:
            gaps.append((position, end))
        merged[0] = min(merged[0], start)
        merged[1] = max(searched[j - 1][1], end)
        del searched[i + 1:j]
        return gaps

    def _scan(self, left: int, right: int) -> None:
        """The phrases between two free positions (-1: the start, the length: the end)."""
        text = self.text
        pos, endpos = max(0, left), min(len(text), right + 1)
        found = []
        # Each pattern is tried only where the word it starts with is (a verb after a space for
        # the leading and trailing ones, a comma too for a trailing one).
        for form, pattern in (("according", _ACCORDING), ("citing", _CITING)):
            if text.find(form, pos, endpos) >= 0:
                found += [_Phrase(m.start(), m.end(), form, _found(m.group("source"), m.end(), True))
                          for m in pattern.finditer(text, pos, endpos)]
        if _VERB.search(text, pos, endpos) is None:
            leading = ()
        else:
            if text.find(",", pos, endpos) >= 0:
                found += [_Phrase(m.start(), m.end(), "trailing",
                                  _found(m.group("source") or m.group("after"), m.end(), True))
                          for m in _TRAILING.finditer(text, pos, endpos)]
            leading = _leading(text, pos, endpos)
        for m in leading:
            name = m.group("apposition") or m.group("source")  # "The UN coordinator, Matthias Schmale, said"
            if name.lower() in _PRONOUNS:
                found.append(_Phrase(m.start(), m.end(), "pronoun",
                                     Attribution(name.lower(), "person", "", m.end(), False)))
            else:
                found.append(_Phrase(m.start(), m.end(), "leading", _found(name, m.end(), False)))
        if not found:
            return
        found.sort(key=lambda p: p.start)
        i = bisect.bisect_left(self._starts, found[0].start)
        self._phrases[i:i] = found
        self._starts[i:i] = [p.start for p in found]

    def phrases(self, start: int, end: int) -> list[_Phrase]:
        """The phrases that end in text[start:end] and start at most LONGEST_PHRASE before it."""
        if (start, end) != self._covered:  # the figures of a sentence ask in turn
            self._cover(start, end)
            self._covered = (start, end)
        first = bisect.bisect_left(self._starts, start - LONGEST_PHRASE)
        last = bisect.bisect_left(self._starts, end)
        return [p for p in self._phrases[first:last] if start < p.end <= end]

    def in_sentence(self, start: int, end: int) -> list[Attribution]:
        """The attributions of the sentence text[start:end], each with the part it covers:
        "according to" and "citing" first, then a trailing one, then the leading ones before it."""
        # A phrase belongs to the sentence its verb ends in: a sentence cut to its context
        # ("…Coordinator in Ukraine, Matthias Schmale, reported") keeps the phrase it cuts.
        inside = self.phrases(start, end)
        if not inside:
            return []  # most sentences name no one
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
        for found in self.in_sentence(*sentence):
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
