"""One small, fast parser for the publication dates readers meet.

Inputs give dates as ISO strings ("2025-03-14 20:30:26Z"), RFC 822 ("Fri, 15 Mar
2024 10:00:00 GMT"), plain English ("15 March 2024", "March 15, 2024") or as parsed
objects (feedparser's struct_time). The time of day is dropped on purpose: the
pipeline codes events by day, and the day as written is what the source meant.
No dateparser here: it is slow and guesses too freely for a field we trust.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_tz

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


def _make(year: int | str, month: int | str, day: int | str) -> date | None:
    """A real calendar day or None (31 February is not a date)."""
    try:
        return date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        return None


def _month(name: str) -> int | None:
    """1-12 for a month name or its abbreviation ("Mar", "Sept", "March")."""
    lowered = name.lower()
    # A prefix of at least three letters: "Mar" and "March" but not "Marseille";
    # English names only, whatever the locale (no strftime here).
    for number, full in enumerate(_MONTH_NAMES, start=1):
        if len(lowered) >= 3 and full.startswith(lowered):
            return number
    return None


def _from_words(value: str) -> date | None:
    match = _DAY_MONTH_YEAR.search(value)
    if match and (month := _month(match[2])):
        return _make(match[3], month, match[1])
    match = _MONTH_DAY_YEAR.search(value)
    if match and (month := _month(match[1])):
        return _make(match[3], month, match[2])
    return None


def parse_published(value: object) -> date | None:
    """The calendar day of a publication date in any usual form, else None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):  # before `date`: a datetime is also a date
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time | tuple) and len(value) >= 3:
        return _make(*value[:3])
    if not isinstance(value, str):
        return None
    text = value.strip()
    # ISO first: by far the most common form and the only one with a fixed order.
    if match := _ISO.match(text):
        return _make(*match.groups())
    if match := _COMPACT.fullmatch(text):
        return _make(*match.groups())
    parsed = parsedate_tz(text)  # RFC 822 / 2822, the feed and e-mail format
    if parsed and parsed[0] > 0:
        return _make(*parsed[:3])
    return _from_words(text)
