"""The registered extraction components, in their usual order.

Each one annotates the shared ArticleDoc and declares what it needs and adds;
the heavy resources (gazetteer, actor registry) come from the pipeline context,
built once per run.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from conflictwatch.extract.candidates import grievance_spans, inside_spans
from conflictwatch.extract.classify import SUB_EVENT_TYPES, find_triggers
from conflictwatch.extract.dates import find_dates
from conflictwatch.extract.fatalities import Figure, find_figures, with_previous
from conflictwatch.extract.outlets import OutletHome, outlet_home, outlet_names
from conflictwatch.extract.pipeline import PipelineContext, component
from conflictwatch.extract.reports import (
    ArticleContext,
    armed_forces,
    assemble,
    attributed_groups,
    claiming_groups,
    likely_armed_actors,
    named_factions,
)
from conflictwatch.extract.roles import FORCE_KINDS
from conflictwatch.extract.sentences import paragraph_starts, split_sentences
from conflictwatch.model import ArticleDoc, Mention, Place, Report


@dataclass(frozen=True)
class ActorMention:
    """An actor match with its entry (what `roles` and `reports` read)."""

    start: int
    end: int
    text: str
    entry: Any
    # The one country the surface form itself names ("FAMa": Mali), None for words
    # that fit any country ("soldiers"); only the former tells the article's country.
    named_country: str | None = None


@component("sentences", assigns=["sentences", "paragraphs"])
def sentences(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    doc.sentences = split_sentences(doc.text)
    starts = paragraph_starts(doc.text)
    paragraph, index = [], 0
    for start, _ in doc.sentences:
        while index + 1 < len(starts) and starts[index + 1] <= start:
            index += 1
        paragraph.append(index)
    doc.paragraph_of = paragraph
    return doc


@component("countries", assigns=["countries", "country_cues", "group_cues"])
def countries(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    """ "country" and "nationality" mentions, "country_cue" ones: a leader, party or
    union of one country ("President Tandja"), read by both places and actors, and
    "group_cue" ones: an armed group or community of cues.tsv ("MUJAO"), whose
    countries stand in for the article's when the text names none."""
    geocoder = ctx.resource("geocoder")
    for code, start, end, demonym in geocoder.country_mentions(doc.text):
        text = doc.text[start:end]
        # "German" is no truncated "Germany", as "Burkina" is of "Burkina Faso".
        label = (
            "country"
            if not demonym and _names_country(text, geocoder.country_place(code).country)
            else "nationality"
        )
        doc.add(Mention(start, end, label, text, code))
    for code, start, end in ctx.resource("actors").country_cues(doc.text):
        doc.add(Mention(start, end, "country_cue", doc.text[start:end], code))
    for start, end, codes in geocoder.group_cues(doc.text):
        doc.add(Mention(start, end, "group_cue", doc.text[start:end], codes))
    return doc


def _group_countries(doc: ArticleDoc) -> frozenset[str]:
    """The countries the text's armed groups and communities belong to."""
    return frozenset(code for mention in doc.of("group_cue") for code in mention.value)


# Kinds of named actors that act in one country: "FAMa", "Koglweogo", and foreign
# missions tied to one country ("MINUSMA", "EUTM Mali").
_LOCAL_KINDS = {"state", "identity_militia", "political_militia", "rebel", "external"}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _names_country(text: str, name: str | None) -> bool:
    """'Mali', 'Burkina' name the country; 'Malian', 'Nigerien', 'French' describe people."""
    if not name:
        return True
    mention, country = _fold(text), _fold(name)
    return mention == country or (country.startswith(mention) and len(mention) >= 4)


def feed_country(doc: ArticleDoc, ctx: PipelineContext) -> str | None:
    """The country of the article's source, when the text gives none: the record's
    own `country` field (a JSONL or CSV column, a code or a name), else its
    outlet's (see outlets.py), else the `default_country` setting of a
    single-country feed."""
    value = doc.article.meta.get("country")
    if isinstance(value, str) and value.strip():
        value = value.strip()
        if len(value) == 2 and value.isalpha():
            return value.upper()
        named = ctx.resource("geocoder").countries_in(value)
        if named:
            return named[0][0]
    outlet = article_outlet(doc, ctx)
    if outlet is not None:
        return outlet.country
    return ctx.settings.get("default_country")


