"""RSS and Atom feeds: one Article per entry, parsed by feedparser.

feedparser is only ever given a byte stream. Given a str it would treat it as a
URL or a file name and go and fetch it; fetching is the sources module's job,
with its own timeout and error messages.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from xml.sax import SAXParseException

import feedparser

from conflictwatch.model import Article
from conflictwatch.read.common import Input, InputError, Item, error, one_line, too_large
from conflictwatch.read.dates import parse_published
from conflictwatch.read.webpage import html_to_text

_DECLARED_ENCODING = re.compile(r"""(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""")
# Root elements that make an XML document a feed: RSS 2.0, Atom, RSS 1.0 (rdf:RDF).
FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
# What may precede the root: whitespace, <?xml ...?>, comments, a DOCTYPE.
_PROLOG = re.compile(
    r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.S | re.I
)
_FIRST_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)")


def is_feed(text: str) -> bool:
    """True when the document's root element is rss, feed or (rdf:)RDF."""
    prolog = _PROLOG.match(text[:65_536])
    tag = _FIRST_TAG.match(text, prolog.end() if prolog else 0)
    return bool(tag) and tag[1].rsplit(":", 1)[-1].lower() in FEED_ROOTS


def _as_utf8(text: str) -> bytes:
    """The decoded feed as UTF-8 bytes, its XML declaration saying so.

    We decode bytes ourselves (one policy for every format); a declaration naming
    another charset would now be a lie. The declaration is edited in place, or
    one is put on the first line (feedparser would add it on a line of its own),
    so line numbers in error messages still match the file.
    """
    if _DECLARED_ENCODING.match(text):
        text = _DECLARED_ENCODING.sub(r"\g<1>utf-8", text, count=1)
    elif not text.startswith("<?xml"):
        text = '<?xml version="1.0" encoding="utf-8"?>' + text
    return text.encode("utf-8")


def _bozo_reason(exception: Any) -> str:
    if isinstance(exception, SAXParseException):
        return f"{exception.getMessage()} at line {exception.getLineNumber()}"
    return f"{type(exception).__name__}: {exception}" if exception else "not a feed"


def _plain(detail: Any) -> str:
    """Text of a feedparser text construct, with markup removed if it is HTML."""
    if not detail or not detail.get("value"):
        return ""
    value = detail["value"]
    return html_to_text(value) if "html" in (detail.get("type") or "html") else value.strip()


def _entry_text(entry: Any) -> str:
    # Full content when the feed carries it (the longest part), else the summary.
    contents = [_plain(part) for part in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best or _plain(entry.get("summary_detail"))


def _published(entry: Any) -> date | None:
    # The string first: feedparser's *_parsed are shifted to UTC, which moves a
    # late-evening story to the next day; the day as the publisher wrote it is
    # the one relative dates ("on Thursday") count from.
    for key in ("published", "updated"):
        day = parse_published(entry.get(key)) or parse_published(entry.get(f"{key}_parsed"))
        if day:
            return day
    return None


def _meta(parsed: Any, entry: Any) -> dict[str, Any]:
    meta = {
        "feed_title": parsed.feed.get("title"),
        "author": entry.get("author"),
        "tags": [tag.get("term") for tag in entry.get("tags") or [] if tag.get("term")],
    }
    return {key: value for key, value in meta.items() if value}


def _article(parsed: Any, entry: Any, index: int, item: Input) -> Article:
    text = _entry_text(entry)
    if not text:
        raise InputError("no text")
    if len(text) > item.max_chars:
        raise InputError(too_large(len(text), item.max_chars))
    return Article(
        id=entry.get("id") or entry.get("link") or f"{item.name}:{index}",
        text=text,
        published=_published(entry),
        url=entry.get("link"),
        title=_plain(entry.get("title_detail")) or None,
        source=item.source,
        meta=_meta(parsed, entry),
    )


def read_feed(item: Input) -> Iterator[Item]:
    headers = {"content-location": item.url} if item.url else {}
    parsed = feedparser.parse(io.BytesIO(_as_utf8(item.text)), response_headers=headers)
    if parsed.bozo and not parsed.entries:
        raise InputError(one_line(f"malformed feed: {_bozo_reason(parsed.get('bozo_exception'))}"))
    for index, entry in enumerate(parsed.entries, start=1):
        try:
            yield _article(parsed, entry, index, item)
        except InputError as exc:
            yield error(f"{item.source}:entry {index}", exc)
