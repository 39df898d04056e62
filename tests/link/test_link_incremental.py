"""Incremental linking in the store equals linking everything at once."""

from __future__ import annotations

import random

from link_helpers import SETTINGS, event_sets, ingest_reports

from conflictwatch import run
from conflictwatch.link import link_reports
from support import make_place, make_report

GAO = make_place("Gao", 16.27, -0.04, admin1="Gao")


def _corpus():
    rng = random.Random(5)
    reports = []
    for i in range(80):
        day = f"2024-0{rng.randint(1, 3)}-{rng.randint(1, 28):02d}"
        reports.append(
            make_report(
                f"outlet{i % 9}-{rng.randint(0, 6)}",
                day=None if rng.random() < 0.1 else day,
                place=rng.choice([None, GAO, make_place()]),
                figures=[(rng.randint(1, 20), "a source")],
                published=day,
                start=i,
            )
        )
    return reports


def test_incremental_batches_give_the_same_events_as_one_batch(store):
    reports = _corpus()
    expected = {frozenset(e.reports) for e in link_reports(reports)}
    shuffled = list(reports)
    random.Random(2).shuffle(shuffled)
    for start in range(0, len(shuffled), 13):
        ingest_reports(store, shuffled[start : start + 13])
    assert event_sets(store) == expected
    run.relink(store, SETTINGS)  # a full re-link changes nothing
    assert event_sets(store) == expected


def test_new_report_attaches_to_an_existing_event_and_keeps_its_id(store):
    ingest_reports(store, [make_report("a", published="2024-03-27")])
    [before] = store.events()
    counts = ingest_reports(store, [make_report("b", published="2024-04-02")])
    [after] = store.events()
    assert after.event_id == before.event_id and after.articles == ["a", "b"]
    assert counts["updated"] == 1 and counts["inserted"] == 0
    assert [row["version"] for row in store.event_history(after.event_id)] == [1, 2]


def test_an_earlier_published_report_takes_the_id_and_the_old_one_points_to_it(store):
    ingest_reports(store, [make_report("later", published="2024-03-29")])
    [old] = store.events()
    ingest_reports(store, [make_report("first", published="2024-03-27")])
    [new] = store.events()
    assert new.event_id != old.event_id and new.articles == ["first", "later"]
    info = store.event_info(old.event_id)
    assert (info["status"], info["merged_into"]) == ("merged", new.event_id)
    assert store.get_event(old.event_id).articles == ["later"]  # its last version is kept


def test_only_touched_components_are_relinked(store):
    ingest_reports(store, [make_report("a"), make_report("x", day="2023-01-01")])
    untouched = store.events()[-1]
    ingest_reports(store, [make_report("b")])
    history = store.event_history(untouched.event_id)
    assert len(history) == 1  # never re-saved
