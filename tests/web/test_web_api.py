"""The JSON API: same filters as the map, pagination, one event, OpenAPI."""

from __future__ import annotations

from web_helpers import first_event


def test_events_are_paginated_without_overlap(client, store):
    total = store.count_events()
    first = client.get("/api/events", params={"per_page": 5}).json()
    second = client.get("/api/events", params={"per_page": 5, "page": 2}).json()
    assert first["total"] == total and first["pages"] == -(-total // 5)
    assert len(first["events"]) == 5 and len(second["events"]) == 5
    ids = {e["event_id"] for e in first["events"]} | {e["event_id"] for e in second["events"]}
    assert len(ids) == 10


def test_filters_narrow_the_events(client, store):
    body = client.get("/api/events", params={"country": "Mali", "min_fatalities": 1}).json()
    assert body["total"] > 0
    assert body["total"] < store.count_events()
    for event in body["events"]:
        assert event["country"] == "Mali" and event["fatalities"] >= 1


def test_date_type_actor_and_text_filters(client, store):
    params = {
        "since": "2023-11-01",
        "until": "2023-11-30",
        "event_type": "Explosions/Remote violence",
    }
    events = client.get("/api/events", params=params).json()["events"]
    assert events
    for event in events:
        assert "2023-11-01" <= event["event_date"] <= "2023-11-30"
        assert event["event_type"] == "Explosions/Remote violence"
    kidal = client.get("/api/events", params={"q": "kidal"}).json()["events"]
    noted = {e.event_id for e in store.events() if "kidal" in e.notes.lower()}
    assert noted and noted <= {e["event_id"] for e in kidal}  # full text: see test_web_search


def test_a_malformed_filter_is_a_400_with_the_reason(client):
    response = client.get("/api/events", params={"since": "last week"})
    assert response.status_code == 400
    assert "since" in response.json()["detail"]
    assert client.get("/api/events", params={"min_fatalities": "-1"}).status_code == 400


def test_one_event_with_its_history(client, store):
    event_id = first_event(store)
    body = client.get(f"/api/events/{event_id}").json()
    assert body["event"]["event_id"] == event_id
    assert body["status"] == "active"
    assert body["history"][0]["version"] == 1
    assert "claims" in body["event"] and "grade" in body["event"]


def test_unknown_event_is_a_json_404(client):
    response = client.get("/api/events/ev-nope")
    assert response.status_code == 404
    assert response.json() == {"detail": "no event ev-nope"}


def test_points_are_the_located_filtered_events(client, store):
    body = client.get("/api/points", params={"country": "Mali"}).json()
    assert body["columns"] == ["id", "latitude", "longitude", "event_type", "fatalities"]
    mali = [e for e in store.events() if e.country == "Mali" and e.latitude is not None]
    assert sorted(p[0] for p in body["points"]) == sorted(e.event_id for e in mali)


def test_openapi_documents_the_api_and_no_cdn_docs_are_served(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/points"} <= set(schema["paths"])
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    expected = {"since", "until", "country", "admin1", "event_type", "actor"}
    assert expected | {"min_fatalities", "q", "page", "per_page"} <= names
    assert client.get("/docs").status_code == 404  # the stock page loads a CDN
    page = client.get("/api")
    assert page.status_code == 200 and "/api/events/{event_id}" in page.text
