"""The dashboard's app factory: `create_app(settings, store)`.

Pages are rendered on the server (Jinja2); the only JavaScript draws the map. Every
asset comes from `static/` (Leaflet, markercluster and world-atlas are vendored there),
so the dashboard works with no network. Handlers are `async def` on purpose: they run
one at a time on the event loop, so the one SQLite connection is never used by two
threads at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from conflictwatch import __version__
from conflictwatch.store import Store
from conflictwatch.web.common import LoginNeeded, render
from conflictwatch.web.routes import account, api, pages, review
from conflictwatch.web.views import TYPE_COLOURS

HERE = Path(__file__).parent

# No inline script anywhere, and nothing from another origin.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


def create_app(settings: dict[str, Any], store: Store) -> FastAPI:
    app = FastAPI(
        title="conflictwatch",
        version=__version__,
        description="Events coded from news about armed conflict (ACLED vocabulary).",
        docs_url=None,  # the stock docs pages load their assets from a CDN
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.settings = settings
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (pages, review, account, api):
        app.include_router(module.router)
    _add_handlers(app)
    return app


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["type_colours"] = TYPE_COLOURS
    templates.env.globals["version"] = __version__
    return templates


def _add_handlers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.exception_handler(LoginNeeded)
    async def to_login(request: Request, _: LoginNeeded) -> Response:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        if error.status_code == 401 and request.method == "GET":
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        context = {"status": error.status_code, "message": str(error.detail)}
        return render(request, "error.html", context, status=error.status_code)
