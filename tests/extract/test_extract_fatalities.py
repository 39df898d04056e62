from datetime import date

import pytest

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.extract.fatalities import DIED_LATER, find_figures
from conflictwatch.link.events import conservative_fatalities
from conflictwatch.model import Article, Claim


def figures(text, **kwargs):
    return [
        (f.value, f.qualifier, f.claimed_by) for f in find_figures(text, 0, len(text), **kwargs)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed twelve villagers in the raid.", [(12, "exact", None)]),
        ("At least 7 soldiers died when their truck hit a mine.", [(7, "at least", None)]),
        ("The attack left some 30 people dead.", [(30, "about", None)]),
        ("The blast killed two soldiers and wounded five others.", [(2, "exact", None)]),
        ("Nine soldiers were wounded and three killed in the ambush.", [(3, "exact", None)]),
        ("No casualties were reported.", [(0, "exact", None)]),
        ("A teacher was shot dead outside the school.", [(1, "exact", None)]),
        ("Dozens of civilians were massacred, witnesses said.", [(12, "about", "witnesses")]),
        ("the deaths of at least 24 civilians", [(24, "at least", None)]),
        # "no one" counts nobody.
        ("No one was killed in the attack.", [(0, "exact", None)]),
        ("No one died in the blast.", [(0, "exact", None)]),
        ("It is in no one's interest that he die in prison.", []),
    ],
)
def test_fatalities_figures(text, expected):
    assert figures(text) == expected


def test_fatalities_sides_are_kept_apart_with_their_side():
    text = "The army said it killed 10 militants and lost 4 soldiers killed."
    found = find_figures(text, 0, len(text))
    assert [(f.value, f.claimed_by, f.victims) for f in found] == [
        (10, "the army", "militants"),
        (4, "the army", "military"),
    ]


def test_fatalities_range_gives_two_bounds():
    text = "Between 10 and 20 militants were killed in the strikes."
    assert figures(text) == [(10, "at least", None), (20, "up to", None)]


def test_fatalities_person_noun_after_adjectives():
    assert figures("Gunmen killed two Egyptian peacekeepers.") == [(2, "exact", None)]
    assert figures("A Burkinabe army officer was killed by an IED.") == [(1, "exact", None)]


def test_fatalities_wounded_only_is_no_figure():
    assert figures("Eleven people were injured when the grenade exploded.") == []


def test_fatalities_subset_is_not_added():
    assert figures("Thirty people were killed, including 11 children.") == [(30, "exact", None)]


def test_fatalities_two_sources_two_claims():
    text = (
        "At least 15 civilians died, a local official said, while the rebels said 21 were killed."
    )
    assert figures(text) == [(15, "at least", "a local official"), (21, "exact", "the rebels")]


def test_fatalities_known_source_before_verb():
    text = "Amnesty International reported that the strikes claimed at least 13 civilian lives."
    assert figures(text) == [(13, "at least", "Amnesty International")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Some sources speak of 15 deaths.", "Some sources"),
        ("Local sources mention 15 dead.", "Local sources"),
    ],
)
def test_fatalities_a_source_that_speaks_of_or_mentions_a_toll_claims_it(text, source):
    assert figures(text) == [(15, "exact", source)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A name no list knows speaks when it stands right by the speech verb.
        ("Gunmen killed two herders in Djibo, Radio Omega said.", "Radio Omega"),
        ("Gunmen killed two herders in Djibo, according to Savane FM.", "Savane FM"),
        ("Gunmen killed two herders in Djibo, said Radio Omega.", "Radio Omega"),
        # After "said" with no comma before it, the name opens the reported clause.
        ("Residents in Djibo said gunmen killed two herders.", "Residents"),
    ],
)
def test_fatalities_the_name_beside_a_speech_verb_claims_the_toll(text, source):
    gunmen = text.index("unmen") - 1
    assert figures(text, actor_names=[(gunmen, gunmen + 6, "Unidentified Armed Group")]) == [
        (2, "exact", source)
    ]


def test_fatalities_a_toll_reported_in_the_passive_has_no_source_but_its_agent():
    actors = [(27, 32, "Dogon Ethnic Group (Mali)")]
    text = "Gunmen burned homes in the Dogon village of Sama, two deaths reported."
    assert figures(text, actor_names=actors) == [(2, "exact", None)]
    text = "Gunmen burned homes in Sama, two deaths were reported by the army."
    assert figures(text) == [(2, "exact", "the army")]


