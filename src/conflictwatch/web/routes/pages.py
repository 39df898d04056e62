"""Read-only pages: the map with the filtered list, the timeline, an event, an
article, the global audit log, and the downloads of the filtered events."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from conflictwatch import run
from conflictwatch.export import WRITERS
from conflictwatch.store import Store
from conflictwatch.web.common import reader, render
from conflictwatch.web.filters import EVENT_TYPES, Filters, event_filters
from conflictwatch.web.views import (
    TYPE_COLOURS,
    article_spans,
    changes,
    field_rows,
    highlight,
    weekly_chart,
)

router = APIRouter(dependencies=[Depends(reader)], include_in_schema=False)
FiltersDep = Annotated[Filters, Depends(event_filters)]
PageDep = Annotated[int, Query(ge=1, le=100_000)]


def _store(request: Request) -> Store:
    return request.app.state.store


def _filter_context(request: Request, filters: Filters) -> dict[str, Any]:
    store = _store(request)
    return {
        "filters": filters,
        "countries": store.distinct_values("country"),
        "event_types": EVENT_TYPES,
    }


@router.get("/")
async def map_page(request: Request, filters: FiltersDep, page: PageDep = 1) -> Response:
    """The map of the filtered events, with one page of them as a table."""
    store = _store(request)
    size = int(request.app.state.settings["web_page_size"])
    spec = filters.to_event_filter(limit=size, offset=(page - 1) * size)
    total = store.count_events(filters.to_event_filter())
    context = _filter_context(request, filters) | {
        "events": store.events(spec),
        "total": total,
        "page": page,
        "pages": max(1, -(-total // size)),
        "points_url": "/api/points?" + filters.query(),
    }
    return render(request, "map.html", context)


@router.get("/timeline")
async def timeline_page(request: Request, filters: FiltersDep) -> Response:
    """Events and fatalities per week, stacked by event type."""
    rows = _store(request).weekly_counts(filters.to_event_filter())
    context = _filter_context(request, filters) | {
        "events_chart": weekly_chart(rows, "events"),
        "deaths_chart": weekly_chart(rows, "fatalities"),
        "weeks": len({row["week"] for row in rows}),
    }
    return render(request, "timeline.html", context)


@router.get("/events/{event_id}")
async def event_page(request: Request, event_id: str) -> Response:
    store = _store(request)
    event = store.get_event(event_id)
    info = store.event_info(event_id)
    if event is None or info is None:
        raise HTTPException(404, f"no event {event_id}")
    decisions = store.review_decisions(event_id)
    sources = []
    for article in store.articles(event.articles):
        spans = article_spans(event, article.id, len(article.text))
        sources.append({"article": article, "text": highlight(article.text, spans)})
    context = {
        "event": event,
        "info": info,
        "fields": field_rows(event.to_full_record()),
        "claims": store.claims_of_reports(event.reports),
        "sources": sources,
        "history": changes(store.event_history(event_id)),
        "audit": store.audit_of_event(event_id),
        "edits": [d for d in decisions if d["kind"] == "edit"],
        "review": run.review_state(decisions),
        "editable": run.EDITABLE_FIELDS,
        "colour": TYPE_COLOURS.get(event.event_type, "#777"),
    }
    return render(request, "event.html", context)


@router.get("/articles/{article_id}")
async def article_page(request: Request, article_id: str) -> Response:
    store = _store(request)
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    events = []
    spans = []
    for row in store.events_of_article(article_id):
        event = store.get_event(row["id"])
        if event is not None:
            events.append((event, row["status"]))
            if row["status"] != "superseded":
                spans += article_spans(event, article_id, len(article.text))
    spans.sort(key=lambda s: (s.start, -s.end))
    context = {"article": article, "events": events, "text": highlight(article.text, spans)}
    return render(request, "article.html", context)


@router.get("/audit")
async def audit_page(request: Request, page: PageDep = 1) -> Response:
    """Every review action and account change, newest first."""
    store = _store(request)
    size = int(request.app.state.settings["web_page_size"])
    total = store.count("audit_log")
    context = {
        "entries": store.audit_page(size, (page - 1) * size),
        "page": page,
        "pages": max(1, -(-total // size)),
        "total": total,
    }
    return render(request, "audit.html", context)


_DOWNLOADS = {"csv": "text/csv", "geojson": "application/geo+json"}


@router.get("/download/events.{fmt}")
async def download(request: Request, fmt: str, filters: FiltersDep) -> Response:
    """The filtered events as ACLED-ordered CSV or GeoJSON (the export writers)."""
    if fmt not in _DOWNLOADS:
        raise HTTPException(404, f"no download as {fmt}")
    events = _store(request).events(filters.to_event_filter())
    buffer = io.StringIO()
    WRITERS[fmt](events, buffer)
    headers = {"Content-Disposition": f'attachment; filename="events.{fmt}"'}
    return Response(buffer.getvalue(), media_type=_DOWNLOADS[fmt], headers=headers)
