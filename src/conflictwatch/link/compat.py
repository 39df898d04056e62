"""Hard constraints: could two reports describe the same event at all?

These never bend to a high similarity score: two reports whose dates or places
are incompatible within their precision are never linked by the linker (only a
person's `merge` decision can put them together).
"""

from __future__ import annotations

import math

from conflictwatch.link.keys import Keyed
from conflictwatch.model import Place

# How far apart two dates may be, by the coarser of the two time precisions.
DATE_WINDOW_DAYS = {1: 1, 2: 7, 3: 31}
SAME_PLACE_KM = 25.0
# An undated report ("drones struck Kidal") can only be about an event shortly
# before its publication: from this many days before it to one day after.
UNDATED_REACH_DAYS = 30


def km(a: Place, b: Place) -> float:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def date_window(precision_a: int, precision_b: int, max_days: int) -> int:
    precision = max(precision_a, precision_b)
    return max(DATE_WINDOW_DAYS[precision], 1 if precision == 1 else max_days)


def undated_fits(event_day: int, published: int | None) -> bool:
    """Could an undated report published on `published` be about `event_day`?"""
    if published is None:
        return False  # nothing ties it to a time
    return -1 <= published - event_day <= UNDATED_REACH_DAYS


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3:
        coarse, fine = (a, b) if (a.geo_precision or 3) >= (b.geo_precision or 3) else (b, a)
        return coarse.admin1 is None or coarse.admin1 == fine.admin1
    return a.name == b.name or km(a, b) <= SAME_PLACE_KM


def keyed_compatible(a: Keyed, b: Keyed, max_days: int = 3) -> bool:
    """The rules, on precomputed keys (the linker's hot path)."""
    ra, rb = a.report, b.report
    if ra.article == rb.article or ra.event_type != rb.event_type:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.day is None or b.day is None:
        # Only the same town ties a report with no date to another report.
        if a.place is None or a.place != b.place:
            return False
        if a.day is None and b.day is None:
            if a.published is None or b.published is None:
                return False
            return abs(a.published - b.published) <= UNDATED_REACH_DAYS
        dated, undated = (a, b) if a.day is not None else (b, a)
        return undated_fits(dated.day, undated.published)  # type: ignore[arg-type]
    if abs(a.day - b.day) > date_window(a.precision, b.precision, max_days):
        return False
    return places_compatible(ra.place, rb.place)
