"""Accounts, sessions and CSRF for the dashboard.

Passwords are hashed with scrypt (a standard memory-hard KDF, in the stdlib) and a
per-user random salt. A session is a random token in an HttpOnly cookie; the store
keeps only its SHA-256, with the session's CSRF token. Every POST handler takes its
form through `checked_form`, which refuses a missing or wrong CSRF token, and every
write checks the role on the server with `require_role`. There is no default account:
the first one comes from `conflictwatch users add`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from fastapi import HTTPException, Request
from starlette.datastructures import FormData
from starlette.responses import Response

from conflictwatch.store import Store

ROLES = ("viewer", "editor", "admin")
SESSION_COOKIE = "cw_session"
ANON_CSRF_COOKIE = "cw_csrf"  # double-submit token for the one anonymous form (login)
MIN_PASSWORD = 10

# scrypt cost: 2**14 * 8 * 128 bytes = 16 MiB and ~50 ms per hash here (OWASP's floor).
_N, _R, _P = 2**14, 8, 1


class AuthError(ValueError):
    """A password or account that cannot be accepted; the message says why."""


@dataclass(frozen=True)
class User:
    name: str
    role: str

    def can(self, role: str) -> bool:
        """At least this role: viewer < editor < admin."""
        return ROLES.index(self.role) >= ROLES.index(role)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(("scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)))


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        found = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, expected)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


# Checked against when the user does not exist, so a wrong name costs as long as a
# wrong password and response times do not tell which names exist.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def create_user(store: Store, name: str, role: str, password: str) -> None:
    """A new account (never overwrites one); AuthError says what is wrong."""
    if not name or not name.strip() or name != name.strip():
        raise AuthError("a user name cannot be empty or start or end with spaces")
    if role not in ROLES:
        raise AuthError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"a password needs at least {MIN_PASSWORD} characters")
    try:
        store.add_user(name, role, hash_password(password))
    except ValueError as error:
        raise AuthError(str(error)) from error
    store.record_audit("cli", "user.add", f"user:{name}", "account created", {"role": role})


def authenticate(store: Store, name: str, password: str) -> User | None:
    row = store.get_user(name)
    if row is None:
        verify_password(password, _DUMMY_HASH)
        return None
    if not verify_password(password, row["password_hash"]):
        return None
    return User(row["name"], row["role"])


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(store: Store, user: User, hours: int, response: Response) -> None:
    """A fresh session (new token, new CSRF token) in an HttpOnly cookie."""
    token = secrets.token_urlsafe(32)
    expires = store.now() + timedelta(hours=hours)
    store.add_session(
        _token_hash(token), user.name, secrets.token_urlsafe(32), expires.isoformat("T", "seconds")
    )
    response.set_cookie(
        SESSION_COOKIE, token, max_age=hours * 3600, httponly=True, samesite="strict"
    )
    response.delete_cookie(ANON_CSRF_COOKIE)


def end_session(store: Store, request: Request, response: Response) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        store.end_session(_token_hash(token))
    response.delete_cookie(SESSION_COOKIE)


def session_of(store: Store, request: Request) -> dict[str, str] | None:
    """The live session of this request (cached on it), or None."""
    if not hasattr(request.state, "session"):
        token = request.cookies.get(SESSION_COOKIE)
        request.state.session = store.get_session(_token_hash(token)) if token else None
    return request.state.session


def current_user(store: Store, request: Request) -> User | None:
    session = session_of(store, request)
    return User(session["user_name"], session["role"]) if session else None


def require_role(store: Store, request: Request, role: str) -> User:
    """The logged-in user if they hold at least `role`; otherwise 401 or 403."""
    user = current_user(store, request)
    if user is None:
        raise HTTPException(status_code=401, detail="log in first")
    if not user.can(role):
        raise HTTPException(status_code=403, detail=f"this needs the {role} role")
    return user


def csrf_token(store: Store, request: Request) -> str:
    """The token forms on this page carry: the session's, or an anonymous one."""
    session = session_of(store, request)
    if session:
        return session["csrf"]
    if not hasattr(request.state, "anon_csrf"):
        cookie = request.cookies.get(ANON_CSRF_COOKIE)
        request.state.anon_csrf = cookie or secrets.token_urlsafe(32)
    return request.state.anon_csrf


def set_anon_csrf_cookie(request: Request, response: Response) -> None:
    """Send the anonymous token as a cookie when a page handed out a new one."""
    token = getattr(request.state, "anon_csrf", None)
    if token and request.cookies.get(ANON_CSRF_COOKIE) != token:
        response.set_cookie(ANON_CSRF_COOKIE, token, httponly=True, samesite="strict")


async def checked_form(request: Request) -> FormData:
    """The POSTed form, after its CSRF token matched this session's (or, logged out,
    the anonymous cookie's). Every POST route depends on this."""
    store: Store = request.app.state.store
    form = await request.form()
    sent = str(form.get("csrf", ""))
    session = session_of(store, request)
    expected = session["csrf"] if session else request.cookies.get(ANON_CSRF_COOKIE, "")
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        raise HTTPException(status_code=403, detail="the form's CSRF token is missing or wrong")
    return form
