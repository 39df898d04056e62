"""Extraction: from an article's text to its reports of events (ACLED vocabulary)."""

from __future__ import annotations

from typing import Any

from conflictwatch.extract.pipeline import Pipeline, PipelineContext, PipelineError, component

__all__ = ["Pipeline", "PipelineContext", "PipelineError", "build_pipeline", "component"]


def _geocoder_factory(settings: dict[str, Any]):
    def build() -> Any:
        from conflictwatch.geo import Geocoder

        return Geocoder.from_settings(settings)

    return build


def _actors_factory() -> Any:
    from conflictwatch.extract.actors import Actors

    return Actors.load()


def _typer_factory(settings: dict[str, Any]):
    def build() -> Any:
        from conflictwatch.extract.typer import Typer

        source = str(settings.get("typer_model") or "")
        if not source:
            return None
        return Typer.default() if source == "shipped" else Typer.load(source)

    return build


def build_pipeline(settings: dict[str, Any]) -> Pipeline:
    """The pipeline the settings name, with its resources built lazily, once."""
    context = PipelineContext(
        settings=settings,
        factories={
            "geocoder": _geocoder_factory(settings),
            "actors": _actors_factory,
            "typer": _typer_factory(settings),
        },
    )
    names = [name.strip() for name in str(settings["pipeline"]).split(",") if name.strip()]
    return Pipeline(names, context)
