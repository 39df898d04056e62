from datetime import date

import pytest

from conflictwatch.store import EventFilter


@pytest.fixture
def filled(store, make_event):
    store.save_events(
        [
            make_event("e1", assoc_actor_1=["JNIM"]),  # Burkina Faso, 2024-04-29, 12 dead
            make_event(
                "e2",
                event_type="Battles",
                sub_event_type="Armed clash",
                event_date="2024-05-03",
                country="Mali",
                admin1="Mopti",
                actor1="Military Forces of Mali (2021-)",
                actor2="JNIM: Group for Support of Islam and Muslims",
                fatalities=3,
                notes="Clashes near MOPTI town.",
            ),
            make_event(
                "e3",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                event_date=None,
                country="Mali",
                admin1="Gao",
                actor1="Forces Armées Maliennes",
                actor2=None,
                fatalities=0,
                notes="A drone hit 100% of the depot.",
            ),
            make_event(
                "e4",
                event_type="Battles",
                sub_event_type="Armed clash",
                event_date="2024-05-10",
                admin1="Sahel",
                actor2="Islamic State Sahel Province",
                fatalities=40,
                notes="Soldiers repelled an attack on Djibo.",
            ),
        ]
    )
    return store


def ids(store, **fields):
    return [event.event_id for event in store.events(EventFilter(**fields))]


def test_default_order_is_newest_first_undated_last(filled):
    assert ids(filled) == ["e4", "e2", "e1", "e3"]
    assert [event.event_id for event in filled.events()] == ["e4", "e2", "e1", "e3"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"country": "Mali"}, ["e2", "e3"]),
        ({"country": "mali"}, []),  # names are matched as the gazetteer spells them
        ({"admin1": "Sahel"}, ["e4"]),
        ({"event_type": "Battles"}, ["e4", "e2"]),
        ({"sub_event_type": "Air/drone strike"}, ["e3"]),
        ({"since": "2024-05-03"}, ["e4", "e2"]),  # inclusive; undated never matches
        ({"until": "2024-05-03"}, ["e2", "e1"]),
        ({"since": "2024-05-01", "until": "2024-05-09"}, ["e2"]),
        ({"since": date(2024, 5, 4)}, ["e4"]),
        ({"actor": "jnim"}, ["e2", "e1"]),  # actor2 of e2, associated actor of e1
        ({"actor": "ISLAMIC STATE"}, ["e4"]),
        ({"actor": "armées"}, ["e3"]),  # casefolded beyond ASCII
        ({"actor": "ARMÉES"}, ["e3"]),
        ({"actor": "Mali"}, ["e2", "e3"]),
        ({"min_fatalities": 12}, ["e4", "e1"]),  # inclusive
        ({"min_fatalities": 0}, ["e4", "e2", "e1", "e3"]),
        ({"text": "mopti"}, ["e2"]),  # full-text: see test_store_search.py
        ({"text": "100%"}, ["e3"]),  # the word 100
        ({"text": "%"}, []),  # no word to look for, and not a wildcard
        ({"text": "_"}, []),
        ({"country": "Burkina Faso", "event_type": "Battles"}, ["e4"]),
        ({"limit": 2}, ["e4", "e2"]),
        ({"limit": 2, "offset": 1}, ["e2", "e1"]),
        ({"offset": 3}, ["e3"]),
        ({"limit": 0}, []),
    ],
)
def test_filters(filled, fields, expected):
    assert ids(filled, **fields) == expected


def test_status_filter(filled):
    filled.retire_events(["e2"], changed_by="me", reason="dup")
    assert ids(filled) == ["e4", "e1", "e3"]
    assert ids(filled, status="superseded") == ["e2"]
    assert ids(filled, status=None) == ["e4", "e2", "e1", "e3"]


def test_actor_does_not_match_across_two_names(store, make_event):
    store.save_events([make_event(actor1="Alpha", actor2="Beta")])
    assert ids(store, actor="alpha") == ["e1"]
    assert ids(store, actor="alphabeta") == []


@pytest.mark.parametrize("bad", ["May 2024", "2024-13-01", "yesterday"])
def test_non_iso_dates_are_refused(filled, bad):
    with pytest.raises(ValueError):
        filled.events(EventFilter(since=bad))
