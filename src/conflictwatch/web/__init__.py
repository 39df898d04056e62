"""The dashboard: a server-rendered web app over the store (`conflictwatch serve`)."""

from conflictwatch.web.app import create_app

__all__ = ["create_app"]
