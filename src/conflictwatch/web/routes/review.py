"""Review actions: confirm, reject, edit a field, merge, split.

Each is a POST whose form passed the CSRF check (`checked_form`), by a user the
server checked holds the editor role, with a reason; each calls the same library
function as the CLI (`conflictwatch.run`), which keeps the decision, a new event
version and an audit entry. A refused action shows the event page with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from conflictwatch import run
from conflictwatch.store import Store
from conflictwatch.web import auth
from conflictwatch.web.common import render

router = APIRouter(include_in_schema=False)
FormDep = Annotated[FormData, Depends(auth.checked_form)]


def _text(form: FormData, name: str) -> str:
    return str(form.get(name, "")).strip()


def _act(request: Request, event_id: str, form: FormData, action: Callable[..., Any]) -> Response:
    """Check the role, run the action with the user's name and the reason, and go to
    the resulting event (303, so reloading does not post again)."""
    store: Store = request.app.state.store
    user = auth.require_role(store, request, "editor")
    try:
        target = action(store, user.name, _text(form, "reason")) or event_id
    except (run.ReviewError, ValueError) as error:
        context = {"status": 400, "message": str(error), "back": f"/events/{event_id}"}
        return render(request, "error.html", context, status=400)
    return RedirectResponse(f"/events/{target}#review", status_code=303)


@router.post("/events/{event_id}/confirm")
async def confirm(request: Request, event_id: str, form: FormDep) -> Response:
    def action(store: Store, by: str, reason: str) -> None:
        run.confirm_event(store, event_id, reason=reason, by=by)

    return _act(request, event_id, form, action)


@router.post("/events/{event_id}/reject")
async def reject(request: Request, event_id: str, form: FormDep) -> Response:
    def action(store: Store, by: str, reason: str) -> None:
        run.reject_event(store, event_id, reason=reason, by=by)

    return _act(request, event_id, form, action)


@router.post("/events/{event_id}/edit")
async def edit(request: Request, event_id: str, form: FormDep) -> Response:
    def action(store: Store, by: str, reason: str) -> None:
        field, value = _text(form, "field"), str(form.get("value", ""))
        run.edit_event(store, event_id, field, value, reason=reason, by=by)

    return _act(request, event_id, form, action)


@router.post("/events/{event_id}/merge")
async def merge(request: Request, event_id: str, form: FormDep) -> Response:
    def action(store: Store, by: str, reason: str) -> str:
        other = _text(form, "other")
        _require_reason(reason)
        done = run.merge_events(
            store, event_id, other, request.app.state.settings, reason=reason, by=by
        )
        return done["event"]

    return _act(request, event_id, form, action)


@router.post("/events/{event_id}/split")
async def split(request: Request, event_id: str, form: FormDep) -> Response:
    def action(store: Store, by: str, reason: str) -> None:
        _require_reason(reason)
        claims = [int(value) for value in form.getlist("claim")]
        reports = [str(value) for value in form.getlist("report")]
        if not claims and not reports:
            raise run.ReviewError("tick the claims or reports to move out")
        run.split_event(
            store,
            event_id,
            request.app.state.settings,
            reports=reports,
            claims=claims,
            reason=reason,
            by=by,
        )

    return _act(request, event_id, form, action)


def _require_reason(reason: str) -> None:
    # Say it before merge_events/split_event look at the events, so the message is this.
    if not reason:
        raise run.ReviewError("a reason is required")
