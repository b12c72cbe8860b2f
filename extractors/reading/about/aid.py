"""What an aid amount is, who gives it and to whom as one name each, and its value in US
dollars (issue 24): what an analyst needs to total aid.

Run over a document's figures once they are labelled and situated (`settle`):

- **Actors.** `donor` and `recipient` become one name each (`actors.actor_name`, from the
  gazetteer, whitespace normalized), with their ids (`donor_id`, `recipient_id`:
  `actors.actor_id`) and the words the text wrote (`donor_text`, `recipient_text`). In an
  official statement (its author speaks for a country: authors.tsv), an amount the author
  gives in the first person ("we are providing $N", "I hereby ... direct the drawdown of up
  to $N", "our $N package"), or whose sentence names no actor but its recipient ("the $800
  million package for Ukraine"), has that country as donor, where the sentence names no
  donor; an agency's aid (the Pentagon's, USAID's) is its country's. A country named as the
  recipient is never the donor. A recipient an official statement's sentence does not
  name is the one its paragraph names last before it; a kind it does not say near the amount, the first its
  sentence says, unless the amount is "in aid" of every kind.
- **Scope** (`aid_scope`, the rule in `aid_scope_rule`), from the cue words of
  aid-scopes.tsv around the amount: `requested` (a request, a proposal: the whole
  sentence, and the next where it opens by pointing back: "This includes $6 billion for
  USAI"), `appropriated` (a law, a bill, drawdown authority), `cumulative` (a running
  total: "bringing total ... to", "since", "so far", "this year"; and "has provided $N" with
  no word of an announcement), `part` (an item: "including $N", "of which", a 614(a)(1)
  waiver), `new` (what the text announces: "announced", "today", "additional", "package";
  and an amount no cue marks); a new amount told of as announced before ("last week", "on
  April 5th", "previously") is `aid_scope.reported`: a report of an earlier announcement,
  whose claim it joins up to claims.REPORT_DAYS later; an amount in a reporter's question
  of a transcript is `asked` (it announces nothing). Then, in the document: an amount of one donor and recipient
  that is the sum of two or more others announced beside it is `cumulative` (two packages
  announced together, and their sum: `aid_scope.sum_of_packages`).
- **Value in US dollars** for every amount of money (`value_usd`, `low_usd`, `high_usd`,
  `usd_rate_date`: exchange.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from itertools import combinations

import regex

from .. import exchange, lexicons
from ..lexicons import read_tsv
from ..patterns import fold, one_line
from . import actors, conflicts, places
from . import cues
from .cues import words_pattern, key

SCOPES = ("new", "cumulative", "part", "requested", "appropriated", "asked")
SCOPE_RULES = ("aid_scope.requested", "aid_scope.appropriated", "aid_scope.cumulative", "aid_scope.has_given",
               "aid_scope.part", "aid_scope.announced", "aid_scope.reported", "aid_scope.unmarked",
               "aid_scope.sum_of_packages", "aid_scope.asked")
BEFORE_REACH = 200   # characters before an amount its cues are read in
AFTER_REACH = 150    # and after it
SUM_TOLERANCE = 0.1  # "over $3 billion" for $2.85 billion and $225 million; "nearly $2.5 billion"


@cache
def _cues() -> tuple[dict[str, tuple[str, str, str]], object]:
    table = {key(row["cue"]): (row["scope"], row["side"], row["reach"]) for row in read_tsv("aid-scopes.tsv")}
    return table, words_pattern(row["cue"] for row in read_tsv("aid-scopes.tsv"))


# "has provided $N", "we've already shipped over $N": given before, a total to date, unless
# a word of an announcement stands with it ("has announced", "today").
_HAS_GIVEN = regex.compile(
    r"\b(?:ha(?:ve|s)|['’]ve|had|previously|already)\s+(?:\w+\s+){0,3}?(?:provided|given|sent|delivered|contributed|committed|disbursed|"
    r"spent|allocated|shipped|transferred|donated|obligated|made\s+available)\b[^.;]{0,60}$", regex.IGNORECASE)
# A package told of as announced before: "the $800 million we announced last week", "the
# last PDA", "announced on April 5th". Its claim is the earlier announcement's (claims.py).
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_REPORTED = regex.compile(
    r"(?i:\b(?:(?:last|past)\s+(?:couple\s+of\s+|few\s+)?(?:weeks?|months?|PDA|package|drawdown|tranche|time)|"
    r"the\s+other\s+(?:day|week)|earlier\s+this\s+(?:week|month|year)|previously|(?:weeks|days|months)\s+ago|"
    r"announced\s+(?:on|in|last)|approved\s+in\s+early)|(?:on|in|since|late|early)\s+" + _MONTH + r")\b")
# A sentence that opens by pointing back takes the request or the law of the one before:
# "The request seeks $33 billion. This includes $6 billion for USAI."
_ANAPHORA = regex.compile(r"(?:This|That|It|These|Those|Of\s+(?:this|that|these))\s+(?:\w+\s+)?"
                          r"(?:includes?|including|provides?|would|will|is|are|funding|request|package|amount)\b")
# A year's total: "in 2021, $650 million", "$400 million in 2021".
_YEAR = regex.compile(r"\b(?:in|during|for|over)\s+(?:fiscal\s+(?:year\s+)?|FY\s?)?(?:19|20)\d\d\b[,\s]*$|"
                      r"^\s+(?:\w+\s+){0,4}?(?:in|during)\s+(?:19|20)\d\d\b")
# The first person of an official statement: the author gives.
_FIRST_PERSON = regex.compile(r"\b(?:we|We|I|our|Our|my|My|us)\b|['’]re\b|['’]ve\b|['’]m\b")
_FIRST_PERSON_REACH = 120


@dataclass(frozen=True, slots=True)
class Scope:
    scope: str
    rule: str


def scope_of(text: str, start: int, end: int, sentence: tuple[int, int], others: list[tuple[int, int]]) -> Scope:
    """The scope of the aid amount text[start:end], read from the cues of its sentence
    (aid-scopes.tsv); `others` are the spans of the sentence's other amounts, which a
    `clause` cue does not reach across."""
    table, pattern = _cues()
    window_start = max(sentence[0], start - BEFORE_REACH)
    window_end = min(sentence[1], end + AFTER_REACH)
    sentence_wide: list[str] = []
    nearest: tuple[int, str, str] | None = None
    for side, a, b in (("before", window_start, start), ("after", end, window_end)):
        for found in pattern.finditer(text[a:b]):
            cue_start, cue_end = a + found.start(), a + found.end()
            scope, cue_side, reach = table[key(found.group("cue"))]
            if cue_side not in (side, "either"):
                continue
            if reach == "sentence":
                sentence_wide.append(scope)
                continue
            between = (cue_end, start) if side == "before" else (end, cue_start)
            if any(between[0] <= o_start and o_end <= between[1] for o_start, o_end in others):
                continue  # another amount stands between: the cue is its
            distance = between[1] - between[0]
            if nearest is None or distance < nearest[0]:
                nearest = (distance, scope, found.group("cue"))
    if _ANAPHORA.match(text, sentence[0]):  # "This includes $6 billion for USAI": the request before
        for found in pattern.finditer(text[max(0, sentence[0] - 2 * BEFORE_REACH):sentence[0]]):
            scope, _, reach = table[key(found.group("cue"))]
            if reach == "sentence":
                sentence_wide.append(scope)
    for scope in ("requested", "appropriated"):
        if scope in sentence_wide:
            return Scope(scope, f"aid_scope.{scope}")
    if nearest is not None and nearest[1] != "new":
        return Scope(nearest[1], f"aid_scope.{nearest[1]}")
    if _YEAR.search(text, max(sentence[0], start - 40), start) or _YEAR.match(text, end, min(sentence[1], end + 40)):
        return Scope("cumulative", "aid_scope.cumulative")  # "in 2021, $650 million": a year's total
    if nearest is None and _HAS_GIVEN.search(text, max(sentence[0], start - 80), start):
        return Scope("cumulative", "aid_scope.has_given")
    if _REPORTED.search(text, max(sentence[0], start - BEFORE_REACH), min(sentence[1], end + AFTER_REACH)):
        return Scope("new", "aid_scope.reported")
    if nearest is not None:
        return Scope("new", "aid_scope.announced")
    return Scope("new", "aid_scope.unmarked")


_OF_EVERY_KIND = regex.compile(r"\s+(?:in|of)\s+(?:(?:new|additional|total|U\.S\.|US|American)\s+)?"
                               r"(?:aid|assistance|support|funding)\b", regex.IGNORECASE)
# Givers the gazetteer has no name for: "Allies will provide", "our partners pledged".
_OTHER_GIVERS = regex.compile(r"\b(?:[Aa]llies|[Pp]artners|[Dd]onors|[Mm]ember\s+[Ss]tates|other\s+countries|"
                              r"Europeans|[Cc]oalition)\b")
# "I authorized", "we are providing", "we'll be sending": the author gives.
_AUTHOR_GIVES = regex.compile(
    r"\b(?:I|we|We)\b(?:\s+[\w’']+){0,3}?\s+(?:authoriz\w*|announc\w*|provid\w*|send\w*|sent|direct\w*|"
    r"deliver\w*|commit\w*|pledg\w*|approv\w*|sign\w*|rush\w*)\b")


def _author_gives_after(text: str, q) -> bool:
    """Whether the author's first person gives the amount after the donor the sentence
    names: a country named before the author's own verb is no giver of its amount."""
    sentence_end = q.sentence_start + len(q.sentence)
    written = q.donor or ""
    at = text.rfind(written, q.sentence_start, q.start) if written else -1
    if at < 0:
        return False
    return bool(_AUTHOR_GIVES.search(text, at + len(written), q.start)) and q.end <= sentence_end


