"""The jobs the CLI runs, as plain functions: code articles, ingest them, export.

The CLI only parses options and prints; everything it does is here, so tests
and notebooks call the same code.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from conflictwatch.export import WRITERS
from conflictwatch.extract import Pipeline, build_pipeline
from conflictwatch.extract.classify import SUB_EVENT_TYPES
from conflictwatch.link import (
    MERGE,
    SPLIT,
    Constraints,
    LinkResult,
    link_reports,
    link_subset,
    unlinked_events,
)
from conflictwatch.link.compat import DATE_WINDOW_DAYS
from conflictwatch.link.keys import Keyed
from conflictwatch.model import Article, Event, ReadError, Report
from conflictwatch.read import read_paths
from conflictwatch.resources import data_path
from conflictwatch.store import ACTIVE, MERGED, REJECTED, SUPERSEDED, EventFilter, Store

# Below this many articles a progress bar is more noise than help.
_PROGRESS_MIN = 20


@dataclass
class RunResult:
    articles: int = 0
    skipped: int = 0  # already stored (same content)
    reports: list[Report] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def split_inputs(
    items: Iterable[Article | ReadError], errors: list[ReadError], err: TextIO
) -> Iterator[Article]:
    """Articles pass through; each bad input is reported on one line and kept."""
    for item in items:
        if isinstance(item, ReadError):
            errors.append(item)
            err.write(f"error: {item}\n")
        else:
            yield item


def _progress(articles: list[Article], settings: dict[str, Any], err: TextIO) -> Iterable[Article]:
    enabled = bool(settings.get("progress")) and len(articles) >= _PROGRESS_MIN
    return tqdm(articles, desc="articles", unit="art", file=err, disable=not enabled, leave=False)


def extract_reports(
    pipeline: Pipeline,
    articles: list[Article],
    settings: dict[str, Any],
    err: TextIO,
    errors: list[ReadError] | None = None,
) -> list[Report]:
    """Every article's reports; one article that breaks the extractor is reported on one
    line and skipped, so it never stops or corrupts the rest of the run."""
    reports: list[Report] = []
    for article in _progress(articles, settings, err):
        try:
            reports.extend(pipeline(article).reports)
        except Exception as error:  # noqa: BLE001 - any bug must not lose the other articles
            where = f"{article.source} (article {article.id})" if article.source else article.id
            problem = ReadError(where, f"extraction failed: {error!r}")
            err.write(f"error: {problem}\n")
            if errors is not None:
                errors.append(problem)
    return reports


def to_events(reports: list[Report], settings: dict[str, Any], *, link: bool) -> list[Event]:
    if link:
        return link_reports(reports, max_days=int(settings["link_max_days"]))
    return unlinked_events(reports)


def code_paths(
    paths: Iterable[str | Path],
    settings: dict[str, Any],
    *,
    link: bool = True,
    err: TextIO | None = None,
    pipeline: Pipeline | None = None,
) -> RunResult:
    """Read the inputs, extract and (optionally) link: `conflictwatch extract`."""
    err = err or sys.stderr
    result = RunResult()
    items = read_paths(paths, max_chars=int(settings["max_article_chars"]))
    articles = list(split_inputs(items, result.errors, err))
    result.articles = len(articles)
    pipeline = pipeline or build_pipeline(settings)
    result.reports = extract_reports(pipeline, articles, settings, err, result.errors)
    result.events = to_events(result.reports, settings, link=link)
    return result


class ReviewError(ValueError):
    """A merge or split that cannot be done as asked; the message says why."""


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    settings: dict[str, Any],
    *,
    err: TextIO | None = None,
    pipeline: Pipeline | None = None,
) -> RunResult:
    """Store new articles and their reports, then link the new reports.

    An article already stored (same content) adds nothing. New reports are
    linked incrementally (`link_new`). Events that linking no longer produces are
    marked merged or superseded, never deleted.
    """
    err = err or sys.stderr
    result = RunResult()
    items = read_paths(paths, max_chars=int(settings["max_article_chars"]))
    fresh: list[Article] = []
    for article in split_inputs(items, result.errors, err):
        if store.has_content(article.content_hash):
            result.skipped += 1
            continue
        fresh.append(article)
    pipeline = pipeline or build_pipeline(settings)
    with store.transaction():
        for article in fresh:
            store.add_article(article)
            stored_id = store.id_for_content(article.content_hash) or article.id
            article.id = stored_id  # a renamed duplicate id keeps its reports attached
        result.reports = extract_reports(pipeline, fresh, settings, err, result.errors)
        store.add_reports(result.reports)
        result.articles = len(fresh)
        link_new(store, result.reports, settings)
    result.events = store.events()
    return result


def relink(store: Store, settings: dict[str, Any]) -> dict[str, int]:
    """Link every stored report from scratch, honouring people's merges and splits."""
    reports = store.reports()
    if not settings["link"]:
        store.clear_link_index()  # the next linked run starts from scratch
        events = unlinked_events(reports)
        return _save_linked(store, LinkResult(events), None, "linker", "link run")
    return _relink_ids(store, {r.id for r in reports}, settings, "linker", "link run")


