"""When a figure is: the time it covers, where its sentence dates it, resolved against the
day the document reports it (`reported`).

The phrase nearest the figure in its sentence decides, as UCDP's `date_start` and
`date_end` do: "since February 24, 2022" runs from that day to the report; "overnight" and
"over the past 24 hours" are the day before the report to the report; "last week" is the
calendar week before; "this year" the year to the report; "since ... a year ago" that day to
the report; "in 2023" the year; "in March" the last March on or before the report;
"since the start of the full-scale invasion" the conflict's own start. Nothing is guessed:
no phrase, no period; a phrase that needs the report's date and has none, no period.

>>> day = dt.date(2024, 5, 20)  # a Monday
>>> def covers(sentence, reported=day, since=None):
...     found = period_of(sentence, 0, 0, reported, since)
...     return found and (found[0].isoformat(), found[1].isoformat(), found[2])
>>> covers("12 killed overnight")
('2024-05-19', '2024-05-20', 'overnight')
>>> covers("more than 1,000 drones last week")
('2024-05-13', '2024-05-19', 'last week')
>>> covers("since February 24, 2022, 10,000 civilians were killed")
('2022-02-24', '2024-05-20', 'since February 24, 2022')
>>> covers("In 2023, Russia launched 3,000 missiles")
('2023-01-01', '2023-12-31', 'In 2023')
>>> covers("in March alone, 400 were wounded"), covers("in the past 24 hours, 30 strikes")[:2]
(('2024-03-01', '2024-03-31', 'in March'), ('2024-05-19', '2024-05-20'))
>>> covers("since the start of the full-scale invasion", since=dt.date(2022, 2, 24))[:2]
('2022-02-24', '2024-05-20')
>>> covers("12 killed overnight", reported=None) is None, covers("the 2024 budget") is None
(True, True)
>>> covers("the aid that in may come") is None
True
>>> covers("20 strikes this week")[:2], covers("so far this year, 300 drones")[:2], covers("300 drones this year")[:2]
(('2024-05-20', '2024-05-26'), ('2024-01-01', '2024-05-20'), ('2024-01-01', '2024-05-20'))
>>> covers("killed one year ago")[:2], covers("since fighting began a year ago, 300 killed")[:2]
(('2023-05-20', '2023-05-20'), ('2023-05-20', '2024-05-20'))
>>> covers("$240 million just this past week")[:2], covers("$2 billion over the past year")[:2]
(('2024-05-13', '2024-05-20'), ('2023-05-20', '2024-05-20'))
"""

from __future__ import annotations

import calendar
import datetime as dt

import regex

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
# Month names only as written, capitalized: "in may" is a modal verb.
_MONTH = r"(?P<month>(?-i:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r"))\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_UNITS = {"hour": "day", "hours": "day", "day": "day", "days": "day", "week": "week", "weeks": "week",
          "month": "month", "months": "month", "year": "year", "years": "year"}
_NUMBER_WORDS = {"an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twelve": 12, "a": 1, "the": 1}

