"""Plain helpers the dashboard tests share (import as `web_helpers`)."""

from __future__ import annotations

import re
from typing import Any

from conflictwatch.config import load_settings
from conflictwatch.store import Store

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def web_settings(db: str, **overrides: Any) -> dict[str, Any]:
    return load_settings({"db": db, "progress": False, **overrides}, environ={})


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def first_event(store: Store, **where: Any) -> str:
    """The id of an active event with these field values (the first by date)."""
    for event in store.events():
        if all(getattr(event, key) == value for key, value in where.items()):
            return event.event_id
    raise AssertionError(f"no event with {where}")
