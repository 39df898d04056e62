"""Helpers for the link tests: ingest hand-built reports in batches."""

from __future__ import annotations

from conflictwatch import run
from conflictwatch.config import load_settings
from conflictwatch.model import Article, Report
from conflictwatch.store import Store

SETTINGS = load_settings({"progress": False})


def ingest_reports(store: Store, reports: list[Report]) -> dict[str, int]:
    """What `run.ingest_paths` does after extraction: store, then link the new reports."""
    for article in sorted({r.article for r in reports}):
        store.add_article(Article(id=article, text=f"text of {article}"))
    store.add_reports(reports)
    return run.link_new(store, reports, SETTINGS)


def event_sets(store: Store) -> set[frozenset[str]]:
    """The active events as sets of report ids: what linking decided, ids aside."""
    return {frozenset(event.reports) for event in store.events()}
