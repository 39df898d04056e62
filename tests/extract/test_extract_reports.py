"""Report assembly on short team-written texts, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.link.events import conservative_fatalities
from conflictwatch.model import Article


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(load_settings({"progress": False}))


def reports(pipeline, text, published=date(2020, 3, 2)):
    return pipeline(Article("t", text, published)).reports


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen attacked the village of Sango on Sunday. Village self-defence fighters "
            "responded to the attack and killed four assailants.",
            "Armed clash",
        ),
        (
            "On Sunday, militants ambushed an army convoy near Boni with an IED followed by "
            "small arms fire; three soldiers were killed.",
            "Armed clash",
        ),
        (
            "Gunmen attacked the town hall of Deou on Sunday and set it ablaze. No casualties.",
            "Looting/property destruction",
        ),
        (
            "Students from two faculties clashed on the campus in Bamako on Sunday over a dispute.",
            "Mob violence",
        ),
        (
            "Drivers blocked the national road at Kaya on Sunday to protest against new fees.",
            "Violent demonstration",
        ),
        (
            "Gunmen abducted a trader near Djibo on Sunday. His body was found the next day.",
            "Attack",
        ),
    ],
)
def test_reports_sub_event_type_over_sentences(pipeline, text, expected):
    found = reports(pipeline, text)
    assert found, text
    assert found[0].sub_event_type == expected


def test_reports_listed_towns_give_one_event_each_with_divided_toll(pipeline):
    found = reports(
        pipeline,
        "On Sunday, gunmen attacked the villages of Bankass, Koro and Bandiagara, killing six.",
    )
    assert sorted(r.place.name for r in found) == ["Bandiagara", "Bankass", "Koro"]
    assert sum(c.fatalities for r in found for c in r.claims) == 6


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        # The toll of events told apart elsewhere: this one's share, rounded.
        (
            "Soldiers killed 28 militants near Koro. Fatalities split between (3) events.",
            [9],
        ),
        (
            "Gunmen killed twelve civilians in Koro. Fatalities split across two events.",
            [6],
        ),
        (
            "On Sunday, gunmen killed ten herders near Koro; fatalities spread over four villages.",
            [3],
        ),
        # The towns told apart already share it.
        (
            "On Sunday, gunmen attacked Bankass and Koro, killing six. Fatalities split across "
            "two events.",
            [3, 3],
        ),
    ],
)
def test_reports_a_toll_split_across_events_as_the_text_says(pipeline, text, shares):
    found = reports(pipeline, text)
    assert [sum(c.fatalities for c in r.claims) for r in found] == shares


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # The coder's figure for the event overrules those the note reports.
        (
            "Militants claimed to have killed six soldiers near Koro. No other reports "
            "corroborated the claim. Fatalities coded as 0.",
            0,
        ),
        (
            "A total of 30 militants were killed and captured near Koro (coded as 15 fatalities).",
            15,
        ),
        (
            "Two dozen militants were neutralised near Koro. Uncertain number of deaths "
            "coded as 10.",
            10,
        ),
    ],
)
def test_reports_a_toll_the_coder_set(pipeline, text, toll):
    (found,) = reports(pipeline, text)
    assert conservative_fatalities(found.claims) == toll


def test_reports_a_town_people_came_from_does_not_split_the_story(pipeline):
    text = (
        "Gunmen attacked the village of Koro. They killed 4 people before militiamen "
        "from Bankass arrived."
    )
    (found,) = reports(pipeline, text)
    assert found.place.name == "Koro"
    assert sum(c.fatalities for c in found.claims) == 4


def test_reports_a_town_then_its_cercle_is_one_place_not_a_list(pipeline):
    # "Boni, Douentza": the cercle says where Boni lies; one event keeps the toll.
    text = "On Sunday, gunmen attacked Boni, Douentza, killing six civilians."
    (found,) = reports(pipeline, text)
    assert found.place.name == "Boni"
    assert sum(c.fatalities for c in found.claims) == 6
    # More towns after it: a list, whatever the cercles.
    text = "On Sunday, gunmen attacked Boni, Douentza and Hombori, killing six civilians."
    assert sorted(r.place.name for r in reports(pipeline, text)) == ["Boni", "Douentza", "Hombori"]


def test_reports_dateless_brief_is_dated_before_publication_with_week_precision(pipeline):
    found = reports(pipeline, "Gunmen killed two herders near Djibo.", published=date(2020, 3, 2))
    assert (found[0].event_date, found[0].time_precision) == ("2020-03-01", 2)


def test_reports_a_brief_of_several_sentences_needs_no_anchor(pipeline):
    # Four sentences, no date, no toll, no town: still one riot, told the day before.
    text = (
        "Student rioters clashed with police. Rioters set public buildings on fire. "
        "Police responded by firing teargas. Classes were suspended."
    )
    (found,) = reports(pipeline, text, published=date(2020, 3, 2))
    assert found.sub_event_type == "Violent demonstration"
    assert (found.event_date, found.time_precision) == ("2020-03-01", 2)


def test_reports_background_sentence_in_long_article_is_no_event(pipeline):
    text = (
        "The harvest in the region was poor this year.\n\n"
        "Traders say prices have doubled.\n\n"
        "The conflict has killed thousands of people since 2012, according to the UN.\n\n"
        "Farmers hope for better rains."
    )
    assert reports(pipeline, text) == []


@pytest.mark.parametrize(
    "tally",
    [
        "Since 2009, hundreds of people have been killed in suicide attacks on hotels.",
        "Islamabad has blamed several recent attacks on militants based abroad.",
    ],
)
def test_reports_a_tally_since_a_year_or_of_recent_attacks_is_background(pipeline, tally):
    text = (
        "The harvest in the region was poor this year.\n\n"
        "Traders say prices have doubled.\n\n"
        f"{tally}\n\n"
        "Farmers hope for better rains."
    )
    assert reports(pipeline, text) == []


def test_reports_multi_incident_rights_paragraph_gives_one_report_per_incident(pipeline):
    text = (
        "A rights group documented three separate attacks in Burkina Faso in a report released "
        "on Thursday. On 5 November 2023, soldiers killed at least 70 villagers in Djibo, "
        "Human Rights Watch said. On 18 January 2024, a drone strike killed 12 people at a "
        "market in Kaya, according to Human Rights Watch. On 3 February 2024, jihadist "
        "fighters executed 9 men in Dori, the group said."
    )
    found = reports(pipeline, text, published=date(2024, 3, 1))
    summary = [
        (
            r.place.name,
            r.event_date,
            r.sub_event_type,
            [(c.fatalities, c.claimed_by) for c in r.claims],
        )
        for r in found
    ]
    assert summary[:2] == [
        ("Djibo", "2023-11-05", "Attack", [(70, "Human Rights Watch")]),
        ("Kaya", "2024-01-18", "Air/drone strike", [(12, "Human Rights Watch")]),
    ]
    assert summary[2][:3] == ("Dori", "2024-02-03", "Attack")
    assert len(found) == 3


def test_reports_claim_of_responsibility_adds_to_an_attack_but_starts_none(pipeline):
    alone = "The group claimed responsibility for the attack on the market in Gao."
    assert reports(pipeline, alone) == []
    told = (
        "Gunmen attacked the market in Gao on Sunday, killing four traders. "
        "The group claimed responsibility for the attack on Monday."
    )
    found = reports(pipeline, told)
    assert len(found) == 1 and found[0].sub_event_type == "Attack"


def test_reports_a_claim_for_an_attack_not_told_before_reports_it(pipeline):
    # "for an ambush" is new to the reader; "for the attack" refers back to one.
    text = "On Monday, JNIM claimed responsibility for an ambush on soldiers near Boni."
    (report,) = reports(pipeline, text)
    assert report.sub_event_type == "Armed clash"
    assert report.actor1 is not None and report.actor1.startswith("JNIM")
    text = "On Monday, JNIM claimed responsibility for a suicide car bombing in Gao."
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Suicide bomb"]


def test_reports_warplanes_firing_missiles_is_an_air_strike(pipeline):
    found = reports(pipeline, "Warplanes fired two missiles at a convoy near Gao on Sunday.")
    assert found[0].sub_event_type == "Air/drone strike"


def test_reports_default_country_of_a_single_country_feed():
    settings = load_settings({"progress": False, "default_country": "bf"})
    feed = build_pipeline(settings)
    found = feed(
        Article("t", "Protesters marched against high fuel prices on Sunday.", date(2020, 3, 2))
    ).reports
    assert found[0].actor1 == "Protesters (Burkina Faso)"
    plain = build_pipeline(load_settings({"progress": False}))
    again = plain(
        Article("t", "Protesters marched against high fuel prices on Sunday.", date(2020, 3, 2))
    ).reports
    assert again[0].actor1 == "Protesters"


def test_reports_speaker_and_operation_authors_are_not_targets(pipeline):
    text = (
        "The UN rights office concluded that at least 500 people were killed in Moura "
        "during a military operation from 27 to 31 March 2022. Soldiers arrived by "
        "helicopter on 27 March and shot at people who ran."
    )
    found = reports(pipeline, text, published=date(2023, 5, 13))
    assert [(r.sub_event_type, r.event_date) for r in found] == [("Attack", "2022-03-27")]
    assert found[0].actor2 == "Civilians (Mali)"


def test_reports_foreign_troops_do_not_move_the_place_abroad(pipeline):
    found = reports(pipeline, "French warplanes bombed militant positions near Lere on Sunday.")
    assert found and found[0].place.country == "Mali"


def test_reports_a_country_named_later_does_not_replace_the_town_named_first(pipeline):
    # The clash is told after the town; its sentences name only the country.
    text = (
        "Gendarmes were guarding the weekly market in Tillaberi on Sunday. An exchange of "
        "fire with militants followed. It was the deadliest raid this year in Niger; two "
        "gendarmes were killed."
    )
    found = reports(pipeline, text)
    assert [(r.place.name, r.place.geo_precision) for r in found] == [("Tillabéri", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, gunmen shot a trader in Djibo. He died of his wounds in a hospital in "
        "Ouagadougou.",
        "On Sunday, gunmen shot a trader in Djibo. He died of his wounds in a Ouagadougou "
        "hospital.",
    ],
)
def test_reports_a_death_in_hospital_elsewhere_is_the_same_event(pipeline, text):
    found = reports(pipeline, text)
    assert [(r.place.name, conservative_fatalities(r.claims)) for r in found] == [("Djibo", 1)]


def test_reports_towns_a_force_came_from_are_no_list_of_events(pipeline):
    text = (
        "On Sunday, French fighter jets deployed from Gao and Niamey struck militants near Menaka."
    )
    assert [r.place.name for r in reports(pipeline, text)] == ["Ménaka"]


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, a convoy bound for Gao was ambushed at Ansongo.",
        "On Sunday, the crowd was led towards the governor's office in Gao, then "
        "clashed with police in Ansongo.",
    ],
)
def test_reports_a_destination_is_no_scene(pipeline, text):
    assert [r.place.name for r in reports(pipeline, text)] == ["Ansongo"]


def test_reports_a_road_named_by_its_two_towns_is_one_event(pipeline):
    text = "On Sunday, gunmen robbed travellers on the axis Koro and Bankass."
    assert [r.place.name for r in reports(pipeline, text)] == ["Koro"]


def test_reports_place_is_where_it_happened_not_where_victims_were_taken():
    from conflictwatch.extract.candidates import best_place
    from conflictwatch.model import Place

    text = "Gunmen killed two traders in Kouka; the wounded were taken to a hospital in Bamako."

    def place(name: str, score: float, start: int) -> Place:
        return Place(name, None, None, None, None, 0.0, 0.0, 1, score=score, start=start)

    village = place("Kouka", 0.6, text.index("Kouka"))
    capital = place("Bamako", 0.95, text.index("Bamako"))
    assert best_place([village, capital], text) is village
    # Without the cue the surer place wins; a near-tie goes to the first named.
    plain = "Gunmen killed two traders in Kouka and in Bamako."
    capital.start = plain.index("Bamako")
    assert best_place([village, capital], plain) is capital
    village.score = 0.93
    assert best_place([village, capital], plain) is village


def test_reports_place_is_not_the_landmark_of_another():
    from conflictwatch.extract.candidates import best_place
    from conflictwatch.model import Place

    def place(name: str, score: float, text: str) -> Place:
        start = text.index(name)
        end = start + len(name)
        return Place(name, None, None, None, None, 0.0, 0.0, 2, score=score, start=start, end=end)

    text = "A patrol clashed with smugglers in the Tamkoro area near Mopti."
    well, town = place("Tamkoro", 0.4, text), place("Mopti", 0.9, text)
    assert best_place([well, town], text) is well
    # After a comma the second place may be the one coded; the surer place wins.
    text = "A patrol clashed with smugglers in Tamkoro, near Mopti."
    well, town = place("Tamkoro", 0.4, text), place("Mopti", 0.9, text)
    assert best_place([well, town], text) is town


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where people come from, whose property it was, a title: not the setting.
        ("On Sunday, rioters in Kati vandalized the clinic of a doctor from Timbuktu.", "Kati"),
        (
            "On Sunday, gunmen seized a vehicle belonging to the health directorate of "
            "Kidal (DRS) in Gao.",
            "Gao",
        ),
        ("On Sunday, militants abducted the mayor of Douentza in Boni.", "Boni"),
        ("On Sunday, militants based in Menaka attacked a customs post in Ansongo.", "Ansongo"),
        # What a protest is about, or when it was held, happened elsewhere.
        (
            "On Sunday, hundreds demonstrated in Kidal to demand the release of fighters "
            "detained in Bamako.",
            "Kidal",
        ),
        (
            "On Sunday, students in Agadez staged a march to commemorate protests in Niamey.",
            "Agadez",
        ),
        (
            "Shortly after an accord was signed in Algiers, hundreds of demonstrators in Kidal "
            "rallied on Sunday.",
            "Kidal",
        ),
        (
            "On Monday, a sit-in against the violence in Gao and Timbuktu took place in Bamako.",
            "Bamako",
        ),
        # A crowd marches where it comes from.
        ("On Sunday, students from Kaya marched against the school fees.", "Kaya"),
        # A comparison, a plan, a road described: no scene either.
        (
            "On Saturday, the militants captured the town of Douentza, a step closer to the "
            "capital Bamako.",
            "Douentza",
        ),
        (
            "On Sunday, police arrested a cell near Koutiala that planned to attack Bamako, "
            "Kayes and Sikasso.",
            "Koutiala",
        ),
        (
            "On Sunday, militants blew up the bridge of Boni, which links Douentza and Hombori.",
            "Boni",
        ),
        # A stretch of road is coded to its first town; a neighbourhood to its town.
        (
            "On Sunday, gunmen robbed travellers between Gossi (Gourma-Rharous, Tombouctou) "
            "and Hombori.",
            "Gossi",
        ),
        ("On Sunday, a landmine killed three soldiers on the Gao-Gossi axis.", "Gao"),
        ("On Sunday, gunmen shot dead a trader in the Aliou neighbourhood of Kidal.", "Kidal"),
    ],
)
def test_reports_place_is_the_setting_not_another_place_named(pipeline, text, expected):
    found = reports(pipeline, text)
    assert [r.place.name for r in found if r.place] == [expected], text


def test_reports_a_country_where_the_attackers_are_based_is_no_second_event(pipeline):
    text = (
        "On 1 March, gunmen attacked a customs post in Ansongo, killing four officers. "
        "Officials said the 1 March attack was planned by militants with bases in Burkina Faso."
    )
    found = reports(pipeline, text, date(2020, 3, 10))
    assert [r.place.name for r in found] == ["Ansongo"]


def test_reports_a_country_named_for_an_owner_is_no_setting(pipeline):
    text = (
        "On 1 March, JNIM militants ambushed a bus in Douentza. On 5 March, a roadside bomb "
        "killed 11 miners in the town, as a convoy of a mining company operated by China "
        "came under fire."
    )
    found = reports(pipeline, text, date(2020, 3, 10))
    assert len(found) == 2
    assert [r.place.name for r in found] == ["Douentza", "Douentza"]


_PROTEST = "Protests"
_VIOLENCE = "Violence against civilians"


@pytest.mark.parametrize(
    ("text", "event_type", "verb", "setting", "other"),
    [
        # Where people come from, whose property it was, a title: not the setting.
        (
            "Rioters in Kati sacked the clinic of a doctor from Timbuktu.",
            "Riots",
            "sacked",
            "Kati",
            "Timbuktu",
        ),
        (
            "Gunmen seized a car belonging to the NGO of Kidal (DRS) in Gao.",
            _VIOLENCE,
            "seized",
            "Gao",
            "Kidal",
        ),
        (
            "Militants abducted the mayor of Douentza in Boni.",
            _VIOLENCE,
            "abducted",
            "Boni",
            "Douentza",
        ),
        # What a protest is about, or what happened before it.
        (
            "Youths marched in Kidal to demand the release of men held in Bamako.",
            _PROTEST,
            "marched",
            "Kidal",
            "Bamako",
        ),
        (
            "Students in Agadez marched to commemorate protests in Niamey.",
            _PROTEST,
            "marched",
            "Agadez",
            "Niamey",
        ),
        (
            "Shortly after an accord was signed in Algiers, crowds in Kidal rallied.",
            _PROTEST,
            "rallied",
            "Kidal",
            "Algiers",
        ),
        (
            "Crowds marched against the war in Gao on Monday in Bamako.",
            _PROTEST,
            "marched",
            "Bamako",
            "Gao",
        ),
        # A place naming whose official someone is, or where people left for.
        (
            "Militants assassinated a Sarakolo councilman in the village of Dembeli.",
            _VIOLENCE,
            "assassinated",
            "Dembeli",
            "Sarakolo",
        ),
        (
            "Gunmen burned the village of Dembeli, causing residents to leave for Sarakolo.",
            _VIOLENCE,
            "burned",
            "Dembeli",
            "Sarakolo",
        ),
        # A plan, a road described, a comparison.
        (
            "Police arrested a cell near Koutiala that planned to attack Bamako.",
            "Strategic developments",
            "arrested",
            "Koutiala",
            "Bamako",
        ),
        (
            "Militants blew up the bridge of Boni, which links Douentza and Hombori.",
            _VIOLENCE,
            "blew up",
            "Boni",
            "Douentza",
        ),
        (
            "Militants captured Douentza, a step closer to the capital Bamako.",
            "Strategic developments",
            "captured",
            "Douentza",
            "Bamako",
        ),
        # A stretch of road is coded to its first town, a neighbourhood to its town.
        (
            "Gunmen robbed travellers between Gossi and Hombori.",
            _VIOLENCE,
            "robbed",
            "Gossi",
            "Hombori",
        ),
        ("A mine hit a truck on the Gao-Gossi axis.", _VIOLENCE, "hit", "Gao", "Gossi"),
        (
            "Gunmen shot a trader in the Aliou neighbourhood of Kidal.",
            _VIOLENCE,
            "shot",
            "Kidal",
            "Aliou",
        ),
        # A crowd marches where it comes from.
        (
            "Students from Kaya marched against fees set in Ouagadougou.",
            _PROTEST,
            "marched",
            "Kaya",
            "Ouagadougou",
        ),
        # Unless the sentence says where it gathered.
        (
            "Students from Kaya staged a sit-in in Ouagadougou.",
            _PROTEST,
            "sit-in",
            "Ouagadougou",
            "Kaya",
        ),
    ],
)
def test_best_place_is_the_setting_not_another_place_named(text, event_type, verb, setting, other):
    from conflictwatch.extract.candidates import aside_spans, best_place
    from conflictwatch.extract.classify import Trigger
    from conflictwatch.model import Place

    def place(name: str, score: float) -> Place:
        start = text.index(name)
        return Place(name, None, None, None, None, 0.0, 0.0, 1, score=score, start=start)

    # The setting is the less sure town, so only the sentence's grammar can pick it.
    places = [place(setting, 0.6), place(other, 0.95)]
    for found in places:
        found.end = (found.start or 0) + len(found.name)
    at = text.index(verb)
    aside = aside_spans(text, 0, len(text), event_type, Trigger("attack", at, at + len(verb), verb))
    assert best_place(places, text, aside) is places[0]


def test_reports_claimant_is_the_actor_not_the_army_named_twice_as_victim(pipeline):
    text = (
        "On 4 May 2020, an army truck was struck by an IED near Boni. Two Malian soldiers "
        "were killed. JNIM claimed responsibility."
    )
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.actor1 is not None and report.actor1.startswith("JNIM")
    assert report.actor2 is not None and report.actor2.startswith("Military Forces of Mali")


def test_reports_claim_names_the_unknown_gunmen(pipeline):
    text = "On 4 May 2020, unknown gunmen killed two traders in Boni. ISGS claimed the attack."
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.actor1 == "Islamic State (Greater Sahara)"
    denied = "On 4 May 2020, unknown gunmen killed two traders in Boni. ISGS denied any role."
    (report,) = reports(pipeline, denied, published=date(2020, 5, 5))
    assert report.actor1 == "Unidentified Armed Group (Mali)"


def test_reports_they_is_the_actor_of_the_sentence_before(pipeline):
    text = "Soldiers mutinied over unpaid wages. They took control of the town of Kati."
    found = reports(pipeline, text, published=date(2012, 6, 4))
    taken = [r for r in found if r.sub_event_type == "Non-state actor overtakes territory"]
    assert taken and taken[0].actor1 is not None
    assert taken[0].actor1.startswith("Mutiny of Military Forces of Mali")


def test_reports_a_ministry_places_a_protest_in_the_capital(pipeline):
    text = "On Monday, Burkinabe nurses held a sit-in in front of the Ministry of Health."
    (report,) = reports(pipeline, text)
    assert report.place is not None
    assert (report.place.name, report.place.admin1, report.place.geo_precision) == (
        "Ouagadougou",
        "Centre",
        2,
    )
    assert report.place.mention == "the Ministry"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen shot two gendarmes in the Malian capital on Sunday.", ("Bamako", 1)),
        ("Gunmen shot two gendarmes near Burkina Faso's capital on Sunday.", ("Ouagadougou", 2)),
        # The capital named is not the article's country's: Malians marched abroad.
        ("Malian exiles marched in the capital of Niger on Sunday.", ("Niamey", 1)),
    ],
)
def test_reports_the_capital_of_a_named_country_is_that_capital(pipeline, text, expected):
    (report,) = reports(pipeline, text)
    assert report.place is not None
    assert (report.place.name, report.place.geo_precision) == expected
    assert report.place.mention is not None and "capital" in report.place.mention


def test_reports_a_nationality_naming_where_places_the_event_in_that_country(pipeline):
    text = (
        "Jihadists have spread violence across Mali for a decade. On Monday, police "
        "dismantled a terrorist cell in the Spanish cities of Qartuba and Zelfa."
    )
    (report,) = reports(pipeline, text)
    assert report.place is not None
    assert (report.place.country_code, report.place.geo_precision) == ("ES", 3)


def test_reports_a_ministry_that_speaks_is_no_place(pipeline):
    text = (
        "On Monday, gunmen attacked an army post, killing two Burkinabe soldiers. "
        "The ministry of defence said the attack was repelled."
    )
    (report,) = reports(pipeline, text)
    assert report.place is not None and report.place.feature_code == "PCLI"


def test_reports_a_protest_with_no_place_is_inferred_in_the_capital(pipeline):
    (report,) = reports(pipeline, "On Monday, Burkinabe nurses held a sit-in.")
    assert report.place is not None
    assert (report.place.name, report.place.admin1, report.place.geo_precision) == (
        "Ouagadougou",
        "Centre",
        3,
    )
    assert report.place.mention is None  # inferred: no evidence span in the text
    # An attack with no place stays at the country's centroid: fighting is not
    # reported from the capital by default.
    (report,) = reports(pipeline, "On Monday, gunmen killed two Burkinabe herders.")
    assert report.place is not None and report.place.feature_code == "PCLI"


@pytest.mark.parametrize("country", ["Burkina Faso", "bf"])
def test_reports_record_country_is_the_feed_country_when_the_text_names_none(pipeline, country):
    article = Article(
        "t", "Gunmen killed two herders.", date(2020, 3, 2), meta={"country": country}
    )
    (report,) = pipeline(article).reports
    assert report.actor1 == "Unidentified Armed Group (Burkina Faso)"
    # The text's own country wins over the record's.
    article = Article(
        "t", "Gunmen killed two herders in Mali.", date(2020, 3, 2), meta={"country": country}
    )
    (report,) = pipeline(article).reports
    assert report.actor1 == "Unidentified Armed Group (Mali)"


@pytest.mark.parametrize(
    "text",
    [
        # A second sentence that repels "the attack" tells the same event: a battle.
        "On 2 May 2020, gunmen attacked the village of Sango and took cattle. Village "
        "hunters repulsed the attack.",
        "On 2 May 2020, gunmen attacked the village of Sango, with local hunters repelling "
        "the attack.",
        "On 2 May 2020, gunmen attacked Sango. Hunters defending the village were overpowered.",
    ],
)
def test_reports_defenders_make_an_attack_a_battle(pipeline, text):
    (report,) = reports(pipeline, text)
    assert report.sub_event_type == "Armed clash"


def test_reports_the_assailants_are_the_named_group_not_a_second_side(pipeline):
    text = (
        "On 2 May 2020, JNIM militants killed two herders near Djibo; the assailants also "
        "took their cattle."
    )
    (report,) = reports(pipeline, text)
    assert report.sub_event_type == "Attack"
    assert report.actor2 == "Civilians (Burkina Faso)"


def test_reports_attributed_to_names_the_actor(pipeline):
    (report,) = reports(pipeline, "At least 5 civilians killed in an attack attributed to ISGS.")
    assert report.actor1 == "Islamic State (Greater Sahara)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The agent of a passive verb is who did it, not who was hit.
        ("On Sunday, four herders were killed by Dozo hunters near Sofara.", "Attack"),
        # A faction and its parent named together are one side, not two fighting.
        ("On Sunday, Katiba Macina (JNIM) militants killed a griot in Sofara.", "Attack"),
    ],
)
def test_reports_who_was_hit_decides_attack_or_clash(pipeline, text, expected):
    assert [r.sub_event_type for r in reports(pipeline, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, police assaulted a taxi driver in Sofara during the covid-19 curfew.",
        "On Monday, a farmer near Sofara died of his wounds after gunmen shot him.",
    ],
)
def test_reports_violence_amid_a_disease_or_of_wounds_is_an_event(pipeline, text):
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Attack"]


def test_reports_disease_deaths_stay_background(pipeline):
    text = "On Monday, twelve people died of cholera in Sofara."
    assert reports(pipeline, text) == []


def test_reports_a_disaster_story_tells_its_disaster_throughout(pipeline):
    opening = "Floods battered southern Niger this week, officials said. "
    # Words that sound violent, with no armed actor, tell of the floods.
    text = opening + "On Monday, Dosso was hit hard and eleven people were killed."
    assert reports(pipeline, text) == []
    text = opening + "On Monday, collapsing houses injured 15 people in Dosso."
    assert reports(pipeline, text) == []
    # An armed actor or a deliberate act is news of its own.
    text = opening + "On Monday, gunmen killed two herders near Dosso."
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Attack"]
    text = opening + "On Monday, two herders were killed in an attack near Dosso."
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Attack"]
    # Without the disaster opening, the same sentence is an event.
    text = "On Monday, Dosso was hit hard and eleven people were killed."
    assert reports(pipeline, text) != []
    # A collapse, or the disaster agency's word, is the disaster on its own.
    assert reports(pipeline, "On Monday, collapsing houses injured 15 people in Dosso.") == []
    assert reports(pipeline, "Soldiers helped in the villages earthquakes hit on Monday.") == []


def test_reports_the_side_hit_telling_its_reply_stays_the_side_hit(pipeline):
    # The army hit in the first sentence acts in the second: still the target side.
    text = (
        "An army checkpoint was attacked near Niono on Sunday. The army said it killed five "
        "assailants."
    )
    (report,) = reports(pipeline, text)
    assert (report.actor1, report.actor2) == (
        "Unidentified Armed Group (Mali)",
        "Military Forces of Mali (2013-2020)",
    )
    # A passive's subject read as the actor swaps nothing: both sides stay sides.
    text = (
        "Two Chadian UN peacekeepers and two AQIM members were killed in a suicide car bomb "
        "attack near Kidal on Sunday. Seven other UN peacekeepers were also wounded."
    )
    (report,) = reports(pipeline, text, published=date(2015, 3, 2))
    assert {report.actor1, report.actor2} == {
        "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali "
        "(2013-2020)",
        "AQIM: Al Qaeda in the Islamic Maghreb",
    }


def test_reports_claim_after_the_event_reports_it(pipeline):
    text = "On Monday, two soldiers were wounded by an IED near Boni, JNIM claimed responsibility."
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Remote explosive/landmine/IED"]
    claim_only = "JNIM claimed responsibility for the bombing that killed two soldiers near Boni."
    assert reports(pipeline, claim_only) == []


def test_reports_a_claim_for_the_attack_this_sentence_told_reports_it(pipeline):
    text = (
        "On Monday, the UN base in Aguelhok was hit by rockets fired by Ansar Dine, "
        "though MUJAO claimed responsibility for the attack."
    )
    assert [r.sub_event_type for r in reports(pipeline, text)] == [
        "Shelling/artillery/missile attack"
    ]
    # The clashes only date the claim: no event is told.
    text = (
        "On Monday, minutes after the clashes near Boni, "
        "JNIM claimed responsibility for the attack."
    )
    assert reports(pipeline, text) == []


def test_reports_demands_are_not_events(pipeline):
    text = "On Monday, hundreds marched in Sofara calling for the army to take power."
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Peaceful protest"]


def test_reports_a_force_that_fought_back_is_the_side_attacked(pipeline):
    text = (
        "On Monday, Boko Haram fighters attacked the town of Bosso. "
        "The Nigerien army fought back and the militants fled."
    )
    (report,) = reports(pipeline, text)
    assert report.actor1.startswith("Islamic State (West Africa) and/or Boko Haram")
    assert report.actor2 == "Military Forces of Niger (2011-2021)"
    assert report.assoc_actor_1 == []


def test_reports_a_blast_that_killed_people_of_no_named_side_hit_civilians(pipeline):
    text = "On Monday, a truck struck an IED near Djibo, killing one person and wounding 12."
    (report,) = reports(pipeline, text)
    assert report.actor2 == "Civilians (Burkina Faso)"
    # No one killed: no side hit is known.
    (report,) = reports(pipeline, "On Monday, an IED exploded near Djibo without casualties.")
    assert report.actor2 is None


def test_reports_mutineers_fight_their_country_s_army(pipeline):
    text = "On Monday, mutineers took over the town of Diffa."
    (report,) = reports(pipeline, text, published=date(2002, 8, 6))
    assert report.actor1 == "Mutiny of Military Forces of Niger (1999-2010)"
    assert report.actor2 == "Military Forces of Niger (1999-2010)"


def test_reports_claimant_in_the_same_sentence_is_actor1_not_a_target(pipeline):
    text = (
        "On 4 May 2020, two Malian soldiers were wounded by an IED near Boni, "
        "JNIM claimed responsibility."
    )
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.actor1 is not None and report.actor1.startswith("JNIM")
    assert not any(name.startswith("JNIM") for name in report.assoc_actor_2)


@pytest.mark.parametrize(
    "text",
    [
        # A headline drops the "was": the post is who was hit, a fight with its guards.
        "Checkpoint in Sofara attacked overnight, one guard wounded.",
        "Gendarmerie post attacked overnight in Sofara, one gendarme wounded.",
        # A later verb hitting armed people makes the attack on a village a fight.
        "On Sunday, JNIM militants attacked the village of Sango, and killed one member of the "
        "village self-defence and wounded a woman.",
        # "fought back" answers the attack before it: one event, a battle.
        "On Sunday, gunmen attacked the village of Sango, killing two herders. Local hunters "
        "fought back, killing three of the assailants.",
    ],
)
def test_reports_armed_people_hit_make_a_battle(pipeline, text):
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Armed clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked on Sunday in Sofara, killing two herders.",
        # A passive agent after a place phrase is who did it, not who was hit.
        "On Sunday, an elderly herder was shot dead at his home in Sofara by militants.",
    ],
)
def test_reports_attackers_are_not_the_ones_hit(pipeline, text):
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Attack"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Sunday, 200 Senegalese soldiers arrived in Gao to reinforce the mission.",
            "Change to group/activity",
        ),
        ("On Sunday, Dozo militiamen encircled the village of Sango.", "Change to group/activity"),
        ("On Sunday, the governor of Gao resigned amid pressure from local leaders.", "Other"),
        ("On Sunday, the prime minister and his government resigned.", "Other"),
        ("On Sunday, militants closed down six schools around Sofara.", "Other"),
        ("On Sunday, militants set up a fake checkpoint near Sofara.", "Other"),
    ],
)
def test_reports_troop_movements_and_other_developments(pipeline, text, expected):
    assert [r.sub_event_type for r in reports(pipeline, text)] == [expected]


def test_reports_no_event_in_a_career_told_of_a_person(pipeline):
    # Only a government or an office holder resigning is a development; a politician's
    # past, told in a relative clause, is no event.
    text = (
        "Diallo, who headed the opposition party until he resigned in October, "
        "spoke to reporters in Sofara on Sunday."
    )
    assert reports(pipeline, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # What a protest is about is no event of its own.
        "On Sunday, thousands marched in Sofara in support of the army fighting the rebels.",
        "On Sunday, residents of Sofara marched following clashes between herders and farmers.",
        "On Sunday, teachers in Sofara staged a sit-in demanding that the government "
        "implement the signed agreement.",
    ],
)
def test_reports_a_protest_grievance_is_not_the_event(pipeline, text):
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Peaceful protest"]


def test_reports_a_crowd_fighting_after_the_lead_is_still_a_riot(pipeline):
    text = "On Sunday, police sealed off Sofara after demonstrators clashed with the gendarmes."
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Violent demonstration"]


def test_reports_a_peaceful_crowd_shot_at_is_excessive_force(pipeline):
    text = "On Sunday, soldiers opened fire on villagers protesting in Sofara against a new tax."
    assert [r.sub_event_type for r in reports(pipeline, text)] == [
        "Excessive force against protesters"
    ]
    text = "On Sunday, students marched in Sofara and police responded by firing into the crowd."
    assert [r.sub_event_type for r in reports(pipeline, text)] == [
        "Excessive force against protesters"
    ]
    # Marchers wounded by the police, a protest put down or broken up with excessive force.
    for text in (
        "On Sunday, residents marched in Sofara and seven were wounded by police forces.",
        "On Sunday, a protest by women in Sofara was violently put down by the militants.",
        "On Sunday, police used excessive force to break up a protest at the Sofara market.",
    ):
        assert [r.sub_event_type for r in reports(pipeline, text)] == [
            "Excessive force against protesters"
        ], text
    # Tear gas fired into the crowd is an intervention, not excessive force.
    text = "On Sunday, students protested in Sofara and police fired tear gas into the crowd."
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Protest with intervention"]


def test_reports_date_of_the_cause_is_not_the_event_date(pipeline):
    text = "In response to an attack on 1 March, soldiers killed five militants near Djibo."
    (found,) = reports(pipeline, text, published=date(2020, 3, 10))
    assert found.event_date == "2020-03-09"


def test_reports_date_of_an_earlier_deed_in_a_participle_phrase_is_skipped(pipeline):
    text = "Militants killed a trader abducted on 2 March near Djibo."
    (found,) = reports(pipeline, text, published=date(2020, 3, 10))
    assert found.event_date == "2020-03-09"


def test_reports_date_before_a_claim_is_when_it_was_claimed(pipeline):
    text = "Gunmen killed two soldiers near Djibo. On 5 March, JNIM claimed the attack."
    found = reports(pipeline, text, published=date(2020, 3, 10))
    assert [r.event_date for r in found] == ["2020-03-09"]


@pytest.mark.parametrize(
    "text",
    [
        "As reported on 5 March, gunmen abducted a trader near Djibo.",
        "Reported on 5 March, gunmen abducted a trader near Djibo.",
        "Gunmen abducted a trader near Djibo, as reported on 5 March.",
    ],
)
def test_reports_brief_dated_by_its_report(pipeline, text):
    found = reports(pipeline, text, published=date(2020, 3, 10))
    assert [r.event_date for r in found] == ["2020-03-05"]


def test_reports_opening_clause_date_is_not_inherited(pipeline):
    text = (
        "After clashes on 2 March, the army sent reinforcements to the area. "
        "Gunmen killed three soldiers near Djibo."
    )
    found = reports(pipeline, text, published=date(2020, 3, 10))
    assert "2020-03-02" not in [r.event_date for r in found]


def test_reports_trailing_day_before_is_not_inherited(pipeline):
    text = (
        "On 5 March, an army truck hit a mine near Boni while searching for survivors of an "
        "ambush the day before. No casualties were reported from the IED explosion."
    )
    found = reports(pipeline, text, published=date(2020, 3, 10))
    assert {r.event_date for r in found} == {"2020-03-05"}


def test_reports_detail_of_another_kind_does_not_date_the_lead(pipeline):
    text = (
        "About 300 people marched in Ouagadougou to demand the release of a union leader. "
        "He was arrested in mid-February."
    )
    assert [r.event_date for r in reports(pipeline, text)] == ["2020-03-01"]


def test_reports_follow_up_told_days_later_stays_with_its_incident(pipeline):
    text = "On 2 March, gunmen abducted a teacher near Djibo. He was killed three days later."
    found = reports(pipeline, text, published=date(2020, 3, 10))
    assert [(r.event_date, sum(c.fatalities or 0 for c in r.claims)) for r in found] == [
        ("2020-03-02", 1)
    ]


def test_reports_date_after_publication_is_no_event_date(pipeline):
    text = "Gunmen killed two herders near Djibo ahead of elections on 30 June 2020."
    (found,) = reports(pipeline, text, published=date(2020, 3, 10))
    assert found.event_date == "2020-03-09"


def test_reports_protest_is_not_dated_by_what_it_protests(pipeline):
    text = "Youths protested in Bamako following the repression of a march in Gao on Monday."
    (found,) = reports(pipeline, text, published=date(2020, 3, 5))  # a Thursday
    assert (found.event_date, found.time_precision) == ("2020-03-04", 2)


def test_reports_deed_of_a_noun_found_later_is_not_the_event_date(pipeline):
    text = "The bodies of two herders kidnapped on 2 March were found near Djibo."
    (found,) = reports(pipeline, text, published=date(2020, 3, 10))
    assert found.event_date == "2020-03-09"


def test_reports_brief_of_days_of_fighting_is_one_event_a_day(pipeline):
    text = "Rebels and soldiers clashed near Kidal for three days. Ten people were killed."
    found = reports(pipeline, text, published=date(2020, 3, 10))
    assert [(r.event_date, r.time_precision) for r in found] == [
        ("2020-03-07", 2),
        ("2020-03-08", 2),
        ("2020-03-09", 2),
    ]
    assert sum(c.fatalities or 0 for r in found for c in r.claims) == 10


def test_reports_strike_just_begun_is_one_event(pipeline):
    text = "Teachers in Niamey began a three-day strike."
    assert [r.event_date for r in reports(pipeline, text)] == ["2020-03-01"]


def test_reports_long_article_without_event_date_takes_when_it_was_told(pipeline):
    filler = " ".join(f"The region has long been calm, observer {n} noted." for n in range(6))
    text = f"The army said on Tuesday that its drones had struck a rebel base near Kidal. {filler}"
    found = reports(pipeline, text, published=date(2023, 11, 8))
    assert [(r.event_date, r.time_precision) for r in found] == [("2023-11-07", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One soldier, a guard or a named armed group hit makes a fight.
        ("Gunmen shot dead a republican guard in Niamey on Sunday.", "Armed clash"),
        ("GATIA was subjected to an ambush near Anefis on Sunday. One man died.", "Armed clash"),
        # ACLED codes soldiers off duty, on leave or retired as civilians.
        ("Gunmen shot dead an off-duty gendarme at his home in Djibo on Sunday.", "Attack"),
        ("Unknown gunmen killed a retired soldier near Boni on Sunday.", "Attack"),
        ("Gunmen killed a former rebel commander at his home in Gao on Sunday.", "Attack"),
        # "Former rebels" is what news calls the signatory movements, still armed.
        ("Militants killed two former rebels near Kidal on Sunday.", "Armed clash"),
        # A fighter put to death is a battle; villagers executed are an attack.
        ("On Sunday, JNIM militants executed a captured militiaman near Tessit.", "Armed clash"),
        ("On Sunday, soldiers executed three villagers near Tessit.", "Attack"),
    ],
)
def test_reports_who_was_hit_decides_battle_or_attack(pipeline, text, expected):
    assert [r.sub_event_type for r in reports(pipeline, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Residents of two villages clashed over a land dispute near Sideradougou on "
            "Sunday. Five people were killed.",
            "Armed clash",
        ),
        (
            "Residents of two villages clashed over a land dispute near Sideradougou on "
            "Sunday. Five people were wounded.",
            "Mob violence",
        ),
        (
            "Intercommunal violence between herders and farmers left three people wounded "
            "in Diffa on Sunday.",
            "Mob violence",
        ),
        (
            "Opposing political groups clashed in Fada on Sunday, leaving several hurt.",
            "Mob violence",
        ),
    ],
)
def test_reports_a_fight_between_communities_is_a_battle_only_with_deaths(pipeline, text, expected):
    assert [r.sub_event_type for r in reports(pipeline, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Students marched in Tita on Sunday to demand more teachers. They clashed with "
            "the police sent to disperse them.",
            "Violent demonstration",
        ),
        (
            "Residents marched in Kaya on Sunday against power cuts; security forces "
            "intervened and dispersed them.",
            "Protest with intervention",
        ),
    ],
)
def test_reports_how_a_march_went_is_one_report(pipeline, text, expected):
    assert [r.sub_event_type for r in reports(pipeline, text)] == [expected]


def test_reports_a_takeover_with_no_clashes_reported_is_non_violent(pipeline):
    text = "On Sunday, French troops occupied a rebel post near Ber; no clashes were reported."
    found = reports(pipeline, text)
    assert [r.sub_event_type for r in found] == ["Non-violent transfer of territory"]


def test_reports_the_militants_are_the_group_named_before_them(pipeline):
    text = (
        "On 4 May 2020, presumed ISGS militants stopped a bus near Menaka. "
        "The militants seized the passengers' phones."
    )
    found = reports(pipeline, text, published=date(2020, 5, 5))
    assert found and all(r.actor1 == "Islamic State (Greater Sahara)" for r in found)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2020, a FAMa checkpoint in Gossi was attacked overnight. One soldier was killed.",
        "On 4 May 2020, four Malian soldiers were wounded when their vehicle hit a mine near Boni.",
    ],
)
def test_reports_the_unnamed_side_of_a_battle_or_blast_is_an_armed_group(pipeline, text):
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    sides = {report.actor1, report.actor2}
    assert "Unidentified Armed Group (Mali)" in sides
    assert any(s and s.startswith("Military Forces of Mali") for s in sides)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 May 2020, Fulani and Dogon clashed in Koro, three people were killed.",
            {"Fulani Ethnic Militia (Mali)", "Dogon Ethnic Militia (Mali)"},
        ),
        (
            "On 4 May 2020, farmers and herders clashed near Diffa, three people were killed.",
            {"Unidentified Communal Militia (Niger)"},
        ),
    ],
)
def test_reports_communities_fighting_each_other_are_militias(pipeline, text, expected):
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.sub_event_type == "Armed clash"
    assert {report.actor1, report.actor2} - {None} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 May 2020, armed villagers from Tabakoro attacked herders near Koro, "
            "two herders were wounded.",
            "Tabakoro Communal Militia (Mali)",
        ),
        (
            "On 4 May 2020, youths from the village of Tabakoro beat two gunmen to death "
            "near Koro.",
            "Tabakoro Communal Militia (Mali)",
        ),
        (
            "On 4 May 2020, villagers in the area of Tabakoro killed two JNIM militants near Koro.",
            "Tabakoro Communal Militia (Mali)",
        ),
    ],
)
def test_reports_villagers_named_after_their_village_act_as_its_militia(pipeline, text, expected):
    found = reports(pipeline, text, published=date(2020, 5, 5))
    assert any(expected in {r.actor1, r.actor2, *r.assoc_actor_1} for r in found)


def test_reports_villagers_from_a_village_hit_stay_civilians(pipeline):
    text = "On 4 May 2020, gunmen killed three villagers from Tabakoro near Koro."
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.actor2 == "Civilians (Mali)"
    assert "Communal Militia" not in (report.actor1 or "")


def test_reports_villagers_in_a_battle_with_soldiers_stay_civilians(pipeline):
    text = "On 4 May 2020, an exchange of fire between soldiers and civilians was reported in Koro."
    found = reports(pipeline, text, published=date(2020, 5, 5))
    assert found
    assert not any("Communal Militia" in (r.actor1 or "") + (r.actor2 or "") for r in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Fighters taken by the other side: ACLED codes a battle.
        ("On 4 May 2020, gunmen abducted two GATIA militiamen near Gossi.", "Armed clash"),
        ("On 4 May 2020, militants kidnapped three soldiers near Boni.", "Armed clash"),
        # Told in the passive, or of people who only serve the forces: a kidnapping.
        (
            "On 4 May 2020, two border guards were abducted by gunmen near Gossi.",
            "Abduction/forced disappearance",
        ),
        (
            "On 4 May 2020, gunmen abducted an informant of the army near Boni.",
            "Abduction/forced disappearance",
        ),
        (
            "On 4 May 2020, gunmen abducted a gendarme off duty near Boni.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_reports_armed_people_abducted(pipeline, text, expected):
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.sub_event_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 4 May 2020, gunmen shot dead a forest agent near Boni.", "Armed clash"),
        ("On 4 May 2020, gunmen shot at a park ranger near Boni.", "Armed clash"),
        ("On 4 May 2020, gunmen shot dead a school guard near Boni.", "Attack"),
    ],
)
def test_reports_rangers_and_guards_are_armed(pipeline, text, expected):
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.sub_event_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 May 2020, gunmen fired on the gendarmerie of Sollé while it was unmanned.",
            "Looting/property destruction",
        ),
        (
            "On 4 May 2020, gunmen attacked a petrol station in Boni and took fuel.",
            "Looting/property destruction",
        ),
        (
            "On 4 May 2020, gunmen attacked an abandoned army post near Boni.",
            "Looting/property destruction",
        ),
        ("On 4 May 2020, gunmen attacked an army post near Boni.", "Armed clash"),
    ],
)
def test_reports_empty_post_hit_is_property_destruction(pipeline, text, expected):
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.sub_event_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 May 2020, militants shelled the army camp in Boni with mortars and opened "
            "fire on the gate.",
            "Armed clash",
        ),
        (
            "On 4 May 2020, a would-be suicide bomber was shot dead at the gate of a military "
            "camp in Boni.",
            "Armed clash",
        ),
        (
            "On 4 May 2020, militants shelled the army camp in Boni.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 4 May 2020, a boy was killed by an explosive device on the army shooting range "
            "near Boni.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_reports_bombs_or_shells_with_gunfire_make_a_battle(pipeline, text, expected):
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.sub_event_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 May 2020, clashes between rival students in Kaya left two people dead.",
            "Mob violence",
        ),
        (
            "On 4 May 2020, two groups of worshippers clashed in Kaya; one man was killed.",
            "Mob violence",
        ),
        (
            "On 4 May 2020, two camps of a mosque began fighting in Kaya over the imam.",
            "Mob violence",
        ),
        (
            "On 4 May 2020, herders and farmers clashed near Kaya; three people were killed.",
            "Armed clash",
        ),
    ],
)
def test_reports_students_or_worshippers_fighting_is_mob_violence_even_with_deaths(
    pipeline, text, expected
):
    assert [r.sub_event_type for r in reports(pipeline, text, published=date(2020, 5, 5))] == [
        expected
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 May 2020, soldiers demonstrated at their camp in Kati and fired shots in the "
            "air over unpaid bonuses.",
            "Violent demonstration",
        ),
        (
            "On 4 May 2020, hundreds marched in Kati. Police fired in the air to disperse them.",
            "Protest with intervention",
        ),
        (
            "On 4 May 2020, residents protested in Kidal. The demonstrators burned French flags "
            "and portraits of the president.",
            "Peaceful protest",
        ),
        ("On 4 May 2020, protesters in Kidal burned the town hall.", "Violent demonstration"),
    ],
)
def test_reports_shots_in_the_air_and_burned_symbols_at_protests(pipeline, text, expected):
    assert [r.sub_event_type for r in reports(pipeline, text, published=date(2020, 5, 5))] == [
        expected
    ]


def test_reports_a_group_of_one_region_places_an_unplaced_event_in_it(pipeline):
    text = "Boko Haram fighters raided a fishing camp overnight, killing five people."
    (report,) = reports(pipeline, text, published=date(2021, 4, 2))
    assert report.place is not None
    assert (report.place.admin1, report.place.geo_precision, report.place.mention) == (
        "Diffa",
        3,
        None,
    )
    # A town named in the text wins over the group's region.
    text = "Boko Haram fighters raided Ayorou overnight, killing five people."
    (report,) = reports(pipeline, text, published=date(2021, 4, 2))
    assert report.place is not None and report.place.name == "Ayorou"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A region says its country as a town does.
        ("Gunmen killed two traders in the Mopti region on Sunday.", "Mali"),
        # A mission tied to one country says it too.
        (
            "Two MINUSMA peacekeepers were wounded on Sunday when their vehicle hit a mine.",
            "Mali",
        ),
        # So do a country's leaders, parties and unions.
        ("On Sunday, thousands marched against President Tandja's third term.", "Niger"),
        ("On Sunday, SYNTSHA health workers began a sit-in.", "Burkina Faso"),
    ],
)
def test_reports_country_from_cues_other_than_towns(pipeline, text, expected):
    found = reports(pipeline, text)
    assert found and found[0].actor1 is not None
    assert found[0].actor1.endswith(f"({expected})")


def test_reports_a_named_actor_gives_generic_words_its_country(pipeline):
    (report,) = reports(pipeline, "On Sunday, soldiers arrested two MNLA fighters.")
    assert report.actor1 == "Military Forces of Mali (2013-2020)"


def test_reports_an_actorless_sentence_goes_on_with_the_actor_before(pipeline):
    text = (
        "On Sunday, soldiers arrested five herders near Boni. Three of them were "
        "summarily executed."
    )
    found = reports(pipeline, text)
    assert [r.actor1 for r in found] == ["Military Forces of Mali (2013-2020)"] * 2
    # Only within the paragraph: a new one tells another story.
    text = (
        "On Sunday, soldiers arrested five herders near Boni.\n\n"
        "On Tuesday, three traders were killed near Douentza."
    )
    found = reports(pipeline, text)
    assert found[-1].actor1 == "Unidentified Armed Group (Mali)"


def test_reports_looting_without_an_actor_is_by_an_unidentified_group(pipeline):
    (report,) = reports(pipeline, "On Sunday, the health centre of Boni was looted.")
    assert report.sub_event_type == "Looting/property destruction"
    assert report.actor1 == "Unidentified Armed Group (Mali)"


def test_reports_brief_takes_a_town_named_after_the_event_sentence(pipeline):
    text = "A ferry was ambushed on the river by gunmen. The wounded were rescued in Djenne."
    (report,) = reports(pipeline, text)
    assert report.place is not None and report.place.mention == "Djenne"
    # Not a town of a sentence that tells an event of its own.
    text = "Gunmen killed two herders on Monday. Separately, soldiers arrested a trader in Djibo."
    first, second = reports(pipeline, text)
    assert first.place is not None and first.place.name != "Djibo"
    assert second.place is not None and second.place.name == "Djibo"


def test_reports_days_told_together_give_one_event_a_day_with_divided_toll(pipeline):
    found = reports(
        pipeline,
        "On 20 and 21 February, soldiers killed seven militants near Djibo.",
        published=date(2020, 3, 2),
    )
    assert [(r.event_date, r.time_precision, r.date_end) for r in found] == [
        ("2020-02-20", 1, None),
        ("2020-02-21", 1, None),
    ]
    # The conservative split: whole numbers that add up to the toll, the odd one first.
    assert [[c.fatalities for c in r.claims] for r in found] == [[4], [3]]
    assert len({r.id for r in found}) == 2
    # The evidence stays the date as told.
    assert {e.text for r in found for e in r.evidence if e.field == "event_date"} == {
        "20 and 21 February"
    }


def test_reports_listed_days_and_towns_divide_the_toll_among_all(pipeline):
    found = reports(
        pipeline,
        "On 18, 20 and 22 February, gunmen attacked Bankass and Koro, killing twelve.",
        published=date(2020, 3, 2),
    )
    assert sorted({r.event_date for r in found}) == ["2020-02-18", "2020-02-20", "2020-02-22"]
    assert sorted({r.place.name for r in found}) == ["Bankass", "Koro"]
    assert sum(c.fatalities for r in found for c in r.claims) == 12


@pytest.mark.parametrize(
    "text",
    [
        "Between 20 and 21 February, gunmen killed four herders near Djibo.",
        "Overnight between 20 and 21 February, gunmen killed four herders near Djibo.",
        "Around 20 February 2020 (between 20 - 21 February), gunmen killed four herders "
        "near Djibo.",
    ],
)
def test_reports_an_uncertain_span_stays_one_event_on_its_first_day(pipeline, text):
    (found,) = reports(pipeline, text, published=date(2020, 3, 2))
    assert found.event_date == "2020-02-20"
    assert [c.fatalities for c in found.claims] == [4]


FRANCE = "Military Forces of France (2017-)"
FRANCE_2012 = "Military Forces of France (2012-2017)"
JNIM_NAME = "JNIM: Group for Support of Islam and Muslims"


def actors_of(report) -> set[str]:
    return {report.actor1, report.actor2, *report.assoc_actor_1, *report.assoc_actor_2}


@pytest.mark.parametrize(
    "text",
    [
        "The French army said on Friday that soldiers killed twelve jihadists near Boni.",
        # The speaker goes on in the next sentence.
        "Operation Barkhane said on Friday that its operation near Menaka had ended. "
        "It said soldiers killed ten militants near Menaka.",
    ],
)
def test_reports_soldiers_in_what_a_named_army_says_are_its_own(pipeline, text):
    (report,) = reports(pipeline, text)
    assert report.actor1 == FRANCE
    assert "Military Forces of Mali (2013-2020)" not in actors_of(report)


def test_reports_militants_killed_by_no_one_named_fall_to_the_forces_told_of(pipeline):
    text = "French troops seized the bridge of Gao on Sunday. Twelve Islamists were killed."
    found = reports(pipeline, text, published=date(2013, 2, 4))
    assert found[-1].actor1 == FRANCE_2012
    # Forces hit before did not kill the attackers: the attack stays the group's.
    text = (
        "On Sunday, JNIM/Katiba Macina militants attacked army positions near Boni. "
        "Seven militants were killed."
    )
    assert {r.actor1 for r in reports(pipeline, text)} == {JNIM_NAME}


def test_reports_generic_fighters_hit_are_the_group_named_before(pipeline):
    text = (
        "Suspected ISGS militants burned a school in Tin-Akoff on Sunday. On Tuesday, "
        "French troops killed four militants near Menaka."
    )
    assert reports(pipeline, text)[-1].actor2 == "Islamic State (Greater Sahara)"
    # "other militants" are not said to be them.
    text = text.replace("four militants", "four other militants")
    assert reports(pipeline, text)[-1].actor2 == "Unidentified Armed Group (Mali)"
    # "the attackers" hit by those who came to help are the attackers named before.
    text = (
        "Fulani militiamen attacked the village of Dim on Sunday. Dan Na Ambassagou "
        "militiamen intervened and recovered motorbikes belonging to the attackers."
    )
    clash = reports(pipeline, text)[-1]
    assert (clash.actor1, clash.actor2) == ("Dan Na Ambassagou", "Fulani Ethnic Militia (Mali)")


def test_reports_a_clash_with_only_a_force_named_is_against_the_group_of_the_article(
    pipeline,
):
    text = (
        "Boko Haram fighters looted shops in Bosso on Saturday. The Nigerien army launched "
        "ground and air operations around Bosso on Sunday."
    )
    clash = reports(pipeline, text)[-1]
    assert clash.actor1 == "Military Forces of Niger (2011-2021)"
    assert clash.actor2 is not None and "Boko Haram" in clash.actor2


def test_reports_a_faction_stays_beside_the_group_it_is_coded_as(pipeline):
    text = (
        "Katiba Macina militants abducted two traders near Dioura on Sunday. On Tuesday, "
        "the health centre of Dioura was looted."
    )
    looting = reports(pipeline, text)[-1]
    assert (looting.actor1, looting.assoc_actor_1) == (JNIM_NAME, ["Katiba Macina"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Sunday, unknown gunmen coming from Nigeria attacked the village of Dan Issa "
            "near Maradi.",
            "Unidentified Armed Group (Nigeria)",
        ),
        (
            "On Sunday, unknown gunmen (believed to be Nigerians) killed a trader in Dan Issa "
            "near Maradi.",
            "Unidentified Armed Group (Nigeria)",
        ),
    ],
)
def test_reports_armed_men_from_a_country_are_its_armed_group(pipeline, text, expected):
    assert reports(pipeline, text)[0].actor1 == expected


@pytest.mark.parametrize(
    ("text", "actor1", "assoc"),
    [
        (
            "Five jihadists were killed in a French military operation near Menaka on Sunday.",
            FRANCE,
            [],
        ),
        (
            "On Sunday, soldiers were attacked by JNIM/Katiba Macina militants near Boni.",
            JNIM_NAME,
            ["Katiba Macina"],
        ),
    ],
)
def test_reports_the_acting_side_named_after_the_verb(pipeline, text, actor1, assoc):
    (report,) = reports(pipeline, text)
    assert (report.actor1, report.assoc_actor_1) == (actor1, assoc)


def test_reports_the_side_clashed_with_is_hit_not_associated(pipeline):
    text = "On Sunday, Katiba Macina militants clashed with ISGS militants near Konna."
    (report,) = reports(pipeline, text)
    assert report.actor2 == "Islamic State (Greater Sahara)"


def test_reports_a_claimant_is_not_its_own_associate(pipeline):
    text = "Gunmen attacked the police post in Dori on Sunday. The attack was claimed by JNIM."
    (report,) = reports(pipeline, text)
    assert (report.actor1, report.assoc_actor_1) == (JNIM_NAME, [])


def test_reports_an_act_with_no_actor_is_by_the_one_force_named(pipeline):
    text = (
        "Malian soldiers are hunting deserters in the camp of Kati. Two men were killed on Sunday."
    )
    assert reports(pipeline, text)[0].actor1 == "Military Forces of Mali (2013-2020)"
    # Not when the force is the one hit: a mine has a planter.
    text = "Three Malian soldiers were killed when their vehicle struck a mine near Boni."
    assert reports(pipeline, text)[0].actor1 == "Unidentified Armed Group (Mali)"


def test_reports_a_region_is_a_nearer_guess_than_its_country(pipeline):
    text = "On Sunday, gunmen killed five people in the Boucle du Mouhoun region of Burkina Faso."
    (report,) = reports(pipeline, text)
    assert (report.place.admin1, report.place.geo_precision) == ("Boucle du Mouhoun", 3)


@pytest.mark.parametrize(
    "later",
    [
        "The gunmen were later identified as ISGS militants.",
        "The attackers turned out to be ISGS fighters.",
        "One of the gunmen was reportedly part of ISGS.",
    ],
)
def test_reports_attackers_identified_later_are_the_actor(pipeline, later):
    text = f"On 4 May 2020, unknown gunmen killed two traders in Boni. {later}"
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    assert report.actor1 == "Islamic State (Greater Sahara)"


def test_reports_victims_identified_as_members_do_not_name_the_attackers(pipeline):
    text = (
        "On 4 May 2020, unknown gunmen killed two men in Boni. "
        "The victims were identified as members of ISGS."
    )
    found = reports(pipeline, text, published=date(2020, 5, 5))
    assert all(r.actor1 != "Islamic State (Greater Sahara)" for r in found)


def test_reports_planter_named_later_fills_the_side_a_blast_leaves_unnamed(pipeline):
    # The army is read as the acting side here; the group named as the planter must
    # still be the other side, not the unidentified armed group.
    text = (
        "On 4 May 2020, an armoured vehicle of the Malian army struck an IED near Boni, "
        "wounding five soldiers. The device was likely planted by JNIM militants."
    )
    (report,) = reports(pipeline, text, published=date(2020, 5, 5))
    sides = {report.actor1, report.actor2}
    assert "JNIM: Group for Support of Islam and Muslims" in sides
    assert "Unidentified Armed Group (Mali)" not in sides


@pytest.mark.parametrize(
    "text",
    [
        "ISGS militants attacked soldiers near Tillia on Sunday, killing 12 soldiers. "
        "Several militants were also killed.",
        "JNIM militants attacked the village of Garbame on Sunday. The attackers wounded a "
        "man and burned a school.",
    ],
)
def test_a_generic_word_beside_a_named_group_is_no_second_group(pipeline, text):
    (report,) = reports(pipeline, text)
    sides = [report.actor1, report.actor2, *report.assoc_actor_1, *report.assoc_actor_2]
    assert not [name for name in sides if name and name.startswith("Unidentified")]


def test_unknown_gunmen_beside_a_community_stay_the_actor(pipeline):
    text = "On Sunday, two Dawsahak youths were found dead near Menaka, killed by unknown gunmen."
    (report,) = reports(pipeline, text)
    assert report.actor1 == "Unidentified Armed Group (Mali)"
    assert "Dawsahak Ethnic Militia (Mali)" not in report.assoc_actor_1


PUBLISHED_2021 = date(2021, 3, 30)


@pytest.mark.parametrize(
    "text",
    [
        "In 2004, a bombing killed nine French soldiers in Bouake.",
        "A trial opened in Paris on Monday over the 2004 bombing of a French base in Bouake "
        "that killed nine French soldiers.",
        "Officials recalled the attack in 2015 that killed 80 people in Bouake.",
        "The camp was to close after two attacks in 2013 and 2015 had involved its residents.",
    ],
)
def test_an_act_of_a_past_year_is_history(pipeline, text):
    assert reports(pipeline, text, PUBLISHED_2021) == []


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, a court in Gao sentenced three men charged with murder and armed robbery.",
        "On Sunday, a court in Gao heard two men convicted of attacking a convoy.",
        # A list of charges is charges to its end.
        "On Sunday, men sent to the camp in Gao had been charged with murder, attempted "
        "murder, assault and drug crimes.",
    ],
)
def test_what_someone_is_charged_with_is_no_event(pipeline, text):
    assert reports(pipeline, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, prosecutors in Bamako ordered the arrest of the former minister.",
        "On Sunday, a judge in Bamako issued an arrest warrant for the former minister.",
    ],
)
def test_an_arrest_ordered_is_no_arrest(pipeline, text):
    assert reports(pipeline, text) == []


def test_an_accusation_describing_a_victim_is_no_act_but_an_alleged_act_is(pipeline):
    text = (
        "On Sunday, militants abducted a trader near Gao accused of informing the army and "
        "being close to a mayor killed in an ambush."
    )
    (report,) = reports(pipeline, text)
    assert report.sub_event_type == "Abduction/forced disappearance"
    (alleged,) = reports(pipeline, "On Sunday, police were accused of shooting a trader in Gao.")
    assert alleged.sub_event_type == "Attack"


def test_an_act_told_beside_a_past_year_stays(pipeline):
    text = "Gunmen attacked Bouake on Monday, a repeat of the 2004 attack."
    (report,) = reports(pipeline, text, PUBLISHED_2021)
    assert (report.sub_event_type, report.event_date) == ("Attack", "2021-03-29")
    (this_year,) = reports(pipeline, "In 2021, gunmen attacked Bouake.", PUBLISHED_2021)
    assert this_year.sub_event_type == "Attack"


def test_a_past_year_names_only_its_own_clause(pipeline):
    text = (
        "Former policemen, expelled after the 2011 mutiny, organised a sit-in in "
        "Ouagadougou on Monday."
    )
    (report,) = reports(pipeline, text, date(2017, 4, 25))
    assert report.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "The navies held a joint exercise on Monday to demonstrate the alliance's strength.",
        "The army demonstrated its capacity to strike deep in the Sahel on Monday.",
        "The two ministers clashed in a heated debate in Niamey on Monday.",
        "Aid was paused on Monday after the Oval Office clash between the two presidents.",
        "Firefighters battled blazes in Bamako on Monday.",
    ],
)
def test_words_of_showing_arguing_and_firefighting_are_no_events(pipeline, text):
    assert reports(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds demonstrated in Bamako on Monday.", "Peaceful protest"),
        (
            "Supporters of the two candidates clashed in Bamako on Monday after the debate.",
            "Mob violence",
        ),
    ],
)
def test_protests_and_street_clashes_stay_events(pipeline, text, expected):
    (report,) = reports(pipeline, text)
    assert report.sub_event_type == expected


@pytest.mark.parametrize(
    "aftermath",
    ["The militants seized weapons and vehicles.", "The militants burned the barracks."],
)
def test_what_attackers_take_or_burn_after_their_attack_is_no_second_event(pipeline, aftermath):
    attack = "On Sunday, JNIM militants attacked the army base in Boni, killing 12 soldiers."
    text = f"{attack} {aftermath}"
    assert [r.sub_event_type for r in reports(pipeline, text)] == ["Armed clash"]


def test_reports_a_force_named_only_as_hurt_is_not_the_attacker(pipeline):
    text = (
        "On Monday, a suicide bomber detonated his bomb at a checkpoint in Gao. "
        "1 policeman injured."
    )
    (report,) = reports(pipeline, text)
    assert report.actor1 == "Unidentified Armed Group (Mali)"
    # A force that acts is still the likely author of what follows.
    text = "On Monday, soldiers arrested five men in Gao. Three were later executed."
    assert {r.actor1 for r in reports(pipeline, text)} == {"Military Forces of Mali (2013-2020)"}


def test_reports_a_strike_with_no_crowd_is_a_strategic_development(pipeline):
    text = "On Monday, university teachers in Niamey began observing a 72-hour strike."
    (report,) = reports(pipeline, text)
    assert (report.event_type, report.sub_event_type) == ("Strategic developments", "Other")
    assert report.actor1 == "Protesters (Niger)"
    # A march, or a hunger strike, is a protest.
    for text in (
        "On Monday, teachers in Niamey began a 72-hour strike. They marched to the ministry.",
        "On Monday, detainees in Niamey began a hunger strike.",
    ):
        assert [r.sub_event_type for r in reports(pipeline, text)] == ["Peaceful protest"]


def test_reports_weapons_traded_or_tested_are_no_attack(pipeline):
    for text in (
        "On Monday, Turkish jets flew over Ankara in a two-day exercise to test a new radar.",
        "On Monday, Washington refused to sell Patriot missiles to Turkey.",
    ):
        assert reports(pipeline, text) == []
    # Fired at someone, or with a toll, the same weapons are an attack.
    text = "On Monday, rockets hit the MINUSMA camp in Kidal, days after a weapons sale."
    assert [r.sub_event_type for r in reports(pipeline, text)] == [
        "Shelling/artillery/missile attack"
    ]
    text = "On Monday, missiles bought abroad killed three civilians in Kidal."
    assert len(reports(pipeline, text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Talks that took place are ACLED's agreements; talks hoped for are none.
        ("On Monday, the government and the CMA held talks in Algiers.", ["Agreement"]),
        ("On Monday, officials said they hope to settle the dispute during talks in Gao.", []),
        # A ceasefire a side is ready for, or one proposed, is not agreed.
        ("On Monday, the CMA said it was ready for a ceasefire in Gao.", []),
        ("On Monday, the CMA welcomed a proposal to extend the ceasefire to Gao.", []),
        ("On Monday, officials said the CMA was due to sign the accord in Gao.", []),
        # Talks that "were to be held" did not take place.
        (
            "On Monday, supporters of the opposition tried to force their way into the hall "
            "where talks were to be held in Bamako. Police fired tear gas at the demonstrators.",
            ["Protest with intervention"],
        ),
        # A detention that began is an arrest; one that goes on is no event.
        ("On Monday, gendarmes placed two journalists in detention in Gao.", ["Arrests"]),
        ("On Monday, the judge said the journalist remains in detention in Gao.", []),
    ],
)
def test_reports_talks_and_detentions_that_happened(pipeline, text, expected):
    assert [r.sub_event_type for r in reports(pipeline, text)] == expected


def test_reports_an_accord_is_signed_once_whatever_places_it_concerns(pipeline):
    text = (
        "On Monday, Fulani and Dogon leaders signed an accord in Sevare to end hostilities "
        "in the cercles of Bankass, Koro and Bandiagara."
    )
    found = reports(pipeline, text)
    assert [(r.sub_event_type, r.place.name) for r in found] == [("Agreement", "Sévaré")]


def test_reports_a_country_hit_with_tariffs_is_not_attacked(pipeline):
    text = "On Monday, Washington hit Canada with a new 25% levy on steel."
    assert reports(pipeline, text) == []
    text = "On Monday, gunmen hit the convoy with rockets near Gao."
    assert [r.sub_event_type for r in reports(pipeline, text)] == [
        "Shelling/artillery/missile attack"
    ]


def test_history_told_as_background_is_no_event(pipeline):
    # A 2025 article recalls 2021 after its lead: background, not news.
    text = (
        "On Monday, Taliban police arrested two journalists in Herat. Their families "
        "appealed for their release. The UN called for calm.\n\n"
        "The Taliban, who seized power in Kabul in August 2021, have barred women from work."
    )
    found = reports(pipeline, text, published=date(2025, 3, 12))
    assert [r.event_date for r in found] == ["2025-03-10"]
    # The year-old limit is a setting; 0 keeps everything.
    keep_all = build_pipeline(load_settings({"progress": False, "history_days": 0}))
    assert "2021-08-15" in [r.event_date for r in reports(keep_all, text, date(2025, 3, 12))]
    # What the lead tells is the story however old: an inquiry published a year on.
    text = (
        "A UN inquiry found that soldiers killed 500 people in Moura in March 2022.\n\n"
        "The report was published on Friday. The government rejected it."
    )
    assert [r.event_date for r in reports(pipeline, text, date(2023, 5, 13))] == ["2022-03-15"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An anniversary names a past event; the day is the speech's, not the protest's.
        (
            "The envoy spoke on Friday, the 14th anniversary of the start of protests "
            "against the government in Bamako.",
            [],
        ),
        ("On Friday, thousands protested against the government in Bamako.", ["Peaceful protest"]),
        # Expected acts have not happened; an air force officer is no air strike.
        (
            "On Tuesday, an air force general said he is expecting the rebels to launch "
            "rockets at Gao.",
            [],
        ),
        ("On Tuesday, the air force struck rebels near Gao.", ["Air/drone strike"]),
        # Someone described as jailed is no arrest; someone jailed on the day is.
        (
            "On Monday, the son of imprisoned publisher Moussa Diallo met officials in Bamako.",
            [],
        ),
        ("On Monday, a court in Bamako imprisoned the publisher Moussa Diallo.", ["Arrests"]),
        # Coffins dispatched are no troop movement; reinforcements are.
        ("On Monday, officials dispatched coffins and food to Gao.", []),
        ("On Monday, the army dispatched reinforcements to Gao.", ["Change to group/activity"]),
    ],
)
def test_reports_anniversaries_expectations_and_descriptions_are_no_events(
    pipeline, text, expected
):
    assert [r.sub_event_type for r in reports(pipeline, text)] == expected


def test_reports_a_count_of_attacks_is_background(pipeline):
    text = (
        "A regional official spoke to reporters in Gao. He thanked the donors.\n\n"
        "He said the group had doubled the number of attacks it carried out in the region "
        "in July.\n\nThe talks resume next week. The governor will attend them."
    )
    assert reports(pipeline, text, published=date(2020, 9, 2)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Shots fired at something are an attack in any tense.
        ("On Monday, gunmen stopped two trucks near Gao, firing gunshots at them.", "Attack"),
        # Strikes carried out on fighters or their positions are air strikes.
        (
            "On Monday, French aircraft carried out strikes targeting IS militants near Gao.",
            "Air/drone strike",
        ),
    ],
)
def test_reports_shots_fired_and_strikes_on_fighters(pipeline, text, expected):
    assert [r.sub_event_type for r in reports(pipeline, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # The forces whose vehicle ran into the device are hit; the planter acts.
        (
            "An armored vehicle of the Malian army struck an IED near Boni, leaving five "
            "soldiers injured. The device was likely planted by JNIM.",
            ("JNIM: Group for Support of Islam and Muslims", [], "Military Forces of Mali"),
        ),
        (
            "Three soldiers died when their vehicle hit an explosive device near Gao.",
            ("Unidentified Armed Group (Mali)", [], "Military Forces of Mali"),
        ),
        # A group read as the army's ally laid the device; a faction after its parent.
        (
            "A convoy escorted by the Malian army was struck by an IED laid by Katiba Macina "
            "(JNIM) militants near Boni.",
            ("JNIM: Group for Support of Islam and Muslims", ["Katiba Macina"], "Military Forces"),
        ),
        # Forces that drop the bombs still act.
        (
            "French troops bombed Islamist positions near Kidal.",
            ("Military Forces of France (2017-)", [], "Unidentified Armed Group (Mali)"),
        ),
    ],
)
def test_reports_forces_whose_vehicle_struck_a_mine_are_the_side_hit(pipeline, text, sides):
    (report,) = reports(pipeline, text, date(2020, 5, 7))
    actor1, assoc1, actor2 = sides
    assert report.sub_event_type == "Remote explosive/landmine/IED"
    assert (report.actor1, report.assoc_actor_1) == (actor1, assoc1)
    assert report.actor2.startswith(actor2)
