from datetime import date

import pytest

from conflictwatch.extract.dates import (
    days_lasted,
    find_dates,
    in_passing,
    later_deed_of_noun,
    modifier_participle,
    protested_cause,
    told_days,
)

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
        ("in the week of 11 March, militants", date(2024, 3, 11), 2),
        ("Around 4 March 2024 (week of), militants", date(2024, 3, 4), 2),
        ("during the first week of March, militants", date(2024, 3, 4), 2),
        ("in the last week of February, militants", date(2024, 2, 25), 2),
        ("Last month, gunmen attacked", date(2024, 2, 15), 3),
        ("late last month, gunmen attacked", date(2024, 2, 25), 2),
        ("le mois dernier, des hommes armés", date(2024, 2, 15), 3),
        ("Earlier this month, gunmen attacked", date(2024, 3, 15), 3),
    ],
)
def test_dates_resolved_against_publication(text, day, precision):
    value = first(text)
    assert (value.date, value.precision) == (day, precision)


@pytest.mark.parametrize(
    ("published", "day"),
    [(date(2024, 1, 12), date(2023, 12, 15)), (date(2024, 3, 12), date(2024, 2, 15))],
)
def test_dates_last_month_is_the_month_before_publication(published, day):
    assert first("Last month, gunmen attacked", published).date == day


def test_dates_this_month_read_before_its_15th_is_a_day_gone():
    value = first("Earlier this month, gunmen attacked", date(2024, 3, 12))
    assert date(2024, 3, 1) <= value.date < date(2024, 3, 12)


def test_dates_span_between_two_days():
    value = first("fighting between 29 and 30 October 2023 near Bourem")
    assert (value.date, value.end, value.precision) == (date(2023, 10, 29), date(2023, 10, 30), 1)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("raids on 4, 6, and 9 January 2024 near Tessit", (4, 6, 9)),
        ("sit-ins on January 10, 11 and 12 in Kaya", (10, 11, 12)),
        ("patrols on 14 and 15 January 2024", (14, 15)),
        ("grève les 16 et 17 janvier 2024", (16, 17)),
    ],
)
def test_dates_list_keeps_its_days(text, days):
    value = first(text)
    assert value.days == tuple(date(2024, 1, day) for day in days)
    assert (value.date, value.end) == (date(2024, 1, days[0]), date(2024, 1, days[-1]))


def test_dates_span_is_no_list():
    assert first("operations on 4-6 January 2024").days == ()


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("On 20-21 March, the army pursued the raiders.", (20, 21)),
        ("Over 20-22 March, drones struck three camps.", (20, 21, 22)),
        ("Teachers struck from March 20 - 24 in Dori.", (20, 21, 22, 23, 24)),
        ("Gunmen burned granaries on 18, 20 and 22 March.", (18, 20, 22)),
        ("Students marched on Monday, Tuesday and Wednesday.", (25, 26, 27)),
        ("Traders held a sit-in on 20/03/2024 and 21/03/2024.", (20, 21)),
        ("Between 20 and 21 March, gunmen attacked the post.", ()),
        ("Overnight between 20 and 21 March, gunmen attacked.", ()),
        ("Around 20 March 2024 (between 20 - 21 March), a mine exploded.", ()),
        ("Around 20 March 2024 (from 20 - 21 March), a mine exploded.", ()),
        ("Soldiers arrested him during the night of March 20-21.", ()),
        ("Miners went on strike from March 2 - 12.", ()),  # a campaign: over a week
    ],
)
def test_dates_told_days_only_of_an_outright_statement(text, days):
    (match,) = [m for m in find_dates(text, PUBLISHED) if m.value.end]
    told = told_days(text, match.start, match.end, match.value)
    assert told == tuple(date(2024, 3, day) for day in days)


def test_dates_one_day_dates_told_together_are_one_date():
    (match,) = find_dates("a sit-in on Mar.20 and Mar.21 at the hospital", PUBLISHED)
    assert match.text == "Mar.20 and Mar.21"
    assert match.value.days == (date(2024, 3, 20), date(2024, 3, 21))
    # Farther apart than a week they stay two dates.
    assert len(find_dates("on 2 March and 20 March", PUBLISHED)) == 2


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


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On 9 March, rebels seized a truck. The next day they burned it.", date(2024, 3, 10)),
        ("On 9 March, rebels seized a truck. Two days later, they burned it.", date(2024, 3, 11)),
        ("On 9 March, rebels seized a truck, a day earlier a bus.", date(2024, 3, 8)),
        ("On 9 March, rebels seized a truck and burned it the same day.", date(2024, 3, 9)),
        ("fighting on 9 and 10 March; the following day the town fell", date(2024, 3, 11)),
        (
            "Le 9 mars, des hommes armés ont enlevé un élu. Le lendemain, ils l'ont tué.",
            date(2024, 3, 10),
        ),
        (
            "Le 9 mars, un camion a été saisi ; trois jours plus tard, il a été brûlé.",
            date(2024, 3, 12),
        ),
    ],
)
def test_dates_anaphoric_day_counts_from_the_date_told_before(text, day):
    found = find_dates(text, PUBLISHED)
    assert found[-1].value.date == day
    assert found[-1].value.anchor == found[-2].value.date


