"""Assemble one article's reports of events from the annotated sentences.

A sentence with an event trigger is a *candidate*. It becomes a report only if
something ties it to one incident: a date, a death figure, or a specific place
in the sentence. Background ("a string of raids since 2021"), hypotheticals and
events mentioned only as the cause of another ("a reprisal for clashes") are
not reports. Candidates of one article that describe the same incident (same
type, compatible date and place) are merged; candidates with no anchor only
lend their actors to a nearby report of the same type.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from conflictwatch.extract import cues
from conflictwatch.extract.classify import (
    SUB_EVENT_TYPES,
    Target,
    Trigger,
    classify,
    protest_sub_type,
)
from conflictwatch.extract.dates import DateValue
from conflictwatch.extract.fatalities import Figure
from conflictwatch.extract.roles import Roles, assign_roles
from conflictwatch.model import ArticleDoc, Claim, Evidence, Place, Report

_GENERIC_CATEGORIES = {"kill", "attack"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_PROTEST_TYPES = {"Protests", "Riots"}
# Categories that, after a protest was reported, describe how it went.
_PROTEST_DETAIL = {
    "riot",
    "protest_violent",
    "protest_intervention",
    "protest_force",
    "looting",
    "arrest",
    "attack",
    "kill",
    "mob",
    "protest",
}
# Past the lead, a town and a trigger without a date or toll is commentary.
_LEAD_PARAGRAPHS = 1
# Texts this short (briefs, notes, snippets) have no background to tell apart.
_SHORT_TEXT_SENTENCES = 3
# How far after a report a toll or "the attack" is still read as part of it.
_ELABORATION_SENTENCES = 6
_CLAUSE_END = re.compile(r"[,;:()]|\s-\s|\s–\s")


@dataclass
class Candidate:
    sentence: int
    paragraph: int
    start: int
    end: int
    event_type: str
    sub_event_type: str
    trigger: Trigger
    triggers: list[Trigger]
    roles: Roles
    date: tuple[DateValue, int, int] | None
    place: Place | None
    figures: list[Figure]
    hedged: bool
    civilians: bool
    places: list[Place] = field(default_factory=list)  # listed towns, one event each
    refers_back: bool = False  # "the attack", "claimed the assault": an event told before

    @property
    def anchored(self) -> bool:
        """Tied to one incident: a date or a figure, or a town named in the lead."""
        if self.date or self.figures:
            return True
        specific_place = self.place is not None and (self.place.geo_precision or 3) <= 2
        violent = self.event_type in VIOLENT_TYPES
        return specific_place and violent and self.paragraph <= _LEAD_PARAGRAPHS

    @property
    def only_generic(self) -> bool:
        return self.refers_back or all(t.category in _GENERIC_CATEGORIES for t in self.triggers)


@dataclass
class ArticleContext:
    """Article-level facts the sentence rules fall back on."""

    country_code: str | None
    country_name: str | None
    published: date | None
    registry: Any
    geocoder: Any = None
    frequent_actor: Any = None
    paragraph_of: list[int] = field(default_factory=list)


def cause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'a reprisal for clashes with X,' — the phrase up to the clause end."""
    masked = []
    for cue_start, cue_end in cues.spans("cause_cues", text, start, end):
        stop = _CLAUSE_END.search(text, cue_end, end)
        masked.append((cue_start, stop.start() if stop else end))
    return masked


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _in_sentence(items: list[Any], start: int, end: int) -> list[Any]:
    return [item for item in items if start <= item.start and item.end <= end]


_PROTEST_CATEGORIES = {"protest", "riot", "mob"}


def _is_background(
    text: str, start: int, end: int, day_known: bool, triggers: list[Trigger]
) -> bool:
    """Summaries, trends and deaths from disease or disaster are not conflict events,
    but a protest about an accident or an epidemic is a protest."""
    protest = any(t.category in _PROTEST_CATEGORIES for t in triggers)
    if not protest and cues.has("non_conflict_cues", text, start, end):
        return True
    # "a series of drone strikes hit Kidal on Tuesday" is one incident all the same.
    return not day_known and cues.has("background_cues", text, start, end)


