"""The actor registry: surface forms in news text -> ACLED canonical actor names.

The canon lives in `data/actors.jsonl` (read through `conflictwatch.resources`).
Besides plain actor lines it holds `"record": "country"` lines: the ACLED name of
each covered country, its adjectives (English and French, by gender and number)
and its regime periods. Actor lines whose `country` is `"*"` (every covered
country) or a list of ISO2 codes are templates, expanded here:

- `{country}` / `{of}` in a name become the ACLED country name ("Ivory Coast" /
  "the Ivory Coast"); `{period}` expands the line once per regime period of the
  country ("Military Forces of Mali (2021-)"), each with that period's dates.
- `{adj}`, `{fr_ms}`, `{fr_fs}`, `{fr_mp}`, `{fr_fp}`, `{name}` in aliases become
  the country's adjectives ("Malian army", "armée malienne", "soldats maliens").
- A `"*"` template also yields one country-less entry (country None) whose name
  drops the country and period ("Unidentified Armed Group", "Military Forces") and
  which keeps only the aliases without placeholders. A generic word like "gunmen"
  found with no country resolves to it.

`"record": "cues"` lines name things that belong to one country without being
actors of it: its leaders, parties, unions, media and institutions ("Compaoré",
"ADEMA", "ORTN"). They tell which country a text is about when it names no
place or country ("protesters demanded the resignation of President Tandja").

Resolution of one surface form that several entries share ("soldiers", "Russian
mercenaries") ranks the candidates: valid on the given date first (date unknown:
still valid today, i.e. the latest period), then the given country over
country-less entries over other countries' entries, then the narrowest validity.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from conflictwatch.resources import DataFileError, read_text

KINDS = frozenset(
    {
        "state",
        "rebel",
        "political_militia",
        "identity_militia",
        "rioters",
        "protesters",
        "civilians",
        "external",
    }
)
ACTOR_KEYS = frozenset(
    {
        "name",
        "inter",
        "kind",
        "country",
        "aliases",
        "valid_from",
        "valid_to",
        "parent",
        "generic",
        "role",
        "except",
        "abroad",
    }
)
COUNTRY_KEYS = frozenset({"record", "code", "name", "of", "adj", "fr", "periods"})
CUE_KEYS = frozenset({"record", "country", "names"})
FR_FORMS = ("ms", "fs", "mp", "fp")
ALIAS_SLOTS = ("adj", "name", *(f"fr_{form}" for form in FR_FORMS))

# Descriptive nouns that may follow a named actor ("JNIM militants", "Wagner
# mercenaries"): taken into the match so they are not matched again as a generic.
TAIL_WORDS = (
    "militants",
    "militant",
    "fighters",
    "fighter",
    "jihadists",
    "jihadist",
    "combatants",
    "insurgents",
    "elements",
    "members",
    "mercenaries",
    "militiamen",
    "militia",
    "troops",
    "soldiers",
    "forces",
    "operatives",
    "gunmen",
    "men",
    "rebels",
)
# A generic match followed by one of these and a named actor is that actor's
# description ("militants of JNIM", "les combattants de l'EIGS"): it is dropped.
CONNECTOR = re.compile(
    r"\s*(?:,\s*)?(?:of|from|belonging to|linked to|affiliated (?:with|to)|loyal to|"
    r"du|des|de|d['’]|de la|de l['’]|affiliés? (?:à|au)|liés? (?:à|au))\s*(?:the\s+)?$",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"[\s\-‐‑–—]+")
SLASHES = re.compile(r"\s*/\s*")
APOSTROPHES = re.compile(r"['’ʼ`´]")
MAX_ACRONYM_LETTERS = 5


@dataclass(frozen=True)
class ActorEntry:
    """One canonical actor, valid from `valid_from` (inclusive) to `valid_to` (exclusive)."""

    name: str
    inter: int
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    parent: str | None = None
    generic: bool = False
    role: str | None = None  # state branch ("military", "police"...), "civilians"...
    # Stands for its aliases only in articles about a country the canon does not
    # cover: "Islamic State" in Iraq is no Sahel branch.
    abroad: bool = False
    # A faction ACLED codes under its parent on this date ("Katiba Macina" acts as
    # JNIM, with the katiba as associated actor); set by `ActorRegistry.find`.
    coded_as: ActorEntry | None = field(default=None, compare=False)
    # Villagers named after their village ("villagers from Boundo") fight as its
    # communal militia ("Boundo Communal Militia (Mali)"); set by `Actors.find`.
    armed: ActorEntry | None = field(default=None, compare=False)
    # A country-less entry's line for every country ("Military Forces of {of}
    # ({period})"): how ACLED names it for a country the canon does not cover.
    template: str | None = field(default=None, compare=False)

    def valid_on(self, day: date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day >= self.valid_to)


@dataclass(frozen=True)
class ActorMatch:
    """An actor mention: `text[start:end]` resolved to `entry`."""

    start: int
    end: int
    text: str
    entry: ActorEntry


@dataclass(frozen=True)
class Country:
    """A covered country: ACLED names, adjectives and regime periods."""

    code: str
    name: str
    of: str
    slots: dict[str, tuple[str, ...]]
    periods: tuple[tuple[str, date | None, date | None, tuple[str, ...]], ...]


@dataclass
class _Line:
    number: int
    record: dict[str, Any]


V = TypeVar("V")


@dataclass
class _Index(Generic[V]):
    """Folded alias -> entries (or country codes), for case-insensitive and
    case-sensitive aliases."""

    folded: dict[str, list[V]] = field(default_factory=dict)
    exact: dict[str, list[V]] = field(default_factory=dict)

    def add(self, alias: str, entry: V) -> None:
        table, key = (self.exact, fold(alias, keep_case=True))
        if not is_acronym(alias):
            table, key = (self.folded, key.lower())
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def get(self, text: str) -> list[V]:
        return self.exact.get(fold(text, keep_case=True)) or self.folded.get(fold(text), [])


# --- text folding -------------------------------------------------------------


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text  # most aliases and texts: nothing to strip
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str, *, keep_case: bool = False) -> str:
    """Comparison key: no accents, one space for any space/hyphen run, one apostrophe."""
    text = APOSTROPHES.sub("'", _strip_accents(text))
    text = SLASHES.sub("/", SEPARATORS.sub(" ", text)).strip()
    return text if keep_case else text.lower()


@lru_cache(maxsize=1 << 16)  # each alias is asked about several times while loading
def is_acronym(alias: str) -> bool:
    """Short all-caps tokens ("MAA", "CSP", "FAMa") must match case-sensitively."""
    if any(char.isspace() for char in alias):
        return False
    letters = [char for char in alias if char.isalpha()]
    upper = sum(char.isupper() for char in letters)
    return len(letters) <= MAX_ACRONYM_LETTERS and upper >= 2


@cache
def _translation() -> dict[int, str]:
    """One-to-one char map (so offsets survive): accents off, apostrophes and dashes unified."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        base = _strip_accents(chr(code))
        if len(base) == 1 and base != chr(code):
            table[code] = base
    table.update({ord(char): "'" for char in "’ʼ`´"})
    table.update({ord(char): "-" for char in "‐‑–—"})
    return table


