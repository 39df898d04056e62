"""The `conflictwatch` command: a thin shell over `conflictwatch.run`.

Data goes to standard output, progress and one-line errors to standard error.
A command exits non-zero when any input could not be read (after processing
the others) or when a library error stops it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from conflictwatch import __version__, run
from conflictwatch.config import SETTINGS, ConfigError, load_settings
from conflictwatch.export import WRITERS
from conflictwatch.extract import build_pipeline
from conflictwatch.store import Store


def _settings(ctx: click.Context, **overrides: Any) -> dict[str, Any]:
    base = ctx.obj or {}
    try:
        return load_settings(
            {**base.get("overrides", {}), **overrides}, config_file=base.get("config")
        )
    except (ConfigError, OSError) as error:
        raise click.ClickException(str(error)) from error


def _db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", type=click.Path(dir_okay=False), help="SQLite database file.")(func)


def _filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--country", help="Country name, e.g. Mali."),
        click.option("--admin1", help="First-level region, e.g. Mopti."),
        click.option("--type", "event_type", help="ACLED event type, e.g. Battles."),
        click.option("--since", help="Earliest event date, YYYY-MM-DD."),
        click.option("--until", help="Latest event date, YYYY-MM-DD."),
        click.option("--actor", help="Part of an actor name, any side."),
        click.option(
            "--min-fatalities", type=int, help="Only events with at least this many deaths."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _finish(errors: list[Any]) -> None:
    if errors:
        click.echo(f"{len(errors)} input(s) could not be read", err=True)
        sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflictwatch")
@click.option(
    "--config", type=click.Path(exists=True, dir_okay=False), help="TOML file of settings."
)
@click.option(
    "--geonames-dir",
    type=click.Path(file_okay=False),
    help="Folder of GeoNames dumps (ML.txt, ...).",
)
@click.option("--no-progress", is_flag=True, help="No progress bar on standard error.")
@click.pass_context
def main(
    ctx: click.Context, config: str | None, geonames_dir: str | None, no_progress: bool
) -> None:
    """Code news articles about armed conflict into ACLED-style events."""
    overrides: dict[str, Any] = {"geonames_dir": geonames_dir}
    if no_progress:
        overrides["progress"] = False
    ctx.obj = {"config": config, "overrides": {k: v for k, v in overrides.items() if v is not None}}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "geojson"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--no-link",
    is_flag=True,
    help="Each article's events on their own, not merged across articles.",
)
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], fmt: str, no_link: bool) -> None:
    """Code the articles in PATHS (files, folders, URLs) and write the events.

    Example: conflictwatch extract ../shared/seeds --format csv > events.csv
    """
    settings = _settings(ctx)
    result = run.code_paths(paths, settings, link=not no_link)
    WRITERS[fmt](result.events, sys.stdout)
    click.echo(f"{result.articles} articles, {len(result.events)} events", err=True)
    _finish(result.errors)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None) -> None:
    """Store the articles in PATHS and their events in the database.

    Re-ingesting an article already stored adds nothing.
    Example: conflictwatch ingest articles/ --db sahel.db
    """
    settings = _settings(ctx, db=db)
    with Store(settings["db"]) as store:
        result = run.ingest_paths(store, paths, settings)
    click.echo(
        f"{result.articles} new articles ({result.skipped} already stored), "
        f"{len(result.reports)} new reports, {len(result.events)} events in {settings['db']}",
        err=True,
    )
    _finish(result.errors)


@main.command()
@_db_option
@_filter_options
@click.option(
    "--format", "fmt", type=click.Choice(sorted(WRITERS)), default="table", show_default=True
)
@click.pass_context
def events(ctx: click.Context, db: str | None, fmt: str, **filters: Any) -> None:
    """List stored events, filtered.

    Example: conflictwatch events --country Mali --since 2024-01-01 --min-fatalities 10
    """
    settings = _settings(ctx, db=db)
    _require_db(settings["db"])
    with Store(settings["db"]) as store:
        found = run.query_events(store, **filters)
    WRITERS[fmt](found, sys.stdout)


@main.command()
@_db_option
@_filter_options
@click.option("--out", type=click.Path(file_okay=False), default="export", show_default=True)
@click.pass_context
def export(ctx: click.Context, db: str | None, out: str, **filters: Any) -> None:
    """Write the stored events as events.csv, events.jsonl and events.geojson in OUT.

    Example: conflictwatch export --db sahel.db --out exports/
    """
    settings = _settings(ctx, db=db)
    _require_db(settings["db"])
    with Store(settings["db"]) as store:
        found = run.query_events(store, **filters)
    for path in run.export_events(found, Path(out)):
        click.echo(f"wrote {path}", err=True)


@main.command()
@click.option("--out", type=click.Path(file_okay=False), default="demo", show_default=True)
@click.pass_context
def demo(ctx: click.Context, out: str) -> None:
    """Code the bundled sample articles: database, table and exports in OUT."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    settings = _settings(ctx, db=str(folder / "demo.db"))
    with Store(settings["db"]) as store:
        result = run.ingest_paths(store, run.sample_paths(), settings)
        found = store.events()
    WRITERS["table"](found, sys.stdout)
    for path in run.export_events(found, folder):
        click.echo(f"wrote {path}", err=True)
    click.echo(f"database: {settings['db']} ({result.articles} new articles)", err=True)
    _finish(result.errors)


