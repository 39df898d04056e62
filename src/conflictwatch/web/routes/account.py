"""Log in and log out. Accounts are made with `conflictwatch users add`, never here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from conflictwatch.store import Store
from conflictwatch.web import auth
from conflictwatch.web.common import render

router = APIRouter(include_in_schema=False)
FormDep = Annotated[FormData, Depends(auth.checked_form)]


def _safe_next(target: str) -> str:
    """Only a path on this site: no open redirect through ?next=."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login")
async def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login")
async def login(request: Request, form: FormDep) -> Response:
    store: Store = request.app.state.store
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    target = _safe_next(str(form.get("next", "/")))
    user = auth.authenticate(store, name, password)
    if user is None:
        context = {"next": target, "error": "wrong name or password"}
        return render(request, "login.html", context, status=401)
    response = RedirectResponse(target, status_code=303)
    hours = int(request.app.state.settings["web_session_hours"])
    auth.start_session(store, user, hours, response)
    return response


@router.post("/logout")
async def logout(request: Request, form: FormDep) -> Response:
    response = RedirectResponse("/", status_code=303)
    auth.end_session(request.app.state.store, request, response)
    return response
