"""The dashboard's search box (`q`): full text over notes, actors, places and source
articles, the same on the map, the timeline, the downloads and /api/events."""

from __future__ import annotations

import re

import pytest
from web_helpers import first_event

from conflictwatch.store import EventFilter

HOSTILE = ['"', "AND OR", "*", "Kidal-drone", "NEAR(", "notes:x", "'; --", "%", "\\", "🙂"]
PAGES = ["/", "/timeline", "/api/events", "/api/points", "/download/events.csv"]


def _ids(client, **params):
    body = client.get("/api/events", params={"per_page": 1000, **params}).json()
    return [event["event_id"] for event in body["events"]]


def _word_only_in_articles(store):
    """A word of an event's source article found in no event's notes, actors or places."""
    events = store.events()
    elsewhere = " ".join(
        " ".join(
            str(value)
            for value in (e.notes, e.actor1, e.actor2, e.location, e.admin1, e.admin2, e.country)
            if value
        )
        + " "
        + " ".join(e.assoc_actor_1 + e.assoc_actor_2)
        for e in events
    ).casefold()
    for event in events:
        for article in store.articles(event.articles):
            for word in re.findall(r"\b[a-z]{7,}\b", article.text):
                if word not in elsewhere:
                    return event.event_id, word
    raise AssertionError("every article word is also in some event's fields")


def test_a_word_only_in_a_source_article_finds_its_event(client, store):
    event_id, word = _word_only_in_articles(store)
    found = _ids(client, q=word)
    assert event_id in found
    for other in found:
        texts = [a.text.casefold() for a in store.articles(store.get_event(other).articles)]
        assert any(word in text for text in texts)


def test_search_folds_case_and_accents(client, store):
    sevare = first_event(store, location="Sévaré")
    assert sevare in _ids(client, q="sevare")
    assert sevare in _ids(client, q="SÉVARÉ")


def test_every_word_must_match_and_filters_combine(client, store):
    kidal = set(_ids(client, q="kidal"))
    drone = set(_ids(client, q="drone"))
    both = _ids(client, q="drone kidal")
    assert both and set(both) == kidal & drone
    deadly = _ids(client, q="drone kidal", min_fatalities=10, since="2023-11-05")
    assert deadly and set(deadly) < set(both)
    for event_id in deadly:
        event = store.get_event(event_id)
        assert event.fatalities >= 10 and event.event_date >= "2023-11-05"
    expected = store.count_events(EventFilter(text="drone kidal", country="Mali"))
    body = client.get("/api/events", params={"q": "drone kidal", "country": "Mali"}).json()
    assert body["total"] == expected > 0


def test_results_keep_the_listing_order(client, store):
    found = client.get("/api/events", params={"q": "mali", "per_page": 1000}).json()["events"]
    dates = [event["event_date"] for event in found]
    dated = [day for day in dates if day is not None]
    assert dates == dated + [None] * (len(dates) - len(dated))  # undated last
    assert dated == sorted(dated, reverse=True) and len(dated) > 1  # newest first
    assert [e["event_id"] for e in found] == [
        e.event_id for e in store.events(EventFilter(text="mali"))
    ]


def test_map_page_points_and_downloads_use_the_same_search(client, store):
    spec = EventFilter(text="drone")
    page = client.get("/", params={"q": "drone"})
    assert f'<strong id="total">{store.count_events(spec)}</strong>' in page.text
    points = client.get("/api/points", params={"q": "drone"}).json()["points"]
    assert sorted(p[0] for p in points) == sorted(row[0] for row in store.map_points(spec))
    csv_text = client.get("/download/events.csv", params={"q": "drone"}).text
    assert len(csv_text.strip().splitlines()) == 1 + store.count_events(spec)


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("url", PAGES)
def test_hostile_search_input_is_never_an_error(client, url, text):
    response = client.get(url, params={"q": text})
    assert response.status_code == 200, response.text


def test_punctuation_alone_matches_nothing(client):
    assert client.get("/api/events", params={"q": '"'}).json()["total"] == 0
    assert client.get("/api/events", params={"q": "  "}).json()["total"] > 0  # blank: any


def test_an_edited_note_is_found_by_its_new_words_and_not_its_old(client, store, login):
    token = login(client, "ed", "editor")
    event_id = first_event(store, location="Sévaré")

    def edit_notes(value):
        form = {"csrf": token, "field": "notes", "value": value, "reason": "checked"}
        assert client.post(f"/events/{event_id}/edit", data=form).status_code == 303

    assert _ids(client, q="zanzibar") == []
    edit_notes("Zanzibar granaries burned near the airport.")
    assert _ids(client, q="zanzibar granaries") == [event_id]
    edit_notes("Car bombs near the airport.")
    assert _ids(client, q="zanzibar") == []
    assert event_id in _ids(client, q="car bombs airport")