def _first_person_gives(text: str, start: int, sentence_start: int) -> bool:
    """Whether the amount's clause, before it, speaks in the first person ("we are
    providing", "I hereby ... direct", "our $N package")."""
    return bool(_FIRST_PERSON.search(text, max(sentence_start, start - _FIRST_PERSON_REACH), start))


def settle(text: str, quantities: list, author: str | None = None, published: dt.date | None = None) -> list:
    """The figures of a document with their aid scope, canonical actors and US dollars (see
    the module's docstring). A figure relabelled replaces its old self in the list given: the
    old one is freed at once, not held until every figure is settled."""
    speaks_for = actors.acts_for(author)
    money = [(q.start, q.end) for q in quantities if q.dimension == "currency"]
    for i, q in enumerate(quantities):
        update = {}
        if q.dimension == "currency":
            (value, low, high), on = exchange.converted(q.normalized_unit, published, q.normalized_value,
                                                        q.normalized_low, q.normalized_high)
            update.update(value_usd=value, low_usd=low, high_usd=high, usd_rate_date=on)
        if q.category == "aid":
            update.update(_parties(text, q, speaks_for))
            update.update(_place_of_aid(q, update["recipient_id"], update["recipient"]))
            if q.aid_kind is None and not _OF_EVERY_KIND.match(text, q.end):
                # "the $800 million package" of a sentence on security assistance; "$175
                # billion in aid" is aid of every kind, whatever else its sentence says
                update["aid_kind"] = cues.aid_kind_of(q.sentence)
            if q.dimension == "currency" and q.is_question:
                # a reporter's question announces nothing: "the $13.6 billion in aid", "this $60
                # billion aid package" are amounts asked about, whatever the words around them
                update.update(aid_scope="asked", aid_scope_rule="aid_scope.asked")
            elif q.dimension == "currency":
                sentence = (q.sentence_start, q.sentence_start + len(q.sentence))
                others = [span for span in money if span != (q.start, q.end) and sentence[0] <= span[0] < sentence[1]]
                found = scope_of(text, q.start, q.end, sentence, others)
                update.update(aid_scope=found.scope, aid_scope_rule=found.rule)
        if update:
            quantities[i] = q.model_copy(update=update)
    return _sums_of_packages(quantities)


