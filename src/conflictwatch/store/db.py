"""`Store`: articles, reports, events and their history in one SQLite database.

All queries live in this module (the DDL in migrations.py) so that a PostgreSQL
backend for teams is one module to port, except the full-text index, which is
SQLite's FTS5 and lives in search.py. Writes never destroy data: articles are
never overwritten, every version of an event is kept in `event_history`, a replaced
report leaves its old record in `audit_log`, and retired events keep their row.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from conflictwatch.model import Article, Claim, Event, Report
from conflictwatch.store import search
from conflictwatch.store.migrations import MIGRATIONS, Migrations
from conflictwatch.store.serialize import (
    article_from_row,
    article_to_row,
    dumps,
    event_columns,
    event_from_dict,
    event_to_dict,
    report_from_dict,
    report_to_dict,
)

ACTIVE = "active"
SUPERSEDED = "superseded"
MERGED = "merged"  # absorbed by another event; `merged_into` names it
REJECTED = "rejected"  # a person said it is not an event; kept, hidden from lists
TABLES = (
    "articles", "reports", "claims", "events", "event_reports", "event_history",
    "audit_log", "schema_migrations", "decisions", "link_index", "users", "sessions",
    "review_decisions", "event_search_keys", "event_search_sources",
)  # fmt: skip
LINK_COLUMNS = ("report_id", "event_type", "country", "place", "day", "published", "component")
_CHUNK = 500  # ids per IN (...) query, well under SQLite's bound-variable limit


@dataclass
class EventFilter:
    """What `Store.events()` returns; None means "any". Dates are ISO strings."""

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    since: str | None = None  # event_date on or after
    until: str | None = None  # event_date on or before
    actor: str | None = None  # case-insensitive substring of any actor
    min_fatalities: int | None = None
    # Words in the notes, actors, places or source articles; see `search.match_query`.
    text: str | None = None
    status: str | None = ACTIVE
    limit: int | None = None
    offset: int = 0


def _iso_date(value: str | date) -> str:
    # Dates compare as strings, so a non-ISO value would filter silently wrong.
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(value).isoformat()


def _contains(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its wildcards escaped with backslash."""
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filter_sql(spec: EventFilter, full_text: bool = True) -> tuple[str, list[Any]]:
    """The WHERE clause of `spec`. Without the FTS5 index (`full_text` False) the text
    filter falls back to a case-insensitive substring of the notes."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, value: Any) -> None:
        clauses.append(clause)
        params.append(value)

    for column in ("country", "admin1", "event_type", "sub_event_type", "status"):
        if getattr(spec, column) is not None:
            add(f"{column} = ?", getattr(spec, column))
    if spec.since is not None:
        add("event_date >= ?", _iso_date(spec.since))
    if spec.until is not None:
        add("event_date <= ?", _iso_date(spec.until))
    if spec.min_fatalities is not None:
        add("fatalities >= ?", spec.min_fatalities)
    if spec.actor:
        add("actors_fold LIKE ? ESCAPE '\\'", _contains(spec.actor))
    if spec.text and spec.text.strip():
        query = search.match_query(spec.text) if full_text else None
        if not full_text:
            add("notes_fold LIKE ? ESCAPE '\\'", _contains(spec.text))
        elif query is None:  # no word to look for (only punctuation): nothing matches
            clauses.append("0 = 1")
        else:
            add(
                "id IN (SELECT k.event_id FROM event_search_keys k WHERE k.id IN "
                f"(SELECT rowid FROM {search.TABLE} WHERE {search.TABLE} MATCH ?))",
                query,
            )
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return where, params


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _connect(path: str) -> sqlite3.Connection:
    in_memory = path in ("", ":memory:") or path.startswith("file::memory:")
    if not in_memory:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we issue BEGIN/COMMIT ourselves. check_same_thread=False:
    # a web server may call from worker threads; transaction() serialises writers.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    if not in_memory:
        conn.execute("PRAGMA journal_mode = WAL")  # readers do not block the writer
    return conn


class Store:
    """One SQLite database; `Store(":memory:")` for tests."""

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        migrations: Migrations = MIGRATIONS,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.path = str(path)
        self.migrations = migrations
        self._clock = clock
        self._lock = threading.RLock()
        self._depth = 0
        self.conn = _connect(self.path)
        try:
            self.applied_on_open = migrations.apply(self.conn)
            self.full_text = self._open_search()
        except BaseException:
            self.conn.close()
            raise

    def _open_search(self) -> bool:
        """Whether the FTS5 index is there to use, building it when a database made
        without FTS5 meets a SQLite that has it. Its writes need FTS5, so a database
        with the index cannot be opened by a SQLite without it."""
        sql = "SELECT 1 FROM sqlite_master WHERE name = 'event_search_keys'"
        if self.conn.execute(sql).fetchone() is None:
            return False  # opened with migrations that stop before 0004_fts
        has_module, has_index = search.available(self.conn), search.exists(self.conn)
        if has_index and not has_module:
            raise sqlite3.OperationalError(
                f"{self.path} has a full-text index, but this SQLite has no FTS5 module; "
                "open it with a Python whose sqlite3 includes FTS5"
            )
        if has_module and not has_index:
            with self.transaction():
                if not search.exists(self.conn):
                    search.create(self.conn)
        return has_module

    # -- connection and transactions ---------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def applied(self) -> list[str]:
        return self.migrations.applied(self.conn)

    def pending(self) -> list[str]:
        return self.migrations.pending(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing. A nested call is a savepoint inside the outer transaction."""
        with self._lock:
            depth = self._depth
            # IMMEDIATE takes the write lock now, not on the first write, so two
            # processes cannot deadlock upgrading read locks (SQLite only).
            self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._rollback(depth)
                raise
            else:
                self.conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
            finally:
                self._depth = depth

    def _rollback(self, depth: int) -> None:
        if depth == 0:
            self.conn.execute("ROLLBACK")
        else:
            self.conn.execute(f"ROLLBACK TO sp{depth}")
            self.conn.execute(f"RELEASE sp{depth}")

    def now(self) -> datetime:
        """The store's clock (injected in tests), for times compared with stored ones."""
        return self._clock()

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    def _insert(self, table: str, row: dict[str, Any]) -> int | None:
        columns = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" for _ in row)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        return self.conn.execute(sql, tuple(row.values())).lastrowid

    def _upsert(self, table: str, row: dict[str, Any], keep: tuple[str, ...] = ()) -> None:
        """Insert, or update every column but the key and `keep` (same in PostgreSQL)."""
        columns = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" for _ in row)
        changes = ", ".join(
            f'"{name}" = excluded."{name}"' for name in row if name not in ("id", *keep)
        )
        sql = (
            f"INSERT INTO {table} ({columns}) VALUES ({marks}) "
            f"ON CONFLICT (id) DO UPDATE SET {changes}"
        )
        self.conn.execute(sql, tuple(row.values()))

    def _select_in(self, sql: str, column: str, ids: Iterable[str] | None) -> list[sqlite3.Row]:
        """Run `sql`, narrowed to rows whose `column` is in `ids` when ids are given."""
        if ids is None:
            return self.conn.execute(sql).fetchall()
        rows: list[sqlite3.Row] = []
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ", ".join("?" for _ in chunk)
            rows += self.conn.execute(f"{sql} WHERE {column} IN ({marks})", chunk).fetchall()
        return rows

    def count(self, table: str) -> int:
        if table not in TABLES:  # the name goes into SQL, so only known tables
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # -- articles ----------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Store an article; False when the same content is already stored.

        An article whose id is taken by different content is stored under
        "{id}~{hash[:8]}" (see `id_for_content`), never overwriting the first.
        """
        row = article_to_row(article)
        digest = row["content_hash"]
        with self.transaction():
            if self.id_for_content(digest) is not None:
                return False
            for candidate in (article.id, f"{article.id}~{digest[:8]}", f"{article.id}~{digest}"):
                if self.get_article(candidate) is None:
                    break
            self._insert("articles", row | {"id": candidate, "ingested_at": self._now()})
            if self.full_text:
                search.index_article(self.conn, candidate)
        return True

    def has_content(self, content_hash: str) -> bool:
        return self.id_for_content(content_hash) is not None

    def id_for_content(self, content_hash: str) -> str | None:
        """The id the article with this content is stored under (it may differ from its own)."""
        sql = "SELECT id FROM articles WHERE content_hash = ?"
        row = self.conn.execute(sql, (content_hash,)).fetchone()
        return row["id"] if row else None

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return article_from_row(row) if row else None

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        rows = self._select_in("SELECT * FROM articles", "id", ids)
        return [article_from_row(row) for row in sorted(rows, key=lambda row: row["id"])]

    # -- reports -----------------------------------------------------------------

    def add_reports(self, reports: Iterable[Report]) -> dict[str, int]:
        """Store reports and their claims, keyed on `Report.id`.

        Re-adding an identical report writes nothing. A report whose id exists with a
        different record (a re-extraction) replaces it; the old record goes to the
        audit log. Raises sqlite3.IntegrityError when the article is not stored.
        """
        counts = dict.fromkeys(("inserted", "updated", "unchanged"), 0)
        with self.transaction():
            for report in reports:
                counts[self._put_report(report)] += 1
        return counts

    def _put_report(self, report: Report) -> str:
        record = dumps(report_to_dict(report))
        old = self.conn.execute("SELECT record FROM reports WHERE id = ?", (report.id,)).fetchone()
        if old is not None and old["record"] == record:
            return "unchanged"
        if old is not None:
            self.conn.execute("DELETE FROM claims WHERE report_id = ?", (report.id,))
            detail = {"old": json.loads(old["record"])}
            self.record_audit("store", "report.replace", report.id, "re-extracted", detail)
        row = {
            "id": report.id,
            "article_id": report.article,
            "event_type": report.event_type,
            "sub_event_type": report.sub_event_type,
            "event_date": report.event_date,
            "start": report.start,
            "end": report.end,
            "record": record,
            "created_at": self._now(),
        }
        self._upsert("reports", row, keep=("created_at",))
        for claim in report.claims:
            self._insert("claims", {"report_id": report.id} | _claim_row(claim))
        return "updated" if old is not None else "inserted"

    def reports(self, article_ids: Iterable[str] | None = None) -> list[Report]:
        rows = self._select_in("SELECT * FROM reports", "article_id", article_ids)
        rows.sort(key=lambda row: (row["article_id"], row["start"], row["id"]))
        return [report_from_dict(json.loads(row["record"])) for row in rows]

    # -- events ------------------------------------------------------------------

    def save_events(
        self,
        events: Iterable[Event],
        *,
        changed_by: str = "linker",
        reason: str = "link run",
        statuses: dict[str, str] | None = None,
    ) -> dict[str, int]:
        """Upsert events on `event_id`, keeping every version in `event_history`.

        New: version 1. Changed record (or a retired event seen again): version + 1,
        created_at kept. Unchanged: nothing written. Events missing from `events` are
        left alone; retire them with `retire_events`. `statuses` gives an event a
        status other than active (a person's rejection, re-applied by the linker).
        """
        counts = dict.fromkeys(("inserted", "updated", "unchanged"), 0)
        wanted = statuses or {}
        with self.transaction():
            for event in events:
                status = wanted.get(event.event_id, ACTIVE)
                counts[self._save_event(event, changed_by, reason, status)] += 1
        return counts

    def _save_event(self, event: Event, changed_by: str, reason: str, status: str) -> str:
        record = dumps(event_to_dict(event))
        sql = "SELECT record, status, version FROM events WHERE id = ?"
        old = self.conn.execute(sql, (event.event_id,)).fetchone()
        if old is not None and old["record"] == record and old["status"] == status:
            return "unchanged"
        version = old["version"] + 1 if old is not None else 1
        now = self._now()
        row = event_columns(event) | {
            "merged_into": None,
            "status": status,
            "version": version,
            "record": record,
            "created_at": now,
            "updated_at": now,
        }
        self._upsert("events", row, keep=("created_at",))
        self._add_history(event.event_id, version, record, status, changed_by, reason)
        self._link_reports(event.event_id, event.reports)
        if self.full_text and (old is None or old["record"] != record):
            search.index_event(self.conn, event)
        return "updated" if old is not None else "inserted"

    def _add_history(
        self, event_id: str, version: int, record: str, status: str, changed_by: str, reason: str
    ) -> None:
        row = {
            "event_id": event_id,
            "version": version,
            "record": record,
            "status": status,
            "changed_at": self._now(),
            "changed_by": changed_by,
            "reason": reason,
        }
        self._insert("event_history", row)

    def _link_reports(self, event_id: str, report_ids: Iterable[str]) -> None:
        self.conn.execute("DELETE FROM event_reports WHERE event_id = ?", (event_id,))
        for report_id in dict.fromkeys(report_ids):
            self._insert("event_reports", {"event_id": event_id, "report_id": report_id})

    def retire_events(
        self,
        ids: Iterable[str],
        *,
        changed_by: str,
        reason: str,
        merged_into: dict[str, str] | None = None,
    ) -> int:
        """Mark active events superseded, or merged when `merged_into` names their
        new home (row, record and links kept); return how many."""
        retired = 0
        pointers = merged_into or {}
        with self.transaction():
            for event_id in dict.fromkeys(ids):
                sql = "SELECT record, status, version FROM events WHERE id = ?"
                row = self.conn.execute(sql, (event_id,)).fetchone()
                if row is None or row["status"] != ACTIVE:
                    continue
                version = row["version"] + 1
                into = pointers.get(event_id)
                status = MERGED if into else SUPERSEDED
                self.conn.execute(
                    "UPDATE events SET status = ?, version = ?, updated_at = ?, merged_into = ? "
                    "WHERE id = ?",
                    (status, version, self._now(), into, event_id),
                )
                why = f"{reason} (into {into})" if into else reason
                self._add_history(event_id, version, row["record"], status, changed_by, why)
                retired += 1
        return retired

    def events(self, filter: EventFilter | None = None) -> list[Event]:
        """Events matching `filter` (default: all active), newest first, undated last."""
        spec = filter or EventFilter()
        where, params = _filter_sql(spec, self.full_text)
        # SQLite already sorts NULL last in DESC, PostgreSQL first; "IS NULL" as the first
        # key says it for both (NULLS LAST needs SQLite 3.30).
        sql = f"SELECT record FROM events{where} ORDER BY event_date IS NULL, event_date DESC, id"
        if spec.limit is not None or spec.offset:
            sql += " LIMIT ? OFFSET ?"
            # SQLite: -1 means no limit (PostgreSQL would take NULL).
            params += [spec.limit if spec.limit is not None else -1, spec.offset]
        rows = self.conn.execute(sql, params)
        return [event_from_dict(json.loads(row["record"])) for row in rows]

    def get_event(self, event_id: str) -> Event | None:
        """The current version of an event, whatever its status."""
        row = self.conn.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        return event_from_dict(json.loads(row["record"])) if row else None

    def event_info(self, event_id: str) -> dict[str, Any] | None:
        """Status, version and timestamps of an event, which `Event` does not carry."""
        sql = (
            "SELECT id, status, version, merged_into, created_at, updated_at "
            "FROM events WHERE id = ?"
        )
        row = self.conn.execute(sql, (event_id,)).fetchone()
        return dict(row) if row else None

    def event_history(self, event_id: str) -> list[dict[str, Any]]:
        """Every version of an event, oldest first; `record` is the parsed full record."""
        sql = (
            "SELECT version, status, record, changed_at, changed_by, reason "
            "FROM event_history WHERE event_id = ? ORDER BY version"
        )
        rows = self.conn.execute(sql, (event_id,))
        return [dict(row) | {"record": json.loads(row["record"])} for row in rows]

    def event_reports(self, event_id: str) -> list[str]:
        sql = "SELECT report_id FROM event_reports WHERE event_id = ? ORDER BY report_id"
        return [row[0] for row in self.conn.execute(sql, (event_id,))]

    def events_of_reports(self, report_ids: Iterable[str]) -> dict[str, str]:
        """Report id -> the active event it belongs to."""
        sql = (
            "SELECT er.report_id, er.event_id FROM event_reports er "
            "JOIN events e ON e.id = er.event_id AND e.status = 'active'"
        )
        rows = self._select_in(sql, "er.report_id", report_ids)
        return {row[0]: row[1] for row in rows}

    def reports_by_id(self, ids: Iterable[str]) -> list[Report]:
        rows = self._select_in("SELECT record FROM reports", "id", ids)
        return [report_from_dict(json.loads(row["record"])) for row in rows]

    def claim_reports(self, claim_ids: Iterable[int]) -> dict[int, str]:
        """Claim id (the `claims` table's) -> the report that holds it."""
        found: dict[int, str] = {}
        for claim_id in claim_ids:
            sql = "SELECT report_id FROM claims WHERE id = ?"
            row = self.conn.execute(sql, (claim_id,)).fetchone()
            if row is not None:
                found[claim_id] = row[0]
        return found

    def claims_of_reports(self, report_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Stored claims with their ids, for people choosing what to split out."""
        sql = (
            "SELECT id, report_id, article_id, claimed_by, fatalities, qualifier, quote FROM claims"
        )
        rows = self._select_in(sql, "report_id", report_ids)
        return [dict(row) for row in sorted(rows, key=lambda row: row["id"])]

    # -- linking state and decisions ---------------------------------------------

    def put_link_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        """Upsert the linker's block keys and components (dicts of LINK_COLUMNS)."""
        columns = ", ".join(LINK_COLUMNS)
        marks = ", ".join("?" for _ in LINK_COLUMNS)
        changes = ", ".join(f"{name} = excluded.{name}" for name in LINK_COLUMNS[1:])
        sql = (
            f"INSERT INTO link_index ({columns}) VALUES ({marks}) "
            f"ON CONFLICT (report_id) DO UPDATE SET {changes}"
        )
        with self.transaction():
            self.conn.executemany(sql, [tuple(row[c] for c in LINK_COLUMNS) for row in rows])

    def link_neighbours(
        self,
        event_type: str,
        country: str | None,
        place: str | None,
        day: int | None,
        published: int | None,
        reach: int,
    ) -> set[str]:
        """Stored reports in the blocks of a report with these keys (a superset of the
        compatible ones): same type, same or unknown country, day within `reach`;
        or, for the same specific place, any day (undated reports tie only there)."""
        found: set[str] = set()
        if day is not None:
            sql = "SELECT report_id FROM link_index WHERE event_type = ? AND day BETWEEN ? AND ?"
            params: list[Any] = [event_type, day - reach, day + reach]
            if country is not None:
                sql += " AND (country = ? OR country IS NULL)"
                params.append(country)
            found.update(row[0] for row in self.conn.execute(sql, params))
        if place is not None and (day is not None or published is not None):
            sql = "SELECT report_id FROM link_index WHERE event_type = ? AND place = ?"
            found.update(row[0] for row in self.conn.execute(sql, (event_type, place)))
        return found

    def clear_link_index(self) -> None:
        """Forget the linker's state (it is derived data); the next link run is a full one."""
        with self.transaction():
            self.conn.execute("DELETE FROM link_index")

    def components_of(self, report_ids: Iterable[str]) -> set[str]:
        sql = "SELECT component FROM link_index"
        return {row[0] for row in self._select_in(sql, "report_id", report_ids)}

    def reports_in_components(self, components: Iterable[str]) -> set[str]:
        sql = "SELECT report_id FROM link_index"
        return {row[0] for row in self._select_in(sql, "component", components)}

    def record_decision(
        self,
        kind: str,
        event_id: str,
        sides: tuple[list[str], list[str]],
        *,
        made_by: str,
        reason: str,
        other_event_id: str | None = None,
    ) -> int:
        """Store a person's merge or split (report ids on each side) and audit it."""
        if not reason or not reason.strip():
            raise ValueError("a decision needs a reason")
        row = {
            "kind": kind,
            "event_id": event_id,
            "other_event_id": other_event_id,
            "first_reports": dumps(sorted(sides[0])),
            "second_reports": dumps(sorted(sides[1])),
            "made_by": made_by,
            "reason": reason,
            "made_at": self._now(),
        }
        with self.transaction():
            decision_id = self._insert("decisions", row)
            detail = {"decision": decision_id, "other_event": other_event_id}
            detail |= {"first": sorted(sides[0]), "second": sorted(sides[1])}
            self.record_audit(made_by, f"event.{kind}", event_id, reason, detail)
        return decision_id  # type: ignore[return-value]

    def decisions(self) -> list[dict[str, Any]]:
        """Every decision, oldest first, with `sides` as two lists of report ids."""
        rows = self.conn.execute("SELECT * FROM decisions ORDER BY id")
        return [
            dict(row)
            | {"sides": (json.loads(row["first_reports"]), json.loads(row["second_reports"]))}
            for row in rows
        ]

    # -- audit -------------------------------------------------------------------

    def record_audit(
        self,
        actor: str,
        action: str,
        target: str | None,
        reason: str | None,
        detail: dict[str, Any] | None = None,
    ) -> int:
        """Append one audit entry; return its id."""
        row = {
            "at": self._now(),
            "actor": actor,
            "action": action,
            "target": target,
            "reason": reason,
            "detail": dumps(detail) if detail is not None else None,
        }
        with self.transaction():
            return self._insert("audit_log", row)

    def audit_log(self, target: str | None = None) -> list[dict[str, Any]]:
        """Audit entries, oldest first, optionally for one target."""
        sql = "SELECT * FROM audit_log"
        params: tuple[str, ...] = ()
        if target is not None:
            sql, params = sql + " WHERE target = ?", (target,)
        rows = self.conn.execute(sql + " ORDER BY id", params)
        return [dict(row) | {"detail": json.loads(row["detail"] or "null")} for row in rows]

    # -- the dashboard: counts, map points, weekly timeline ------------------------

    def count_events(self, filter: EventFilter | None = None) -> int:
        where, params = _filter_sql(filter or EventFilter(), self.full_text)
        return self.conn.execute(f"SELECT COUNT(*) FROM events{where}", params).fetchone()[0]

    def map_points(self, filter: EventFilter | None = None) -> list[tuple[Any, ...]]:
        """(id, latitude, longitude, event_type, fatalities) of the located events:
        the map's whole payload, without parsing any JSON record."""
        where, params = _filter_sql(filter or EventFilter(), self.full_text)
        located = "latitude IS NOT NULL AND longitude IS NOT NULL"
        where = f"{where} AND {located}" if where else f" WHERE {located}"
        sql = f"SELECT id, latitude, longitude, event_type, fatalities FROM events{where}"
        return [tuple(row) for row in self.conn.execute(sql, params)]

    def weekly_counts(self, filter: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events and fatalities per ISO week (its Monday) and event type; undated left out."""
        where, params = _filter_sql(filter or EventFilter(), self.full_text)
        dated = "event_date IS NOT NULL"
        where = f"{where} AND {dated}" if where else f" WHERE {dated}"
        # Back six days, then forward to a Monday: the Monday of the date's week.
        sql = (
            "SELECT date(event_date, '-6 days', 'weekday 1') AS week, event_type, "
            f"COUNT(*) AS events, SUM(fatalities) AS fatalities FROM events{where} "
            "GROUP BY week, event_type ORDER BY week, event_type"
        )
        return [dict(row) for row in self.conn.execute(sql, params)]

    def distinct_values(self, column: str, status: str = ACTIVE) -> list[str]:
        """The values a filter drop-down offers (country, admin1, event_type)."""
        if column not in ("country", "admin1", "event_type"):  # the name goes into SQL
            raise ValueError(f"no drop-down for {column!r}")
        sql = (
            f"SELECT DISTINCT {column} FROM events WHERE status = ? AND {column} IS NOT NULL "
            f"ORDER BY {column}"
        )
        return [row[0] for row in self.conn.execute(sql, (status,))]

    def events_of_article(self, article_id: str) -> list[dict[str, Any]]:
        """Id and status of every event holding a report of this article."""
        sql = (
            "SELECT DISTINCT e.id, e.status FROM events e "
            "JOIN event_reports er ON er.event_id = e.id "
            "JOIN reports r ON r.id = er.report_id WHERE r.article_id = ? ORDER BY e.id"
        )
        return [dict(row) for row in self.conn.execute(sql, (article_id,))]

    def audit_page(self, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """Audit entries, newest first, one page of them."""
        sql = "SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?"
        rows = self.conn.execute(sql, (limit, offset))
        return [dict(row) | {"detail": json.loads(row["detail"] or "null")} for row in rows]

    def audit_of_event(self, event_id: str) -> list[dict[str, Any]]:
        """Entries about this event, oldest first: its own, and merges that named it
        as the other side (those are filed under the kept event)."""
        named = f'%"other_event": {json.dumps(event_id)}%'
        sql = "SELECT * FROM audit_log WHERE target = ? OR detail LIKE ? ORDER BY id"
        rows = self.conn.execute(sql, (event_id, named))
        return [dict(row) | {"detail": json.loads(row["detail"] or "null")} for row in rows]

    def set_event_status(self, event_id: str, status: str, *, changed_by: str, reason: str) -> int:
        """A new version with the same record and this status (a confirm or a
        rejection); return the version number."""
        with self.transaction():
            sql = "SELECT record, version FROM events WHERE id = ?"
            row = self.conn.execute(sql, (event_id,)).fetchone()
            if row is None:
                raise KeyError(event_id)
            version = row["version"] + 1
            self.conn.execute(
                "UPDATE events SET status = ?, version = ?, updated_at = ? WHERE id = ?",
                (status, version, self._now(), event_id),
            )
            self._add_history(event_id, version, row["record"], status, changed_by, reason)
        return version

    # -- review decisions (edit, confirm, reject) --------------------------------

    def record_review(
        self,
        kind: str,
        event_id: str,
        reports: list[str],
        *,
        made_by: str,
        reason: str,
        field: str | None = None,
        value: Any = None,
        previous: Any = None,
    ) -> int:
        """Store a person's edit, confirmation or rejection of an event, and audit it."""
        if not reason or not reason.strip():
            raise ValueError("a review needs a reason")
        row = {
            "kind": kind,
            "event_id": event_id,
            "reports": dumps(sorted(reports)),
            "field": field,
            "value": dumps(value),
            "previous": dumps(previous),
            "made_by": made_by,
            "reason": reason,
            "made_at": self._now(),
        }
        with self.transaction():
            decision_id = self._insert("review_decisions", row)
            detail: dict[str, Any] = {"review": decision_id}
            if field is not None:
                detail |= {"field": field, "old": previous, "new": value}
            self.record_audit(made_by, f"event.{kind}", event_id, reason, detail)
        return decision_id  # type: ignore[return-value]

    def review_decisions(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """Review decisions oldest first (all, or one event's), values parsed."""
        sql, params = "SELECT * FROM review_decisions", ()
        if event_id is not None:
            sql, params = sql + " WHERE event_id = ?", (event_id,)
        rows = self.conn.execute(sql + " ORDER BY id", params)
        return [
            dict(row)
            | {
                "reports": json.loads(row["reports"]),
                "value": json.loads(row["value"]),
                "previous": json.loads(row["previous"]),
            }
            for row in rows
        ]

    # -- accounts and sessions ---------------------------------------------------

    def add_user(self, name: str, role: str, password_hash: str) -> None:
        """A new account; ValueError when the name is taken (never overwritten)."""
        with self.transaction():
            if self.get_user(name) is not None:
                raise ValueError(f"user {name!r} already exists")
            row = {"name": name, "role": role, "password_hash": password_hash}
            self._insert("users", row | {"created_at": self._now()})

    def get_user(self, name: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
        return dict(row) if row else None

    def users(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT name, role, created_at FROM users ORDER BY name")
        return [dict(row) for row in rows]

    def add_session(self, token_hash: str, user_name: str, csrf: str, expires_at: str) -> None:
        row = {"token_hash": token_hash, "user_name": user_name, "csrf": csrf}
        with self.transaction():
            self._insert("sessions", row | {"created_at": self._now(), "expires_at": expires_at})

    def get_session(self, token_hash: str) -> dict[str, Any] | None:
        """The live session with this token hash, with its user's role; None if expired."""
        sql = (
            "SELECT s.token_hash, s.user_name, s.csrf, s.expires_at, u.role FROM sessions s "
            "JOIN users u ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ?"
        )
        row = self.conn.execute(sql, (token_hash, self._now())).fetchone()
        return dict(row) if row else None

    def end_session(self, token_hash: str) -> None:
        """Log out; expired sessions of anyone go too (they are not a record)."""
        with self.transaction():
            self.conn.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))
            self.conn.execute("DELETE FROM sessions WHERE expires_at <= ?", (self._now(),))


def _claim_row(claim: Claim) -> dict[str, Any]:
    return {
        "article_id": claim.article,
        "claimed_by": claim.claimed_by,
        "fatalities": claim.fatalities,
        "qualifier": claim.qualifier,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
    }
