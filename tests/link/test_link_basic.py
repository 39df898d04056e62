from conflictwatch.link import compatible, link_reports, unlinked_events
from support import make_place, make_report


def test_link_same_strike_from_three_outlets_is_one_event():
    reports = [
        make_report("outlet-a", figures=[(15, "a local official")]),
        make_report("outlet-b", day="2024-03-28", figures=[(21, "the separatists")]),
        make_report("outlet-c", figures=[(20, "an NGO")]),
    ]
    events = link_reports(reports)
    assert len(events) == 1
    event = events[0]
    assert event.articles == ["outlet-a", "outlet-b", "outlet-c"]
    assert (
        event.fatalities,
        event.fatalities_low,
        event.fatalities_best,
        event.fatalities_high,
    ) == (15, 15, 20, 21)
    assert event.grade == "contested"
    assert any("figures differ" in reason for reason in event.contradictions)


def test_link_two_strikes_three_days_apart_stay_two():
    reports = [make_report("a", day="2024-03-20"), make_report("b", day="2024-03-23")]
    assert len(link_reports(reports)) == 2


def test_link_different_towns_stay_apart():
    gao = make_place("Gao", 16.27, -0.04, admin1="Gao")
    reports = [make_report("a"), make_report("b", place=gao)]
    assert len(link_reports(reports)) == 2


def test_link_same_article_reports_never_merge():
    a = make_report("a", start=0)
    b = make_report("a", start=50)
    assert not compatible(a, b)
    assert len(link_reports([a, b])) == 2


def test_link_chain_does_not_merge_incompatible_ends():
    # b is within a day of a and of c, but a and c are two days apart.
    a, b, c = (make_report(name, day=f"2024-03-0{n}") for n, name in ((1, "a"), (2, "b"), (3, "c")))
    events = link_reports([a, b, c])
    assert not any(a.id in e.reports and c.id in e.reports for e in events)
    assert sum(len(e.reports) for e in events) == 3


def test_link_ids_do_not_depend_on_input_order():
    reports = [make_report("a"), make_report("b"), make_report("c", day="2024-02-01")]
    first = [e.event_id for e in link_reports(reports)]
    second = [e.event_id for e in link_reports(list(reversed(reports)))]
    assert first == second


def test_link_no_link_keeps_every_report():
    reports = [make_report("a"), make_report("b")]
    assert len(unlinked_events(reports)) == 2


def test_link_zero_and_positive_figures_flagged():
    reports = [make_report("a", figures=[(0, None)]), make_report("b", figures=[(4, "the army")])]
    event = link_reports(reports)[0]
    assert event.fatalities == 4
    assert "one source reports no deaths, another reports deaths" in event.contradictions


def test_link_sides_add_up_within_a_source_and_sources_compete():
    from conflictwatch.model import Claim

    report = make_report("a")
    report.claims = [
        Claim("a", "the army", 3, "exact", "q", 0, 1, victims="military"),
        Claim("a", "the army", 20, "exact", "q", 2, 3, victims="militants"),
        Claim("a", "the army", 3, "exact", "q", 4, 5, victims="military"),  # said again
    ]
    other = make_report("b", figures=[(12, "a local official")])
    event = link_reports([report, other])[0]
    assert event.fatalities == 12  # the lower of 23 (the army) and 12 (the official)
    assert (event.fatalities_low, event.fatalities_high) == (12, 23)


def test_link_sources_counting_other_sides_complete_each_other():
    from conflictwatch.model import Claim

    report = make_report("a")
    report.claims = [
        Claim("a", None, 1, "exact", "q", 0, 1, victims="military"),
        Claim("a", "the army", 6, "exact", "q", 2, 3, victims="militants"),
    ]
    assert link_reports([report])[0].fatalities == 7  # a soldier, and six militants
    # Once two sources count the same side, they compete again: the lowest total stands.
    report.claims.append(Claim("a", "a local official", 4, "exact", "q", 4, 5, victims="militants"))
    assert link_reports([report])[0].fatalities == 1


def test_link_up_to_bound_is_a_high_not_a_total():
    from conflictwatch.model import Claim

    report = make_report("a")
    report.claims = [
        Claim("a", None, 10, "at least", "q", 0, 1),
        Claim("a", None, 20, "up to", "q", 0, 1),
    ]
    event = link_reports([report])[0]
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (10, 10, 20)


def test_link_people_who_died_later_add_to_the_toll():
    from conflictwatch.model import Claim

    report = make_report("a")
    report.claims = [
        Claim("a", None, 4, "exact", "q", 0, 1),
        Claim("a", None, 4, "exact", "q", 2, 3, victims="civilians"),  # said again
        Claim("a", None, 1, "exact", "q", 4, 5, victims="died later"),
    ]
    assert link_reports([report])[0].fatalities == 5
    # So does an estimate for dead no figure counts ("unknown militant fatalities coded
    # as 10" besides twelve people killed).
    report.claims = [
        Claim("a", None, 12, "exact", "q", 0, 1),
        Claim("a", None, 10, "exact", "q", 2, 3, victims="uncounted"),
    ]
    assert link_reports([report])[0].fatalities == 22
