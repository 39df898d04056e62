"""What every route module shares: rendering a page, and the read-access check."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from conflictwatch.store import Store
from conflictwatch.web import auth


class LoginNeeded(Exception):
    """A page that needs a login was asked for without one: redirect to /login."""


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page, with what every page needs: the user, the CSRF token, the settings."""
    store: Store = request.app.state.store
    base = {
        "user": auth.current_user(store, request),
        "csrf": auth.csrf_token(store, request),
        "settings": request.app.state.settings,
    }
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(request, name, base | context, status_code=status)
    auth.set_anon_csrf_cookie(request, response)
    return response


async def reader(request: Request) -> None:
    """Dependency of every read route: a login when `web_login_required` is set."""
    if not request.app.state.settings["web_login_required"]:
        return
    if auth.current_user(request.app.state.store, request) is None:
        if request.url.path.startswith("/api/"):
            raise HTTPException(401, "log in first")
        raise LoginNeeded()
