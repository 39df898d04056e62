"""Actor roles and names on short team-written sentences: passives without an
auxiliary, quoted agents, communities named as victims, later attributions."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.extract.actors import Actors
from conflictwatch.extract.roles import assign_roles
from conflictwatch.model import Article

UNIDENTIFIED_ML = "Unidentified Armed Group (Mali)"


@pytest.fixture(scope="module")
def actors() -> Actors:
    return Actors.load()


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(load_settings({"progress": False}))


def roles_of(actors: Actors, text: str, trigger: str, on: date = date(2019, 6, 1)):
    found = re.search(trigger, text)
    assert found is not None
    matches = actors.find(text, country="ML", on=on)
    return assign_roles(text, 0, found.start(), found.end(), matches)


def first(pipeline, text: str, published: date = date(2019, 6, 2)):
    found = pipeline(Article("t", text, published)).reports
    assert found, text
    return found[0]


def all_sides(report) -> list[str]:
    """Every actor the report names, in any slot."""
    sides = [report.actor1, report.actor2, *report.assoc_actor_1, *report.assoc_actor_2]
    return [name for name in sides if name]


@pytest.mark.parametrize(
    "text",
    [
        "A policeman shot dead by gunmen near Gao.",
        "A policeman was shot dead by 'gunmen' near Gao.",
        'A policeman was shot dead by "unknown gunmen" near Gao.',
    ],
)
def test_the_agent_after_by_acts_and_the_one_before_was_hit(actors, text):
    roles = roles_of(actors, text, "shot")
    assert roles.actor1 is not None and roles.actor1.role == "unidentified"
    assert roles.actor2 is not None and roles.actor2.role == "police"


def test_a_counted_community_killed_is_hit_not_its_militia(actors):
    roles = roles_of(
        actors, "As many as 20 Fulani pastoralists killed in the Menaka area.", "killed"
    )
    assert roles.actor1 is None
    assert roles.actor2 is not None and roles.actor2.name == "Fulani Ethnic Group (Mali)"


def test_a_people_named_only_to_describe_a_body_is_no_actor(actors):
    matches = actors.find("A Fulani-focused NGO counted the dead.", country="ML")
    assert [m.entry.name for m in matches] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, gunmen killed two gendarmes in Sofara. The perpetrators were GATIA "
            "militiamen.",
            "GATIA: Imghad Tuareg and Allies Self-Defense Group",
        ),
        (
            "On Monday, gunmen killed two gendarmes in Sofara. The attackers are suspected "
            "members of Ansar Dine.",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "On Monday, 'unknown gunmen' abducted a nurse in Sofara. The group was later "
            "confirmed to be ISGS.",
            "Islamic State (Greater Sahara)",
        ),
    ],
)
def test_a_later_sentence_naming_the_perpetrators_names_actor1(pipeline, text, expected):
    assert first(pipeline, text).actor1 == expected


def test_security_forces_facing_a_crowd_are_the_police(pipeline):
    text = "On Monday, security forces fired tear gas to disperse protesters in Koudougou."
    report = first(pipeline, text)
    assert report.event_type == "Protests"
    assert report.actor2 == "Police Forces of Burkina Faso (2015-2022)"


def test_security_forces_in_a_fight_stay_the_army(pipeline):
    report = first(pipeline, "On Monday, security forces killed two militants near Djibo.")
    assert report.actor1 == "Military Forces of Burkina Faso (2015-2022)"


def test_an_actorless_sentence_goes_on_with_both_forces_told_before(pipeline):
    text = (
        "On Monday, gendarmes and volunteer fighters (VDP) arrested six herders in Sebba. "
        "Four were executed outside the town."
    )
    found = pipeline(Article("t", text, date(2020, 3, 2))).reports
    attack = [r for r in found if r.sub_event_type == "Attack"]
    assert attack, [r.sub_event_type for r in found]
    assert attack[0].actor1 == "Police Forces of Burkina Faso (2015-2022) Gendarmerie"
    assert attack[0].assoc_actor_1 == ["VDP: Volunteer for Defense of Homeland"]


def test_a_claim_names_actor1_and_keeps_the_group_first_told(pipeline):
    text = (
        "On Monday, Fulani gunmen attacked a hotel in Sevare, killing two guards. "
        "The attack was claimed by JNIM."
    )
    report = first(pipeline, text)
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert "Fulani Ethnic Militia (Mali)" in report.assoc_actor_1


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, drones of the Malian army struck a wedding party near Boni.",
        "On Sunday, a Turkish-made drone of the Malian army struck a wedding party near Boni.",
        "On Sunday, helicopters of the Malian army struck a wedding party near Boni.",
    ],
)
def test_the_force_an_aircraft_belongs_to_struck(pipeline, text):
    report = first(pipeline, text)
    assert report.sub_event_type == "Air/drone strike"
    assert report.actor1 == "Military Forces of Mali (2013-2020)"


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, soldiers arrested seven people suspected of collaborating with JNIM in Boni.",
        "On Sunday, soldiers arrested seven people accused of links with JNIM and ISGS in Boni.",
    ],
)
def test_a_group_those_arrested_are_suspected_of_helping_is_no_side(pipeline, text):
    report = first(pipeline, text)
    assert report.sub_event_type == "Arrests"
    assert not any("JNIM" in name or "Islamic State" in name for name in all_sides(report))


def test_a_group_the_man_arrested_is_linked_to_is_the_side_hit(pipeline):
    report = first(pipeline, "On Sunday, soldiers arrested a leader linked to ISGS in Gao.")
    assert report.sub_event_type == "Arrests"
    assert report.actor2 == "Islamic State (Greater Sahara)"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "On Sunday, about 20 people were killed when JNIM militants attacked the town of Boni.",
            "JNIM: Group for Support of Islam and Muslims",
            "Civilians (Mali)",
        ),
        (
            "On Sunday, 17 soldiers were killed after ISGS militants ambushed a patrol near Gao.",
            "Islamic State (Greater Sahara)",
            "Military Forces of Mali (2013-2020)",
        ),
        # The militants acted first: the army in the later clause is the side they hit.
        (
            "On Sunday, JNIM militants killed 17 soldiers after the army attacked their camp "
            "near Boni.",
            "JNIM: Group for Support of Islam and Muslims",
            "Military Forces of Mali (2013-2020)",
        ),
    ],
)
def test_the_group_acting_in_the_clause_after_a_toll_did_it(pipeline, text, actor1, actor2):
    report = first(pipeline, text)
    assert (report.actor1, report.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "On Sunday, clashes between FAMa and JNIM militants were reported in Mopti.",
            ("Military Forces of Mali (2013-2020)", "JNIM: Group for Support of Islam and Muslims"),
        ),
        # The toll's verb comes first: the clash still names the two sides.
        (
            "On Sunday, a woman was killed by a stray bullet during clashes between FAMa and "
            "JNIM militants in Mopti.",
            ("Military Forces of Mali (2013-2020)", "JNIM: Group for Support of Islam and Muslims"),
        ),
        # A hyphen or a comma joins one side, "and" opens the other.
        (
            "On Sunday, fighting broke out between MSA-GATIA fighters and ISGS militants near "
            "Menaka.",
            ("MSA: Movement for Azawad Salvation", "Islamic State (Greater Sahara)"),
        ),
    ],
)
def test_clashes_between_two_sides_name_them_in_order(pipeline, text, sides):
    report = first(pipeline, text)
    assert report.sub_event_type == "Armed clash"
    assert (report.actor1, report.actor2) == sides


@pytest.mark.parametrize(
    ("text", "sides", "others"),
    [
        (
            "On Sunday, the CMA and the Platform signed a peace agreement in Menaka.",
            (
                "CMA: Coordination of Movements of the Azawad",
                "Platform of June 14th 2014 movements",
            ),
            [],
        ),
        (
            "On Sunday, Fulani, Bambara and Bozo leaders signed an accord in Djenne.",
            ("Fulani Ethnic Militia (Mali)", "Bambara Ethnic Militia (Mali)"),
            ["Bozo Ethnic Militia (Mali)"],
        ),
    ],
)
def test_the_parties_to_an_agreement_are_its_two_sides(pipeline, text, sides, others):
    report = first(pipeline, text)
    assert report.sub_event_type == "Agreement"
    assert (report.actor1, report.actor2) == sides
    assert report.assoc_actor_1 == others


def test_a_crowd_in_clashes_between_it_and_the_police_is_no_armed_side(pipeline):
    report = first(pipeline, "On Sunday, clashes took place between students and police in Zinder.")
    assert report.event_type == "Riots"
    assert report.actor2 == "Police Forces of Niger (2011-2021)"


@pytest.mark.parametrize(
    ("text", "assoc2"),
    [
        ("On Sunday, JNIM militants shot dead a trader in Boni.", []),
        (
            "On Sunday, gunmen killed five Dogon villagers in Bankass.",
            ["Dogon Ethnic Group (Mali)"],
        ),
        ("On Sunday, gunmen abducted a Fulani herder near Boni.", ["Fulani Ethnic Group (Mali)"]),
    ],
)
def test_those_hit_by_violence_against_civilians_are_the_country_civilians(pipeline, text, assoc2):
    report = first(pipeline, text)
    assert report.event_type == "Violence against civilians"
    assert report.actor2 == "Civilians (Mali)"
    assert report.assoc_actor_2 == assoc2


def test_the_base_of_a_mission_still_there_is_the_mission_hit(pipeline):
    text = "On Sunday, JNIM militants fired three mortar shells against the MINUSMA base in Ber."
    report = first(pipeline, text)
    assert report.actor2.startswith("MINUSMA")


def test_a_base_the_mission_left_is_only_a_place(pipeline):
    text = "On Sunday, drones struck the former MINUSMA base in Kidal."
    report = first(pipeline, text)
    assert not any(name.startswith("MINUSMA") for name in all_sides(report))


@pytest.mark.parametrize(
    "text",
    [
        "Three soldiers died in the ambush near Tessit. Two UN peacekeepers were also wounded.",
        "Three soldiers died in the ambush near Tessit. Two UN peacekeepers were later killed.",
    ],
)
def test_an_adverb_between_the_auxiliary_and_the_verb_keeps_the_subject_hit(pipeline, text):
    report = first(pipeline, text)
    assert not report.actor1.startswith("MINUSMA")
    assert any(name.startswith("MINUSMA") for name in [report.actor2, *report.assoc_actor_2])


def test_the_many_after_by_are_the_attackers(actors):
    text = "Four gendarmes were killed in a raid by a large number of ISGS fighters on their post."
    roles = roles_of(actors, text, "killed")
    assert roles.actor1 is not None and roles.actor1.name.startswith("Islamic State (Greater")
    assert roles.actor2 is not None and roles.actor2.role == "gendarmerie"


def test_a_group_set_beside_the_word_for_the_attacker_is_the_attacker(pipeline):
    report = first(
        pipeline, "On Monday, a suicide bomber, presumably ISGS, blew himself up in Gao."
    )
    assert report.actor1.startswith("Islamic State (Greater Sahara)")


def test_a_group_among_the_dead_of_a_suicide_bombing_is_the_bomber(pipeline):
    text = (
        "On Monday, four soldiers and two ISGS militants were killed in a suicide car bomb "
        "attack on the camp in Ansongo."
    )
    report = first(pipeline, text)
    assert report.sub_event_type == "Suicide bomb"
    assert report.actor1.startswith("Islamic State (Greater Sahara)")
    assert report.actor2.startswith("Military Forces of Mali")


def test_a_group_a_suicide_bomber_drove_into_stays_the_side_hit(pipeline):
    text = "On Monday, a suicide bomber drove his car into an MNLA checkpoint in Anefis."
    report = first(pipeline, text)
    assert report.actor2.startswith("MNLA")
    assert not report.actor1.startswith("MNLA")


@pytest.mark.parametrize(
    "text",
    [
        "Troops killed 50 jihadists in air strikes in Tessit on Sunday.",
        "Malian forces kill 12 militants in airstrikes after ending a siege",
    ],
)
def test_the_object_of_a_killing_before_the_trigger_was_hit(pipeline, text):
    report = first(pipeline, text)
    assert report.actor1.startswith("Military Forces")
    assert report.actor2.startswith("Unidentified Armed Group")
    assert report.assoc_actor_1 == []


def test_a_clause_after_the_verb_is_no_object_of_it(pipeline):
    report = first(pipeline, "Three soldiers injured when ISGS fighters attacked a convoy.")
    assert report.actor1.startswith("Islamic State (Greater Sahara)")


def test_those_rescued_are_no_side(pipeline):
    text = "On Sunday, soldiers rescued 40 passengers and killed 12 militants near Tessit."
    report = first(pipeline, text)
    assert report.actor1.startswith("Military Forces")
    assert report.actor2.startswith("Unidentified Armed Group")
    assert not any(name.startswith("Civilians") for name in report.assoc_actor_2)


@pytest.mark.parametrize(
    "text",
    [
        "Military sources said gunmen attacked three villages near Gao.",
        "Army officials told reporters that gunmen attacked three villages near Gao.",
    ],
)
def test_an_actor_word_before_sources_said_only_tells(actors, text):
    roles = roles_of(actors, text, "attacked")
    assert roles.actor1 is not None and roles.actor1.role == "unidentified"
    named = [roles.actor2, *roles.assoc1, *roles.assoc2]
    assert not any(e is not None and e.role == "military" for e in named)


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, four people were confirmed dead by the police after gunmen attacked a "
        "village near Gao.",
        "On Sunday, four men were shot dead when gunmen opened fire on a clinic in Gao, said "
        "the government of the region.",
    ],
)
def test_an_actor_that_only_tells_the_toll_is_no_side(pipeline, text):
    report = first(pipeline, text)
    assert report.sub_event_type == "Attack"
    assert report.actor1.startswith("Unidentified Armed Group")
    assert report.actor2 == "Civilians (Mali)"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "On Sunday, the army dismantled a base near Boni, and five militants were killed.",
            "Military Forces of Mali",
        ),
        (
            "On Sunday, Dan Na Ambassagou militiamen erected a checkpoint near Bandiagara, and "
            "drivers were robbed.",
            "Dan Na Ambassagou",
        ),
    ],
)
def test_an_actor_acting_in_its_own_clause_before_a_passive_is_no_target(pipeline, text, actor1):
    assert first(pipeline, text).actor1.startswith(actor1)
