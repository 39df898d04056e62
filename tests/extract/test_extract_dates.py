from datetime import date

import pytest

from conflictwatch.extract.dates import find_dates, in_passing, modifier_participle

PUBLISHED = date(2024, 3, 28)  # a Thursday


def first(text, published=PUBLISHED):
    found = find_dates(text, published)
    assert found, text
    return found[0].value


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("On 31 October 2020, gunmen attacked", date(2020, 10, 31), 1),
        ("on October 31, 2020 the army", date(2020, 10, 31), 1),
        ("le 3 mars 2024, des hommes armés", date(2024, 3, 3), 1),
        ("Last night, drones struck Kidal", date(2024, 3, 27), 1),
        ("yesterday's drone strikes", date(2024, 3, 27), 1),
        ("on Tuesday, soldiers", date(2024, 3, 26), 1),
        ("on Thursday morning", date(2024, 3, 28), 1),
        ("last Thursday", date(2024, 3, 21), 1),
        ("in January, 25 people", date(2024, 1, 15), 3),
        ("in early March", date(2024, 3, 5), 2),
        ("on 12 December", date(2023, 12, 12), 1),
        ("last week", date(2024, 3, 21), 2),
        ("clashes this week", date(2024, 3, 27), 2),
        ("a raid earlier this week", date(2024, 3, 27), 2),
        ("three days ago", date(2024, 3, 25), 1),
        ("killed on 13-December-2023", date(2023, 12, 13), 1),
        ("abducted on February, 25 were found", date(2024, 2, 25), 1),
        ("died on January, 21st", date(2024, 1, 21), 1),
        ("In February, 25 people fled", date(2024, 2, 15), 3),
    ],
)
def test_dates_resolved_against_publication(text, day, precision):
    value = first(text)
    assert (value.date, value.precision) == (day, precision)


def test_dates_span_between_two_days():
    value = first("fighting between 29 and 30 October 2023 near Bourem")
    assert (value.date, value.end, value.precision) == (date(2023, 10, 29), date(2023, 10, 30), 1)


def test_dates_night_of_two_days_starts_on_the_first():
    value = first("on the night of 3 to 4 March 2023")
    assert value.date == date(2023, 3, 3)


def test_dates_relative_without_publication_is_unresolved():
    value = first("Last night, drones struck Kidal", published=None)
    assert value.date is None and value.relative


def test_dates_month_name_must_be_capitalised():
    assert find_dates("the convoy may march on", PUBLISHED) == []


def test_dates_attributive_date_is_marked():
    assert first("Rights groups detailed a January raid in the centre").attributive
    assert not first("In January, a raid took place").attributive


def test_dates_inside_a_movement_name_are_no_dates():
    published = date(2013, 12, 28)
    text = "Members of MP22 (March 22 Popular Movement) and of the Movement of June 5 marched."
    assert find_dates(text, published) == []


def test_dates_bare_month_after_of_or_for_dates_the_noun():
    assert first("Nurses went on strike over the payment of March salaries").attributive
    assert first("a vote that opens the way for July elections").attributive
    assert not first("In March gunmen burned the market").attributive


def _passing(text):
    (found,) = find_dates(text, PUBLISHED)
    return in_passing(text, 0, found.start)


@pytest.mark.parametrize(
    "text",
    [
        "In response to a raid on 17 March, troops shelled the camp.",
        "Gunmen ambushed a convoy as revenge for the killing in January.",
        "After clashes on Monday, the army sent reinforcements.",
        "The traders were held until 4 March.",
        "The town, held by rebels since 5 February, was retaken.",
        "A herder who was kidnapped last week was found dead.",
        "The group that attacked the camp on 9 March signed a truce.",
        "Students marched over the death of a classmate in February.",
        "A trader, missing since the raid in March, was found dead.",
        "Workers marched against the 'reform law' that was passed on 5 March.",
        "The curfew, imposed on 2 March, was lifted.",
        "A cousin of the mayor - abducted in January - was found dead.",
    ],
)
def test_dates_told_in_passing_are_not_the_event_day(text):
    assert _passing(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, gunmen attacked the camp.",
        "Gunmen attacked the camp on Monday after a long siege.",
        "Officials said that gunmen attacked the camp on Monday.",
        "The army said Friday that troops raided the camp on Tuesday.",
        "Gunmen stormed the village, killed five people on 3 March.",
    ],
)
def test_dates_of_the_event_itself_are_not_in_passing(text):
    found = find_dates(text, PUBLISHED)
    assert not in_passing(text, 0, found[-1].start)


def test_dates_participle_phrase_after_a_noun_is_found():
    text = "Rebels killed a trader abducted in January"
    assert text[modifier_participle(text, 0, text.index("January")) :].startswith("abducted")
    plain = "Two traders were abducted in January"
    assert modifier_participle(plain, 0, plain.index("January")) is None


def test_dates_an_ongoing_relative_clause_tells_the_events_day():
    kept = "Ten people died, most of them traders who were queuing at the market on Friday."
    dropped = "Soldiers freed a herder who was kidnapped on Friday."
    assert not in_passing(kept, 0, kept.index("Friday"))
    assert in_passing(dropped, 0, dropped.index("Friday"))
