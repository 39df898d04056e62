"""The actor registry: aliases, regime periods, renamed groups, templates, validation."""

from __future__ import annotations

import time
from datetime import date

import pytest

from conflictwatch.extract.actor_registry import KINDS, ActorRegistry
from conflictwatch.extract.actors import Actors
from conflictwatch.resources import DataFileError

MALI_2019 = date(2019, 6, 1)
MALI_2023 = date(2023, 6, 1)
FAMA_2021 = "Military Forces of Mali (2021-)"
ISGS = "Islamic State (Greater Sahara)"
JNIM = "JNIM: Group for Support of Islam and Muslims"
MINUSMA = (
    "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2020)"
)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def names(registry: ActorRegistry, text: str, **kw) -> list[str]:
    return [match.entry.name for match in registry.find(text, **kw)]


@pytest.mark.parametrize(
    ("text", "country", "on", "expected"),
    [
        ("FAMa units patrolled the road.", "ML", MALI_2023, FAMA_2021),
        ("L'armée malienne a riposté.", "ML", MALI_2023, FAMA_2021),
        ("Les Forces armées maliennes sont arrivées.", "ML", MALI_2023, FAMA_2021),
        (
            "Les soldats burkinabè ont été visés.",
            "BF",
            date(2023, 1, 5),
            "Military Forces of Burkina Faso (2022-)",
        ),
        (
            "Nigerien troops repelled the raid.",
            "NE",
            date(2024, 2, 1),
            "Military Forces of Niger (2023-)",
        ),
        (
            "Des gendarmes ont été tués.",
            "ML",
            MALI_2019,
            "Police Forces of Mali (2013-2020) Gendarmerie",
        ),
        ("EIGS fighters took the village.", "NE", MALI_2019, ISGS),
        ("L'État islamique au Grand Sahara a revendiqué.", "NE", MALI_2019, ISGS),
        ("Le Groupe de soutien à l'islam et aux musulmans a revendiqué.", "ML", MALI_2019, JNIM),
        ("Les casques bleus ont été visés.", "ML", date(2016, 3, 1), MINUSMA),
        ("Des chasseurs dozos ont attaqué.", "ML", date(2018, 3, 1), "Dozo Militia"),
        (
            "Dozo hunters attacked the hamlet.",
            "ML",
            date(2020, 3, 1),
            "Dozo Communal Militia (Mali)",
        ),
        ("Koglweogo members detained two men.", "BF", date(2019, 1, 1), "Koglweogo Militia"),
        ("Des VDP ont été tués.", "BF", date(2021, 1, 1), "VDP: Volunteer for Defense of Homeland"),
        (
            "Milices peules et chasseurs dogons s'affrontent.",
            "ML",
            MALI_2019,
            "Fulani Ethnic Militia (Mali)",
        ),
        ("Barkhane troops struck a camp.", "ML", MALI_2019, "Military Forces of France (2017-)"),
        (
            "Des hommes armés non identifiés ont tiré.",
            "BF",
            MALI_2019,
            "Unidentified Armed Group (Burkina Faso)",
        ),
    ],
)
def test_english_and_french_aliases_give_the_canonical_name(registry, text, country, on, expected):
    assert names(registry, text, country=country, on=on)[0] == expected


def test_wagner_before_and_africa_corps_after_its_start(registry):
    text = "Russian instructors and Malian soldiers entered the town."
    assert names(registry, text, country="ML", on=date(2022, 4, 1))[0] == "Wagner Group"
    assert names(registry, text, country="ML", on=date(2025, 9, 1))[0] == "Africa Corps"
    # In Burkina Faso the Russians who came in 2024 are the Africa Corps.
    assert names(registry, text, country="BF", on=date(2024, 5, 1))[0] == "Africa Corps"
    # Both stay resolvable by name whatever the date.
    assert registry.canonical("Wagner Group", on=date(2026, 1, 1)) == "Wagner Group"
    assert registry.canonical("africa corps", on=date(2022, 1, 1)) == "Africa Corps"
    assert registry.canonical("mercenaires de Wagner") == "Wagner Group"


