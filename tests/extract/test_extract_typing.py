"""Event typing on short team-written briefs, through the real pipeline: the wordings
where who was hit, what was used or what the brief is filed under decides the type."""

from __future__ import annotations

from datetime import date

import pytest

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.extract.candidates import type_label
from conflictwatch.model import Article


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(load_settings({"progress": False}))


def sub_types(pipeline, text: str) -> list[str]:
    found = pipeline(Article("t", text, date(2020, 3, 2))).reports
    return [report.sub_event_type for report in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A label opening the brief names its kind, whatever its verbs.
        (
            "Looting: gunmen attacked the police post of Dori on Sunday and took its motorbikes.",
            "Looting/property destruction",
        ),
        (
            "Non-violent activity: the group named a new leader for the Gourma on Sunday.",
            "Other",
        ),
        # Civilians named as the victims, though an armed actor stands second in the roles.
        (
            "A nurse was killed when unidentified gunmen opened fire on a health centre vehicle "
            "near Mopti on Sunday.",
            "Attack",
        ),
        # ... but people killed in an attack on a force's post fell in a fight.
        (
            "Twelve people were killed in Tuesday's attacks on a gendarmerie school in Kaya.",
            "Armed clash",
        ),
        # Aid bodies and people hired by a force are civilians.
        ("Gunmen attacked a Red Cross convoy near Bourem on Sunday.", "Attack"),
        ("Gunmen shot dead a MINUSMA contractor in Gao on Sunday.", "Attack"),
        (
            "Militants killed two herders accused of being informants of the security forces "
            "near Menaka on Sunday.",
            "Attack",
        ),
        # Those who killed the victims are no one hit.
        (
            "On Sunday, villagers found the corpse of a herder killed by militants near Dori.",
            "Attack",
        ),
        # A town named right after "seized" or "retook" is territory taken.
        (
            "On Sunday, MNLA fighters seized Kidal from the army.",
            "Non-state actor overtakes territory",
        ),
        (
            "On Sunday, the Malian army retook Boni from the militants.",
            "Government regains territory",
        ),
        # A cell or network dismantled is people arrested; a bomb dismantled is defused.
        ("On Sunday, intelligence services dismantled a JNIM cell near Koutiala.", "Arrests"),
        ("On Sunday, soldiers dismantled an IED near Koutiala.", "Disrupted weapons use"),
        # The leader of a militant group is a fighter, the group an armed one.
        ("Soldiers killed the leader of a militant group near Djibo on Sunday.", "Armed clash"),
        # A bomb carried or seized is no explosion: the killing is the event.
        ("Soldiers killed two militants equipped with IEDs near Djibo on Sunday.", "Armed clash"),
        (
            "Soldiers killed two militants near Djibo on Sunday and seized two rifles and a "
            "grenade.",
            "Armed clash",
        ),
        # Taken away, then found dead: an attack, not an arrest.
        (
            "Soldiers arrested four herders near Dioura on Sunday, their corpses were found in "
            "a well two days later.",
            "Attack",
        ),
        # Talks told after a kidnapping end it; they are not the event.
        (
            "Gunmen abducted an aid worker near Douentza on Sunday and released him after "
            "negotiations with elders.",
            "Abduction/forced disappearance",
        ),
        # A wildfire or a drought in the sentence does not make the violence a disaster.
        (
            "On Sunday, French aircraft conducted airstrikes near Tessit, causing a wildfire.",
            "Air/drone strike",
        ),
        ("Farmers and herders clash near Tahoua over pasture during the drought.", "Armed clash"),
        # Bombs dropped from the air, bombing on the ground.
        (
            "French warplanes dropped bombs on militant positions near Gao on Sunday.",
            "Air/drone strike",
        ),
        (
            "French troops bombed a rebel depot near Kidal on Sunday.",
            "Remote explosive/landmine/IED",
        ),
        # Shots in the air hurt no one: burning a school stays property destruction.
        (
            "Gunmen fired gunshots in the air and burned a school in Mansila on Sunday.",
            "Looting/property destruction",
        ),
        # Fights told with wordings the triggers missed.
        (
            "On Sunday, troops engaged suspected JNIM and/or ISGS militants near Inata.",
            "Armed clash",
        ),
        (
            "Gunmen carried out a triple-attack against the customs and police posts in Benena "
            "on Sunday.",
            "Armed clash",
        ),
        ("Unknown assailants seriously wounded six soldiers near Menaka on Sunday.", "Armed clash"),
        ("A French soldier was injured during an operation near Kidal on Sunday.", "Armed clash"),
        # A clause the note says is coded apart tells another event.
        (
            "On Sunday, militiamen attacked and torched the village of Tinfa, the army said "
            "its helicopters intervened and routed the assailants (intervention coded "
            "separately).",
            "Looting/property destruction",
        ),
        # ... but not when it is the whole sentence.
        (
            "On Sunday, army helicopters routed militiamen near Tinfa (attack coded separately).",
            "Armed clash",
        ),
        # The violence an act happens amid is its setting, not the sentence's event.
        (
            "On Sunday the army redeployed to Boni, after withdrawing in May amid a series of "
            "attacks on its positions.",
            "Change to group/activity",
        ),
        # Unorganised people destroying property riot; armed men doing it do not.
        (
            "The local population burned the town hall of Sapone on Sunday.",
            "Violent demonstration",
        ),
        (
            "Armed residents burned houses in Sango on Sunday.",
            "Looting/property destruction",
        ),
        # A combing operation with no fight is a development; one with a fight a clash.
        (
            "On Sunday, the army began a combing operation in the forest of Sango.",
            "Change to group/activity",
        ),
        (
            "On Sunday, the army killed five militants in a combing operation in Sango.",
            "Armed clash",
        ),
        (
            "On Sunday, the police seized twenty fire arms during a control in Sango.",
            "Disrupted weapons use",
        ),
        # Seizing told with a pronoun, a longer quantity, or election materials.
        (
            "On Sunday, gunmen removed the driver from an ambulance and seized it in Sango.",
            "Looting/property destruction",
        ),
        (
            "On Sunday, gunmen went door to door in Sango and seized almost all of the livestock.",
            "Looting/property destruction",
        ),
        (
            "On Sunday, militants seized elections material at two poll booths in Sango.",
            "Looting/property destruction",
        ),
    ],
)
def test_typing_sub_event_type(pipeline, text, expected):
    assert sub_types(pipeline, text)[:1] == [expected], text