def hypothetical_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'if attacked', 'threatened to attack': what follows the cue did not happen."""
    masked = []
    for cue_start, _ in cues.spans("hypothetical_cues", text, start, end):
        stop = _CLAUSE_END.search(text, cue_start, end)
        masked.append((cue_start, stop.start() if stop else end))
    return masked


# The object of a trigger ends at the first preposition or clause break:
# "killed 12 soldiers | in Moura, during a military operation".
_OBJECT_END = re.compile(
    r"[,;:.]|\b(?:in|during|near|when|after|while|as|before|since|from|outside)\b"
)
_SUBJECT_START = re.compile(r".*(?:[,;:]|\b(?:and|but|when|after|while|where)\b)", re.DOTALL)


def _object_text(text: str, trigger: Trigger, end: int) -> str:
    window = text[trigger.end : min(end, trigger.end + 80)]
    stop = _OBJECT_END.search(window, 1)
    return window[: stop.start()] if stop else window


def _subject_text(text: str, sent_start: int, trigger: Trigger) -> str:
    window = text[max(sent_start, trigger.start - 80) : trigger.start]
    clause = _SUBJECT_START.match(window)
    return window[clause.end() :] if clause else window


_PEOPLE_HURT = re.compile(
    r"\b(?:wound(?:ed|ing)|injur(?:ed|ing|ies)|fired (?:at|on|upon)|opened fire|shot|shooting|"
    r"assault(?:ed|ing)|beat(?:en|ing)?|gunshots?)\b",
    re.IGNORECASE,
)
_UNDERGONE = re.compile(
    r"\b(?:subjected to|came under|come under|targeted by|hit by|(?:the )?target of|victims? of)"
    r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|are|is|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def _target(
    text: str, sent_start: int, trigger: Trigger, end: int, actors: list[Any], roles: Roles
) -> Target:
    """Who was hit: the trigger's object, or its subject when the verb is passive."""
    victims = _object_text(text, trigger, end)
    before = text[max(sent_start, trigger.start - 25) : trigger.start]
    if _PASSIVE_BEFORE.search(before) or _UNDERGONE.search(before):
        # "soldiers were killed", "the MINUSMA camp came under attack": the subject was hit.
        victims = _subject_text(text, sent_start, trigger) + " " + victims
    armed_sides = {
        m.entry.name for m in actors if m.entry.kind not in {"civilians", "protesters", "rioters"}
    }
    target_kind = getattr(roles.actor2, "kind", None)
    civilians = cues.has("civilian_nouns", victims) or target_kind == "civilians"
    armed = cues.has("armed_target_nouns", victims) or target_kind not in {
        None,
        "civilians",
        "protesters",
    }
    state_actor = getattr(roles.actor1, "kind", None) == "state"
    return Target(
        civilians=civilians,
        armed=armed,
        armed_sides=len(armed_sides),
        state_actor=state_actor,
        actor_known=roles.actor1 is not None,
        people_hurt=bool(_PEOPLE_HURT.search(text, sent_start, end)),
    )


def _best_place(places: list[Place]) -> Place | None:
    if not places:
        return None
    return min(places, key=lambda p: ((p.geo_precision or 3), -(p.score or 0.0), p.start or 0))


_SPEECH_DATE = re.compile(
    r"\b(?:said|says|told|confirmed|announced|reported|published|released|stated|added|"
    r"toll|statement|report|claimed|denied|saying)\W+(?:\w+\W+){0,2}(?:on|in|last)?\s*$",
    re.IGNORECASE,
)


_SPEECH_AFTER = re.compile(
    r"^\s+(?:\w+\s+){0,4}(?:said|says|claimed|announced|reported|told|confirmed|denied|stated)\b",
    re.IGNORECASE,
)


def _sentence_date(
    text: str, dates: list[Any], triggers: list[Trigger], sent_start: int = 0
) -> tuple[DateValue, int, int] | None:
    """The date of the incident; not "said on Tuesday" (when it was told) nor "a January raid"."""
    for match in dates:
        value: DateValue = match.value
        if value.attributive and not any(0 <= t.start - match.end <= 2 for t in triggers):
            continue
        # Only this sentence's words: "... Watch said. On 18 January, ..." is an event date.
        if _SPEECH_DATE.search(text[max(sent_start, match.start - 40) : match.start]):
            continue
        if _SPEECH_AFTER.match(text[match.end : match.end + 45]):
            continue  # "On Thursday the group claimed the attack": when it was said
        return value, match.start, match.end
    return None


