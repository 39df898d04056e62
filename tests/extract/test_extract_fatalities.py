import pytest

from conflictwatch.extract.fatalities import find_figures


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


def test_fatalities_years_and_distances_are_not_tolls():
    text = "In 2022, gunmen killed a herder 40 km from the town."
    assert figures(text) == [(1, "exact", None)]


def test_fatalities_excluded_spans_hold_no_count():
    text = "On 3 May fighters attacked; 6 people were killed."
    assert figures(text, exclude=[(3, 8)]) == [(6, "exact", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Suspected militants killed the village chief and seized motorbikes.",
        "The mayor of the town was assassinated by unidentified gunmen.",
        "A wounded peacekeeper later succumbed to his wounds.",
    ],
)
def test_fatalities_one_described_victim(text):
    assert figures(text) == [(1, "exact", None)]


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