def article_outlet(doc: ArticleDoc, ctx: PipelineContext) -> OutletHome | None:
    """The home country and region of the outlet the article came from, if known."""
    names = outlet_names(doc.article.meta)
    if not names:
        return None
    return outlet_home(names, ctx.resource("geocoder").countries_in, _home_countries(ctx))


def source_cues(doc: ArticleDoc, ctx: PipelineContext) -> frozenset[tuple[str, str]]:
    """(country, "") and (country, region) the article's source points to: its feed's
    country and a local outlet's region. Weak hints, for the geocoder's ties."""
    country = feed_country(doc, ctx)
    if not country:
        return frozenset()
    cues = {(country.upper(), "")}
    outlet = article_outlet(doc, ctx)
    if outlet is not None and outlet.admin1 and outlet.country == country.upper():
        cues.add((outlet.country, outlet.admin1))
    return frozenset(cues)


def _home_countries(ctx: PipelineContext) -> set[str]:
    listed = str(ctx.settings.get("home_countries") or "").split(",")
    return {code.strip().upper() for code in listed if code.strip()}


def article_country(
    doc: ArticleDoc,
    default: str | None = None,
    home: Collection[str] = (),
    cued: Collection[str] = (),
) -> str | None:
    """The country the article is about.

    Towns outweigh country mentions, and a bare adjective ("an Egyptian
    contingent") counts least: the article is about where things happened, not
    who took part. The adjective of a force the registry files as serving
    abroad ("French troops", "US drones") counts not at all. What a protest is
    against or about ("marched against the decision to recognise Jerusalem as
    the capital of Israel") does not count when it names a foreign country: the
    protest happened at home. The feed's country (`default`: a home outlet's, a
    single-country feed's) counts as much as a town. Ties go to it, then to a
    home country, then to the first mentioned. With no clue at all, `default`,
    if one is set, else the one country the text's armed groups and communities
    belong to (`cued`: "MUJAO fighters amputated a thief's hand" is about Mali).
    """
    topics = _protest_topics(doc)
    cues = [(m.start, m.end) for m in doc.of("country_cue")]
    evidence: list[tuple[str, float, int]] = []  # (country, weight, offset)
    named_actors: list[tuple[int, int]] = []
    deployed: list[tuple[int, int]] = []
    for mention in doc.of("actor"):
        # "FAMa", "Koglweogo": a national force or local group says where it happened;
        # "soldiers" got its country from the article and tells nothing back.
        named, entry = mention.value.named_country, mention.value.entry
        if named and not entry.generic and entry.kind in _LOCAL_KINDS:
            evidence.append((named, 0.75, mention.start))
            named_actors.append((mention.start, mention.end))
        elif entry.kind == "external" and not named:
            deployed.append((mention.start, mention.end))
    countries = [m for m in doc.of("country") if not _reference(doc.text, m.start)]
    for mention in countries:
        evidence.append((mention.value, 1.0, mention.start))
    for mention in doc.of("nationality"):
        if inside_spans(named_actors, mention.start, mention.end):  # "Ghanaian police": once
            continue
        if mention.value not in home and (
            _FOREIGN_PRESENCE.match(doc.text, mention.end)
            or inside_spans(deployed, mention.start, mention.end)
        ):
            # "a Chinese oil worker", "French tourists": news from abroad; "French
            # troops", "US drones": a force the registry knows serves abroad.
            continue
        evidence.append((mention.value, 0.5, mention.start))
    for place in doc.places:
        start = place.start if place.start is not None else len(doc.text)
        if place.start is not None and inside_spans(cues, place.start, place.end or place.start):
            continue  # "Hama" in "Hama Amadou": a leader's name, not a town
        if place.country_code and (place.geo_precision or 3) <= 2:
            evidence.append((place.country_code, 2.0, start))
        elif place.country_code and place.feature_code != "PCLI":
            # "in the Mopti Region", "the Governorate of Hauts-Bassins": a region names
            # its country as surely as a country name does.
            evidence.append((place.country_code, 1.0, start))
    for mention in doc.of("country_cue"):
        # "President Tandja", "the ADEMA party": a leader, party or union of one country.
        evidence.append((mention.value, 0.75, mention.start))
    weights: Counter[str] = Counter()
    order: list[str] = []
    for code, weight, start in sorted(evidence, key=lambda item: item[2]):
        if code not in home and inside_spans(topics, start, start + 1):
            continue
        weights[code] += weight
        order.append(code)
    text_names = any(
        m.value in home or not inside_spans(topics, m.start, m.start + 1) for m in countries
    )
    if not weights:
        if default:
            return default.upper()
        return next(iter(cued)) if len(cued) == 1 else None
    if default and not text_names:
        # A home outlet or a single-country feed reports its own country's news: as
        # telling as one town named, so a lone village that shares its name with one
        # across the border does not carry the article abroad. A country the text
        # names itself still wins.
        weights[default.upper()] += _FEED_WEIGHT
        order.append(default.upper())
    best = max(weights.values())
    tied = [code for code in dict.fromkeys(order) if weights[code] == best]
    preferred = [code for code in tied if default and code == default.upper()]
    preferred += [code for code in tied if code in home]
    return (preferred or tied)[0]


