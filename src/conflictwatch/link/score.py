"""Soft evidence: how likely two compatible reports describe the same event.

A score in [0, 1] that depends on the two reports alone (no corpus statistics),
so linking new reports never changes the score of a pair already linked: that
is what makes incremental linking give the same result as linking at once.

Weights were set by hand on the team's sample corpus and the seeds (see
tests/link/test_link_scoring.py): place and date carry most of the weight, the
rest (shared actors, sub-event type, words of the evidence, agreeing tolls)
decides between two compatible candidates and keeps vague reports (a country,
a month) from linking on place and date alone.
"""

from __future__ import annotations

import math

from conflictwatch.link.compat import SAME_PLACE_KM, km
from conflictwatch.link.events import is_generic
from conflictwatch.link.keys import Keyed

THRESHOLD = 0.45  # below this, compatible reports are still kept apart

_WEIGHTS = {"place": 0.30, "date": 0.25, "actors": 0.15, "type": 0.10, "text": 0.15, "toll": 0.05}
_GENERIC_WEIGHT = 0.3  # "Civilians (Mali)" in common says less than "Wagner Group"


def text_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of the two sets of content words (binary weights)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def actor_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Weighted Jaccard overlap of canonical actor names."""
    union = a | b
    if not union:
        return 0.0

    def weight(names: frozenset[str]) -> float:
        return sum(_GENERIC_WEIGHT if is_generic(name) else 1.0 for name in names)

    return weight(a & b) / weight(union)


def place_similarity(a: Keyed, b: Keyed) -> float:
    pa, pb = a.report.place, b.report.place
    if pa is None or pb is None:
        return 0.2
    if a.place is not None and b.place is not None:
        if a.place == b.place:
            return 1.0
        return 0.7 if km(pa, pb) <= SAME_PLACE_KM else 0.0
    if pa.admin1 and pa.admin1 == pb.admin1:
        return 0.5
    return 0.35


def date_similarity(a: Keyed, b: Keyed) -> float:
    if a.day is not None and b.day is not None:
        gap = abs(a.day - b.day)
        precision = max(a.precision, b.precision)
        if precision == 1:
            return 1.0 if gap == 0 else 0.6
        if precision == 2:
            return 0.5 if gap <= 3 else 0.3
        return 0.25
    if a.day is None and b.day is None:
        gap = abs((a.published or 0) - (b.published or 0))
        return 0.4 if gap <= 2 else 0.15
    dated, undated = (a, b) if a.day is not None else (b, a)
    gap = (undated.published or 0) - (dated.day or 0)
    if gap <= 2:
        return 0.6
    return 0.35 if gap <= 7 else 0.15


def toll_similarity(a: Keyed, b: Keyed) -> float:
    """1 when some source of each gives about the same toll; 0 when unknown or far apart."""
    if not a.totals or not b.totals:
        return 0.0
    best = max(min(x, y) / max(x, y) for x in a.totals for y in b.totals)
    return 1.0 if best >= 0.8 else 0.5 if best >= 0.5 else 0.0


def similarity(a: Keyed, b: Keyed) -> float:
    """Weighted sum of the parts, in [0, 1]; call only on compatible pairs."""
    parts = {
        "place": place_similarity(a, b),
        "date": date_similarity(a, b),
        "actors": actor_similarity(a.actors, b.actors),
        "type": 1.0 if a.report.sub_event_type == b.report.sub_event_type else 0.0,
        "text": text_similarity(a.words, b.words),
        "toll": toll_similarity(a, b),
    }
    return sum(_WEIGHTS[name] * value for name, value in parts.items())