def test_fatalities_years_and_distances_are_not_tolls():
    text = "In 2022, gunmen killed a herder 40 km from the town."
    assert figures(text) == [(1, "exact", None)]


def test_fatalities_excluded_spans_hold_no_count():
    text = "On 3 May fighters attacked; 6 people were killed."
    assert figures(text, exclude=[(3, 8)]) == [(6, "exact", None)]
    # Called without the pipeline's dates, the dates are found here.
    assert figures("Two bodies were found on March 23.") == [(2, "exact", None)]
    assert figures("On 3 May fighters attacked; 6 people were killed.") == [(6, "exact", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Suspected militants killed the village chief and seized motorbikes.",
        "The mayor of the town was assassinated by unidentified gunmen.",
        "A wounded peacekeeper later succumbed to his wounds.",
        "A Fulani herder, back home for the harvest, was killed by gunmen near Boni.",
        "Gunmen ambushed a truck near Gao, leaving the driver dead.",
        "Soldiers arrested a trader; one was tortured to death.",
    ],
)
def test_fatalities_one_described_victim(text):
    assert figures(text) == [(1, "exact", None)]


@pytest.mark.parametrize(
    "text",
    ["The soldier was found severely wounded near the camp.", "The teacher was found alive."],
)
def test_fatalities_one_found_alive_or_wounded_is_no_death(text):
    assert figures(text) == []


def test_fatalities_one_and_the_others_of_those_counted():
    text = "Soldiers arrested five men; one was tortured to death and the four others executed."
    assert figures(text) == [(5, "exact", None)]


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("An air strike killed 14 displaced people near the camp.", 14),
        ("A municipal councilor and his son were killed by gunmen.", 2),
        ("A school principal and another teacher were shot dead.", 2),
        ("Gunmen killed 4 soldiers, 2 militiamen and 3 civilians.", 9),
        ("Gunmen killed 4 soldiers, 2 militiamen and 2 civilians.", 8),
        (
            "Soldiers killed 17 displaced herders, 14 were executed while 3 died of torture.",
            17,
        ),
    ],
)
def test_fatalities_people_described_listed_or_broken_down(text, total):
    assert sum(value for value, _, _ in figures(text)) == total


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Soldiers arrested nine herders near Boni; those arrested were later executed.", 9),
        ("Gunmen abducted three traders; their bodies were found near the road.", 3),
        (
            "Soldiers abducted three notables of the Fulani community, including the prince "
            "of Banh, the deputy mayor of Ouahigouya, and the chief of Solle in Ouahigouya, "
            "executed them and dumped their bodies.",
            3,
        ),
        ("Soldiers arrested nine herders near Boni; the detainees were released.", 0),
    ],
)
def test_fatalities_those_taken_then_killed(text, total):
    assert sum(value for value, _, _ in figures(text)) == total


@pytest.mark.parametrize(
    "text",
    ["Gunmen killed 30 displaced cattle.", "The raid killed 11 soldiers held captive there."],
)
def test_fatalities_an_outcome_word_before_no_people_is_no_toll(text):
    assert figures(text) == []


def test_fatalities_attackers_are_not_the_dead():
    text = "At least 12 soldiers were killed in an attack by about 40 heavily armed gunmen."
    assert figures(text) == [(12, "at least", None)]


def test_fatalities_marchers_are_not_the_dead():
    text = "Over 3,000 people marched to demand an inquiry into the death of a journalist."
    assert 3000 not in [value for value, _, _ in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed two young Dawsahak on the road.", [(2, "exact", None)]),
        ("Raiders killed at least 30 Tuaregs in the camp.", [(30, "at least", None)]),
        ("A representative of the movement was killed in Ber.", [(1, "exact", None)]),
        ("The fighters killed 40 goats and burned the granary.", []),
    ],
)
def test_fatalities_death_verb_governs_the_count(text, expected):
    assert figures(text) == expected


def test_fatalities_number_words_joined_by_and_are_a_range_not_a_sum():
    text = "The army killed between two and six alleged militants."
    assert figures(text) == [(2, "at least", None), (6, "up to", None)]


def test_fatalities_passive_injury_far_after_the_count_is_not_a_death():
    text = "A girl was killed and ten other people, all women and children, were injured."
    assert figures(text) == [(1, "exact", None)]
    # After "while", the injury is of others than those counted.
    text = "Militants killed 11 soldiers while others were wounded or went missing."
    assert figures(text) == [(11, "exact", None)]


