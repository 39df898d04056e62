"""The `conflictwatch` command: a thin shell over `conflictwatch.run`.

Data goes to standard output, progress and one-line errors to standard error.
A command exits non-zero when any input could not be read (after processing
the others) or when a library error stops it.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from datetime import datetime
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
        click.option(
            "--search",
            "text",
            metavar="WORDS",
            help="Full-text search: events whose notes, actors, places or source articles "
            'hold every word (accents ignored; "quoted words" are a phrase).',
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


@main.group(invoke_without_command=True)
@_db_option
@_filter_options
@click.option(
    "--format", "fmt", type=click.Choice(sorted(WRITERS)), default="table", show_default=True
)
@click.pass_context
def events(ctx: click.Context, db: str | None, fmt: str, **filters: Any) -> None:
    """List stored events, filtered; or review them (merge, split, history, audit).

    Example: conflictwatch events --country Mali --since 2024-01-01 --min-fatalities 10
    """
    if ctx.invoked_subcommand is not None:
        return  # the subcommand does the work
    settings = _settings(ctx, db=db)
    _require_db(settings["db"])
    with Store(settings["db"]) as store:
        found = run.query_events(store, **filters)
    WRITERS[fmt](found, sys.stdout)


def _reviewer() -> str:
    return os.environ.get("CONFLICTWATCH_USER") or getpass.getuser()


def _review_store(ctx: click.Context, db: str | None) -> tuple[dict[str, Any], Store]:
    settings = _settings(ctx, db=db)
    _require_db(settings["db"])
    return settings, Store(settings["db"])


_reason_option = click.option(
    "--reason", required=True, help="Why (kept in the audit log; required)."
)
_by_option = click.option(
    "--by", help="Who decides (default: $CONFLICTWATCH_USER, else the login name)."
)


@events.command(name="merge")
@click.argument("keep")
@click.argument("other")
@_reason_option
@_by_option
@_db_option
@click.pass_context
def events_merge(
    ctx: click.Context, keep: str, other: str, reason: str, by: str | None, db: str | None
) -> None:
    """Merge event OTHER into event KEEP; every later re-link keeps them together.

    The merged event keeps the id of its earliest report (one of the two ids);
    the other event is marked merged and points to it. Nothing is deleted.
    Example: conflictwatch events merge ev-1a2b3c ev-4d5e6f --reason "same strike" --db sahel.db
    """
    settings, store = _review_store(ctx, db)
    with store:
        try:
            who = by or _reviewer()
            done = run.merge_events(store, keep, other, settings, reason=reason, by=who)
        except (run.ReviewError, ValueError) as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"{done['merged']} merged into {done['event']}")


@events.command(name="split")
@click.argument("event_id")
@click.option("--reports", "report_ids", help="Comma-separated report ids to move out.")
@click.option("--claims", "claim_ids", help="Comma-separated claim ids (see `events history`).")
@_reason_option
@_by_option
@_db_option
@click.pass_context
def events_split(
    ctx: click.Context,
    event_id: str,
    report_ids: str | None,
    claim_ids: str | None,
    reason: str,
    by: str | None,
    db: str | None,
) -> None:
    """Move some reports of EVENT_ID into an event of their own, for good.

    Name them by report id or by the id of a claim they hold (`events history`
    lists both). Later re-links never put them back together.
    Example: conflictwatch events split ev-1a2b3c --claims 12,13 --reason "two raids" --db sahel.db
    """
    if not report_ids and not claim_ids:
        raise click.UsageError("name what to split out with --reports or --claims")
    try:
        claims = [int(item) for item in _split_list(claim_ids)]
    except ValueError as error:
        raise click.BadParameter("claim ids are numbers", param_hint="--claims") from error
    settings, store = _review_store(ctx, db)
    with store:
        try:
            done = run.split_event(
                store,
                event_id,
                settings,
                reports=_split_list(report_ids),
                claims=claims,
                reason=reason,
                by=by or _reviewer(),
            )
        except (run.ReviewError, ValueError) as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"{event_id} split into {', '.join(done['events'])}")


def _split_list(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


@events.command(name="history")
@click.argument("event_id")
@_db_option
@click.pass_context
def events_history(ctx: click.Context, event_id: str, db: str | None) -> None:
    """Every version of EVENT_ID (who changed it, when, why), then its reports and claims.

    Example: conflictwatch events history ev-1a2b3c --db sahel.db
    """
    _, store = _review_store(ctx, db)
    with store:
        info = store.event_info(event_id)
        if info is None:
            raise click.ClickException(f"no event {event_id}")
        for row in store.event_history(event_id):
            record = row["record"]
            click.echo(
                f"v{row['version']}\t{row['changed_at']}\t{row['status']}\t"
                f"{row['changed_by']}\t{row['reason']}\t"
                f"{len(record.get('reports', []))} reports, fatalities {record.get('fatalities')}"
            )
        pointer = f" -> {info['merged_into']}" if info.get("merged_into") else ""
        click.echo(f"status: {info['status']}{pointer}")
        reports = store.event_reports(event_id)
        claims = store.claims_of_reports(reports)
        for report_id in reports:
            click.echo(f"report {report_id}")
            for claim in (c for c in claims if c["report_id"] == report_id):
                click.echo(
                    f"  claim {claim['id']}: {claim['fatalities']} ({claim['qualifier']}) "
                    f"by {claim['claimed_by'] or claim['article_id']}: {claim['quote']!r}"
                )


@events.command(name="audit")
@click.option("--event", "event_id", help="Only entries about this event.")
@_db_option
@click.pass_context
def events_audit(ctx: click.Context, event_id: str | None, db: str | None) -> None:
    """The audit log, oldest first: when, who, what, on which target, why.

    Example: conflictwatch events audit --db sahel.db
    """
    _, store = _review_store(ctx, db)
    with store:
        for row in store.audit_log(event_id):
            click.echo(
                f"{row['at']}\t{row['actor']}\t{row['action']}\t{row['target']}\t{row['reason']}"
            )


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
@click.option(
    "--feed-country",
    is_flag=True,
    help="Give each note its row's country as its source's country (a single-country "
    "feed). Off for the headline figures: the row's coded country is not input.",
)
@click.option(
    "--no-outlet",
    is_flag=True,
    help="Leave out the outlets of the row's source column: the note text alone.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only rows of events on or after this day (YYYY-MM-DD): ACLED's notes changed "
    "style over the years.",
)
@click.pass_context
def eval_acled(
    ctx: click.Context,
    paths: tuple[str, ...],
    limit: int | None,
    errors: str | None,
    feed_country: bool,
    no_outlet: bool,
    since: datetime | None,
) -> None:
    """Code ACLED's notes and compare with ACLED's own coding, per country.

    Example (GeoNames dumps loaded):
    conflictwatch --geonames-dir ../shared/data/geonames eval acled ../shared/data/acled/*.csv
    """
    from conflictwatch.evaluate import acled

    settings = _settings(ctx)
    rows = acled.read_rows(paths)
    if since is not None:
        rows = [row for row in rows if row.event_date >= since.date()]
    rows = rows[:limit]
    pipeline = build_pipeline(settings)
    registry = pipeline.context.resource("actors")
    report = acled.evaluate(
        rows,
        pipeline,
        canonical=registry.canonical_on,
        feed_country=feed_country,
        outlet=not no_outlet,
    )
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


@main.group()
def gazetteer() -> None:
    """Manage the GeoNames country dumps the geocoder reads (CC BY 4.0, credit GeoNames)."""


@gazetteer.command(name="download")
@click.argument("codes", nargs=-1, required=True)
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False),
    required=True,
    help="Folder to write CC.txt into; use it as --geonames-dir.",
)
@click.option("--url", default=None, help="Export server (default: GeoNames' public one).")
def gazetteer_download(codes: tuple[str, ...], folder: str, url: str | None) -> None:
    """Download GeoNames country dumps, e.g. ML BF NE.

    Example: conflictwatch gazetteer download ML BF NE --dir geonames/
    """
    from conflictwatch.geo.download import GEONAMES_EXPORT, DownloadError, download

    try:
        written = download(codes, folder, base_url=url or GEONAMES_EXPORT)
    except DownloadError as error:
        raise click.ClickException(str(error)) from error
    for path in written:
        click.echo(f"wrote {path}", err=True)


@main.command()
@_db_option
@click.option("--host", help="Address to listen on (default: the web_host setting, loopback).")
@click.option("--port", type=int, help="Port (default: the web_port setting).")
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str | None, port: int | None) -> None:
    """Start the dashboard: map, timeline, event pages, review, JSON API.

    Example: conflictwatch serve --db sahel.db   (then open http://127.0.0.1:8765/)
    """
    import uvicorn

    from conflictwatch.web import create_app

    settings = _settings(ctx, db=db, web_host=host, web_port=port)
    _require_db(settings["db"])
    store = Store(settings["db"])
    app = create_app(settings, store)
    url = f"http://{settings['web_host']}:{settings['web_port']}/"
    click.echo(f"serving {settings['db']} at {url} (Ctrl-C stops)", err=True)
    try:
        uvicorn.run(app, host=settings["web_host"], port=settings["web_port"], log_level="warning")
    finally:
        store.close()


@main.group(name="users")
def users_group() -> None:
    """Dashboard accounts: viewer (reads), editor (reviews), admin."""


@users_group.command(name="add")
@click.argument("name")
@click.option(
    "--role", type=click.Choice(["viewer", "editor", "admin"]), default="viewer", show_default=True
)
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input (scripts)."
)
@_db_option
@click.pass_context
def users_add(
    ctx: click.Context, name: str, role: str, password_stdin: bool, db: str | None
) -> None:
    """Create an account. The password is asked for (twice), read from standard input
    with --password-stdin, or taken from $CONFLICTWATCH_PASSWORD. There is no default
    account: make the first admin this way.

    Example: conflictwatch users add alice --role editor --db sahel.db
    """
    from conflictwatch.web.auth import AuthError, create_user

    settings = _settings(ctx, db=db)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = os.environ.get("CONFLICTWATCH_PASSWORD") or click.prompt(
            "Password", hide_input=True, confirmation_prompt=True
        )
    with Store(settings["db"]) as store:
        try:
            create_user(store, name, role, password)
        except AuthError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"user {name} ({role}) created in {settings['db']}", err=True)


@users_group.command(name="list")
@_db_option
@click.pass_context
def users_list(ctx: click.Context, db: str | None) -> None:
    """List the accounts: name, role, when created."""
    settings = _settings(ctx, db=db)
    _require_db(settings["db"])
    with Store(settings["db"]) as store:
        for user in store.users():
            click.echo(f"{user['name']}\t{user['role']}\t{user['created_at']}")


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
