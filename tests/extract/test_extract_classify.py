import pytest

from conflictwatch.extract.classify import SUB_EVENT_TYPES, Target, classify, find_triggers


def sub_type(text, **target):
    decided = classify(find_triggers(text, 0, len(text)), Target(**target))
    return decided[1] if decided else None


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("A drone strike hit a market.", {"civilians": True}, "Air/drone strike"),
        ("Drones operated by the army targeted the base.", {"armed": True}, "Air/drone strike"),
        ("Their vehicle hit an improvised explosive device.", {}, "Remote explosive/landmine/IED"),
        ("A suicide car bomb exploded at the gate.", {}, "Suicide bomb"),
        ("Mortar shells fell on the camp.", {"armed": True}, "Shelling/artillery/missile attack"),
        ("Militants attacked a military post.", {"armed": True}, "Armed clash"),
        ("Gunmen attacked the village, killing 12 villagers.", {"civilians": True}, "Attack"),
        ("Gunmen kidnapped three traders.", {"civilians": True}, "Abduction/forced disappearance"),
        ("Hundreds protested peacefully in the capital.", {}, "Peaceful protest"),
        ("Police fired tear gas to disperse the demonstrators.", {}, "Protest with intervention"),
        ("Rioters torched the town hall.", {}, "Violent demonstration"),
        ("An angry mob lynched a suspected thief.", {}, "Mob violence"),
        (
            "The army retook the town from the rebels.",
            {"state_actor": True},
            "Government regains territory",
        ),
        ("Jihadists seized control of the town.", {}, "Non-state actor overtakes territory"),
        # People handed over to the police, or caught in an area, are no territory.
        ("The two suspects were handed over to the gendarmerie.", {}, None),
        ("Soldiers captured bandits in their area.", {}, None),
        ("The two sides signed a peace agreement.", {}, "Agreement"),
        ("The two alliances signed agreements in Menaka.", {}, "Agreement"),
        ("The communities announced a cessation of hostilities.", {}, "Agreement"),
        ("Gendarmes arrested a journalist.", {}, "Arrests"),
        ("Soldiers defused an explosive device on the road.", {}, "Disrupted weapons use"),
        ("Assailants looted shops and burned houses.", {}, "Looting/property destruction"),
        ("Gunmen stabbed a shopkeeper at the market.", {"civilians": True}, "Attack"),
        (
            "Gunmen attacked the village and burned houses.",
            {"civilians": True},
            "Looting/property destruction",
        ),
        (
            "Gunmen attacked the village and burned houses.",
            {"civilians": True, "people_hurt": True},
            "Attack",
        ),
        ("Bandits seriously injured two herders.", {"civilians": True}, "Attack"),
        ("Militants stripped travellers of their money.", {}, "Looting/property destruction"),
        ("Armed men destroyed ten hectares of millet fields.", {}, "Looting/property destruction"),
        (
            "Gunmen took two teachers to an unknown destination.",
            {"civilians": True},
            "Abduction/forced disappearance",
        ),
        ("Thousands joined a rally of the opposition.", {}, "Peaceful protest"),
        ("Hundreds gathered in the capital to demand his release.", {}, "Peaceful protest"),
        (
            "The peacekeepers handed over the base to the army.",
            {},
            "Non-violent transfer of territory",
        ),
    ],
)
def test_classify_sub_event_types(text, target, expected):
    assert sub_type(text, **target) == expected


def test_classify_no_trigger_no_event():
    assert sub_type("The harvest was good this year.") is None