def test_dates_anaphoric_day_with_nothing_before_is_no_date():
    assert find_dates("His body was found the next day.", PUBLISHED) == []
    assert first("Three days earlier, gunmen raided the camp.").date == date(2024, 3, 25)


def test_dates_day_before_a_noun_counts_from_that_noun_not_the_last_date():
    text = "On 9 March, gunmen attacked. The day before the vote, police arrested ten."
    assert [m.text for m in find_dates(text, PUBLISHED)] == ["9 March"]
    assert first("He was freed the day before yesterday.").date == date(2024, 3, 26)


@pytest.mark.parametrize(
    "text",
    [
        "A rally is planned for next Monday.",
        "until elections next November",
        "Une marche est prévue lundi prochain.",
        "talks resume this coming Friday",
    ],
)
def test_dates_ahead_of_publication_are_no_event_dates(text):
    assert find_dates(text, PUBLISHED) == []


def test_dates_list_of_days_starts_on_the_first_and_ends_on_the_last():
    value = first("On 21, 23, and 27 February 2020, troops raided three camps")
    assert (value.date, value.end) == (date(2020, 2, 21), date(2020, 2, 27))
    value = first("Sit-ins were held on October 8, 9 and 10")
    assert (value.date, value.end) == (date(2023, 10, 8), date(2023, 10, 10))
    assert first("On August 8, 12 soldiers died").end is None


def test_dates_weekday_or_weekend_before_a_full_date_is_that_date():
    found = find_dates("Police were deployed on Friday (December 22nd, 2017).", PUBLISHED)
    assert [(m.text, m.value.date) for m in found] == [("December 22nd, 2017", date(2017, 12, 22))]
    (found,) = find_dates("le mardi 31 octobre 2023, des tirs", PUBLISHED)
    assert found.value.date == date(2023, 10, 31)
    (found,) = find_dates("raided a camp last weekend (19 June 2011)", PUBLISHED)
    assert found.value.date == date(2011, 6, 19)


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("à la mi-mars", date(2024, 3, 15), 2),
        ("fin février, des tirs", date(2024, 2, 25), 2),
        ("il y a deux jours", date(2024, 3, 26), 1),
        ("lundi dernier", date(2024, 3, 25), 1),
        ("kidnapped over the weekend", date(2024, 3, 24), 2),
        ("le week-end dernier", date(2024, 3, 24), 2),
    ],
)
def test_dates_french_and_weekend_forms(text, day, precision):
    value = first(text)
    assert (value.date, value.precision) == (day, precision)


def test_dates_weekend_is_its_latest_day_before_publication():
    assert first("at the weekend", published=date(2024, 4, 1)).date == date(2024, 3, 31)
    assert first("last weekend", published=date(2024, 3, 31)).date == date(2024, 3, 24)
    assert first("over the weekend", published=date(2024, 3, 31)).date == date(2024, 3, 30)


def test_dates_lowercase_month_only_when_no_ordinary_word():
    assert first("fin mars").date == date(2024, 3, 25)
    assert find_dates("sept personnes ont été tuées", PUBLISHED) == []
    assert find_dates("troops may march in", PUBLISHED) == []


def test_dates_year_inferred_from_the_day_itself():
    assert first("On 31 March gunmen", published=date(2024, 3, 29)).date == date(2023, 3, 31)
    assert first("On 30 March gunmen", published=date(2024, 3, 29)).date == date(2024, 3, 30)


@pytest.mark.parametrize(
    "text",
    [
        "Traders whose shops were looted on 3 March marched.",
        "Soldiers arrested two men suspected of killing a chief on 3 March.",
        "Police held men accused of burning a school in January.",
        "Rebels freed the hostage, having been kidnapped in January.",
    ],
)
def test_dates_of_an_earlier_deed_told_in_passing(text):
    assert _passing(text)


def test_dates_lead_of_an_earlier_deed_ends_at_the_main_verb():
    text = "A woman accused of theft was abducted by gunmen on 16 March."
    assert not in_passing(text, 0, text.index("16 March"))


