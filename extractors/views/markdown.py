"""A Markdown document as HTML (markdown-it-py, CommonMark, no HTML of its own), with marks that hold
exactly the characters of the stored text at their offsets.

Markdown rendering drops and changes characters (`**`, `\\_`, a link's address, the line
breaks of hard-wrapped text), so a figure's offsets into the stored text cannot be carried
into the rendered HTML. The other way round is exact: each span to highlight is replaced,
before parsing, by a placeholder (private-use characters, which Markdown reads as the
letters of a word), the text is rendered, and each placeholder, found in the HTML's text, is
replaced by the span's own HTML (the stored characters, escaped, in their marks). A mark's
text is then its figure's text, character for character, whatever markup is around it; the
rest of the document is rendered as it would be without the figures. A span the rendering
does not keep as text (one in a link's address or title, or in a reference definition) is
not highlighted, and the page says so; the document is rendered again without it.

What may be rendered is what a reader of a public web page may follow: links to http(s)
addresses only (with `rel="noopener noreferrer nofollow"`), no image (its text is shown),
and no HTML of the document's: markdown-it-py finds it (169 of the 899 White House documents
hold `<u>`, `<sup>`, `<span style=...>` or `<!-- -->`, left by their conversion to Markdown),
and the page drops a tag inside a paragraph (its text stays), drops a comment, and shows any
other block of HTML as text, escaped. A text that holds the placeholders' own characters is
not rendered (`render` returns None and the page shows it as stored).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from .formats import web_link

OPEN, CLOSE = "\ue000", "\ue001"  # around a placeholder's number
DIGIT0, BASE = 0xE100, 256  # a number's digits, private-use too, so that no digit starts a list item
_RESERVED = re.compile("[\ue000-\ue1ff]")
_PLACEHOLDER = re.compile(f"{OPEN}([\ue100-\ue1ff]+){CLOSE}")
_TAG = re.compile(r"(<[^>]*>)")  # markdown-it escapes < and > in text and attributes


_COMMENT = re.compile(r"\s*<!--.*?-->\s*", re.S)


def _html_block(self, tokens, idx, options, env) -> str:
    content = tokens[idx].content
    return "" if _COMMENT.fullmatch(content) else f'<p class="raw">{escapeHtml(content)}</p>\n'


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.disable("image")
    md.validateLink = lambda url: web_link(url) is not None
    md.add_render_rule("html_inline", lambda self, tokens, idx, options, env: "")
    md.add_render_rule("html_block", _html_block)
    return md


def to_html(source: str) -> str:
    """`source` rendered by the viewer's rules, without highlights."""
    md = parser()
    tokens = md.parse(source)
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("rel", "noopener noreferrer nofollow")
    return md.renderer.render(tokens, md.options, {})


def _placeholder(n: int) -> str:
    digits = []
    while True:
        n, digit = divmod(n, BASE)
        digits.append(chr(DIGIT0 + digit))
        if not n:
            break
    return OPEN + "".join(reversed(digits)) + CLOSE


def _number(digits: str) -> int:
    n = 0
    for digit in digits:
        n = n * BASE + ord(digit) - DIGIT0
    return n


def render(text: str, spans: list[tuple[int, int]], marked: Callable[[int], str]) -> tuple[str, list[int]] | None:
    """`text` as HTML, each of the `spans` (start, end: disjoint, in order) replaced by
    `marked(i)`, its HTML; and the spans that could not be placed (in markup the rendering
    drops or writes into an attribute). None where `text` holds the placeholders' characters.

    >>> html, lost = render("Over **$2\\nbillion** [in aid](https://a.example/5)", [(7, 17), (47, 48)],
    ...                     lambda i: f"<mark>{'$2&#10;billion' if i == 0 else '5'}</mark>")
    >>> html, lost
    ('<p>Over <strong><mark>$2&#10;billion</mark></strong> <a href="https://a.example/5" rel="noopener noreferrer nofollow">in aid</a></p>\\n', [1])
    """
    if _RESERVED.search(text):
        return None
    active = list(range(len(spans)))
    lost: list[int] = []
    while True:
        pieces, position = [], 0
        for i in active:
            start, end = spans[i]
            pieces += [text[position:start], _placeholder(i)]
            position = end
        pieces.append(text[position:])
        rendered = _TAG.split(to_html("".join(pieces)))
        seen: dict[int, int] = {}
        for k in range(0, len(rendered), 2):  # text between tags
            for match in _PLACEHOLDER.finditer(rendered[k]):
                n = _number(match.group(1))
                seen[n] = seen.get(n, 0) + 1
        gone = [i for i in active if seen.get(i) != 1]
        if not gone:
            break
        lost += gone
        active = [i for i in active if i not in set(gone)]
    out = []
    for k, piece in enumerate(rendered):
        out.append(_PLACEHOLDER.sub(lambda m: marked(_number(m.group(1))), piece) if k % 2 == 0 else piece)
    return "".join(out), sorted(lost)
