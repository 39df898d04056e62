"""The shared objects every stage reads and writes.

An `Article` owns its text; everything found in it (mentions, places, fatality
claims, evidence) is a view holding `start`/`end` character offsets into
`Article.text`, the way a spaCy Span points into its Doc. No stage rewrites the
text. Stages add to an `ArticleDoc`; the linker turns per-article `Report`s into
`Event`s, whose `to_record()` is the public output contract
(shared/docs/output-contract.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

QUALIFIERS = ("exact", "at least", "about", "up to", "more than")
# Sides of a Claim (`victims`) whose figure adds to the others instead of restating
# one: people who died of their wounds after the event ("one of the wounded later
# succumbed"), and a coder's estimate for dead no figure counts ("unknown militant
# fatalities coded as 10").
DIED_LATER = "died later"
UNCOUNTED = "uncounted"
ADDED_SIDES = (DIED_LATER, UNCOUNTED)


@dataclass
class Article:
    """One news article as read from an input."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None  # the path or URL it was read from
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Identity of the content: same text and date means the same article."""
        published = self.published.isoformat() if self.published else ""
        digest = hashlib.sha1(f"{published}\n{self.text}".encode())
        return digest.hexdigest()


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read; `str()` is the one-line message."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Mention:
    """A labelled span of the article text with an optional normalised value."""

    start: int
    end: int
    label: str
    text: str
    value: Any = None


@dataclass
class Place:
    """A place mention resolved against the gazetteer (or explicitly not)."""

    name: str  # the name as the gazetteer spells it
    country: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None  # ACLED: 1 town, 2 near a town, 3 region/country
    geonameid: int | None = None
    feature_code: str | None = None
    score: float = 0.0
    start: int | None = None  # span of the mention in the article
    end: int | None = None
    mention: str | None = None


@dataclass
class Claim:
    """One fatality figure as one source gave it (output contract `claims`)."""

    article: str
    claimed_by: str | None
    fatalities: int
    qualifier: str  # one of QUALIFIERS
    quote: str
    start: int
    end: int
    victims: str | None = None  # military, militants or civilians, when the source says

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Evidence:
    """Where in which article a field of an event was read."""

    article: str
    field: str
    start: int
    end: int
    text: str


@dataclass
class Report:
    """One article's account of one event, before linking across articles."""

    article: str
    event_type: str
    sub_event_type: str
    event_date: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    civilian_targeting: bool = False
    place: Place | None = None
    claims: list[Claim] = field(default_factory=list)
    hedged: bool = False  # "alleged", "reportedly", "accused of"
    confidence: float = 0.5
    notes: str = ""
    published: str | None = None  # the article's publication date, ISO
    start: int = 0  # span of the main evidence sentence
    end: int = 0
    evidence: list[Evidence] = field(default_factory=list)
    # One day of an event told over this many ("on 11-12 March"), one report a day; 0 else
    days_told: int = 0

    @property
    def id(self) -> str:
        """Stable id: the article and the evidence span say which report it is (and the
        day, for one day of several told together; other reports keep their old ids)."""
        location = self.place.name if self.place else ""
        key = f"{self.article}:{self.start}:{self.end}:{self.sub_event_type}:{location}"
        if self.days_told:
            key += f":{self.event_date}"
        return "r" + hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass
class ArticleDoc:
    """The shared document the extraction components annotate in place."""

    article: Article
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraph_of: list[int] = field(default_factory=list)  # paragraph index of each sentence
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def add(self, mention: Mention) -> None:
        self.mentions.setdefault(mention.label, []).append(mention)

    def of(self, label: str) -> list[Mention]:
        return self.mentions.get(label, [])


# Columns of ACLED (since March 2023) in their order; see shared/docs/event-coding.md.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

# Fields of one event in the output contract, in their documented order.
RECORD_FIELDS = (
    "event_id", "event_date", "date_end", "time_precision", "event_type",
    "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1",
    "inter2", "civilian_targeting", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low",
    "fatalities_best", "fatalities_high", "claims", "articles", "notes", "confidence",
)  # fmt: skip


@dataclass
class Event:
    """One real-world event, built from one or more reports."""

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    civilian_targeting: bool = False
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    claims: list[Claim] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    notes: str = ""
    confidence: float = 0.5
    # Beyond the contract's fields: kept in the store and shown in the dashboard.
    reports: list[str] = field(default_factory=list)  # ids of the linked reports
    evidence: list[Evidence] = field(default_factory=list)
    hedged: bool = False
    grade: str | None = None
    contradictions: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The event as the output contract lists it, in its field order."""
        record: dict[str, Any] = {}
        for name in RECORD_FIELDS:
            value = getattr(self, name)
            if name == "claims":
                value = [claim.to_record() for claim in value]
            elif isinstance(value, list):
                value = list(value)
            record[name] = value
        return record

    def to_full_record(self) -> dict[str, Any]:
        """The contract record plus the internal fields the store keeps."""
        record = self.to_record()
        record["reports"] = list(self.reports)
        record["evidence"] = [asdict(item) for item in self.evidence]
        record["hedged"] = self.hedged
        record["grade"] = self.grade
        record["contradictions"] = list(self.contradictions)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Event:
        """Rebuild an event from `to_record()` or `to_full_record()` output."""
        values = dict(record)
        values["claims"] = [Claim(**claim) for claim in values.get("claims", [])]
        values["evidence"] = [Evidence(**item) for item in values.get("evidence", [])]
        known = cls.__dataclass_fields__
        return cls(**{key: value for key, value in values.items() if key in known})
