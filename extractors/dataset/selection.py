"""Which records of an archive the corpus takes: those about a war of the conflict gazetteer.

A record is about a conflict where its text names it often enough, or its title names it at
all. The names are the gazetteer's (`extractors/data/conflicts.tsv`, read as the figures'
conflicts are: `reading.about.conflicts`): a conflict's own names, its armed parties and the
places it is fought in count 1 each ("the full-scale invasion", "Hamas", "Kharkiv"), a
country, its capital or its demonym 0.5 ("Ukraine", "Russian"); only conflicts fought on the
record's date count. `extract add --jsonl --conflict MIN` keeps a record where one conflict's
names weigh MIN or more in its text, or any is in its title: `--conflict 0.5` takes every
record that names a conflict once.

>>> about = conflict_weights("Russian strikes on Kharkiv and Kyiv; Ukraine said 3 died.", dt.date(2024, 5, 1))
>>> about["russia-ukraine"]
3.0
>>> keeps(20, {"text": "Ukraine. " * 39, "date": "2024-05-01", "title": "Remarks"}, "date")
False
>>> keeps(20, {"text": "Ukraine. " * 40, "date": "2024-05-01", "title": "Remarks"}, "date")
True
>>> keeps(20, {"text": "Ukraine.", "date": "2024-05-01", "title": "Remarks on the War in Gaza"}, "date")
True
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Callable


def conflict_weights(text: str, day: dt.date | None) -> dict[str, float]:
    """Each conflict the text names, fought on `day`, with the weight of its names."""
    from ..reading.about.conflicts import Setting, conflicts

    table = conflicts()
    weights: dict[str, float] = defaultdict(float)
    for mention in Setting.names(text):
        for conflict in mention.value.conflicts:
            if table[conflict].fought_on(day):
                weights[conflict] += mention.value.weight
    return dict(weights)


def keeps(minimum: float, record: dict, published_field: str = "date") -> bool:
    """Whether a record is about a conflict: one weighs `minimum` in its text, or its title names one."""
    value = record.get(published_field)
    try:
        day = dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        day = None  # the import refuses the record for its date, naming it
    if conflict_weights(str(record.get("title") or ""), day):
        return True
    return max(conflict_weights(record["text"], day).values(), default=0.0) >= minimum


def about_a_conflict(minimum: float, published_field: str = "date") -> Callable[[dict], bool]:
    """The filter `extract add --jsonl --conflict MIN` imports with."""
    return lambda record: keeps(minimum, record, published_field)
