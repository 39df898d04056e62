"""Sentence-scale checks of the real geocoder (base layer + shipped additions)."""

from __future__ import annotations

import pytest

from conflictwatch.geo.geocoder import Geocoder
from conflictwatch.model import Place


def only(places: list[Place], mention: str) -> Place:
    found = [place for place in places if place.mention == mention]
    assert len(found) == 1, [(p.mention, p.name) for p in places]
    return found[0]


def test_kidal_mali(geocoder: Geocoder) -> None:
    place = only(geocoder.geoparse("Gunmen attacked a checkpoint in Kidal, Mali."), "Kidal")
    assert place.latitude == pytest.approx(18.44, abs=0.05)
    assert place.longitude == pytest.approx(1.41, abs=0.05)
    assert (place.country, place.country_code, place.admin1) == ("Mali", "ML", "Kidal")
    assert place.geo_precision == 1


def test_country_qualifying_a_town_is_not_a_place(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("Gunmen attacked a checkpoint in Kidal, Mali.")
    assert [place.mention for place in places] == ["Kidal"]


def test_near_is_precision_2(geocoder: Geocoder) -> None:
    place = only(geocoder.geoparse("An IED exploded near Djibo on Tuesday."), "Djibo")
    assert (place.country_code, place.admin1, place.geo_precision) == ("BF", "Sahel", 2)


def test_distance_and_direction_is_coded_to_the_town(geocoder: Geocoder) -> None:
    text = "Soldiers were ambushed 50 km north of Gao."
    place = only(geocoder.geoparse(text, countries=["ML"]), "Gao")
    assert (place.name, place.country_code, place.geo_precision) == ("Gao", "ML", 2)


def test_between_two_towns(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("Clashes between Douentza and Boni.", countries=["ML"])
    assert [(p.mention, p.geo_precision) for p in places] == [("Douentza", 2), ("Boni", 2)]


@pytest.mark.parametrize(
    "text", ["Fighting in the Mopti region.", "Fighting in the region of Mopti."]
)
def test_region_is_precision_3_at_its_capital(geocoder: Geocoder, text: str) -> None:
    (place,) = geocoder.geoparse(text, countries=["ML"])
    assert (place.admin1, place.geo_precision, place.feature_code) == ("Mopti", 3, "ADM1")
    assert place.name == "Mopti"
    assert place.latitude == pytest.approx(14.48, abs=0.05)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Gunmen killed five people in Burkina Faso's Eastern region.", "Est"),
        ("Gunmen killed five people in the Centre-North region of Burkina Faso.", "Centre-Nord"),
        ("Gunmen killed five people in the South-West region of Burkina Faso.", "Sud-Ouest"),
        ("Gunmen killed five people in the Timbuktu region of Mali.", "Tombouctou"),
    ],
)
def test_regions_go_by_their_english_names(geocoder: Geocoder, text: str, admin1: str) -> None:
    region = next(p for p in geocoder.geoparse(text) if p.feature_code == "ADM1")
    assert (region.admin1, region.geo_precision) == (admin1, 3)


def test_an_english_region_name_of_two_countries_needs_the_country(geocoder: Geocoder) -> None:
    # Ghana has an Eastern region too: with no country named, no region is guessed.
    assert geocoder.geoparse("Gunmen killed five people in the Eastern region.") == []
    assert geocoder.geoparse("Soldiers patrol the North of the country.") == []


def test_sahel_region_of_burkina_faso(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("Attacks rose in the Sahel region of Burkina Faso.")
    region = only(places, "Sahel")
    assert (region.country_code, region.admin1, region.geo_precision) == ("BF", "Sahel", 3)
    assert region.name == "Dori"


def test_northern_mali_is_the_country(geocoder: Geocoder) -> None:
    (place,) = geocoder.geoparse("Violence spread across northern Mali.")
    assert (place.name, place.country_code, place.admin1) == ("Mali", "ML", None)
    assert (place.geo_precision, place.feature_code) == (3, "PCLI")


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Tin-Zaouatene", "Tinzaouaten"),
        ("Tinzawaten", "Tinzaouaten"),
        ("Menaka", "Ménaka"),
        ("Ménaka", "Ménaka"),
        ("Tombouctou", "Timbuktu"),
        ("Timbuktu", "Timbuktu"),
        ("Sevare", "Sévaré"),
    ],
)
def test_spellings_resolve(geocoder: Geocoder, mention: str, expected: str) -> None:
    place = only(
        geocoder.geoparse(f"Militants attacked {mention} at dawn.", countries=["ML"]), mention
    )
    assert place.name == expected
    assert place.country_code == "ML"