def test_malian_army_gets_the_regime_period_of_the_date(registry):
    text = "The Malian army said it killed 12 terrorists."
    assert (
        names(registry, text, country="ML", on=MALI_2019)[0]
        == "Military Forces of Mali (2013-2020)"
    )
    assert names(registry, text, country="ML", on=MALI_2023)[0] == "Military Forces of Mali (2021-)"
    assert (
        names(registry, text, country="ML", on=date(2012, 5, 1))[0]
        == "Military Forces of Mali (2012-2013)"
    )
    assert names(registry, text, country="ML")[0] == "Military Forces of Mali (2021-)"  # latest


def test_generic_soldiers_take_the_country_given(registry):
    assert names(registry, "Soldiers were killed.", country="NE", on=MALI_2019) == [
        "Military Forces of Niger (2011-2021)"
    ]
    assert names(registry, "Soldiers were killed.", country="BF", on=MALI_2019) == [
        "Military Forces of Burkina Faso (2015-2022)"
    ]


def test_separatists_in_mali_are_the_northern_coalition_of_the_day(registry):
    for text in ("Separatists attacked the post.", "A separatist vehicle was hit."):
        assert names(registry, text, country="ML", on=MALI_2019) == [
            "CMA: Coordination of Movements of the Azawad"
        ], text
    # Descriptive words before a named group introduce it, however many there are.
    text = "Drones struck the base held by the Tuareg separatist group CSP."
    found = Actors.load().find(text, country="ML", on=MALI_2023)
    assert [m.entry.name for m in found] == [
        "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development"
    ]


def test_prison_guards_are_the_given_country_s(registry):
    # Not Mali's guards in a Niger story: every country's police has its own.
    assert names(registry, "Prison guards were wounded.", country="NE", on=MALI_2019) == [
        "Police Forces of Niger (2011-2021) Prison Guards"
    ]


def test_state_forces_by_country_date_and_branch(registry):
    assert registry.state_forces("NE", date(2024, 1, 1)).name == "Military Forces of Niger (2023-)"
    assert registry.state_forces("BF").name == "Military Forces of Burkina Faso (2022-)"
    gendarmes = registry.state_forces("ML", MALI_2019, branch="gendarmerie")
    assert gendarmes.name == "Police Forces of Mali (2013-2020) Gendarmerie"
    assert registry.state_forces("NE", MALI_2019, branch="police").inter == 1


def test_acronyms_match_case_sensitively(registry):
    assert names(registry, "MAA and MSA fighters clashed.", country="ML", on=MALI_2019) == [
        "MAA: Arab Movement of the Azawad",
        "MSA: Movement for Azawad Salvation",
    ]
    assert names(registry, "Maa and msa are words; the csp met; jas said.", country="ML") == []
    assert names(registry, "The CSP took Anefis.", country="ML", on=date(2023, 10, 1)) == [
        "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development"
    ]


def test_longest_alias_wins(registry):
    matches = registry.find("Islamic State Sahel fighters attacked Menaka.", on=MALI_2023)
    assert [(m.text, m.entry.name) for m in matches] == [
        ("Islamic State Sahel fighters", "Islamic State (Sahel)")
    ]
    either = names(
        registry, "Suspected JNIM or ISGS militants attacked.", country="BF", on=MALI_2019
    )
    assert either == [
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    ]


def test_offsets_point_into_the_text(registry):
    text = "Le 3 mars, des hommes armés ont tué cinq civils près de Djibo."
    matches = registry.find(text, country="BF")
    assert [m.text for m in matches] == ["hommes armés", "civils"]
    assert all(text[m.start : m.end] == m.text for m in matches)


def test_renamed_group_follows_the_date(registry):
    assert registry.canonical("ISGS", on=MALI_2019) == "Islamic State (Greater Sahara)"
    assert registry.canonical("ISGS", on=MALI_2023) == "Islamic State (Sahel)"
    assert registry.canonical("Boko Haram", on=date(2014, 1, 1)).startswith("Boko Haram")
    assert registry.canonical("Boko Haram", on=date(2016, 1, 1)) == "Islamic State (West Africa)"