def totals(text):
    """Figures as the linker sums them: one source's sides add up, a side-less figure
    stands against that sum."""
    found = find_figures(text, 0, len(text))
    later = max([f.value for f in found if f.victims == DIED_LATER], default=0)
    sided = sum(f.value for f in found if f.victims and f.victims != DIED_LATER)
    return max([sided] + [f.value for f in found if not f.victims]) + later


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The count's own clause ends at "and": what follows is another verb's.
        ("Troops killed nine insurgents and detained one near the well.", [9]),
        # A nearer non-fatal verb governs the count, not the death verb before it.
        ("Raiders killed three herders and kidnapped two others.", [3]),
        ("One guard was killed and four others arrested at the gate.", [1]),
        ("Five fighters died and two were taken prisoner.", [5]),
        # "killing" after a count: the count did the killing.
        ("About 30 gunmen raided the hamlet, killing four.", [4]),
        ("Two bandits attacked and killed three traders.", [3]),
        ("The raiders burned five huts and killed two goats.", []),
        # A later figure owns the death word after it.
        ("Soldiers abducted seven herders, three were later executed.", [3]),
        ("Police killed one robber, two bystanders were wounded.", [1]),
        ("In one raid, 14 militants were killed.", [14]),
        # A figure inside a parenthesis after a toll breaks it down.
        ("Six died (4 attackers and two soldiers) in the fighting.", [6]),
        # A crowd-size tag and a location code are no tolls.
        ("Residents marched against the killing of herders. [size=dozens]", []),
        ("(coded as Bamba at geoprecision 2), a trader was killed.", [1]),
        # A death as a grievance or a failed attempt is no toll of this event.
        ("Students protested over the killing of three students.", []),
        ("Angry residents rallied against the deaths of two traders.", []),
        ("Gunmen attempted to kill a mayor near his home.", []),
        ("Soldiers shot dead a herder suspected of being a militant.", [1]),
        # Up to five words between a death verb and its count: "killed a X and her two".
        ("Gunmen killed a female IDP and her two children.", [3, 2]),
        # Words and verbs the lexicon lacked.
        ("Militants assassinated two teachers in the market.", [2]),
        ("Twelve Islamists reportedly killed in the strike.", [12]),
        ("Five Malians were reportedly killed near the border.", [5]),
        ("Two soldiers later succumbed to their wounds.", [2]),
        ("The bodies of two Bozo fishermen abducted last month were found.", [2]),
        ("Jihadists killed a dozen militiamen.", [12]),
        # Unknown tolls a note states itself.
        ("Unknown fatalities coded as 10.", [10]),
        ("Unknown fatalities assessed as low and coded as 3.", [3]),
    ],
)
def test_fatalities_whose_death_word_it_is(text, expected):
    assert [value for value, _, _ in figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen assassinated a district chief and his nephew.", 2),
        ("Gunmen killed a leader of the local militia and his bodyguard.", 2),
        ("Militants assassinated a municipal councilor and a village chief.", 2),
        # Lists share the death word after their last item (these also guard the
        # later-figure rule above against splitting a list of the dead).
        ("A priest and four worshippers were killed.", 5),
        ("A gendarme, 3 assailants and 2 civilians died.", 6),
        ("1 Nigerien killed, 6 insurgents killed and 5 arrested.", 7),
        ("Seven soldiers, 12 militants and one civilian were killed in the battle.", 20),
        # The exceptions to the "second verb" and "later figure" rules.
        ("Oumar Diallo, a village councilman, was murdered by gunmen.", 1),
        ("A herder was shot and killed by unknown gunmen.", 1),
        ("Soldiers detained four traders and executed them.", 4),
        ("A mob beat a thief, the chief was killed and a guard wounded.", 1),
        ("A militant group claimed the raid in which two soldiers were killed.", 2),
        ("Villagers found a lifeless herder near the well.", 1),
        ("An assassination was carried out in the town.", 1),
        ("Traore, member of the armed group, was 'neutralised' by the army.", 1),
        ("An unidentified man was shot down in the market.", 1),
        ("A forest guard went missing and was found murdered.", 1),
        # An age describes the person: no count of its own.
        ("A 12-year-old girl was killed by a stray bullet.", 1),
        ("Gunmen shot dead a 45-year-old trader and his 20-year-old son.", 2),
        # A couple is two people; "a couple of" is a count.
        ("A couple on a motorbike was killed by a mine.", 2),
        ("Gunmen killed an elderly couple.", 2),
        ("Gunmen killed a couple of herders.", 2),
        ("Four were shot on Monday; a fifth has died after being shot.", 1),
        ("Gunmen shot a man in the head and then decapitated the victim.", 1),
        ("1 Malian soldier was killed in the ambush.", 1),
    ],
)
def test_fatalities_single_persons_and_lists(text, expected):
    assert totals(text) == expected