def _sentence_triggers(
    doc: ArticleDoc, start: int, end: int, figures: list[Figure]
) -> list[Trigger]:
    text = doc.text
    masked = cause_spans(text, start, end) + hypothetical_spans(text, start, end)
    triggers = [t.value for t in _in_sentence(doc.of("trigger"), start, end)]
    triggers = [t for t in triggers if not _inside(masked, t.start, t.end)]
    if not triggers and any(f.value > 0 for f in figures):
        # "Six people had died": a toll is a killing even without a trigger word.
        first = min(figures, key=lambda f: f.start)
        triggers = [Trigger("kill", first.start, first.end, text[first.start : first.end])]
    return triggers


def build_candidates(doc: ArticleDoc, ctx: ArticleContext) -> list[Candidate]:
    text = doc.text
    candidates: list[Candidate] = []
    for index, (start, end) in enumerate(doc.sentences):
        figures = [m.value for m in _in_sentence(doc.of("figure"), start, end)]
        triggers = _sentence_triggers(doc, start, end, figures)
        if not triggers:
            continue
        dates = _in_sentence(doc.of("date"), start, end)
        found_date = _sentence_date(text, dates, triggers, start)
        day_known = found_date is not None and found_date[0].precision == 1
        if _is_background(text, start, end, day_known, triggers):
            continue
        masked = cause_spans(text, start, end)
        actors = [
            m.value
            for m in _in_sentence(doc.of("actor"), start, end)
            if not _inside(masked, m.start, m.end)
        ]
        # Roles around the first trigger tell who acted; the target then decides the type.
        first_roles = assign_roles(text, start, triggers[0].start, triggers[0].end, actors)
        decided = classify(triggers, _target(text, start, triggers[0], end, actors, first_roles))
        if decided is None:
            continue
        event_type, sub_event_type, trigger = decided
        roles = assign_roles(text, start, trigger.start, trigger.end, actors)
        target = _target(text, start, trigger, end, actors, roles)
        places = [p for p in doc.places if p.start is not None and start <= p.start < end]
        candidates.append(
            Candidate(
                sentence=index,
                paragraph=ctx.paragraph_of[index],
                start=start,
                end=end,
                event_type=event_type,
                sub_event_type=sub_event_type,
                trigger=trigger,
                triggers=triggers,
                roles=roles,
                date=found_date,
                place=_best_place(places),
                places=_listed_places(text, places),
                figures=figures,
                hedged=cues.has("hedge_cues", text, start, end),
                civilians=target.civilians,
                refers_back=_refers_back(text, start, trigger),
            )
        )
    return candidates


_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and|et|&|as well as)\s*$", re.IGNORECASE)


def _listed_places(text: str, places: list[Place]) -> list[Place]:
    """Towns named as a list ("in Bamako, Timbuktu and Kadiolo"): one event each."""
    towns = sorted(
        (p for p in places if p.geo_precision == 1 and p.start is not None), key=lambda p: p.start
    )
    best: list[Place] = []
    run: list[Place] = []
    for place in towns:
        if run and _LIST_GAP.match(text[run[-1].end : place.start]):
            run.append(place)
        else:
            run = [place]
        if len(run) > len(best):
            best = list(run)
    names = {p.name for p in best}
    return best if len(best) >= 2 and len(names) == len(best) else []


_ANAPHORA = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|their)|'s|’s)\s+"
    r"(?:(?:deadly|latest|recent|same|suicide|drone|twin|first|second|alleged|reported|"
    r"previous|earlier|double|coordinated|jihadist|massive)\s+)?$",
    re.IGNORECASE,
)


