"""Charts over time, drawn when the site is written as SVG (no script draws them): a bar per
month, stacked by series, its axis in the unit of its values ("$800 M").

Two charts read the package:
- aid announced per month: the aid claims in US dollars at the stage of a pledge or a
  commitment, each claim once, in the month of its first report, at the least amount a source
  states (the claims table joins the reports of one announcement; summing every report would
  count a package as often as it is repeated, and a running total as new aid);
- casualty figures reported per month, by conflict where the quantities table has a `conflict`
  column (else in total): how many figures of the category `casualties` the documents of each
  month report. A toll is restated in many reports, so the figures are counted, not summed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .formats import axis_label, esc, number

SERIES_SHOWN = 6  # the largest series drawn apart; the others are summed as "other conflicts"
ANNOUNCED_STAGES = ("pledged", "committed")


@dataclass
class Chart:
    """A chart's data: for each series (name), its value per month (`YYYY-MM`)."""

    key: str
    title: str
    caption: str
    unit: str | None
    series: dict[str, dict[str, float]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # month -> how many rows made its bars
    counted: str = "figures"

    @property
    def months(self) -> list[str]:
        """Every month from the first to the last that has a value, none skipped."""
        present = sorted({m for values in self.series.values() for m in values})
        if not present:
            return []
        (y, m), (y1, m1) = (tuple(int(x) for x in present[0].split("-")), tuple(int(x) for x in present[-1].split("-")))
        months = []
        while (y, m) <= (y1, m1):
            months.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return months


def _month(column: str) -> str:
    return f"strftime({column}, '%Y-%m')"


def aid_announced(connection, has_claims: bool) -> Chart:
    chart = Chart("aid", "Aid announced per month",
                  "Aid claims in US dollars whose stage is a pledge or a commitment, each claim once, in the month "
                  "of its first report, at the least amount a source states. Running totals and deliveries are "
                  "not announcements and are left out.", "USD", counted="claims")
    if not has_claims:
        chart.caption = "This package has no claims: aid is charted from its claims."
        return chart
    stages = ", ".join(f"'{s}'" for s in ANNOUNCED_STAGES)
    values, counts = {}, {}
    for month, total, n in connection.execute(f"""
            SELECT {_month('first_published')} AS month, sum(coalesce(lowest_value, lowest_bound)), count(*)
            FROM claims WHERE category = 'aid' AND normalized_unit = 'USD' AND stage IN ({stages})
              AND first_published IS NOT NULL AND coalesce(lowest_value, lowest_bound) IS NOT NULL
              AND isfinite(coalesce(lowest_value, lowest_bound))
            GROUP BY 1 ORDER BY 1""").fetchall():
        values[month], counts[month] = total, n
    if values:
        chart.series["aid"] = values
    chart.counts = counts
    return chart


def casualties_reported(connection, by_conflict: bool) -> Chart:
    caption = ("How many casualty figures (killed, wounded, displaced, captured) the documents of each month "
               "report{by}. A toll is restated in many reports, so figures are counted, not summed.")
    chart = Chart("casualties", "Casualty figures reported per month" + (", by conflict" if by_conflict else ""),
                  caption.format(by=", by the conflict each is about" if by_conflict else ""), "count")
    conflict = "coalesce(nullif(q.conflict, ''), 'no conflict named')" if by_conflict else "'casualty figures'"
    rows = connection.execute(f"""
        SELECT {conflict} AS series, {_month('d.published')} AS month, count(*)
        FROM quantities q JOIN documents d ON d.doc_id = q.doc_id
        WHERE q.category = 'casualties' AND d.published IS NOT NULL
        GROUP BY ALL ORDER BY 1, 2""").fetchall()
    totals: dict[str, float] = {}
    for series, month, n in rows:
        totals[series] = totals.get(series, 0) + n
    named = sorted((s for s in totals if s != "no conflict named"), key=lambda s: (-totals[s], s))
    shown = named[:SERIES_SHOWN]
    for series, month, n in rows:
        name = series if series in shown or series == "no conflict named" else "other conflicts"
        chart.series.setdefault(name, {})
        chart.series[name][month] = chart.series[name].get(month, 0) + n
        chart.counts[month] = chart.counts.get(month, 0) + n
    order = [*shown, "other conflicts", "no conflict named"]
    chart.series = {s: chart.series[s] for s in order if s in chart.series} | \
                   {s: v for s, v in chart.series.items() if s not in order}
    return chart


def _nice_step(top: float, ticks: int = 4) -> float:
    """A step of 1, 2 or 5 times a power of ten that divides 0..top into about `ticks`."""
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _fmt(x: float) -> str:
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def svg(chart: Chart) -> str:
    """The chart as an SVG element (scaled to its container's width by CSS), each bar with its
    month and value as its title, the axis labelled in the chart's unit."""
    months = chart.months
    if not months:
        return '<p class="notice">Nothing to chart in this package.</p>'
    width, height, left, right, top, bottom = 720, 260, 64, 8, 10, 34
    totals = [sum(values.get(m, 0) for values in chart.series.values()) for m in months]
    high = max(totals) or 1
    step = _nice_step(high)
    ceiling = step * math.ceil(high / step)
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / len(months)
    bar = max(min(slot * 0.8, 40), 1)

    def y(value: float) -> float:
        return top + plot_h - value / ceiling * plot_h

    parts = [f'<svg class="chart" id="chart-{esc(chart.key)}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{esc(chart.title)}: {len(months)} months, {esc(months[0])} to {esc(months[-1])}">']
    for k in range(int(round(ceiling / step)) + 1):
        value = k * step
        parts.append(f'<line class="grid" x1="{left}" y1="{_fmt(y(value))}" x2="{width - right}" y2="{_fmt(y(value))}"/>'
                     f'<text class="ticklabel" x="{left - 6}" y="{_fmt(y(value) + 4)}" text-anchor="end">'
                     f'{esc(axis_label(value, chart.unit))}</text>')
    names = list(chart.series)
    januaries = [i for i, m in enumerate(months) if m.endswith("-01")]
    first_label = not januaries or januaries[0] * slot >= 50  # the first month's label, where it has room
    for i, month in enumerate(months):
        x = left + slot * i + (slot - bar) / 2
        base = 0.0
        for s, name in enumerate(names):
            value = chart.series[name].get(month, 0)
            if not value:
                continue
            label = f"{month}: {axis_label(value, chart.unit)}" + (f" ({name})" if len(names) > 1 else "")
            parts.append(f'<rect class="bar s{s}" data-month="{esc(month)}" x="{_fmt(x)}" y="{_fmt(y(base + value))}" '
                         f'width="{_fmt(bar)}" height="{_fmt(max(y(base) - y(base + value), 0.5))}">'
                         f'<title>{esc(label)}</title></rect>')
            base += value
        if month.endswith("-01") or (i == 0 and first_label):
            parts.append(f'<text class="ticklabel" x="{_fmt(left + slot * i)}" y="{height - bottom + 14}">'
                         f'{esc(month[:4] if month.endswith("-01") else month)}</text>')
    parts.append(f'<line class="axis" x1="{left}" y1="{_fmt(y(0))}" x2="{width - right}" y2="{_fmt(y(0))}"/></svg>')
    return "".join(parts)


def figure(chart: Chart) -> str:
    """The chart with its title, caption, legend and its numbers as a table."""
    names = list(chart.series)
    legend = ""
    if len(names) > 1:
        legend = '<ul class="legend">' + "".join(f'<li><span class="swatch s{i}"></span>{esc(n)}</li>'
                                                 for i, n in enumerate(names)) + "</ul>"
    rows = []
    for month in chart.months:
        if month not in chart.counts:
            continue
        cells = "".join(f'<td class="num">{esc(axis_label(chart.series[n].get(month, 0), chart.unit))}</td>'
                        for n in names)
        rows.append(f'<tr><td class="date">{esc(month)}</td>{cells}<td class="num">{number(chart.counts[month])}</td></tr>')
    table = ""
    if rows:
        head = "".join(f"<th>{esc(n)}</th>" for n in names)
        table = (f'<details><summary>The numbers</summary><div class="scroll"><table class="chartdata">'
                 f'<thead><tr><th>Month</th>{head}<th>{esc(chart.counted.capitalize())}</th></tr></thead>'
                 f'<tbody>{"".join(rows)}</tbody></table></div></details>')
    return (f'<figure class="chart" id="{esc(chart.key)}"><figcaption><h2>{esc(chart.title)}</h2>'
            f'<p class="note">{esc(chart.caption)}</p></figcaption>{svg(chart)}{legend}{table}</figure>')
