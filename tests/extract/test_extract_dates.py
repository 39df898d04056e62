from datetime import date

import pytest

from conflictwatch.extract.dates import find_dates

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
        ("three days ago", date(2024, 3, 25), 1),
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
