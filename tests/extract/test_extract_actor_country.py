"""Whose country an actor carries, and who acted, on team-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.extract.actor_registry import ActorRegistry
from conflictwatch.extract.actors import Actors
from conflictwatch.model import Article


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(load_settings({"progress": False}))


def first(pipeline, text, published=date(2020, 3, 2), **meta):
    found = pipeline(Article("t", text, published, meta=meta)).reports
    assert found, text
    return found[0]


# -- the article's country ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a protest is against names a foreign country: the protest is not there.
        ("On Monday, people demonstrated against the war in Iraq.", "Protesters"),
        (
            "On Monday, thousands demonstrated in Bamako against the war in Iraq.",
            "Protesters (Mali)",
        ),
        # A home country in the grievance still counts.
        ("Students protested against the arrest of their leader in Niamey.", "Protesters (Niger)"),
    ],
)
def test_a_foreign_country_protested_against_is_not_where_the_protest_was(pipeline, text, expected):
    assert first(pipeline, text).actor1 == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Foreigners taken or killed are news from where they were, not from home.
        ("On Monday, gunmen kidnapped a Chinese oil worker.", None),
        ("On Monday, gunmen took a group of German tourists hostage.", None),
        # A force the registry files as serving abroad fights away from home.
        ("On Monday, French troops killed four militants in an airstrike.", None),
        ("On Monday, militants shot down a French helicopter.", None),
        # People at home, or forces, still name their country.
        ("On Monday, Cameroonian teachers marched to demand their arrears.", "CM"),
        ("On Monday, Nigerian soldiers killed two bandits.", "NG"),
    ],
)
def test_foreigners_abroad_do_not_name_the_article_s_country(pipeline, text, expected):
    place = first(pipeline, text).place
    assert (place.country_code if place else None) == expected


def test_a_country_named_as_a_landmark_is_not_the_article_s(pipeline):
    report = first(pipeline, "On Monday, gunmen killed two herders near Tera, close to the border "
                   "with Burkina Faso.")  # fmt: skip
    assert report.actor1 == "Unidentified Armed Group (Niger)"


def test_a_home_outlet_outweighs_one_village_abroad_but_not_two_towns(pipeline):
    lone = first(pipeline, "On Monday, gunmen killed two herders in Tera.", outlet="Sidwaya")
    assert lone.actor1 == "Unidentified Armed Group (Burkina Faso)"
    two = first(
        pipeline, "On Monday, gunmen killed two herders in Tera and Ayorou.", outlet="Sidwaya"
    )
    assert two.actor1 == "Unidentified Armed Group (Niger)"
    # The country the text names itself wins.
    named = first(pipeline, "On Monday, gunmen killed two herders in Niger.", outlet="Sidwaya")
    assert named.actor1 == "Unidentified Armed Group (Niger)"


def test_with_no_place_a_group_of_one_country_tells_the_article_s(pipeline):
    report = first(pipeline, "On Monday, MUJAO members amputated the hand of a suspected thief.")
    assert report.actor2 == "Civilians (Mali)"
    # Groups of several countries tell none; an outlet's country comes first.
    report = first(pipeline, "On Monday, ISGS militants killed a herder.")
    assert report.actor2 == "Civilians"
    report = first(pipeline, "On Monday, MUJAO members killed a herder.", outlet="Sidwaya")
    assert report.actor2 == "Civilians (Burkina Faso)"


def test_words_that_fit_every_country_do_not_tell_the_article_s():
    registry = ActorRegistry.load()
    assert registry.named_country("soldiers") is None
    assert registry.named_country("police") is None
    assert registry.named_country("FAMa") == "ML"
    assert registry.named_country("FAMa soldiers") == "ML"
    assert registry.named_country("Malian soldiers") == "ML"
    assert registry.named_country("Koglweogo") == "BF"


# -- the people an actor belongs to -----------------------------------------------


def test_a_nationality_before_a_generic_actor_gives_it_that_country(pipeline):
    report = first(
        pipeline,
        "On Monday, suspected Nigerian bandits attacked the village of Dan Issa near Maradi "
        "and killed a trader.",
    )
    assert report.actor1 == "Unidentified Armed Group (Nigeria)"
    assert report.actor2 == "Civilians (Niger)"


def test_bare_soldiers_belong_to_the_one_army_the_text_names(pipeline):
    text = (
        "On Monday, militants detonated an IED against a Nigerien army vehicle near "
        "Menaka, killing four soldiers."
    )
    report = first(pipeline, text)
    sides = {report.actor2, *report.assoc_actor_2}
    assert sides == {"Military Forces of Niger (2011-2021)"}
    text = "On Monday, French forces clashed with JNIM militants near Gao; two soldiers died."
    report = first(pipeline, text)
    assert "Military Forces of Mali (2013-2020)" not in {
        report.actor1,
        report.actor2,
        *report.assoc_actor_1,
        *report.assoc_actor_2,
    }
    # Two armies named: "soldiers" could be either, and stay the article's.
    text = (
        "On Monday, French and Malian forces clashed with JNIM militants near Gao; "
        "two soldiers died."
    )
    report = first(pipeline, text)
    assert {report.actor1, *report.assoc_actor_1} == {
        "Military Forces of France (2017-)",
        "Military Forces of Mali (2013-2020)",
    }


def test_residents_who_protest_are_the_protesters_not_their_village_militia(pipeline):
    report = first(pipeline, "On Monday, residents in Garango demonstrated at the town hall.")
    assert report.actor1 == "Protesters (Burkina Faso)"
    assert report.assoc_actor_1 == []


def test_a_group_named_only_in_what_a_protest_is_about_does_not_march(pipeline):
    text = "On Monday, residents in Niamey marched to demand the departure of French forces."
    assert first(pipeline, text).assoc_actor_1 == []
    text = "On Monday, MNLA supporters marched in Kidal against the army."
    assert first(pipeline, text).assoc_actor_1 == [
        "MNLA: National Movement for the Liberation of Azawad"
    ]


def test_a_protesting_crowd_is_named_after_its_people(pipeline):
    report = first(
        pipeline,
        "On Monday, Sudanese refugees staged a sit-in in front of the UNHCR office in Agadez.",
    )
    assert report.actor1 == "Protesters (Sudan)"
    report = first(pipeline, "On Monday, Malian soldiers dispersed protesters in Gao.")
    assert report.actor1 == "Protesters (Mali)"


def test_of_country_names_a_country_the_canon_lacks_the_acled_way():
    actors = Actors.load()
    gunmen = actors.registry.resolve("gunmen", country="NE")
    assert actors.of_country("gunmen", gunmen, "TD", "Chad", None).name == (
        "Unidentified Armed Group (Chad)"
    )
    assert actors.of_country("gunmen", gunmen, "SD", "Sudan", None).name == (
        "Unidentified Armed Group (Sudan)"
    )


# -- crowds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, residents of Kaya caught two suspected thieves and beat them to death.",
        "On Monday, youths burned a bar in Gao.",
    ],
)
def test_a_crowd_that_acts_alone_is_rioters(pipeline, text):
    report = first(pipeline, text)
    assert report.event_type == "Riots"
    assert report.actor1.startswith("Rioters (")


def test_students_fighting_the_police_riot(pipeline):
    report = first(pipeline, "On Monday, students clashed with police in Ouagadougou over grants.")
    assert report.event_type == "Riots"
    assert report.actor1 == "Rioters (Burkina Faso)"
    assert report.actor2.startswith("Police Forces of Burkina Faso")


@pytest.mark.parametrize(
    "text",
    [
        # Who reported it did not do it.
        "On Monday, an exchange of fire in Gao was reported by residents.",
        # Gunmen fought off by residents: an armed group attacked.
        "On Monday, gunmen attacked the village of Sango and were fought off by residents.",
        # Armed men with guns are no mob.
        "On Monday, armed youths shot dead a trader in Gao.",
    ],
)
def test_armed_men_and_witnesses_are_no_mob(pipeline, text):
    report = first(pipeline, text)
    assert report.event_type != "Riots"


# -- who acted ----------------------------------------------------------------------


def test_actors_joined_to_one_hit_were_hit_too(pipeline):
    report = first(
        pipeline,
        "On Monday, two French soldiers and a civilian were wounded by an IED near Gao. JNIM "
        "claimed responsibility.",
    )
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert report.actor2 == "Military Forces of France (2017-)"


def test_only_a_government_imposes_a_curfew(pipeline):
    report = first(pipeline, "On Monday, the governor of the Sahel region imposed a nightly curfew "
                   "in Djibo.")  # fmt: skip
    assert report.actor1 == "Government of Burkina Faso (2015-2022)"


def test_either_force_of_a_pair_may_have_acted(pipeline):
    report = first(
        pipeline, "On Monday, French or Burkinabe forces carried out an airstrike near Djibo."
    )
    assert report.actor1 == "Military Forces of France (2017-)"
    assert "Military Forces of Burkina Faso (2015-2022)" in report.assoc_actor_1


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "On Monday, French warplanes bombed a militant camp near Gao.",
            date(2020, 3, 2),
            "Military Forces of France (2017-)",
        ),
        (
            "On Monday, volunteer fighters repelled an attack on Arbinda.",
            date(2020, 3, 2),
            "VDP: Volunteer for Defense of Homeland",
        ),
        # ACLED's label for unattributed jihadists until late 2018.
        (
            "On Monday, Islamic fundamentalists attacked a radio station in Niamey.",
            date(2016, 3, 2),
            "Islamist Militia (Niger)",
        ),
    ],
)
def test_lexicon_names(pipeline, text, published, expected):
    assert first(pipeline, text, published).actor1 == expected


def test_intercommunal_clashes_are_fought_by_communal_militias(pipeline):
    report = first(pipeline, "On Monday, two people were killed in intercommunal clashes in Djibo.")
    names = [report.actor1, report.actor2, *report.assoc_actor_1, *report.assoc_actor_2]
    assert "Unidentified Communal Militia (Burkina Faso)" in names


def test_the_militants_are_the_group_named_just_before(pipeline):
    text = (
        "On Monday, JNIM militants attacked the village of Sango in Mopti. The militants then "
        "clashed with Dan Na Ambassagou militiamen."
    )
    battle = next(r for r in pipeline(Article("t", text, date(2020, 3, 2))).reports
                  if r.event_type == "Battles")  # fmt: skip
    assert battle.actor1 == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, 23 militants were reported killed or captured by soldiers near Boni.",
        "On Monday, soldiers raided a camp near Boni, leaving 23 militants killed or captured.",
    ],
)
def test_militants_killed_or_captured_were_hit(pipeline, text):
    report = first(pipeline, text)
    assert report.actor1 == "Military Forces of Mali (2013-2020)"


def test_an_article_abroad_names_a_broad_group_as_it_is_named(pipeline):
    text = "Islamic State militants killed five soldiers near Mosul in Iraq on Sunday."
    assert first(pipeline, text).actor1 == "Islamic State"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "On Sunday, security forces killed six gunmen who stormed a hotel in Kismayo, Somalia.",
            ("Military Forces of Somalia", "Unidentified Armed Group (Somalia)"),
        ),
        (
            "On Sunday, soldiers clashed with rebels near Bambari in the Central African Republic.",
            (
                "Military Forces of the Central African Republic",
                "Unidentified Armed Group (Central African Republic)",
            ),
        ),
    ],
)
def test_forces_of_a_country_outside_the_canon_are_named_for_it(pipeline, text, sides):
    report = first(pipeline, text)
    assert (report.actor1, report.actor2) == sides


def test_a_nationality_before_forces_outside_the_canon_is_its_military(pipeline):
    text = "On Sunday, Somali forces killed 12 militants near Kismayo in Somalia."
    assert first(pipeline, text).actor1 == "Military Forces of Somalia"
    # The canon's own "French forces" keep their name.
    text = "On Sunday, French forces of Operation Barkhane killed 12 militants near Gao."
    assert first(pipeline, text).actor1.startswith("Military Forces of France (")


def test_a_nationality_names_forces_of_a_country_outside_the_canon(pipeline):
    text = "On Sunday, the Pakistani military killed 12 militants near Quetta in Pakistan."
    assert first(pipeline, text).actor1 == "Military Forces of Pakistan"
    # The canon's own countries keep ACLED's names with their periods.
    mali = first(pipeline, "On Sunday, soldiers killed 12 militants near Gao.")
    assert mali.actor1 == "Military Forces of Mali (2013-2020)"


def test_a_demonym_is_no_country_name(pipeline):
    # "German" names people, as "Malian" does; "Burkina" still names Burkina Faso.
    text = "Two German tourists were kidnapped by Tuareg rebels near Djibo in Burkina."
    doc = pipeline(Article("t", text, date(2012, 3, 2)))
    assert [m.text for m in doc.of("nationality")] == ["German"]
    assert [m.text for m in doc.of("country")] == ["Burkina"]
    assert doc.reports[0].actor1 != "Unidentified Armed Group (Germany)"
