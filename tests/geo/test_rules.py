"""Sentence-scale checks of the disambiguation and abstention rules (base layer)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conflictwatch.geo.geocoder import Geocoder, _runs
from conflictwatch.geo.normalize import name_key
from conflictwatch.model import Place
from support import OVERRIDES_HEADER, geocoder_with_places


def mentions(places: list[Place]) -> list[tuple[str | None, str | None, int | None]]:
    return [(p.mention, p.country_code, p.geo_precision) for p in places]


def test_home_countries_need_no_country_in_the_text(geocoder: Geocoder) -> None:
    text = "Dozo militiamen killed a shepherd at the outskirts of Koro."
    assert mentions(geocoder.geoparse(text)) == [("Koro", "ML", 2)]


def test_a_demonym_does_not_move_the_article_abroad(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("French troops launch air strikes over Aguelhok.", countries=["FR"])
    assert [(p.name, p.country_code, p.admin1) for p in places] == [("Aguelhok", "ML", "Kidal")]


def test_named_foreign_countries_switch_the_home_prior_off(geocoder: Geocoder) -> None:
    assert geocoder._home(geocoder._scan("Talks in Japan and Korea.", places=True), set()) == (
        frozenset()
    )
    assert geocoder._home(geocoder._scan("French troops in Gao.", places=True), {"FR"}) == (
        geocoder.home
    )


def test_sentence_opener_is_not_part_of_a_name(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("As Mali strives to end the war, talks resumed.", countries=["ML"])
    assert mentions(places) == [("Mali", "ML", 3)]


def test_sentence_initial_word_written_in_lowercase_elsewhere(geocoder: Geocoder) -> None:
    text = "Officials met on Monday. Still, the talks were still going on. He left."
    assert geocoder.geoparse(text, countries=["US"]) == []


def test_quote_opens_a_sentence(geocoder: Geocoder) -> None:
    text = 'The president said, "We want peace," and left.'
    assert geocoder.geoparse(text, countries=["US", "VN"]) == []


def test_a_name_used_for_a_person_is_a_person_everywhere(geocoder: Geocoder) -> None:
    text = "Jimmy Lai appeared in court. Lai said he was innocent. Supporters of Lai rallied."
    assert geocoder.geoparse(text, countries=["HK", "US", "GB"]) == []


def persons(geocoder: Geocoder, text: str) -> frozenset[str]:
    return geocoder._person_keys(text, _runs(text))


def test_person_cues(geocoder: Geocoder) -> None:
    assert persons(geocoder, "Obama said the talks failed.") == {"obama"}
    assert "soro" in persons(geocoder, "Soro, a former rebel leader, spoke.")
    assert "lai" in persons(geocoder, "Supporters of Mr. Lai rallied.")
    # A capital speaks for its government: "Washington said" is no person.
    assert "washington" not in persons(geocoder, "Washington said it would respond.")
    # A town followed by its residents is no person.
    assert "kidal" not in persons(geocoder, "In Gao, Kidal residents said they fled.")


def test_sahel_given_names_mark_a_surname(geocoder: Geocoder) -> None:
    # "Koro" is a Malian town; after a given name it is somebody's surname.
    text = "Gunmen abducted Seydou Koro and his son. Koro was released on Monday."
    assert persons(geocoder, text) >= {"koro"}
    assert geocoder.geoparse(text, countries=["ML"]) == []


def test_a_person_named_like_a_town_is_not_the_town(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("Obama said the talks in Bamako had failed.", countries=["ML"])
    assert [p.mention for p in places] == ["Bamako"]


def test_abroad_only_the_main_name_counts(geocoder: Geocoder) -> None:
    (place,) = geocoder.geoparse("The delegation then flew to Vienna.", countries=["FR"])
    assert (place.name, place.country_code) == ("Vienna", "AT")


def test_small_foreign_town_needs_a_named_country(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("Officials gathered in Secretary.", countries=["BF"])
    assert places == []


def test_coded_as_replaces_the_unknown_village(geocoder: Geocoder) -> None:
    text = "Gunmen attacked the village of Gombo (coded as Koro at geoprecision 2), killing one."
    places = geocoder.geoparse(text)
    assert [(p.name, p.country_code, p.geo_precision) for p in places] == [("Koro", "ML", 2)]


def test_coded_as_takes_the_stated_precision(geocoder: Geocoder) -> None:
    text = "An airstrike in the north (coded as Kidal at geoprecision 3) killed militants."
    (place,) = geocoder.geoparse(text)
    assert (place.name, place.geo_precision) == ("Kidal", 3)


def test_lowercase_parenthesis_is_no_admin_hint(geocoder: Geocoder) -> None:
    text = "Gunmen attacked Koro (coded as Bankass at geoprecision 2)."
    assert [p.name for p in geocoder.geoparse(text)] == ["Bankass"]


def test_axis_between_two_towns(geocoder: Geocoder) -> None:
    text = "Militants abducted two technicians on the axis Kongoussi-Djibo."
    places = geocoder.geoparse(text)
    assert mentions(places) == [("Kongoussi", "BF", 2), ("Djibo", "BF", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Militants looted shops in the Kongoussi-Djibo area.",
        "Militants looted shops in the area of Kongoussi-Djibo.",
    ],
)
def test_the_area_of_two_towns_is_both(geocoder: Geocoder, text: str) -> None:
    places = geocoder.geoparse(text)
    assert mentions(places) == [("Kongoussi", "BF", 2), ("Djibo", "BF", 2)]


def test_hyphenated_name_without_road_cue_stays_whole(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("Fighting in Kongoussi-Djibo yesterday.")
    assert all(p.mention != "Djibo" for p in places)


def test_a_name_opener_before_a_hyphen_is_no_town_of_an_axis(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = geocoder_with_places(
        small_geocoder, tmp_path, OVERRIDES_HEADER + "Tin,,13.74,-5.91,ML,Segou,Segou\n"
    )
    text = "An IED struck a convoy on the road between Djibo and Tin-Toukar."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Djibo"]


def test_a_cause_in_a_movement_name_is_no_place(geocoder: Geocoder) -> None:
    text = "The Front for the Liberation of Kidal clashed with soldiers in Gao."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Gao"]
    # Lowercase, the liberation of a town happens there.
    assert [p.mention for p in geocoder.geoparse("The liberation of Kidal began.")] == ["Kidal"]


def test_group_names_point_to_their_country(geocoder: Geocoder) -> None:
    assert ("BF", "") in geocoder._cued("Koglweogo fighters patrolled.")
    assert ("NE", "Diffa") in geocoder._cued("ISWAP militants raided a village.")
    assert ("NE", "Diffa") in geocoder._cued("BH militants raided a village.")  # Boko Haram
    assert geocoder._cued("Militants raided a village.") == frozenset()
    # Each name found, where it is and every country it belongs to.
    text = "MUJAO and Koglweogo fighters clashed."
    assert [(text[s:e], codes) for s, e, codes in geocoder.group_cues(text)] == [
        ("MUJAO", {"ML"}),
        ("Koglweogo", {"BF"}),
    ]


def test_ordinal_region_names_are_not_regions(geocoder: Geocoder) -> None:
    assert "second" not in geocoder.gazetteer.regions
    assert geocoder.geoparse("A second attack followed, the Second in a week.") == []


def test_a_coded_as_place_needs_no_other_cue(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # A name GeoNames holds only as a lake: written bare it is a word, but a note
    # saying it coded the event there makes it the place.
    geocoder = small_geocoder(geonames_dir=_lake_dump(tmp_path / "geonames"))
    text = (
        "Gunmen attacked a convoy between Koro and Bankass (coded as Tilembeya at geo precision 2)."
    )
    assert [(p.mention, p.geo_precision) for p in geocoder.geoparse(text)] == [("Tilembeya", 2)]
    assert geocoder.geoparse("Tilembeya said the convoy was late.") == []


def test_a_participle_after_a_comma_is_no_apposition_of_a_person(geocoder: Geocoder) -> None:
    text = "Militants ambushed a convoy between Koro and Bankass, killing one soldier."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Koro", "Bankass"]
    # A real apposition still marks a person, not the town of that name.
    assert geocoder.geoparse("Koro, a local official, said the road was closed.") == []
    # After "the area of" the name is the place, whatever the comma brings.
    text = "Militiamen entered a hamlet in the area of Koro, the hamlet chief was killed."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Koro"]


def test_a_town_opening_an_institutions_name_is_the_place(geocoder: Geocoder) -> None:
    text = "Staff demonstrated in front of the Ouagadougou Labour Exchange."
    assert [(p.name, p.admin1) for p in geocoder.geoparse(text)] == [("Ouagadougou", "Centre")]
    # An unknown word before a known one is another place's name, not an institution.
    assert geocoder.geoparse("Gunmen attacked Zabrawatu Mopti on Monday.") == []
    # Words of a facility before the town name it too.
    text = "Workers of the Regional Hospital Center Ouahigouya staged a sit-in."
    assert [(p.name, p.admin1) for p in geocoder.geoparse(text)] == [("Ouahigouya", "Nord")]


def test_same_named_villages_tie_break_on_where_the_fighting_is(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = "Tamaboli,,14.60,-11.20,ML,Kayes,Kayes\nTamaboli,,14.30,-3.90,ML,Mopti,Mopti\n"
    geocoder = _with_places(small_geocoder, tmp_path, rows)
    (place,) = geocoder.geoparse("Gunmen attacked the village of Tamaboli.")
    assert place.admin1 == "Mopti"
    # Any evidence in the text outweighs the prior: here a named region.
    places = geocoder.geoparse("In the Kayes region, gunmen attacked the village of Tamaboli.")
    assert [p.admin1 for p in places if p.mention == "Tamaboli"] == ["Kayes"]


def test_a_quarter_of_the_capital_beats_a_village_of_a_quiet_region(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = "Kalabankoura,,13.20,-9.30,ML,Kayes,Kita\nKalabankoura,,12.60,-7.98,ML,Bamako,Bamako\n"
    geocoder = _with_places(small_geocoder, tmp_path, rows)
    (place,) = geocoder.geoparse("Residents of Kalabankoura barricaded the roads in protest.")
    assert place.admin1 == "Bamako"


def test_a_places_own_name_beats_another_places_alternate_name(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = (
        "Sirabakoro,Kelleni,14.20,-3.60,ML,Mopti,Bankass\nKelleni,,14.40,-3.20,ML,Mopti,Bankass\n"
    )
    geocoder = _with_places(small_geocoder, tmp_path, rows)
    (place,) = geocoder.geoparse("Gunmen attacked the village of Kelleni.")
    assert place.name == "Kelleni"


def _with_places(small_geocoder: Callable[..., Geocoder], tmp_path: Path, rows: str) -> Geocoder:
    """The small geocoder plus override `rows`, the conflict-zone prior left on."""
    overrides = tmp_path / "places.csv"
    overrides.write_text(OVERRIDES_HEADER + rows, encoding="utf-8")
    return small_geocoder(overrides=overrides)


def _lake_dump(folder: Path) -> Path:
    """A one-row GeoNames dump: a lake in Mopti (feature class H)."""
    folder.mkdir()
    row = [
        "9100001", "Tilembeya", "Tilembeya", "", "14.30", "-3.30", "H", "LK", "ML", "",
        "04", "", "", "", "0", "", "280", "Africa/Bamako", "2024-01-01",
    ]  # fmt: skip
    (folder / "ML.txt").write_text("\t".join(row) + "\n", encoding="utf-8")
    return folder


def test_cued_region_needs_exactly_one_region(geocoder: Geocoder) -> None:
    place = geocoder.cued_region("Dan Na Ambassagou fighters burned a granary.")
    assert place is not None
    assert (place.country_code, place.admin1, place.geo_precision) == ("ML", "Mopti", 3)
    assert geocoder.cued_region("Dan Na Ambassagou and Boko Haram both claimed it.") is None
    assert geocoder.cued_region("Gunmen burned a granary.") is None
    # A region outside the article's country does not count.
    assert geocoder.cued_region("Boko Haram fighters burned a granary.", "ML") is None


def test_a_group_active_in_several_countries_cues_each_of_them(geocoder: Geocoder) -> None:
    cued = geocoder._cued("Katiba Macina fighters burned a granary.")
    assert {("ML", "Mopti"), ("BF", "Nord"), ("ML", ""), ("BF", "")} <= cued
    # Two regions in Burkina Faso: no single region to infer there.
    assert geocoder.cued_region("Katiba Macina fighters burned a granary.", "BF") is None


def test_groups_active_in_several_regions_narrow_to_the_one_they_share(
    geocoder: Geocoder,
) -> None:
    # ISGS is cued to three regions and GATIA to three; Menaka is the one in both.
    text = "ISGS militants attacked a camp and killed a GATIA officer."
    place = geocoder.cued_region(text)
    # (Ménaka is coded as a cercle of Gao, as ACLED did before the region was made.)
    assert place is not None and (place.country_code, place.admin2) == ("ML", "Menaka")
    # MNLA fights in several northern regions; MUJAO only in Gao.
    place = geocoder.cued_region("MNLA said it clashed with MUJAO fighters.")
    assert place is not None and place.admin1 == "Gao"
    # Groups that share no region give none, whatever their number.
    assert geocoder.cued_region("Dan Na Ambassagou and Boko Haram both claimed it.") is None
    # A group of no known region ("Dozos") narrows nothing.
    place = geocoder.cued_region("Dozos and Dan Na Ambassagou militiamen burned a granary.")
    assert place is not None and place.admin1 == "Mopti"


def test_a_northern_movement_cues_the_northern_namesake(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Two villages called Bamba, one in the south (listed first, so it wins a tie)
    # and one on the river in Gao: the northern movements fight in the north.
    rows = (
        OVERRIDES_HEADER
        + "Bamba,,10.38,-7.15,ML,Sikasso,Kolondieba\n"
        + "Bamba,,17.03,-1.40,ML,Gao,Bourem\n"
    )
    geocoder = geocoder_with_places(small_geocoder, tmp_path, rows)
    places = geocoder.geoparse("GATIA fighters have taken control of Bamba.")
    assert [(p.name, p.admin1) for p in places] == [("Bamba", "Gao")]


def test_community_names_are_no_places(geocoder: Geocoder) -> None:
    assert geocoder.geoparse("Violence broke out among members of the Buduma community.") == []
    assert geocoder.geoparse("The militants urged villagers to embrace Islam.") == []


def test_the_ifoghas_mountains_are_a_place_but_the_clan_is_not(geocoder: Geocoder) -> None:
    (place,) = geocoder.geoparse("Chadian troops fought militants in the Ifoghas mountains.")
    assert (place.country_code, place.admin1) == ("ML", "Kidal")
    assert geocoder.geoparse("Ifoghas notables met the governor.") == []


def test_a_foreign_country_named_for_who_took_part_keeps_home_towns(geocoder: Geocoder) -> None:
    # Naming France switches the home prior off, but a Sahel town written as a
    # place ("in Gao") is still as likely as a named country's town.
    text = "Rockets were fired at a French army base in Gao during a visit by France's top officer."
    assert [(p.mention, p.country_code) for p in geocoder.geoparse(text)] == [
        ("Gao", "ML"),
        ("France", "FR"),
    ]


def test_two_towns_side_by_side_are_one_unknown_name(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # "Sekou" and "Bolly" are each a village; side by side they name a man.
    rows = "Sekou,,11.2,-5.9,ML,Sikasso,Sikasso\nBolly,,16.2,-3.1,ML,Tombouctou,Goundam\n"
    geocoder = _with_places(small_geocoder, tmp_path, rows)
    text = "A militia led by Sekou Bolly clashed with militants near Koro."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Koro"]
    assert [p.mention for p in geocoder.geoparse("Gunmen attacked Bolly.")] == ["Bolly"]


def test_a_surname_alone_after_the_full_name_is_the_person(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = _with_places(small_geocoder, tmp_path, "Sereme,,11.8,-6.4,ML,Koulikoro,Dioila\n")
    text = "Crowds came to hear Saran Sereme. Soldiers fired before Sereme spoke."
    assert [p.mention for p in geocoder.geoparse(text)] == []
    # A locative cue still makes the name a village.
    text = "Crowds came to hear Saran Sereme. Soldiers fired in Sereme."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Sereme"]


def test_a_radio_or_tv_station_is_no_place(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = (
        "Savane,,14.3,-9.5,ML,Kayes,Nioro\nOmega,,12.0,-1.0,BF,Centre,Kadiogo\n"
        "Anefis,,18.05,0.6,ML,Kidal,Kidal\n"
    )
    geocoder = _with_places(small_geocoder, tmp_path, rows)
    text = "Gunmen killed two herders near Anefis, Savane FM and Radio Omega reported."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Anefis"]
    assert [p.mention for p in geocoder.geoparse("Gunmen attacked Savane.")] == ["Savane"]


def test_the_capital_of_a_named_country(geocoder: Geocoder) -> None:
    def capital(text: str) -> tuple[str, int, str | None] | None:
        place = geocoder.named_capital(text)
        return place and (place.name, place.geo_precision or 0, place.mention)

    assert capital("Troops deployed in the Malian capital.") == ("Bamako", 1, "Malian capital")
    assert capital("A blast near the capital of Niger.") == ("Niamey", 2, "capital of Niger")
    assert capital("Burkina Faso's capital city was calm.") == (
        "Ouagadougou",
        1,
        "Burkina Faso's capital",
    )
    assert capital("Mali abolished capital punishment.") is None
    assert capital("Troops deployed in the capital.") is None  # whose: the article's


def test_a_nationality_before_a_word_for_places_names_the_country(geocoder: Geocoder) -> None:
    place = geocoder.named_country("A cell was dismantled in the Spanish cities of X and Y.")
    assert place is not None
    assert (place.country_code, place.geo_precision, place.mention) == ("ES", 3, "Spanish cities")
    place = geocoder.named_country("Gunmen killed two soldiers on Malian soil.")
    assert place is not None and place.country_code == "ML"
    assert geocoder.named_country("Spanish troops left.") is None  # troops are no place


def test_news_nationalities_beyond_the_sahel_name_their_country(geocoder: Geocoder) -> None:
    text = "Pakistani, Somali and Congolese officials met Palestinian leaders."
    assert [code for code, *_ in geocoder.country_mentions(text)] == ["PK", "SO", "CD", "PS"]


def test_a_direction_before_a_town_is_no_unknown_name(geocoder: Geocoder) -> None:
    # "North-East" is a place in the base layer; before a town it is a direction.
    text = "Blasts were heard in North-East Kidal."
    assert [p.mention for p in geocoder.geoparse(text)][-1:] == ["Kidal"]


def test_a_patronym_or_a_role_marks_a_person(geocoder: Geocoder) -> None:
    found = persons(geocoder, "Troops arrested Yoro Ould Daha on Monday.")
    assert {name_key("Yoro"), name_key("Daha")} <= found
    assert name_key("Zongo") in persons(geocoder, "Zongo was an outspoken journalist.")
    assert "kidal" not in persons(geocoder, "Kidal was a quiet town.")


def test_a_possessive_without_its_apostrophe_names_the_country(geocoder: Geocoder) -> None:
    places = geocoder.geoparse("Nigers security forces fought gunmen near the border.")
    assert [(p.mention, p.country_code) for p in places] == [("Nigers", "NE")]
    text = "Soldiers of Burkina Fasos army fired in the air."
    assert [p.country_code for p in geocoder.geoparse(text)] == ["BF"]


def test_the_place_of_an_attack_on_it_needs_no_other_cue(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = geocoder_with_places(
        small_geocoder, tmp_path, OVERRIDES_HEADER + "Toumour,,13.67,13.13,NE,Diffa,Diffa\n"
    )
    # Another country named makes an uncued village too weak to keep.
    text = "Five civilians died in a Boko Haram attack on Toumour. The attackers fled to Nigeria."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Toumour", "Nigeria"]


def test_a_region_after_a_comma_is_the_region_of_the_town_before_it(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = geocoder_with_places(
        small_geocoder, tmp_path, OVERRIDES_HEADER + "Kouakourou,,14.06,-4.33,ML,Mopti,Djenne\n"
    )
    places = geocoder.geoparse("An IED was found on a bridge near Kouakourou, Mopti, on Monday.")
    assert [(p.mention, p.admin1) for p in places] == [("Kouakourou", "Mopti")]
    # A list goes on after it: then the region's namesake town is one of the towns.
    places = geocoder.geoparse("Attacks hit Kouakourou, Mopti and Koro on Monday.")
    assert [p.mention for p in places] == ["Kouakourou", "Mopti", "Koro"]


def test_a_cercle_and_region_after_a_comma_are_the_units_of_the_town_before_them(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = "Kouakourou,,14.06,-4.33,ML,Mopti,Djenne\nDjenne,,13.9,-4.55,ML,Mopti,Djenne\n"
    geocoder = geocoder_with_places(small_geocoder, tmp_path, OVERRIDES_HEADER + rows)
    places = geocoder.geoparse("Militants killed a Dozo leader in Kouakourou, Djenne, Mopti Region")
    assert [(p.mention, p.admin2) for p in places] == [("Kouakourou", "Djenne")]
    # A list of towns is still a list.
    places = geocoder.geoparse("Attacks hit Kouakourou, Djenne and Koro on Monday.")
    assert [p.mention for p in places] == ["Kouakourou", "Djenne", "Koro"]


def test_a_region_after_a_suburb_of_its_seat_is_the_suburbs_region(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # The gazetteer puts this quarter of Kidal town in another region: the text says
    # which region it lies in, and the region's seat names its admin2.
    geocoder = geocoder_with_places(
        small_geocoder,
        tmp_path,
        OVERRIDES_HEADER
        + "Etambar,,18.4389,1.4041,ML,Gao,Menaka\nKonna,,14.93,-3.89,ML,Mopti,Mopti\n",
    )
    places = geocoder.geoparse("Women protested in Etambar, Kidal, on Sunday.")
    assert [(p.mention, p.admin1, p.admin2) for p in places] == [("Etambar", "Kidal", "Kidal")]
    # Far from the region's seat, the region's namesake town is another place.
    places = geocoder.geoparse("Women protested in Konna, Kidal, on Sunday.")
    assert [p.mention for p in places] == ["Konna", "Kidal"]


def test_a_town_naming_a_document_is_no_scene(geocoder: Geocoder) -> None:
    for text in (
        "Protesters marched to demand the implementation of the Algiers Peace Accord.",
        "Thousands marched in support of the Algiers agreement.",
    ):
        assert [p.name for p in geocoder.geoparse(text)] == [], text
    assert [p.name for p in geocoder.geoparse("The accord was signed in Algiers.")] == ["Algiers"]


def test_units_in_brackets_after_a_list_are_every_listed_names(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Our Tamsi is labelled Bandiagara, but lies near the Koro line: the units the
    # text writes after the list it ends win, as they do for a name of its own.
    rows = "Tamsi,,14.50,-3.10,ML,Mopti,Bandiagara\nKelbori,,14.15,-2.95,ML,Mopti,Koro\n"
    geocoder = _with_places(small_geocoder, tmp_path, rows)
    text = "Militiamen fired on the villages of Tamsi and Kelbori, in Bamba Commune (Koro, Mopti)."
    assert [p.admin2 for p in geocoder.geoparse(text)] == ["Koro", "Koro"]
    assert [p.admin2 for p in geocoder.geoparse("Militiamen fired on Tamsi (Koro, Mopti).")] == [
        "Koro"
    ]
    # Units after a comma may close a list of regions' towns: they stay the last name's.
    text = "Militants attacked army posts in Tamsi and Kelbori, Mopti."
    assert [p.admin2 for p in geocoder.geoparse(text)] == ["Bandiagara", "Koro"]


def test_a_cercle_of_the_places_own_region_named_in_brackets_is_its_cercle(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Our Dialasso lies by Koro; the text puts it in the Youwarou cercle of the same
    # region, whose seat is 190 km off. The cercle the text names is written out.
    geocoder = _with_places(small_geocoder, tmp_path, "Dialasso,,14.10,-3.00,ML,Mopti,Koro\n")
    (place,) = geocoder.geoparse("Gunmen attacked Dialasso (Youwarou, Mopti).")
    assert (place.name, place.admin1, place.admin2, place.geo_precision) == (
        "Dialasso",
        "Mopti",
        "Youwarou",
        1,
    )
