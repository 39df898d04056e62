"""Numbered schema migrations, applied in name order when a Store opens.

A step is a plain function of the connection registered by name with
`@migration("0001_initial")`. `schema_migrations` records each applied name and time,
so re-opening a database applies only what is new. Each step runs in its own
transaction: when it fails, its changes roll back and it stays pending.

The DDL below is the only schema; it keeps to SQL that PostgreSQL also accepts, except
where a comment says otherwise.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from conflictwatch.store import search

Step = Callable[[sqlite3.Connection], None]

_TRACKING = """CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT NOT NULL PRIMARY KEY,
    applied_at TEXT NOT NULL
)"""


class Migrations:
    """An ordered set of named schema steps."""

    def __init__(self) -> None:
        self._steps: dict[str, Step] = {}

    def register(self, name: str) -> Callable[[Step], Step]:
        """Decorator: `@migrations.register("0002_add_column")`."""

        def add(step: Step) -> Step:
            if name in self._steps:
                raise ValueError(f"migration {name!r} is already registered")
            self._steps[name] = step
            return step

        return add

    @property
    def names(self) -> list[str]:
        # Names start with a number, so name order is the order they were written in.
        return sorted(self._steps)

    def applied(self, conn: sqlite3.Connection) -> list[str]:
        conn.execute(_TRACKING)
        rows = conn.execute("SELECT name FROM schema_migrations ORDER BY name")
        return [row[0] for row in rows]

    def pending(self, conn: sqlite3.Connection) -> list[str]:
        done = set(self.applied(conn))
        return [name for name in self.names if name not in done]

    def apply(self, conn: sqlite3.Connection) -> list[str]:
        """Apply every pending step in order; return the names applied now."""
        if conn.isolation_level is not None:
            # Python's implicit transactions would clash with our explicit BEGIN.
            raise ValueError("open the connection with isolation_level=None")
        names = self.pending(conn)
        for name in names:
            self._apply_one(conn, name)
        return names

    def _apply_one(self, conn: sqlite3.Connection, name: str) -> None:
        conn.execute("BEGIN")
        try:
            self._steps[name](conn)
            conn.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


MIGRATIONS = Migrations()
migration = MIGRATIONS.register

# Text keys are NOT NULL because SQLite, unlike PostgreSQL, allows NULL in a PRIMARY KEY.
# JSON columns are declared TEXT: SQLite gives an unknown type name such as JSON numeric
# affinity, which would turn a JSON value like "12" into the integer 12. (PostgreSQL:
# JSONB.) "start" and "end" are quoted because END is a keyword in both databases.
_INITIAL = (
    """CREATE TABLE articles (
        id TEXT NOT NULL PRIMARY KEY,
        content_hash TEXT UNIQUE NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        source TEXT,
        text TEXT NOT NULL,
        meta TEXT,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE reports (
        id TEXT NOT NULL PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id),
        event_type TEXT,
        sub_event_type TEXT,
        event_date TEXT,
        "start" INTEGER,
        "end" INTEGER,
        record TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX reports_article ON reports (article_id)",
    # PostgreSQL: id INTEGER GENERATED ALWAYS AS IDENTITY (here the rowid alias).
    """CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports (id),
        article_id TEXT,
        claimed_by TEXT,
        fatalities INTEGER NOT NULL,
        qualifier TEXT,
        quote TEXT,
        "start" INTEGER,
        "end" INTEGER
    )""",
    "CREATE INDEX claims_report ON claims (report_id)",
    # actors_fold and notes_fold are casefolded in Python so that the actor and text
    # filters match the same way on SQLite (ASCII-only lower()) and PostgreSQL.
    """CREATE TABLE events (
        id TEXT NOT NULL PRIMARY KEY,
        event_type TEXT,
        sub_event_type TEXT,
        event_date TEXT,
        country TEXT,
        admin1 TEXT,
        location TEXT,
        actor1 TEXT,
        actor2 TEXT,
        fatalities INTEGER NOT NULL DEFAULT 0,
        latitude REAL,
        longitude REAL,
        status TEXT NOT NULL DEFAULT 'active',
        version INTEGER NOT NULL,
        record TEXT NOT NULL,
        actors_fold TEXT NOT NULL DEFAULT '',
        notes_fold TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX events_event_date ON events (event_date)",
    "CREATE INDEX events_country ON events (country)",
    "CREATE INDEX events_event_type ON events (event_type)",
    "CREATE INDEX events_fatalities ON events (fatalities)",
    "CREATE INDEX events_status ON events (status)",
    # No foreign key on report_id: the linker may save events built from reports that
    # were never stored (an in-memory run).
    """CREATE TABLE event_reports (
        event_id TEXT NOT NULL REFERENCES events (id),
        report_id TEXT NOT NULL,
        PRIMARY KEY (event_id, report_id)
    )""",
    "CREATE INDEX event_reports_report ON event_reports (report_id)",
    """CREATE TABLE event_history (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events (id),
        version INTEGER NOT NULL,
        record TEXT NOT NULL,
        status TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT,
        reason TEXT,
        UNIQUE (event_id, version)
    )""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        target TEXT,
        reason TEXT,
        detail TEXT
    )""",
    "CREATE INDEX audit_log_target ON audit_log (target)",
)


# History and audit are the record of what happened, so the database refuses to edit
# them, not just this code. SQLite trigger syntax (PostgreSQL: a trigger function).
def _append_only(*tables: str) -> tuple[str, ...]:
    """Triggers that refuse UPDATE and DELETE on each table."""
    return tuple(
        f"""CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table}
    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"""
        for table in tables
        for verb in ("update", "delete")
    )


_APPEND_ONLY = _append_only("event_history", "audit_log")


@migration("0001_initial")
def initial(conn: sqlite3.Connection) -> None:
    for statement in _INITIAL + _APPEND_ONLY:
        conn.execute(statement)


# Linking state and people's decisions. `decisions` is append-only like the audit log:
# a later decision overrides an earlier one, none is ever edited. `link_index` holds
# what the linker's blocks need (so new reports find their neighbours by SQL range
# look-ups) and the component each report was last clustered in. `merged_into` points
# from an event that was merged away to the event that absorbed it.
_LINKING = (
    """CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
        event_id TEXT NOT NULL,
        other_event_id TEXT,
        first_reports TEXT NOT NULL,
        second_reports TEXT NOT NULL,
        made_by TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason <> ''),
        made_at TEXT NOT NULL
    )""",
    "CREATE INDEX decisions_event ON decisions (event_id)",
    """CREATE TABLE link_index (
        report_id TEXT NOT NULL PRIMARY KEY,
        event_type TEXT NOT NULL,
        country TEXT,
        place TEXT,
        day INTEGER,
        published INTEGER,
        component TEXT NOT NULL
    )""",
    "CREATE INDEX link_index_dated ON link_index (event_type, day)",
    "CREATE INDEX link_index_place ON link_index (event_type, place)",
    "CREATE INDEX link_index_component ON link_index (component)",
    "ALTER TABLE events ADD COLUMN merged_into TEXT",
) + _append_only("decisions")


@migration("0002_linking")
def linking(conn: sqlite3.Connection) -> None:
    for statement in _LINKING:
        conn.execute(statement)


# The dashboard: accounts, server-side sessions, people's review decisions and the
# indexes its filters need. Only a hash of each session token is stored, so a copy of
# the database does not hand out live sessions. `review_decisions` is append-only like
# `decisions`: the linker re-applies it on every link run, so an edit outlives re-links.
# `reports` is the event's reports when the decision was made, which finds the event
# again when a later merge retires its id.
_WEB = (
    """CREATE TABLE users (
        name TEXT NOT NULL PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE sessions (
        token_hash TEXT NOT NULL PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES users (name),
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    )""",
    "CREATE INDEX sessions_user ON sessions (user_name)",
    """CREATE TABLE review_decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'confirm', 'reject')),
        event_id TEXT NOT NULL,
        reports TEXT NOT NULL,
        field TEXT,
        value TEXT,
        previous TEXT,
        made_by TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason <> ''),
        made_at TEXT NOT NULL
    )""",
    "CREATE INDEX review_decisions_event ON review_decisions (event_id)",
    "CREATE INDEX events_admin1 ON events (admin1)",
    # Lists filter on status (and often country) and sort as Store.events does, so a
    # page is read in index order; the toll index answers counts and the map's
    # "country and at least N dead" without touching the rows. (PostgreSQL accepts
    # the same expression indexes.)
    "CREATE INDEX events_listing ON events (status, (event_date IS NULL), event_date DESC, id)",
    """CREATE INDEX events_country_listing
        ON events (status, country, (event_date IS NULL), event_date DESC, id)""",
    "CREATE INDEX events_country_toll ON events (status, country, fatalities)",
) + _append_only("review_decisions")


@migration("0003_web")
def web(conn: sqlite3.Connection) -> None:
    for statement in _WEB:
        conn.execute(statement)


# Full-text search (see search.py): an FTS5 document per event over its notes, actors,
# places and source articles, filled here from the events already stored. Without
# FTS5 only the key tables are made; `Store` builds the index when a SQLite with FTS5
# opens the database, and until then the text filter matches notes as a substring.
@migration("0004_fts")
def fts(conn: sqlite3.Connection) -> None:
    for statement in search.KEY_TABLES:
        conn.execute(statement)
    if search.available(conn):
        search.create(conn)
