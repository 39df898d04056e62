"""What the pages show, computed in Python so templates stay plain: highlighted
article text, the weekly chart's bars, and what changed between event versions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from conflictwatch.model import Event
from conflictwatch.web.filters import EVENT_TYPES

# One colour per ACLED event type (the map, its legend and the timeline agree).
TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Violence against civilians": "#8e44ad",
    "Explosions/Remote violence": "#d35400",
    "Riots": "#f1c40f",
    "Protests": "#2980b9",
    "Strategic developments": "#27ae60",
}
OTHER_COLOUR = "#7f8c8d"

# Record keys the event page shows in their own sections, not in the field table.
_SECTIONS = {"claims", "evidence", "reports", "articles", "contradictions", "notes"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def article_spans(event: Event, article_id: str, length: int) -> list[Span]:
    """The claim and evidence spans this event read from one article, in text order."""
    spans = [
        Span(c.start, c.end, f"claim: {c.fatalities} ({c.qualifier}) by {c.claimed_by or '?'}")
        for c in event.claims
        if c.article == article_id
    ]
    spans += [
        Span(e.start, e.end, f"evidence: {e.field}")
        for e in event.evidence
        if e.article == article_id
    ]
    valid = [s for s in spans if 0 <= s.start < s.end <= length]
    return sorted(valid, key=lambda s: (s.start, -s.end))


def highlight(text: str, spans: list[Span]) -> Markup:
    """The text, escaped, with each span in a <mark>; overlapping spans are joined
    so marks never nest (their labels are listed together)."""
    merged: list[list[Any]] = []
    for span in spans:
        if merged and span.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
            merged[-1][2].append(span.label)
        else:
            merged.append([span.start, span.end, [span.label]])
    parts: list[str] = []
    cursor = 0
    for start, end, labels in merged:
        parts.append(str(escape(text[cursor:start])))
        title = escape("; ".join(dict.fromkeys(labels)))
        kind = "claim" if any(label.startswith("claim") for label in labels) else "evidence"
        parts.append(f'<mark class="{kind}" title="{title}">{escape(text[start:end])}</mark>')
        cursor = end
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(parts))


def field_rows(record: dict[str, Any]) -> list[tuple[str, Any]]:
    """(field, value) for the event page's table: every scalar and short list field."""
    return [(key, value) for key, value in record.items() if key not in _SECTIONS]


def changes(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each version with the fields that differ from the version before it, so every
    earlier value stays visible."""
    shown: list[dict[str, Any]] = []
    previous: dict[str, Any] = {}
    for row in history:
        record = row["record"]
        diff = [
            (key, previous.get(key), record.get(key))
            for key in sorted(set(record) | set(previous))
            if previous and previous.get(key) != record.get(key) and key not in ("evidence",)
        ]
        shown.append(row | {"changes": diff})
        previous = record
    return shown


@dataclass
class Chart:
    """Stacked weekly bars, in SVG units, for the timeline page."""

    width: int
    height: int
    bars: list[dict[str, Any]]
    weeks: list[str]
    peak: int
    ticks: list[tuple[float, str]]


def weekly_chart(rows: list[dict[str, Any]], measure: str, height: int = 180) -> Chart:
    """Bars for `measure` ('events' or 'fatalities') per week, stacked by event type;
    weeks with nothing are drawn empty so time runs evenly."""
    by_week: dict[str, dict[str, int]] = {}
    for row in rows:
        by_week.setdefault(row["week"], {})[row["event_type"]] = int(row[measure] or 0)
    weeks = _all_weeks(sorted(by_week))
    peak = max((sum(v.values()) for v in by_week.values()), default=0) or 1
    step = 8
    bars: list[dict[str, Any]] = []
    for index, week in enumerate(weeks):
        base = float(height)
        for event_type in (*EVENT_TYPES, None):
            values = by_week.get(week, {})
            value = _value_of(values, event_type)
            if not value:
                continue
            tall = value / peak * (height - 10)
            base -= tall
            colour = TYPE_COLOURS.get(event_type or "", OTHER_COLOUR)
            label = f"week of {week}: {value} {measure}, {event_type or 'other'}"
            bars.append({"x": index * step, "y": base, "h": tall, "colour": colour, "title": label})
    return Chart(max(len(weeks) * step, step), height, bars, weeks, peak, _ticks(weeks, step))


def _value_of(values: dict[str, int], event_type: str | None) -> int:
    if event_type is not None:
        return values.get(event_type, 0)
    return sum(v for k, v in values.items() if k not in EVENT_TYPES)


def _all_weeks(present: list[str]) -> list[str]:
    if not present:
        return []
    first, last = date.fromisoformat(present[0]), date.fromisoformat(present[-1])
    if (last - first).days > 7 * 2000:  # a stray date decades off: show only real weeks
        return present
    count = (last - first).days // 7 + 1
    return [(first + timedelta(weeks=i)).isoformat() for i in range(count)]


def _ticks(weeks: list[str], step: int) -> list[tuple[float, str]]:
    """About eight labelled weeks along the axis."""
    if not weeks:
        return []
    every = max(1, len(weeks) // 8)
    return [(i * step, week) for i, week in enumerate(weeks) if i % every == 0]
