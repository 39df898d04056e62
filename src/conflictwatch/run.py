"""The jobs the CLI runs, as plain functions: code articles, ingest them, export.

The CLI only parses options and prints; everything it does is here, so tests
and notebooks call the same code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from conflictwatch.export import WRITERS
from conflictwatch.extract import Pipeline, build_pipeline
from conflictwatch.link import link_reports, unlinked_events
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


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    settings: dict[str, Any],
    *,
    err: TextIO | None = None,
    pipeline: Pipeline | None = None,
) -> RunResult:
    """Store new articles and their reports, then re-link every stored report.

    An article already stored (same content) adds nothing. Events that a re-link
    no longer produces are marked superseded, never deleted.
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
        relink(store, settings)
    result.events = store.events()
    return result


def relink(store: Store, settings: dict[str, Any]) -> dict[str, int]:
    events = to_events(store.reports(), settings, link=bool(settings["link"]))
    counts = store.save_events(events, changed_by="linker", reason="link run")
    current = {event.event_id for event in events}
    stale = [event.event_id for event in store.events() if event.event_id not in current]
    counts["superseded"] = store.retire_events(
        stale, changed_by="linker", reason="not produced by re-link"
    )
    return counts


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
