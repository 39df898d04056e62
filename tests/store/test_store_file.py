import sqlite3

import pytest

from conflictwatch.store import Store


def test_file_database_survives_close_and_reopen(tmp_path, article, report, make_event):
    path = tmp_path / "sub" / "cw.db"  # missing folders are created
    with Store(path) as store:
        store.add_article(article)
        store.add_reports([report])
        store.save_events([make_event()])
        store.save_events([make_event(fatalities=15)])
        store.record_audit("analyst", "event.edit", "e1", "check")
    with Store(path) as store:
        assert store.applied_on_open == []
        assert store.get_article("a1") == article
        assert store.reports() == [report]
        assert store.get_event("e1") == make_event(fatalities=15)
        assert [entry["version"] for entry in store.event_history("e1")] == [1, 2]
        assert store.audit_log("e1")[0]["reason"] == "check"
        assert store.add_article(article) is False


def test_file_database_uses_wal(tmp_path):
    with Store(tmp_path / "cw.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_close_closes_the_connection(tmp_path):
    with Store(tmp_path / "cw.db") as store:
        pass
    with pytest.raises(sqlite3.ProgrammingError):
        store.count("events")


def test_a_second_connection_sees_committed_writes(tmp_path, make_event):
    path = tmp_path / "cw.db"
    with Store(path) as writer, Store(path) as reader:
        writer.save_events([make_event()])
        assert reader.get_event("e1") == make_event()
