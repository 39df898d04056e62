"""Fixtures of the link tests; helpers live in link_helpers.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conflictwatch.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as opened:
        yield opened