def _parties(text: str, q, speaks_for: str | None) -> dict:
    donor, recipient = actors.actor_name(q.donor), actors.actor_name(q.recipient)
    if speaks_for is not None and recipient == speaks_for:
        recipient = None  # "during Zelenskyy's visit to the United States": a place, in its own statement
    if recipient is None and speaks_for is not None:  # "... to Ukraine. The package includes $N": the paragraph's
        recipient = actors.actor_name(actors.recipient_before(text, q.sentence_start))
        if speaks_for is not None and recipient == speaks_for:
            recipient = None
    donor = actors.acts_for(donor) or donor  # the Pentagon's aid is the United States'
    if speaks_for is not None and donor is not None and donor != speaks_for and _author_gives_after(text, q):
        donor = speaks_for  # "as the threat from Russia grew, I authorized $60 million"
    if donor is None and speaks_for is not None and speaks_for != recipient \
            and (_first_person_gives(text, q.start, q.sentence_start) or not _names_other(q, speaks_for)):
        donor = speaks_for
    if donor is not None and donor == recipient:
        donor = None  # a country named as the recipient is never the donor
    return {"donor": donor, "recipient": recipient, "donor_id": actors.actor_id(donor),
            "recipient_id": actors.actor_id(recipient), "donor_text": one_line(q.donor) or None,
            "recipient_text": one_line(q.recipient) or None}