# Each phrase with its name (the rule), most specific first. Resolution is in `_resolve`.
_PHRASES = regex.compile("|".join([
    rf"(?P<since_date>\bsince\s+{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?)",
    rf"(?P<since_month_year>\bsince\s+{_MONTH.replace('month', 'month1')}\s+{_YEAR.replace('year', 'year1')})",
    rf"(?P<since_year>\bsince\s+{_YEAR.replace('year', 'year2')})",
    r"(?P<since_start>\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+|this\s+|Russia['’]s\s+)?"
    r"(?:full[-\s]scale\s+)?(?:war|invasion|conflict|fighting|hostilities)\b"
    r"|\bsince\s+(?:the\s+|Russia['’]s\s+)?(?:full[-\s]scale\s+)?(?:invasion|war)\s+(?:began|started)\b)",
    rf"(?P<on_date>\b(?:on\s+)?{_MONTH.replace('month', 'month3')}\s+(?P<day3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR.replace('year', 'year3')})",
    rf"(?P<in_month_year>\b(?:in|during|throughout)\s+{_MONTH.replace('month', 'month4')}\s+{_YEAR.replace('year', 'year4')})",
    rf"(?P<in_year>\b(?:in|during|throughout|for)\s+(?:calendar\s+year\s+)?{_YEAR.replace('year', 'year5')})\b(?!\s*(?:budget|request))",
    rf"(?P<in_month>\b(?:in|during|throughout)\s+{_MONTH.replace('month', 'month6')})(?!\s*\d)",
    r"(?P<overnight>\bovernight\b|\blast\s+night\b)",
    r"(?P<yesterday>\byesterday\b)",
    r"(?P<today>\btoday\b|\bthis\s+morning\b)",
    r"(?P<past>\b(?:in|over|during|within|for)\s+the\s+(?:past|last|previous)\s+(?P<count>\d{1,3}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve)?\s*(?P<unit>hours?|days?|weeks?|months?|years?)\b)",
    r"(?P<last>\b(?:last|past)\s+(?P<last_unit>week|month|year)\b)",
    r"(?P<so_far>\bso\s+far\s+this\s+(?P<so_far_unit>week|month|year)\b|\bthis\s+(?P<to_date_unit>week|month|year)\s+(?:so\s+far|to\s+date)\b)",
    r"(?P<this>\bthis\s+(?P<this_unit>week|month|year)\b)",
    r"(?P<ago>(?P<since_ago>\bsince\s+(?:[\p{L}'’]+\s+){0,6}?)?"
    r"\b(?P<ago_count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago\b)",
]), regex.IGNORECASE)
_NEAR = 200  # characters either side of the figure a phrase is looked for in


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _before(day: dt.date, years: int = 0, months: int = 0) -> dt.date:
    month = day.month - months - 1
    year = day.year - years + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _resolve(match, reported: dt.date | None, since: dt.date | None) -> tuple[dt.date, dt.date] | None:
    kind = next(k for k in _KINDS if match.group(k))
    group = match.group
    try:
        if kind == "since_date":
            if reported is None and not group("year"):
                return None
            year = int(group("year")) if group("year") else reported.year
            start = dt.date(year, MONTHS[group("month").lower().rstrip(".")], int(group("day")))
            if not group("year") and start > reported:
                start = start.replace(year=year - 1)  # "since October 7", reported in May
            return (start, reported) if reported and reported >= start else None
        if kind == "since_month_year":
            start = dt.date(int(group("year1")), MONTHS[group("month1").lower().rstrip(".")], 1)
            return (start, reported) if reported and reported >= start else None
        if kind == "since_year":
            start = dt.date(int(group("year2")), 1, 1)
            return (start, reported) if reported and reported >= start else None
        if kind == "since_start":
            return (since, reported) if since and reported and reported >= since else None
        if kind == "on_date":
            day = dt.date(int(group("year3")), MONTHS[group("month3").lower().rstrip(".")], int(group("day3")))
            return day, day
        if kind == "in_month_year":
            year, month = int(group("year4")), MONTHS[group("month4").lower().rstrip(".")]
            return dt.date(year, month, 1), _month_end(year, month)
        if kind == "in_year":
            year = int(group("year5"))
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None  # "February 30"
    if reported is None:
        return None
    if kind == "in_month":
        month = MONTHS[group("month6").lower().rstrip(".")]
        year = reported.year if month <= reported.month else reported.year - 1
        return dt.date(year, month, 1), _month_end(year, month)
    if kind == "overnight":
        return reported - dt.timedelta(days=1), reported
    if kind == "yesterday":
        day = reported - dt.timedelta(days=1)
        return day, day
    if kind == "today":
        return reported, reported
    if kind == "past":
        count = group("count")
        number = int(count) if count and count.isdigit() else _NUMBER_WORDS.get((count or "one").lower(), 1)
        unit = group("unit").lower()
        if unit.startswith("hour"):
            return reported - dt.timedelta(days=max(1, -(-number // 24))), reported
        if unit.startswith("day"):
            return reported - dt.timedelta(days=number), reported
        if unit.startswith("week"):
            return reported - dt.timedelta(weeks=number), reported
        if unit.startswith("month"):
            return _before(reported, months=number), reported
        return _before(reported, years=number), reported
    if kind == "last":
        unit = group("last_unit").lower()
        if group("last").lower().startswith("past"):  # "this past week": the days up to the report
            if unit == "week":
                return reported - dt.timedelta(weeks=1), reported
            return (_before(reported, months=1) if unit == "month" else _before(reported, years=1)), reported
        if unit == "week":
            monday = reported - dt.timedelta(days=reported.weekday() + 7)
            return monday, monday + dt.timedelta(days=6)
        if unit == "month":
            last = reported.replace(day=1) - dt.timedelta(days=1)
            return last.replace(day=1), last
        return dt.date(reported.year - 1, 1, 1), dt.date(reported.year - 1, 12, 31)
    if kind == "so_far":
        unit = (group("so_far_unit") or group("to_date_unit")).lower()
        if unit == "week":
            return reported - dt.timedelta(days=reported.weekday()), reported
        if unit == "month":
            return reported.replace(day=1), reported
        return reported.replace(month=1, day=1), reported
    if kind == "this":  # the week the report falls in; a month or year up to the report
        unit = group("this_unit").lower()
        if unit == "week":
            monday = reported - dt.timedelta(days=reported.weekday())
            return monday, monday + dt.timedelta(days=6)
        if unit == "month":
            return reported.replace(day=1), reported
        return dt.date(reported.year, 1, 1), reported
    if kind == "ago":  # the day that long before the report ("one year ago" of an anniversary)
        count = group("ago_count").lower()
        number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 1)
        unit = group("ago_unit").lower()
        if unit.startswith("day"):
            day = reported - dt.timedelta(days=number)
        elif unit.startswith("week"):
            day = reported - dt.timedelta(weeks=number)
        elif unit.startswith("month"):
            day = _before(reported, months=number)
        else:
            day = _before(reported, years=number)
        if group("since_ago"):
            return day, reported  # "since the fighting began a year ago"
        return day, day
    return None


_KINDS = ("since_date", "since_month_year", "since_year", "since_start", "on_date", "in_month_year", "in_year",
          "in_month", "overnight", "yesterday", "today", "past", "last", "so_far", "this", "ago")


def period_of(text: str, start: int, end: int, reported: dt.date | None, since: dt.date | None = None,
              bounds: tuple[int, int] | None = None) -> tuple[dt.date, dt.date, str, str] | None:
    """(start, end, the phrase as written, rule) of the time the figure at text[start:end]
    covers: the dating phrase of its sentence (text[bounds[0]:bounds[1]], the whole text by
    default) nearest it that resolves. `since` is the day the figure's war began, for "since
    the war began"."""
    first, last = bounds or (0, len(text))
    found = []
    for match in _PHRASES.finditer(text, max(first, start - _NEAR), min(last, end + _NEAR)):
        if match.end() > start and match.start() < end:
            continue
        span = _resolve(match, reported, since)
        if span is None:
            continue
        distance = match.start() - end if match.start() >= end else start - match.end()
        kind = next(k for k in _KINDS if match.group(k))
        found.append((distance, span, match.group(), f"period.{kind}"))
    if not found:
        return None
    _, (first, last), phrase, rule = min(found, key=lambda item: item[0])
    return first, last, phrase, rule