def fold_chars(text: str) -> str:
    """`text` with the same length, comparable with the regex built from folded aliases."""
    return text.translate(_translation())


# --- the one regex: a trie of every alias -------------------------------------

_SEP = ("sep", " ")
_APOS = ("apos", "'")
_SLASH = ("slash", "/")


def _edges(alias: str) -> list[tuple[str, str]]:
    sensitive = is_acronym(alias)
    keyed = fold(alias, keep_case=sensitive)
    out: list[tuple[str, str]] = []
    for char in keyed:
        if char == " ":
            out.append(_SEP)
        elif char == "'":
            out.append(_APOS)
        elif char == "/":
            out.append(_SLASH)
        else:
            out.append(("=" if sensitive else "~", char))
    return out


def _render_edge(edge: tuple[str, str]) -> str:
    kind, char = edge
    if kind == "sep":
        return r"[\s\-]+"
    if kind == "slash":
        return r"\s*/\s*"
    if kind == "=" and char.isalpha():
        return f"(?-i:{char})"  # acronyms stay case-sensitive in an IGNORECASE pattern
    return re.escape(char)


def _render(node: dict[Any, Any]) -> str:
    """Regex for a trie node; optional children are greedy so the longest alias wins."""
    # Case-insensitive edges first: a sibling acronym is then tried on backtracking.
    children = sorted((edge for edge in node if edge != "$"), key=lambda e: (e[0] != "~", e))
    alternatives = [_render_edge(edge) + _render(node[edge]) for edge in children]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if "$" in node:
        return "(?:" + body + ")?"
    return body