def _place_of_aid(q, recipient_id: str | None, recipient: str | None) -> dict:
    """Aid is where its recipient is: a country recipient's code ("military assistance to
    Ukraine" is `UA`, whatever place the sentence names first: "the laws of the United
    States"), unless the sentence places it within that country ("aid into Gaza" stays the
    Gaza Strip, in PS) or names a people, not a country ("the Ukrainian people")."""
    if recipient_id is None or not (len(recipient_id) == 2 and recipient_id.isupper()):
        return {}
    written = one_line(q.recipient) or ""
    if any(fold(word) in lexicons.demonyms() for word in written.split()):
        return {}  # a people is no place: "aid to the Ukrainian people" (the conflict gold's guidelines)
    if q.place is not None and places.country_of(q.place) == recipient_id:
        return {}
    return {"place": recipient_id, "place_text": written or recipient, "place_rule": "place.recipient"}


def _names_other(q, speaks_for: str) -> bool:
    """Whether the amount's sentence names an actor other than its recipient, the author's
    own country and the parties of the war it is about: then the sentence may be of
    another's aid ("Japan's $5.5 billion"), and the author is not assumed to give it."""
    if _OTHER_GIVERS.search(q.sentence, 0, q.start - q.sentence_start):
        return True  # "Allies will announce €40 billion"
    recipient = actors.actor_name(q.recipient)
    fighting = set(conflicts.conflicts()[q.conflict].parties) if q.conflict in conflicts.conflicts() else set()
    for _, _, name, _ in actors.mentions(q.sentence):
        actor = actors.actor_name(name)
        if actor not in (recipient, speaks_for) and actor not in fighting and actors.acts_for(actor) != speaks_for:
            return True  # the parties at war give no aid to one another
    return False




# A document announces at most a few packages at once: sums are looked for among this many.
_MAX_SUMMANDS = 4
_NEAR = 1500  # characters: packages announced together are told of in one passage


def _sums_of_packages(quantities: list) -> list:
    """An amount of new aid that is the sum, within SUM_TOLERANCE, of two to _MAX_SUMMANDS
    other new amounts of the same donor, recipient and currency told of near it: the
    stated sum of packages announced together ("$1 billion": $350 million and $650
    million) is `cumulative`, not a third package."""
    new = [i for i, q in enumerate(quantities) if q.category == "aid" and q.aid_scope == "new"
           and q.normalized_value is not None]
    out = list(quantities)
    for i in new:
        total = quantities[i]
        candidates = [quantities[j] for j in new if j != i and abs(quantities[j].start - total.start) <= _NEAR
                      and quantities[j].normalized_unit == total.normalized_unit
                      and quantities[j].normalized_value < total.normalized_value
                      and (quantities[j].recipient == total.recipient or None in (quantities[j].recipient, total.recipient))]
        values = sorted({q.normalized_value for q in candidates})[:12]
        if any(abs(sum(c) - total.normalized_value) <= SUM_TOLERANCE * total.normalized_value
               for n in range(2, min(_MAX_SUMMANDS, len(values)) + 1) for c in combinations(values, n)):
            out[i] = total.model_copy(update={"aid_scope": "cumulative", "aid_scope_rule": "aid_scope.sum_of_packages"})
    return out