def test_fatalities_people_among_the_dead_are_not_a_toll_of_their_own():
    text = (
        "At least nine people were killed on Monday when a drone strike hit Kidal.\n\n"
        "The mayor said his secretary and a driver of the town hall were among the dead."
    )
    pipeline = build_pipeline(load_settings({"progress": False}))
    (report,) = pipeline(Article("t", text, date(2023, 11, 8))).reports
    assert [claim.fatalities for claim in report.claims] == [9]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The verb phrase "shot dead" has its own object: the count before it killed.
        ("A gendarme shot dead a young herder at the market.", 1),
        ("Three raiders on a motorbike shot dead a farmer in Sebba.", 1),
        ("Two herders were arrested and found dead a few days later.", 2),
        # Times of day are no counts.
        ("A nurse and three patients were killed at about 11:45 pm (2345 GMT) in Gao.", 4),
        # A bracket restates the person before it.
        ("A shell killed a civilian [a boy] and wounded four others.", 1),
        # "N of the M": the M were counted before.
        ("Raiders took seven herders; the bodies of three of the seven were found.", 3),
        # People who died of their wounds add to the toll; the wounded do not.
        ("Raiders killed two farmers and wounded five, one of the wounded later died.", 3),
        ("Gunmen attacked the post, wounding three guards, one succumbed to his wounds.", 1),
        ("Bandits wounded a Malian trader who succumbed to his wounds a week later.", 1),
        ("Two witnesses said the herder died at the hospital in Mopti.", 1),
        # Persons joined to a killed one, by 'and', a closed list or 'with'.
        ("Gunmen assassinated a Toulfe councillor and the son of the local imam.", 2),
        ("Militants killed a pastor, his wife and a Dozo militiaman.", 3),
        ("Gunmen killed a village chief of the Bella community and his four sons.", 5),
        ("Gunmen shot dead a wealthy trader with his driver in Kidal.", 2),
        ("Forces killed the group's commander Abu Bakr Sidibe and his senior aide.", 2),
        ("Gunmen killed a trader, a man of sixty, near the well.", 1),
        # A killing told as the past of a sentence's own people is no toll of it.
        ("Soldiers killed 6 bandits who had earlier murdered a shopkeeper in Tera.", 6),
        # A person named before, told of again by a pronoun or a found body.
        ("Gunmen kidnapped a herder near Dori, he was later found beheaded.", 1),
        ("A trader was kidnapped last week. His body was discovered near the river.", 1),
        ("Robbers entered the home of a tailor, beating and killing him.", 1),
        ("Gunmen killed two herders; he was found dead on the road.", 2),
        # Group names stand for their fighters in a list of the dead.
        ("Eleven AQIM and four MNLA fighters were reportedly killed.", 15),
        # A death verb governs every item of its list, however far the last one is.
        ("Raiders stormed Tibo, killing two Dozo hunters (militia) and nine villagers.", 11),
        ("Raiders killed two gendarmes, one was wounded.", 2),
        ("Raiders shot dead eight herders including members of the Peul clan and two Bozo.", 8),
    ],
)
def test_fatalities_agents_later_deaths_and_joined_persons(text, expected):
    assert totals(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sentence that opens on its victim, as a headline does, with or without article.
        ("Teacher killed in an ambush north of the town.", 1),
        ("Ranger and his nephew killed by gunmen near the well.", 2),
        ("The chief of the Kel section of Tara hamlet near Boni was killed at his home.", 1),
        ("Ranger killed two poachers near the park.", 2),
        # A title before the name, no article: "shot dead FLN commander X".
        ("Gunmen shot dead FLN commander Bara Ould Sidi in Gao.", 1),
        ("Raiders executed Kel Ansar notable in the camp.", 1),
        ("Gunmen killed the head of the local school.", 1),
        ("Raiders killed militant fighters.", 0),
        ("Crowds demanded the arrest of guards accused of killing journalist Ali Sow.", 0),
        # Death words the lexicon lacked, typos included.
        ("A mine exploded, killling four traders.", 4),
        ("Gunmen slit the throats of four shepherds.", 4),
        ("Raiders seized three herders and burned them alive.", 3),
        # "beat X to death": the object sits inside the death phrase.
        ("Villagers lynched two suspected cattle thieves to death.", 2),
        ("Guards beat a detained herder to death.", 1),
        # "killed two of them" is the toll, not a breakdown of one.
        ("Guards surprised four raiders and killed two of them.", 2),
        ("Six died, three of them children.", 6),
        # A "Fatalities:" label names its figures, a group's name its fighters.
        ("Fatalities: 3 soldiers, 2 ISWAP.", 5),
    ],
)
def test_fatalities_headlines_titles_and_death_phrases(text, expected):
    assert (totals(text) if find_figures(text, 0, len(text)) else 0) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pupils held a 72-hour strike in memory of classmates who died in a fire.",
        # A toll of an earlier event the sentence names as its cause or antecedent.
        "Unions marched following the clashes in which 6 miners were killed.",
        "Students rallied to protest against clashes that killed three pupils.",
        "Police dispersed a rally three days after nine people died in a bus crash.",
        # A denied or retracted death.
        "The bishop denied reports that he was found dead.",
        "Police fired live rounds, an old man was reportedly killed, although this was denied.",
        "Two guards were initially reported killed, but this was later retracted by the army.",
    ],
)
def test_fatalities_other_events_and_denials_are_no_toll(text):
    assert figures(text) == []


