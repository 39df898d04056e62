import sqlite3

import pytest

from conflictwatch.store import MIGRATIONS, Migrations, Store
from conflictwatch.store.migrations import initial

ALL = ["0001_initial", "0002_linking", "0003_web", "0004_fts"]


def _connect() -> sqlite3.Connection:
    return sqlite3.connect(":memory:", isolation_level=None)


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row[0] for row in rows}


def test_open_applies_and_records_initial_schema(store):
    assert store.applied_on_open == ALL
    assert store.applied() == ALL
    assert store.pending() == []
    row = store.conn.execute("SELECT name, applied_at FROM schema_migrations").fetchone()
    assert row["name"] == "0001_initial" and row["applied_at"]
    expected = {"articles", "reports", "claims", "events", "event_reports", "event_history"}
    assert expected | {"audit_log"} <= _tables(store.conn)


def test_events_indexes_exist(store):
    indexed = {row[0] for row in store.conn.execute("SELECT sql FROM sqlite_master")}
    for column in ("event_date", "country", "event_type", "fatalities"):
        assert f"CREATE INDEX events_{column} ON events ({column})" in indexed


def test_apply_twice_applies_once():
    conn = _connect()
    assert MIGRATIONS.apply(conn) == ALL
    assert MIGRATIONS.apply(conn) == []
    assert conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(ALL)


def test_failing_migration_rolls_back_and_stays_pending():
    steps = Migrations()

    @steps.register("0001_good")
    def good(conn):
        conn.execute("CREATE TABLE good (x)")

    @steps.register("0002_bad")
    def bad(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    conn = _connect()
    with pytest.raises(RuntimeError, match="boom"):
        steps.apply(conn)
    assert "good" in _tables(conn)
    assert "half_done" not in _tables(conn)  # the failed step left nothing behind
    assert steps.applied(conn) == ["0001_good"]
    assert steps.pending(conn) == ["0002_bad"]
    assert not conn.in_transaction


def test_fixed_migration_applies_on_next_run():
    conn = _connect()
    broken, fixed = Migrations(), Migrations()
    broken.register("0001_step")(lambda conn: conn.execute("SELECT * FROM missing"))
    fixed.register("0001_step")(lambda conn: conn.execute("CREATE TABLE done (x)"))
    with pytest.raises(sqlite3.OperationalError):
        broken.apply(conn)
    assert fixed.apply(conn) == ["0001_step"]
    assert "done" in _tables(conn)


def test_reopen_applies_nothing_new(tmp_path):
    path = tmp_path / "cw.db"
    with Store(path) as first:
        assert first.applied_on_open == ALL
    with Store(path) as second:
        assert second.applied_on_open == []
        assert second.count("schema_migrations") == len(ALL)


def test_reopen_applies_only_a_new_migration(tmp_path):
    path = tmp_path / "cw.db"
    Store(path).close()
    extended = Migrations()
    extended.register("0001_initial")(initial)

    @extended.register("0002_add_tag")
    def add_tag(conn):
        conn.execute("ALTER TABLE events ADD COLUMN tag TEXT")

    with Store(path, migrations=extended) as store:
        assert store.applied_on_open == ["0002_add_tag"]
        columns = {row["name"] for row in store.conn.execute("PRAGMA table_info(events)")}
        assert "tag" in columns


def test_store_open_fails_when_a_migration_fails(tmp_path):
    path = tmp_path / "cw.db"
    failing = Migrations()
    failing.register("0001_initial")(initial)
    failing.register("0002_bad")(lambda conn: conn.execute("ALTER TABLE nope ADD COLUMN x"))
    with pytest.raises(sqlite3.OperationalError):
        Store(path, migrations=failing)
    with Store(path) as store:  # the good step stayed applied; the real 0002 applies now
        assert store.applied_on_open == ALL[1:]
        assert failing.pending(store.conn) == ["0002_bad"]


def test_duplicate_name_is_refused():
    steps = Migrations()
    steps.register("0001_x")(lambda conn: None)
    with pytest.raises(ValueError, match="already registered"):
        steps.register("0001_x")(lambda conn: None)


def test_implicit_transaction_connection_is_refused():
    with pytest.raises(ValueError, match="isolation_level"):
        MIGRATIONS.apply(sqlite3.connect(":memory:"))


def test_names_apply_in_number_order():
    steps, order = Migrations(), []
    steps.register("0002_b")(lambda conn: order.append("b"))
    steps.register("0001_a")(lambda conn: order.append("a"))
    assert steps.apply(_connect()) == ["0001_a", "0002_b"]
    assert order == ["a", "b"]


def test_a_0001_database_upgrades_to_0002_and_keeps_its_data(tmp_path, article, make_event):
    path = tmp_path / "old.db"
    only_initial = Migrations()
    only_initial.register("0001_initial")(initial)
    with Store(path, migrations=only_initial) as old:
        old.add_article(article)
    with Store(path) as upgraded:
        assert upgraded.applied_on_open == ALL[1:]
        assert upgraded.get_article(article.id) is not None
        upgraded.save_events([make_event("e1")])
        assert upgraded.event_info("e1")["merged_into"] is None
        assert {"decisions", "link_index"} <= _tables(upgraded.conn)


def test_decisions_are_append_only_and_need_a_reason(store):
    store.record_decision("merge", "e1", (["r1"], ["r2"]), made_by="ana", reason="same strike")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE decisions SET reason = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM decisions")
    with pytest.raises(ValueError, match="reason"):
        store.record_decision("split", "e1", (["r1"], ["r2"]), made_by="ana", reason=" ")


def test_review_decisions_are_append_only_and_need_a_reason(store):
    store.record_review("confirm", "e1", ["r1"], made_by="ed", reason="seen it")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE review_decisions SET reason = 'other'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM review_decisions")
    with pytest.raises(ValueError, match="reason"):
        store.record_review("reject", "e1", ["r1"], made_by="ed", reason="  ")
    assert [row["kind"] for row in store.review_decisions()] == ["confirm"]
