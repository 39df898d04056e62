"""What the linker reads from a report, computed once per report.

Comparing two reports happens millions of times on a large store, so dates
become day numbers, the evidence text a set of content words and the actors a
set of canonical names here, not in the pairwise code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from conflictwatch.link.events import source_totals
from conflictwatch.model import Report
from conflictwatch.resources import read_text

_WORD = re.compile(r"[^\W\d_]{3,}")


@cache
def stopwords() -> frozenset[str]:
    lines = read_text("link/stopwords.txt").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _day(value: str | None) -> int | None:
    return date.fromisoformat(value).toordinal() if value else None


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of 3+ letters, stop words out, a plural 's' cut (strikes ~ strike)."""
    stop = stopwords()
    words = set()
    for match in _WORD.finditer(text.casefold()):
        word = match.group()
        if word in stop:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


@dataclass(frozen=True)
class Keyed:
    """A report with the values the linker compares, precomputed."""

    report: Report
    id: str
    day: int | None  # event date as a day number; None when undated
    precision: int  # ACLED time precision; 3 when unknown
    published: int | None
    country: str | None
    place: str | None  # the place name when specific (geo_precision 1-2), else None
    words: frozenset[str]
    actors: frozenset[str]
    totals: tuple[int, ...]  # each source's death toll, positive ones only

    @classmethod
    def of(cls, report: Report) -> Keyed:
        place = report.place
        specific = place is not None and (place.geo_precision or 3) <= 2
        actors = {report.actor1, report.actor2, *report.assoc_actor_1, *report.assoc_actor_2}
        totals = sorted({total for _, total in source_totals(report.claims) if total > 0})
        return cls(
            report=report,
            id=report.id,
            day=_day(report.event_date),
            precision=report.time_precision or 3,
            published=_day(report.published),
            country=place.country if place else None,
            place=place.name if specific and place else None,
            words=content_words(report.notes),
            actors=frozenset(a for a in actors if a),
            totals=tuple(totals),
        )