def test_acled_names_and_older_labels_resolve(registry):
    assert (
        registry.canonical("Military Forces of Mali (2021-)") == "Military Forces of Mali (2021-)"
    )
    assert registry.canonical("Civilians (Mali)") == "Civilians (Mali)"
    # Labels of older ACLED releases map to today's label of the same period.
    assert (
        registry.canonical("Military Forces of Mali (2013-)")
        == "Military Forces of Mali (2013-2020)"
    )
    assert (
        registry.canonical("Military Forces of Niger (2011-)")
        == "Military Forces of Niger (2011-2021)"
    )
    assert registry.resolve("no such actor") is None


def test_katibas_have_jnim_as_parent(registry):
    entry = registry.resolve("Katiba Macina")
    assert entry is not None
    assert entry.parent == "JNIM: Group for Support of Islam and Muslims"
    assert registry.resolve("Ansaroul Islam").parent is None  # ACLED keeps it separate


def test_civilians_and_unidentified_by_country(registry):
    assert registry.civilians("NE").name == "Civilians (Niger)"
    assert registry.civilians("CI").name == "Civilians (Ivory Coast)"
    assert registry.unidentified("BF").name == "Unidentified Armed Group (Burkina Faso)"
    text = "Gunmen killed three villagers."
    assert names(registry, text, country="ML") == [
        "Unidentified Armed Group (Mali)",
        "Civilians (Mali)",
    ]
    # No country: the country-less template.
    found = registry.find(text)
    assert [(m.entry.name, m.entry.country) for m in found] == [
        ("Unidentified Armed Group", None),
        ("Civilians", None),
    ]
    with pytest.raises(KeyError):
        registry.civilians("XX")


def test_a_descriptive_word_before_a_named_actor_is_dropped(registry):
    assert names(registry, "Militants of JNIM attacked.", country="ML", on=MALI_2019) == [
        "JNIM: Group for Support of Islam and Muslims"
    ]
    assert names(registry, "les combattants de l'EIGS", country="NE", on=MALI_2019) == [
        "Islamic State (Greater Sahara)"
    ]


def test_shipped_canon_is_valid(registry):
    assert len(registry.entries) > 300
    assert all(1 <= entry.inter <= 8 and entry.kind in KINDS for entry in registry.entries)
    assert {"ML", "BF", "NE"} <= set(registry.countries)


