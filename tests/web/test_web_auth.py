"""Accounts, sessions, CSRF and server-side role checks."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from web_helpers import PASSWORD, csrf_of, first_event

from conflictwatch.cli import main
from conflictwatch.store import Store
from conflictwatch.web import auth
from conflictwatch.web.auth import AuthError, create_user, hash_password, verify_password
from conflictwatch.web.routes import account, api, pages, review

ROUTERS = (account, api, pages, review)


def test_passwords_are_salted_scrypt_hashes():
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("scrypt$") and first != second  # a salt per hash
    assert PASSWORD not in first
    assert verify_password(PASSWORD, first) and verify_password(PASSWORD, second)
    assert not verify_password(PASSWORD + "!", first)
    assert not verify_password(PASSWORD, "plain-text")


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("ed", "editor", "short", "at least"),
        ("ed", "boss", PASSWORD, "role"),
        (" ed", "editor", PASSWORD, "spaces"),
    ],
)
def test_bad_accounts_are_refused(store, name, role, password, message):
    with pytest.raises(AuthError, match=message):
        create_user(store, name, role, password)
    assert store.users() == []


def test_an_account_is_never_overwritten(store):
    create_user(store, "ed", "viewer", PASSWORD)
    with pytest.raises(AuthError, match="already exists"):
        create_user(store, "ed", "admin", PASSWORD + "x")
    assert store.get_user("ed")["role"] == "viewer"


def test_a_new_database_has_no_account(tmp_path):
    with Store(tmp_path / "fresh.db") as store:
        assert store.users() == []


def test_users_add_reads_the_password_from_stdin(tmp_path):
    db = str(tmp_path / "cw.db")
    runner = CliRunner()
    added = runner.invoke(
        main, ["users", "add", "root", "--role", "admin", "--password-stdin", "--db", db],
        input=PASSWORD + "\n",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["users", "list", "--db", db])
    assert listed.output.startswith("root\tadmin\t")
    with Store(db) as store:
        assert auth.authenticate(store, "root", PASSWORD) is not None
        assert store.audit_log("user:root")[0]["action"] == "user.add"
    again = runner.invoke(
        main, ["users", "add", "root", "--db", db], env={"CONFLICTWATCH_PASSWORD": PASSWORD}
    )
    assert again.exit_code == 1 and "already exists" in again.output


def test_login_with_a_wrong_password_fails(client, store):
    create_user(store, "ed", "editor", PASSWORD)
    token = csrf_of(client.get("/login").text)
    form = {"csrf": token, "name": "ed", "password": "wrong password", "next": "/"}
    response = client.post("/login", data=form)
    assert response.status_code == 401 and auth.SESSION_COOKIE not in response.cookies


def test_login_without_the_csrf_token_is_refused(client, store):
    create_user(store, "ed", "editor", PASSWORD)
    client.get("/login")
    form = {"name": "ed", "password": PASSWORD}
    assert client.post("/login", data=form).status_code == 403


def test_the_store_keeps_only_a_hash_of_the_session_token(client, store, login):
    login(client, "ed", "editor")
    token = client.cookies[auth.SESSION_COOKIE]
    rows = store.conn.execute("SELECT token_hash FROM sessions").fetchall()
    assert [row[0] for row in rows] == [hashlib.sha256(token.encode()).hexdigest()]


def test_login_never_redirects_off_site(client, store):
    create_user(store, "ed", "editor", PASSWORD)
    token = csrf_of(client.get("/login").text)
    form = {"csrf": token, "name": "ed", "password": PASSWORD, "next": "//evil.example/x"}
    assert client.post("/login", data=form).headers["location"] == "/"


def test_every_post_route_checks_csrf():
    # The app includes these routers; their own route lists are the ones to inspect.
    routes = [route for module in ROUTERS for route in module.router.routes]
    posts = [r for r in routes if "POST" in getattr(r, "methods", set())]
    assert len(posts) >= 7
    for route in posts:
        calls = [d.call for d in route.dependant.dependencies]
        assert auth.checked_form in calls, route.path


def test_a_write_with_a_wrong_csrf_token_is_refused(client, store, login):
    login(client, "ed", "editor")
    event_id = first_event(store)
    form = {"csrf": "forged", "field": "fatalities", "value": "99", "reason": "test"}
    assert client.post(f"/events/{event_id}/edit", data=form).status_code == 403
    assert store.review_decisions() == []


def test_a_viewer_cannot_write(client, store, login):
    token = login(client, "vera", "viewer")
    event_id = first_event(store)
    form = {"csrf": token, "field": "fatalities", "value": "99", "reason": "test"}
    assert client.post(f"/events/{event_id}/edit", data=form).status_code == 403
    assert client.post(f"/events/{event_id}/reject", data=form).status_code == 403
    assert store.review_decisions() == [] and store.event_info(event_id)["status"] == "active"


def test_logged_out_writes_are_refused(client, store):
    token = csrf_of(client.get("/login").text)  # a valid anonymous token
    event_id = first_event(store)
    form = {"csrf": token, "reason": "test"}
    assert client.post(f"/events/{event_id}/confirm", data=form).status_code == 401
    assert store.review_decisions() == []


def test_logout_ends_the_session_on_the_server(client, store, login):
    token = login(client, "ed", "editor")
    cookie = client.cookies[auth.SESSION_COOKIE]
    assert client.post("/logout", data={"csrf": token}).status_code == 303
    assert store.count("sessions") == 0
    client.cookies.set(auth.SESSION_COOKIE, cookie)  # replaying the old cookie
    event_id = first_event(store)
    form = {"csrf": token, "reason": "test"}
    assert client.post(f"/events/{event_id}/confirm", data=form).status_code in (401, 403)
