"""Every setting of conflictwatch, declared once with its default and help.

Values come, later ones winning, from the defaults below, a TOML file named by
`CONFLICTWATCH_CONFIG` (or passed in), environment variables `CONFLICTWATCH_<NAME>`
and explicit overrides (CLI flags). An unknown key is an error, not a silent typo.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "conflictwatch.db", "SQLite database file used by ingest, events, export."),
    Setting(
        "pipeline",
        "sentences,triggers,countries,places,actors,dates,fatalities,reports,history",
        "Comma-separated names of the extraction components, in order.",
    ),
    Setting(
        "history_days",
        365,
        "The 'history' component leaves out reports of events dated more than this many "
        "days before the article's publication (background, not news), except those its "
        "first three sentences tell; 0 keeps them all.",
    ),
    Setting(
        "geonames_dir",
        "",
        "Folder of GeoNames country dumps (CC.txt); empty: the base layer only.",
    ),
    Setting("gazetteer_overrides", "", "CSV of extra places (name, alternate names, lat, ...)."),
    Setting("min_city_population", 500, "Smallest town of the base gazetteer layer."),
    Setting(
        "default_country",
        "",
        "ISO code of the country a single-country feed covers, used when an article "
        "names none (its default actors then carry the country); empty: none.",
    ),
    Setting(
        "home_countries",
        "ML,BF,NE",
        "ISO codes the geocoder prefers when an article names no country (comma-separated).",
    ),
    Setting(
        "typer_model",
        "",
        "Typer model used by the 'typer' component: a path from `conflictwatch train`, "
        "'shipped' for the bundled model, or empty for none.",
    ),
    Setting(
        "typer_min_probability",
        0.9,
        "The typer overrides the rules' sub-event type only at or above this probability.",
    ),
    Setting("link", True, "Merge reports of the same real-world event across articles."),
    Setting("link_max_days", 3, "Largest gap in days between reports linked as one event."),
    Setting("max_article_chars", 2_000_000, "Longer inputs are refused as too large."),
    Setting("progress", True, "Show a progress bar on standard error for long runs."),
    Setting("web_host", "127.0.0.1", "Address `conflictwatch serve` listens on (loopback only)."),
    Setting("web_port", 8765, "Port `conflictwatch serve` listens on."),
    Setting(
        "web_login_required",
        False,
        "Dashboard: reading needs a login too (viewer role or above); writing always does.",
    ),
    Setting("web_session_hours", 12, "Dashboard: a login lasts this many hours."),
    Setting("web_page_size", 50, "Dashboard and API: events per page (the API's default)."),
)

DEFAULTS: dict[str, Any] = {setting.name: setting.default for setting in SETTINGS}


class ConfigError(ValueError):
    """A setting that does not exist or a value of the wrong type."""


class Settings(dict[str, Any]):
    """The resolved settings; attribute access for convenience."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as error:
            raise AttributeError(name) from error


def _coerce(name: str, value: Any) -> Any:
    """Turn strings from the environment into the type of the default."""
    default = DEFAULTS[name]
    if not isinstance(value, str) or isinstance(default, str):
        return value
    if isinstance(default, bool):
        lowered = value.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"setting {name!r} expects true or false, got {value!r}")
    if isinstance(default, float):
        try:
            return float(value)
        except ValueError as error:
            raise ConfigError(f"setting {name!r} expects a number, got {value!r}") from error
    if isinstance(default, int):
        try:
            return int(value)
        except ValueError as error:
            raise ConfigError(f"setting {name!r} expects a whole number, got {value!r}") from error
    return value


def _check_known(values: dict[str, Any], origin: str) -> None:
    unknown = sorted(set(values) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"unknown setting(s) in {origin}: {', '.join(unknown)}")


def load_settings(
    overrides: dict[str, Any] | None = None,
    *,
    config_file: str | Path | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Merge defaults, config file, environment and overrides into one object."""
    environ = dict(os.environ) if environ is None else environ
    values: dict[str, Any] = dict(DEFAULTS)
    config_file = config_file or environ.get("CONFLICTWATCH_CONFIG")
    if config_file:
        with open(config_file, "rb") as handle:
            from_file = tomllib.load(handle)
        _check_known(from_file, str(config_file))
        values.update(from_file)
    for name in DEFAULTS:
        env_value = environ.get(f"CONFLICTWATCH_{name.upper()}")
        if env_value is not None:
            values[name] = _coerce(name, env_value)
    cleaned = {key: value for key, value in (overrides or {}).items() if value is not None}
    _check_known(cleaned, "overrides")
    values.update(cleaned)
    return Settings({name: _coerce(name, value) for name, value in values.items()})
