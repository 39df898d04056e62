"""Admin units as ACLED codes them, and admin units named anywhere in a text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.geo.geocoder import Geocoder
from conflictwatch.geo.normalize import name_key
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


# Two namesakes near the Bankass seat, both in the Mopti region. The one the
# gazetteer puts in the Djenne cercle comes first (it wins a tie) and lies farther.
SIRANGO = (
    HEADER
    + "Sirango,,13.7000,-3.9500,ML,Mopti,Djenne\n"
    + "Sirango,,14.1500,-3.6000,ML,Mopti,Mopti\n"
)


def test_a_region_word_after_a_cercle_does_not_name_the_homonymous_cercle(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # "(Bankass, Mopti)": Mopti is the region; the namesake our gazetteer files
    # under the Mopti cercle may still be the one beside Bankass.
    geocoder = make(small_geocoder, tmp_path, SIRANGO)
    (place,) = geocoder.geoparse("Gunmen attacked Sirango (Bankass, Mopti).", countries=["ML"])
    assert place.latitude == 14.15


def test_of_two_namesakes_near_a_named_cercle_the_nearer_its_seat_wins(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = HEADER + "Tomboro,,13.7000,-3.9500,ML,Mopti,Djenne\n"
    rows += "Tomboro,,14.1500,-3.6000,ML,Mopti,Djenne\n"
    geocoder = make(small_geocoder, tmp_path, rows)
    (place,) = geocoder.geoparse("Gunmen attacked Tomboro (Bankass, Mopti).", countries=["ML"])
    assert place.latitude == 14.15


# A village in the Koro cercle and a namesake elsewhere that comes first.
TINKARO = (
    HEADER
    + "Tinkaro,,11.5000,-6.5000,ML,Sikasso,Bougouni\n"
    + "Tinkaro,,14.2000,-3.0000,ML,Mopti,Koro\n"
)


def test_a_commune_between_a_village_and_its_hint_passes_the_hint_on(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # "X in Y 2 Commune (Koro, Mopti)": the units describe X; they are no places.
    geocoder = make(small_geocoder, tmp_path, TINKARO)
    text = "Gunmen attacked the village of Tinkaro in Wello 2 Commune (Koro, Mopti)."
    assert located(geocoder, text) == [("Tinkaro", "Mopti", "Koro")]


def test_a_communes_units_after_its_kind_are_its_hint(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, TINKARO)
    text = "Gunmen attacked the hamlet of Sogolo (Sogo), Tinkaro Commune (Koro, Mopti)."
    assert located(geocoder, text) == [("Tinkaro", "Mopti", "Koro")]


def test_a_village_named_like_its_cercle_is_taken_for_the_seat(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = HEADER + "Dialako,,11.5000,-6.5000,ML,Sikasso,Bougouni\n"
    rows += "Dialako,,13.0000,-11.0000,ML,Kayes,Dialako\n"
    geocoder = make(small_geocoder, tmp_path, rows)
    assert located(geocoder, "Riots broke out in Dialako.") == [("Dialako", "Kayes", "Dialako")]


def test_a_coders_note_in_brackets_is_no_admin_hint(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # The note names the place the event was coded to; the village is replaced.
    geocoder = make(small_geocoder, tmp_path, TINKARO + "Sogolo,,14.3000,-3.1000,ML,Mopti,Koro\n")
    text = "Gunmen attacked the village of Sogolo (Coded as Tinkaro at geoprecision 2)."
    assert located(geocoder, text) == [("Tinkaro", "Sikasso", "Bougouni")]


def test_a_lone_hint_word_counts_once_for_a_cercle_named_like_its_region(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, NIMBOKO)
    gaz = geocoder.gazetteer
    (in_mopti_cercle,) = [
        p for p in gaz.candidates(name_key("Nimboko")) if gaz.admin2s[p] == "Mopti"
    ]
    # "Nimboko, Mopti Region": the word matched the cercle; it is not the region too.
    assert geocoder._hint_bonus(in_mopti_cercle, ["mopti"]) == 8.0
    # "Nimboko (Mopti, Mopti)": the cercle and the region.
    assert geocoder._hint_bonus(in_mopti_cercle, ["mopti", "mopti"]) == 14.0


def test_a_stated_distance_bounds_where_the_place_near_another_lies(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Our only Tamkeni lies about 50 km from Djibo.
    geocoder = make(small_geocoder, tmp_path, HEADER + "Tamkeni,,14.5500,-1.6200,BF,Sahel,Soum\n")

    def named(text: str) -> list[str | None]:
        return [p.mention for p in geocoder.geoparse(text, countries=["BF"])]

    assert named("Gunmen kidnapped a trader in Tamkeni, 45 km from Djibo.") == ["Tamkeni", "Djibo"]
    # 20 km from Djibo: the text's Tamkeni is not ours; the event goes to Djibo.
    assert named("Gunmen kidnapped a trader in Tamkeni, 20 km from Djibo.") == ["Djibo"]
    # The distance may be written in words, with a direction.
    assert named("Gunmen kidnapped a trader in Tamkeni, four kilometers south of Djibo.") == [
        "Djibo"
    ]
    assert named("Gunmen kidnapped a trader in Tamkeni, forty-five km north of Djibo.") == [
        "Tamkeni",
        "Djibo",
    ]


def test_a_people_in_brackets_is_no_unit_of_the_name_before(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # A wadi called Arab: "(Arab)" after an unknown tribal name tells the tribe's people.
    geocoder = make(small_geocoder, tmp_path, HEADER + "Arab,,19.8000,6.9700,NE,Agadez,Arlit\n")
    text = "Gunmen shot the chief of the Oulad Malouk (Arab) fraction in Kidal."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Kidal"]


def test_a_part_of_a_town_lies_in_that_town(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Our only Aliou is a village 900 km from Kidal, in Niger.
    geocoder = make(small_geocoder, tmp_path, HEADER + "Aliou,,14.8000,5.9000,NE,Tahoua,Bouza\n")

    def named(text: str) -> list[tuple[str | None, str | None]]:
        return [(p.mention, p.country_code) for p in geocoder.geoparse(text)]

    assert named("Gunmen shot two chiefs in the Aliou neighborhood of Kidal.") == [("Kidal", "ML")]
    # Named alone, the village keeps its place.
    assert named("Gunmen shot two chiefs in Aliou.") == [("Aliou", "NE")]


def test_a_known_name_in_square_brackets_is_the_place(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # "Tonou [Tondo Erkokoni]": the bracket is the gazetteer name the writer coded;
    # our Tonou is another village, 80 km away.
    rows = "Tonou,,14.0670,-3.3430,ML,Mopti,Koro\nTondo Erkokoni,,14.2580,-2.5730,ML,Mopti,Koro\n"
    geocoder = make(small_geocoder, tmp_path, HEADER + rows)
    for text in (
        "Militants burned a school in Tonou [Tondo Erkokoni] (Koro, Mopti).",
        "Militants burned a school in Tonou [Tondo Erkokoni].",
    ):
        (place,) = geocoder.geoparse(text, countries=["ML"])
        assert (place.name, place.mention) == ("Tondo Erkokoni", "Tonou"), text
