"""The JSON API (read-only), described by the OpenAPI document at /api/openapi.json
and the page /api. The same filters as the map; lists are paginated."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from conflictwatch.store import Store
from conflictwatch.web.common import reader, render
from conflictwatch.web.filters import Filters, event_filters

router = APIRouter(dependencies=[Depends(reader)])
FiltersDep = Annotated[Filters, Depends(event_filters)]


class EventPage(BaseModel):
    """One page of events matching the filters, newest first, undated last."""

    total: int = Field(description="Events matching the filters, over all pages.")
    page: int
    per_page: int
    pages: int
    events: list[dict[str, Any]] = Field(
        description="Event records as in the output contract, plus `status`."
    )


class EventDetail(BaseModel):
    """One event: its full record, its status and its version history."""

    event: dict[str, Any] = Field(description="The contract record plus internal fields.")
    status: str = Field(description="active, rejected, merged or superseded.")
    merged_into: str | None
    version: int
    history: list[dict[str, Any]] = Field(description="Every version: when, who, why.")


class Points(BaseModel):
    """The map's compact payload: one row per located event."""

    columns: list[str]
    points: list[list[Any]]


def _store(request: Request) -> Store:
    return request.app.state.store


@router.get("/api/events", response_model=EventPage, tags=["events"])
async def list_events(
    request: Request,
    filters: FiltersDep,
    page: Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")] = 1,
    per_page: Annotated[
        int | None, Query(ge=1, le=1000, description="Events per page (default 50).")
    ] = None,
) -> Response:
    """Events matching the filters, a page at a time."""
    store = _store(request)
    size = per_page or int(request.app.state.settings["web_page_size"])
    total = store.count_events(filters.to_event_filter())
    events = store.events(filters.to_event_filter(limit=size, offset=(page - 1) * size))
    body = {
        "total": total,
        "page": page,
        "per_page": size,
        "pages": max(1, -(-total // size)),
        "events": [event.to_record() | {"status": "active"} for event in events],
    }
    return _json(body)


@router.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"])
async def get_event(request: Request, event_id: str) -> Response:
    """One event by id, whatever its status (a merged event names where it went)."""
    store = _store(request)
    event, info = store.get_event(event_id), store.event_info(event_id)
    if event is None or info is None:
        raise HTTPException(404, f"no event {event_id}")
    history = [
        {key: row[key] for key in ("version", "status", "changed_at", "changed_by", "reason")}
        for row in store.event_history(event_id)
    ]
    body = {
        "event": event.to_full_record(),
        "status": info["status"],
        "merged_into": info["merged_into"],
        "version": info["version"],
        "history": history,
    }
    return _json(body)


@router.get("/api/points", response_model=Points, tags=["map"])
async def points(request: Request, filters: FiltersDep) -> Response:
    """[id, latitude, longitude, event_type, fatalities] of every located event that
    matches the filters: what the map draws, without the full records."""
    rows = _store(request).map_points(filters.to_event_filter())
    columns = ["id", "latitude", "longitude", "event_type", "fatalities"]
    return _json({"columns": columns, "points": rows})


@router.get("/api", include_in_schema=False)
async def api_page(request: Request) -> Response:
    """The OpenAPI document as a page (the stock docs pages need a CDN)."""
    schema = request.app.openapi()
    return render(request, "api.html", {"schema": schema})


def _json(body: dict[str, Any]) -> Response:
    # Written directly: the response models document the shape, and skipping their
    # validation keeps 50,000 map points well inside the time budget.
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")