def _refers_back(text: str, sent_start: int, trigger: Trigger) -> bool:
    """'the attack', "Saturday's strikes", 'claimed the assault': told before, not new."""
    if re.match(r"\s+of\b", text[trigger.end : trigger.end + 4]):
        return False  # "the execution of 31 detainees" introduces an event
    if re.search(
        r"\bthe (?:attacks?|assaults?|incursions?|raids?|attackers|assailants)\b",
        trigger.text,
        re.I,
    ):
        return True  # "responded to the attack", "repelled the assailants"
    if trigger.category == "air_weapon" or trigger.text.lower().endswith("ed"):
        return False  # "their aircraft struck", "the army attacked": not a back-reference
    return _ANAPHORA.search(text[max(sent_start, trigger.start - 30) : trigger.start]) is not None


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3:
        return a.country == b.country
    return a.name == b.name or (a.admin2 is not None and a.admin2 == b.admin2)


@dataclass
class _Draft:
    """A report being built from one or more candidates."""

    first: Candidate
    members: list[Candidate] = field(default_factory=list)

    @property
    def place(self) -> Place | None:
        """The lead's town; later sentences only fill in when the lead names none."""
        lead = self.first.place
        if lead is not None and (lead.geo_precision or 3) <= 2:
            return lead
        return _best_place([c.place for c in self.members if c.place])

    @property
    def date(self) -> tuple[DateValue, int, int] | None:
        return next((c.date for c in self.members if c.date), None)


def _compatible(draft: _Draft, cand: Candidate) -> bool:
    if draft.date and cand.date:
        first, second = draft.date[0], cand.date[0]
        if first.date and second.date:
            window = {1: 1, 2: 7, 3: 31}[max(first.precision, second.precision)]
            if abs((first.date - second.date).days) > window:
                return False
    return _places_compatible(draft.place, cand.place)


def merge_candidates(candidates: list[Candidate], *, short: bool = False) -> list[_Draft]:
    """Group the article's candidates into drafts of reports.

    In a short text (a wire brief, an ACLED note, a snippet) there is no
    background to tell apart, so every candidate stands without an anchor.
    """
    drafts: list[_Draft] = []
    loose: list[Candidate] = []
    for cand in candidates:
        target = _merge_target(drafts, cand)
        if target is not None:
            target.members.append(cand)
        elif (cand.anchored or short) and (
            not cand.refers_back or cand.date or cand.figures or not drafts
        ):
            drafts.append(_Draft(cand, [cand]))
        else:
            loose.append(cand)
    for cand in loose:
        _lend_actors(drafts, cand)
    return drafts


def _merge_target(drafts: list[_Draft], cand: Candidate) -> _Draft | None:
    """The draft this candidate repeats or elaborates, if any."""
    for draft in reversed(drafts):
        same_type = draft.first.sub_event_type == cand.sub_event_type
        # "Five soldiers were killed." or "the attack" after the attack sentence adds to it.
        elaboration = (
            cand.only_generic
            and cand.paragraph - draft.members[-1].paragraph <= 2
            and cand.sentence - draft.members[-1].sentence <= _ELABORATION_SENTENCES
        )
        same_scene = _same_scene(draft, cand)
        if (same_type or elaboration or same_scene) and _compatible(draft, cand):
            if same_type and not cand.anchored and cand.paragraph != draft.first.paragraph:
                continue
            return draft
    return None


def _same_scene(draft: _Draft, cand: Candidate) -> bool:
    """Violence at the same town on compatible dates in one article is one incident
    told twice ("the army said it killed 203 terrorists" / "300 civilians executed")."""
    first = draft.first
    if first.event_type in _PROTEST_TYPES and cand.event_type not in {"Battles"}:
        categories = {t.category for t in cand.triggers}
        near = cand.paragraph - draft.members[-1].paragraph <= 1
        return near and categories <= _PROTEST_DETAIL
    if first.event_type in VIOLENT_TYPES and cand.sub_event_type == "Looting/property destruction":
        # "The attackers also burned shops": ACLED codes the attack, the most severe act.
        return cand.paragraph == draft.members[-1].paragraph
    if first.event_type not in VIOLENT_TYPES or cand.event_type not in VIOLENT_TYPES:
        return False
    a, b = draft.place, cand.place
    if a is None or b is None or (a.geo_precision or 3) > 2 or (b.geo_precision or 3) > 2:
        return False
    return a.name == b.name