def test_dates_after_publication_are_marked_ahead():
    assert first("Elections are set on 30 June 2024.").ahead
    assert first("Rebels freed a hostage in July 2025.").ahead
    assert not first("On 29 March, gunmen attacked").ahead  # a day's slack, as for the year
    assert not first("On 12 March 2024, gunmen attacked").ahead


def test_dates_year_at_the_end_of_a_list_of_months_is_the_earlier_months_too():
    found = find_dates("Two were freed in 2015, the others in June and July 2027.", PUBLISHED)
    assert [(m.text, m.value.date.year, m.value.ahead) for m in found] == [
        ("June", 2027, True),
        ("July 2027", 2027, True),
    ]
    (span,) = find_dates("on 30 December and 2 January 2022", PUBLISHED)
    assert (span.value.date, span.value.end) == (date(2021, 12, 30), date(2022, 1, 2))


def test_dates_list_of_weekdays_read_on_its_first_runs_forward():
    # read on a Friday: that Friday is the one before the Saturday just gone
    value = first("Rebels clashed with troops on Friday and Saturday.", date(2024, 3, 29))
    assert value.days == (date(2024, 3, 22), date(2024, 3, 23))
    # read on a Monday, "from Sunday to Tuesday" is not last week's
    assert first("from Sunday to Tuesday", date(2024, 3, 25)).date == date(2024, 3, 24)


def test_dates_day_after_of_dates_the_noun_before_it():
    assert first("They renounced the truce of 21 December 2023 and left.").attributive
    assert first("the failed coup of 16 September 2015").attributive
    assert not first("On the morning of 5 March, gunmen attacked").attributive
    assert not first("In the early hours of 5 March, gunmen attacked").attributive


def test_dates_weekday_in_brackets_names_a_relative_day():
    (found,) = find_dates("This morning (Wednesday) students marched.", PUBLISHED)
    assert found.value.date == date(2024, 3, 27)


@pytest.mark.parametrize(
    "text",
    [
        "The group said it will free the hostages on Friday.",
        "Unions plan to strike on 4 April.",
        "They wanted to march, as they had already done in February.",
    ],
)
def test_dates_of_what_is_to_come_or_was_done_before_are_in_passing(text):
    assert _passing(text)


def test_dates_will_as_a_noun_is_no_future():
    assert not _passing("Two girls were taken against their will on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers released the traders taken on 17 March.",
        "The bodies of two herders kidnapped on 17 March were found near Gao.",
    ],
)
def test_dates_of_a_noun_told_for_what_became_of_it(text):
    start = text.index("17 March")
    participle = modifier_participle(text, 0, start)
    assert participle is not None
    assert later_deed_of_noun(text, 0, participle, start + len("17 March"))


def test_dates_of_a_participle_phrase_without_a_later_deed_are_kept():
    text = "Two herders kidnapped on 17 March in Gao."
    start = text.index("17 March")
    participle = modifier_participle(text, 0, start)
    assert participle is not None
    assert not later_deed_of_noun(text, 0, participle, start + len("17 March"))


def test_dates_a_verb_with_its_object_is_no_modifier_participle():
    # "soldiers killed 500 people in March": the sentence's verb, its date the killing's.
    text = "An inquiry found that soldiers killed 500 people in Moura in March 2022."
    assert modifier_participle(text, 0, text.index("March")) is None
    text = "Soldiers released the traders taken at the market in March 2022."
    assert modifier_participle(text, 0, text.index("March")) is not None


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("Youths protested following the repression in Kidal on Monday.", True),
        ("Traders marched against the killing of a driver on Monday.", True),
        ("Traders marched against high fuel prices on Monday.", False),
        ("Traders marched after the attack, on Monday.", False),
    ],
)
def test_dates_after_what_a_crowd_protests_are_the_cause_s(text, cause):
    protest_end = text.index(" ", text.index(" ") + 1)  # the word after the crowd
    assert protested_cause(text, protest_end, text.index("Monday")) is cause


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Ten died in two days of fighting near Gao.", 2),
        ("Rebels and troops clashed over three days.", 3),
        ("Workers held a three-day strike.", 3),
        ("Trois jours de combats ont fait dix morts.", 3),
        ("Workers began a three-day strike.", 0),
        ("Two days of talks ended.", 0),
        ("Nine days of fighting ended.", 0),
        ("Workers went on a 48-hour strike.", 0),
    ],
)
def test_dates_days_an_incident_lasted(text, days):
    assert days_lasted(text, 0, len(text)) == days