# People whose nationality says where they come from, not where the event happened;
# not "Nigerian teachers held a sit-in", who are at home.
_FOREIGN_PRESENCE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:tourists?|hostages?|nationals?|expatriates?|missionar(?:y|ies)|"
    r"diplomats?|pilgrims?|travell?ers?|(?:oil|mine|mining|aid|humanitarian|construction)\s+"
    r"workers?)\b",
    re.IGNORECASE,
)
# How much the feed's or outlet's own country counts among the text's clues.
_FEED_WEIGHT = 2.0
# Trigger categories that make a sentence a protest, whose grievance is its topic.
_PROTEST_CATEGORIES = {"protest", "riot", "protest_violent"}


def _protest_topics(doc: ArticleDoc) -> list[tuple[int, int]]:
    """What each protest sentence is against or about ("demonstrated against the
    war in Iraq"): the spans candidates.grievance_spans finds after a protest word.
    Found once per article and kept on it as "protest_topic" mentions: the article's
    country is asked for several times."""
    if "protest_topic" not in doc.mentions:
        doc.mentions["protest_topic"] = [
            Mention(start, end, "protest_topic", doc.text[start:end], None)
            for start, end in _find_protest_topics(doc)
        ]
    return [(m.start, m.end) for m in doc.of("protest_topic")]


