"""`conflictwatch eval acled`: code ACLED's own notes and compare with its coding.

Each row's `notes` becomes an article published the day after `event_date`, and
is coded on its own (no linking). Several ACLED rows often share one note (one
event per village of a list, or per day of "on 11-12 March"), so a note is coded
once and each of its rows is matched to the closest predicted event: by place and
type, with the same day only breaking ties. Accuracy is over all rows: a row with
no predicted event counts as wrong on every field.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from conflictwatch.evaluate.metrics import fold, km
from conflictwatch.extract import Pipeline
from conflictwatch.model import Article, Event
from conflictwatch.run import unlinked_events

FIELDS = (
    "found", "event_type", "sub_event_type", "fatalities",
    "admin1", "admin2", "within_10km", "date", "actor1",
)  # fmt: skip
# Stricter than the actor1 (any side of the event may carry the gold actor1):
# the gold actor1 as the event's actor1, and both gold sides as its actor1 and actor2
# in either order. Printed below the table, so a wrong side does not hide.
STRICT_FIELDS = ("actor1_as_actor1", "both_sides")


@dataclass
class Row:
    """One ACLED row: the gold coding of one event."""

    id: str
    country: str
    note: str
    event_date: date
    time_precision: int
    event_type: str
    sub_event_type: str
    fatalities: int
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    actor1: str
    source: str = ""  # the outlets that reported it ("Sidwaya; AFP"): the article's metadata
    actor2: str = ""


def read_rows(paths: Iterable[str | Path]) -> list[Row]:
    rows = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle):
                if (record.get("notes") or "").strip():
                    rows.append(_row(record))
    return rows


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _row(record: dict[str, str]) -> Row:
    return Row(
        id=record.get("event_id_cnty") or record.get("data_id") or "",
        country=record.get("country", ""),
        note=record["notes"].strip(),
        event_date=date.fromisoformat(record["event_date"]),
        time_precision=int(record.get("time_precision") or 3),
        event_type=record.get("event_type", ""),
        sub_event_type=record.get("sub_event_type", ""),
        fatalities=int(record.get("fatalities") or 0),
        admin1=record.get("admin1", ""),
        admin2=record.get("admin2", ""),
        location=record.get("location", ""),
        latitude=_number(record.get("latitude")),
        longitude=_number(record.get("longitude")),
        geo_precision=int(record.get("geo_precision") or 3),
        actor1=record.get("actor1", ""),
        source=record.get("source", ""),
        actor2=record.get("actor2", ""),
    )


def _score_match(row: Row, event: Event) -> float:
    """How well a predicted event fits a row: place first, then type, then the day."""
    score = 0.0
    if event.location and fold(event.location) == fold(row.location):
        score += 3
    elif _distance(row, event) is not None and _distance(row, event) <= 10:
        score += 2
    score += 1.5 * (event.sub_event_type == row.sub_event_type)
    score += 1.0 * (event.event_type == row.event_type)
    score += 0.5 * (event.fatalities == row.fatalities)
    # Only a tie-breaker, below every other term: of the per-day events of one note
    # ("on 11-12 March"), each row gets its own day's.
    score += 0.25 * (event.event_date == row.event_date.isoformat())
    return score


def _distance(row: Row, event: Event) -> float | None:
    if None in (row.latitude, row.longitude, event.latitude, event.longitude):
        return None
    return km(row.latitude, row.longitude, event.latitude, event.longitude)  # type: ignore[arg-type]


@dataclass
class Outcome:
    """What was compared for one row (the basis of every figure)."""

    row: Row
    event: Event | None
    checks: dict[str, bool | None] = field(default_factory=dict)


def _actor_names(event: Event) -> set[str]:
    names = {event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2}
    return {fold(name) for name in names if name}


def _actor_match(row: Row, event: Event, canonical: Any) -> bool:
    return _names_actor(row.actor1, row.event_date, _actor_names(event), canonical)


def _names_actor(gold: str, day: date, names: set[str], canonical: Any) -> bool:
    """The gold actor is among `names`, as ACLED wrote it or as the canon names it."""
    if fold(gold) in names:
        return True
    resolved = canonical(gold, day) if canonical else None
    return bool(resolved) and fold(resolved) in names


def _same_actor(gold: str, predicted: str | None, day: date, canonical: Any) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    return _names_actor(gold, day, {fold(predicted)}, canonical)


def _strict_checks(row: Row, event: Event, canonical: Any) -> dict[str, bool | None]:
    day = row.event_date
    first = _same_actor(row.actor1, event.actor1, day, canonical)
    in_order = first and _same_actor(row.actor2, event.actor2, day, canonical)
    swapped = _same_actor(row.actor1, event.actor2, day, canonical) and _same_actor(
        row.actor2, event.actor1, day, canonical
    )
    return {"actor1_as_actor1": first, "both_sides": in_order or swapped}


def compare(row: Row, event: Event | None, canonical: Any = None) -> Outcome:
    checks: dict[str, bool | None] = dict.fromkeys(FIELDS + STRICT_FIELDS)
    checks["found"] = event is not None
    if event is None:
        for name in FIELDS[1:] + STRICT_FIELDS:
            checks[name] = False
        if row.geo_precision != 1:
            checks["within_10km"] = None
        if row.time_precision != 1:
            checks["date"] = None
        return Outcome(row, None, checks)
    checks["event_type"] = event.event_type == row.event_type
    checks["sub_event_type"] = event.sub_event_type == row.sub_event_type
    checks["fatalities"] = event.fatalities == row.fatalities
    checks["admin1"] = fold(event.admin1) == fold(row.admin1)
    checks["admin2"] = fold(event.admin2) == fold(row.admin2)
    if row.geo_precision == 1:
        distance = _distance(row, event)
        checks["within_10km"] = distance is not None and distance <= 10
    if row.time_precision == 1:
        checks["date"] = event.event_date == row.event_date.isoformat()
    checks["actor1"] = _actor_match(row, event, canonical)
    checks.update(_strict_checks(row, event, canonical))
    return Outcome(row, event, checks)


@dataclass
class Report:
    outcomes: list[Outcome]
    spurious: int
    notes: int
    seconds: float

    def figures(self, country: str | None = None) -> dict[str, float]:
        chosen = [o for o in self.outcomes if country is None or o.row.country == country]
        figures: dict[str, float] = {"rows": len(chosen)}
        for name in FIELDS + STRICT_FIELDS:
            values = [o.checks[name] for o in chosen if o.checks.get(name) is not None]
            figures[name] = sum(bool(v) for v in values) / len(values) if values else 0.0
        return figures

    def confusion(self, worst: int = 5) -> list[tuple[str, float, list[tuple[str, int]]]]:
        """The sub-event types coded worst, with what they were coded as instead."""
        by_gold: dict[str, list[str]] = defaultdict(list)
        for outcome in self.outcomes:
            predicted = outcome.event.sub_event_type if outcome.event else "(no event)"
            by_gold[outcome.row.sub_event_type].append(predicted)
        rows = []
        for gold, predicted in by_gold.items():
            if len(predicted) < 5:
                continue
            right = sum(p == gold for p in predicted) / len(predicted)
            wrong = Counter(p for p in predicted if p != gold).most_common(3)
            rows.append((gold, right, wrong))
        return sorted(rows, key=lambda item: item[1])[:worst]


def evaluate(
    rows: list[Row],
    pipeline: Pipeline,
    canonical: Any = None,
    *,
    feed_country: bool = False,
    outlet: bool = True,
) -> Report:
    """Code every distinct note once and compare each row with its best event.

    Each note carries the outlets of its row's `source` column as the article's
    outlet, as a feed or a web page would (`outlet=False` leaves the bare text).
    With `feed_country`, it also carries its row's country as the article's
    source country, as a single-country feed would; the note text alone often
    names none.
    """
    by_note: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_note[row.note].append(row)
    outcomes: list[Outcome] = []
    spurious = 0
    started = time.perf_counter()
    for note, note_rows in by_note.items():
        first = note_rows[0]
        meta = {"country": first.country} if feed_country else {}
        if outlet and first.source:
            meta["outlet"] = first.source
        article = Article(first.id, note, first.event_date + timedelta(days=1), meta=meta)
        events = unlinked_events(pipeline(article).reports)
        used: set[str] = set()
        for row in note_rows:
            best = max(events, key=lambda e: _score_match(row, e), default=None)
            if best is not None:
                used.add(best.event_id)
            outcomes.append(compare(row, best, canonical))
        spurious += max(0, len(events) - max(len(used), len(note_rows)))
    elapsed = time.perf_counter() - started
    return Report(outcomes, spurious, len(by_note), elapsed)


def print_report(report: Report, out: TextIO) -> None:
    countries = sorted({o.row.country for o in report.outcomes})
    columns = ["rows", *FIELDS]
    out.write("country".ljust(14) + "".join(name.rjust(15) for name in columns) + "\n")
    for country in [*countries, None]:
        figures = report.figures(country)
        cells = [f"{int(figures['rows'])}".rjust(15)]
        cells += [f"{figures[name]:.3f}".rjust(15) for name in FIELDS]
        out.write((country or "overall").ljust(14) + "".join(cells) + "\n")
    overall = report.figures()
    out.write(
        f"\nstricter actors: actor1 as actor1 {overall['actor1_as_actor1']:.3f}, "
        f"both sides (actor1 and actor2, either order) {overall['both_sides']:.3f}\n"
    )
    out.write(f"spurious events per note: {report.spurious / max(report.notes, 1):.3f}\n")
    out.write(f"notes per second: {report.notes / max(report.seconds, 1e-9):.1f}\n")
    out.write("\nworst sub-event types (gold: share right; coded instead):\n")
    for gold, right, wrong in report.confusion():
        instead = ", ".join(f"{name} {count}" for name, count in wrong)
        out.write(f"  {gold}: {right:.2f}; {instead}\n")


def write_errors(report: Report, out: TextIO) -> None:
    """One JSON line per row with any wrong field: for reading, never for fitting."""
    for outcome in report.outcomes:
        wrong = [name for name, ok in outcome.checks.items() if ok is False]
        if not wrong:
            continue
        event = outcome.event
        record = {
            "id": outcome.row.id,
            "wrong": wrong,
            "note": outcome.row.note,
            "gold": {
                "sub_event_type": outcome.row.sub_event_type,
                "date": outcome.row.event_date.isoformat(),
                "fatalities": outcome.row.fatalities,
                "admin1": outcome.row.admin1,
                "admin2": outcome.row.admin2,
                "location": outcome.row.location,
                "actor1": outcome.row.actor1,
            },
            "predicted": None
            if event is None
            else {
                "sub_event_type": event.sub_event_type,
                "date": event.event_date,
                "fatalities": event.fatalities,
                "admin1": event.admin1,
                "admin2": event.admin2,
                "location": event.location,
                "actors": sorted(
                    n for n in [event.actor1, event.actor2, *event.assoc_actor_1] if n
                ),
            },
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
