"""Spelling variants, facility names, stopword look-alikes and admin units written
after a place: one sentence per rule, on the five-town base plus override rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conflictwatch.geo.gazetteer import qualified_base, within_one_edit
from conflictwatch.geo.geocoder import Geocoder

HEADER = "name,alternate_names,latitude,longitude,country,admin1,admin2\n"
ROWS = (
    "Goudoubo,,14.00,-0.06,BF,Sahel,Seno\n"
    "Mentao,,13.95,-1.67,BF,Sahel,Soum\n"
    "Basse,,13.71,-1.65,BF,Centre-Nord,Bam\n"
    "Madouba,,13.07,-4.26,BF,Boucle du Mouhoun,Kossi\n"
    "Madouba,,12.21,-8.56,ML,Koulikoro,Kangaba\n"
    "Yendouma,,14.56,-3.24,ML,Mopti,Bandiagara\n"
    "Yendouma,,13.50,-6.00,ML,Segou,Segou\n"
    "Lassa Foulbe,,14.39,-1.82,BF,Sahel,Soum\n"
    "Aguelhok,,19.46,0.86,ML,Kidal,Tessalit\n"
    "Tebana,,13.45,-6.25,ML,Segou,Segou\n"
    "Sirakoro,,13.40,-6.20,ML,Segou,Segou\n"
    "Kolbila,,10.10,-4.60,BF,Cascades,Comoe\n"
)


@pytest.fixture
def geocoder(small_geocoder: Callable[..., Geocoder], tmp_path: Path) -> Geocoder:
    overrides = tmp_path / "places.csv"
    overrides.write_text(HEADER + ROWS, encoding="utf-8")
    return small_geocoder(overrides=overrides)


@pytest.fixture
def overrides_with(tmp_path: Path) -> Callable[[str], Path]:
    """The override rows above plus `extra`, as a file."""

    def write(extra: str) -> Path:
        path = tmp_path / "more-places.csv"
        path.write_text(HEADER + ROWS + extra, encoding="utf-8")
        return path

    return write


def names(geocoder: Geocoder, text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.admin2) for p in geocoder.geoparse(text) if p.feature_code != "PCLI"]


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("gudubo", "gudubu", True),  # changed
        ("almustarat", "almustarast", True),  # inserted
        ("akuelhok", "aguelhok", True),
        ("tugerekumbe", "tuegrekumbe", True),  # swapped
        ("tugerekumbe", "toguerekumbe", False),  # two edits
        ("bamako", "bamako", True),
        ("abcdef", "abcdefgh", False),
    ],
)
def test_within_one_edit(a: str, b: str, near: bool) -> None:
    assert within_one_edit(a, b) is near
    assert within_one_edit(b, a) is near


def test_spelling_variant_after_a_cue(geocoder: Geocoder) -> None:
    assert names(geocoder, "Gunmen attacked the gendarmerie in Goudoubou.") == [
        ("Goudoubo", "Seno")
    ]
    assert names(geocoder, "Soldiers were killed in Aquelhok.") == [("Aguelhok", "Tessalit")]


def test_no_variant_without_a_cue_or_for_short_names(geocoder: Geocoder) -> None:
    assert names(geocoder, "Goudoubou said the talks would resume.") == []
    assert names(geocoder, "Gunmen attacked Djiba.") == []  # 'jiba': too short to bend


def test_variant_far_from_the_other_places_is_dropped(geocoder: Geocoder) -> None:
    # An unknown village near Djibo is not a misspelt Aguelhok 600 km away.
    text = "Militants attacked the village of Aquelhok, near Djibo."
    assert names(geocoder, text) == [("Djibo", "Soum")]


def test_variant_inside_the_region_the_text_names_is_kept(geocoder: Geocoder) -> None:
    # Far from Mopti town, but in the Mopti region the sentence names.
    text = "Gunmen attacked a post in the Yendouka area in the Mopti region."
    assert names(geocoder, text)[0] == ("Yendouma", "Bandiagara")
    text = "Gunmen attacked a post in the Yendouka area in the Kidal region."
    assert [p.name for p in geocoder.geoparse(text)] == ["Kidal"]


def test_variant_outside_the_country_the_text_names_is_dropped(geocoder: Geocoder) -> None:
    # Our only near spelling lies in Burkina Faso; a text about Niger means another.
    text = "An IED hit a vehicle in the area of Goudoubou."
    assert geocoder.geoparse(text, countries=["BF"])[0].name == "Goudoubo"
    assert [p.name for p in geocoder.geoparse(text, countries=["NE"])] == []
    # An exact name abroad still stands: the text may name a neighbour's army.
    text = "An IED hit a vehicle in the area of Goudoubo."
    assert [p.name for p in geocoder.geoparse(text, countries=["NE"])] == ["Goudoubo"]


def test_variant_outside_the_outlet_country_is_dropped(geocoder: Geocoder) -> None:
    # The same for the outlet's country, unless the text names or cues the other one.
    text = "An IED hit a vehicle in the area of Goudoubou."
    assert geocoder.geoparse(text, cues=[("BF", "")])[0].name == "Goudoubo"
    assert [p.name for p in geocoder.geoparse(text, cues=[("ML", "")])] == []
    named = "An IED hit a vehicle of the Burkinabe army in the area of Goudoubou."
    assert geocoder.geoparse(named, cues=[("ML", "")])[0].name == "Goudoubo"


def test_variant_whose_units_the_hint_does_not_name_defers_to_the_hint(
    geocoder: Geocoder,
) -> None:
    (place,) = geocoder.geoparse("Gunmen burned a school in Goudoubou (Koro, Mopti).")
    assert (place.name, place.geo_precision) == ("Koro", 2)


def test_place_before_facility_words(geocoder: Geocoder) -> None:
    assert names(geocoder, "Militants attacked the Mentao Refugee Camp.") == [("Mentao", "Soum")]
    assert names(geocoder, "A soldier died at the Djibo Military Camp.") == [("Djibo", "Soum")]


def test_stopword_lookalike_after_a_locative_cue(geocoder: Geocoder) -> None:
    assert names(geocoder, "Clashes were reported in Basse.") == [("Basse", "Bam")]
    assert names(geocoder, "Basse was quiet.") == []  # no cue: still the stopword key
    assert names(geocoder, "The convoy was ambushed in May.") == []  # the word itself


def test_building_adjectives_and_aircraft_are_no_towns(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    overrides = tmp_path / "places.csv"
    lookalikes = "Grand,,48.39,5.48,FR,Grand Est,Vosges\nTigre,,11.30,-1.10,BF,Centre-Sud,Nahouri\n"
    overrides.write_text(HEADER + ROWS + lookalikes, encoding="utf-8")
    geocoder = small_geocoder(overrides=overrides)
    text = "Crowds gathered at the Grand Mosque in Mentao against the French president's words."
    assert names(geocoder, text) == [("Mentao", "Soum")]
    text = "Troops attacked near Mentao, supported by Tigre and Gazelle helicopters."
    assert names(geocoder, text) == [("Mentao", "Soum")]


def test_unit_written_after_a_comma_picks_the_homonym(geocoder: Geocoder) -> None:
    text = "Militants attacked the police station in Madouba, Kossi Province."
    (place,) = geocoder.geoparse(text)
    assert (place.country_code, place.admin2) == ("BF", "Kossi")


def test_commune_between_place_and_hint(geocoder: Geocoder) -> None:
    text = "Militiamen attacked the village of Yendouma, Sangha Commune (Bandiagara, Mopti)."
    assert names(geocoder, text) == [("Yendouma", "Bandiagara")]


def test_village_named_without_its_community_qualifier(geocoder: Geocoder) -> None:
    assert qualified_base("Lassa Foulbe") == "Lassa"
    assert qualified_base("Gomde-Peulh") == "Gomde"
    assert qualified_base("Koro") is None
    (place,) = geocoder.geoparse("Soldiers killed 30 people in the village of Lassa.")
    assert place.name == "Lassa Foulbe"


def test_a_quarter_we_do_not_know_is_placed_at_its_village(geocoder: Geocoder) -> None:
    assert qualified_base("Kacham-Ouest") == "Kacham"
    for text in (
        "Gunmen burned a school in Mentao-Ouest.",
        "Gunmen burned a school in Mentao-Mossi.",
        "Gunmen burned a school in Mentao-Ouro.",  # Fula "ouro", the hamlet
    ):
        assert names(geocoder, text) == [("Mentao", "Soum")]


def test_a_quarter_of_a_village_the_hint_does_not_place_is_left_to_the_hint(
    small_geocoder: Callable[..., Geocoder], overrides_with: Callable[[str], Path]
) -> None:
    # Our only Kolbila is in Burkina Faso, not in the Koro cercle of Mali named: the
    # quarter belongs to another Kolbila, coded to the cercle at precision 2, even
    # though a hamlet near that Kolbila shares the name of the region.
    geocoder = small_geocoder(overrides=overrides_with("Mopti,,10.15,-4.58,BF,Cascades,Comoe\n"))
    (place,) = geocoder.geoparse("Gunmen attacked Kolbila-Peulh (Koro, Mopti).")
    assert (place.country_code, place.admin2, place.geo_precision) == ("ML", "Koro", 2)


def test_a_commune_nearby_does_not_outweigh_the_cercle_named(geocoder: Geocoder) -> None:
    # Our only Tebana lies next to a Sirakoro, but in Segou; the hint names Koro
    # cercle (Mopti), so this is another Tebana: coded to Koro at precision 2.
    (place,) = geocoder.geoparse("Gunmen attacked the village of Tebana (Sirakoro, Koro).")
    assert (place.admin1, place.admin2, place.geo_precision) == ("Mopti", "Koro", 2)
    (place,) = geocoder.geoparse("Gunmen attacked the village of Tebana (Sirakoro, Segou).")
    assert (place.name, place.geo_precision) == ("Tebana", 1)


def test_a_bracketed_other_name_codes_the_village_itself(geocoder: Geocoder) -> None:
    # An unknown spelling, the name we know in brackets, then its units.
    (place,) = geocoder.geoparse("Gunmen attacked Sabtenga Peulh [Goudoubo] (Dori, Seno).")
    assert (place.name, place.admin2, place.geo_precision) == ("Goudoubo", "Seno", 1)
    assert place.mention == "Sabtenga Peulh"
    # A known name keeps itself when we know no place of the bracket's name; the
    # bracket is skipped and the units still read.
    (place,) = geocoder.geoparse("Gunmen attacked Mentao [Mentao camp] (Djibo, Soum).")
    assert (place.name, place.admin2) == ("Mentao", "Soum")


def test_a_bracketed_village_far_from_the_name_before_it_is_the_place(
    geocoder: Geocoder,
) -> None:
    # Our Kolbila lies in Cascades, 400 km from Mentao: "Kolbila (Mentao)" names
    # another Kolbila, the one that goes by Mentao or lies in its commune.
    (place,) = geocoder.geoparse("Gunmen burned a shop in Kolbila (Mentao).")
    assert (place.name, place.admin2) == ("Mentao", "Soum")
    # A village near the one in brackets is that village: Basse lies by Mentao.
    (place,) = geocoder.geoparse("Gunmen burned a shop in Basse (Mentao).")
    assert (place.name, place.admin2) == ("Basse", "Bam")


def test_a_country_named_as_a_border_does_not_move_the_text_abroad(geocoder: Geocoder) -> None:
    text = "Gunmen attacked the police station in Kolbila near the border with Ivory Coast."
    assert ("Kolbila", "Comoe") in names(geocoder, text)


def test_a_road_named_by_its_two_towns_codes_both_near(geocoder: Geocoder) -> None:
    found = geocoder.geoparse("A bus hit a mine on the Mentao-Goudoubo road.")
    assert [(p.name, p.geo_precision) for p in found] == [("Mentao", 2), ("Goudoubo", 2)]


def test_a_variant_the_brackets_place_only_by_region_is_another_village(
    small_geocoder: Callable[..., Geocoder], overrides_with: Callable[[str], Path]
) -> None:
    # Our Kinja Indi (a near spelling of Kindjandi) lies in the Diffa region, 150 km
    # from the commune the brackets name: the village is one we lack, coded to it.
    extra = "Kinja Indi,,13.92,11.19,NE,Diffa,Maine Soroa\nGueskerou,,13.49,12.86,NE,Diffa,Diffa\n"
    geocoder = small_geocoder(overrides=overrides_with(extra))
    text = "Gunmen abducted two women in Kindjandi (Gueskerou, Diffa)."
    (place,) = geocoder.geoparse(text)
    assert (place.name, place.admin2, place.geo_precision) == ("Gueskerou", "Diffa", 2)
    # Near the named commune the variant is the village.
    extra = extra.replace("13.92,11.19", "13.55,12.80")
    geocoder = small_geocoder(overrides=overrides_with(extra))
    (place,) = geocoder.geoparse(text)
    assert (place.name, place.geo_precision) == ("Kinja Indi", 1)


def test_a_misspelt_cercle_in_brackets_is_the_cercle_one_edit_away(
    small_geocoder: Callable[..., Geocoder], overrides_with: Callable[[str], Path]
) -> None:
    extra = (
        "Tamsi,,15.20,-4.20,ML,Mopti,Youwarou\n"
        "Tamsi,,14.90,-2.10,ML,Mopti,Douentza\n"
        "Douentza,,15.00,-2.95,ML,Mopti,Douentza\n"
    )
    geocoder = small_geocoder(overrides=overrides_with(extra))
    assert names(geocoder, "Gunmen attacked Tamsi, Mondoro Commune (Douenzta, Mopti).") == [
        ("Tamsi", "Douentza")
    ]
    # A lone bracketed word may be another village's name, not a misspelt unit.
    assert names(geocoder, "Gunmen attacked Tamsi (Sissiri).") != [("Sissili", "Sissili")]


def test_a_near_spelling_a_note_says_it_was_coded_as(
    small_geocoder: Callable[..., Geocoder], overrides_with: Callable[[str], Path]
) -> None:
    extra = (
        "Bartibougou,,12.88,0.80,BF,Est,Komonjdjari\n"
        "Markoye,,14.65,0.04,BF,Sahel,Oudalan\n"
        "Taka Bangou,,14.10,0.90,NE,Tillaberi,Tera\n"
    )
    geocoder = small_geocoder(overrides=overrides_with(extra))
    text = "Gunmen attacked the village of Kofogou (coded as Bartiebougou at geoprecision 2)."
    assert [(p.name, p.geo_precision) for p in geocoder.geoparse(text)] == [("Bartibougou", 2)]
    # Far from the place it replaces, the near spelling is another village: that place
    # stays the scene.
    text = "Gunmen robbed a tricycle between Tokabangou and Markoye (coded as Tokabangou)."
    assert [p.name for p in geocoder.geoparse(text)] == ["Markoye"]


def test_units_after_an_unknown_village_and_its_unknown_other_name(
    small_geocoder: Callable[..., Geocoder], overrides_with: Callable[[str], Path]
) -> None:
    geocoder = small_geocoder(overrides=overrides_with("Gueskerou,,13.49,12.86,NE,Diffa,Diffa\n"))
    text = "Militants abducted a woman in Maloum-Djori [Maldjori] (Gueskerou, Diffa)."
    (place,) = geocoder.geoparse(text)
    # Coded to the commune near which the village lies, as without the other name.
    assert (place.name, place.geo_precision, place.mention) == ("Gueskerou", 2, "Maloum-Djori")
