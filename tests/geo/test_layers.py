"""Layers, overrides and the index cache, on a five-town base layer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conflictwatch.geo import gazetteer
from conflictwatch.geo.gazetteer import GazetteerError
from conflictwatch.geo.geocoder import Geocoder

HEADER = "name,alternate_names,latitude,longitude,country,admin1,admin2\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_override_row_is_a_new_place(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    overrides = write(
        tmp_path / "places.csv",
        HEADER + "Ogossagou-Peul,Ogossagou Peul,14.19,-3.57,ML,Mopti,Bankass\n",
    )
    geocoder = small_geocoder(overrides=overrides)
    (place,) = geocoder.geoparse("Gunmen attacked Ogossagou Peul.", countries=["ML"])
    assert (place.name, place.admin1, place.admin2) == ("Ogossagou-Peul", "Mopti", "Bankass")
    assert place.latitude == pytest.approx(14.19)


def test_override_replaces_a_close_base_place(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    overrides = write(tmp_path / "places.csv", HEADER + "Koro,,14.07,-3.08,ML,Mopti,Koro\n")
    place = small_geocoder(overrides=overrides).resolve("Koro", countries=["ML"])
    assert place is not None
    assert (place.latitude, place.longitude) == (14.07, -3.08)
    assert place.geonameid == 9_000_001  # kept from the base row it replaced


def test_override_with_a_geonameid_moves_that_place_however_far(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # Say the base layer's Kidal (9_000_004) had its longitude's sign flipped; the row
    # 280 km away replaces it, keeping its population, instead of becoming a second Kidal.
    rows = "Kidal,,18.44,-1.41,ML,Kidal,Kidal,9000004\n"
    overrides = write(tmp_path / "places.csv", HEADER.rstrip() + ",geonameid\n" + rows)
    geocoder = small_geocoder(overrides=overrides)
    (place,) = geocoder.geoparse("Gunmen attacked Kidal.", countries=["ML"])
    assert (place.longitude, place.geonameid) == (-1.41, 9_000_004)
    assert [geocoder.gazetteer.populations[p] for p in geocoder.gazetteer.candidates("kidal")] == [
        40030
    ]
    # Without the id it is a second place of the name.
    overrides = write(tmp_path / "places.csv", HEADER + rows.replace(",9000004", ""))
    geocoder = small_geocoder(overrides=overrides)
    assert len(geocoder.gazetteer.candidates("kidal")) == 2


def test_parenthesised_hint_picks_the_homonym(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    overrides = write(
        tmp_path / "places.csv",
        HEADER
        + "Deguere,,14.6488,-3.1087,ML,Mopti,Koro\n"
        + "Deguere,Déguéré,14.2000,-3.6000,ML,Mopti,Bankass\n",
    )
    geocoder = small_geocoder(overrides=overrides)
    (koro,) = geocoder.geoparse("Militiamen fired at Deguere (Koro, Mopti).", countries=["ML"])
    (bankass,) = geocoder.geoparse(
        "Militiamen fired at Déguéré (Bankass, Mopti).", countries=["ML"]
    )
    assert (koro.admin2, koro.latitude) == ("Koro", 14.6488)
    assert (bankass.admin2, bankass.latitude) == ("Bankass", 14.2)
    assert koro.geo_precision == bankass.geo_precision == 1


def test_bad_override_file_is_named(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    overrides = write(tmp_path / "bad.csv", HEADER + "Nowhere,,north,-3,ML,,\n")
    with pytest.raises(GazetteerError, match="bad.csv row 2"):
        small_geocoder(overrides=overrides)


DUMP_ROWS = [
    # geonameid, name, ascii, alternates, lat, lon, class, code, cc, admin1, admin2, pop
    (
        "2440001",
        "Tin-Akoff",
        "Tin-Akoff",
        "Tinakof,Tin Akof",
        "14.98",
        "-0.15",
        "P",
        "PPL",
        "BF",
        "12",
        "40",
        "1200",
    ),
    ("2440002", "Tin-Akoff", "Tin-Akoff", "", "15.02", "-0.10", "H", "WLL", "BF", "12", "40", "0"),
    (
        "2440003",
        "Foret de Kelbo",
        "Foret de Kelbo",
        "Kelbo Forest",
        "13.86",
        "-1.20",
        "V",
        "FRST",
        "BF",
        "12",
        "40",
        "0",
    ),
    (
        "2440004",
        "Province du Soum",
        "Province du Soum",
        "",
        "14.10",
        "-1.60",
        "A",
        "ADM2",
        "BF",
        "12",
        "40",
        "0",
    ),
    (
        "2440005",
        "Fosse du Soum",
        "Fosse du Soum",
        "",
        "1.0",
        "1.0",
        "U",
        "TRGH",
        "BF",
        "12",
        "",
        "0",
    ),
]


def write_dump(folder: Path, rows: list[tuple[str, ...]] = DUMP_ROWS) -> Path:
    folder.mkdir()
    lines = []
    for row in rows:
        *head, pop = row
        lines.append(
            "\t".join(
                [
                    *head[:9],
                    "",
                    head[9],
                    head[10],
                    "",
                    "",
                    pop,
                    "",
                    "300",
                    "Africa/Ouagadougou",
                    "2024-01-01",
                ]
            )
        )
    write(folder / "BF.txt", "\n".join(lines) + "\n")
    return folder


def test_dump_layer(small_geocoder: Callable[..., Geocoder], tmp_path: Path) -> None:
    geocoder = small_geocoder(geonames_dir=write_dump(tmp_path / "geonames"))
    place = geocoder.resolve("Tinakof", countries=["BF"])
    assert place is not None
    # The village outranks the well of the same name; admin2 comes from the ADM2 row.
    assert (place.feature_code, place.admin1, place.admin2) == ("PPL", "Sahel", "Soum")
    (forest,) = geocoder.geoparse("Soldiers were ambushed in Kelbo Forest.", countries=["BF"])
    assert forest.feature_code == "FRST"
    assert geocoder.resolve("Fosse du Soum") is None  # undersea features are not kept


# A district and its seat town of one name; only the district has a population.
TANDARA = [
    (
        "2440010",
        "Tandara",
        "Tandara",
        "",
        "13.50",
        "-1.00",
        "A",
        "ADM2",
        "BF",
        "12",
        "41",
        "120000",
    ),
    ("2440011", "Tandara", "Tandara", "", "13.90", "-1.30", "P", "PPLA2", "BF", "12", "41", "0"),
]


def test_a_town_named_like_its_district_is_the_seat_unless_the_district_is_said(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    geocoder = small_geocoder(geonames_dir=write_dump(tmp_path / "geonames", TANDARA))
    (town,) = geocoder.geoparse("Gunmen seized an ambulance in Tandara.", countries=["BF"])
    assert (town.feature_code, town.latitude) == ("PPLA2", 13.9)
    (district,) = geocoder.geoparse("Gunmen roam Tandara province.", countries=["BF"])
    assert district.latitude == 13.5


def test_second_load_comes_from_the_cache(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    overrides = write(tmp_path / "places.csv", HEADER + "Boulkessi,,14.6,-1.32,ML,Mopti,Douentza\n")
    first = small_geocoder(overrides=overrides)
    second = small_geocoder(overrides=overrides)
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.resolve("Boulkessi") is not None
    write(
        overrides,
        HEADER
        + "Boulkessi,,14.6,-1.32,ML,Mopti,Douentza\nMondoro,,14.68,-1.95,ML,Mopti,Douentza\n",
    )
    third = small_geocoder(overrides=overrides)  # a changed layer is rebuilt
    assert not third.from_cache
    assert third.resolve("Mondoro") is not None


def test_cache_dir_from_environment(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONFLICTWATCH_CACHE", str(tmp_path / "env-cache"))
    small_geocoder(cache_dir=None)
    assert list((tmp_path / "env-cache").glob("gazetteer-*.pkl"))


def test_a_village_takes_the_nearest_cercle_of_its_own_region() -> None:
    # GeoNames says the village is in Mopti (04); the nearest admin2 point is a
    # Segou cercle's, so the nearest Mopti cercle is taken instead.
    admin1 = {
        ("ML", "04"): gazetteer.Region("ML", "Mopti", "Mopti", 14.48, -4.18),
        ("ML", "05"): gazetteer.Region("ML", "Segou", "Segou", 13.44, -6.26),
    }
    rows = [
        gazetteer.Admin2Row("ML", "05", "", "Tominian", 13.29, -4.39, "Tominian"),
        gazetteer.Admin2Row("ML", "04", "", "Bandiagara", 14.35, -3.61, "Bandiagara"),
    ]
    village = gazetteer._Raw(
        "Sango", [], 13.60, -4.30, "ML", "04", "", None, "P", "PPL", 0, gazetteer.SOURCE_BASE
    )
    gazetteer._assign_admin([village], admin1, rows)
    assert (village.admin1, village.admin2) == ("Mopti", "Bandiagara")


def test_a_village_of_an_unsplit_region_may_take_a_cercle_of_the_region_carved_from_it() -> None:
    # GeoNames codes Menaka's villages as Gao (09); admin1.tsv says Menaka is coded
    # as Gao, so a Menaka cercle is as good as a Gao one for them.
    admin1 = {
        ("ML", "09"): gazetteer.Region("ML", "Gao", "Gao", 16.27, -0.04),
        ("ML", "12070577"): gazetteer.Region("ML", "Menaka", "Menaka", 15.92, 2.40, "Gao"),
    }
    rows = [
        gazetteer.Admin2Row("ML", "09", "", "Ansongo", 15.66, 0.50, "Ansongo"),
        gazetteer.Admin2Row("ML", "12070577", "", "Menaka", 15.92, 2.40, "Menaka"),
    ]
    village = gazetteer._Raw(
        "Inekar", [], 15.96, 3.14, "ML", "09", "", None, "P", "PPL", 0, gazetteer.SOURCE_BASE
    )
    gazetteer._assign_admin([village], admin1, rows)
    assert village.admin2 == "Menaka"


def test_an_older_units_code_leaves_the_village_in_the_nearest_unit_carved_from_it() -> None:
    # GeoNames gives Yatenga's code (76) to villages of Loroum, carved from it in 1996.
    admin1 = {("BF", "10"): gazetteer.Region("BF", "Nord", "Ouahigouya", 13.58, -2.42)}
    rows = [
        gazetteer.Admin2Row("BF", "10", "62", "Loroum", 13.92, -2.17, "Loroum", "Yatenga"),
        gazetteer.Admin2Row("BF", "10", "76", "Yatenga", 13.58, -2.42, "Yatenga"),
    ]
    north = gazetteer._Raw(
        "Tioli", [], 14.13, -2.11, "BF", "10", "76", None, "P", "PPL", 0, gazetteer.SOURCE_BASE
    )
    south = gazetteer._Raw(
        "Tangaye", [], 13.54, -2.55, "BF", "10", "76", None, "P", "PPL", 0, gazetteer.SOURCE_BASE
    )
    gazetteer._assign_admin([north, south], admin1, rows)
    assert (north.admin2, south.admin2) == ("Loroum", "Yatenga")


def test_a_village_geonames_codes_to_a_far_off_capital_district_takes_its_neighbours(
    small_geocoder: Callable[..., Geocoder], tmp_path: Path
) -> None:
    # GeoNames still codes villages 100-280 km off to Niamey (admin1 08), the older,
    # larger unit; the district of Niamey today is the city.
    folder = tmp_path / "geonames"
    folder.mkdir()
    rows = [
        ["9300001", "Tangabaro", "Tangabaro", "", "14.40", "1.15", "P", "PPL", "NE", "",
         "08", "", "", "", "0", "", "250", "Africa/Niamey", "2024-01-01"],
        ["9300002", "Gamkalle Koira", "Gamkalle Koira", "", "13.52", "2.13", "P", "PPL",
         "NE", "", "08", "", "", "", "0", "", "250", "Africa/Niamey", "2024-01-01"],
    ]  # fmt: skip
    write(folder / "NE.txt", "\n".join("\t".join(row) for row in rows) + "\n")
    geocoder = small_geocoder(geonames_dir=folder)
    far = geocoder.resolve("Tangabaro", countries=["NE"])
    assert far is not None and far.admin1 == "Tillaberi"
    near = geocoder.resolve("Gamkalle Koira", countries=["NE"])
    assert near is not None and near.admin1 == "Niamey"
