"""Who speaks where a figure is: briefings, press calls, interviews and speeches read as
conversations.

A transcript is a run of turns, each opened by a speaker label at the start of a paragraph:
`Q⍽⍽⍽ Thanks, Jen.`, `MS. PSAKI:⍽ Good evening.`, `QUESTION: Going back ...`, `MR PRICE:`,
`SECRETARY BLINKEN:`, `MODERATOR:`, `SENIOR ADMINISTRATION OFFICIAL:` (⍽ is U+00A0). A turn
runs to the next label, over as many paragraphs and wrapped lines as it has. Only label
shapes open a turn (`extractors/data/speaker-words.tsv`): Q or QUESTION; an honorific and a
surname; an office and a surname (or THE and an office alone); a role (MODERATOR, AUDIENCE
MEMBER); an unnamed official. Any other capitals before a colon are words of the text
("NATO: We are prepared", "FEMA: 33 grants", "VESSEL NAME:"), and so is a label that does
not open a paragraph (a wrapped line). docs/transcript-gold/README.md lists every form seen.

Each turn says who speaks (`Speaker`): the label as written, the person, their role and the
government they speak for, and whether it is a reporter's turn. The person comes from a
reviewed table (`extractors/data/speakers.tsv`, by label and date: THE PRESIDENT is Joe
Biden to 2025-01-19 and Donald Trump from 2025-01-20), else from the document (the full
name its title or text gives the surname, and a demonym or "of <country>" beside it). A
reporter is `Q` or `QUESTION`, or in an interview or a panel a journalist labelled by name
whom the table does not know. A speech printed without labels is its title's speaker's
("Remarks by National Security Advisor Jake Sullivan ...").

Who gives a figure (`attribute`): the source the sentence quotes, where it quotes one; else
in a reporter's turn no one (a reporter's figure is never the government's) unless the
reporter quotes the briefer ("you said"); else the turn's speaker; and the document's author
only outside any transcript, for a statement's own prose.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import cache

import regex

from ..lexicons import actors, read_tsv
from . import attribution


@dataclass(frozen=True, slots=True)
class Speaker:
    label: str                # as written, without its colon, its white space one space ("" for a speech's title)
    person: str | None        # "Karine Jean-Pierre", "Senior Administration Official"; None: not known
    role: str | None          # "White House Press Secretary", "reporter", "moderator"
    speaks_for: str | None    # "United States", "Ukraine", "NATO"; None: no government, or not known
    is_question: bool         # a reporter's turn


@dataclass(frozen=True, slots=True)
class Turn:
    start: int                # where the label starts
    body: int                 # where what the speaker says starts (after the label and its separator)
    speaker: Speaker


# ---- the words labels are made of (data)

@dataclass(frozen=True)
class _Words:
    kind: str
    role: str
    speaks_for: str


@cache
def _words() -> dict[str, _Words]:
    return {row["words"]: _Words(row["kind"], row["role"] or "", row["speaks_for"] or "")
            for row in read_tsv("speaker-words.tsv")}


def _of_kind(kind: str) -> list[str]:
    return sorted((w for w, v in _words().items() if v.kind == kind), key=len, reverse=True)


@dataclass(frozen=True)
class _Person:
    person: str
    role: str
    speaks_for: str | None
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        return day is None or (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@cache
def _people() -> tuple[dict[str, list[_Person]], dict[str, list[_Person]]]:
    """(label -> rows, surname -> rows) of speakers.tsv."""
    by_label: dict[str, list[_Person]] = {}
    by_surname: dict[str, list[_Person]] = {}
    for row in read_tsv("speakers.tsv"):
        person = _Person(row["person"], row["role"], row["speaks_for"] or None,
                         dt.date.fromisoformat(row["from"]) if row["from"] else None,
                         dt.date.fromisoformat(row["to"]) if row["to"] else None)
        for label in row["labels"].split("|"):
            by_label.setdefault(label, []).append(person)
            name = _name_words(label)
            if name:
                rows = by_surname.setdefault(name, [])
                if person not in rows:
                    rows.append(person)
    return by_label, by_surname


@cache
def _governments() -> dict[str, str]:
    return {row["outlet"]: row["government"] for row in read_tsv("publishers.tsv")}


def government_of(publisher: str | None) -> str | None:
    """The government an official publisher speaks for (publishers.tsv).

    >>> government_of("U.S. Department of State"), government_of("The Guardian")
    ('United States', None)
    """
    return _governments().get(publisher) if publisher else None


# ---- label shapes

_SPACE = r"[ \u00a0]+"
_NAME = r"\p{Lu}[\p{Lu}\p{M}'’\-]*"
_ORDINAL = r"(?:(?:NUMBER|NO\.?)[ \u00a0]+)?(?:ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|\#?[0-9]{1,2})"


def _alternation(phrases: list[str]) -> str:
    """Phrases of words as a pattern: any white space between words, a period after each optional."""
    return "|".join(_SPACE.join(regex.escape(w) + r"\.?" for w in p.split(" ")) for p in phrases)


@cache
def _label_pattern() -> regex.Pattern:
    titles = rf"(?:(?:{_alternation(_of_kind('prefix'))}){_SPACE})*(?:{_alternation(_of_kind('title'))})"
    table = sorted(_people()[0], key=len, reverse=True)
    label = (rf"(?P<question>{_alternation(['QUESTION'])})[ \u00a0]*:"
             rf"|(?P<q>Q)(?:[ \u00a0]*:|(?=[ \u00a0]+[^ \u00a0\n]))"
             rf"|(?P<label>THE{_SPACE}{titles}"
             rf"|(?:{_alternation(_of_kind('honorific'))})[ \u00a0]*{_NAME}(?:{_SPACE}{_NAME}){{0,2}}"
             rf"|{titles}(?:{_SPACE}{_NAME}){{1,4}}"
             rf"|(?:{_alternation(_of_kind('role'))})"
             rf"|(?:\p{{Lu}}[\p{{Lu}}.\-]*{_SPACE}){{0,5}}(?:{_alternation(_of_kind('unnamed'))})(?:{_SPACE}{_ORDINAL})?"
             rf"|{_alternation(table)})[ \u00a0]*:")
    # At a line's start, after its indentation (U+00A0 or spaces), emphasis (`*Q`, `**VICE
    # PRESIDENT HARRIS:**`) or an HTML break; a Q glued to the next label ("QMS. PSAKI:")
    # is an empty question.
    return regex.compile(rf"(?m)^(?P<lead>[ \t\u00a0]*(?:\*{{1,2}}|`)?(?:<br ?/?>)?)(?:Q(?=(?:MR|MS|MRS|DR)\.))?"
                         rf"(?:{label})(?:\*{{1,2}})?[ \t\u00a0]*")


def _opens_paragraph(text: str, line_start: int) -> bool:
    """Whether the line at `line_start` opens a paragraph: the text's first line, or one after
    a blank line, a Markdown hard break (two spaces, a backslash) or an HTML break; a wrapped
    line does not ("...allies and partners at\\nNATO: We are prepared").

    >>> text = "Intro.\\n\\nMS. PSAKI: Hi.\\nwrapped\\nMR. KIRBY: no"
    >>> [_opens_paragraph(text, text.index(s)) for s in ("Intro", "MS.", "MR.")]
    [True, True, False]
    """
    if line_start == 0 or not text[:line_start].strip():
        return True
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    previous = text[previous_start:line_start - 1]
    return (not previous.strip() or previous.endswith(("  ", "\\", "<br />", "<br/>", "<br>"))
            or previous.rstrip().endswith(("<br />", "<br/>", "<br>")))


def _key(label: str) -> str:
    """A label as the tables write it: upper case, no periods or emphasis, one space.

    >>> _key("MS.\u00a0 PSAKI"), _key("Q")
    ('MS PSAKI', 'Q')
    """
    return " ".join(label.replace(".", " ").replace("*", " ").split()).upper()


def _title_of(office: str) -> _Words | None:
    """The title row of a label's office, its prefixes aside: ASSISTANT SECRETARY is a SECRETARY.

    >>> _title_of("ASSISTANT SECRETARY").role, _title_of("FOREIGN MINISTER").speaks_for
    ('Secretary', '')
    """
    words, table = office.split(" "), _words()
    while words and " ".join(words) not in table:
        if table.get(words[0]) is None or table[words[0]].kind != "prefix":
            return None
        words = words[1:]
    found = table.get(" ".join(words))
    return found if found is not None and found.kind == "title" else None


def _name_words(key: str) -> str | None:
    """The surname of a label's key: the words after its honorific or office.

    >>> _name_words("SECRETARY GENERAL STOLTENBERG"), _name_words("MS JEAN-PIERRE"), _name_words("THE PRESIDENT")
    ('STOLTENBERG', 'JEAN-PIERRE', None)
    """
    words = key.split(" ")
    table = _words()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            if " ".join(words[i:i + n]) in table and table[" ".join(words[i:i + n])].kind in ("honorific", "title", "prefix"):
                i += n
                break
        else:
            break
    rest = words[i:]
    return " ".join(rest) if rest and words[0] != "THE" and i > 0 else None


# ---- the document: who a surname is, and the government beside a name

@cache
def _nations() -> dict[str, str]:
    """Demonyms and countries of the actor gazetteer, as written -> the country."""
    return {a.form: a.actor for a in actors() if a.kind in ("demonym", "country")}


_TITLE_CASE_WORDS = frozenset({"Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr", "The", "His", "Her", "Excellency",
                               "National", "Security", "Homeland", "Advisor", "Adviser", "Press", "Deputy",
                               "Principal", "Senior", "Special", "Assistant", "Under", "Acting", "Chief", "Former",
                               "Honorable", "Lt.", "Vice", "Coordinator"})


def _title_words() -> frozenset[str]:
    return frozenset(w.capitalize() for phrase, v in _words().items() if v.kind in ("title", "prefix")
                     for w in phrase.split(" "))


class _Document:
    """What a document's title and text say of a surname: the full name, and the country."""

    def __init__(self, text: str, title: str | None):
        self.text = text
        self.title = title or ""

    def full_name(self, surname: str) -> tuple[str | None, str | None]:
        """(the full name the title or text writes for a label's surname, the country a demonym or
        "of <country>" beside it names); the first mention with a first name wins."""
        words = surname.split(" ")
        pattern = regex.compile(
            r"(?P<before>(?:\p{Lu}[\p{L}\p{M}'’.\-]*[ \u00a0\n]+){1,4})(?P<surname>(?i:"
            + r"[ \u00a0\n]+".join(regex.escape(w) for w in words) + r"))(?![\p{L}\p{M}])")
        titles = _title_words() | _TITLE_CASE_WORDS
        nations = _nations()
        for source in (self.title, self.text[:3000], self.text):
            for match in pattern.finditer(source):
                written = match.group("surname")
                if not written[0].isupper() or written.isupper():
                    continue  # a label ("MR. BREMMER:"), or a word in lower case
                # The given name is the word before the surname, and the word before that
                # where the given name is an initial: "Daniel J. Kritenbrink", not
                # "Spokesperson Daniel J. Kritenbrink" or "Religious Freedom Rashad Hussain".
                before = match.group("before").split()
                given = before[-2:] if len(before) > 1 and regex.fullmatch(r"\p{Lu}\.", before[-1]) else before[-1:]
                if not given or any(w in titles or w in nations or w.isupper() and len(w) > 2 for w in given):
                    continue  # "President Biden": no first name here
                return " ".join(given + written.split()), _country_beside(source, match.start(), match.end())
        return None, None


