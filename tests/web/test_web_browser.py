"""The dashboard in real Chromium (Debian's /usr/bin/chromium, driven by Playwright):
map, filter, event page, editor login, an edit and its audit entry. Screenshots go
to test-output/ at the repository root."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import PASSWORD, web_settings

from conflictwatch.store import Store
from conflictwatch.web import create_app
from conflictwatch.web.auth import create_user

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
# Without the background-networking flags Chromium keeps calling out, and the
# machine's closed network refuses it (see the machine notes).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(db_path: Path) -> Iterator[str]:
    """The app under uvicorn on loopback, in a thread, over a copy of the seeded DB."""
    import uvicorn

    store = Store(db_path)
    create_user(store, "edna", "editor", PASSWORD)
    port = _free_port()
    app = create_app(web_settings(str(db_path)), store)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture
def page(server: str, tmp_path: Path) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        opened = context.new_page()
        opened.set_default_timeout(15_000)
        opened.remote = []  # every request that left the dashboard
        opened.on(
            "request",
            lambda r: (
                r.url.startswith(server) or r.url.startswith("data:") or opened.remote.append(r.url)
            ),
        )
        yield opened
        context.close()
        browser.close()


def test_map_filter_event_login_edit_and_audit(server: str, page) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.goto(server + "/")
    page.wait_for_selector("#map[data-points-loaded][data-outlines-loaded]")
    assert int(page.get_attribute("#map", "data-points-loaded")) > 5
    # Country outlines are drawn (an SVG layer) and events as clusters or circles.
    assert page.locator("#map path").count() > 100
    page.wait_for_selector(".marker-cluster, .leaflet-marker-icon")
    page.screenshot(path=str(OUTPUT / "map.png"), full_page=True)

    total = int(page.inner_text("#total"))
    page.select_option("select[name=country]", "Mali")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"country=Mali"))
    page.wait_for_selector("#map[data-points-loaded]")
    mali = int(page.inner_text("#total"))
    assert 0 < mali < total
    countries = page.locator("table.events td.country").all_inner_texts()
    assert countries and set(countries) == {"Mali"}

    page.click("table.events tbody tr:first-child a")
    page.wait_for_selector("#claims")
    event_url = page.url
    assert "/events/ev-" in event_url
    page.screenshot(path=str(OUTPUT / "event.png"), full_page=True)

    page.click("text=Log in")
    page.fill("input[name=name]", "edna")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_selector("text=edna (editor)")
    assert page.url == event_url

    page.select_option("#edit-form select[name=field]", "fatalities")
    page.fill("#edit-form input[name=value]", "123")
    page.fill("#edit-form input[name=reason]", "figure from the UN report")
    page.click("#edit-form button[type=submit]")
    page.wait_for_selector("table.edits")
    assert page.inner_text('td[data-field="fatalities"]') == "123"
    audit = page.locator("table.audit").inner_text()
    assert "event.edit" in audit and "figure from the UN report" in audit and "edna" in audit
    assert "123" in page.locator("#history").inner_text()
    page.screenshot(path=str(OUTPUT / "event-edited.png"), full_page=True)
    assert page.remote == []  # no CDN, no tiles: nothing left loopback
