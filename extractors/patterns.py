"""Anchored pattern matches with bounded reach, the one way every layer looks around a number.

A compiled `regex` pattern's `.match(text, pos)` may look through the whole rest of the text
before it fails (seen with regex 2026.11: 3 ms per call on 10 M characters), so per-figure
look-arounds would make extraction quadratic. Every look after a figure goes through
`match_after`, and every look before it through `search_before`, each within a window.
"""

from __future__ import annotations

import regex

# Longer than any unit, qualifier or phrase the rules read next to a number.
WINDOW = 120


def match_after(pattern: regex.Pattern, text: str, pos: int, window: int = WINDOW):
    """`pattern` matched at `pos`, reading at most `window` characters."""
    return pattern.match(text, pos, min(len(text), pos + window))


def search_before(pattern: regex.Pattern, text: str, end: int, window: int = WINDOW):
    """`pattern` searched in the `window` characters before `end` (its `$` anchors at `end`)."""
    return pattern.search(text, max(0, end - window), end)


# A case-blind `regex` pattern matches a letter as any letter of the same simple case
# folding (Unicode's CaseFolding.txt, statuses C and S): "ſ" as "s", "µ" as "μ", "K" (the
# Kelvin sign) as "k", "İ" as "i". str.lower() maps most of them the same way, but not "ſ",
# "µ" or "ς", and it turns "İ" into "i" and a combining dot. So every table that a case-blind
# pattern's match is looked up in is keyed, and looked up, by `fold`: its keys are what the
# pattern matched, however the text cased it. (Derived from Python's Unicode database at
# import; the letters with a case all lie in the Basic Multilingual Plane but Deseret's and
# a few others', which no table holds.)
_SIMPLE_FOLDING = {ord(lower): folded for lower, folded in
                   ((chr(c).lower(), chr(c).casefold()) for c in range(0x10000))
                   if len(lower) == 1 and len(folded) == 1 and lower != folded}


def fold(surface: str) -> str:
    """A matched surface as the tables key it: lower-cased and simply case-folded, with the
    same length as long as it holds no "İ" (whose dot is dropped)."""
    return surface.lower().replace("i\u0307", "i").translate(_SIMPLE_FOLDING)


def key(surface: str) -> str:
    """`fold`, with any run of spaces or line breaks as one space ("square\\nmiles")."""
    return " ".join(fold(surface).split())