def _find_protest_topics(doc: ArticleDoc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    # The triggers component's words when it ran first (the default order), else a
    # pass for the protest words alone.
    found = "trigger" in doc.mentions
    for start, end in doc.sentences or [(0, len(doc.text))]:
        protests = (
            [
                t
                for m in doc.of("trigger")
                if start <= m.start < end and (t := m.value).category in _PROTEST_CATEGORIES
            ]
            if found
            else find_triggers(doc.text, start, end, _PROTEST_CATEGORIES)
        )
        if not protests:
            continue
        first = min(t.start for t in protests)
        spans += [
            (s, e)
            for s, e in grievance_spans(doc.text, start, end)
            if s > first and not any(s <= t.start < e for t in protests)
        ]
        # "denounced France", "protested the caricatures in a French weekly": the object
        # of the protest verb itself, which the grievance leads above do not open.
        for lead in _TOPIC_LEAD.finditer(doc.text, first, end):
            stop = _TOPIC_END.search(doc.text, lead.end(), end)
            spans.append((lead.start(), stop.start() if stop else end))
    return spans


# Where a protest's topic starts besides the grievance leads of candidates.py.
_TOPIC_LEAD = re.compile(
    r"\b(?:denounced|condemned|decried|protest(?:ed|ing)?|in solidarity with|"
    r"on the (?:\w+\s+)?anniversary of|to (?:raise awareness|call for|support)|"
    r"calling for|for the release of)\b(?!\s+(?:in|at|on|near|outside)\b)",
    re.IGNORECASE,
)
_TOPIC_END = re.compile(r"[;:()]|\s-\s|\band\s+(?:then\s+|later\s+|also\s+)?\w+ed\b")


# "near the border with Mali", "in neighbouring Burkina Faso", "heading towards Libya",
# "an anti-France march": a country named as a landmark or a target, not as the place.
_REFERENCE_BEFORE = re.compile(
    r"(?:\bborders?\s+(?:with|of)|\bneighbou?ring|\bnear|\btowards?|\banti-|"
    r"\bfronti[eè]re\s+(?:du|de\s+la|avec(?:\s+l[ea])?))\s*(?:the\s+)?$",
    re.IGNORECASE,
)


def _reference(text: str, start: int) -> bool:
    return _REFERENCE_BEFORE.search(text, max(0, start - 30), start) is not None


@component("actors", requires=["countries"], assigns=["actors"])
def actors(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    registry = ctx.resource("actors")
    default, home = feed_country(doc, ctx), _home_countries(ctx)
    geocoder = ctx.resource("geocoder")

    def names(code: str) -> str | None:
        return geocoder.country_place(code).country

    cued = _group_countries(doc)
    country = article_country(doc, default, home, cued)
    _add_actors(doc, registry, country, names)
    # A named actor may tell the country that places and country names did not ("FAMa",
    # "MINUSMA"): resolve the generic words ("soldiers", "gunmen") again for it.
    known = article_country(doc, default, home, cued)
    if known != country:
        doc.mentions["actor"] = []
        _add_actors(doc, registry, known, names)
    return doc


def _named_as_place(doc: ArticleDoc, country: str | None) -> bool:
    """The text names the country itself or a place in it, not only its people: "in
    Iraq", "Kabul", not "French forces" in a brief about Mali that names no country."""
    return any(m.value == country for m in doc.of("country")) or any(
        place.country_code == country and place.feature_code != "PCLI" for place in doc.places
    )


def _add_actors(
    doc: ArticleDoc, registry: Any, country: str | None, names: Callable[[str], str | None]
) -> None:
    on = doc.article.published
    speaker: tuple[Any, int] | None = None  # a named force that speaks, and where it ends
    armies: dict[str, Any] = {}  # the armies named by their country so far, by name
    abroad = registry.is_abroad(country) and _named_as_place(doc, country)
    for match in registry.find(doc.text, country=country, on=on, abroad=abroad):
        if _modifies_a_place(doc.text, match.start, match.end):
            continue  # "the former MINUSMA base" names a place, not an actor
        entry, named = match.entry, registry.named_country(match.text)
        nationality = _nationality_before(doc, match.start) or _origin_after(doc, match.end)
        generic = entry.generic and entry.kind in _PEOPLE_OF_A_COUNTRY
        if nationality and generic and nationality != entry.country:
            entry = registry.of_country(match.text, entry, nationality, names(nationality), on)
        of = nationality or (country if abroad else None)
        if of and registry.is_abroad(of):
            # "Pakistani military", "security forces" or "gunmen" in a story set in
            # Somalia: that country's, as ACLED names them.
            entry = registry.named_for(entry, of, names(of))
        if speaker is not None and _speakers_troops(doc, speaker, match.start, entry, named):
            entry = speaker[0]  # "Barkhane said that soldiers ...": its own soldiers
        elif _bare_troops(entry, named, nationality) and len(armies) == 1:
            entry = next(iter(armies.values()))  # "a Nigerien army vehicle ... two soldiers"
        if _names_an_army(entry, named):
            armies[entry.name] = entry
        if _speaks(doc.text, match.end, entry):
            speaker = (entry, match.end)
        mention = ActorMention(match.start, match.end, match.text, entry, named)
        doc.add(Mention(match.start, match.end, "actor", match.text, mention))
    _forces_abroad(doc, registry, names)


# "Somali forces", "Kenyan forces": the canon has "{adj} forces" for its own countries
# only, and "forces" alone names no one ("rebel forces", "Wagner forces").
_FORCES_AFTER = re.compile(r"\s+forces\b", re.IGNORECASE)


def _forces_abroad(doc: ArticleDoc, registry: Any, names: Callable[[str], str | None]) -> None:
    """A nationality of a country outside the canon before "forces": its military."""
    found = []
    for nationality in doc.of("nationality"):
        code = str(nationality.value)
        forces = _FORCES_AFTER.match(doc.text, nationality.end)
        if forces is None or not registry.is_abroad(code):
            continue
        start, end = nationality.start, forces.end()
        text = doc.text[start:end]
        if registry.registry.resolve(text) is not None or any(
            m.start < end and start < m.end for m in doc.of("actor")
        ):
            continue  # "French forces" (of Operation Barkhane) are in the canon
        entry = registry.named_for(registry.registry.resolve("soldiers"), code, names(code))
        found.append(
            Mention(start, end, "actor", text, ActorMention(start, end, text, entry, code))
        )
    if found:
        doc.mentions["actor"] = sorted([*doc.of("actor"), *found], key=lambda m: m.start)


# "Operation Barkhane said Friday that ...", "the French army announced that ...".
_SPEECH_AFTER = re.compile(
    r"\s*(?:\w+\s+){0,3}?(?:said|says|announced|reported|stated|claimed|indicated|added)\b",
    re.IGNORECASE,
)
# "It said the operation began ...": the speaker of the sentence before speaks on.
_SPEECH_GOES_ON = re.compile(
    r"\s*(?:It|They|The (?:statement|communiqu[eé]|force))\s+(?:also\s+)?"
    r"(?:said|says|added|announced|reported|stated)\b"
)
# The words for a country's troops: "soldiers", and "security forces" in a fight.
_TROOP_ROLES = {"military", "security_forces"}


def _is_army(entry: Any) -> bool:
    """A country's armed forces, home or foreign; not a peace mission or a militia."""
    return entry.kind in FORCE_KINDS and entry.name.startswith("Military Forces")


def _speaks(text: str, end: int, entry: Any) -> bool:
    """A named army followed by a verb of saying (not a peace mission: its "soldiers"
    may be anyone's)."""
    return _is_army(entry) and not entry.generic and bool(_SPEECH_AFTER.match(text, end))


def _names_an_army(entry: Any, named: str | None) -> bool:
    """An army named by its country ("the Nigerien army", "FAMa", "French forces")."""
    return _is_army(entry) and (named is not None or entry.kind == "external")


def _bare_troops(entry: Any, named: str | None, nationality: str | None) -> bool:
    """ "soldiers", "troops", "the army": the article's army unless the text named
    another's. With one army named, they are that army's: "an IED hit a Nigerien
    army vehicle, wounding four soldiers" in Mali wounded Nigerien soldiers."""
    return named is None and nationality is None and entry.role == "military"


def _speakers_troops(
    doc: ArticleDoc, speaker: tuple[Any, int], start: int, entry: Any, named: str | None
) -> bool:
    """A bare "soldiers" or "troops" in what a named force says are its own, not the
    article country's army: in its sentence, or one that goes on with "It said"."""
    force, spoke_at = speaker
    if named is not None or entry.kind != "state" or entry.role not in _TROOP_ROLES:
        return False
    if entry.name == force.name:
        return False
    starts = [s for s, _ in doc.sentences or [(0, len(doc.text))]]
    own = max((s for s in starts if s <= start), default=0)
    if own <= spoke_at:
        return True
    said = [s for s in starts if spoke_at < s <= own]
    return all(_SPEECH_GOES_ON.match(doc.text, s) for s in said)


# Generic actors whose country is that of the people, not of the article: "suspected
# Nigerian bandits" in Niger are ACLED's "Unidentified Armed Group (Nigeria)".
_PEOPLE_OF_A_COUNTRY = {"political_militia", "protesters", "rioters"}
# What may stand between the nationality and the word: "Chadian armed bandits".
_NATIONALITY_GAP = re.compile(
    r"[\s,]*(?:(?:suspected|presumed|alleged|heavily|armed|an?|the)\s+)*", re.IGNORECASE
)


def _nationality_before(doc: ArticleDoc, start: int) -> str | None:
    """The nationality right before an actor word ("Chadian rebels"), if one is."""
    for mention in doc.of("nationality"):
        if mention.end <= start and _NATIONALITY_GAP.fullmatch(doc.text, mention.end, start):
            return str(mention.value)
    return None


# "gunmen coming from Nigeria", "assailants, believed to have crossed the border from
# Mali,": where armed men came from is whose armed group they are.
_FROM_GAP = re.compile(
    r"[\s,(]*(?:(?:reportedly|allegedly|believed|suspected|said|thought)\s+(?:to\s+(?:have\s+)?)?)?"
    r"(?:(?:come|came|coming|crossed\s+the\s+border|crossing\s+the\s+border)\s+)?"
    r"from\s+(?:neighbou?ring\s+)?",
    re.IGNORECASE,
)
# "unknown gunmen (believed to be Nigerians)".
_BELIEVED_GAP = re.compile(
    r"[\s,(]*(?:believed|suspected|said|thought)\s+to\s+(?:be|have\s+been)\s+", re.IGNORECASE
)


def _origin_after(doc: ArticleDoc, end: int) -> str | None:
    """The country an actor word is said to come from right after it, if one is."""
    for mention in doc.of("country"):
        if mention.start >= end and _FROM_GAP.fullmatch(doc.text, end, mention.start):
            return str(mention.value)
    for mention in doc.of("nationality"):
        if mention.start >= end and _BELIEVED_GAP.fullmatch(doc.text, end, mention.start):
            return str(mention.value)
    return None


def _modifies_a_place(text: str, start: int, end: int) -> bool:
    """A place the actor once held: "the former MINUSMA base". The MINUSMA base of a
    mission still there is the mission's own, hit with it ("shells against the MINUSMA
    base"); and "the MINUSMA mission in Mali" names the mission's country."""
    following = text[end : end + 12].lower().lstrip()
    if following.startswith("mission in"):
        return True
    held = following.startswith(("base", "camp", "headquarters", "compound"))
    return held and _FORMER_BEFORE.search(text, max(0, start - 20), start) is not None


# "the former MINUSMA base", "the ex-Barkhane camp", "the old French base".
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-?|old|abandoned|vacated|ancienne?)\s*$", re.I)


@component("places", requires=["countries"], assigns=["places"])
def places(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    geocoder = ctx.resource("geocoder")
    # Countries named, and nationalities only of the home countries: "Malian soldiers"
    # says Mali, but "French troops bombed Lere" is not about France.
    home = _home_countries(ctx)
    nationalities = [m.value for m in doc.of("nationality") if m.value in home]
    named = list(dict.fromkeys([m.value for m in doc.of("country")] + nationalities))
    found = geocoder.geoparse(
        doc.text,
        countries=named,
        cues=source_cues(doc, ctx),
        groups=actor_cues(doc.text, ctx.resource("actors")),
    )
    # A place word inside a longer name of a person, party or company ("President Alpha
    # Oumar Konaré", "the New Alliance of Faso") is part of that name, not a place.
    names = [(m.start, m.end) for m in doc.of("country_cue")]
    doc.places = [place for place in found if not _inside_a_longer_name(place, names)]
    return doc


def actor_cues(text: str, registry: Any) -> frozenset[tuple[str, str]]:
    """(country, "") of the named actors of one country in `text` ("FAMa", "the
    Burkinabe army", "Koglweogo", "GATIA"): where they act tells which of two
    same-named villages is meant. Generic words ("soldiers") tell nothing; they get
    their country from the article. Runs before the actors component, so it reads
    the registry itself."""
    found: set[tuple[str, str]] = set()
    for match in registry.find(text):
        entry = match.entry
        if entry.generic or entry.kind not in _LOCAL_KINDS:
            continue
        code = registry.named_country(match.text)
        if code:
            found.add((code, ""))
    return frozenset(found)


def _inside_a_longer_name(place: Place, names: list[tuple[int, int]]) -> bool:
    if place.start is None or place.end is None:
        return False
    return any(
        start <= place.start and place.end <= end and end - start > place.end - place.start
        for start, end in names
    )


@component("dates", assigns=["dates"])
def dates(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    for match in find_dates(doc.text, doc.article.published):
        doc.add(Mention(match.start, match.end, "date", match.text, match.value))
    return doc


@component("fatalities", requires=["sentences", "actors", "dates"], assigns=["figures"])
def fatalities(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    speakers = [(m.start, m.end, m.value.entry.name) for m in doc.of("actor")]
    date_spans = [(m.start, m.end) for m in doc.of("date")]
    previous: list[Figure] = []
    for index, (start, end) in enumerate(doc.sentences):
        found = find_figures(doc.text, start, end, speakers, date_spans)
        # "2 other militants died" goes on the sentence before, unless it tells of
        # another day or paragraph.
        goes_on = index > 0 and doc.paragraph_of[index] == doc.paragraph_of[index - 1]
        if goes_on and not any(start <= s < end for s, _ in date_spans):
            found = [with_previous(figure, previous) for figure in found]
        previous = found
        for figure in found:
            doc.add(
                Mention(
                    figure.start, figure.end, "figure", doc.text[figure.start : figure.end], figure
                )
            )
    return doc


@component("triggers", requires=["sentences"], assigns=["triggers"])
def triggers(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    for start, end in doc.sentences:
        for trigger in find_triggers(doc.text, start, end):
            doc.add(Mention(trigger.start, trigger.end, "trigger", trigger.text, trigger))
    return doc


@component(
    "reports",
    requires=["sentences", "paragraphs", "actors", "places", "dates", "figures", "triggers"],
    assigns=["reports"],
)
def reports(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    geocoder = ctx.resource("geocoder")
    cued = _group_countries(doc)
    code = article_country(doc, feed_country(doc, ctx), _home_countries(ctx), cued)
    attributed = attributed_groups(doc)  # who a sentence says did it, found once
    context = ArticleContext(
        country_code=code,
        country_name=geocoder.country_place(code).country if code else None,
        published=doc.article.published,
        registry=ctx.resource("actors"),
        geocoder=geocoder,
        likely_actors=likely_armed_actors(doc, attributed),
        attributed_actors=attributed,
        claimants=claiming_groups(doc),
        forces=armed_forces(doc),
        factions=named_factions(doc),
        paragraph_of=doc.paragraph_of,
        source_cues=source_cues(doc, ctx),
    )
    doc.reports = assemble(doc, context)
    return doc


# The title and the first two sentences: what the article is about.
LEAD_SENTENCES = 3


@component("history", requires=["sentences", "reports"], assigns=["reports"])
def history(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    """Leave out events told as history: "the Taliban, who seized power in August
    2021" in a 2025 article is background to the news, not an incident to code.
    Over `history_days` before publication by the day the event ended (a siege that
    began two years ago and ended last week is news). What the lead tells is the
    story, however old: a UN inquiry published a year after a massacre reports it.
    Undated reports stay."""
    days = int(ctx.settings.get("history_days", 0) or 0)
    published = doc.article.published
    if days <= 0 or published is None or not doc.sentences:
        return doc
    lead_end = doc.sentences[min(LEAD_SENTENCES, len(doc.sentences)) - 1][1]
    doc.reports = [
        r for r in doc.reports if r.start < lead_end or not _older_than(r, published, days)
    ]
    return doc


def _older_than(report: Report, published: date, days: int) -> bool:
    last = report.date_end or report.event_date
    return last is not None and (published - date.fromisoformat(last[:10])).days > days


@component("typer", requires=["reports"], assigns=["reports"])
def typer(doc: ArticleDoc, ctx: PipelineContext) -> ArticleDoc:
    """A trained model's second opinion on each report's sub-event type.

    Off unless the pipeline names it and `typer_model` is set; the rules stay
    the default because the shipped model, trained on team-written text only,
    is weaker than they are on real news. A model trained on a user's own
    labelled data may be stronger; it then overrides the rules when confident.
    """
    model = ctx.resource("typer")
    if model is None:
        return doc
    threshold = float(ctx.settings["typer_min_probability"])
    for report in doc.reports:
        label, probability = model.best(doc.text[report.start : report.end])
        if label in SUB_EVENT_TYPES and probability >= threshold:
            report.sub_event_type = label
            report.event_type = SUB_EVENT_TYPES[label]
    return doc