def _lend_actors(drafts: list[_Draft], cand: Candidate) -> None:
    for draft in drafts:
        near = (
            cand.paragraph == draft.first.paragraph
            and abs(cand.sentence - draft.first.sentence) <= 2
        )
        if near and draft.first.sub_event_type == cand.sub_event_type:
            draft.members.append(cand)
            return


def _inherited_date(
    doc: ArticleDoc, ctx: ArticleContext, draft: _Draft
) -> tuple[DateValue, int, int] | None:
    """The latest adverbial date earlier in the same paragraph ("On 3 May, ... . Gunmen ...")."""
    paragraph_start = doc.sentences[_first_sentence_of_paragraph(ctx, draft.first.paragraph)][0]
    best = None
    for match in doc.of("date"):
        if paragraph_start <= match.start < draft.first.start and not match.value.attributive:
            best = (match.value, match.start, match.end)
    return best


def _first_sentence_of_paragraph(ctx: ArticleContext, paragraph: int) -> int:
    return ctx.paragraph_of.index(paragraph)


def _inherited_place(doc: ArticleDoc, ctx: ArticleContext, draft: _Draft) -> Place | None:
    paragraph_start = doc.sentences[_first_sentence_of_paragraph(ctx, draft.first.paragraph)][0]
    earlier = [
        p
        for p in doc.places
        if p.start is not None
        and paragraph_start <= p.start < draft.first.start
        and (p.geo_precision or 3) <= 2
    ]
    return earlier[-1] if earlier else None


def _merged_roles(draft: _Draft) -> Roles:
    roles = Roles()
    for member in draft.members:
        r = member.roles
        if roles.actor1 is None and r.actor1 is not None:
            roles.actor1, roles.actor1_span = r.actor1, r.actor1_span
        if roles.actor2 is None and r.actor2 is not None:
            roles.actor2, roles.actor2_span = r.actor2, r.actor2_span
        for entry in r.assoc1 + ([r.actor1] if r.actor1 else []):
            if entry.name not in {
                roles.actor1.name if roles.actor1 else None,
                *[e.name for e in roles.assoc1],
            }:
                roles.assoc1.append(entry)
        for entry in r.assoc2 + ([r.actor2] if r.actor2 else []):
            if entry.name not in {
                roles.actor2.name if roles.actor2 else None,
                *[e.name for e in roles.assoc2],
            }:
                roles.assoc2.append(entry)
    # An actor on both sides was misread on one of them: keep it as the actor.
    if roles.actor1 is not None:
        roles.assoc2 = [e for e in roles.assoc2 if e.name != roles.actor1.name]
        if roles.actor2 is not None and roles.actor2.name == roles.actor1.name:
            roles.actor2 = roles.assoc2.pop(0) if roles.assoc2 else None
    if roles.actor2 is not None:
        roles.assoc1 = [e for e in roles.assoc1 if e.name != roles.actor2.name]
    return roles


_DEFAULT_ACTOR1 = {
    "Protests": "protesters",
    "Riots": "rioters",
}


def _default_roles(roles: Roles, event_type: str, civilians: bool, ctx: ArticleContext) -> Roles:
    """ACLED's defaults: unknown attackers, civilians as victims, protesters by country."""
    registry, country = ctx.registry, ctx.country_code
    if roles.actor1 is None and event_type in _DEFAULT_ACTOR1:
        roles.actor1 = registry.generic(_DEFAULT_ACTOR1[event_type], country, ctx.country_name)
    elif roles.actor1 is None and event_type != "Strategic developments":
        frequent = ctx.frequent_actor
        if frequent is not None and (roles.actor2 is None or frequent.name != roles.actor2.name):
            roles.actor1 = frequent
        else:
            roles.actor1 = registry.generic("unidentified", country, ctx.country_name)
    if (
        roles.actor2 is None
        and civilians
        and event_type
        in {
            "Violence against civilians",
            "Explosions/Remote violence",
        }
    ):
        roles.actor2 = registry.generic("civilians", country, ctx.country_name)
    return roles