@main.group(name="eval")
def eval_group() -> None:
    """Measure the coding against human-coded data (ACLED rows, CASE 2021 snippets)."""


@eval_group.command(name="acled")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, help="Only the first N rows (quick checks).")
@click.option(
    "--errors", type=click.Path(dir_okay=False), help="Write rows with wrong fields here."
)
@click.pass_context
def eval_acled(
    ctx: click.Context, paths: tuple[str, ...], limit: int | None, errors: str | None
) -> None:
    """Code ACLED's notes and compare with ACLED's own coding, per country.

    Example (GeoNames dumps loaded):
    conflictwatch --geonames-dir ../shared/data/geonames eval acled ../shared/data/acled/*.csv
    """
    from conflictwatch.evaluate import acled

    settings = _settings(ctx)
    rows = acled.read_rows(paths)[:limit]
    pipeline = build_pipeline(settings)
    registry = pipeline.context.resource("actors")
    report = acled.evaluate(rows, pipeline, canonical=registry.canonical_on)
    acled.print_report(report, sys.stdout)
    if errors:
        with open(errors, "w", encoding="utf-8") as handle:
            acled.write_errors(report, handle)


@eval_group.command(name="case")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def eval_case(ctx: click.Context, path: str) -> None:
    """Weighted F1 of sub-event typing on CASE 2021 task 2 snippets (a TSV).

    Example: conflictwatch eval case ../shared/data/case2021/dev.tsv
    """
    from conflictwatch.evaluate import case

    settings = _settings(ctx)
    report = case.evaluate(case.read_snippets(path), build_pipeline(settings))
    case.print_report(report, sys.stdout)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="Model file to write.")
@click.option("--text-column", default="text", show_default=True)
@click.option("--label-column", default="label", show_default=True)
@click.option("--folds", default=5, show_default=True, help="Cross-validation folds.")
def train(path: str, out: str, text_column: str, label_column: str, folds: int) -> None:
    """Train the sub-event typer on your own labelled text (JSONL, CSV or TSV).

    Labels are ACLED sub-event types (exact strings) or "none". Use the model with
    settings typer_model=OUT and a pipeline ending in ",typer".
    Example: conflictwatch train my_labels.csv --out my_typer.json
    """
    from conflictwatch.extract.typer import TyperError, train_from_file

    try:
        stats = train_from_file(
            path, text_column=text_column, label_column=label_column, out=out, folds=folds
        )
    except (TyperError, ValueError, KeyError) as error:
        raise click.ClickException(f"{path}: {error}") from error
    click.echo(
        f"{stats['examples']} examples, {len(stats['labels'])} labels; "
        f"cross-validated accuracy {stats['cv_accuracy']:.3f}, "
        f"weighted F1 {stats['cv_weighted_f1']:.3f}; model written to {stats['model']}",
        err=True,
    )


@main.command()
@click.pass_context
def settings(ctx: click.Context) -> None:
    """Show every setting with its current value and help."""
    current = _settings(ctx)
    for setting in SETTINGS:
        click.echo(f"{setting.name} = {current[setting.name]!r}\n    {setting.help}")


def _require_db(path: str) -> None:
    if path != ":memory:" and not Path(path).exists():
        raise click.ClickException(f"no database at {path}; run `conflictwatch ingest` first")