def build_pattern(aliases: Iterable[str]) -> re.Pattern[str]:
    """One regex for every alias; a possessive whose apostrophe was lost ("Boko Harams
    attack") still matches its alias."""
    trie: dict[Any, Any] = {}
    for alias in aliases:
        node = trie
        for edge in _edges(alias):
            node = node.setdefault(edge, {})
        node["$"] = True
    tail = "|".join(TAIL_WORDS)
    return re.compile(
        rf"(?<!\w)(?P<alias>{_render(trie)})(?:(?<=[a-z])s)?(?!\w)(?P<tail>[\s\-]+(?:{tail})(?!\w))?",
        re.IGNORECASE,
    )


# --- parsing and validation ---------------------------------------------------


def _fail(source: str, line: int, message: str) -> DataFileError:
    return DataFileError(f"{source} line {line}: {message}")


def _parse_lines(text: str, source: str) -> list[_Line]:
    """JSONL lines with their numbers (blank and # lines skipped, as in resources)."""
    lines: list[_Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            raise _fail(source, number, error.msg) from error
        if not isinstance(record, dict):
            raise _fail(source, number, "expected a JSON object")
        lines.append(_Line(number, record))
    return lines


def _date(value: Any, what: str, source: str, line: int) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise _fail(source, line, f"{what} {value!r} is not an ISO date") from error


def _strings(value: Any, what: str, source: str, line: int) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise _fail(source, line, f"{what} must be a string or a list of strings")
    return tuple(values)


def _country(line: _Line, source: str) -> Country:
    rec, number = line.record, line.number
    unknown = set(rec) - COUNTRY_KEYS
    if unknown or not isinstance(rec.get("code"), str) or not isinstance(rec.get("name"), str):
        raise _fail(source, number, f"country needs code and name (unknown keys: {unknown})")
    fr = rec.get("fr", {})
    slots = {
        "adj": _strings(rec.get("adj", []), "adj", source, number),
        "name": (rec["name"],),
        **{f"fr_{f}": _strings(fr.get(f, []), f"fr.{f}", source, number) for f in FR_FORMS},
    }
    periods = []
    for period in rec.get("periods", []):
        if not isinstance(period, list) or not 3 <= len(period) <= 4:
            raise _fail(source, number, f"period {period!r}: want [label, from, to, old?]")
        start = _date(period[1], "period start", source, number)
        end = _date(period[2], "period end", source, number)
        old = _strings(period[3], "old labels", source, number) if len(period) > 3 else ()
        periods.append((period[0], start, end, old))
    return Country(rec["code"], rec["name"], rec.get("of", rec["name"]), slots, tuple(periods))


def _cues(line: _Line, source: str, countries: dict[str, Country]) -> tuple[str, list[str]]:
    """A cues line: (country code, names)."""
    rec, number = line.record, line.number
    if unknown := set(rec) - CUE_KEYS:
        raise _fail(source, number, f"unknown keys {sorted(unknown)}")
    code = rec.get("country")
    if code not in countries:
        raise _fail(source, number, f"cues country {code!r} has no country line")
    return code, list(_strings(rec.get("names"), "names", source, number))


def _check_actor(line: _Line, source: str, countries: dict[str, Country]) -> None:
    rec, number = line.record, line.number
    if unknown := set(rec) - ACTOR_KEYS:
        raise _fail(source, number, f"unknown keys {sorted(unknown)}")
    if not isinstance(rec.get("name"), str) or not rec["name"]:
        raise _fail(source, number, "missing name")
    inter = rec.get("inter")
    if not isinstance(inter, int) or isinstance(inter, bool) or not 1 <= inter <= 8:
        raise _fail(source, number, f"inter {inter!r} is not an integer 1-8")
    if rec.get("kind") not in KINDS:
        raise _fail(source, number, f"kind {rec.get('kind')!r} is not one of {sorted(KINDS)}")
    _strings(rec.get("aliases", []) or [rec["name"]], "aliases", source, number)
    country = rec.get("country")
    codes = [] if country in (None, "*") else list(_strings(country, "country", source, number))
    for code in codes + list(rec.get("except", [])):
        if code not in countries and not (isinstance(code, str) and len(code) == 2):
            raise _fail(source, number, f"country {code!r} is not an ISO2 code")
    if isinstance(country, list) or country == "*":
        missing = [code for code in codes if code not in countries]
        if missing:
            raise _fail(source, number, f"template countries {missing} have no country line")
    elif "{" in rec["name"]:
        raise _fail(source, number, "a name with placeholders needs country '*' or a list")
    for key in ("valid_from", "valid_to"):
        _date(rec.get(key), key, source, number)
    if not isinstance(rec.get("abroad", False), bool):
        raise _fail(source, number, "abroad must be true or false")


# --- template expansion -------------------------------------------------------


def _fill_aliases(aliases: Iterable[str], country: Country | None) -> list[str]:
    """Expand {adj}, {fr_ms}... with each of the country's forms (None: drop them)."""
    out: list[str] = []
    for alias in aliases:
        slots = [slot for slot in ALIAS_SLOTS if "{" + slot + "}" in alias]
        if not slots:
            out.append(alias)
        elif country is not None:
            out.extend(_fill_one(alias, slots, country))
    return out


def _fill_one(alias: str, slots: list[str], country: Country) -> Iterator[str]:
    forms = [""]
    for slot in slots:
        forms = [f + "\0" + value for f in forms for value in country.slots[slot]]
    for form in forms:
        values = form.split("\0")[1:]
        yield alias.format(**dict(zip(slots, values, strict=True)))


def _clip(
    start: date | None, end: date | None, rec: dict[str, Any]
) -> tuple[date | None, date | None] | None:
    """The period intersected with the line's own validity (None if empty)."""
    lo, hi = rec.get("valid_from"), rec.get("valid_to")
    lo = date.fromisoformat(lo) if lo else None
    hi = date.fromisoformat(hi) if hi else None
    start = max(filter(None, (start, lo)), default=None)
    end = min(filter(None, (end, hi)), default=None)
    if start and end and start >= end:
        return None
    return start, end


def _entry(
    rec: dict[str, Any],
    name: str,
    country: str | None,
    aliases: list[str],
    span: tuple[date | None, date | None],
    *,
    named: bool = True,
) -> ActorEntry:
    # A country-less entry's made-up name ("Government") is no surface form of it.
    unique = tuple(dict.fromkeys([name, *aliases] if named else aliases))
    return ActorEntry(
        name=name,
        inter=rec["inter"],
        kind=rec["kind"],
        country=country,
        aliases=unique,
        valid_from=span[0],
        valid_to=span[1],
        parent=rec.get("parent"),
        generic=bool(rec.get("generic", False)),
        role=rec.get("role"),
        abroad=bool(rec.get("abroad", False)),
    )


def _expand(rec: dict[str, Any], countries: dict[str, Country]) -> Iterator[ActorEntry]:
    country = rec.get("country")
    aliases = list(rec.get("aliases", []))
    own_span = _clip(None, None, rec) or (None, None)
    if country is None or isinstance(country, str) and country != "*":
        # A generic line ("rebels" for the MNLA of an era) shares its name with the named
        # actor's line: the name itself must still find the named actor.
        named = not rec.get("generic", False)
        yield _entry(rec, rec["name"], country, _fill_aliases(aliases, None), own_span, named=named)
        return
    codes = list(countries) if country == "*" else country
    for code in codes:
        if code not in rec.get("except", []):
            yield from _expand_country(rec, countries[code], aliases)
    if country == "*":
        bare = re.sub(
            r"\s*\((?:\{country\}|\{period\})\)|\s+of\s+\{(?:of|country)\}", "", rec["name"]
        )
        bare_entry = _entry(
            rec, bare.strip(), None, _fill_aliases(aliases, None), own_span, named=False
        )
        yield replace(bare_entry, template=rec["name"])


def _expand_country(
    rec: dict[str, Any], country: Country, aliases: list[str]
) -> Iterator[ActorEntry]:
    filled = _fill_aliases(aliases, country)
    base = {"country": country.name, "of": country.of}
    if "{period}" not in rec["name"]:
        name = rec["name"].format(**base)
        yield _entry(rec, name, country.code, filled, _clip(None, None, rec) or (None, None))
        return
    for label, start, end, old in country.periods:
        span = _clip(start, end, rec)
        if span is None:
            continue
        name = rec["name"].format(period=label, **base)
        # Older ACLED releases' labels for the same period ("(2013-)") and the name
        # without a period stay resolvable.
        former = [rec["name"].format(period=o, **base) for o in old]
        undated = re.sub(r"\s*\(\{period\}\)", "", rec["name"]).format(**base)
        yield _entry(rec, name, country.code, [*former, undated, *filled], span)


# --- the registry -------------------------------------------------------------


def _date_rank(entry: ActorEntry, on: date | None) -> tuple[int, int]:
    """(valid?, tiebreak): unknown date means "still valid"; else narrowest, nearest."""
    if on is None:
        return (entry.valid_to is None, (entry.valid_from or date.min).toordinal())
    if entry.valid_on(on):
        span = (entry.valid_to or date.max).toordinal() - (entry.valid_from or date.min).toordinal()
        return (1, -span)
    edge = entry.valid_from if entry.valid_from and on < entry.valid_from else entry.valid_to
    return (0, -abs((edge or on).toordinal() - on.toordinal()))


def _country_rank(entry: ActorEntry, country: str | None) -> int:
    if entry.country is not None and entry.country == country:
        return 2
    return 1 if entry.country is None else 0


def _fits(entry: ActorEntry, country: str | None, on: date | None) -> bool:
    """A generic word stands for this entry only on its dates and in its country."""
    if on is not None and not entry.valid_on(on):
        return False
    return country is None or entry.country in (None, country)


def choose(entries: list[ActorEntry], country: str | None, on: date | None) -> ActorEntry:
    """The best candidate for a country and a date (see the module docstring)."""

    def rank(entry: ActorEntry) -> tuple[int, int, int]:
        valid, tiebreak = _date_rank(entry, on)
        return (valid, _country_rank(entry, country), tiebreak)

    return max(entries, key=rank)


class ActorRegistry:
    """Finds actor mentions in text and resolves names to ACLED canonical actors."""

    def __init__(
        self,
        entries: list[ActorEntry],
        countries: dict[str, Country],
        cues: dict[str, list[str]] | None = None,
    ) -> None:
        self.entries = entries
        self.countries = countries
        self._cue_index: _Index[str] = _Index()
        for code, cue_names in (cues or {}).items():
            for cue_name in cue_names:
                self._cue_index.add(cue_name, code)
        cue_aliases = [*self._cue_index.folded, *self._cue_index.exact]
        self._cue_pattern = build_pattern(cue_aliases) if cue_aliases else None
        self._index: _Index[ActorEntry] = _Index()
        self._roles: dict[tuple[str, str | None], list[ActorEntry]] = {}
        for entry in entries:
            for alias in entry.aliases:
                self._index.add(alias, entry)
            if entry.role:
                self._roles.setdefault((entry.role, entry.country), []).append(entry)
        # "the Islamic State" is left to "Islamic State", so that the longer
        # "Islamic State West Africa Province" can still match after "the".
        folded = [
            alias
            for alias in self._index.folded
            if not (alias.startswith("the ") and alias[4:] in self._index.folded)
        ]
        self._pattern = build_pattern([*folded, *self._exact_aliases()])

    def _exact_aliases(self) -> list[str]:
        return [alias for e in self.entries for alias in e.aliases if is_acronym(alias)]

    # -- loading

    @classmethod
    def load(cls, name: str = "actors.jsonl", *, path: str | Path | None = None) -> ActorRegistry:
        """The shipped canon (cached), or the file at `path` (for tests and drafts).

        Raises DataFileError naming the file and line of the first malformed record.
        """
        if path is None:
            return _load_shipped(name)
        path = Path(path)
        return cls.from_text(path.read_text(encoding="utf-8"), source=str(path))

    @classmethod
    def from_text(cls, text: str, *, source: str = "<text>") -> ActorRegistry:
        lines = _parse_lines(text, source)
        countries: dict[str, Country] = {}
        for line in lines:
            if line.record.get("record") == "country":
                country = _country(line, source)
                countries[country.code] = country
            elif "record" in line.record and line.record["record"] != "cues":
                raise _fail(source, line.number, f"unknown record {line.record['record']!r}")
        entries: list[ActorEntry] = []
        cues: dict[str, list[str]] = {}
        for line in lines:
            if line.record.get("record") == "cues":
                code, cue_names = _cues(line, source, countries)
                cues.setdefault(code, []).extend(cue_names)
            elif "record" not in line.record:
                _check_actor(line, source, countries)
                entries.extend(_expand(line.record, countries))
        _check_parents(entries, lines, source)
        return cls(entries, countries, cues)

    # -- lookups

    def find(
        self,
        text: str,
        *,
        country: str | None = None,
        on: date | None = None,
        abroad: bool | None = None,
    ) -> list[ActorMatch]:
        """Non-overlapping actor mentions, longest alias first, resolved for country/date.
        `abroad`: whether the text is about a country outside the canon (by default,
        whether `country` is one); see `_for_country`."""
        if abroad is None:
            abroad = self.is_abroad(country)
        matches: list[ActorMatch] = []
        for found in self._pattern.finditer(fold_chars(text)):
            entries = self._for_country(self._index.get(found.group("alias")), abroad)
            if not entries:
                continue
            entry = choose(entries, country, on)
            if entry.generic and _in_compound(text, found.start("alias"), found.end("alias")):
                continue  # "Bambara-Maoude", "Mbella-Peulh": a place named after a people
            if entry.generic and not _fits(
                entry, country if abroad or country in self.countries else None, on
            ):
                continue  # "rebels" in 2005, "Fulani" in Ghana: no canonical actor
            entry = self._under_parent(entry, country, on)
            end = (
                found.end("tail")
                if found.group("tail") and not entry.generic
                else found.end("alias")
            )
            start = found.start("alias")
            matches.append(ActorMatch(start, end, text[start:end], entry))
        return _drop_descriptions(text, matches)

    def is_abroad(self, country: str | None) -> bool:
        """`country` is known and outside the canon."""
        return country is not None and country not in self.countries

    @staticmethod
    def _for_country(entries: list[ActorEntry], abroad: bool) -> list[ActorEntry]:
        """The entries an alias may stand for: in an article about a country outside the
        canon, those meant for it ("Islamic State" in Iraq), else the rest."""
        home = [entry for entry in entries if not entry.abroad]
        if abroad:
            return [entry for entry in entries if entry.abroad] or home
        return home

    def named_country(self, surface: str) -> str | None:
        """The one country a surface form itself names ("FAMa", "Malian soldiers",
        "Koglweogo"), else None: "soldiers" or "police" fit every country and get theirs
        from the article, so they cannot tell the article's country in return."""
        entries = self._index.get(surface)
        words = surface.split()
        if not entries and len(words) > 1 and words[-1].lower() in TAIL_WORDS:
            entries = self._index.get(" ".join(words[:-1]))  # "FAMa soldiers"
        codes = {entry.country for entry in entries}
        return codes.pop() if len(codes) == 1 else None

    def country_cues(self, text: str) -> list[tuple[str, int, int]]:
        """Names in `text` that belong to one country, as (ISO2 code, start, end).

        A name two countries share (a common surname) tells neither.
        """
        if self._cue_pattern is None:
            return []
        found = []
        for match in self._cue_pattern.finditer(fold_chars(text)):
            codes = self._cue_index.get(match.group("alias"))
            if len(codes) == 1:
                found.append((codes[0], match.start("alias"), match.end("alias")))
        return found

    def _under_parent(self, entry: ActorEntry, country: str | None, on: date | None) -> ActorEntry:
        """A faction whose parent exists on the date is coded as the parent."""
        if entry.parent is None:
            return entry
        parent = self.resolve(entry.parent, country=country, on=on)
        if parent is None or parent.name == entry.name:
            return entry
        valid = parent.valid_on(on) if on is not None else parent.valid_to is None
        return replace(entry, coded_as=parent) if valid else entry

    def resolve(
        self, name: str, *, country: str | None = None, on: date | None = None
    ) -> ActorEntry | None:
        """The entry an alias or a canonical name stands for, or None."""
        entries = self._for_country(self._index.get(name), self.is_abroad(country))
        return choose(entries, country, on) if entries else None

    def canonical(self, name: str, **kw: Any) -> str | None:
        entry = self.resolve(name, **kw)
        return entry.name if entry else None

    def civilians(self, country: str) -> ActorEntry:
        return self._role("civilians", country, None)

    def unidentified(self, country: str) -> ActorEntry:
        return self._role("unidentified", country, None)

    def state_forces(
        self, country: str, on: date | None = None, branch: str = "military"
    ) -> ActorEntry:
        """A country's state force of one branch; branches it lacks fall back to military."""
        if (branch, country) not in self._roles:
            branch = "military"
        return self._role(branch, country, on)

    def _role(self, role: str, country: str, on: date | None) -> ActorEntry:
        entries = self._roles.get((role, country))
        if not entries:
            raise KeyError(f"no {role} actor for country {country!r}")
        return choose(entries, country, on)


_COMPOUND_AFTER = re.compile(r"[-‐‑][A-Z]")
_COMPOUND_BEFORE = re.compile(r"[A-Za-z][-‐‑]$")


def _in_compound(text: str, start: int, end: int) -> bool:
    """A word hyphenated to a capitalised word is part of a proper name."""
    return bool(
        _COMPOUND_AFTER.match(text, end) or _COMPOUND_BEFORE.search(text[max(0, start - 2) : start])
    )


def _check_parents(entries: list[ActorEntry], lines: list[_Line], source: str) -> None:
    names = {entry.name for entry in entries}
    for line in lines:
        parent = line.record.get("parent")
        if parent is not None and parent not in names:
            raise _fail(source, line.number, f"parent {parent!r} is not an actor name")


def _drop_descriptions(text: str, matches: list[ActorMatch]) -> list[ActorMatch]:
    """Drop a generic word that only describes the named actor after it, or the one
    in brackets before it."""
    kept: list[ActorMatch] = []
    for i, match in enumerate(matches):
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        describes = (
            nxt is not None
            and (match.entry.generic or match.entry.name == nxt.entry.name)
            and not nxt.entry.generic
            and CONNECTOR.match(text, match.end, nxt.start) is not None
        )
        if not describes and not _bracketed_tail(text, matches[i - 1] if i else None, match):
            kept.append(match)
    return kept


_CLOSING_BRACKET = re.compile(r"\s*[)\]]\s+")


def _bracketed_tail(text: str, before: ActorMatch | None, match: ActorMatch) -> bool:
    """'Katiba Macina (JNIM) militants': the noun after the bracket describes the
    named actor in it, as in "JNIM militants"; it is no second, unidentified group."""
    return (
        before is not None
        and match.entry.generic
        and not before.entry.generic
        and match.text.lower() in TAIL_WORDS
        and _CLOSING_BRACKET.fullmatch(text, before.end, match.start) is not None
    )


@cache
def _load_shipped(name: str) -> ActorRegistry:
    return ActorRegistry.from_text(read_text(name), source=name)
