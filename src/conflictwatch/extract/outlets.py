"""The outlet an article came from, as a hint of where its events happened.

A Burkinabe daily reports Burkina Faso's news and "Jeunesse Diffa" the Diffa
region's, so when the text itself names no country, the outlet's country is the
article's, and a local outlet's region breaks ties between same-named villages.
The outlets are data (data/outlets.tsv); a name that carries its country
("Mali Actu", "Actu (Niger)") needs no row. Only home countries count: a foreign
outlet ("Al Akhbar (Egypt)") reports the Sahel's news too, so it says nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from conflictwatch.geo.normalize import name_key
from conflictwatch.resources import DataFileError, read_tsv

# Where readers put the outlet's name: the record's own column, a web page's site
# name, a feed's title; "source" is the column ACLED-style exports use.
OUTLET_KEYS = ("outlet", "sitename", "site_name", "feed_title", "publisher", "source")


@dataclass(frozen=True)
class OutletHome:
    country: str  # ISO code
    admin1: str = ""  # the region a local outlet covers, as ACLED spells it


@cache
def _outlets() -> dict[str, OutletHome]:
    table: dict[str, OutletHome] = {}
    for number, row in enumerate(read_tsv("outlets.tsv"), start=2):
        name, country = (row.get("outlet") or "").strip(), (row.get("country") or "").strip()
        if not name or len(country) != 2:
            raise DataFileError(f"outlets.tsv row {number}: an outlet and its country are needed")
        home = OutletHome(country.upper(), (row.get("admin1") or "").strip())
        for spelling in [name, *(row.get("aliases") or "").split("|")]:
            if spelling.strip():
                table[name_key(spelling)] = home
    return table


def outlet_names(meta: Mapping[str, Any]) -> list[str]:
    """The outlet names an article's metadata gives ("Sidwaya; AFP": two)."""
    for key in OUTLET_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return [name.strip() for name in value.split(";") if name.strip()]
    return []


def outlet_home(
    names: Iterable[str],
    countries_in: Callable[[str], list[tuple[str, int, int]]],
    home_countries: Iterable[str],
) -> OutletHome | None:
    """The one home country (and region, if one) the outlets agree on, else None."""
    home = {code.upper() for code in home_countries}
    found = [_home_of(name, countries_in) for name in names]
    known = [item for item in found if item is not None and item.country in home]
    countries = {item.country for item in known}
    if len(countries) != 1:
        return None
    regions = {item.admin1 for item in known if item.admin1}
    return OutletHome(countries.pop(), regions.pop() if len(regions) == 1 else "")


def _home_of(
    name: str, countries_in: Callable[[str], list[tuple[str, int, int]]]
) -> OutletHome | None:
    listed = _outlets().get(name_key(name))
    if listed is not None:
        return listed
    named = {code for code, _, _ in countries_in(name) if code}
    return OutletHome(named.pop()) if len(named) == 1 else None
