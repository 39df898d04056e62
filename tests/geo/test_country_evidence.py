"""Same-named villages in two home countries: which country the text points to.

The villages below are written for these tests; each name exists in two of Mali,
Burkina Faso and Niger, and the sentences name no country.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.extract.components import actor_cues
from conflictwatch.geo import gazetteer
from conflictwatch.geo.geocoder import Geocoder, _hint_keys
from conflictwatch.model import Article
from support import OVERRIDES_HEADER as HEADER
from support import geocoder_with_places as make

# The Malian Tamkoro comes first: it wins a tie when the text says nothing more.
TAMKORO = (
    HEADER
    + "Tamkoro,,14.4000,-3.6000,ML,Mopti,Bankass\n"
    + "Tamkoro,,13.7000,-2.3000,BF,Nord,Yatenga\n"
)


def countries(geocoder: Geocoder, text: str, **hints: object) -> list[str | None]:
    return [p.country_code for p in geocoder.geoparse(text, **hints)]  # type: ignore[arg-type]


def test_a_group_of_one_country_in_the_text_beats_the_outlet(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, TAMKORO)
    text = "Koglweogo members clashed with gunmen in the village of Tamkoro."
    assert countries(geocoder, text) == ["BF"]
    # A Malian outlet reported it: the text's own evidence still wins.
    assert countries(geocoder, text, cues=[("ML", "")]) == ["BF"]


def test_the_outlet_counts_on_top_of_a_group_active_in_both_countries(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Katiba Macina acts in Mopti and in northern Burkina Faso (cues.tsv): a tie the
    # outlet's country breaks, though the group already names that country too.
    geocoder = make(small_geocoder, tmp_path, TAMKORO)
    text = "Katiba Macina militants burned the school of Tamkoro."
    assert countries(geocoder, text, cues=[("BF", "")]) == ["BF"]
    assert countries(geocoder, text, cues=[("ML", "")]) == ["ML"]


def test_a_local_militia_points_to_its_region(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Ganda Izo is a militia of the Gao region (cues.tsv).
    rows = (
        HEADER
        + "Tinfafa,,14.4000,-3.6000,ML,Mopti,Bankass\n"
        + "Tinfafa,,15.3000,0.7000,ML,Gao,Ansongo\n"
    )
    geocoder = make(small_geocoder, tmp_path, rows)
    (place,) = geocoder.geoparse("Ganda Izo militiamen clashed with bandits in Tinfafa.")
    assert place.admin1 == "Gao"


def test_named_actors_found_by_the_caller_weigh_like_groups(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, TAMKORO)
    text = "The army repelled an attack on Tamkoro."
    assert countries(geocoder, text) == ["ML"]
    assert countries(geocoder, text, groups=[("BF", "")]) == ["BF"]


def test_actor_cues_come_from_actors_of_one_country_only() -> None:
    registry = build_pipeline(load_settings({"progress": False})).context.resource("actors")
    text = "The Burkinabe army and VDP fighters pursued gunmen after soldiers were ambushed."
    assert actor_cues(text, registry) == {("BF", "")}
    assert actor_cues("Soldiers and gendarmes were ambushed by gunmen.", registry) == set()


def test_the_pipeline_passes_the_actors_country_to_the_geocoder(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    pipeline = build_pipeline(load_settings({"progress": False}))
    geocoder = make(small_geocoder, tmp_path, TAMKORO)
    pipeline.context.factories["geocoder"] = lambda: geocoder
    text = "FAMa soldiers repelled an attack on Tamkoro."
    doc = pipeline(Article("t", text, date(2020, 3, 4)))
    assert [p.country_code for p in doc.places] == ["ML"]
    text = "The Burkinabe army repelled an attack on Tamkoro."
    doc = pipeline(Article("t", text, date(2020, 3, 4)))
    assert [p.country_code for p in doc.places] == ["BF"]


def test_a_village_outside_the_region_the_text_names_is_not_the_one_meant(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Our only Tinfadar is in Niger; the text is about the Kidal region of Mali.
    rows = HEADER + "Tinfadar,,17.9000,8.1000,NE,Agadez,Arlit\n"
    geocoder = make(small_geocoder, tmp_path, rows)
    text = "Militants ambushed a convoy at Tinfadar. The Kidal region has seen many attacks."
    places = geocoder.geoparse(text)
    assert [(p.country_code, p.admin1) for p in places] == [("ML", "Kidal")]
    # With nothing else to go by, the Nigerien village stands.
    assert countries(geocoder, "Militants ambushed a convoy at Tinfadar.") == ["NE"]


def test_a_group_and_an_outlet_of_one_country_rule_out_a_village_abroad(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = HEADER + "Kagaro,,13.2000,-1.1000,BF,Centre-Nord,Sanmatenga\n"
    geocoder = make(small_geocoder, tmp_path, rows)
    text = "ISWAP militants abducted the chief of Kagaro."
    assert countries(geocoder, text, cues=[("NE", "")]) == []
    # The group alone is not enough: groups cross borders.
    assert countries(geocoder, text) == ["BF"]


def test_a_group_of_a_home_country_rules_out_a_small_town_abroad(
    small_geocoder: Callable[..., Geocoder], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A town of 20,000 abroad and none of the name at home: the village we lack.
    town = gazetteer._Raw(
        name="Arelo",
        aliases=[],
        latitude=32.1,
        longitude=35.18,
        country_code="IL",
        admin1_code="",
        admin2_code="",
        geonameid=9_100_001,
        feature_class="P",
        feature_code="PPL",
        population=20_000,
        source=gazetteer.SOURCE_BASE,
    )
    monkeypatch.setattr(gazetteer, "base_layer", lambda min_population: iter([town]))
    geocoder = small_geocoder()
    assert countries(geocoder, "Gunmen raided the village of Arelo.") == ["IL"]
    assert countries(geocoder, "Ansaroul Islam militants raided the village of Arelo.") == []


def test_a_country_named_as_a_border_is_not_where_the_place_is(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = make(small_geocoder, tmp_path, TAMKORO)
    text = "Gunmen attacked Tamkoro, close to the border with Burkina Faso."
    # The places component passes every country the text names.
    assert countries(geocoder, text, countries=["BF"])[0] == "ML"
    text = "Gunmen attacked Tamkoro in Burkina Faso."
    assert countries(geocoder, text, countries=["BF"])[0] == "BF"
    # A country named only as a border is no place of the event.
    assert countries(geocoder, "Gunmen killed a tracker near the border with Benin.") == []
    assert countries(geocoder, "Gunmen killed a tracker in Benin.") == ["BJ"]
    # The border may come after the country: "the Burkina Faso border".
    for text in (
        "Gunmen attacked Tamkoro, on the Burkina Faso border.",
        "Gunmen attacked Tamkoro near the Burkinabe frontier.",
        # Or the country alone, as a landmark: "a town next to", "near".
        "Gunmen attacked Tamkoro, a town next to Burkina Faso.",
        "Gunmen attacked Tamkoro near Burkina Faso.",
    ):
        assert countries(geocoder, text, countries=["BF"])[0] == "ML", text


def test_hints_may_name_the_kind_of_unit(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    assert _hint_keys("Cercle of Nara, Koulikoro Region") == ["nara", "kulikoro"]
    assert _hint_keys("the commune of Sangha") == ["sangha"]
    rows = (
        HEADER
        + "Guira,,13.4000,-3.0000,BF,Boucle du Mouhoun,Sourou\n"
        + "Guira,,15.0000,-7.0000,ML,Koulikoro,Nara\n"
    )
    geocoder = make(small_geocoder, tmp_path, rows)
    for text in (
        "Gunmen attacked Guira (Cercle of Nara).",
        "Gunmen attacked Guira, cercle of Nara.",
        "Gunmen attacked Guira, circle of Nara.",  # the English word
    ):
        (place,) = geocoder.geoparse(text)
        assert (place.admin1, place.admin2) == ("Koulikoro", "Nara")


def test_a_village_outside_the_region_the_text_names_in_its_country_is_dropped(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    rows = (
        HEADER
        + "Damba,,13.9000,-5.3000,ML,Segou,Macina\n"
        + "Kanibe,,14.3000,-3.3000,ML,Mopti,Bankass\n"
    )
    geocoder = make(small_geocoder, tmp_path, rows)
    text = "Militants burned a granary in Damba and raided Kanibe, Mopti Region."
    assert [(p.mention, p.admin1) for p in geocoder.geoparse(text)] == [("Kanibe", "Mopti")]
    text = "Militants burned a granary in Damba and raided Kanibe."
    assert [p.mention for p in geocoder.geoparse(text)] == ["Damba", "Kanibe"]


def test_a_place_said_to_lie_near_another_is_the_namesake_close_to_it(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Koro (Mopti) is in the base layer; the Burkinabe Tamkoro is 150+ km from it.
    rows = TAMKORO.replace("14.4000,-3.6000,ML", "12.0000,-8.0000,ML").replace(
        "ML,Mopti,Bankass", "ML,Koulikoro,Kati"
    )
    rows += "Tamkoro,,14.2000,-3.2000,ML,Mopti,Koro\n"
    geocoder = make(small_geocoder, tmp_path, rows)
    text = "An IED struck a cart in the Tamkoro area near Koro."
    first, *_ = geocoder.geoparse(text)
    assert (first.mention, first.admin1, first.admin2) == ("Tamkoro", "Mopti", "Koro")
    # No namesake anywhere near: the name is dropped, Koro stays.
    rows = HEADER + "Yamdi,,17.0000,8.0000,NE,Agadez,Arlit\n"
    geocoder = make(small_geocoder, tmp_path, rows)
    places = geocoder.geoparse("Gunmen abducted a trader in Yamdi, 20 km north of Koro.")
    assert [p.mention for p in places] == ["Koro"]
    assert [p.mention for p in geocoder.geoparse("Gunmen abducted a trader in Yamdi.")] == ["Yamdi"]


def _two_towns_dump(folder: Path) -> Path:
    """Two towns named Tamsara: the bigger in Segou (Mali), the other in the Boucle
    du Mouhoun (Burkina Faso)."""
    folder.mkdir()
    rows = [
        ["9200001", "Tamsara", "Tamsara", "", "13.40", "-5.20", "P", "PPL", "ML", "",
         "05", "", "", "", "30000", "", "300", "Africa/Bamako", "2024-01-01"],
        ["9200002", "Tamsara", "Tamsara", "", "12.40", "-3.40", "P", "PPL", "BF", "",
         "01", "", "", "", "25000", "", "300", "Africa/Ouagadougou", "2024-01-01"],
    ]  # fmt: skip
    for code in ("ML", "BF"):
        lines = ["\t".join(row) for row in rows if row[8] == code]
        (folder / f"{code}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_of_two_namesakes_the_one_in_the_country_whose_units_the_text_names(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = small_geocoder(geonames_dir=_two_towns_dump(tmp_path / "geonames"))
    geocoder._zones = {}
    # Alone, the bigger Malian town wins.
    assert countries(geocoder, "Pupils in Tamsara staged a protest.") == ["ML"]
    # The Sahel Region is Burkinabe: the Burkinabe town is meant, though it lies in
    # another region, rather than no town at all.
    text = "Pupils in Tamsara staged a protest for the pupils of the Sahel Region."
    places = geocoder.geoparse(text)
    assert [(p.name, p.country_code, p.admin1) for p in places] == [
        ("Tamsara", "BF", "Boucle du Mouhoun"),
        ("Dori", "BF", "Sahel"),  # the region, at its capital
    ]
