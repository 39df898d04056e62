"""Review from the dashboard: each action needs a reason, keeps every earlier value,
is audited, and outlives later link runs."""

from __future__ import annotations

from web_helpers import first_event, web_settings

from conflictwatch import run
from conflictwatch.model import Event
from conflictwatch.store import REJECTED


def _post(client, event_id, action, token, **form):
    return client.post(f"/events/{event_id}/{action}", data={"csrf": token, **form})


def test_edit_changes_the_field_keeps_the_old_value_and_is_audited(client, store, login):
    token = login(client, "ed", "editor")
    event_id = first_event(store)
    before = store.get_event(event_id).fatalities
    response = _post(client, event_id, "edit", token, field="fatalities", value="99", reason="HRW")
    assert response.status_code == 303
    assert store.get_event(event_id).fatalities == 99
    history = store.event_history(event_id)
    assert history[-2]["record"]["fatalities"] == before
    assert history[-1]["changed_by"] == "ed" and "HRW" in history[-1]["reason"]
    entry = store.audit_of_event(event_id)[-1]
    assert (entry["actor"], entry["action"], entry["reason"]) == ("ed", "event.edit", "HRW")
    assert entry["detail"]["old"] == before and entry["detail"]["new"] == 99
    page = client.get(f"/events/{event_id}").text
    assert '<td data-field="fatalities">99</td>' in page and "event.edit" in page
    assert client.get("/api/events", params={"min_fatalities": 99}).json()["total"] >= 1


def test_an_edit_without_a_reason_or_with_a_bad_value_changes_nothing(client, store, login):
    token = login(client, "ed", "editor")
    event_id = first_event(store)
    version = store.event_info(event_id)["version"]
    no_reason = _post(client, event_id, "edit", token, field="fatalities", value="9", reason=" ")
    bad = _post(client, event_id, "edit", token, field="fatalities", value="many", reason="x")
    unknown = _post(client, event_id, "edit", token, field="event_id", value="ev-x", reason="x")
    assert [r.status_code for r in (no_reason, bad, unknown)] == [400, 400, 400]
    assert "reason" in no_reason.text and "whole number" in bad.text
    assert store.event_info(event_id)["version"] == version
    assert store.review_decisions() == []


def test_an_edit_outlives_relinking(store):
    settings = web_settings(store.path)
    event_id = first_event(store)
    run.edit_event(store, event_id, "location", "Somewhere", reason="checked map", by="ed")
    version = store.event_info(event_id)["version"]
    run.relink(store, settings)
    assert store.get_event(event_id).location == "Somewhere"
    assert store.event_info(event_id)["version"] == version  # nothing to write again
    store.clear_link_index()
    run.relink(store, settings)
    assert store.get_event(event_id).location == "Somewhere"


def test_sub_event_type_edit_sets_the_matching_event_type(store):
    event_id = first_event(store)
    run.edit_event(store, event_id, "sub_event_type", "Armed clash", reason="x", by="ed")
    event = store.get_event(event_id)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_reject_hides_the_event_keeps_it_and_outlives_relinking(client, store, login):
    token = login(client, "ed", "editor")
    event_id = first_event(store)
    assert _post(client, event_id, "reject", token, reason="opinion piece").status_code == 303
    assert store.event_info(event_id)["status"] == REJECTED
    listed = client.get("/api/events", params={"per_page": 500}).json()["events"]
    assert event_id not in [e["event_id"] for e in listed]
    run.relink(store, web_settings(store.path))
    assert store.event_info(event_id)["status"] == REJECTED
    assert client.get(f"/events/{event_id}").status_code == 200  # still there, marked
    assert _post(client, event_id, "confirm", token, reason="it happened").status_code == 303
    assert store.event_info(event_id)["status"] == "active"
    statuses = [row["status"] for row in store.event_history(event_id)]
    assert statuses[-2:] == [REJECTED, "active"]


def test_confirm_needs_a_reason_and_adds_a_version(client, store, login):
    token = login(client, "ed", "editor")
    event_id = first_event(store)
    version = store.event_info(event_id)["version"]
    assert _post(client, event_id, "confirm", token, reason="").status_code == 400
    assert _post(client, event_id, "confirm", token, reason="two sources").status_code == 303
    assert store.event_info(event_id)["version"] == version + 1
    assert "confirmed by ed" in client.get(f"/events/{event_id}").text


def test_merge_and_split_from_the_page(client, store, login):
    token = login(client, "ed", "editor")
    events = [e for e in store.events() if e.country == "Mali"][:2]
    keep, other = events[0].event_id, events[1].event_id
    response = _post(client, keep, "merge", token, other=other, reason="same raid")
    assert response.status_code == 303
    merged = response.headers["location"].split("#")[0].rsplit("/", 1)[1]
    assert merged in (keep, other)
    gone = other if merged == keep else keep
    assert store.event_info(gone)["status"] == "merged"
    assert any(a["action"] == "event.merge" for a in store.audit_of_event(gone))
    members = store.event_reports(merged)
    assert len(members) >= 2
    split = _post(client, merged, "split", token, report=members[0], reason="two raids after all")
    assert split.status_code == 303
    assert len(set(store.events_of_reports(members).values())) == 2


def test_review_of_a_merged_away_event_follows_its_reports():
    def event(event_id: str, reports: list[str]) -> Event:
        return Event(event_id, "Battles", "Armed clash", reports=reports, fatalities=3)

    decisions = [
        {"kind": "edit", "event_id": "ev-a", "reports": ["r1"], "field": "fatalities", "value": 7},
        {"kind": "reject", "event_id": "ev-b", "reports": ["r2"]},
        {"kind": "edit", "event_id": "ev-c", "reports": ["r9"], "field": "fatalities", "value": 1},
    ]
    survivor, other = event("ev-b", ["r1", "r2"]), event("ev-z", ["r3"])
    statuses = run.apply_reviews([survivor, other], decisions, gone={"ev-a"})
    assert survivor.fatalities == 7  # ev-a was merged into ev-b: its edit follows
    assert statuses == {"ev-b": REJECTED}
    assert other.fatalities == 3  # ev-c is not gone and not here: left alone
