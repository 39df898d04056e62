"""The store stage: articles, reports and versioned events in SQLite."""

from conflictwatch.store.db import ACTIVE, MERGED, REJECTED, SUPERSEDED, EventFilter, Store
from conflictwatch.store.migrations import MIGRATIONS, Migrations, migration

__all__ = [
    "ACTIVE",
    "MERGED",
    "MIGRATIONS",
    "REJECTED",
    "SUPERSEDED",
    "EventFilter",
    "Migrations",
    "Store",
    "migration",
]
