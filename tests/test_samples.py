"""The bundled sample corpus against its hand-coded expectations (samples/expected.jsonl).

Floors, not exact answers: the corpus was written by people, so the coder is
measured on it the way an analyst would check it, and the floors only rise.
"""

from __future__ import annotations

import pytest

from conflictwatch import run
from conflictwatch.config import load_settings
from conflictwatch.resources import iter_jsonl

NO_EVENT_ARTICLES = {"galmi-onion-harvest-2024", "opinion-aes-roads-not-speeches-2025"}


@pytest.fixture(scope="module")
def linked():
    return run.code_paths(run.sample_paths(), load_settings({"progress": False}), link=True)


@pytest.fixture(scope="module")
def unlinked():
    return run.code_paths(run.sample_paths(), load_settings({"progress": False}), link=False)


def _match(expected, events):
    """The predicted event of the same article and sub-event type, if any."""
    for event in events:
        if (
            expected["article"] in event.articles
            and event.sub_event_type == expected["sub_event_type"]
        ):
            return event
    return None


def test_samples_every_article_reads(unlinked):
    assert not unlinked.errors
    assert unlinked.articles == 22


def test_samples_no_event_articles_give_no_event(unlinked):
    found = {a for e in unlinked.events for a in e.articles}
    assert not found & NO_EVENT_ARTICLES


def test_samples_recall_and_field_accuracy(unlinked):
    expected = list(iter_jsonl("samples/expected.jsonl"))
    matched = [(x, _match(x, unlinked.events)) for x in expected]
    found = [(x, e) for x, e in matched if e is not None]
    assert len(found) / len(expected) >= 0.6
    for field in ("event_date", "admin1", "fatalities"):
        right = sum(getattr(e, field) == x[field] for x, e in found)
        assert right / len(found) >= 0.7, field
    spurious = len(unlinked.events) - len(found)
    assert spurious / len(expected) <= 0.25


def test_samples_three_outlets_one_strike_with_range_and_dispute(linked):
    outlets = {
        "kidal-drone-strikes-2023-11-07-mayor",
        "kidal-drone-strikes-2023-11-07-army",
        "kidal-drone-strikes-2023-11-07-toll",
    }
    events = [e for e in linked.events if set(e.articles) & outlets]
    assert len(events) == 1
    event = events[0]
    assert set(event.articles) == outlets
    assert event.sub_event_type == "Air/drone strike" and event.location == "Kidal"
    assert event.fatalities_low < event.fatalities_high
    assert event.fatalities == event.fatalities_low
    assert event.grade == "contested" and event.contradictions


def test_samples_earlier_strike_on_same_town_stays_apart(linked):
    earlier = [
        e
        for e in linked.events
        if "kidal-drone-strikes-2023-11-03" in e.articles and e.sub_event_type == "Air/drone strike"
    ]
    assert len(earlier) == 1
    assert earlier[0].event_date == "2023-11-03"
    assert earlier[0].articles == ["kidal-drone-strikes-2023-11-03"]
