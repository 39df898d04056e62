"""The one set of event filters the map, the timeline, the downloads and the API share.

Query parameters arrive as strings; an HTML form sends an empty string for a field
left blank, so empty means "any". A malformed value is a 400 with the reason, never
a silently wrong filter.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from conflictwatch.store import EventFilter

EVENT_TYPES = (
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Riots",
    "Protests",
    "Strategic developments",
)


@dataclass(frozen=True)
class Filters:
    since: str = ""
    until: str = ""
    country: str = ""
    admin1: str = ""
    event_type: str = ""
    actor: str = ""
    min_fatalities: str = ""
    q: str = ""

    def to_event_filter(self, *, limit: int | None = None, offset: int = 0) -> EventFilter:
        return EventFilter(
            country=self.country or None,
            admin1=self.admin1 or None,
            event_type=self.event_type or None,
            since=_date(self.since, "since"),
            until=_date(self.until, "until"),
            actor=self.actor or None,
            min_fatalities=_count(self.min_fatalities),
            text=self.q or None,
            limit=limit,
            offset=offset,
        )

    def query(self, **extra: object) -> str:
        """The filters (and extras) as a query string, blanks left out."""
        pairs = {f.name: getattr(self, f.name) for f in fields(self)} | extra
        return urlencode({key: value for key, value in pairs.items() if value not in ("", None)})

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def _date(value: str, name: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise HTTPException(400, f"{name}: expected a date YYYY-MM-DD, got {value!r}") from error


def _count(value: str) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError as error:
        message = f"min_fatalities: expected a whole number, got {value!r}"
        raise HTTPException(400, message) from error
    if number < 0:
        raise HTTPException(400, "min_fatalities: cannot be negative")
    return number


def _clean(value: str | None) -> str:
    return (value or "").strip()


async def event_filters(
    since: Annotated[str | None, Query(description="Earliest event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Latest event date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, Query(description="Country, exact name: Mali.")] = None,
    admin1: Annotated[str | None, Query(description="First-level region, exact name.")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, exact.")] = None,
    actor: Annotated[str | None, Query(description="Part of any actor's name.")] = None,
    min_fatalities: Annotated[
        str | None, Query(description="Only events with at least this many deaths (integer).")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description=(
                "Full-text search: every word must appear in the event's notes, actors, "
                "places or source articles. Case and accents are ignored, a word of three "
                'letters or more also matches longer words it starts, and "quoted words" '
                "are an exact phrase."
            )
        ),
    ] = None,
) -> Filters:
    """FastAPI dependency: the filters of this request, checked."""
    found = Filters(
        since=_clean(since),
        until=_clean(until),
        country=_clean(country),
        admin1=_clean(admin1),
        event_type=_clean(event_type),
        actor=_clean(actor),
        min_fatalities=_clean(min_fatalities),
        q=_clean(q),
    )
    found.to_event_filter()  # raises 400 on a malformed value
    return found