def test_classify_labels_are_acled_strings():
    event_types = {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }
    assert set(SUB_EVENT_TYPES.values()) == event_types
    assert len(SUB_EVENT_TYPES) == 25


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        (
            "The two sides agreed to a ceasefire after two weeks of fighting.",
            {"armed": True},
            "Agreement",
        ),
        (
            "Troops recovered two villages after heavy artillery shelling.",
            {"state_actor": True, "actor_known": True},
            "Government regains territory",
        ),
        ("A car bomb exploded outside the governor's office.", {}, "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at the checkpoint.", {}, "Suicide bomb"),
        (
            "The army set up two new military posts near the border.",
            {},
            "Headquarters or base established",
        ),
        ("Police found a cache of firearms in the house.", {}, "Disrupted weapons use"),
        (
            "Police used tear gas to disperse the crowd of marchers.",
            {},
            "Protest with intervention",
        ),
    ],
)
def test_classify_what_outranks_what(text, target, expected):
    assert sub_type(text, **target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # Wordings the lexicon once missed.
        ("Gunmen slit the throats of two herders near the well.", {}, "Attack"),
        ("Unknown men decapitated a shopkeeper in the market.", {}, "Attack"),
        ("The group cut off the hand of a man accused of theft.", {}, "Attack"),
        ("Two guards and the attackers exchanged gunfire at the gate.", {}, "Armed clash"),
        ("Two people were wounded in intercommunal violence near Tessa.", {}, "Armed clash"),
        ("Bandits carjacked a minibus on the road to Koyla.", {}, "Looting/property destruction"),
        ("Militants forced a lorry driver to empty its load.", {}, "Looting/property destruction"),
        (
            "Fighters set off explosives under the small bridge.",
            {},
            "Remote explosive/landmine/IED",
        ),
        (
            "Rebels raised their banner over the prefecture.",
            {},
            "Non-state actor overtakes territory",
        ),
        (
            "The governor declared a state of emergency in three districts.",
            {},
            "Change to group/activity",
        ),
        (
            "Local chiefs announced they had formed a new armed group.",
            {},
            "Change to group/activity",
        ),
        ("Gunmen threatened voters at the polling station.", {}, "Other"),
    ],
)
def test_classify_lexicon_wordings(text, target, expected):
    assert sub_type(text, **target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Gunmen abducted a trader on the road.", {}, "Abduction/forced disappearance"),
        # Wounding along the way makes the kidnapping an attack on civilians.
        ("Gunmen abducted a trader and wounded his son.", {"people_hurt": True}, "Attack"),
        # A fight over the hostages makes it a battle.
        ("Soldiers clashed with the kidnappers holding two hostages.", {}, "Armed clash"),
    ],
)
def test_classify_abduction_by_what_came_with_it(text, target, expected):
    assert sub_type(text, **target) == expected


def test_classify_mutineers_taking_towns_are_not_the_state():
    text = "Soldiers mutinied and took control of the town of Sirba."
    assert sub_type(text, state_actor=True, actor_known=True) == (
        "Non-state actor overtakes territory"
    )
    # The state taking back what mutineers held is the state all the same.
    text = "The army retook the town from mutinous soldiers."
    assert sub_type(text, state_actor=True, actor_known=True) == "Government regains territory"


def test_classify_pulling_out_of_a_deal_is_no_transfer():
    assert sub_type("The army pulled out of Kidal overnight.") == (
        "Non-violent transfer of territory"
    )
    assert sub_type("Mali pulled out of the G5 Sahel alliance.") is None
    assert sub_type("The deal, which Washington pulled out of, was discussed.") is None