def test_typing_label_of_a_taxonomy_name_or_codebook_term():
    text = "Property destruction: gunmen burned a school."
    found = type_label(text, 0, len(text))
    assert found is not None
    assert found[0] == "Looting/property destruction"
    assert found[1].text == "Property destruction"


@pytest.mark.parametrize(
    "text",
    [
        "Attack: gunmen killed two herders.",  # too general to name a sub-event type
        "Mali: gunmen killed two herders.",  # a place, not a kind of event
        "Gunmen burned a school in Looting: no one knows why.",  # not at the start
    ],
)
def test_typing_no_label(text):
    assert type_label(text, 0, len(text)) is None


def test_typing_denied_fight_is_no_clash(pipeline):
    text = (
        "Looting: gunmen raided the customs post of Seytenga on Sunday and burned it. "
        "No mentioned clash nor casualties."
    )
    assert sub_types(pipeline, text) == ["Looting/property destruction"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A crowd fighting the police is a violent demonstration; two crowds, mob violence.
        (
            "Students clashed with the police while protesting against the new fees in Dori.",
            "Violent demonstration",
        ),
        (
            "Traders fought with gendarmes during a protest at the market in Gao.",
            "Violent demonstration",
        ),
        ("Students from two rival schools clashed in Dori.", "Mob violence"),
        # A lynching or vigilantes the crowd protests about are its grievance, not its act.
        ("Residents protested against the lynching of a trader in Dori.", "Peaceful protest"),
        (
            "Hundreds marched in Gao to demand the release of the arrested vigilantes.",
            "Peaceful protest",
        ),
        (
            "Youths demanding the release of their leader set up roadblocks in Dori.",
            "Violent demonstration",
        ),
        # The crowd that prevents traffic is no intervention; the police that prevent it are.
        (
            "Students demonstrated in Dori and prevented traffic on the main road.",
            "Peaceful protest",
        ),
        (
            "Police prevented the students from holding a demonstration in Dori.",
            "Protest with intervention",
        ),
        # Residents who beat or catch suspects and hand them over are a mob, not a
        # transfer of territory; what they caught is no area taken.
        (
            "Locals in Gao beat up two suspected thieves, the two were handed over to the "
            "gendarmerie.",
            "Mob violence",
        ),
        (
            "Youths in Gossi captured bandits in their area and handed them over to soldiers.",
            "Mob violence",
        ),
        # A gathering held to voice support is a protest.
        (
            "Youths in Dori organized a gathering to express their support for the army.",
            "Peaceful protest",
        ),
        # A crowd that shuts an office down protests; militants closing schools do not.
        (
            "On Sunday, residents in Dori angry with the mayor closed down the town hall.",
            "Peaceful protest",
        ),
        ("On Sunday, militants closed down six schools around Dori.", "Other"),
        # A crowd that blocks a patrol, or a road's traffic, riots; militants who stop
        # a convoy attack it.
        (
            "On Sunday, villagers in Dori prevented a MINUSMA patrol from entering the village.",
            "Violent demonstration",
        ),
        ("On Sunday, people blocked trucks' access to Dori.", "Violent demonstration"),
        ("On Sunday, militants stopped a convoy near Dori and killed two drivers.", "Attack"),
        # "Took the street" (French "prendre la rue") and a gathering to pray for peace.
        (
            "On Sunday, thousands in Dori took the street in tribute to the victims.",
            "Peaceful protest",
        ),
        (
            "On Sunday, religious leaders gathered at the stadium in Dori to pray for peace.",
            "Peaceful protest",
        ),
        # A crowd that revolts against someone protests.
        (
            "On Sunday, women in Dori revolted against their treatment by the militants.",
            "Peaceful protest",
        ),
    ],
)
def test_typing_crowd_wordings(pipeline, text, expected):
    assert sub_types(pipeline, text)[:1] == [expected], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Prisoners set free are no territory; a town is.
        ("Gunmen attacked the gendarmerie in Dori and liberated twelve prisoners.", "Armed clash"),
        ("The army liberated the town of Boni.", "Government regains territory"),
    ],
)
def test_typing_liberated_people_or_places(pipeline, text, expected):
    assert sub_types(pipeline, text)[:1] == [expected], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A deadly conflict between communities is a battle between their militias.
        (
            "Five people were killed in a conflict between farmers and herders near Dori.",
            ["Armed clash"],
        ),
        # What the attack is "related to" is its background, not a second fight.
        (
            "Gunmen killed four traders near Dori on Sunday. The attack is believed to be "
            "related to recent ethnic violence in the area.",
            ["Attack"],
        ),
        # Shelling answered with fire on the ground is an exchange: a battle, one event.
        (
            "Militants shelled the army base in Dori on Sunday; the soldiers responded with "
            "rocket fire.",
            ["Armed clash"],
        ),
        (
            "Militants fired rockets at the army camp in Dori on Sunday. The soldiers "
            "responded with artillery fire.",
            ["Armed clash"],
        ),
        (
            "Mortar shells hit the army camp in Dori on Sunday. The soldiers responded to "
            "the attack.",
            ["Armed clash"],
        ),
        # More shelling in reply is shelling still.
        (
            "Rockets hit the army camp in Dori on Sunday. The army retaliated with rockets "
            "on the militants' base.",
            ["Shelling/artillery/missile attack"],
        ),
    ],
)
def test_typing_fights_told_around_the_act(pipeline, text, expected):
    assert sub_types(pipeline, text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Forces stopping armed men on the move meet them in a fight.
        ("On Sunday, soldiers intercepted a group of armed bandits near Dori.", ["Armed clash"]),
        # Wounding armed men is fighting them, though no one died.
        ("On Sunday, militiamen wounded a number of armed bandits near Dori.", ["Armed clash"]),
        ("On Sunday, a gunman wounded the officer on guard at the post of Dori.", ["Armed clash"]),
        # A long object between "set" and "on fire" still tells of arson.
        (
            "On Sunday, gunmen set the town hall and the offices of the ruling party on fire "
            "in Dori.",
            ["Looting/property destruction"],
        ),
        # Stopping suspects is still an arrest.
        ("On Sunday, the police intercepted two suspects in Dori.", ["Arrests"]),
    ],
)
def test_typing_fights_without_deaths(pipeline, text, expected):
    assert sub_types(pipeline, text) == expected, text


def test_typing_a_town_s_people_taken_are_no_territory(pipeline):
    assert "Non-state actor overtakes territory" not in sub_types(
        pipeline, "On Sunday, soldiers took Gao's wounded to the hospital in Bamako."
    )