def _claims(doc: ArticleDoc, draft: _Draft) -> list[Claim]:
    claims: list[Claim] = []
    seen: set[tuple[int, str | None, str | None, str]] = set()
    for member in draft.members:
        for figure in member.figures:
            key = (figure.value, figure.claimed_by, figure.victims, figure.qualifier)
            if key in seen:
                continue
            seen.add(key)
            claims.append(
                Claim(
                    article=doc.article.id,
                    claimed_by=figure.claimed_by,
                    fatalities=figure.value,
                    qualifier=figure.qualifier,
                    quote=doc.text[member.start : member.end],
                    start=member.start,
                    end=member.end,
                    victims=figure.victims,
                )
            )
    return claims


def _evidence(doc: ArticleDoc, field_name: str, start: int, end: int) -> Evidence:
    return Evidence(doc.article.id, field_name, start, end, doc.text[start:end])


def _notes(doc: ArticleDoc, draft: _Draft) -> str:
    """The evidence sentences, at most three, in article order."""
    sentences = sorted({(m.start, m.end) for m in draft.members})[:3]
    return " ".join(re.sub(r"\s+", " ", doc.text[s:e]) for s, e in sentences)


def _confidence(
    draft: _Draft,
    date_found: bool,
    place: Place | None,
    claims: list[Claim],
    roles: Roles,
    hedged: bool,
) -> float:
    score = 0.3
    score += 0.15 if date_found else 0.0
    score += 0.15 if place is not None and (place.geo_precision or 3) <= 2 else 0.0
    score += 0.1 if claims else 0.0
    score += 0.1 if roles.actor1_span else 0.0
    score += 0.05 * min(len(draft.members) - 1, 2)
    score -= 0.15 if hedged else 0.0
    return round(max(0.05, min(0.95, score)), 2)


def _protest_roles(roles: Roles, event_type: str, ctx: ArticleContext) -> Roles:
    """Protesters (or rioters) act; named groups march with them; state forces face them."""
    kind = "rioters" if event_type == "Riots" else "protesters"
    crowd = ctx.registry.generic(kind, ctx.country_code, ctx.country_name)
    named = [e for e in [roles.actor1, *roles.assoc1, roles.actor2, *roles.assoc2] if e is not None]
    others = [e for e in named if e.kind not in {"protesters", "rioters", "civilians"}]
    state = [e for e in others if e.kind == "state"]
    result = Roles(actor1=crowd, actor1_span=roles.actor1_span if roles.actor1 is crowd else None)
    result.assoc1 = [e for e in others if e.kind != "state"]
    result.actor2 = state[0] if state else None
    return result


def _event_types(draft: _Draft) -> tuple[str, str]:
    """A protest's sub-type is how it went, over all the sentences that tell it."""
    first = draft.first
    categories = {t.category for member in draft.members for t in member.triggers}
    if first.sub_event_type == "Abduction/forced disappearance" and categories & {
        "kill",
        "civ_attack",
    }:
        return "Violence against civilians", "Attack"  # abducted, then found dead
    later = {t.category for member in draft.members[1:] for t in member.triggers}
    if first.sub_event_type == "Attack" and "clash" in later and "civ_attack" not in categories:
        return "Battles", "Armed clash"  # "village self-defence responded to the attack"
    if first.event_type not in _PROTEST_TYPES:
        return first.event_type, first.sub_event_type
    if "looting" in categories and "protest_force" not in categories:
        categories.add("protest_violent")
    sub = protest_sub_type(categories)
    return SUB_EVENT_TYPES[sub], sub


def _brief_date(doc: ArticleDoc, ctx: ArticleContext) -> tuple[DateValue, int, int] | None:
    """A dateless news brief reports what happened just before it was published.

    Only for short texts with a publication date, and with precision 2 (within
    a week): a long article without a date may be looking back, so it stays null.
    """
    if ctx.published is None or len(doc.sentences) > _SHORT_TEXT_SENTENCES:
        return None
    return DateValue(ctx.published - timedelta(days=1), None, 2, relative=True), 0, 0


