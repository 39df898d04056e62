"""Blocking: which reports are worth comparing with a report.

A report is compared only with reports of the same event type and country (or
of unknown country) whose dates are within reach of its own, or, for reports
with no date, only with reports in the same specific place. The blocks are a
superset of the compatible pairs (compat.py has the last word), so blocking
never changes the result, only the time: sorted day lists and binary search
keep the work near n log n.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator

from conflictwatch.link.compat import DATE_WINDOW_DAYS, UNDATED_REACH_DAYS, date_window
from conflictwatch.link.keys import Keyed

_PRECISIONS = tuple(DATE_WINDOW_DAYS)


class _DayList:
    """Reports sorted by a day number, for range look-ups."""

    def __init__(self) -> None:
        self.days: list[int] = []
        self.items: list[Keyed] = []
        self._sorted = True

    def add(self, day: int, item: Keyed) -> None:
        self.days.append(day)
        self.items.append(item)
        self._sorted = False

    def between(self, low: int, high: int) -> list[Keyed]:
        if not self._sorted:
            order = sorted(range(len(self.days)), key=lambda i: (self.days[i], self.items[i].id))
            self.days = [self.days[i] for i in order]
            self.items = [self.items[i] for i in order]
            self._sorted = True
        return self.items[bisect_left(self.days, low) : bisect_right(self.days, high)]


class BlockIndex:
    """In-memory blocks over a set of keyed reports."""

    def __init__(self, max_days: int = 3) -> None:
        self.max_days = max_days
        # (event_type, country) -> time precision -> reports by event day
        self._dated: dict[tuple[str, str | None], dict[int, _DayList]] = defaultdict(
            lambda: defaultdict(_DayList)
        )
        # (event_type, place) -> undated reports by publication day
        self._undated: dict[tuple[str, str], _DayList] = defaultdict(_DayList)
        # (event_type, place) -> dated reports in that place by event day
        self._dated_at: dict[tuple[str, str], _DayList] = defaultdict(_DayList)
        self._countries: dict[str, set[str | None]] = defaultdict(set)

    def add(self, item: Keyed) -> None:
        kind = item.report.event_type
        if item.day is not None:
            self._dated[(kind, item.country)][item.precision].add(item.day, item)
            self._countries[kind].add(item.country)
            if item.place is not None:
                self._dated_at[(kind, item.place)].add(item.day, item)
        elif item.place is not None and item.published is not None:
            self._undated[(kind, item.place)].add(item.published, item)

    def candidates(self, item: Keyed) -> Iterator[Keyed]:
        """Every indexed report that might be compatible with `item` (and maybe itself)."""
        kind = item.report.event_type
        if item.day is not None:
            yield from self._dated_candidates(kind, item)
            if item.place is not None:
                # Undated reports published from the day before to a month after.
                undated = self._undated.get((kind, item.place))
                if undated is not None:
                    yield from undated.between(item.day - 1, item.day + UNDATED_REACH_DAYS)
            return
        if item.place is None or item.published is None:
            return
        dated = self._dated_at.get((kind, item.place))
        if dated is not None:
            yield from dated.between(item.published - UNDATED_REACH_DAYS, item.published + 1)
        undated = self._undated.get((kind, item.place))
        if undated is not None:
            low, high = item.published - UNDATED_REACH_DAYS, item.published + UNDATED_REACH_DAYS
            yield from undated.between(low, high)

    def _dated_candidates(self, kind: str, item: Keyed) -> Iterator[Keyed]:
        countries = (
            (item.country, None) if item.country is not None else self._countries.get(kind, ())
        )
        for country in dict.fromkeys(countries):
            by_precision = self._dated.get((kind, country))
            if by_precision is None:
                continue
            for precision in _PRECISIONS:
                days = by_precision.get(precision)
                if days is None:
                    continue
                reach = date_window(item.precision, precision, self.max_days)
                yield from days.between(item.day - reach, item.day + reach)  # type: ignore[operator]
