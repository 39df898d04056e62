"""People's merges and splits: recorded, audited, and kept by every re-link."""

from __future__ import annotations

import pytest
from link_helpers import SETTINGS, event_sets, ingest_reports

from conflictwatch import run
from conflictwatch.link import Constraints
from support import make_place, make_report

GAO = make_place("Gao", 16.27, -0.04, admin1="Gao")


def _two_events(store):
    """Strikes in Kidal (a, b) and Gao (c): the rules keep the towns apart."""
    reports = [
        make_report("a", published="2024-03-27"),
        make_report("b", published="2024-03-28"),
        make_report("c", place=GAO, published="2024-03-27"),
    ]
    ingest_reports(store, reports)
    kidal, gao = sorted(store.events(), key=lambda e: e.location != "Kidal")
    return kidal, gao


def test_constraints_later_decision_wins_per_pair():
    decisions = [
        {"kind": "merge", "sides": (["r1"], ["r2", "r3"])},
        {"kind": "split", "sides": (["r3"], ["r1", "r2"])},
    ]
    constraints = Constraints.from_decisions(decisions)
    assert constraints.must == {frozenset(("r1", "r2"))}
    assert constraints.cannot == {frozenset(("r3", "r1")), frozenset(("r3", "r2"))}


def test_merge_keeps_the_earliest_id_points_the_other_and_survives_relink(store):
    kidal, gao = _two_events(store)
    done = run.merge_events(store, gao.event_id, kidal.event_id, SETTINGS,
                            reason="one strike, geocoded twice", by="ana")  # fmt: skip
    [merged] = store.events()
    assert merged.event_id == done["event"] and merged.articles == ["a", "b", "c"]
    assert merged.event_id in (kidal.event_id, gao.event_id)
    gone = done["merged"]
    assert store.event_info(gone)["status"] == "merged"
    assert store.event_info(gone)["merged_into"] == merged.event_id
    run.relink(store, SETTINGS)
    assert [e.event_id for e in store.events()] == [merged.event_id]
    [entry] = [row for row in store.audit_log() if row["action"] == "event.merge"]
    assert (entry["actor"], entry["reason"]) == ("ana", "one strike, geocoded twice")
    assert store.event_history(merged.event_id)[-1]["changed_by"] == "ana"


def test_split_never_re_merges_even_when_new_reports_arrive(store):
    kidal, _ = _two_events(store)
    b_report = [r for r in kidal.reports if r in {x.id for x in store.reports(["b"])}]
    run.split_event(store, kidal.event_id, SETTINGS, reports=b_report,
                    reason="b is the next day's strike", by="ana")  # fmt: skip
    after = event_sets(store)
    assert frozenset(b_report) in after and len(after) == 3
    run.relink(store, SETTINGS)
    assert event_sets(store) == after
    ingest_reports(store, [make_report("d", published="2024-03-27")])  # fits both
    assert not any({"a", "b"} <= set(e.articles) for e in store.events())


def test_split_by_claim_moves_the_report_that_holds_it(store):
    reports = [
        make_report("a", figures=[(5, "the army")]),
        make_report("b", figures=[(30, "residents")]),
    ]
    ingest_reports(store, reports)
    [event] = store.events()
    claims = store.claims_of_reports(event.reports)
    residents = next(c["id"] for c in claims if c["claimed_by"] == "residents")
    done = run.split_event(store, event.event_id, SETTINGS, claims=[residents],
                           reason="two different raids", by="ana")  # fmt: skip
    assert len(done["events"]) == 2
    assert sorted(e.fatalities for e in store.events()) == [5, 30]


def test_a_merge_then_a_split_of_part_of_it(store):
    kidal, gao = _two_events(store)
    done = run.merge_events(store, kidal.event_id, gao.event_id, SETTINGS, reason="same", by="x")
    c_ids = [r.id for r in store.reports(["c"])]
    run.split_event(store, done["event"], SETTINGS, reports=c_ids, reason="not same", by="y")
    run.relink(store, SETTINGS)
    assert sorted(sorted(e.articles) for e in store.events()) == [["a", "b"], ["c"]]


def test_review_errors_are_clear(store):
    kidal, gao = _two_events(store)
    with pytest.raises(run.ReviewError, match="no event"):
        run.merge_events(store, "ev-nope", gao.event_id, SETTINGS, reason="r", by="x")
    with pytest.raises(run.ReviewError, match="at least one report"):
        run.split_event(store, gao.event_id, SETTINGS, reports=gao.reports, reason="r", by="x")
    with pytest.raises(run.ReviewError, match="no report"):
        run.split_event(store, kidal.event_id, SETTINGS, reports=["r-x"], reason="r", by="x")
    with pytest.raises(ValueError, match="reason"):
        run.merge_events(store, kidal.event_id, gao.event_id, SETTINGS, reason="", by="x")
    run.merge_events(store, kidal.event_id, gao.event_id, SETTINGS, reason="same", by="x")
    with pytest.raises(run.ReviewError, match="merged into"):
        run.merge_events(store, kidal.event_id, gao.event_id, SETTINGS, reason="again", by="x")