GOOD_COUNTRY = (
    '{"record": "country", "code": "ML", "name": "Mali", '
    '"periods": [["2021-", "2021-05-24", null]]}'
)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('{"name": "X", "inter": 9, "kind": "state", "country": "ML"}', "inter"),
        ('{"name": "X", "inter": 2, "kind": "warlord", "country": null}', "kind"),
        ('{"name": "X", "inter": 2, "kind": "rebel", "valid_from": "2021-13-01"}', "ISO date"),
        ('{"name": "X", "inter": 2, "kind": "rebel", "alias": ["x"]}', "unknown keys"),
        ('{"name": "X", "inter": 2, "kind": "rebel", "parent": "Nobody"}', "parent"),
        ('{"name": "X ({country})", "inter": 7, "kind": "civilians", "country": ["ZZ"]}', "ZZ"),
        ('{"name": "X", "inter": 2,', "line 4"),
        ('{"record": "cues", "country": "ZZ", "names": ["Somebody"]}', "ZZ"),
        ('{"record": "cues", "country": "ML", "names": "", "ages": 3}', "unknown keys"),
        ('{"name": "X", "inter": 2, "kind": "rebel", "abroad": "yes"}', "abroad"),
    ],
)
def test_a_malformed_line_raises_an_error_naming_it(tmp_path, bad_line, message):
    path = tmp_path / "actors.jsonl"
    path.write_text(f"# comment\n{GOOD_COUNTRY}\n\n{bad_line}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        ActorRegistry.load(path=path)
    assert "line 4" in str(error.value)
    assert message in str(error.value)


def test_a_small_file_loads_and_expands_templates(tmp_path):
    path = tmp_path / "actors.jsonl"
    lines = [
        GOOD_COUNTRY.replace('"name": "Mali"', '"name": "Mali", "adj": ["Malian"]'),
        '{"name": "Military Forces of {of} ({period})", "inter": 1, "kind": "state", '
        '"country": "*", "role": "military", "aliases": ["soldiers", "{adj} army"]}',
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    registry = ActorRegistry.load(path=path)
    assert registry.canonical("Malian army") == "Military Forces of Mali (2021-)"
    assert registry.canonical("soldiers") == "Military Forces"  # no country: the template
    assert registry.canonical("soldiers", country="ML") == "Military Forces of Mali (2021-)"


def test_find_is_fast(registry):
    texts = [
        f"On {day} May, JNIM militants attacked a FAMa post near Mopti; {day} soldiers died."
        for day in range(1, 29)
    ] * 80  # 2,240 short texts
    started = time.perf_counter()
    for text in texts:
        registry.find(text, country="ML", on=MALI_2023)
    assert len(texts) / (time.perf_counter() - started) >= 2000


def test_generic_words_only_in_their_period_and_country(registry):
    # "rebels" names the Tuareg movement of its time; outside any period it names no one.
    assert names(registry, "Rebels attacked the camp.", country="ML", on=date(2005, 1, 1)) == []
    assert names(registry, "Rebels attacked the camp.", country="ML", on=MALI_2019) == [
        "CMA: Coordination of Movements of the Azawad"
    ]
    # Niger's MNJ is no rebel in Mali, even in its own years.
    assert names(registry, "Rebels attacked the camp.", country="ML", on=date(2008, 1, 1)) == []
    assert names(registry, "Rebels attacked the camp.", country="NE", on=date(2008, 1, 1)) == [
        "MNJ: Nigerien Movement for Justice"
    ]


def test_faction_is_coded_as_its_parent_while_the_parent_exists(registry):
    (later,) = registry.find("Katiba Macina fighters", country="ML", on=MALI_2019)
    assert later.entry.name == "Katiba Macina" and later.entry.coded_as.name == JNIM
    (earlier,) = registry.find("Katiba Macina fighters", country="ML", on=date(2016, 1, 1))
    assert earlier.entry.coded_as is None


def test_a_leading_article_does_not_hide_a_longer_name(registry):
    text = "the Islamic State West Africa Province claimed it"
    assert names(registry, text, country="NE", on=MALI_2019) == ["Islamic State (West Africa)"]


def test_bare_islamic_state_by_region(registry):
    text = "The Islamic State group claimed the attack."
    assert names(registry, text, country="NE", on=MALI_2019) == [ISGS]
    assert names(registry, text, country="NG", on=MALI_2019) == ["Islamic State (West Africa)"]


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        (
            "AQLM gunmen kidnapped two tourists.",
            date(2011, 1, 1),
            "AQIM: Al Qaeda in the Islamic Maghreb",
        ),
        (
            "FNLA fighters entered Timbuktu.",
            date(2012, 6, 1),
            "FNLA: National Liberation Front of Azawad",
        ),
        # During the 2012 occupation of the north "the Islamists" were Ansar Dine's.
        ("Islamic extremists burned the mausoleum.", date(2012, 7, 1), "Ansar Dine"),
        ("Islamic extremists burned the mausoleum.", date(2014, 7, 1), "Islamist Militia (Mali)"),
        # ... and those the French and Chadian troops fought until spring 2013.
        ("Islamist fighters shelled the town.", date(2013, 3, 1), "Ansar Dine"),
        (
            "The Front for the Liberation of Macina claimed it.",
            date(2015, 9, 1),
            "Katiba Macina",
        ),
        ("Dogon donzos burned the hamlet.", date(2018, 3, 1), "Dogon Ethnic Militia (Mali)"),
        ("Fighters of the Polisario Front shot a man.", date(2011, 12, 1), "Polisario Front"),
        (
            "The Patriotic Forces of Resistance took the town.",
            date(2012, 8, 1),
            "FPR: Patriotic Forces of Resistance",
        ),
        ("Ansar Dine fighters entered Kidal.", date(2012, 7, 1), "Ansar Dine"),
        # Before JNIM existed, al-Qaeda in the Sahel was AQIM; after, AQIM acts as JNIM.
        (
            "Al Qaeda fighters shot a man.",
            date(2015, 1, 1),
            "AQIM: Al Qaeda in the Islamic Maghreb",
        ),
        ("Al Qaeda fighters shot a man.", date(2019, 1, 1), JNIM),
        ("AQM claimed the attack.", date(2015, 1, 1), "AQIM: Al Qaeda in the Islamic Maghreb"),
        (
            "ASS militiamen killed two men.",
            date(2019, 1, 1),
            "Alliance for the Salvation of the Sahel",
        ),
        (
            "Two customs officers were wounded.",
            date(2019, 1, 1),
            "Police Forces of Mali (2013-2020)",
        ),
        ("Tuareg rebels attacked a post.", date(2004, 7, 1), "Tuareg Ethnic Militia (Mali)"),
    ],
)
def test_more_aliases(registry, text, on, expected):
    assert names(registry, text, country="ML", on=on) == [expected]


