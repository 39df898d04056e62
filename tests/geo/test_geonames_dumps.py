"""The full GeoNames country dumps, when the shared copy is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwatch.geo.geocoder import Geocoder

DUMPS = Path("/work/shared/data/geonames")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (DUMPS / "ML.txt").is_file(), reason="GeoNames dumps not available"),
]


@pytest.fixture(scope="module")
def full_geocoder() -> Geocoder:
    return Geocoder(geonames_dir=DUMPS)


def test_tinzaouaten(full_geocoder: Geocoder) -> None:
    (place,) = full_geocoder.geoparse("JNIM fighters attacked Tinzaouaten.", countries=["ML"])
    assert (place.country_code, place.admin1) == ("ML", "Kidal")
    assert place.latitude == pytest.approx(19.95, abs=0.1)


def test_inates(full_geocoder: Geocoder) -> None:
    (place,) = full_geocoder.geoparse("ISGS overran the army camp at Inates.", countries=["NE"])
    assert (place.country_code, place.admin1) == ("NE", "Tillaberi")
    assert place.latitude == pytest.approx(15.23, abs=0.1)


def test_a_village_only_the_dumps_know(full_geocoder: Geocoder) -> None:
    place = full_geocoder.resolve("Hombori", countries=["ML"])
    assert place is not None and place.admin2 == "Douentza"


def test_a_facility_named_in_full_is_a_place(full_geocoder: Geocoder) -> None:
    # GeoNames files the airport as a spot (AIRP); its full name is no common word.
    (place,) = full_geocoder.geoparse("Militants fired rockets toward the Diffa Airport.")
    assert (place.country_code, place.admin1) == ("NE", "Diffa")


@pytest.mark.parametrize(
    ("name", "country", "admin2"),
    [
        ("Andéranboukan", "ML", "Menaka"),  # a 2016 cercle, coded as Menaka as ACLED does
        ("Infoukaretane", "ML", "Menaka"),  # GeoNames: Gao region; Menaka cercle is nearest
        ("Telataï", "ML", "Ansongo"),  # Talataye commune of Ansongo, nearer Menaka's seat
        ("Tioli", "BF", "Loroum"),  # GeoNames: Yatenga's code; Loroum was carved from it
    ],
)
def test_admin2_of_units_geonames_has_not_split(
    full_geocoder: Geocoder, name: str, country: str, admin2: str
) -> None:
    place = full_geocoder.resolve(name, countries=[country])
    assert place is not None and place.admin2 == admin2


def test_a_cercle_of_the_older_region_is_no_hint_for_a_village_of_the_newer(
    full_geocoder: Geocoder,
) -> None:
    # Our I-n-Taraka, a near spelling, lies in Menaka region, carved from Gao; "(Gao,
    # Gao)" names the Gao cercle, so the unknown Intahaka is coded to that cercle.
    (place,) = full_geocoder.geoparse("Gunmen shot a gold miner in Intahaka (Gao, Gao).")
    assert (place.admin2, place.geo_precision) == ("Gao", 2)


def test_people_opening_a_sentence_are_no_village(full_geocoder: Geocoder) -> None:
    # GeoNames gives a Burkinabe village the alternate name "Women".
    places = full_geocoder.geoparse("Women in Timbuktu protested against the curfew.")
    assert [p.name for p in places] == ["Timbuktu"]
