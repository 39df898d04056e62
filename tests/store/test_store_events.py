from dataclasses import replace

import pytest

from conflictwatch.model import Claim, Evidence
from conflictwatch.store import EventFilter


def test_new_event_is_inserted_at_version_1(store, make_event):
    event = make_event()
    assert store.save_events([event]) == {"inserted": 1, "updated": 0, "unchanged": 0}
    assert store.get_event("e1") == event
    info = store.event_info("e1")
    assert (info["status"], info["version"]) == ("active", 1)
    [entry] = store.event_history("e1")
    assert entry["version"] == 1 and entry["status"] == "active"
    assert entry["changed_by"] == "linker" and entry["reason"] == "link run"
    assert entry["record"] == event.to_full_record()
    assert store.event_reports("e1") == ["r1"]


def test_full_record_round_trips(store, make_event):
    event = make_event(
        assoc_actor_1=["Gunmen"],
        claims=[Claim("a1", "officials", 12, "at least", "at least 12", 10, 21)],
        evidence=[Evidence("a1", "location", 0, 4, "Kaya")],
        fatalities_low=12,
        fatalities_best=13,
        fatalities_high=15,
        hedged=True,
        grade="B",
        contradictions=["fatalities differ"],
        civilian_targeting=True,
        confidence=0.75,
    )
    store.save_events([event])
    assert store.get_event("e1") == event
    assert store.events() == [event]


def test_unchanged_event_writes_nothing(store, make_event):
    store.save_events([make_event()])
    assert store.save_events([make_event()]) == {"inserted": 0, "updated": 0, "unchanged": 1}
    assert store.event_info("e1")["version"] == 1
    assert len(store.event_history("e1")) == 1


def test_changed_event_gets_a_new_version_and_keeps_the_old(store, make_event):
    store.save_events([make_event()])
    created = store.event_info("e1")["created_at"]
    changed = make_event(fatalities=15, notes="About 15 died.")
    counts = store.save_events([changed], changed_by="analyst", reason="new report")
    assert counts == {"inserted": 0, "updated": 1, "unchanged": 0}
    info = store.event_info("e1")
    assert info["version"] == 2
    assert info["created_at"] == created
    assert info["updated_at"] > created
    assert store.get_event("e1") == changed
    history = store.event_history("e1")
    assert [entry["version"] for entry in history] == [1, 2]
    assert history[0]["record"]["fatalities"] == 12  # the earlier record is still readable
    assert history[1]["record"]["fatalities"] == 15
    assert (history[1]["changed_by"], history[1]["reason"]) == ("analyst", "new report")


def test_every_version_is_kept(store, make_event):
    for deaths in (1, 2, 3, 4):
        store.save_events([make_event(fatalities=deaths)])
    history = store.event_history("e1")
    assert [entry["record"]["fatalities"] for entry in history] == [1, 2, 3, 4]
    assert store.count("events") == 1


def test_mixed_batch_counts(store, make_event):
    store.save_events([make_event("e1"), make_event("e2")])
    batch = [make_event("e1"), make_event("e2", fatalities=0), make_event("e3")]
    assert store.save_events(batch) == {"inserted": 1, "updated": 1, "unchanged": 1}
    assert store.count("event_history") == 4


def test_links_are_replaced(store, make_event):
    store.save_events([make_event(reports=["r1", "r2"])])
    store.save_events([make_event(reports=["r2", "r3"])])
    assert store.event_reports("e1") == ["r2", "r3"]
    assert store.event_reports("missing") == []


def test_event_missing_from_a_relink_is_kept(store, make_event):
    store.save_events([make_event("e1"), make_event("e2")])
    store.save_events([make_event("e1")])
    assert {event.event_id for event in store.events()} == {"e1", "e2"}


def test_retire_keeps_the_row(store, make_event):
    store.save_events([make_event("e1"), make_event("e2")])
    assert store.retire_events(["e2"], changed_by="linker", reason="merged into e1") == 1
    assert store.count("events") == 2
    assert [event.event_id for event in store.events()] == ["e1"]
    assert store.get_event("e2") == make_event("e2")
    assert store.event_info("e2")["status"] == "superseded"
    assert store.event_reports("e2") == ["r1"]
    last = store.event_history("e2")[-1]
    assert (last["version"], last["status"], last["reason"]) == (2, "superseded", "merged into e1")
    assert last["record"] == make_event("e2").to_full_record()


def test_retire_skips_unknown_and_already_retired(store, make_event):
    store.save_events([make_event()])
    store.retire_events(["e1"], changed_by="me", reason="dup")
    assert store.retire_events(["e1", "nope"], changed_by="me", reason="again") == 0
    assert len(store.event_history("e1")) == 2


def test_a_retired_event_seen_again_is_reactivated(store, make_event):
    store.save_events([make_event()])
    store.retire_events(["e1"], changed_by="me", reason="dup")
    assert store.save_events([make_event()]) == {"inserted": 0, "updated": 1, "unchanged": 0}
    info = store.event_info("e1")
    assert (info["status"], info["version"]) == ("active", 3)
    assert [entry["status"] for entry in store.event_history("e1")] == [
        "active",
        "superseded",
        "active",
    ]


def test_a_failing_batch_saves_nothing(store, make_event):
    unserialisable = make_event("e2", notes=object())
    with pytest.raises(TypeError):
        store.save_events([make_event("e1"), unserialisable])
    assert store.count("events") == 0 and store.count("event_history") == 0


def test_get_unknown_event(store):
    assert store.get_event("nope") is None
    assert store.event_info("nope") is None
    assert store.event_history("nope") == []


def test_status_filter_sees_retired(store, make_event):
    store.save_events([make_event("e1"), make_event("e2")])
    store.retire_events(["e1"], changed_by="me", reason="dup")
    all_ids = [event.event_id for event in store.events(EventFilter(status=None))]
    assert all_ids == ["e1", "e2"]
    retired = store.events(EventFilter(status="superseded"))
    assert [event.event_id for event in retired] == ["e1"]


def test_record_audit(store):
    first = store.record_audit("analyst", "event.edit", "e1", "typo", {"field": "location"})
    store.record_audit("analyst", "event.view", "e2", None)
    assert store.audit_log("e2")[0]["detail"] is None
    [entry] = store.audit_log("e1")
    assert entry["id"] == first
    assert (entry["actor"], entry["action"], entry["reason"]) == ("analyst", "event.edit", "typo")
    assert entry["detail"] == {"field": "location"}
    assert entry["at"]
    assert [item["target"] for item in store.audit_log()] == ["e1", "e2"]


def test_event_columns_follow_the_record(store, make_event):
    store.save_events([replace(make_event(), admin1="Sahel", fatalities=40)])
    row = store.conn.execute("SELECT admin1, fatalities, latitude FROM events").fetchone()
    assert (row["admin1"], row["fatalities"], row["latitude"]) == ("Sahel", 40, 13.0917)