# ---- examples: each rule's, positive and negative; they run as tests (tests/test_aid.py)

@dataclass(frozen=True)
class Example:
    """An aid amount in a text (at `span`) and what it must be: its scope, donor, recipient."""

    text: str
    span: str
    scope: str | None = None
    donor: str | None = "unchecked"
    recipient: str | None = "unchecked"
    author: str | None = None


WHITE_HOUSE = "The White House"
EXAMPLES = [
    # asked: a reporter's question of a briefing announces nothing, whatever its words
    Example("MS. JEAN-PIERRE:  We are announcing a new package today.\n\nQ    And will more ATACMS be sent "
            "to Ukraine as part of this $60 billion aid package?\n\nMS. JEAN-PIERRE:  I will not get ahead of that.",
            "$60 billion", "asked", author=WHITE_HOUSE),
    # new: an announcement, in the first person of an official statement
    Example("Today, we are announcing an additional $800 million in security assistance for Ukraine.",
            "$800 million", "new", donor="United States", recipient="Ukraine", author=WHITE_HOUSE),
    Example("I hereby direct the drawdown of up to $100 million in defense articles to provide assistance to Ukraine.",
            "up to $100 million", "new", donor="United States", recipient="Ukraine", author=WHITE_HOUSE),
    # ... but a news outlet speaks for no one, and another donor named is never the author
    Example("Today, we are announcing an additional $800 million in security assistance for Ukraine.",
            "$800 million", "new", donor=None, author="Reuters"),
    Example("Japan has pledged $5.5 billion in financial support for Ukraine.", "$5.5 billion",
            donor="Japan", recipient="Ukraine", author=WHITE_HOUSE),
    Example("Allies will announce their intention to provide a minimum baseline funding of €40 billion for "
            "Ukraine within the next year.", "€40 billion", donor=None, author=WHITE_HOUSE),
    Example("The Pentagon announced $300 million in security assistance for Ukraine.", "$300 million", "new",
            donor="United States", author=WHITE_HOUSE),
    # a target is no donor
    Example("We are providing $54 million in humanitarian assistance to those affected by Russia's further "
            "invasion of Ukraine.", "$54 million", "new", donor="United States", author=WHITE_HOUSE),
    # cumulative: running totals
    Example("This brings total U.S. security assistance to Ukraine to more than $2 billion.", "more than $2 billion",
            "cumulative", donor="United States", author=WHITE_HOUSE),
    Example("We have provided $4.5 billion in security assistance to Ukraine since the start of this "
            "administration.", "$4.5 billion", "cumulative", author=WHITE_HOUSE),
    Example("The United States has provided $650 million in security assistance to Ukraine.", "$650 million",
            "cumulative", author=WHITE_HOUSE),
    # requested and appropriated: the whole sentence
    Example("The request seeks $20.5 billion for security assistance and $3 billion for humanitarian aid for "
            "Ukraine.", "$3 billion", "requested", author=WHITE_HOUSE),
    Example("Congress passed $40 billion in aid for Ukraine in a supplemental bill.", "$40 billion",
            "appropriated", author=WHITE_HOUSE),
    Example("The supplemental request seeks $33 billion for Ukraine. This includes $6 billion for the Ukraine "
            "Security Assistance Initiative.", "$6 billion", "requested", author=WHITE_HOUSE),
    # part: an item of a package
    Example("We are announcing $54 million in humanitarian aid for Ukraine; this funding includes $28 million "
            "from USAID for Ukraine.", "$28 million", "part", author=WHITE_HOUSE),
    # the sum of two packages announced together
    Example("The United States is providing $1 billion in additional security assistance to Ukraine: a drawdown "
            "of up to $350 million and $650 million through the Ukraine Security Assistance Initiative.",
            "$1 billion", "cumulative", author=WHITE_HOUSE),
    Example("The United States is providing $1 billion in additional security assistance to Ukraine: a drawdown "
            "of up to $350 million and $650 million through the Ukraine Security Assistance Initiative.",
            "$650 million", "new", author=WHITE_HOUSE),
]