def test_classify_takeover_after_the_others_left_is_a_transfer():
    text = "Rebels took control of the town following the departure of the army."
    assert sub_type(text) == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # A strike or shelling told with ground fighting is a battle.
        (
            "Warplanes carried out airstrikes, followed by ground operations against the rebels.",
            {"armed": True},
            "Armed clash",
        ),
        (
            "Mortar shells fell on the base while soldiers and militants clashed nearby.",
            {"armed": True},
            "Armed clash",
        ),
        ("A convoy hit a landmine and was then ambushed.", {"armed": True}, "Armed clash"),
        # A bomb that went off while being laid was never used.
        (
            "Two fighters were killed while planting an explosive device on the road.",
            {"armed": True},
            "Disrupted weapons use",
        ),
        ("Engineers discovered an IED near the bridge.", {}, "Disrupted weapons use"),
        ("Soldiers neutralized an IED on the road.", {}, "Disrupted weapons use"),
        # Arms seized in an attack on a post are loot of a fight, not a seizure.
        (
            "Militants attacked the gendarmerie and seized arms and motorbikes.",
            {"armed": True},
            "Armed clash",
        ),
        # A crowd's own violence makes a riot, even with no protest named.
        ("Traders blocked the main road into the town.", {}, "Violent demonstration"),
        ("Youths torched the town hall.", {}, "Violent demonstration"),
        ("Soldiers protested and fired into the air.", {}, "Violent demonstration"),
        ("The demonstrators assaulted the director.", {}, "Violent demonstration"),
        # Party activists or pupils who break and destroy are a crowd too.
        (
            "Party activists broke windows and tried to assault officials at the meeting.",
            {},
            "Violent demonstration",
        ),
        (
            "Pupils destroyed office furniture and set fire to two motorbikes.",
            {},
            "Violent demonstration",
        ),
        # Things smashed by others are no riot.
        ("Several vehicles were smashed near the village.", {}, None),
    ],
)
def test_classify_weapons_with_fighting_and_crowds(text, target, expected):
    assert sub_type(text, **target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # An execution of armed people (the candidate says so) is a battle in ACLED.
        (
            "Rebels executed a captured fighter.",
            {"armed": True, "fighters_executed": True},
            "Armed clash",
        ),
        ("Rebels executed a captured fighter.", {"armed": True}, "Attack"),
        # Forces stepping in on a crowd intervene; they do not fight it.
        (
            "Security forces intervened and dispersed the protesters.",
            {},
            "Protest with intervention",
        ),
        # A sentence may open with its march; students' own violence makes a riot.
        ("A march was held in the capital.", {}, "Peaceful protest"),
        ("Striking students ransacked the high school.", {}, "Violent demonstration"),
        # A fight named in a denial did not happen.
        (
            "Rebels entered the camp; no fighting was reported.",
            {},
            "Non-violent transfer of territory",
        ),
    ],
)
def test_classify_executions_interventions_and_denied_fights(text, target, expected):
    assert sub_type(text, **target) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Hundreds of teachers held a rally at the labour exchange.", {}, "Peaceful protest"),
        ("Nurses held a sit in outside the ministry.", {}, "Peaceful protest"),
        ("Rallies were held against the new tax.", {}, "Peaceful protest"),
        ("Traders went to the street to ask for lower fees.", {}, "Peaceful protest"),
        ("Peaceful marches were staged by students.", {}, "Peaceful protest"),
        ("Dozens met at the cemetery and chanted nationalist slogans.", {}, "Peaceful protest"),
        ("Hundreds laid flowers at the monument to demand justice.", {}, "Peaceful protest"),
        ("Police beat a trader at the market.", {"civilians": True}, "Attack"),
        ("A truck struck a mine near the well.", {}, "Remote explosive/landmine/IED"),
        (
            "Two soldiers were killed by an exploding mine.",
            {"armed": True},
            "Remote explosive/landmine/IED",
        ),
        ("Gunmen launched an attack on the mine.", {}, "Attack"),
        (
            "Gunmen attacked the village; self-defence groups responded to the attacks.",
            {"civilians": True},
            "Armed clash",
        ),
        ("Gunmen raided the hamlet but villagers fended off the raid.", {}, "Armed clash"),
    ],
)
def test_classify_protest_and_mine_wordings(text, target, expected):
    assert sub_type(text, **target) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The crowd's own violence decides, whatever force was used against it.
        (
            "Protesters burned tyres and the police fired live ammunition at them.",
            "Violent demonstration",
        ),
        (
            "Demonstrators clashed with police, who fired live rounds into the crowd.",
            "Violent demonstration",
        ),
        (
            "Police fired live ammunition at peaceful protesters.",
            "Excessive force against protesters",
        ),
    ],
)
def test_classify_a_violent_crowd_outranks_the_force_used_on_it(text, expected):
    assert sub_type(text) == expected


def test_classify_armed_people_abducted_make_a_battle():
    text = "Gunmen abducted two militiamen on the road."
    assert sub_type(text, armed=True, fighters_abducted=True) == "Armed clash"
    assert sub_type(text, armed=True) == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The crowd's clash with the police is its violence, not a battle nor a brawl.
        ("Students clashed with the police.", "Violent demonstration"),
        ("Students from two schools clashed.", "Mob violence"),
    ],
)
def test_classify_a_crowd_fighting_the_police_riots(text, expected):
    assert sub_type(text) == expected


def test_triggers_keep_the_words_as_written_and_their_offsets():
    text = "In Hombori, Gunmen ATTACKED the market."
    (trigger,) = [t for t in find_triggers(text, 0, len(text)) if t.category == "attack"]
    assert trigger.text == "ATTACKED"
    assert text[trigger.start : trigger.end] == "ATTACKED"


def test_triggers_are_found_where_lower_case_changes_the_length():
    # "İ" lowercases to two characters: offsets into the lowercased text would be one off.
    text = "Near İnates, gunmen attacked the market."
    (trigger,) = [t for t in find_triggers(text, 0, len(text)) if t.category == "attack"]
    assert (trigger.text, text[trigger.start : trigger.end]) == ("attacked", "attacked")


def test_case_sensitive_trigger_parts_still_tell_a_march_from_the_month():
    march = "The march went through the city."
    month = "The March elections were postponed."
    assert any(t.category == "protest" for t in find_triggers(march, 0, len(march)))
    assert not any(t.category == "protest" for t in find_triggers(month, 0, len(month)))
