"""How the viewer writes values: text as HTML, numbers, intervals, dates, and an axis's labels
in the unit of its figures ("$800 M", "306 km", "12,000"), the same on every machine."""

from __future__ import annotations

import hashlib
import html
import math
import re
from functools import lru_cache
from urllib.parse import urlsplit

from ..reading.dimensions import currency


def esc(value) -> str:
    """Text as HTML, for an element's content or a quoted attribute. A carriage return is
    written as a reference, since HTML's parser turns a literal CR LF into LF."""
    return html.escape("" if value is None else str(value), quote=True).replace("\r", "&#13;")


def web_link(url: str | None) -> str | None:
    """`url` if it is an http(s) address a browser may follow, else None (shown as text)."""
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def number(value) -> str:
    """A number as shown: thousands separated, integers without `.0`, the same on every machine."""
    if value is None:
        return ""
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return format(value, ",.10g")


# Millions and more as a letter: "M" is never "m", which an axis of km would read as metres.
SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))


def compact(value: float) -> str:
    """A number in few characters, for an axis: `175 B`, `2.5 M`, `12,000`.

    >>> compact(175e9), compact(2.5e6), compact(12000.0), compact(0.25)
    ('175 B', '2.5 M', '12,000', '0.25')
    """
    for scale, name in SCALES:
        if abs(value) >= scale:
            return f"{format(value / scale, '.3g')} {name}"
    return number(float(format(value, ".4g")))


@lru_cache(maxsize=1)
def currency_symbols() -> dict[str, str]:
    """ISO 4217 code -> the shortest symbol the reader takes for it that is not letters alone
    (`$`, `€`, `A$`), from the currency dimension's own table of what is written before an amount."""
    symbols: dict[str, str] = {}
    for written, code in currency.PREFIXES.items():
        if written.isalpha() or written.rstrip(".").isalpha():
            continue
        if code not in symbols or len(written) < len(symbols[code]):
            symbols[code] = written
    return symbols


def is_money(unit: str | None) -> bool:
    """Whether a normalized unit is a currency (an ISO 4217 code)."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()


def axis_label(value: float, unit: str | None) -> str:
    """A value as an axis shows it, in its unit: money with its symbol (or code) and a scale
    letter, a percentage with `%`, a count bare, any other unit after the number.

    >>> axis_label(800e6, "USD"), axis_label(1.25e9, "EUR"), axis_label(5e6, "CHF"), axis_label(-2e6, "USD")
    ('$800 M', '€1.25 B', 'CHF 5 M', '−$2 M')
    >>> axis_label(306.0, "km"), axis_label(12000.0, "count"), axis_label(45.0, "percent"), axis_label(3.0, None)
    ('306 km', '12,000', '45 %', '3')
    """
    if is_money(unit):
        sign, amount = ("−", -value) if value < 0 else ("", value)
        symbol = currency_symbols().get(unit)
        return f"{sign}{symbol}{compact(amount)}" if symbol else f"{sign}{unit} {compact(amount)}"
    shown = compact(value)
    if unit in (None, "", "count"):
        return shown
    return f"{shown} %" if unit == "percent" else f"{shown} {unit}"


def value_label(value, low, high, unit: str | None) -> str:
    """A figure's normalized value as a list shows it, in its unit: the value, or its bounds.

    >>> value_label(None, 170e9, None, "USD"), value_label(None, 10.0, 20.0, "count")
    ('≥ $170 B', '10 – 20')
    """
    if value is not None:
        return axis_label(value, unit)
    if low is None and high is None:
        return ""
    return bounds(low, high, lambda v: axis_label(v, unit))


def bounds(low, high, show=number) -> str:
    """An interval as shown (each end by `show`): `2,000 – 3,000`, `≥ 2,000`, `≤ 306`, `unbounded`."""
    if low is None and high is None:
        return "unbounded"
    if low is None:
        return f"≤ {show(high)}"
    if high is None:
        return f"≥ {show(low)}"
    if low == high:
        return show(low)
    return f"{show(low)} – {show(high)}"


def iso_date(value) -> str:
    """A date as ISO 8601 (`2024-11-17`), empty where there is none."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# Names: every file name, id and class made of data is mapped to a safe one.

SAFE_FILE = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def doc_file(doc_id: str) -> str:
    """The file stem of a document's page: the doc_id itself where it is a safe name (lower-case
    letters, digits, `_`, `-`, at most 100), else a safe stem and 16 hex of its sha256, joined by
    a `.` that no safe doc_id holds (so two documents never share a page, on any file system).

    >>> doc_file("whitehouse_2021-01-25_5fe4a5b5b84761f9"), doc_file("../a b")
    ('whitehouse_2021-01-25_5fe4a5b5b84761f9', 'a-b.2c2c791a0618990c')
    """
    if SAFE_FILE.fullmatch(doc_id) and doc_id not in RESERVED:
        return doc_id
    stem = re.sub(r"[^a-z0-9_-]+", "-", doc_id.lower()).strip("-_")[:60] or "doc"
    return f"{stem}.{_digest(doc_id)}"


def mark_id(quantity_id: str, doc_id: str | None) -> str:
    """The HTML id of a figure on its document's page: `q-START-END` for an id of the form
    `{doc_id}:{start}-{end}`, else `q-h` and 16 hex of the id's sha256.

    >>> mark_id("d:12-19", "d"), mark_id('x" onmouseover="y', "d")
    ('q-12-19', 'q-h3ed1062fefcb58d5')
    """
    prefix = f"{doc_id}:" if doc_id is not None else ""
    rest = quantity_id[len(prefix):] if quantity_id.startswith(prefix) else None
    if rest is not None and re.fullmatch(r"[0-9]{1,12}-[0-9]{1,12}", rest):
        return f"q-{rest}"
    return f"q-h{_digest(quantity_id)}"


def claim_anchor(claim_id: str) -> str:
    """The HTML id of a claim on its page: the claim_id where it is `c` and 16 hex (as records.Claim
    says), else `c-h` and 16 hex of its sha256."""
    return claim_id if re.fullmatch(r"c[0-9a-f]{16}", claim_id) else f"c-h{_digest(claim_id)}"


def css_name(value: str | None) -> str:
    """A category as a CSS class suffix (`cat-aid`): letters, digits, `_` and `-` only."""
    return re.sub(r"[^a-z0-9_-]", "-", (value or "none").lower())
