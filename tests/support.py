"""Small hand-built objects the tests share (import as `support`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from conflictwatch.model import Claim, Place, Report

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def make_place(name="Kidal", lat=18.44, lon=1.41, precision=1, admin1="Kidal", country="Mali"):
    return Place(name, country, "ML", admin1, None, lat, lon, precision)


def make_report(
    article="a1",
    sub="Air/drone strike",
    event_type="Explosions/Remote violence",
    day="2024-03-27",
    place=None,
    figures=(),
    start=0,
    **extra,
):
    claims = [Claim(article, by, n, "exact", "quote", 0, 5) for n, by in figures]
    return Report(
        article=article,
        event_type=event_type,
        sub_event_type=sub,
        event_date=day,
        time_precision=1 if day else None,
        place=place or make_place(),
        claims=claims,
        start=start,
        end=start + 10,
        **extra,
    )


# The header of a gazetteer override CSV (see README, Gazetteer).
OVERRIDES_HEADER = "name,alternate_names,latitude,longitude,country,admin1,admin2\n"


def geocoder_with_places(small_geocoder: Callable[..., Any], tmp_path: Path, rows: str) -> Any:
    """tests/geo's small geocoder plus the override CSV `rows`, without the
    conflict-zone prior: for tests about evidence in the text, whose ties it
    would otherwise decide."""
    path = tmp_path / "places.csv"
    path.write_text(rows, encoding="utf-8")
    geocoder = small_geocoder(overrides=path)
    geocoder._zones = {}
    return geocoder