def test_menaka_is_written_under_the_region_acled_codes_it_in(geocoder: Geocoder) -> None:
    # admin1.tsv's coded_as: ACLED's files keep the Ménaka cercle under Gao.
    place = geocoder.resolve("Ménaka", countries=["ML"])
    assert place is not None and (place.admin1, place.admin2) == ("Gao", "Menaka")
    (region,) = geocoder.geoparse("Fighting spread across the Menaka region.", countries=["ML"])
    assert (region.name, region.admin1, region.geo_precision) == ("Ménaka", "Gao", 3)
    assert region.admin2 == "Menaka"


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Gunmen raided Anderamboukane (Menaka, Menaka).", "Menaka"),
        ("Gunmen raided Anderamboukane (Anderamboukane, Menaka).", "Menaka"),
        ("Gunmen raided Anderamboukane (Menaka, Gao).", "Gao"),
        # One word may name the cercle alone: the older coding stands.
        ("Gunmen raided Anderamboukane, Menaka.", "Gao"),
        ("Gunmen raided Anderamboukane (Menaka).", "Gao"),
    ],
)
def test_a_hint_naming_the_newer_region_writes_it(
    geocoder: Geocoder, text: str, admin1: str
) -> None:
    (place,) = geocoder.geoparse(text, countries=["ML"])
    assert (place.admin1, place.admin2) == (admin1, "Menaka")


def test_parenthesised_admin_units_code_an_unknown_village(geocoder: Geocoder) -> None:
    text = "Militiamen fired at the village of Deguere (Koro, Mopti)."
    (place,) = geocoder.geoparse(text, countries=["ML"])
    assert place.mention == "Deguere"
    assert (place.name, place.admin1, place.admin2, place.geo_precision) == (
        "Koro",
        "Mopti",
        "Koro",
        2,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Wagner mercenaries were seen with the army.",
        "Human Rights Watch documented the killings.",
        "Amnesty International and the Islamic State in the Greater Sahara.",
        "President Bazoum met Colonel Goita in March.",
    ],
)
def test_abstains_on_actors(geocoder: Geocoder, text: str) -> None:
    assert geocoder.geoparse(text, countries=["ML"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May, JNIM attacked Djibo and Arbinda, near Fada N'Gourma (Burkina Faso).",
        "Troops left Ménaka for Tin-Zaouatene; Nigerien forces were in Tillabéri.",
        "Mali's army said the convoy reached Gao’s outskirts near Sévaré.",
    ],
)
def test_offsets_point_at_the_mention(geocoder: Geocoder, text: str) -> None:
    places = geocoder.geoparse(text)
    assert places
    for place in places:
        assert place.start is not None and place.end is not None
        assert text[place.start : place.end] == place.mention


def test_countries_in_finds_names_and_demonyms(geocoder: Geocoder) -> None:
    text = "Malian and Burkinabe troops crossed into Niger near the Niger River; Côte d'Ivoire too."
    found = [(code, text[start:end]) for code, start, end in geocoder.countries_in(text)]
    assert found == [
        ("ML", "Malian"),
        ("BF", "Burkinabe"),
        ("NE", "Niger"),
        ("CI", "Côte d'Ivoire"),
    ]


def test_demonyms_are_not_places(geocoder: Geocoder) -> None:
    assert geocoder.geoparse("Nigerien soldiers patrolled.") == []


def test_country_place(geocoder: Geocoder) -> None:
    place = geocoder.country_place("bf")
    assert (place.name, place.country_code, place.geo_precision, place.feature_code) == (
        "Burkina Faso",
        "BF",
        3,
        "PCLI",
    )
    with pytest.raises(KeyError):
        geocoder.country_place("XX")


def test_resolve(geocoder: Geocoder) -> None:
    gao = geocoder.resolve("Gao", countries=["ML"])
    assert gao is not None and (gao.country_code, gao.admin1, gao.geo_precision) == ("ML", "Gao", 1)
    burkina_gao = geocoder.resolve("Gao", countries=["BF"])
    assert burkina_gao is not None and burkina_gao.country_code == "BF"
    assert geocoder.resolve("Xyzzyville") is None


def test_resolve_near_prefers_the_close_homonym(geocoder: Geocoder) -> None:
    near_ouaga = geocoder.resolve("Gao", near=(12.0, -2.0))
    assert near_ouaga is not None and near_ouaga.country_code == "BF"


def test_from_settings(geocoder: Geocoder) -> None:
    built = Geocoder.from_settings(
        {"geonames_dir": "", "gazetteer_overrides": "", "min_city_population": 500}
    )
    assert built.from_cache  # the module fixture already cached this index