def to_report(doc: ArticleDoc, ctx: ArticleContext, draft: _Draft) -> Report:
    first = draft.first
    event_type, sub_event_type = _event_types(draft)
    found_date = draft.date or _inherited_date(doc, ctx, draft) or _brief_date(doc, ctx)
    place = draft.place or _inherited_place(doc, ctx, draft)
    if place is None and ctx.country_code and ctx.geocoder is not None:
        place = ctx.geocoder.country_place(ctx.country_code)
    civilians = any(m.civilians for m in draft.members)
    roles = _merged_roles(draft)
    if event_type in _PROTEST_TYPES:
        roles = _protest_roles(roles, event_type, ctx)
    roles = _default_roles(roles, event_type, civilians, ctx)
    claims = _claims(doc, draft)
    hedged = any(m.hedged for m in draft.members)
    evidence = [_evidence(doc, "event_type", first.trigger.start, first.trigger.end)]
    if found_date and found_date[2] > found_date[1]:
        evidence.append(_evidence(doc, "event_date", found_date[1], found_date[2]))
    if place is not None and place.start is not None and place.end is not None:
        evidence.append(_evidence(doc, "location", place.start, place.end))
    for name, span in (("actor1", roles.actor1_span), ("actor2", roles.actor2_span)):
        if span:
            evidence.append(_evidence(doc, name, *span))
    value = found_date[0] if found_date else None
    actor2 = roles.actor2
    return Report(
        article=doc.article.id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        event_date=value.date.isoformat() if value and value.date else None,
        date_end=value.end.isoformat() if value and value.end else None,
        time_precision=value.precision if value and value.date else None,
        actor1=roles.actor1.name if roles.actor1 else None,
        actor2=actor2.name if actor2 else None,
        assoc_actor_1=[e.name for e in roles.assoc1],
        assoc_actor_2=[e.name for e in roles.assoc2],
        inter1=roles.actor1.inter if roles.actor1 else None,
        inter2=actor2.inter if actor2 else None,
        civilian_targeting=bool(actor2 is not None and actor2.kind == "civilians"),
        place=place,
        claims=claims,
        hedged=hedged,
        confidence=_confidence(draft, bool(found_date), place, claims, roles, hedged),
        notes=_notes(doc, draft),
        published=ctx.published.isoformat() if ctx.published else None,
        start=first.start,
        end=first.end,
        evidence=evidence,
    )


_NAMED_GROUP_KINDS = {"rebel", "political_militia", "identity_militia"}


def most_frequent_armed_actor(doc: ArticleDoc) -> Any:
    """The actor an unattributed act in this article is most likely by.

    The armed actor named most often (twice at least); failing that, the one
    named armed group when the article names exactly one ("the device was likely
    planted by JNIM"). A faction stands for its parent, as ACLED codes it.
    """
    entries = [
        getattr(m.value.entry, "coded_as", None) or m.value.entry
        for m in doc.of("actor")
        if m.value.entry.kind not in {"civilians", "protesters", "rioters"}
    ]
    counts = Counter(entry.name for entry in entries)
    if not counts:
        return None
    name, times = counts.most_common(1)[0]
    if times >= 2:
        return next(entry for entry in entries if entry.name == name)
    groups = {e.name: e for e in entries if e.kind in _NAMED_GROUP_KINDS and not e.generic}
    return next(iter(groups.values())) if len(groups) == 1 else None


def split_by_place(report: Report, places: list[Place]) -> list[Report]:
    """ACLED codes one event per location and divides a shared toll among them."""
    reports = []
    for index, place in enumerate(places):
        claims = [
            replace(
                claim,
                fatalities=claim.fatalities // len(places)
                + (claim.fatalities % len(places) if index == 0 else 0),
            )
            for claim in report.claims
        ]
        evidence = [e for e in report.evidence if e.field != "location"]
        if place.start is not None and place.end is not None:
            evidence.append(
                Evidence(
                    report.article, "location", place.start, place.end, place.mention or place.name
                )
            )
        reports.append(replace(report, place=place, claims=claims, evidence=evidence))
    return reports


def assemble(doc: ArticleDoc, ctx: ArticleContext) -> list[Report]:
    reports: list[Report] = []
    short = len(doc.sentences) <= _SHORT_TEXT_SENTENCES
    for draft in merge_candidates(build_candidates(doc, ctx), short=short):
        report = to_report(doc, ctx, draft)
        listed = draft.first.places
        reports.extend(split_by_place(report, listed) if listed else [report])
    return reports
