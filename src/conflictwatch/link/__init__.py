"""Linking: reports of the same real-world event, across articles, become one event.

Four small steps, each in its own module:

- keys.py: what is compared, computed once per report;
- blocks.py: which reports are compared (same type and country, dates within
  reach, undated reports only in the same town), near n log n;
- compat.py and score.py: hard rules that never bend (event type, dates and
  places within their precision, different articles) and a similarity score
  (place, date, actors, sub-event type, evidence words, tolls);
- cluster.py: strongest pairs first, every member checked against every
  member, people's merge and split decisions honoured.

`link_reports` links a whole set at once. `link_subset` is the same on the
components that new reports touch, which is how the store links incrementally.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from conflictwatch.link.blocks import BlockIndex
from conflictwatch.link.cluster import MERGE, SPLIT, Constraints, Edge, cluster, components
from conflictwatch.link.compat import keyed_compatible, places_compatible
from conflictwatch.link.events import build_event, event_id_for
from conflictwatch.link.keys import Keyed
from conflictwatch.link.score import THRESHOLD, similarity
from conflictwatch.model import Event, Report

__all__ = [
    "MERGE",
    "SPLIT",
    "Constraints",
    "LinkResult",
    "build_event",
    "candidate_edges",
    "compatible",
    "event_id_for",
    "link_reports",
    "link_subset",
    "places_compatible",
    "unlinked_events",
]


def compatible(a: Report, b: Report, max_days: int = 3) -> bool:
    """Could these two reports describe the same event?"""
    return keyed_compatible(Keyed.of(a), Keyed.of(b), max_days)


def candidate_edges(items: list[Keyed], max_days: int = 3) -> list[Edge]:
    """Compatible pairs scoring at least THRESHOLD, each once, lower id first."""
    index = BlockIndex(max_days)
    for item in items:
        index.add(item)
    edges: list[Edge] = []
    for item in items:
        for other in index.candidates(item):
            if other.id <= item.id or not keyed_compatible(item, other, max_days):
                continue
            score = similarity(item, other)
            if score >= THRESHOLD:
                edges.append((score, item.id, other.id))
    return edges


@dataclass
class LinkResult:
    events: list[Event] = field(default_factory=list)
    components: dict[str, str] = field(default_factory=dict)  # report id -> component
    keyed: dict[str, Keyed] = field(default_factory=dict)  # report id -> its link keys


def link_subset(
    reports: Iterable[Report], constraints: Constraints | None = None, *, max_days: int = 3
) -> LinkResult:
    """Link these reports among themselves; also say which component each is in."""
    constraints = constraints or Constraints()
    items = {}
    for report in reports:
        items.setdefault(report.id, Keyed.of(report))
    keyed = sorted(items.values(), key=lambda item: item.id)
    edges = candidate_edges(keyed, max_days)
    rule = partial(keyed_compatible, max_days=max_days)
    groups = cluster(items, edges, constraints, rule)
    events = [build_event([item.report for item in group]) for group in groups]
    events.sort(key=lambda e: (e.event_date or "9999", e.event_id))
    return LinkResult(events, components(items, edges, constraints), items)


def link_reports(
    reports: list[Report], *, max_days: int = 3, constraints: Constraints | None = None
) -> list[Event]:
    """Cluster reports into events; the result is the same in any input order."""
    return link_subset(reports, constraints, max_days=max_days).events


def unlinked_events(reports: list[Report]) -> list[Event]:
    """`--no-link`: every report is its own event."""
    return [build_event([report]) for report in reports]