def _country_beside(source: str, start: int, end: int) -> str | None:
    """The country a demonym or a country's name right before a name, or "of <country>" or a
    demonym right after it, says: "Ukrainian Foreign Minister Dmytro Kuleba", "President
    Ruto of Kenya", "Jeppe Kofod, Danish Foreign Minister".

    >>> _country_beside("with Ukrainian Foreign Minister Dmytro Kuleba", 10, 45)
    'Ukraine'
    >>> _country_beside("President William Ruto of Kenya", 0, 22), _country_beside("Jeppe Kofod, Danish Minister", 0, 11)
    ('Kenya', 'Denmark')
    """
    nations = _nations()
    for word in reversed(regex.findall(r"\p{Lu}[\p{L}\-]+", source[max(0, start - 60):end])):
        if word in nations:
            return nations[word]
    after = regex.match(r",?[ \u00a0]+(?:of[ \u00a0]+(?:the[ \u00a0]+)?)?(?P<nation>\p{Lu}[\p{L}\-]+(?:[ \u00a0]+\p{Lu}[\p{L}\-]+)?)",
                        source, pos=end, endpos=min(len(source), end + 80))
    if after:
        for candidate in (after.group("nation"), after.group("nation").split(" ")[0]):
            if candidate in nations:
                return nations[candidate]
    return None


