"""Blocks, hard rules and scores on hand-built reports."""

from __future__ import annotations

import itertools
import random

from conflictwatch.link import candidate_edges, compatible, link_reports
from conflictwatch.link.blocks import BlockIndex
from conflictwatch.link.compat import keyed_compatible
from conflictwatch.link.keys import Keyed, content_words
from conflictwatch.link.score import THRESHOLD, similarity, text_similarity
from conflictwatch.model import Claim
from support import make_place, make_report

PLACES = [
    make_place("Kidal", 18.44, 1.41, admin1="Kidal"),
    make_place("Gao", 16.27, -0.04, admin1="Gao"),
    make_place("Mali", 17.0, -4.0, precision=3, admin1=None),
    make_place("Djibo", 14.10, -1.63, admin1="Sahel", country="Burkina Faso"),
]


def _random_reports(seed: int, n: int = 120):
    rng = random.Random(seed)
    reports = []
    for i in range(n):
        day = None if rng.random() < 0.15 else f"2024-03-{rng.randint(1, 28):02d}"
        report = make_report(
            f"art{rng.randint(0, 40)}",
            day=day,
            place=rng.choice(PLACES + [None]),
            start=i,
            published=f"2024-03-{rng.randint(1, 28):02d}",
        )
        report.time_precision = rng.choice([1, 1, 2, 3]) if day else None
        reports.append(report)
    return reports


def test_blocks_find_every_compatible_pair():
    keyed = [Keyed.of(r) for r in _random_reports(7)]
    index = BlockIndex()
    for item in keyed:
        index.add(item)
    for a, b in itertools.permutations(keyed, 2):
        if keyed_compatible(a, b):
            assert b.id in {c.id for c in index.candidates(a)}, (a.report, b.report)


def test_link_never_joins_incompatible_reports():
    reports = _random_reports(11)
    by_id = {r.id: r for r in reports}
    for event in link_reports(reports):
        for a, b in itertools.combinations(event.reports, 2):
            assert compatible(by_id[a], by_id[b])


def test_link_result_does_not_depend_on_input_order():
    reports = _random_reports(3)
    shuffled = list(reports)
    random.Random(1).shuffle(shuffled)
    first = [(e.event_id, e.reports) for e in link_reports(reports)]
    assert first == [(e.event_id, e.reports) for e in link_reports(shuffled)]


def test_undated_report_needs_the_same_town_and_a_recent_publication():
    dated = make_report("a", day="2024-03-27")
    undated = make_report("b", day=None, published="2024-03-28")
    assert compatible(dated, undated)
    late = make_report("c", day=None, published="2024-06-28")
    assert not compatible(dated, late)
    country_only = make_report("d", day=None, published="2024-03-28", place=PLACES[2])
    assert not compatible(dated, country_only)
    unpublished = make_report("e", day=None)
    assert not compatible(dated, unpublished)


def test_undated_report_joins_the_nearer_of_two_strikes_on_its_town():
    earlier = make_report("a", day="2023-11-03", published="2023-11-04")
    later = make_report("b", day="2023-11-07", published="2023-11-07")
    undated = make_report("c", day=None, published="2023-11-08")
    events = link_reports([earlier, later, undated])
    assert sorted(e.articles for e in events) == [["a"], ["b", "c"]]


def test_vague_reports_need_more_than_country_and_month():
    month = make_report("a", day="2024-01-15", place=PLACES[2], sub="Attack")
    month.time_precision = 3
    other = make_report("b", day="2024-01-20", place=PLACES[2], sub="Attack")
    assert compatible(month, other)
    assert similarity(Keyed.of(month), Keyed.of(other)) < THRESHOLD
    assert len(link_reports([month, other])) == 2
    # Same named perpetrator and toll, same words: now it is the same raid.
    for report in (month, other):
        report.actor1 = "Wagner Group"
        report.claims = [Claim(report.article, "Human Rights Watch", 25, "exact", "q", 0, 1)]
        report.notes = "Wagner fighters executed 25 detainees after a raid on a village."
    assert similarity(Keyed.of(month), Keyed.of(other)) >= THRESHOLD
    assert len(link_reports([month, other])) == 1


def test_text_similarity_ignores_stop_words_and_plurals():
    a = content_words("The drones struck the market, residents said.")
    b = content_words("A drone strike hit a market, a resident said.")
    assert {"drone", "market", "resident"} <= a & b
    assert "said" not in a and "the" not in a
    assert text_similarity(a, b) > text_similarity(a, content_words("Talks in Algiers"))


def test_edges_are_listed_once_lower_id_first():
    reports = [make_report("a"), make_report("b"), make_report("c")]
    edges = candidate_edges([Keyed.of(r) for r in reports])
    assert len(edges) == 3
    assert all(a < b for _, a, b in edges)


def test_multi_incident_paragraph_gives_separate_events_with_their_attributions():
    # One rights-group article names three incidents; a local outlet covered one of them.
    zaongo = make_place("Zaongo", 12.98, -1.17, admin1="Centre-Nord", country="Burkina Faso")
    kaya = make_place("Kaya", 13.09, -1.08, admin1="Centre-Nord", country="Burkina Faso")
    gorom = make_place("Gorom-Gorom", 14.44, -0.24, admin1="Sahel", country="Burkina Faso")
    hrw = [
        make_report("hrw", sub="Attack", event_type="Violence against civilians",
                    day="2023-11-05", place=zaongo, figures=[(70, "Human Rights Watch")]),
        make_report("hrw", day="2024-01-18", place=kaya, figures=[(12, "Human Rights Watch")],
                    start=100),
        make_report("hrw", sub="Attack", event_type="Violence against civilians",
                    day="2024-02-03", place=gorom, figures=[(9, "Human Rights Watch")],
                    start=200),
    ]  # fmt: skip
    local = make_report("local", sub="Attack", event_type="Violence against civilians",
                        day="2023-11-05", place=zaongo, figures=[(60, "residents")])  # fmt: skip
    events = link_reports([*hrw, local])
    assert len(events) == 3
    by_place = {e.location: e for e in events}
    assert by_place["Zaongo"].articles == ["hrw", "local"]
    assert {c.claimed_by for c in by_place["Zaongo"].claims} == {"Human Rights Watch", "residents"}
    assert [c.claimed_by for c in by_place["Kaya"].claims] == ["Human Rights Watch"]
    assert [c.fatalities for c in by_place["Gorom-Gorom"].claims] == [9]