def link_new(store: Store, reports: list[Report], settings: dict[str, Any]) -> dict[str, int]:
    """Link newly stored reports without re-linking everything.

    Only the components the new reports touch (found through the linker's
    blocks, by SQL range look-ups) are clustered again, so the result is the
    one a full `relink` would give.
    """
    new_ids = {report.id for report in reports}
    unindexed = store.count("reports") - store.count("link_index")
    if not settings["link"] or unindexed > len(new_ids):
        return relink(store, settings)  # a store linked before link_index existed
    neighbours: set[str] = set()
    reach = max(max(DATE_WINDOW_DAYS.values()), int(settings["link_max_days"]))
    for report in reports:
        key = Keyed.of(report)
        neighbours |= store.link_neighbours(
            report.event_type, key.country, key.place, key.day, key.published, reach
        )
    affected = store.reports_in_components(store.components_of(neighbours | new_ids)) | new_ids
    return _relink_ids(store, affected, settings, "linker", "link run")


def _relink_ids(
    store: Store, report_ids: set[str], settings: dict[str, Any], by: str, reason: str
) -> dict[str, int]:
    constraints = Constraints.from_decisions(store.decisions())
    reports = store.reports_by_id(report_ids)
    result = link_subset(reports, constraints, max_days=int(settings["link_max_days"]))
    return _save_linked(store, result, report_ids, by, reason)


def _save_linked(
    store: Store, result: LinkResult, report_ids: set[str] | None, by: str, reason: str
) -> dict[str, int]:
    """Save the events of these reports; retire the ones no longer produced.

    `report_ids` None means every stored report was linked.
    """
    with store.transaction():
        if report_ids is None:
            before = {rid: e.event_id for e in store.events() for rid in e.reports}
        else:
            before = store.events_of_reports(report_ids)
        home = {rid: e.event_id for e in result.events for rid in e.reports}
        stale = set(before.values()) - set(home.values())
        # People's edits and rejections are overlays on what linking builds: put them
        # back on every run, so a re-link or a later ingest never loses them.
        statuses = _reapply_reviews(store, result.events, stale)
        counts = store.save_events(result.events, changed_by=by, reason=reason, statuses=statuses)
        if result.components:
            store.put_link_rows(_link_rows(result))
        pointers = _merged_into(stale, before, home)
        counts["superseded"] = store.retire_events(
            sorted(stale), changed_by=by, reason=f"{reason}: not produced", merged_into=pointers
        )
    return counts


def _merged_into(stale: set[str], before: dict[str, str], home: dict[str, str]) -> dict[str, str]:
    """Retired event -> the event now holding most of its reports (a merge)."""
    pointers: dict[str, str] = {}
    for event_id in stale:
        homes = Counter(home[r] for r, e in before.items() if e == event_id and r in home)
        if homes:
            pointers[event_id] = min(homes, key=lambda e: (-homes[e], e))
    return pointers


def _link_rows(result: LinkResult) -> list[dict[str, Any]]:
    return [
        {
            "report_id": keyed.id,
            "event_type": keyed.report.event_type,
            "country": keyed.country,
            "place": keyed.place,
            "day": keyed.day,
            "published": keyed.published,
            "component": result.components[keyed.id],
        }
        for keyed in result.keyed.values()
    ]


def merge_events(
    store: Store, keep: str, other: str, settings: dict[str, Any], *, reason: str, by: str
) -> dict[str, Any]:
    """A person's merge of two events: stored as a decision, honoured by every re-link.

    The merged event keeps the id of its earliest report, which is one of the two
    ids; the other event is marked merged, pointing to it.
    """
    first, second = _active_reports(store, keep), _active_reports(store, other)
    if keep == other:
        raise ReviewError("an event cannot be merged with itself")
    with store.transaction():
        store.record_decision(
            MERGE, keep, (first, second), made_by=by, reason=reason, other_event_id=other
        )
        counts = _relink_decided(store, set(first) | set(second), settings, by, reason)
    survivor = store.events_of_reports(first[:1])[first[0]]
    return {"event": survivor, "merged": other if survivor == keep else keep} | counts


