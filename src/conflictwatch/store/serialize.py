"""Model objects to and from the rows and JSON records the store keeps.

model.py has `Event.to_full_record()`/`Event.from_record()` but nothing for articles
and reports, so those live here. Readers ignore keys they do not know, so a record
written by a newer version still loads.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from conflictwatch.model import Article, Claim, Event, Evidence, Place, Report


def dumps(value: Any) -> str:
    """The one JSON spelling the store writes: sorted keys, so equal records compare equal."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {item.name for item in fields(cls)}
    return {key: value for key, value in data.items() if key in names}


def article_to_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "text": article.text,
        "meta": dumps(article.meta),
    }


def article_from_row(row: Any) -> Article:
    published = row["published"]
    return Article(
        id=row["id"],
        text=row["text"],
        published=date.fromisoformat(published) if published else None,
        url=row["url"],
        title=row["title"],
        source=row["source"],
        meta=json.loads(row["meta"]) if row["meta"] else {},
    )


def report_to_dict(report: Report) -> dict[str, Any]:
    return asdict(report)  # nests Place, Claim and Evidence as dicts


def report_from_dict(data: dict[str, Any]) -> Report:
    values = _known(Report, data)
    place = values.get("place")
    values["place"] = Place(**_known(Place, place)) if place is not None else None
    values["claims"] = [Claim(**_known(Claim, item)) for item in values.get("claims", [])]
    values["evidence"] = [Evidence(**_known(Evidence, item)) for item in values.get("evidence", [])]
    return Report(**values)


def event_to_dict(event: Event) -> dict[str, Any]:
    return event.to_full_record()


def event_from_dict(data: dict[str, Any]) -> Event:
    return Event.from_record(data)


def event_columns(event: Event) -> dict[str, Any]:
    """The queryable columns of an event row; the full record goes in `record`."""
    actors = [event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2]
    return {
        "id": event.event_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": event.event_date,
        "country": event.country,
        "admin1": event.admin1,
        "location": event.location,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "fatalities": event.fatalities,
        "latitude": event.latitude,
        "longitude": event.longitude,
        # One actor a line, so a substring search cannot match across two names.
        "actors_fold": "\n".join(name.casefold() for name in actors if name),
        "notes_fold": (event.notes or "").casefold(),
    }