# ---- turns

# A document whose title says it is an interview or a panel: a speaker labelled by name whom
# the table does not know asks the questions there.
_INTERVIEW = regex.compile(r"\b(?:Interview|Panel)\b")
# A speech printed without labels: its title names the speaker.
_SPEECH = regex.compile(r"^(?:Remarks|Address|Speech|Keynote)\b[^:]*?\bby[ \u00a0]+(?P<who>.+)$")
# A reporter who gives the figure to the briefer: "I believe you said 85 leaders spoke".
# The figure follows the verb closely (within _YOU_SAID_REACH characters): in "what you said
# yesterday on Iraq and the anniversary ... the 35,000 injured" the figure is the reporter's.
_YOU_SAID = regex.compile(r"\byou(?:[ \u00a0]+(?:have|had|just|also))?[ \u00a0]+(?:said|mentioned|told|announced|noted|"
                          r"cited|estimated)\b", regex.IGNORECASE)
_YOU_SAID_REACH = 100


class Transcript:
    """The turns of a document, found on first use, looked up by position.

    >>> text = ("MS. JEAN-PIERRE:\u00a0 We sent 40 tanks.\\n\\nQ\u00a0\u00a0\u00a0 Hamas said 50 hostages.\\n\\n"
    ...         "MS. JEAN-PIERRE:\u00a0 Yes.")
    >>> transcript = Transcript(text, published=dt.date(2023, 1, 5), publisher="The White House")
    >>> [(t.speaker.label, t.speaker.person, t.speaker.is_question) for t in transcript.turns()]
    [('MS. JEAN-PIERRE', 'Karine Jean-Pierre', False), ('Q', None, True), ('MS. JEAN-PIERRE', 'Karine Jean-Pierre', False)]
    >>> text[transcript.turn_at(text.index("40")).body:].split(".")[0]
    'We sent 40 tanks'
    """

    def __init__(self, text: str, title: str | None = None, published: dt.date | None = None,
                 publisher: str | None = None, offset: int = 0):
        self.text = text
        self.title = title
        self.published = published
        self.publisher = publisher
        self.offset = offset              # where `text` starts in the document (a window of it)
        self._turns: list[Turn] | None = None
        self._starts: list[int] = []
        self._whole: Speaker | None = None  # a speech without labels: its title's speaker

    def window(self, start: int) -> "Transcript":
        """This transcript as a window of its text that starts at `start` sees it: positions
        are the window's, the turns the whole text's."""
        view = Transcript(self.text, self.title, self.published, self.publisher, self.offset + start)
        view._turns, view._starts, view._whole = self.turns(), self._starts, self._whole
        return view

    def turns(self) -> list[Turn]:
        if self._turns is None:
            self._turns = list(self._find())
            self._starts = [t.start for t in self._turns]
            if not self._turns:
                self._whole = self._speech_speaker()
        return self._turns

    def _find(self):
        text, document = self.text, _Document(self.text, self.title)
        interview = bool(self.title and _INTERVIEW.search(self.title))
        seen: dict[str, Speaker] = {}
        for match in _label_pattern().finditer(text):
            if not _opens_paragraph(text, match.start()):
                continue
            if match.group("q") or match.group("question"):
                written = "Q" if match.group("q") else "QUESTION"
            else:
                written = " ".join(match.group("label").split())
            speaker = seen.get(written)
            if speaker is None:
                speaker = seen[written] = self._speaker(written, document, interview)
            yield Turn(match.end("lead"), match.end(), speaker)

    def _speaker(self, written: str, document: _Document, interview: bool) -> Speaker:
        key = _key(written)
        words = _words()
        day = self.published
        if key in words and words[key].kind == "reporter":
            return Speaker(written, None, words[key].role, None, True)
        by_label, by_surname = _people()
        known = [p for p in by_label.get(key, ()) if p.holds_on(day)]
        surname = _name_words(key)
        if not known and surname:
            known = [p for p in by_surname.get(surname, ()) if p.holds_on(day)]
        if len(known) == 1 or known and len({p.person for p in known}) == 1:
            person = known[0]
            return Speaker(written, person.person, person.role, person.speaks_for, False)
        government = government_of(self.publisher)
        last = key.split(" ")[-1]
        if key in words and words[key].kind == "role":
            found = words[key]
            return Speaker(written, None, found.role, self._government(found.speaks_for, government), False)
        unnamed = [w for w in _of_kind("unnamed") if regex.search(rf"\b{w}\b", key)]
        if unnamed and (last in unnamed or regex.fullmatch(_ORDINAL, last)):
            return Speaker(written, key.title(), words[unnamed[0]].role, government, False)
        if surname is None:  # THE PRIME MINISTER, where the table does not say who
            office = key.removeprefix("THE ").title()
            return Speaker(written, None, office, None, False)
        name, country = document.full_name(surname)
        honorific = words.get(key.split(" ")[0])
        if honorific and honorific.kind == "honorific":
            if interview:
                return Speaker(written, name, "journalist", None, True)
            return Speaker(written, name or surname.title(), None, country, False)
        office = key[:-len(surname)].strip()
        title = _title_of(office)
        if country is None and title is not None:
            country = self._government(title.speaks_for, government)
        return Speaker(written, name or surname.title(), office.title(), country, False)

    @staticmethod
    def _government(speaks_for: str, government: str | None) -> str | None:
        return government if speaks_for == "publisher" else None if speaks_for in ("none", "") else speaks_for

    def _speech_speaker(self) -> Speaker | None:
        """The speaker of a speech printed without labels, whom its title names and the table
        knows: "Remarks by National Security Advisor Jake Sullivan on ..."."""
        match = _SPEECH.match(self.title or "")
        if match is None:
            return None
        who = match.group("who")
        _, by_surname = _people()
        found = []
        for surname, people in by_surname.items():
            at = regex.search(rf"(?<![\p{{L}}\-]){regex.escape(surname.title())}(?![\p{{L}}\-])", who)
            held = [p for p in people if p.holds_on(self.published)]
            if at and held:
                found.append((at.start(), held[0]))
        if not found:
            return None
        person = min(found, key=lambda f: f[0])[1]
        return Speaker("", person.person, person.role, person.speaks_for, False)

    def turn_at(self, position: int) -> Turn | None:
        """The turn that holds the character at `position` (of this text, or this window); for
        a speech without labels, the whole text as its speaker's one turn."""
        turns = self.turns()
        where = position + self.offset
        i = bisect.bisect_right(self._starts, where) - 1
        if i >= 0:
            turn = turns[i]
            return turn if where >= turn.body else None  # a figure inside a label is in no turn
        if self._whole is not None:
            return Turn(0, 0, self._whole)
        return None

    def in_turn(self, sentence: tuple[int, int], position: int) -> tuple[int, int]:
        """The sentence around `position` kept inside its turn: without the label that opens it
        ("QUESTION: Going back ..." is "Going back ...") and without the next speaker's words."""
        turns = self.turns()
        start, end = sentence
        where = position + self.offset
        i = bisect.bisect_right(self._starts, where) - 1
        if i >= 0 and start + self.offset < turns[i].body <= where:
            start = turns[i].body - self.offset
        if i + 1 < len(turns) and end + self.offset > turns[i + 1].start > where:
            end = turns[i + 1].start - self.offset
            while end > position and self.text[end + self.offset - 1].isspace():
                end -= 1
        return start, end

    def attribute(self, attributions: attribution.Attributions, sentence: tuple[int, int], position: int,
                  before, author: str | None) -> attribution.Attribution | None:
        """Who gives the figure at `position`: the source its sentence quotes; else, in a
        reporter's turn, the briefer where the reporter says "you said", else no one; else the
        turn's speaker; outside any turn, the document's author where the document is not a
        transcript (a statement's own prose)."""
        turn = self.turn_at(position)
        if turn is None:
            return attributions.attribute(sentence, position, before, None if self.turns() else author)
        speaker = turn.speaker
        quoted = attributions.attribute(sentence, position, before, None)
        if quoted is not None:
            return _without_label(quoted, speaker.label)
        if speaker.is_question:
            said = _YOU_SAID.search(self.text, max(sentence[0], position - _YOU_SAID_REACH) + self.offset,
                                    position + self.offset)
            briefer = self._briefer(position) if said else None
            return _spoken(briefer) if briefer else None
        return _spoken(speaker)

    def _briefer(self, position: int) -> Speaker | None:
        """The last speaker before `position` who briefs: neither a reporter nor one the
        document does not name (a moderator who calls on reporters, an operator)."""
        i = bisect.bisect_right(self._starts, position + self.offset) - 1
        while i >= 0:
            speaker = self._turns[i].speaker
            if not speaker.is_question and speaker.person is not None:
                return speaker
            i -= 1
        return None


