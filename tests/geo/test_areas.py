"""Admin units as ACLED codes them, and admin units named anywhere in a text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.geo.geocoder import Geocoder
from conflictwatch.model import Article
from support import OVERRIDES_HEADER as HEADER
from support import geocoder_with_places as make

# Two villages of one name in two regions; the Sikasso one comes first, so it
# wins a tie when the text says nothing more. It is also the closer one to
# Mopti town and no farther from Koro, so distance alone would not pick the other.
KOBOU = (
    HEADER
    + "Kobou,,12.6000,-4.6000,ML,Sikasso,Bougouni\n"
    + "Kobou,,15.3000,-1.3000,ML,Mopti,Douentza\n"
)


def located(geocoder: Geocoder, text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.mention, p.admin1, p.admin2) for p in geocoder.geoparse(text, countries=["ML"])]


def test_niger_2011_department_is_coded_as_acled_older_department(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # A village next to Bosso (a department since 2011) is in ACLED's Diffa department.
    geocoder = make(small_geocoder, tmp_path, HEADER + "Toumour,,13.62,13.11,NE,Diffa,\n")
    (place,) = geocoder.geoparse("Militants attacked Toumour.", countries=["NE"])
    assert (place.admin1, place.admin2) == ("Diffa", "Diffa")


def test_a_hint_naming_a_2011_department_codes_to_its_seat_under_acled_name(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, HEADER)
    (place,) = geocoder.geoparse("Gunmen raided Garin Dogo (Bosso, Diffa).", countries=["NE"])
    assert (place.name, place.admin1, place.admin2, place.geo_precision) == (
        "Bosso",
        "Diffa",
        "Diffa",
        2,
    )
    assert (round(place.latitude, 1), round(place.longitude, 1)) == (13.7, 13.3)


def test_without_other_evidence_the_first_homonym_wins(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, KOBOU)
    assert located(geocoder, "Gunmen attacked Kobou.") == [("Kobou", "Sikasso", "Bougouni")]


def test_a_region_named_elsewhere_picks_the_homonym_inside_it(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, KOBOU)
    text = "Gunmen attacked Kobou. Attacks have multiplied in the Mopti region."
    assert located(geocoder, text)[0] == ("Kobou", "Mopti", "Douentza")


def test_another_village_hint_names_the_cercle(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, KOBOU)
    text = "Gunmen attacked Kobou and then Sinda (Douentza, Mopti)."
    assert located(geocoder, text)[0] == ("Kobou", "Mopti", "Douentza")


def test_a_town_named_like_its_cercle_speaks_for_the_cercle(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Koro is a town and the cercle around it (Mopti region).
    geocoder = make(small_geocoder, tmp_path, KOBOU)
    text = "Dozos clashed with militants near Kobou, a village of the Koro area."
    assert located(geocoder, text)[0] == ("Kobou", "Mopti", "Douentza")


def test_a_place_own_hint_is_not_counted_twice(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # The region only the mention itself names must not sway a lone homonym.
    geocoder = make(small_geocoder, tmp_path, KOBOU)
    areas = geocoder._areas(geocoder._scan("Gunmen attacked Kobou.", places=True))
    assert areas == {}


def test_curated_department_seats_outrank_same_named_hamlets(geocoder: Geocoder) -> None:
    (place,) = geocoder.geoparse("Militants attacked the military camp in Koutougou.")
    assert (place.country_code, place.admin1, place.admin2) == ("BF", "Sahel", "Soum")
    (place,) = geocoder.geoparse("An IED struck a patrol near Banh.")
    assert (place.admin1, place.admin2) == ("Nord", "Loroum")


def test_a_local_outlets_region_picks_the_homonym_inside_it(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, KOBOU)
    text = "Gunmen attacked Kobou."
    places = geocoder.geoparse(text, countries=["ML"], cues=[("ML", ""), ("ML", "Mopti")])
    assert [(p.mention, p.admin1) for p in places] == [("Kobou", "Mopti")]
    # With no place named, the outlet's region is where the event is put (precision 3).
    place = geocoder.cued_region("Gunmen burned a granary.", "ML", [("ML", "Mopti")])
    assert place is not None and (place.admin1, place.geo_precision) == ("Mopti", 3)
    assert geocoder.cued_region("Gunmen burned a granary.", "BF", [("ML", "Mopti")]) is None


def test_a_place_word_inside_a_partys_name_is_not_a_place(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # A village named "Faso": the party's name is listed with Burkina Faso's parties
    # (actors.jsonl, "cues"), so the word inside it is not a place.
    pipeline = build_pipeline(load_settings({"progress": False}))
    geocoder = make(small_geocoder, tmp_path, HEADER + "Faso,,16.2,-3.8,ML,Tombouctou,\n")
    pipeline.context.factories["geocoder"] = lambda: geocoder
    text = "Gunmen stormed the headquarters of the New Alliance of Faso."
    assert pipeline(Article("t", text, date(2020, 3, 2))).places == []
    text = "Gunmen stormed the village of Faso."
    assert [p.name for p in pipeline(Article("t", text, date(2020, 3, 2))).places] == ["Faso"]


# Two villages of one name in one region, one in the cercle named like the region.
# The Mopti-cercle one comes first, so it wins a tie.
NIMBOKO = (
    HEADER
    + "Nimboko,,14.5500,-4.1000,ML,Mopti,Mopti\n"
    + "Nimboko,,13.5000,-3.7700,ML,Mopti,Bankass\n"
)


def test_a_hint_word_names_one_unit_not_the_region_and_a_cercle_at_once(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, NIMBOKO)

    def latitude(text: str) -> float:
        (place,) = geocoder.geoparse(text, countries=["ML"])
        return place.latitude

    # "Mopti" after "Bankass" is the region: the Bankass village is meant.
    assert latitude("Gunmen attacked Nimboko (Bankass, Mopti).") == 13.5
    # Said twice, it names the cercle and the region.
    assert latitude("Gunmen attacked Nimboko (Mopti, Mopti).") == 14.55
