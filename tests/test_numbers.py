import pytest

from conflictwatch.numbers import find_counts, words_to_int


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("twenty-three", 23),
        ("one hundred and five", 105),
        ("seventeen", 17),
        ("two thousand", 2000),
    ],
)
def test_numbers_words_to_int(phrase, value):
    assert words_to_int(phrase) == value


def test_numbers_words_to_int_rejects_other_words():
    assert words_to_int("soldiers") is None


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("at least 13 people", 13, "at least"),
        ("more than 1,200 families", 1200, "more than"),
        ("about forty villagers", 40, "about"),
        ("up to 60 fighters", 60, "up to"),
        ("dozens of soldiers", 12, "about"),
        ("tens of civilians", 10, "about"),
        ("hundreds of residents", 100, "about"),
        ("nine gendarmes", 9, "exact"),
        ("au moins 7 civils", 7, "at least"),
    ],
)
def test_numbers_find_counts_value_and_qualifier(text, value, qualifier):
    counts = find_counts(text)
    assert counts, text
    assert (counts[0].value, counts[0].qualifier) == (value, qualifier)
    assert text[counts[0].start : counts[0].end].lower().startswith(text.split()[0].lower())


def test_numbers_articles_are_not_counts():
    assert find_counts("a patrol met an ambush") == []


def test_numbers_phrase_units_of_several_words():
    # "a dozen" is one entry of the lexicon; "a" alone is no number.
    assert [c.value for c in find_counts("They killed a dozen fighters.")] == [12]