def test_fatalities_neighbour_sentence_toll_completes_a_brief_event():
    text = (
        "On 4 May 2021, Dogon hunters clashed with Fulani militiamen near Toguere. "
        "Two herders were killed, and the attackers seized cattle."
    )
    pipeline = build_pipeline(load_settings({"progress": False}))
    reports = pipeline(Article("t", text, date(2021, 5, 5))).reports
    assert {r.sub_event_type: sum(c.fatalities for c in r.claims) for r in reports} == {
        "Armed clash": 2,
        "Attack": 2,
    }


def test_fatalities_neighbour_with_its_own_date_and_place_keeps_its_toll():
    text = (
        "On 4 May 2021, soldiers clashed with militants near Toguere. "
        "On 6 May 2021, gunmen killed three herders in Dinangourou."
    )
    pipeline = build_pipeline(load_settings({"progress": False}))
    reports = pipeline(Article("t", text, date(2021, 5, 7))).reports
    assert sorted(sum(c.fatalities for c in r.claims) for r in reports) == [0, 3]


def test_fatalities_a_death_told_as_hypothetical_adds_nothing():
    text = "Troops killed 12 militants and a guard allegedly wounded would have succumbed."
    assert totals(text) == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones struck a pickup near Dioura, resulting in 6 fatalities.", [(6, "exact", None)]),
        ("Gunmen attacked the village, causing six deaths.", [(6, "exact", None)]),
        ("The clashes caused at least 3 civilian deaths and 12 injuries.", [(3, "at least", None)]),
        ("The journalist received two death threats.", []),
        # Bodies found are the dead counted, unless the sentence counted them already.
        ("At least 5 bodies were recovered near the well.", [(5, "at least", None)]),
        ("Residents found seven charred bodies in a hut.", [(7, "exact", None)]),
        ("Gunmen killed 10 villagers; seven bodies were found in a well.", [(10, "exact", None)]),
        ("The army killed 10 militants (7 bodies recovered).", [(10, "exact", None)]),
        ("Protesters marked the second death anniversary of the activist.", []),
    ],
)
def test_a_count_of_deaths_or_fatalities_is_a_toll(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A figure given for the dead a vague word counted replaces the word's number.
        ("On 4 May 2021, gunmen killed hundreds in Solhan. Locals said at least 160 died.", 160),
        ("On 4 May 2021, gunmen killed dozens in Solhan. An official said 26 died.", 26),
        # ... and stands when it is lower, as ACLED takes the lowest figure.
        ("On 4 May 2021, gunmen killed dozens in Solhan. An official said 5 died.", 5),
        # A vague word alone gives ACLED's number for it.
        ("On 4 May 2021, gunmen killed dozens in Solhan.", 12),
    ],
)
def test_a_vague_toll_gives_way_to_a_given_figure(text, expected):
    assert report_toll(text) == expected


def test_fatalities_a_group_named_after_the_verb_is_no_person_killed():
    text = "Troops killed Ansar Dine in Gao."
    group = (text.index("Ansar"), text.index(" in"), "Ansar Dine")
    assert find_figures(text, 0, len(text)) != []
    assert find_figures(text, 0, len(text), [group]) == []


