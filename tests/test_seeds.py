"""The three seed articles (../shared/seeds) give exactly the events issue 1 lists."""

from __future__ import annotations

import pytest

from conflictwatch import run
from conflictwatch.config import load_settings


@pytest.fixture(scope="module")
def seed_events(request):
    from support import SHARED

    seeds = SHARED / "seeds"
    if not seeds.exists():
        pytest.skip("../shared/seeds is not beside the repository")
    result = run.code_paths([seeds], load_settings({"progress": False}), link=True)
    assert not result.errors
    by_article: dict[str, list] = {}
    for event in result.events:
        for article in event.articles:
            by_article.setdefault(article.split("_")[0], []).append(event)
    return by_article


def test_seeds_002_kidal_drone_strike(seed_events):
    events = seed_events["002"]
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (event.event_date, event.time_precision) == ("2024-03-27", 1)
    assert (event.location, event.country, event.admin1) == ("Kidal", "Mali", "Kidal")
    assert event.actor1 == "Military Forces of Mali (2021-)"
    assert "Wagner Group" in event.assoc_actor_1
    assert event.actor2 and event.actor2.startswith("CSP")
    assert event.fatalities == 0


def test_seeds_000_january_raid_and_amnesty_strikes(seed_events):
    events = seed_events["000"]
    attacks = [e for e in events if e.sub_event_type == "Attack"]
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    others = [e for e in events if e not in attacks + strikes]
    assert len(attacks) == 1
    raid = attacks[0]
    assert raid.event_type == "Violence against civilians"
    assert (raid.event_date, raid.time_precision) == ("2024-01-15", 3)
    assert raid.fatalities == 25
    assert [c.claimed_by for c in raid.claims] == ["Human Rights Watch"]
    assert 1 <= len(strikes) <= 2
    assert sum(e.fatalities for e in strikes) == 13
    assert all(c.claimed_by == "Amnesty International" for e in strikes for c in e.claims)
    assert strikes[0].claims[0].qualifier == "at least"
    assert strikes[0].country == "Mali"
    assert all(e.event_type == "Strategic developments" for e in others) and len(others) <= 1


def test_seeds_001_alleged_killing_of_24_civilians_undated(seed_events):
    events = seed_events["001"]
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities == 24
    assert event.claims[0].qualifier == "at least"
    assert event.event_date is None and event.time_precision is None
    assert "Wagner Group" in [event.actor1, *event.assoc_actor_1]
    assert event.civilian_targeting and event.hedged


def test_seeds_evidence_offsets_point_into_the_text(seed_events):
    from conflictwatch.read import read_paths
    from support import SHARED

    texts = {a.id: a.text for a in read_paths([SHARED / "seeds"])}
    for events in seed_events.values():
        for event in events:
            for claim in event.claims:
                assert texts[claim.article][claim.start : claim.end] == claim.quote
            for item in event.evidence:
                assert texts[item.article][item.start : item.end] == item.text
