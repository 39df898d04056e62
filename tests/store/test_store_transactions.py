import sqlite3

import pytest


class Boom(Exception):
    pass


def test_transaction_commits(store):
    with store.transaction() as conn:
        conn.execute("INSERT INTO audit_log (at, action) VALUES ('t', 'a')")
    assert store.count("audit_log") == 1
    assert not store.conn.in_transaction


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(Boom), store.transaction() as conn:
        conn.execute("INSERT INTO audit_log (at, action) VALUES ('t', 'a')")
        raise Boom
    assert store.count("audit_log") == 0
    assert not store.conn.in_transaction


def test_nested_failure_rolls_back_only_the_inner_part(store):
    with store.transaction() as conn:
        conn.execute("INSERT INTO audit_log (at, action) VALUES ('t', 'outer')")
        with pytest.raises(Boom), store.transaction():
            conn.execute("INSERT INTO audit_log (at, action) VALUES ('t', 'inner')")
            raise Boom
    actions = [row["action"] for row in store.audit_log()]
    assert actions == ["outer"]


def test_outer_failure_rolls_back_committed_inner_part(store):
    with pytest.raises(Boom), store.transaction():
        store.record_audit("me", "inner", None, None)
        raise Boom
    assert store.count("audit_log") == 0


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO event_reports (event_id, report_id) VALUES ('x', 'y')")


@pytest.mark.parametrize("sql", ["UPDATE {t} SET reason = 'x'", "DELETE FROM {t}"])
@pytest.mark.parametrize("table", ["event_history", "audit_log"])
def test_history_and_audit_are_append_only(store, make_event, sql, table):
    store.save_events([make_event()])
    store.record_audit("me", "check", "e1", "why")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute(sql.format(t=table))
    assert store.count(table) == 1


def test_count_refuses_unknown_tables(store):
    with pytest.raises(ValueError, match="unknown table"):
        store.count("articles; DROP TABLE events")
