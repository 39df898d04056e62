"""Small hand-built articles, reports and events, and an in-memory store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from conflictwatch.model import Article, Claim, Event, Evidence, Place, Report
from conflictwatch.store import Store

TEXT = (
    "Gunmen attacked the village of Kaya on Monday, killing at least 12 civilians, "
    "local officials said. A witness said about 15 people died."
)


class Clock:
    """A clock that moves one minute per reading, so every timestamp differs."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:", clock=Clock()) as opened:
        yield opened


@pytest.fixture
def article() -> Article:
    return Article(
        id="a1",
        text=TEXT,
        published=date(2024, 5, 1),
        url="https://example.org/kaya",
        title="Attack on Kaya",
        source="seeds/a1.txt",
        meta={"lang": "en", "tags": ["sahel"]},
    )


@pytest.fixture
def report(article: Article) -> Report:
    text = article.text
    first, second = "killing at least 12 civilians", "about 15 people died"
    sentence = span(text, "Gunmen attacked the village of Kaya on Monday")
    return Report(
        article=article.id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        event_date="2024-04-29",
        time_precision=1,
        actor1="Unidentified Armed Group (Burkina Faso)",
        actor2="Civilians (Burkina Faso)",
        assoc_actor_1=["Gunmen"],
        inter1=3,
        inter2=7,
        civilian_targeting=True,
        place=Place(
            name="Kaya",
            country="Burkina Faso",
            country_code="BF",
            admin1="Centre-Nord",
            admin2="Sanmatenga",
            latitude=13.0917,
            longitude=-1.0844,
            geo_precision=1,
            geonameid=2357048,
            feature_code="PPLA",
            score=0.9,
            start=text.index("Kaya"),
            end=text.index("Kaya") + 4,
            mention="Kaya",
        ),
        claims=[
            Claim(article.id, "local officials", 12, "at least", first, *span(text, first)),
            Claim(article.id, "a witness", 15, "about", second, *span(text, second)),
        ],
        hedged=False,
        confidence=0.8,
        notes="Gunmen attacked Kaya, killing at least 12 civilians.",
        start=sentence[0],
        end=sentence[1],
        evidence=[
            Evidence(article.id, "location", text.index("Kaya"), text.index("Kaya") + 4, "Kaya")
        ],
    )


@pytest.fixture
def make_event() -> Callable[..., Event]:
    def make(event_id: str = "e1", **fields: object) -> Event:
        values: dict[str, object] = {
            "event_type": "Violence against civilians",
            "sub_event_type": "Attack",
            "event_date": "2024-04-29",
            "time_precision": 1,
            "actor1": "Unidentified Armed Group (Burkina Faso)",
            "actor2": "Civilians (Burkina Faso)",
            "country": "Burkina Faso",
            "admin1": "Centre-Nord",
            "location": "Kaya",
            "latitude": 13.0917,
            "longitude": -1.0844,
            "geo_precision": 1,
            "fatalities": 12,
            "articles": ["a1"],
            "reports": ["r1"],
            "notes": "Gunmen attacked Kaya, killing at least 12 civilians.",
        }
        values.update(fields)
        return Event(event_id=event_id, **values)  # type: ignore[arg-type]

    return make
