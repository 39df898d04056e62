"""Shared fixtures; plain helpers live in support.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import SHARED


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the repository")
    return SHARED