def report_toll(text):
    """The conservative toll of the one report the pipeline makes of `text`."""
    pipeline = build_pipeline(load_settings({"progress": False}))
    (report,) = pipeline(Article("t", text, date(2021, 5, 7))).reports
    return conservative_fatalities(report.claims)


def conservative(text):
    found = find_figures(text, 0, len(text))
    claims = [
        Claim("a", f.claimed_by, f.value, f.qualifier, text, 0, len(text), f.victims) for f in found
    ]
    return conservative_fatalities(claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The bomber dies by the bomb: ACLED counts them.
        ("A suicide bomber attacked a checkpoint in Gao, wounding a policeman.", 1),
        ("A suicide bomber blew himself up in a market, causing no casualties.", 1),
        ("A female suicide bomber killed two civilians in Bosso.", 3),
        ("Three suicide bombers detonated their belts in Diffa, killing 10 civilians.", 13),
        # Caught or counted already: no one more.
        ("A suicide bomber was arrested before he could detonate his vest.", 0),
        ("The blast killed four people including the suicide bomber.", 4),
        # How many is not told.
        ("Suicide bombers attacked the camp, wounding two soldiers.", 0),
    ],
)
def test_suicide_bombers_are_among_the_dead(text, expected):
    assert conservative(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The number counts households; the members are the dead, and they are people.
        ("Four members of one family were killed in Djibo.", [(4, "civilians")]),
        ("Gunmen killed four members of a Fulani family.", [(4, "civilians")]),
        ("Soldiers killed three members of the Dogon community.", [(3, "civilians")]),
        # Members of a group are its fighters.
        ("Soldiers killed five members of JNIM near Djibo.", [(5, "militants")]),
        # "A Fulani family" is not one person, and how many died is not told.
        ("Gunmen killed a Fulani family in Djibo.", []),
        ("Gunmen killed a Fulani herder in Djibo.", [(1, "civilians")]),
    ],
)
def test_fatalities_members_of_a_family_or_community(text, expected):
    found = find_figures(text, 0, len(text))
    assert [(f.value, f.victims) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adverb between "was" and the death word: still one death.
        ("Four peacekeepers were killed by a car bomb; the bomber was also killed.", 5),
        ("Gunmen abducted a trader; the abductee was subsequently executed.", 1),
        # A killer's own death counts too.
        ("A soldier shot dead two colleagues and later killed himself.", 3),
        ("A militant detonated a car bomb at a checkpoint, killing himself and two soldiers.", 3),
        ("The man threatened to kill himself and others.", 0),
        # One more told by its rank in the count, however long the way to its death.
        ("Five soldiers were killed and a sixth has died.", 6),
        (
            "Gunmen killed two national guards and seized their car in Gao, a third national "
            "guard who went missing was later found dead.",
            3,
        ),
    ],
)
def test_fatalities_one_more_death_told_on_its_own(text, expected):
    assert conservative(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The coder's estimate for dead no figure counts adds to the figures told.
        (
            "Militants attacked a camp in Kidal, killing 1 peacekeeper. The attackers "
            "'suffered losses' (coded as 10).",
            11,
        ),
        (
            "Militants attacked an army post, killing seven soldiers. The army killed a number "
            "of militants. Unknown militant fatalities coded as 10.",
            17,
        ),
        # Added once, though told in the sentence of a count of no side.
        ("Gunmen attacked a post near Gao, 1 killed, unknown fatalities coded as 10.", 11),
        # Alone, it is the toll, however long the reason given for it.
        (
            "French forces killed or captured an unspecified number of militants near Tessit. "
            "Unknown fatalities assessed as low considering the number of motorbikes destroyed "
            "and lack of precisions and coded as 3.",
            3,
        ),
    ],
)
def test_fatalities_a_coded_estimate_for_unknown_dead(text, expected):
    assert report_toll(text) == expected


def test_fatalities_an_unspecified_number_is_no_one_person():
    text = "The army killed an unspecified number of Fulani herders."
    assert find_figures(text, 0, len(text)) == []


def test_fatalities_a_bomber_is_of_the_attackers_side():
    # Told in a sentence of its own, the bomber's death is no restatement of the
    # soldiers' toll: it counts for the other side.
    text = "Two soldiers were killed in a car bomb attack in Gao. The bomber was killed."
    assert report_toll(text) == 3


