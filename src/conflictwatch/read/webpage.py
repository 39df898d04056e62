"""HTML pages: trafilatura finds the article in the page, lxml is the fallback.

trafilatura only ever gets markup we already hold: it is never given a URL to
fetch (the URL is passed for metadata only) and never calls the network itself
when handed a string.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import lxml.html
from lxml import etree

from conflictwatch.model import Article
from conflictwatch.read.common import Input, InputError, Item, too_large
from conflictwatch.read.dates import parse_published

if TYPE_CHECKING:
    from trafilatura.settings import Document

# trafilatura and its helpers warn about every page they find thin or odd; a
# reader that tries thousands of pages would drown standard error in them.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_BLOCKS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
    "article", "header", "footer", "pre", "dd", "dt", "figcaption", "table", "ul", "ol",
)  # fmt: skip
_INVISIBLE = "//script|//style|//noscript|//template|//head"
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")


def _parse(markup: str) -> lxml.html.HtmlElement | None:
    # lxml refuses str input that still declares an encoding: it is decoded already.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return None
    try:
        return lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page or fragment, one block per line."""
    root = _parse(markup)
    if root is None:
        return ""
    for node in root.xpath(_INVISIBLE):
        node.drop_tree()  # keeps the tail text, which belongs to the parent
    for node in root.iter(*_BLOCKS, "br"):
        node.tail = "\n" + (node.tail or "")  # block ends are line ends in the text
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _page_title(markup: str) -> str | None:
    root = _parse(markup)
    title = root.findtext(".//title") if root is not None else None
    return " ".join(title.split()) if title and title.strip() else None


def _extract(markup: str, url: str | None) -> Document | None:
    # Imported here: it takes a tenth of a second, and most runs read no HTML.
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        return trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,  # reader comments are not the article
            # Dates from the page's metadata, markup and URL only: the "extensive"
            # search guesses from any date in the prose, which is often the event.
            date_extraction_params=set_date_params(False),
        )
    except (ValueError, TypeError, etree.LxmlError):  # a page odd enough to break it
        return None


def read_html(item: Input) -> Iterator[Item]:
    if len(item.text) > item.max_chars:
        raise InputError(too_large(len(item.text), item.max_chars))
    document = _extract(_XML_DECLARATION.sub("", item.text, count=1), item.url)
    text = (document.text or "").strip() if document else ""
    title = document.title if document else None
    published = parse_published(document.date) if document else None
    if not text:  # trafilatura found no main content: take every visible word
        text = html_to_text(item.text)
    if not text:
        raise InputError("no text in the HTML page")
    yield Article(
        id=item.name,
        text=text,
        published=published,
        url=item.url or (document.url if document else None),
        title=title or _page_title(item.text),
        source=item.source,
        # The site's name is the outlet: a hint of the country when the text names none.
        meta={"sitename": document.sitename} if document and document.sitename else {},
    )
