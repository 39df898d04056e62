"""Plain-text articles: one file, one article, the text kept byte for byte.

The seeds start with a header ` date YYYY-MM-DD ` giving the publication day.
It is metadata, not prose, so it is cut off and the text starts at the first real
word; nothing else is touched, because later stages cite character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from conflictwatch.model import Article
from conflictwatch.read.common import Input, InputError, Item, too_large
from conflictwatch.read.dates import parse_published

# "\ufeff?" in case a BOM survived a declared-charset decode; "\s+" after the date
# eats the separator so the text starts at the first word.
DATE_HEADER = re.compile(r"\A\ufeff?\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?:\s+|\Z)")


def split_date_header(text: str) -> tuple[str, str | None]:
    """(text without the header, the header's date string or None)."""
    match = DATE_HEADER.match(text)
    if not match:
        return text, None
    return text[match.end() :], match[1]


def read_text(item: Input) -> Iterator[Item]:
    if len(item.text) > item.max_chars:
        raise InputError(too_large(len(item.text), item.max_chars))
    text, header = split_date_header(item.text)
    if not text.strip():
        raise InputError("no text after the date header" if header else "empty file")
    yield Article(
        id=item.name,
        text=text,
        published=parse_published(header),
        url=item.url,
        source=item.source,
    )