def test_a_generic_line_leaves_the_canonical_name_to_the_named_actor(registry):
    name = "MNLA: National Movement for the Liberation of Azawad"
    entry = registry.resolve(name, on=date(2012, 6, 1))
    assert entry is not None and entry.name == name and not entry.generic


def test_a_people_in_a_hyphenated_place_name_is_no_actor(registry):
    text = "The post in Bambara-Maoude and the hamlet of Ogassogou-Peulh were attacked."
    assert names(registry, text, country="ML", on=MALI_2019) == []
    assert names(registry, "Bambara villagers fled.", country="ML", on=MALI_2019) == [
        "Bambara Ethnic Group (Mali)"
    ]


def test_villagers_named_after_their_village_carry_its_militia():
    actors = Actors.load()
    text = "a dispute between the villages of Tabakoro and Sirakoro; residents of Mali"
    found = actors.find(text, country="ML", on=date(2020, 5, 5))
    armed = [m.entry.armed.name for m in found if m.entry.armed is not None]
    assert armed == ["Tabakoro Communal Militia (Mali)", "Sirakoro Communal Militia (Mali)"]
    assert all(m.entry.name == "Civilians (Mali)" for m in found if m.entry.armed)


def test_a_possessive_without_its_apostrophe_still_matches(registry):
    found = registry.find("Al-Qaedas attack on the town", on=date(2012, 5, 1))
    assert [m.text for m in found] == ["Al-Qaeda"]
    assert not registry.find("Maliens moved north")  # only a lost possessive, not any word


def test_country_cues_name_the_country_of_leaders_and_parties(registry):
    text = "Supporters of President Tandja and of the PNDS met the Compaoré family."
    found = [(code, text[start:end]) for code, start, end in registry.country_cues(text)]
    assert found == [("NE", "Tandja"), ("NE", "PNDS"), ("BF", "Compaoré")]
    # Acronyms stay case-sensitive: "pnds" in lower case is no party.
    assert registry.country_cues("the pnds of something") == []


