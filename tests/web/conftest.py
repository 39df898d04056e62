"""Fixtures for the dashboard: a database seeded from the bundled samples (built
once, copied per test so writes stay local), an app client, and logins."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_helpers import PASSWORD, csrf_of, web_settings

from conflictwatch import run
from conflictwatch.store import Store
from conflictwatch.web import create_app
from conflictwatch.web.auth import create_user


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "samples.db"
    with Store(path) as store:
        run.ingest_paths(store, run.sample_paths(), web_settings(str(path)))
    return path


@pytest.fixture
def db_path(seeded_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "web.db"
    shutil.copy(seeded_db, copy)
    return copy


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


@pytest.fixture
def make_client(store: Store) -> Callable[..., TestClient]:
    def make(**overrides: Any) -> TestClient:
        app = create_app(web_settings(store.path, **overrides), store)
        return TestClient(app, follow_redirects=False)

    return make


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def login(store: Store) -> Callable[[TestClient, str, str], str]:
    """Create `name` with `role` and log the client in; return the session's CSRF token."""

    def log_in(client: TestClient, name: str, role: str) -> str:
        create_user(store, name, role, PASSWORD)
        token = csrf_of(client.get("/login").text)
        form = {"csrf": token, "name": name, "password": PASSWORD, "next": "/"}
        response = client.post("/login", data=form)
        assert response.status_code == 303, response.text
        return csrf_of(client.get("/").text)

    return log_in
