"""Who gives aid and who receives it, from the actor gazetteer (extractors/data/actors*.tsv:
countries from pycountry, their common forms, capitals and demonyms, organizations).

Names are matched in any case, except the forms that are also ordinary words ("US" and
"us", "WHO" and "who"), which match only as written. The value kept is the name as written.

A recipient is named after "to", "for" or "into" ("aid to Ukraine"), or as the possessor
of whom the aid serves ("Ukraine's armed forces", "Ukraine's partners pledged": those are
Ukraine's, given to Ukraine). A donor is an actor that gives: the subject of the clause
before the figure, or an actor after "from" or "by". An actor named as a target or a place
("Russia's invasion", "attacks on Kyiv", "in Ukraine") is neither.

>>> parties("Germany's foreign minister has pledged an extra 15 million euros to ukraine.", 47, 63)
('Germany', 'ukraine')
>>> parties("Since Russia's invasion began, the Commission has allocated €45 billion in aid", 59, 70)
('Commission', None)
>>> parties("since russia's invasion began, the commission has allocated €45 billion in aid", 59, 70)
('commission', None)
>>> parties("Ukraine's Nordic partners pledged 12 billion euros", 34, 50)
(None, 'Ukraine')
"""

from __future__ import annotations

from functools import cache

import regex

from ..lexicons import actors, demonyms, read_tsv