def test_a_cue_two_countries_share_tells_neither(tmp_path):
    path = tmp_path / "actors.jsonl"
    lines = [
        GOOD_COUNTRY,
        GOOD_COUNTRY.replace('"ML"', '"BF"').replace("Mali", "Burkina Faso"),
        '{"record": "cues", "country": "ML", "names": ["Diarra", "ADEMA"]}',
        '{"record": "cues", "country": "BF", "names": ["Diarra"]}',
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    registry = ActorRegistry.load(path=path)
    assert [code for code, _, _ in registry.country_cues("Diarra of ADEMA")] == ["ML"]


def test_the_government_is_the_government_of_the_country(registry):
    found = names(registry, "The government extended the curfew.", country="NE", on=MALI_2019)
    assert found == ["Government of Niger (2011-2021)"]
    # Without its article it is only a word describing others ("government officials").
    assert names(registry, "homes of government officials", country="NE", on=MALI_2019) == []


def test_the_government_after_a_preposition_is_no_actor():
    actors = Actors.load()
    text = "Gunmen burned the farm of a member of the government; protests against the government."
    found = actors.find(text, country="ML", on=MALI_2019)
    assert [m.text for m in found] == ["Gunmen", "protests"]
    (acting,) = actors.find("The government declared a curfew.", country="ML", on=MALI_2019)
    assert acting.entry.name == "Government of Mali (2013-2020)"


def test_an_ethnic_community_carries_its_militia():
    actors = Actors.load()
    (fulani,) = actors.find("Fulani attacked the village.", country="ML", on=MALI_2019)
    assert fulani.entry.name == "Fulani Ethnic Group (Mali)"
    assert fulani.entry.armed is not None
    assert fulani.entry.armed.name == "Fulani Ethnic Militia (Mali)"
    # "Tuareg-led" only describes the rebels after it: no Tuareg people are meant.
    found = actors.find("the Tuareg-led rebels held the town", country="ML", on=MALI_2019)
    assert [m.text for m in found] == ["rebels"]


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        (
            "Burkina forces shot dead three herders.",
            date(2019, 6, 1),
            "Military Forces of Burkina Faso (2015-2022)",
        ),
        (
            "French & Malian troops entered Konna.",
            date(2013, 2, 1),
            "Military Forces of France (2012-2017)",
        ),
        (
            "A French legionnaire was wounded.",
            date(2014, 2, 1),
            "Military Forces of France (2012-2017)",
        ),
        (
            "Malian troops took Menaka in a French-led offensive.",
            date(2013, 2, 1),
            "Military Forces of France (2012-2017)",
        ),
        # Loyalists of the ousted president fought the 2012 junta as the former regime's mutiny.
        (
            "Red beret soldiers attacked the broadcaster.",
            date(2012, 5, 1),
            "Mutiny of Military Forces of Mali (2002-2012)",
        ),
    ],
)
def test_aliases_of_forms_and_coalitions(text, on, expected):
    found = [m.entry.name for m in Actors.load().find(text, country="ML", on=on)]
    assert expected in found


@pytest.mark.parametrize(
    ("text", "country", "on", "expected"),
    [
        # The country's own name before the force word, as English wires write it.
        (
            "Mali forces detained two traders.",
            "ML",
            MALI_2019,
            "Military Forces of Mali (2013-2020)",
        ),
        # In an article about another country, the name says whose force it is.
        (
            "The Burkina Faso army crossed the border.",
            "ML",
            MALI_2019,
            "Military Forces of Burkina Faso (2015-2022)",
        ),
        ("Mali police arrested two men.", "NE", MALI_2019, "Police Forces of Mali (2013-2020)"),
        ("Mali's government lifted the ban.", "ML", MALI_2019, "Government of Mali (2013-2020)"),
        (
            "The Malian administration signed the accord.",
            "ML",
            date(2013, 6, 1),
            "Government of Mali (2012-2013)",
        ),
        (
            "Members of the Presidential Security Unit stormed the cabinet.",
            "BF",
            date(2015, 9, 16),
            "Military Forces of Burkina Faso (2014-2015) Presidential Security Unit",
        ),
        ("The Macina Front raided the camp.", "ML", MALI_2019, "Katiba Macina"),
        ("Dogon Amassagou militiamen burned the hamlet.", "ML", MALI_2019, "Dan Na Ambassagou"),
    ],
)
def test_forces_and_governments_named_by_their_country(registry, text, country, on, expected):
    assert expected in names(registry, text, country=country, on=on)