def split_event(
    store: Store,
    event_id: str,
    settings: dict[str, Any],
    *,
    reports: list[str] | None = None,
    claims: list[int] | None = None,
    reason: str,
    by: str,
) -> dict[str, Any]:
    """A person's split: the named reports (or the reports holding the named claims)
    become their own event and are never linked back to the rest."""
    members = _active_reports(store, event_id)
    moved = set(reports or [])
    holders = store.claim_reports(claims or [])
    missing_claims = set(claims or []) - set(holders)
    if missing_claims:
        raise ReviewError(f"no stored claim with id {sorted(missing_claims)}")
    moved |= set(holders.values())
    if not moved or not moved <= set(members):
        outside = sorted(moved - set(members))
        raise ReviewError(f"{event_id} has no report(s) {outside}; it has {members}")
    rest = [rid for rid in members if rid not in moved]
    if not rest:
        raise ReviewError("a split must leave at least one report in the event")
    with store.transaction():
        store.record_decision(SPLIT, event_id, (sorted(moved), rest), made_by=by, reason=reason)
        counts = _relink_decided(store, set(members), settings, by, reason)
    homes = store.events_of_reports(members)
    return {"events": sorted(set(homes.values()))} | counts


def _active_reports(store: Store, event_id: str) -> list[str]:
    info = store.event_info(event_id)
    if info is None:
        raise ReviewError(f"no event {event_id}")
    if info["status"] != "active":
        into = f" (merged into {info['merged_into']})" if info.get("merged_into") else ""
        raise ReviewError(f"event {event_id} is {info['status']}{into}")
    return store.event_reports(event_id)


def _relink_decided(
    store: Store, report_ids: set[str], settings: dict[str, Any], by: str, reason: str
) -> dict[str, int]:
    """Re-cluster the components of these reports with the decisions as they are now."""
    affected = store.reports_in_components(store.components_of(report_ids)) | report_ids
    return _relink_ids(store, affected, settings, by, reason)


def sample_paths() -> list[Path]:
    """The bundled sample corpus (written by the team, shipped in the package)."""
    return [Path(str(data_path("samples/articles.jsonl")))]


def export_events(events: list[Event], folder: Path, stem: str = "events") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt, suffix in (("csv", "csv"), ("jsonl", "jsonl"), ("geojson", "geojson")):
        path = folder / f"{stem}.{suffix}"
        with path.open("w", encoding="utf-8", newline="") as handle:
            WRITERS[fmt](events, handle)
        written.append(path)
    return written


def query_events(store: Store, **filters: Any) -> list[Event]:
    return store.events(EventFilter(**{k: v for k, v in filters.items() if v is not None}))


# -- people's reviews from the dashboard: edit a field, confirm, reject -----------

# The fields a person may correct, with what a value must look like. event_type is
# not here: it follows sub_event_type, so the pair always agrees with ACLED's table.
EDITABLE_FIELDS: dict[str, str] = {
    "event_date": "YYYY-MM-DD, or empty for unknown",
    "time_precision": "1 (day), 2 (week) or 3 (month)",
    "sub_event_type": "one of ACLED's 25 sub-event types; sets event_type too",
    "actor1": "actor name, or empty",
    "actor2": "actor name, or empty",
    "civilian_targeting": "true or false",
    "country": "country name",
    "admin1": "first-level region, or empty",
    "admin2": "second-level region, or empty",
    "location": "place name, or empty",
    "latitude": "decimal degrees, -90 to 90, or empty",
    "longitude": "decimal degrees, -180 to 180, or empty",
    "geo_precision": "1, 2 or 3",
    "fatalities": "a whole number, 0 or more",
    "notes": "free text",
}
_NULLABLE = {"event_date", "actor1", "actor2", "admin1", "admin2", "location", "latitude"}
_NULLABLE |= {"longitude"}


def parse_field_value(field_name: str, raw: str) -> Any:
    """A person's typed value as the field's type; ReviewError says what is wrong."""
    if field_name not in EDITABLE_FIELDS:
        raise ReviewError(f"{field_name!r} cannot be edited")
    text = (raw or "").strip()
    if not text and field_name in _NULLABLE:
        return None
    try:
        return _parse_typed(field_name, text)
    except ValueError as error:
        raise ReviewError(f"{field_name}: {EDITABLE_FIELDS[field_name]} ({error})") from error


def _parse_typed(field_name: str, text: str) -> Any:
    if field_name == "event_date":
        return date.fromisoformat(text).isoformat()
    if field_name in ("time_precision", "geo_precision"):
        return _bounded(int(text), 1, 3)
    if field_name == "fatalities":
        return _bounded(int(text), 0, 1_000_000)
    if field_name == "latitude":
        return _bounded(float(text), -90.0, 90.0)
    if field_name == "longitude":
        return _bounded(float(text), -180.0, 180.0)
    if field_name == "civilian_targeting":
        if text.lower() not in ("true", "false"):
            raise ValueError(f"got {text!r}")
        return text.lower() == "true"
    if field_name == "sub_event_type" and text not in SUB_EVENT_TYPES:
        raise ValueError(f"got {text!r}")
    if field_name == "country" and not text:
        raise ValueError("empty")
    return text