# Words as the gazetteer's forms are written: "U.S.", "Timor-Leste", "Russia’s".
_TOKEN = regex.compile(r"(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
_POSSESSIVE = regex.compile(r"['’]s$")
_MAX_WORDS = 5


@cache
def _forms() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """The gazetteer's forms as word sequences: (as written, lower-cased) -> form, and the
    lower-cased first words of all forms. Looking word sequences up in a dictionary costs
    the same whatever the gazetteer's size."""
    exact, caseless, first = {}, {}, set()
    for actor in actors():
        words = _TOKEN.findall(actor.form)
        if actor.case_sensitive:
            exact[" ".join(words)] = actor.form
        else:
            caseless[" ".join(words).lower()] = actor.form
        first.add(words[0].lower())
    return exact, caseless, frozenset(first)


# What precedes a mention that is an object, a place or a time, not a giver.
_OBJECT_BEFORE = regex.compile(
    r"\b(?:to|for|of|into|on|against|in|at|with|since|across|near|toward|towards|over|under|"
    r"about|inside|throughout|within|around|than|like|and|between|among|visit(?:ed|ing)?)\s+$",
    regex.IGNORECASE)
# "the Government of Japan", "the people of Canada": the "of" names who acts.
_GOVERNMENT_OF = regex.compile(
    r"\b(?:government|people|ministry|president|prime\s+minister|leaders?|parliament|embassy|"
    r"minister|king|queen|chancellor)\s+of\s+(?:the\s+)?$", regex.IGNORECASE)
# "aid to Ukraine", "to help Ukraine", "provide Ukraine with": who is served.
_RECIPIENT_BEFORE = regex.compile(
    r"\b(?:to|for|into|towards?|benefit(?:ing)?|support(?:s|ing)?|help(?:s|ing)?|assist(?:s|ing)?|"
    r"aid(?:s|ing)?|arm(?:s|ing)?|equip(?:s|ping)?|provid(?:e|es|ing)|giv(?:e|es|ing)|send(?:s|ing)?|sent|"
    r"stand(?:s|ing)?\s+with|allocated\s+to)\s+(?:the\s+)?$", regex.IGNORECASE)
_DONOR_BEFORE = regex.compile(r"\b(?:from|by)\s+(?:the\s+)?$", regex.IGNORECASE)
# "Russia's invasion", "Russia's war": a possessor that is a target or an aggressor.
_AGGRESSION_AFTER = regex.compile(
    r"\s+(?:(?:full-scale|brutal|unprovoked|illegal|ongoing|continued|renewed|further|premeditated|unjustified|"
    r"unjustifiable|horrific|senseless|relentless|vicious|aggressive|and|,)\s*)*"
    r"(?:invasion|war|aggression|attacks?|strikes?|offensives?|occupation|assaults?|bombardments?|forces|troops|army|"
    r"military|missiles?|drones?|shelling|annexation|blockade|brutality|atrocities)\b", regex.IGNORECASE)
# "Russian aggression": a demonym before an act of war names the aggressor.
_HOSTILE_AFTER = regex.compile(
    r"\s+(?:(?:full-scale|brutal|unprovoked|illegal|ongoing|continued|renewed|further)\s+)*"
    r"(?:invasion|war|aggression|attacks?|strikes?|offensives?|occupation|assaults?|bombardments?|shelling|"
    r"annexation|blockade|brutality|atrocities)\b", regex.IGNORECASE)
# "the ROK's pledge of additional assistance": the possessor gives.
_GIVING_AFTER = regex.compile(
    r"\s+(?:[\p{L}-]+\s+){0,2}?(?:pledges?|contributions?|commitments?|assistance|aid|packages?|support|"
    r"donations?|grants?|loans?|funding|gifts?)\b", regex.IGNORECASE)
# "Ukraine's armed forces", "Ukraine's partners": the possessor is served by the aid.
_SERVED_AFTER = regex.compile(
    r"\s+(?:[\p{L}-]+\s+){0,2}?(?:partners?|allies|friends|supporters|backers|donors|suppliers?|providers?|sponsors?|"
    r"armed\s+forces|defenders|government|budget|people|economy|energy|grid|reconstruction|recovery|"
    r"defen[cs]es?|military|army|forces|needs|farmers|refugees|children|civilians|right|ability|"
    r"capabilit(?:y|ies)|efforts?|fight|sovereignty|security|resilience)\b", regex.IGNORECASE)
_WINDOW = 160
# A subject gives only within its own clause: not across "that" or a reporting verb
# ("Ukraine's team obtained a document stating that Krasnoyarsk Krai allocated").
_CLAUSE_BREAK = regex.compile(r"\b(?:that|which|who|whom|whose|stating|stated|said|says|reported|reports|claimed|"
                              r"according)\b|[;:]", regex.IGNORECASE)
_RECEIVER_VERB = regex.compile(r"\b(?:receiv(?:e|ed|es|ing)|got|gets|obtain(?:ed|s)?|was\s+given|were\s+given|"
                               r"has\s+been\s+given|acquired)\b", regex.IGNORECASE)
_NAME_AFTER = regex.compile(r"\s+\p{Lu}")
# An actor right after the amount, after "in": where the aid goes ("$48 million in Poland").
_IN_RIGHT_AFTER = regex.compile(r"\s+in\s+(?:the\s+)?", regex.IGNORECASE)


def mentions(sentence: str):
    """Every actor named in a sentence, longest first where names overlap: (start, end,
    name as written, possessive).

    >>> [m[2:] for m in mentions("Since Russia’s invasion, the U.S. and the European Union sent aid")]
    [('Russia', True), ('U.S.', False), ('European Union', False)]
    """
    exact, caseless, first = _forms()
    tokens = list(_TOKEN.finditer(sentence))
    i = 0
    while i < len(tokens):
        head = tokens[i].group().lower()
        if head not in first and _POSSESSIVE.sub("", head) not in first:
            i += 1
            continue
        found = None
        for n in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
            group = tokens[i:i + n]
            if any(not sentence[a.end():b.start()].isspace() for a, b in zip(group, group[1:])):
                continue  # names run over spaces only
            words = [t.group() for t in group]
            possessive = bool(_POSSESSIVE.search(words[-1]))
            if possessive:
                words[-1] = words[-1][:-2]
            key = " ".join(words)
            if key in exact or key.lower() in caseless:
                end = group[-1].end() - (2 if possessive else 0)
                start = group[1].start() if n > 1 and words[0].lower() == "the" else group[0].start()
                found = (start, end, sentence[start:end], possessive, n)  # "the Commission": Commission
                break
        if found is None:
            i += 1
            continue
        yield found[:4]
        i += found[4]


def parties(sentence: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(donor, recipient) of the aid figure at sentence[start:end], as written. Of several
    candidates, the one nearest the figure wins, after it before before it for a recipient
    ("€120 million for Ukraine and €6 million for Georgia")."""
    window_start = max(0, start - _WINDOW)
    recipients, givers, subjects = [], [], []
    for m_start, m_end, name, possessive in mentions(sentence[window_start:min(len(sentence), end + _WINDOW)]):
        m_start += window_start
        m_end += window_start
        demonym = name.lower() in demonyms()
        if m_end > start and m_start < end:
            continue
        distance = m_start - end if m_start >= end else start - m_end + 10_000  # after first
        left = sentence[max(0, m_start - 40):m_start]
        right = sentence[m_end + (2 if possessive else 0):m_end + 60]
        if possessive and _AGGRESSION_AFTER.match(right):
            continue  # "Russia's invasion"
        if demonym and _HOSTILE_AFTER.match(right):
            continue  # "stand up to Russian aggression": an aggressor, no recipient
        if possessive and _SERVED_AFTER.match(right) or _RECIPIENT_BEFORE.search(left) \
                or _IN_RIGHT_AFTER.fullmatch(sentence, end, m_start):
            recipients.append((distance, name))  # "aid to Ukraine"; "$48 million in Poland"
        elif demonym:
            continue  # "Russian aggression", "the Ukrainian people": an adjective gives nothing
        elif _DONOR_BEFORE.search(left) or possessive and _GIVING_AFTER.match(right):
            givers.append((distance, name))
        elif possessive and _NAME_AFTER.match(right):
            continue  # "Ukraine's Conflict Intelligence Team": the possessor of another actor
        elif m_start < start and not (_OBJECT_BEFORE.search(left) and not _GOVERNMENT_OF.search(left)) \
                and not _CLAUSE_BREAK.search(sentence, m_end, start):
            if _RECEIVER_VERB.search(sentence, m_end, start):
                recipients.append((start - m_end + 10_000, name))  # "Ukraine has received"
            else:
                subjects.append((start - m_end, name))  # the nearest giver before the figure
    recipient = min(recipients)[1] if recipients else None
    donor = min(givers)[1] if givers else min(subjects)[1] if subjects else None
    if donor is not None and recipient is not None and donor.lower() == recipient.lower():
        donor = None
    return donor, recipient


# ---- one name and one id per actor (issue 24)

@cache
def _names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(form as written -> actor, casefolded form -> actor, actor -> id) of the gazetteer."""
    exact, caseless, kinds = {}, {}, {}
    for actor in actors():
        if actor.case_sensitive:
            exact[actor.form] = actor.actor
        else:
            caseless[actor.form.casefold()] = actor.actor
        if actor.form == actor.actor or actor.actor not in kinds:
            kinds[actor.actor] = actor.kind
    # A country's id is its ISO 3166-1 alpha-2 code, as `place` writes it: actors.tsv names
    # each country's pycountry alpha-3 code, places.tsv the alpha-2 code beside it.
    alpha_2 = {row["source"]: row["place"] for row in read_tsv("places.tsv") if row["kind"] == "country"}
    ids = {}
    for row in read_tsv("actors.tsv"):
        if row["source"] in alpha_2:
            ids.setdefault(row["actor"], alpha_2[row["source"]])
    for actor, kind in kinds.items():
        if actor not in ids:
            ids[actor] = f"{'country' if kind in ('capital', 'demonym') else kind}:" + \
                regex.sub(r"[^\p{L}\p{N}]+", "-", actor.casefold()).strip("-")
    return exact, caseless, ids


def actor_name(written: str | None) -> str | None:
    """An actor as one name (actors.tsv), whitespace normalized; as written, whitespace
    normalized, where the gazetteer has no form of it.

    >>> actor_name("U.S."), actor_name("the United\\nStates"), actor_name("Kyiv"), actor_name("Commission")
    ('United States', 'United States', 'Ukraine', 'European Commission')
    """
    if not written:
        return None
    name = _POSSESSIVE.sub("", " ".join(written.split()))
    exact, caseless, _ = _names()
    # "the Commission" is a form, which mentions() gives without its article
    for form in (name, name[4:] if name[:4].lower() == "the " else "the " + name):
        if form and (exact.get(form) or caseless.get(form.casefold())):
            return exact.get(form) or caseless.get(form.casefold())
    return name[4:] if name[:4].lower() == "the " else name


def actor_id(name: str | None) -> str | None:
    """The id of an actor named as `actor_name` names it: a country's ISO 3166-1 alpha-2
    code, `<kind>:<name>` for another actor of the gazetteer; None for a name it lacks.

    >>> actor_id("United States"), actor_id("European Union"), actor_id("Hamas"), actor_id("Commission")
    ('US', 'organization:european-union', 'armed_group:hamas', None)
    """
    return _names()[2].get(name) if name else None


@cache
def _acts_for() -> dict[str, str]:
    return {" ".join(row["name"].split()).casefold(): row["country"] for row in read_tsv("authors.tsv")}


def acts_for(name: str | None) -> str | None:
    """The country a publisher or an agency acts for (authors.tsv): "The White House" and
    the State Department speak for the United States, the Pentagon gives its aid; a news
    outlet speaks for no one.

    >>> acts_for("The White House"), acts_for("U.S. Department of State"), acts_for("Pentagon"), acts_for("Reuters")
    ('United States', 'United States', 'United States', None)
    """
    return _acts_for().get(" ".join(name.split()).casefold()) if name else None


_PARAGRAPH = regex.compile(r"\n[ \t]*\n")


def recipient_before(text: str, start: int, reach: int = 600) -> str | None:
    """The recipient the amount's paragraph names last before it ("... assistance to
    Ukraine. The package includes $N"), as written: an actor after "to", "for", "support"
    or a possessive that is served ("Ukraine's defense"), within `reach` characters and
    the paragraph.

    >>> recipient_before("We stand with Ukraine. The package is worth $800 million.", 44)
    'Ukraine'
    >>> recipient_before("Russia's invasion goes on. The package is worth $800 million.", 48) is None
    True
    """
    window_start = max(0, start - reach)
    breaks = list(_PARAGRAPH.finditer(text, window_start, start))
    if breaks:
        window_start = breaks[-1].end()
    window = text[window_start:start]
    found = None
    for m_start, m_end, name, possessive in mentions(window):
        left = window[max(0, m_start - 40):m_start]
        right = window[m_end + (2 if possessive else 0):m_end + 60]
        if possessive and _AGGRESSION_AFTER.match(right):
            continue
        if possessive and _SERVED_AFTER.match(right) or _RECIPIENT_BEFORE.search(left):
            found = name
    return found
