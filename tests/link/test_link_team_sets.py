"""The issue's team-written sets, end to end through the real extractor.

The articles in tests/link/articles/ were written by the team for these tests,
about real events, in our own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwatch import run
from conflictwatch.config import load_settings

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def events():
    paths = [ARTICLES / name for name in ("tinzaouaten.jsonl", "menaka.jsonl", "recap.jsonl")]
    result = run.code_paths(paths, load_settings({"progress": False}), link=True)
    assert not result.errors
    return result.events


def _with(events, article, sub_event_type):
    return [e for e in events if article in e.articles and e.sub_event_type == sub_event_type]


def test_four_outlets_three_tolls_one_strike(events):
    [event] = _with(events, "tinza-a", "Air/drone strike")
    assert event.articles == ["tinza-a", "tinza-b", "tinza-c", "tinza-d"]
    figures = sorted({claim.fatalities for claim in event.claims})
    assert figures == [8, 15, 21]
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (8, 8, 21)
    assert event.grade == "contested"
    assert any(reason.startswith("figures differ") for reason in event.contradictions)
    # The army names the strike; the separatists' figure says civilians died.
    assert any("who" in reason for reason in event.contradictions)


def test_two_attacks_on_the_same_village_three_days_apart_stay_two(events):
    [first] = _with(events, "menaka-first", "Attack")
    [second] = _with(events, "menaka-second", "Attack")
    assert first.event_id != second.event_id
    assert (first.location, second.location) == ("Inékar", "Inékar")
    assert (first.fatalities, second.fatalities) == (9, 5)


def test_recap_months_later_links_to_the_event_and_keeps_its_id(events):
    [event] = _with(events, "barsalogho-recap", "Attack")
    assert event.articles == ["barsalogho-news", "barsalogho-recap"]
    alone = run.code_paths(
        [ARTICLES / "recap.jsonl"], load_settings({"progress": False}), link=False
    ).events
    [original] = _with(alone, "barsalogho-news", "Attack")
    assert event.event_id == original.event_id  # the first published report names it
    assert event.fatalities == 100 and event.fatalities_high == 130


def test_seeds_raid_and_killing_of_24_stay_two(shared_dir):
    result = run.code_paths([shared_dir / "seeds"], load_settings({"progress": False}))
    for event in result.events:
        articles = {article.split("_")[0] for article in event.articles}
        assert not {"000", "001"} <= articles
    figures = sorted(sum(c.fatalities for c in e.claims) for e in result.events)
    assert 24 in figures and 25 in figures
