"""Server-rendered pages: map, timeline, event, article, audit, downloads."""

from __future__ import annotations

import csv
import io
import re

from markupsafe import escape
from web_helpers import first_event

from conflictwatch.model import ACLED_COLUMNS


def test_map_page_lists_filtered_events_and_links_every_asset_locally(client, store):
    page = client.get("/", params={"country": "Mali"})
    assert page.status_code == 200
    assert f'<strong id="total">{store.count_events(_mali())}</strong>' in page.text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert any("leaflet.js" in a for a in assets) and any("markercluster" in a for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/static/vendor/world-atlas/countries-50m.json").status_code == 200
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page.text)  # nothing remote


def _mali():
    from conflictwatch.store import EventFilter

    return EventFilter(country="Mali")


def test_pages_forbid_remote_assets_by_policy(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy


def test_timeline_draws_weekly_bars(client):
    page = client.get("/timeline")
    assert page.status_code == 200
    assert page.text.count("<rect") >= 2
    assert "week of 2023-11-06" in page.text  # the Kidal strikes of 7 November 2023


def test_event_page_shows_claims_sources_with_highlights_grade_and_history(client, store):
    event_id = first_event(store, grade="contested")
    event = store.get_event(event_id)
    page = client.get(f"/events/{event_id}")
    assert page.status_code == 200
    text = page.text
    assert 'id="claims"' in text and "contested" in text
    for claim in event.claims:
        assert str(escape(claim.quote)) in text
    assert text.count('<article class="source">') == len(event.articles)
    assert '<mark class="claim"' in text
    assert "v1" in text and str(escape(event.contradictions[0])) in text


def test_event_page_without_login_offers_no_review_forms(client, store):
    page = client.get(f"/events/{first_event(store)}")
    assert 'action="/events/' not in page.text and "Log in" in page.text


def test_article_page_highlights_its_events(client, store):
    event = store.get_event(first_event(store, grade="contested"))
    page = client.get(f"/articles/{event.articles[0]}")
    assert page.status_code == 200
    assert f'href="/events/{event.event_id}"' in page.text and "<mark" in page.text
    assert client.get("/articles/nope").status_code == 404


def test_csv_download_has_acled_columns_and_the_filtered_rows(client, store):
    response = client.get("/download/events.csv", params={"country": "Mali"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert len(rows) == store.count_events(_mali())
    assert {row["country"] for row in rows} == {"Mali"}


def test_geojson_download_is_a_feature_collection_of_the_filter(client, store):
    body = client.get("/download/events.geojson", params={"min_fatalities": 10}).json()
    assert body["type"] == "FeatureCollection"
    assert body["features"] and all(f["properties"]["fatalities"] >= 10 for f in body["features"])
    assert client.get("/download/events.xlsx").status_code == 404


def test_a_malformed_filter_on_a_page_is_a_400_page(client):
    page = client.get("/", params={"until": "2024-13-45"})
    assert page.status_code == 400 and "until" in page.text


def test_reading_can_require_a_login(make_client, login):
    client = make_client(web_login_required=True)
    assert client.get("/").status_code == 303
    assert client.get("/").headers["location"].startswith("/login")
    assert client.get("/api/events").status_code == 401
    login(client, "vera", "viewer")
    assert client.get("/").status_code == 200
    assert client.get("/api/events").status_code == 200
