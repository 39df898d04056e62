"""Roles in one sentence: who acted, who was hit, factions coded under their parent."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conflictwatch.extract.actors import Actors
from conflictwatch.extract.roles import assign_roles

JNIM = "JNIM: Group for Support of Islam and Muslims"
FAMA_2019 = "Military Forces of Mali (2013-2020)"
FRANCE_2017 = "Military Forces of France (2017-)"


@pytest.fixture(scope="module")
def actors() -> Actors:
    return Actors.load()


def roles_of(actors: Actors, text: str, trigger: str, on: date = date(2019, 6, 1)):
    found = re.search(trigger, text)
    assert found is not None
    matches = actors.find(text, country="ML", on=on)
    return assign_roles(text, 0, found.start(), found.end(), matches)


def test_katiba_acts_as_jnim_with_the_katiba_associated(actors):
    roles = roles_of(actors, "Katiba Macina militants attacked a village near Djenne.", "attacked")
    assert roles.actor1.name == JNIM
    assert [e.name for e in roles.assoc1] == ["Katiba Macina"]


def test_katiba_before_jnim_existed_acts_alone(actors):
    text = "Katiba Macina militants attacked a village near Djenne."
    roles = roles_of(actors, text, "attacked", on=date(2016, 5, 1))
    assert roles.actor1.name == "Katiba Macina"
    assert roles.assoc1 == []


def test_targeted_katiba_is_jnim_on_the_other_side(actors):
    roles = roles_of(
        actors, "Malian soldiers attacked Katiba Serma fighters in the forest.", "attacked"
    )
    assert roles.actor1.name == FAMA_2019
    assert roles.actor2.name == JNIM
    assert [e.name for e in roles.assoc2] == ["Katiba Serma"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Three French soldiers were injured when their vehicle hit a mine near Kidal.", "mine"),
        ("Two soldiers killed and six wounded by a roadside bomb near Gao.", "bomb"),
        ("A FAMa vehicle struck an explosive device near Boni.", "explosive device"),
        ("A Malian army armored vehicle struck a mine near Boni.", "mine"),
        ("A FAMa checkpoint in Gossi attacked overnight, one soldier killed.", "attacked"),
        ("A MINUSMA convoy was subjected to an ambush near Aguelhok.", "ambush"),
        ("A FAMa patrol targeted by an IED near Boni, two wounded.", "IED"),
        ("Four MINUSMA peacekeepers were wounded when their vehicle hit a mine.", "mine"),
        ("A FAMa patrol came under fire near Boni.", "fire"),
        # A headline's subject, or one person counted, before a participle with no object.
        ("Soldier killed in an ambush east of Timbuktu.", "killed"),
        ("One Malian soldier shot dead near Boni, another wounded.", "shot dead"),
        ("Near Boni, one soldier killed one wounded.", "killed"),
    ],
)
def test_an_actor_that_was_hit_is_not_the_attacker(actors, text, trigger):
    roles = roles_of(actors, text, trigger)
    assert roles.actor1 is None
    assert roles.actor2 is not None and roles.actor2.kind == "state" or roles.actor2.inter == 8


@pytest.mark.parametrize(
    "text",
    [
        "Malian soldiers killed five jihadists near Gao.",
        "Malian soldiers killed at least five jihadists near Gao.",
        "A Malian soldier shot and wounded a man at a checkpoint.",
        # An auxiliary before an -ing form is no passive: the soldiers act.
        "Malian soldiers are killing civilians near Gao.",
        "Malian soldiers were attacking the village near Gao.",
        "Malian soldiers have been raiding camps near Gao.",
    ],
)
def test_an_active_verb_keeps_the_actor_acting(actors, text):
    roles = roles_of(actors, text, r"killed|shot|killing|attacking|raiding")
    assert roles.actor1 is not None and roles.actor1.name == FAMA_2019


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("JNIM militants abducted a trader near Boni; the man was later executed.", "executed"),
        ("JNIM militants attacked the convoy near Boni and five drivers were killed.", "killed"),
        ("JNIM militants ran a checkpoint near Boni, where drivers were beaten.", "beaten"),
    ],
)
def test_an_actor_that_acted_before_a_passive_verb_is_not_its_patient(actors, text, trigger):
    roles = roles_of(actors, text, trigger)
    assert roles.actor1 is not None and roles.actor1.name == JNIM
    # Named right before the passive verb, the actor is the one hit.
    roles = roles_of(actors, "JNIM militants were killed near Boni.", "killed")
    assert roles.actor1 is None and roles.actor2 is not None and roles.actor2.name == JNIM


def test_an_actor_named_by_the_word_for_its_act_is_the_agent(actors):
    text = "Mutineers took over the barracks in Kati."
    roles = roles_of(actors, text, "Mutineers", on=date(2012, 3, 22))
    assert roles.actor1 is not None and roles.actor1.role == "mutiny"
    assert roles.actor2 is None


def test_coordinated_nationalities_name_both_forces(actors):
    text = "French and Malian forces attacked a militant camp near Menaka."
    roles = roles_of(actors, text, "attacked")
    acting = {roles.actor1.name, *[e.name for e in roles.assoc1]}
    assert acting == {FRANCE_2017, FAMA_2019}


def test_french_coordinated_adjective_after_the_noun(actors):
    matches = actors.find("Les forces françaises et maliennes ont riposté.", country="ML")
    assert {m.entry.name for m in matches} >= {"Military Forces of Mali (2021-)"}
    assert any(m.entry.name.startswith("Military Forces of France") for m in matches)


def test_a_place_before_a_force_is_no_conjunct(actors):
    matches = actors.find(
        "Between Gao and Malian forces positions.", country="ML", on=date(2019, 6, 1)
    )
    assert [m.entry.name for m in matches] == [FAMA_2019]


def test_two_actors_that_clashed_are_the_two_sides(actors):
    roles = roles_of(actors, "JNIM and ISGS militants clashed near Menaka.", "clashed")
    assert roles.actor1.name == JNIM
    assert roles.actor2.name == "Islamic State (Greater Sahara)"


def test_actors_joined_before_a_clash_with_a_third_fought_together(actors):
    text = "Malian soldiers and Wagner fighters clashed with JNIM militants near Boni."
    roles = roles_of(actors, text, "clashed", on=date(2023, 3, 1))
    assert roles.actor2.name == JNIM
    assert "Wagner Group" in [e.name for e in roles.assoc1]


@pytest.mark.parametrize(
    "text",
    [
        "Mali junta says army killed ten terrorists near Boni",
        "The government said the army killed ten militants near Boni.",
    ],
)
def test_a_speaker_before_the_actor_it_speaks_of_is_no_side(actors, text):
    roles = roles_of(actors, text, "killed", on=date(2023, 3, 1))
    assert roles.actor1.name == "Military Forces of Mali (2021-)"
    assert not roles.assoc1


def test_the_assailants_refer_back_to_attackers_named_before(actors):
    roles = roles_of(actors, "The assailants burned the market in Boni.", "burned")
    assert roles.actor1 is not None and roles.actor1.role == "unidentified"
    assert roles.refers_back
    unknown = roles_of(actors, "Unknown gunmen burned the market in Boni.", "burned")
    assert not unknown.refers_back


def test_a_community_that_attacks_acts_as_its_ethnic_militia(actors):
    roles = roles_of(actors, "Dogon attacked the Fulani hamlet of Sare.", "attacked")
    assert roles.actor1.name == "Dogon Ethnic Militia (Mali)"
    assert roles.actor2.name == "Fulani Ethnic Group (Mali)"
    hit = roles_of(actors, "Gunmen killed three Dogon herders.", "killed")
    assert hit.actor2.name == "Dogon Ethnic Group (Mali)"


def _names(roles) -> set[str]:
    sides = [roles.actor1, roles.actor2, *roles.assoc1, *roles.assoc2]
    return {entry.name for entry in sides if entry is not None}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The government said 49 civilians were killed near Bamba.", "killed"),
        ("The government reported 49 civilians and 15 soldiers killed near Bamba.", "killed"),
        ("Gunmen killed 12 villagers near Boni, the government reported.", "killed"),
    ],
)
def test_a_government_that_tells_the_toll_is_no_side(actors, text, trigger):
    roles = roles_of(actors, text, trigger, on=date(2023, 9, 8))
    assert "Government of Mali (2021-)" not in _names(roles)


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers killed 20 people in Moura, according to a UN report.",
        "Soldiers killed 20 people in Moura, according to the UN.",
        "Soldiers killed 20 people in Moura, the UN said.",
    ],
)
def test_a_source_after_the_act_is_no_side(actors, text):
    roles = roles_of(actors, text, "killed", on=date(2022, 4, 4))
    assert "UN: United Nations" not in _names(roles)


def test_a_victim_followed_by_reported_is_still_hit(actors):
    text = "Militants attacked the village, and wounded civilians reported to the health centre."
    roles = roles_of(actors, text, "attacked", on=date(2022, 4, 4))
    assert "Civilians (Mali)" in _names(roles)


def test_a_government_that_says_it_acted_keeps_its_side(actors):
    roles = roles_of(
        actors, "The junta said it arrested 20 officers.", "arrested", on=date(2023, 9, 8)
    )
    assert "Government of Mali (2021-)" in _names(roles)