def _without_label(found: attribution.Attribution, label: str) -> attribution.Attribution:
    """A quoted source read from the turn's start without the label before it: a `Q` has no
    colon to end it ("Q⍽⍽⍽ Hamas said that ..." quotes Hamas)."""
    named = found.attributed_to
    if not label or not named.startswith(label) or named[len(label):len(label) + 1] not in (" ", "\u00a0"):
        return found
    named = named[len(label):].lstrip(" \u00a0")
    source, kind = attribution.normalized(named)
    return attribution.Attribution(named, kind, source, found.end, found.whole_sentence)


@cache
def _spoken(speaker: Speaker) -> attribution.Attribution | None:
    """The attribution of a figure to the speaker of its turn."""
    name = speaker.person or speaker.role
    if not name:
        return None
    return attribution.Attribution(name, "speaker", name, 0, True)


EXAMPLES = [
    # (text, the figure in it, speaker label, person, is_question, attributed_to): each label
    # shape of docs/transcript-gold/README.md, and the traps that are no label.
    ("MS. PSAKI:\u00a0 We have sent 40 tanks.", "40 tanks", "MS. PSAKI", "Jen Psaki", False, "Jen Psaki"),
    ("Intro.\n\nQ\u00a0\u00a0\u00a0 Hamas said that 50 of the hostages are alive.", "50", "Q", None, True, "Hamas"),
    ("Intro.\n\nQ\u00a0\u00a0\u00a0 Is it 50 tanks?\n\nMS. PSAKI:\u00a0 No.", "50 tanks", "Q", None, True, None),
    ("Intro.\n\nQ Hey, thank you. Is it 50 tanks?", "50 tanks", "Q", None, True, None),
    ("Intro.\n\n\u00a0\u00a0\u00a0\u00a0 Q\u00a0\u00a0\u00a0 Is it 50 tanks?", "50 tanks", "Q", None, True, None),
    ("Intro.\n\n*Q\u00a0\u00a0\u00a0 Is it 50 tanks?*", "50 tanks", "Q", None, True, None),
    ("Intro.\n\nQ: Is it 50 tanks?", "50 tanks", "Q", None, True, None),
    ("QUESTION: Going back to the 2 Americans.\n\nMR PRICE: Yes.", "2 Americans", "QUESTION", None, True, None),
    ("MR PRICE: We announced $300 million today.", "$300 million", "MR PRICE", "Ned Price", False, "Ned Price"),
    ("MR. PRICE: We announced $300 million today.", "$300 million", "MR. PRICE", "Ned Price", False, "Ned Price"),
    ("SECRETARY BLINKEN: We have provided $2 billion.", "$2 billion", "SECRETARY BLINKEN", "Antony Blinken", False,
     "Antony Blinken"),
    ("THE PRESIDENT:\u00a0 It took 12 years.", "12 years", "THE PRESIDENT", "Joe Biden", False, "Joe Biden"),
    ("\u00a0\u00a0\u00a0\u00a0 THE PRESIDENT:\u00a0 It took 12 years.", "12 years", "THE PRESIDENT", "Joe Biden", False,
     "Joe Biden"),
    ("**VICE PRESIDENT HARRIS:** We invested $3 billion.", "$3 billion", "VICE PRESIDENT HARRIS", "Kamala Harris", False,
     "Kamala Harris"),
    ("QMS. PSAKI:\u00a0 We have sent 40 tanks.", "40 tanks", "MS. PSAKI", "Jen Psaki", False, "Jen Psaki"),
    ("MS.\u00a0 PSAKI:\u00a0 We have sent 40 tanks.", "40 tanks", "MS. PSAKI", "Jen Psaki", False, "Jen Psaki"),
    ("SENIOR ADMINISTRATION OFFICIAL:\u00a0 We expect 30 leaders.", "30 leaders", "SENIOR ADMINISTRATION OFFICIAL",
     "Senior Administration Official", False, "Senior Administration Official"),
    ("SENIOR STATE DEPARTMENT OFFICIAL ONE: About 5,000 troops.", "5,000 troops", "SENIOR STATE DEPARTMENT OFFICIAL ONE",
     "Senior State Department Official One", False, "Senior State Department Official One"),
    ("MODERATOR: We have time for 2 more questions.", "2 more questions", "MODERATOR", None, False, "moderator"),
    ("FOREIGN MINISTER KULEBA: We lost 300 tanks.", "300 tanks", "FOREIGN MINISTER KULEBA", "Dmytro Kuleba", False,
     "Dmytro Kuleba"),
    ("Intro.\n\nThe Premier of Freedonia, Rufus Firefly, spoke.\n\nPRIME MINISTER FIREFLY: We have 20 tanks.",
     "20 tanks", "PRIME MINISTER FIREFLY", "Rufus Firefly", False, "Rufus Firefly"),
    ("<td>1:20 P.M. EDT<br />\n\u00a0<br />\nTHE FIRST LADY:\u00a0 We gave 12 books.", "12 books", "THE FIRST LADY",
     "Jill Biden", False, "Jill Biden"),
    # Not turns: capitals before a colon on a wrapped line, a list's field, a memo's heading.
    ("MS. PSAKI:\u00a0 We coordinated with allies and partners at\nNATO: We sent 40 tanks.", "40 tanks", "MS. PSAKI",
     "Jen Psaki", False, "Jen Psaki"),
    ("MS. PSAKI:\u00a0 Here is the list.\n\nFEMA: 33 fire management assistance grants.", "33 fire management",
     "MS. PSAKI", "Jen Psaki", False, "Jen Psaki"),
    ("VESSEL NAME: ADRIAN\n\nVESSEL GROSS TONNAGE: 5,000 tons", "5,000 tons", None, None, None, "The White House"),
    ("The United States has sent 40 tanks.", "40 tanks", None, None, None, "The White House"),
]
