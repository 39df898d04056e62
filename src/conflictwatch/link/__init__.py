"""Linking: reports of the same real-world event, across articles, become one event.

Two reports may be linked only when nothing about them is incompatible: same
event type, dates within their precision, places within their precision, and
different articles (an article's own reports were already kept apart on
purpose). Clustering is greedy and checks a new report against *every* member
of a cluster, so chains (A~B, B~C, A≁C) never merge incompatible reports.
Reports are blocked by event type and month, so the work stays near n log n.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

from conflictwatch.link.events import build_event, event_id_for
from conflictwatch.model import Event, Place, Report

__all__ = ["build_event", "event_id_for", "link_reports", "unlinked_events", "compatible"]

_DATE_WINDOW_DAYS = {1: 1, 2: 7, 3: 31}
_SAME_PLACE_KM = 25.0


def _km(a: Place, b: Place) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


# An undated report ("drones struck Kidal") can only be about an event shortly before it.
_UNDATED_REACH_DAYS = 30


def _undated_fits(dated: Report, undated: Report) -> bool:
    if not undated.published or not dated.event_date:
        return True
    gap = (date.fromisoformat(undated.published) - date.fromisoformat(dated.event_date)).days
    return -1 <= gap <= _UNDATED_REACH_DAYS


def dates_compatible(a: Report, b: Report, max_days: int) -> bool:
    if not a.event_date and not b.event_date:
        return True
    if not a.event_date or not b.event_date:
        dated, undated = (a, b) if a.event_date else (b, a)
        return _undated_fits(dated, undated)
    precision = max(a.time_precision or 3, b.time_precision or 3)
    window = max(_DATE_WINDOW_DAYS[precision], 1 if precision == 1 else max_days)
    gap = abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
    return gap <= window


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3:
        coarse, fine = (a, b) if (a.geo_precision or 3) >= (b.geo_precision or 3) else (b, a)
        return coarse.admin1 is None or coarse.admin1 == fine.admin1
    return a.name == b.name or _km(a, b) <= _SAME_PLACE_KM


def compatible(a: Report, b: Report, max_days: int = 3) -> bool:
    """Could these two reports describe the same event?"""
    if a.article == b.article or a.event_type != b.event_type:
        return False
    if not a.event_date and not b.event_date and not (a.place and b.place):
        return False  # nothing ties them together
    specific = (a.place and (a.place.geo_precision or 3) <= 2) and (
        b.place and (b.place.geo_precision or 3) <= 2
    )
    if (not a.event_date or not b.event_date) and not specific:
        return False  # one date unknown: only the same town can tie them
    return dates_compatible(a, b, max_days) and places_compatible(a.place, b.place)


def _block_key(report: Report) -> str:
    return report.event_type


def link_reports(reports: list[Report], *, max_days: int = 3) -> list[Event]:
    """Cluster reports into events; the result is the same in any input order."""
    blocks: dict[str, list[Report]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: (r.event_date or "9999", r.id)):
        blocks[_block_key(report)].append(report)
    clusters: list[list[Report]] = []
    for block in blocks.values():
        open_clusters: list[list[Report]] = []
        for report in block:
            home = _best_cluster(open_clusters, report, max_days)
            if home is None:
                open_clusters.append([report])
            else:
                home.append(report)
        clusters.extend(open_clusters)
    events = [build_event(cluster) for cluster in clusters]
    return sorted(events, key=lambda e: (e.event_date or "9999", e.event_id))


def _best_cluster(
    clusters: list[list[Report]], report: Report, max_days: int
) -> list[Report] | None:
    fitting = [c for c in clusters if all(compatible(member, report, max_days) for member in c)]
    if not fitting:
        return None
    # Prefer the cluster that shares the sub-event type and the place name.
    return max(fitting, key=lambda c: _affinity(c, report))


def _affinity(cluster: list[Report], report: Report) -> tuple[int, int, int, int]:
    same_sub = sum(m.sub_event_type == report.sub_event_type for m in cluster)
    same_place = sum(
        bool(m.place and report.place and m.place.name == report.place.name) for m in cluster
    )
    return same_place, same_sub, -_days_apart(cluster, report), -len(cluster)


def _days_apart(cluster: list[Report], report: Report) -> int:
    """How far the cluster's dates are from the report's date (or publication date)."""
    anchor = report.event_date or report.published
    dates = [m.event_date for m in cluster if m.event_date]
    if not anchor or not dates:
        return 0
    day = date.fromisoformat(anchor)
    return min(abs((date.fromisoformat(d) - day).days) for d in dates)


def unlinked_events(reports: list[Report]) -> list[Event]:
    """`--no-link`: every report is its own event."""
    return [build_event([report]) for report in reports]