def test_fatalities_a_person_described_by_a_bracketed_community_and_his_sons():
    text = "Gunmen killed a village chief of the Kel (Bellah) community and his three sons."
    assert totals(text) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Plural nouns of people name who the count is.
        ("2 French journalists with a radio station were kidnapped and killed.", 2),
        # A person word of its own, with the death word beside it.
        ("Government administrator reportedly killed by rebels.", 1),
        ("Unidentified men attack and kill a French tourist near the border.", 1),
        # Present tense, and a name with a bracket after it.
        ("An arms dealer is killed in the north.", 1),
        ("MUJAO & AQIM commander Omar Hamaha (known as 'Red Beard') was killed.", 1),
        # Taken, then killed.
        ("Customs officer kidnapped, killed.", 1),
        ("A Tuareg was kidnapped and killed.", 1),
        ("Customs officer kidnapped and released.", 0),
        # A death the protest is about is no toll of the protest.
        ("Protesters rallied over matters related to the death of a poacher.", 0),
        ("Youths burned tires, furious about the death of a guard shot dead by gunmen.", 0),
        ("Residents rioted against the killing of a girl who was found beheaded.", 0),
        # A bracketed acronym among the words for the person.
        ("Militants killed a former village development (CVD) councilman in Djibo.", 1),
        # Found killed, after a relative clause; the body is the person's.
        ("A herder who was abducted by gunmen on Monday was found beheaded.", 1),
        (
            "A young man who pushed a gendarme during a search at the market while refusing "
            "to stop was shot dead.",
            1,
        ),
        # One of the wounded who died of the wounds.
        ("Gunmen wounded three civilians, including a child who succumbed to their wounds.", 1),
        ("Militiamen executed two herders and wounded another who succumbed the next day.", 3),
        # A person killed, told by name only.
        ("Gunmen assassinated Yacouba Sawadogo in Djibo, who was the mayor.", 1),
        ("Militants executed de Amadou Maiga, a former councillor.", 1),
        # Not a name: a group, then the people it names.
        ("Soldiers killed Boko Haram fighters near Diffa.", 0),
        # A place between the person and the relative clause.
        (
            "Soldiers arrested a trader at the market in Djibo who after his arrest was "
            "summarily executed.",
            1,
        ),
        ("The body of a man was found beheaded near the river.", 1),
        # Ranks and trades: a "sub-officer", an "electricity provider" are people too.
        ("An army sub-officer and his younger brother were assassinated in Djibo.", 2),
        ("Militiamen executed a mechanic and an electricity provider in Dabali.", 2),
    ],
)
def test_fatalities_people_words_and_headline_deaths(text, expected):
    assert conservative(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Taken in a passive; "their bodies" in the same sentence or the next.
        ("Three miners were abducted; their bodies were found a week later.", 3),
        ("Five men were detained by soldiers. Their bodies were later discovered.", 5),
        ("Five men were detained by soldiers. They were released later.", 0),
        # A relative clause between the count and its death word.
        (
            "Three Imghad men who had been abducted earlier by presumed Islamic State in "
            "the Greater Sahara militants were found dead near the village.",
            3,
        ),
    ],
)
def test_fatalities_people_taken_then_found_dead(text, expected):
    pipeline = build_pipeline(load_settings({"progress": False}))
    reports = pipeline(Article("t", text, date(2021, 5, 7))).reports
    assert max((conservative_fatalities(r.claims) for r in reports), default=0) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops freed the hostages and killed the 4 aggressors.", [(4, "militants")]),
        ("The corpse of one militant was recovered.", [(1, "militants")]),
        ("A thief was hanged by the crowd.", [(1, None)]),
        # "Lynched" also tells of mobs who beat and let live.
        ("Two youths were lynched by a mob; one was killed, the other injured.", [(1, None)]),
    ],
)
def test_fatalities_attackers_corpses_and_hangings(text, expected):
    assert [(f.value, f.victims) for f in find_figures(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Another four", "two others": people besides those counted before.
        (
            "Soldiers shot dead four members of the Fulani community in the village, another "
            "four were detained before being summarily executed.",
            8,
        ),
        # A kinsman listed after the victim, then a new verb: the list has ended.
        ("Militants killed a member of the militia, his son and wounded two others.", 2),
        ("Gunmen killed Amadou, a teacher and wounded two others.", 0),
        # One person joined to a count of others.
        ("The mayor and three others were killed by gunmen.", 4),
        ("Norbert Zongo and three others were killed by gunmen.", 4),
        ("Norbert Zongo, a journalist critical of the government, and three others died.", 4),
        ("The mayor and three other civilians were killed by gunmen.", 4),
        ("Gunmen killed the mayor and two others.", 3),
        ("The chief and two more were killed by gunmen.", 3),
        ("The army killed 10 militants and wounded three others.", 10),
    ],
)
def test_fatalities_people_besides_those_counted(text, expected):
    assert conservative(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The injury after ", and" opens a clause of its own; the list's items are dead.
        ("Militants ambushed a patrol, killing one soldier, six Koglweogo, and wounded others.", 7),
        ("Militants ambushed a patrol, killing one soldier, six policemen and wounding three.", 7),
        ("Militants killed two soldiers, three wounded.", 2),
        # Where each item died does not break the list.
        ("Gendarmes executed four men in the village of Inata and five others at a mine.", 9),
        ("Gunmen killed two soldiers in the town of Djibo and wounded five others.", 2),
        # A people's name stands for one of them in a list.
        ("Troops clashed with Islamists. 1 French & 10 jihadists killed.", 11),
        ("1 Chadian and 10 jihadists were killed in the clash.", 11),
    ],
)
def test_fatalities_a_list_of_the_dead(text, expected):
    assert conservative(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # People besides those of the sentence before add to them.
        ("A JNIM commander was killed by French forces near Gao. 2 other militants died.", 3),
        ("Gunmen shot dead five passengers near Gao. They also killed two more people.", 7),
        ("A soldier was killed near Gao. Two others died.", 3),
        # "Also" tells of more dead, of the side before or of none told.
        ("French forces killed a rebel leader near Gao. One of his sons was also killed.", 2),
        ("Soldiers killed a JNIM commander near Gao. The soldiers also killed two militants.", 3),
        # A restatement is no addition.
        ("A JNIM commander was killed by French forces near Gao. 2 militants died.", 2),
        # Those who died of their wounds already add to the toll.
        ("An IED hit a convoy near Gao. 2 soldiers died. 2 more died at the hospital.", 4),
        # More bodies found are more dead.
        (
            "Seven assailants and four soldiers were killed in the clashes near Gao, while six "
            "more corpses were found the following day.",
            17,
        ),
    ],
)
def test_fatalities_more_dead_besides_those_counted_before(text, expected):
    assert report_toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "One of the assailants" is of the two before it: the one died, not the two.
        ("The post was attacked by two unknown gunmen, one of the assailants killed.", 1),
        # A breakdown of the dead still leaves the whole.
        ("Six soldiers, two of them officers, were killed.", 6),
    ],
)
def test_fatalities_one_of_a_group_named_before(text, expected):
    assert conservative(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A mayor is a civilian, volunteers for the homeland are of the forces: the
        # sides add up, and the list of the second sentence does not restate the first.
        (
            "Militants ambushed a convoy near Djibo. The mayor was killed and 2 VDPs wounded. "
            "A second unit was also ambushed, leaving 6 soldiers and 3 VDPs dead.",
            10,
        ),
    ],
)
def test_fatalities_people_of_office_and_volunteers_have_sides(text, expected):
    assert report_toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The dead in a group's ranks are that side's: they add to the forces' dead.
        (
            "Militants ambushed a convoy near Gao; 1 soldier killed and 3 peacekeepers killed. "
            "2 dead in JNIM's ranks.",
            6,
        ),
        (
            "JNIM attacked the camp in Gao, killing four soldiers, and admitted two dead in "
            "its own ranks.",
            6,
        ),
        # The ranks of the forces are the forces' side: a restatement stays one figure.
        (
            "Militants attacked the post in Gao and killed 3 soldiers. 3 dead in the army's ranks.",
            3,
        ),
    ],
)
def test_fatalities_the_dead_in_a_sides_ranks(text, expected):
    assert report_toll(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The group announced the execution of an Algerian diplomat, one of four held.", 1),
        ("On 26 January, the body of a health worker was found riddled with bullets.", 1),
        ("A lookout, who turned out to be a minor, was killed by a helicopter patrol.", 1),
        # The body whose discovery set off the riot is no toll of the riot.
        (
            "At least 4 people were killed during riots in Gaoua following the discovery of "
            "the body of a child.",
            4,
        ),
        ("The governing body of a school met.", 0),
    ],
)
def test_fatalities_bodies_executions_and_more_people_words(text, expected):
    assert conservative(text) == expected