def test_a_count_after_a_place_is_no_appositive(geocoder: Geocoder) -> None:
    # "Djibo, four soldiers" is a toll, not a person described as a soldier.
    text = "Militants ambushed a convoy in the area of Djibo, four soldiers were killed."
    (place,) = geocoder.geoparse(text, countries=["BF"])
    assert place.name == "Djibo"
    assert geocoder.geoparse("Moussa Traore, a soldier, said calm had returned.") == []
    # A plural after the comma is the next clause, not an appositive.
    text = "Gunmen ambushed a patrol near Djibo, the soldiers returned fire."
    assert [p.name for p in geocoder.geoparse(text, countries=["BF"])] == ["Djibo"]


def test_a_hint_naming_the_village_itself_leaves_the_unit_to_decide(geocoder: Geocoder) -> None:
    # "Madouba" names the commune (the village itself); "Kossi" is a Burkinabe
    # province, not Kosi in India nor a Madouba elsewhere.
    text = "Militants attacked the police station in Madouba (Madouba, Kossi) at dawn."
    (place,) = geocoder.geoparse(text)
    assert (place.country_code, place.admin1, place.admin2) == ("BF", "Boucle du Mouhoun", "Kossi")
    assert place.geo_precision == 2


def test_override_rows_write_admin2_as_acled_codes_it(geocoder: Geocoder) -> None:
    # additions.csv files Inates under today's Ayorou department; ACLED's data keeps
    # the older Tillaberi department (admin2.tsv coded_as), and so do its neighbours.
    place = geocoder.resolve("Inates", countries=["NE"])
    assert place is not None and (place.admin1, place.admin2) == ("Tillaberi", "Tillaberi")


def test_komondjari_is_spelled_as_acled_spells_it(geocoder: Geocoder) -> None:
    (place,) = geocoder.geoparse("Gunmen attacked Kankandi (Gayeri, Komonjdjari).")
    assert place.admin2 == "Komonjdjari"


def test_a_hint_naming_only_the_region_keeps_the_towns_own_cercle(geocoder: Geocoder) -> None:
    (place,) = geocoder.geoparse("Gunmen robbed traders at the market in Youwarou (Mopti).")
    assert (place.admin1, place.admin2) == ("Mopti", "Youwarou")


def test_a_hint_may_name_the_region_by_its_english_name(geocoder: Geocoder) -> None:
    # "Timbuktu" names the Tombouctou region: the town is kept, not coded to the region.
    (place,) = geocoder.geoparse("Militants attacked the market of Gossi, in the Timbuktu region.")
    assert (place.mention, place.admin1, place.admin2) == ("Gossi", "Tombouctou", "Gourma-Rharous")
    assert place.geo_precision == 1


def test_tessit_lies_east_of_the_meridian(geocoder: Geocoder) -> None:
    # The base layer's Tessit has its longitude's sign flipped (0.3 W); ours corrects it.
    (place,) = geocoder.geoparse("Militants attacked the army camp in Tessit.")
    assert (place.admin1, place.admin2) == ("Gao", "Ansongo")
    assert place.longitude is not None and place.longitude > 0.2


def test_a_plural_unit_word_makes_every_name_of_its_list_a_unit(geocoder: Geocoder) -> None:
    text = "Fighting spread in the cercles of Djenne, Tenenkou and Niono."
    assert [p.geo_precision for p in geocoder.geoparse(text)] == [2, 2, 2]
    text = "Militants were seen in the areas of Djenne and Tenenkou."
    assert [p.geo_precision for p in geocoder.geoparse(text)] == [2, 2]
    text = "Militants attacked Djenne, Tenenkou and Niono."
    assert [p.geo_precision for p in geocoder.geoparse(text)] == [1, 1, 1]
    # "the regions of Mopti and Segou": the second town names a region too.
    places = geocoder.geoparse("Fighting spread in the regions of Mopti and Segou.")
    assert [(p.admin1, p.geo_precision) for p in places] == [("Mopti", 3), ("Segou", 3)]
    # The list ends where the text moves on.
    places = geocoder.geoparse("Talks were held in the cercles of Niono and Djenne. Koro was hit.")
    assert [p.geo_precision for p in places] == [2, 2, 1]


def test_essakane_is_the_mining_town_of_oudalan(geocoder: Geocoder) -> None:
    (place,) = geocoder.geoparse("Militants attacked a bar in Essakane and abducted teachers.")
    assert (place.country_code, place.admin1, place.admin2) == ("BF", "Sahel", "Oudalan")


def test_a_hint_may_name_the_older_region_the_towns_was_carved_from(geocoder: Geocoder) -> None:
    # Menaka region was carved from Gao; ACLED's notes still write "(Gao)" after it.
    (place,) = geocoder.geoparse("Gunmen attacked the power station in Menaka (Gao).")
    assert (place.name, place.admin2, place.geo_precision) == ("Ménaka", "Menaka", 1)
