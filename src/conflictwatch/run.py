"""The jobs the CLI runs, as plain functions: code articles, ingest them, export.

The CLI only parses options and prints; everything it does is here, so tests
and notebooks call the same code.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from conflictwatch.export import WRITERS
from conflictwatch.extract import Pipeline, build_pipeline
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
from conflictwatch.store import EventFilter, Store

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
    pipeline: Pipeline, articles: list[Article], settings: dict[str, Any], err: TextIO
) -> list[Report]:
    reports: list[Report] = []
    for article in _progress(articles, settings, err):
        reports.extend(pipeline(article).reports)
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
    result.reports = extract_reports(pipeline, articles, settings, err)
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
        result.reports = extract_reports(pipeline, fresh, settings, err)
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
        counts = store.save_events(result.events, changed_by=by, reason=reason)
        if result.components:
            store.put_link_rows(_link_rows(result))
        home = {rid: e.event_id for e in result.events for rid in e.reports}
        stale = set(before.values()) - set(home.values())
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