def test_a_head_of_state_or_government_stands_for_the_government(registry):
    said = "Burkina Faso President Kaboré dissolved the cabinet; the prime minister resigned."
    found = names(registry, said, country="BF", on=MALI_2019)
    assert found == ["Government of Burkina Faso (2015-2022)"] * 2
    # A foreign leader on a visit is no actor of the country the article is about; being
    # generic, a leader never tells the article's country either.
    visit = "Protesters booed the Ivorian president during his visit."
    assert "Government of the Ivory Coast (2011-)" not in names(
        registry, visit, country="BF", on=MALI_2019
    )
    assert registry.named_country("the prime minister") is None


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # ACLED coded al-Mourabitoun under its GMA actor until the group rejoined AQIM.
        (date(2014, 7, 1), "GMA: Mourabitounes Group of Azawad"),
        (date(2016, 7, 1), "Al Mourabitoune Battalion"),
    ],
)
def test_al_mourabitoun_by_acled_era(registry, on, expected):
    for country in ("ML", "NE", None):
        found = registry.find("El Mourabitoun claimed the attack.", country=country, on=on)
        assert [m.entry.name for m in found] == [expected]
    # The canonical names stay each their own actor.
    assert registry.canonical("Al Mourabitoune Battalion", on=date(2014, 7, 1)) == (
        "Al Mourabitoune Battalion"
    )


def test_country_cues_of_other_spellings_and_state_companies(registry):
    text = "Workers of SOMAIR marched against President Tanja."
    found = [(code, text[start:end]) for code, start, end in registry.country_cues(text)]
    assert found == [("NE", "SOMAIR"), ("NE", "President Tanja")]


@pytest.mark.parametrize(
    ("country", "abroad", "expected"),
    [
        ("IQ", None, ["Islamic State"]),  # a country outside the canon
        ("ML", None, ["Islamic State (Sahel)"]),
        (None, None, ["Islamic State (Sahel)"]),
        # Named only by its people ("French forces"): not known to be abroad.
        ("FR", False, ["Islamic State (Sahel)"]),
    ],
)
def test_a_broad_alias_abroad_is_no_sahel_branch(registry, country, abroad, expected):
    text = "Islamic State fighters attacked the town."
    assert names(registry, text, country=country, on=date(2024, 1, 1), abroad=abroad) == expected


def test_a_generic_word_abroad_is_no_sahel_group(registry):
    text = "Rebels attacked the town."
    on = date(2024, 1, 1)
    assert names(registry, text, country="CF", on=on) == []
    assert names(registry, text, country="CF", on=on, abroad=False) != []
    assert names(registry, text, country="ML", on=on) != []


@pytest.mark.parametrize(
    "text",
    [
        "Katiba Macina (JNIM) militants burned a school.",
        "Katiba Macina [JNIM] gunmen burned a school.",
    ],
)
def test_the_noun_after_a_bracketed_group_is_that_group(registry, text):
    found = names(registry, text, country="ML", on=MALI_2019)
    assert found == ["Katiba Macina", "JNIM: Group for Support of Islam and Muslims"]


def test_a_generic_after_an_unrelated_bracket_stays(registry):
    # The gunmen follow a place in brackets, not a group: they are a side of their own.
    found = names(
        registry, "In Boni (Douentza) gunmen burned a school.", country="ML", on=MALI_2019
    )
    assert found == ["Unidentified Armed Group (Mali)"]


@pytest.mark.parametrize(
    ("country", "on", "expected"),
    [
        (
            "BF",
            date(2015, 9, 17),
            "Military Forces of Burkina Faso (2014-2015) Presidential Security Unit",
        ),
        ("NE", date(2023, 7, 20), "Military Forces of Niger (2021-2023)"),
        ("BF", date(2022, 1, 23), "Military Forces of Burkina Faso (2015-2022)"),
    ],
)
def test_a_presidential_guard_is_the_rsp_only_in_its_country_and_years(
    registry, country, on, expected
):
    found = names(
        registry, "The presidential guard detained the president.", country=country, on=on
    )
    assert found[0] == expected