def _bounded(value: Any, low: Any, high: Any) -> Any:
    if not low <= value <= high:
        raise ValueError(f"{value} is out of range")
    return value


def set_field(event: Event, field_name: str, value: Any) -> None:
    setattr(event, field_name, value)
    if field_name == "sub_event_type":
        event.event_type = SUB_EVENT_TYPES[value]


def apply_reviews(
    events: list[Event], decisions: list[dict[str, Any]], gone: Collection[str] = ()
) -> dict[str, str]:
    """Put people's edits on these events (in place); return the ones a person rejected.

    A decision applies to the event with its id. When that event is `gone` (merged
    away), it follows its reports: it applies to the event now holding most of them.
    Decisions apply oldest first, so the latest word on a field wins.
    """
    by_id = {event.event_id: event for event in events}
    home = {rid: event.event_id for event in events for rid in event.reports}
    statuses: dict[str, str] = {}
    for decision in decisions:
        target = _review_target(decision, by_id, home, gone)
        if target is None:
            continue
        if decision["kind"] == "edit":
            set_field(by_id[target], decision["field"], decision["value"])
        else:
            statuses[target] = REJECTED if decision["kind"] == "reject" else ACTIVE
    return {event_id: status for event_id, status in statuses.items() if status != ACTIVE}


def _review_target(
    decision: dict[str, Any], by_id: dict[str, Event], home: dict[str, str], gone: Collection[str]
) -> str | None:
    if decision["event_id"] in by_id:
        return decision["event_id"]
    if decision["event_id"] not in gone:
        return None
    homes = Counter(home[rid] for rid in decision["reports"] if rid in home)
    return min(homes, key=lambda e: (-homes[e], e)) if homes else None


def _reapply_reviews(store: Store, events: list[Event], stale: set[str]) -> dict[str, str]:
    decisions = store.review_decisions()
    if not decisions:
        return {}
    produced = {event.event_id for event in events}
    gone = set()
    for event_id in {d["event_id"] for d in decisions} - produced:
        info = store.event_info(event_id)
        if event_id in stale or (info is not None and info["status"] in (MERGED, SUPERSEDED)):
            gone.add(event_id)
    return apply_reviews(events, decisions, gone)


def _require_reason(reason: str) -> None:
    if not reason or not reason.strip():
        raise ReviewError("a reason is required")


def _event_with_status(store: Store, event_id: str, allowed: tuple[str, ...]) -> Event:
    info = store.event_info(event_id)
    if info is None:
        raise ReviewError(f"no event {event_id}")
    if info["status"] not in allowed:
        raise ReviewError(f"event {event_id} is {info['status']}")
    event = store.get_event(event_id)
    assert event is not None  # the row exists, so its record does
    return event


def edit_event(
    store: Store, event_id: str, field_name: str, raw_value: str, *, reason: str, by: str
) -> Event:
    """A person's correction of one field: stored as a decision that every later link
    run re-applies; the event gets a new version (the old one stays in its history)."""
    _require_reason(reason)
    value = parse_field_value(field_name, raw_value)
    event = _event_with_status(store, event_id, (ACTIVE,))
    previous = getattr(event, field_name)
    if previous == value:
        raise ReviewError(f"{field_name} is already {value!r}")
    with store.transaction():
        store.record_review(
            "edit", event_id, event.reports, made_by=by, reason=reason,
            field=field_name, value=value, previous=previous,
        )  # fmt: skip
        set_field(event, field_name, value)
        store.save_events([event], changed_by=by, reason=f"edit {field_name}: {reason}")
    return event


def confirm_event(store: Store, event_id: str, *, reason: str, by: str) -> int:
    """A person vouches for the event (or takes back a rejection); return its version."""
    _require_reason(reason)
    event = _event_with_status(store, event_id, (ACTIVE, REJECTED))
    with store.transaction():
        store.record_review("confirm", event_id, event.reports, made_by=by, reason=reason)
        why = f"confirmed: {reason}"
        return store.set_event_status(event_id, ACTIVE, changed_by=by, reason=why)


def reject_event(store: Store, event_id: str, *, reason: str, by: str) -> int:
    """A person says this is no event: it is kept, marked rejected, left out of lists,
    and stays rejected through later link runs. Return its version."""
    _require_reason(reason)
    event = _event_with_status(store, event_id, (ACTIVE,))
    with store.transaction():
        store.record_review("reject", event_id, event.reports, made_by=by, reason=reason)
        why = f"rejected: {reason}"
        return store.set_event_status(event_id, REJECTED, changed_by=by, reason=why)


def review_state(decisions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The latest confirm or reject among an event's decisions, if any."""
    verdicts = [d for d in decisions if d["kind"] in ("confirm", "reject")]
    return verdicts[-1] if verdicts else None
