import sqlite3
from dataclasses import replace

import pytest

from conflictwatch.model import Article, Place


@pytest.fixture
def stored(store, article):
    store.add_article(article)
    return store


def test_report_round_trips_exactly(stored, report):
    assert stored.add_reports([report]) == {"inserted": 1, "updated": 0, "unchanged": 0}
    [back] = stored.reports()
    assert back == report
    assert back.id == report.id
    assert isinstance(back.place, Place)
    assert back.place.latitude == pytest.approx(13.0917)
    assert [claim.qualifier for claim in back.claims] == ["at least", "about"]
    assert back.evidence[0].field == "location"


def test_report_without_place_round_trips(stored, report):
    bare = replace(report, place=None, claims=[], evidence=[], start=5, end=9)
    stored.add_reports([bare])
    assert stored.reports() == [bare]


def test_claims_are_stored_with_their_spans(stored, report, article):
    stored.add_reports([report])
    rows = stored.conn.execute("SELECT * FROM claims ORDER BY id").fetchall()
    assert [row["fatalities"] for row in rows] == [12, 15]
    for row in rows:
        assert row["report_id"] == report.id
        assert row["article_id"] == "a1"
        assert article.text[row["start"] : row["end"]] == row["quote"]


def test_report_row_columns(stored, report):
    stored.add_reports([report])
    row = stored.conn.execute("SELECT * FROM reports").fetchone()
    assert row["id"] == report.id and row["article_id"] == "a1"
    assert (row["start"], row["end"]) == (report.start, report.end)
    assert (row["event_type"], row["event_date"]) == ("Violence against civilians", "2024-04-29")


def test_readding_a_report_is_idempotent(stored, report):
    stored.add_reports([report])
    assert stored.add_reports([report]) == {"inserted": 0, "updated": 0, "unchanged": 1}
    assert stored.count("reports") == 1
    assert stored.count("claims") == 2
    assert stored.audit_log() == []


def test_changed_report_replaces_and_keeps_the_old_in_audit(stored, report):
    stored.add_reports([report])
    created = stored.conn.execute("SELECT created_at FROM reports").fetchone()[0]
    changed = replace(report, actor1="JNIM", claims=report.claims[:1])
    assert changed.id == report.id
    assert stored.add_reports([changed]) == {"inserted": 0, "updated": 1, "unchanged": 0}
    assert stored.reports() == [changed]
    assert stored.count("claims") == 1
    assert stored.conn.execute("SELECT created_at FROM reports").fetchone()[0] == created
    [entry] = stored.audit_log(report.id)
    assert entry["action"] == "report.replace"
    assert entry["detail"]["old"]["actor1"] == report.actor1
    assert len(entry["detail"]["old"]["claims"]) == 2


def test_report_of_an_unknown_article_is_refused(store, report):
    with pytest.raises(sqlite3.IntegrityError):
        store.add_reports([report])
    assert store.count("reports") == 0 and store.count("claims") == 0


def test_a_failing_batch_writes_nothing(stored, report):
    orphan = replace(report, article="missing")
    with pytest.raises(sqlite3.IntegrityError):
        stored.add_reports([report, orphan])
    assert stored.count("reports") == 0 and stored.count("claims") == 0


def test_reports_by_article(stored, report):
    stored.add_article(Article(id="a2", text="Other text about Djibo."))
    other = replace(report, article="a2", claims=[], evidence=[], start=0, end=5)
    second = replace(report, start=report.end + 1, end=report.end + 20)
    stored.add_reports([other, second, report])
    assert stored.reports(["a2"]) == [other]
    assert stored.reports(["a1"]) == [report, second]  # in text order
    assert len(stored.reports()) == 3
    assert stored.reports([]) == []
