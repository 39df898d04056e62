"""Event candidates: the sentences of an article that may report an incident.

A sentence with an event trigger is a *candidate*: its triggers decide the ACLED
type together with who was hit; its actors get roles; its date, place and
death figures are attached. Background ("a string of raids since 2021"),
hypotheticals and events named only as a cause ("a reprisal for clashes") are
not candidates. Whether a candidate is tied to one incident (`anchored`) is
decided here too; merging candidates is drafts.py's work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any

from conflictwatch.extract import cues
from conflictwatch.extract.classify import (
    SUB_EVENT_TYPES,
    Target,
    Trigger,
    classify,
    is_protest_detail,
    without_dispersal_shots,
)
from conflictwatch.extract.dates import (
    DateValue,
    in_passing,
    later_deed_of_noun,
    modifier_participle,
    protested_cause,
)
from conflictwatch.extract.fatalities import Figure
from conflictwatch.extract.roles import (
    Roles,
    assign_roles,
    is_named_group,
    is_passive,
    only_tells,
    refers_to_attackers,
)
from conflictwatch.geo.geocoder import links_near, part_of_town
from conflictwatch.geo.normalize import name_key
from conflictwatch.model import ArticleDoc, Place
from conflictwatch.resources import load_json

# "Soldiers arrived and shot at people": the move is only how the event began.
_GENERIC_CATEGORIES = {"kill", "attack", "movement"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
PROTEST_TYPES = {"Protests", "Riots"}
# Categories that, after a protest was reported, describe how it went.
PROTEST_DETAIL = {
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
SHORT_TEXT_SENTENCES = 3
# A brief (a wire item, a coder's note) tells incidents, each standing without a
# date or toll of its own; with no date at all it tells of the day before it ran.
BRIEF_SENTENCES = 5
# How far after a report a toll or "the attack" is still read as part of it.
ELABORATION_SENTENCES = 6
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
    claims_responsibility: bool = False  # "IS claimed responsibility for the attack"
    place_aside: bool = False  # the place is only where people came from ("from Boulsa")

    @property
    def anchored(self) -> bool:
        """Tied to one incident: a date or a figure, or a town named in the lead."""
        if self.date or self.figures:
            return True
        specific_place = self.place is not None and (self.place.geo_precision or 3) <= 2
        violent = self.event_type in VIOLENT_TYPES
        return specific_place and violent and self.paragraph <= _LEAD_PARAGRAPHS

    @property
    def detail_only(self) -> bool:
        """Adds to a report told before, never starts one: how a protest was handled,
        or who claimed or denied an attack."""
        return self.claims_responsibility or is_protest_detail({t.category for t in self.triggers})

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
    likely_actors: list[Any] = field(default_factory=list)  # see likely_armed_actors
    attributed_actors: list[Any] = field(default_factory=list)  # see attributed_groups
    claimants: list[Any] = field(default_factory=list)  # see claiming_groups
    forces: list[Any] = field(default_factory=list)  # see armed_forces
    forces_hit: set[str] = field(default_factory=set)  # forces hit in the events told so far
    # Factions named, by the parent they are coded as ("JNIM": [Katiba Macina]).
    factions: dict[str, list[Any]] = field(default_factory=dict)
    paragraph_of: list[int] = field(default_factory=list)
    source_cues: frozenset[tuple[str, str]] = frozenset()  # see components.source_cues


def _lead_spans(
    text: str,
    leads: list[tuple[int, int]],
    end: int,
    stop: re.Pattern[str] = _CLAUSE_END,
    *,
    from_lead_end: bool = True,
) -> list[tuple[int, int]]:
    """Each lead (start, end) running on to the first `stop` after it, or to `end`."""
    spans = []
    for lead_start, lead_end in leads:
        found = stop.search(text, lead_end if from_lead_end else lead_start, end)
        spans.append((lead_start, found.start() if found else end))
    return spans


def cause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'a reprisal for clashes with X,' — the phrase up to the clause end."""
    return _lead_spans(text, cues.spans("cause_cues", text, start, end), end)


# "charged with murder, attempted murder and assault", "arrested two men suspected of
# killing a trader": what someone is charged with is no act the sentence reports. But
# "police were accused of using excessive violence" alleges the act itself.
_CHARGED = re.compile(
    r"\b(?:charged\s+with|convicted\s+of|confessed\s+to|sentenced\s+for|on\s+charges\s+of|"
    r"found\s+guilty\s+of|indicted\s+(?:for|on)|"
    r"(?<!was\s)(?<!were\s)(?<!been\s)(?<!being\s)(?<!is\s)(?<!are\s)"
    r"(?:accused|suspected)\s+of)\b",
    re.IGNORECASE,
)
# A charge ends where the sentence goes on: "a man accused of sorcery was beaten to death",
# "abducted two men accused of collaborating, the two were executed"; not inside a list
# of charges ("charged with murder, attempted murder, assault and drug crimes").
_CHARGE_END = re.compile(
    r"[;:()]|,(?!\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*(?:,|\s+(?:and|or)\s))"
    r"|\s(?:was|were|is|are|has|have|had|but|while|whereas|before|after|when|who|"
    r"which|then)\s",
    re.IGNORECASE,
)


def charge_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    leads = [m.span() for m in _CHARGED.finditer(text, start, end)]
    return _lead_spans(text, leads, end, _CHARGE_END)


def inside_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """start..end lies wholly inside one of the spans."""
    return any(s <= start and end <= e for s, e in spans)


def _in_sentence(items: list[Any], start: int, end: int) -> list[Any]:
    return [item for item in items if start <= item.start and item.end <= end]


_PROTEST_CATEGORIES = {"protest", "riot", "mob"}


def _is_background(
    text: str, start: int, end: int, day_known: bool, triggers: list[Trigger], short: bool
) -> bool:
    """Summaries, trends and deaths from disease or disaster are not conflict events,
    but a protest about an accident or an epidemic is a protest."""
    protest = any(t.category in _PROTEST_CATEGORIES for t in triggers)
    if not protest and _non_conflict(text, start, end, triggers):
        return True
    if all(t.category == "clash" for t in triggers) and cues.has(
        "verbal_clash_cues", text, start, end
    ):
        return True  # "clashed in a televised debate", "firefighters battled blazes"
    # "a series of drone strikes hit Kidal on Tuesday" is one incident all the same, and a
    # brief of a sentence or two has no background to set apart.
    if day_known or short:
        return False
    return cues.has("background_cues", text, start, end) or bool(
        _SINCE_YEAR.search(text, start, end)
    )


# "Since 2009, hundreds have been killed in suicide attacks": a tally, any year.
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:early|late|mid-?)\s+)?(?:19|20)\d\d\b", re.IGNORECASE)


# "In 2004, a bombing killed ...": a sentence set in a bare year, with no day or month,
# tells history or a yearly total, not an incident. (A year further in, "protested over
# the firing of policemen in 2011", only tells what the act is about.)
_IN_A_YEAR = re.compile(
    r"\s*(?:in|during|throughout|by)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)",
    re.IGNORECASE,
)
# "the 2004 bombing", "its 2012 offensive" (not "Mirage 2000 fighter jets").
_YEAR_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+(?P<year>(?:19|20)\d\d)\s+$", re.I)
# "two attacks in 2013 and 2015", "the coup of 2012": the year right after the act.
_YEAR_AFTER = re.compile(
    r"\s+(?:in|of|during)\s+(?:early\s+|late\s+|mid-?)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)",
    re.IGNORECASE,
)


def _before_a_past_year(text: str, triggers: list[Trigger], ctx: ArticleContext) -> list[Trigger]:
    """Without the acts a past year names: "the 2004 bombing that killed nine soldiers"
    and "the attack in 2015 that killed 80 people" are history, up to the clause's end
    ("after the 2011 mutiny, they held a sit-in")."""
    if ctx.published is None:
        return triggers
    kept = triggers
    for trigger in triggers:
        year = _YEAR_BEFORE.search(
            text, max(0, trigger.start - 12), trigger.start
        ) or _YEAR_AFTER.match(text, trigger.end)
        if year and int(year["year"]) < ctx.published.year:
            clause = _CLAUSE_END.search(text, trigger.end)
            stop = clause.start() if clause else len(text)
            kept = [t for t in kept if not trigger.start <= t.start < stop]
    return kept


def _told_of_a_past_year(text: str, start: int, end: int, published: date | None) -> bool:
    """The sentence opens with a year before the article's (the caller checks that it
    names no day or month besides)."""
    year = _IN_A_YEAR.match(text, start, end)
    return bool(year) and published is not None and int(year["year"]) < published.year


# "died of his wounds", "died from torture": a death from violence, not from disease.
_WOUNDS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:wounds|injuries|torture|gunshots?|bullets?)\b", re.IGNORECASE
)
# Deliberate violence by someone ("gendarmes assaulted a driver during the covid
# curfew") stays an event whatever else the sentence mentions; "targeted Russia with
# sanctions" or "the storm hit" do not count.
_DELIBERATE_ROOTS = r"attack|assault|raid|ambush|abduct|kidnapp?|clash|stabb?|tortur|execut|massacr"
_DELIBERATE = re.compile(rf"(?:{_DELIBERATE_ROOTS}|rap)ed", re.IGNORECASE)
# The same acts in any form: "an attack", "the raids", "kidnappings".
_DELIBERATE_WORD = re.compile(rf"(?:{_DELIBERATE_ROOTS})", re.IGNORECASE)


def _non_conflict(text: str, start: int, end: int, triggers: list[Trigger]) -> bool:
    """A disease, disaster or accident is what the sentence is about."""
    found = [
        (s, e)
        for s, e in cues.spans("non_conflict_cues", text, start, end)
        if not _WOUNDS_AFTER.match(text, e, end)
    ]
    if not found:
        return False
    return not any(
        _deliberate(t) and not any(s <= t.start < e or t.start <= s < t.end for s, e in found)
        for t in triggers
    )


# "an IED", "a landmine", "a roadside bomb" were laid by someone; "an explosion" may be
# an accident.
_PLANTED = re.compile(r"\bieds?\b|mines?\b|explosive devices?|bombs?\b", re.IGNORECASE)


def _deliberate(trigger: Trigger) -> bool:
    """An act of violence whatever disaster the sentence also tells: "airstrikes caused
    a wildfire", "killed by an IED, which also set the bush on fire", "herders and farmers
    clash over pasture during the drought". Rockets and missiles are left out: "sanctions
    over a missile test" is no attack."""
    if trigger.category in {"air", "suicide", "clash"}:
        return True
    if trigger.category == "ied":
        return _PLANTED.search(trigger.text) is not None
    return _DELIBERATE.fullmatch(trigger.text) is not None


# What a protest is about: "marched against the killings", "in support of the army
# fighting the rebels", "following last year's mutinies".
_GRIEVANCE_LEAD = re.compile(
    r"\b(?:against|over|following|after|in support of|supporting|denouncing|condemning|"
    r"in (?:reaction|response) to|to (?:protest|denounce|condemn|demand)|demanding)\b",
    re.IGNORECASE,
)
# "... against the fees and then clashed with the police": the crowd's own act again.
_GRIEVANCE_END = re.compile(r"[,;:()]|\s-\s|\band\s+(?:then\s+|later\s+|also\s+)?\w+ed\b")
# How the crowd and the police acted stays whatever the protest was about. Not "mob":
# "against the lynching of a trader", "the release of vigilantes" name the grievance.
_CROWD_DETAIL = {
    "protest",
    "riot",
    "protest_violent",
    "protest_intervention",
    "protest_force",
    "looting",
}


def grievance_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'protested against the killing of two traders' — the grievance, not an event."""
    leads = [m.span() for m in _GRIEVANCE_LEAD.finditer(text, start, end)]
    # "marched to commemorate the protesters killed in Niamey": another event.
    leads += cues.spans("commemoration_leads", text, start, end)
    return _lead_spans(text, leads, end, _GRIEVANCE_END)


# "..., the army said its helicopters intervened and routed the assailants
# (intervention coded separately)": the clause tells an event the coder counts apart.
_CODED_APART = re.compile(r"\s*\((?:[\w-]+\s+){0,3}coded\s+(?:separately|apart)\)", re.IGNORECASE)
_CLAUSE_OPENER = re.compile(r"[,;:]|\b(?:after|when|while|before|then)\b", re.IGNORECASE)


def coded_apart_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses a note says are coded as an event of their own; never a whole sentence."""
    spans = []
    for found in _CODED_APART.finditer(text, start, end):
        openers = list(_CLAUSE_OPENER.finditer(text, start, found.start()))
        if openers:
            spans.append((openers[-1].end(), found.end()))
    return spans


def hypothetical_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'if attacked', 'threatened to attack': what follows the cue did not happen."""
    leads = cues.spans("hypothetical_cues", text, start, end)
    return _lead_spans(text, leads, end, from_lead_end=False)


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
# "Fired gunshots in the air": a warning or intimidation, no one shot at.
_WARNING_SHOTS = re.compile(
    r"\b(?:fir(?:ed|ing)|shooting|shot)\s+(?:[\w-]+\s+){0,3}?(?:in|into)\s+the\s+air\b"
    r"|\b(?:gun)?shots?\s+(?:were\s+|was\s+)?fired\s+(?:in|into)\s+the\s+air\b",
    re.IGNORECASE,
)


def _people_hurt(text: str, start: int, end: int) -> bool:
    """Someone was shot at, wounded or beaten; shots in the air hurt no one."""
    return _PEOPLE_HURT.search(_WARNING_SHOTS.sub(" ", text[start:end])) is not None


_UNDERGONE = re.compile(
    r"\b(?:subjected to|came under|come under|targeted by|hit by|(?:the )?target of|victims? of)"
    r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A headline drops the "was": "army post attacked by gunmen", "checkpoint attacked
# overnight". A participle with no object after it, only an agent or a time, is passive.
_NO_OBJECT_AFTER = re.compile(
    r"\s*(?:$|[,;:.(]|-|–|by\b|overnight\b|around\b|at\b(?! least)|on\b|in\b|near\b|last\b|"
    r"early\b|late\b|this\b|yesterday\b|today\b|again\b|twice\b)",
    re.IGNORECASE,
)
_ATTACKER_NOUNS = re.compile(
    r"\b(?:gunmen|assailants|attackers|militants|jihadists|terrorists|insurgents|rebels|"
    r"bandits|fighters|armed men|individuals|elements)\b",
    re.IGNORECASE,
)


# "... killed by Dozo hunters", "shot dead at his home by gunmen": the agent of a
# passive verb.
_AGENT = re.compile(r"\bby\b.*", re.IGNORECASE | re.DOTALL)


def _side(mention: Any) -> str:
    """A faction and its parent are one side: "Katiba Macina (JNIM)"."""
    coded = getattr(mention.entry, "coded_as", None) or mention.entry
    return str(coded.name)


def _names_group(text: str, mention: Any, named: list[Any]) -> bool:
    """A generic noun right after a group's name is that group: "JNIM militants"."""
    if not mention.entry.generic:
        return False
    return any(
        0 <= mention.start - m.end <= 3 and not text[m.end : mention.start].strip(" ()")
        for m in named
    )


# "Three soldiers and a civilian were killed": the subject of a passive verb runs back
# over "and" between nouns; a clause break or a finite verb before "and" ends it.
_PASSIVE_SUBJECT_START = re.compile(
    r".*(?:[,;:]|\b(?:but|when|after|while|where)\b|\b\w+ed\s+and\b)", re.DOTALL
)


def _passive_subject(text: str, sent_start: int, trigger: Trigger) -> str:
    window = text[max(sent_start, trigger.start - 80) : trigger.start]
    clause = _PASSIVE_SUBJECT_START.match(window)
    return window[clause.end() :] if clause else window


def _headline_passive(text: str, sent_start: int, trigger: Trigger, end: int) -> bool:
    """'FAMa checkpoint attacked overnight': a post as subject, no object after the verb."""
    if trigger.category != "attack" or not trigger.text.lower().endswith("ed"):
        return False  # "killed" is too often active with a toll after it
    if not _NO_OBJECT_AFTER.match(text[trigger.end : end]):
        return False
    subject = _subject_text(text, sent_start, trigger)
    # "Gunmen attacked on Monday" is active all the same: the attackers are the subject.
    return cues.has("armed_target_nouns", subject) and not _ATTACKER_NOUNS.search(subject)


def _victims_text(text: str, sent_start: int, trigger: Trigger, end: int) -> str:
    """The trigger's object, or its subject when the verb is passive."""
    victims = _object_text(text, trigger, end)
    before = text[max(sent_start, trigger.start - 25) : trigger.start]
    if (
        is_passive(text, sent_start, trigger.start)
        or _UNDERGONE.search(before)
        or _headline_passive(text, sent_start, trigger, end)
    ):
        # "soldiers were killed", "the MINUSMA camp came under attack": the subject was
        # hit; "by Dozo hunters" after the verb names who did it, not who was hit.
        victims = _passive_subject(text, sent_start, trigger) + " " + _AGENT.sub("", victims)
    return victims


# One soldier or a group's convoy hit is a fight all the same: "a soldier was killed",
# "a MINUSMA convoy was ambushed" (the cue list holds the plural nouns).
_ARMED_VICTIM = re.compile(
    r"\b(?:soldier|gendarme|policem[ae]n|guardsm[ae]n|national guards?|republican guards?|"
    r"peacekeeper|militiam[ae]n|combatants?|fighter(?! jets?)|rangers?|forest (?:agents?|guard)|"
    r"(?<!school )(?<!civilian )(?:security |body)?guard|"
    r"(?:supply|military|army|logistics?) convoys?|"
    r"supply (?:mission|vehicles?|trucks?))\b",
    re.IGNORECASE,
)


def _names_armed(text: str, mentions: list[Any], victims: str) -> bool:
    """An armed group or force named among those hit: "a MINUSMA vehicle was targeted";
    not "killed by unknown gunmen", who did it."""
    hit = _AGENT.sub("", victims)
    return any(
        (m.entry.kind == "state" or is_named_group(m.entry))
        and not m.entry.generic
        and text[m.start : m.end] in hit
        for m in mentions
    )


# ACLED codes soldiers off duty, on leave or retired, former fighters ("a former rebel
# commander"; not "former rebels", the registry's name for the signatory movements) and
# unarmed suspects as civilians.
_OFF_DUTY = re.compile(
    r"\b(?:off[- ]duty|retired|unarmed|former|ex-)\s*(?:[\w-]+\s+){0,2}?(?:soldiers?|policem[ae]n|"
    r"police officers?|gendarmes?|(?:national )?guards?|guardsm[ae]n|militiam[ae]n|"
    r"peacekeepers?|officers?|individuals?|men|fighters?|leaders?|members?|"
    r"combatants?|commanders?)\b"
    r"|\b(?:soldiers?|policem[ae]n|gendarmes?|guards?|guardsm[ae]n|militiam[ae]n|"
    r"peacekeepers?|officers?|fighters?)\s+(?:[\w-]+\s+)?"
    r"(?:on\s+(?:leave|a family visit)|off[- ]duty)\b",
    re.IGNORECASE,
)


# "an informant of the army", "a subcontractor for the forces": civilians who serve them.
_SERVANTS = r"informants?|informers?|(?:sub)?contractors?|guides?|suppliers?|collaborators?|spies"
_WORKS_FOR_FORCES = re.compile(rf"\b(?:{_SERVANTS})\b", re.IGNORECASE)


# A post with no one in it, or a station that is no post: what was hit is property.
_NO_ONE_INSIDE = re.compile(
    r"\b(?:abandoned|empty|deserted|unmanned|unoccupied|vacant|disused|former)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:station|post|camp|base|checkpoint|barracks|gendarmerie|"
    r"headquarters|outpost|position)s?\b"
    r"|\b(?:gas|petrol|fuel|filling|service|radio|bus|pumping|power|weather)\s+stations?\b",
    re.IGNORECASE,
)
# "attacked the police station while it was unmanned": no one was there to fight.
_LEFT_EMPTY = re.compile(
    r"\b(?:while|when|as|which|that)\s+(?:it|they|the\s+\w+)\s+(?:was|were|had\s+been)\s+"
    r"(?:\w+ly\s+)?(?:unmanned|empty|deserted|abandoned|unoccupied|vacant)\b",
    re.IGNORECASE,
)


def _empty_post(text: str, start: int, end: int, victims: str) -> bool:
    """A post, station or camp was hit with no one in it (property destruction)."""
    if _LEFT_EMPTY.search(text, start, end):
        return cues.has("armed_target_nouns", victims)
    return _NO_ONE_INSIDE.search(victims) is not None


# "a MINUSMA subcontractor convoy", "a UN-chartered supply truck": civilians hired by a
# force, with the force's name and the convoy they drive.
_CONTRACTED = re.compile(
    r"(?:\b[\w-]+[- ])?\b(?:sub-?)?contract(?:ors?|ed)\b(?:\s+[\w-]+){0,3}"
    r"|\b[\w-]+-(?:chartered|contracted|hired)\b(?:\s+[\w-]+){0,3}",
    re.IGNORECASE,
)


# "informants of the defense and security forces": the forces they serve are not hit.
_SERVES_FORCES = re.compile(
    rf"\b(?:{_SERVANTS})\s+"
    r"(?:of|for|to|with|working for)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:forces|army|armed forces|soldiers|military|troops|FDS|FAMa)\b",
    re.IGNORECASE,
)


# "the corpse of an individual killed by militants", "(a man killed) by militants": the
# killers, not those hit.
_KILLED_BY = re.compile(
    r"(?:^\s*|\b(?:killed|murdered|executed|shot(?:\s+dead)?|slain|assassinated|beheaded)\s+)"
    r"by\b.*",
    re.IGNORECASE | re.DOTALL,
)


def _hits_armed(text: str, victims: str, mentions: list[Any]) -> bool:
    """Soldiers, a post or a named armed group among those hit, not off duty."""
    victims = _NO_ONE_INSIDE.sub(" property ", _OFF_DUTY.sub(" civilians ", victims))
    victims = _SERVES_FORCES.sub(" civilians ", _CONTRACTED.sub(" civilians ", victims))
    victims = _KILLED_BY.sub("", victims)
    return (
        cues.has("armed_target_nouns", victims)
        or _ARMED_VICTIM.search(victims) is not None
        or _names_armed(text, mentions, victims)
    )


def _fighters_executed(
    text: str, sent_start: int, end: int, triggers: list[Trigger], mentions: list[Any]
) -> bool:
    """'executed a JNIM member': an execution whose victims are armed, not civilians.
    'prisoners executed by soldiers' names the killers after the verb, not victims, and
    'a video of the execution of three soldiers' tells of an act, not a fight."""
    executions = [
        t for t in triggers if t.category == "civ_attack" and t.text.lower() == "executed"
    ]
    return _armed_victims(text, sent_start, end, executions, mentions)


def _fighters_abducted(
    text: str, sent_start: int, end: int, triggers: list[Trigger], mentions: list[Any]
) -> bool:
    """'abducted two militiamen': armed people taken. Only the object of an active verb
    counts: 'guards were abducted by terrorists' is told as a kidnapping, no fight."""
    abductions = [
        t
        for t in triggers
        if t.category == "abduction" and not is_passive(text, sent_start, t.start)
    ]
    return _armed_victims(text, sent_start, end, abductions, mentions)


def _armed_victims(
    text: str, sent_start: int, end: int, triggers: list[Trigger], mentions: list[Any]
) -> bool:
    """Armed people, and no civilians, are what one of the triggers was done to."""
    for trigger in triggers:
        victims = _AGENT.sub("", _victims_text(text, sent_start, trigger, end))
        civilians = cues.has("civilian_nouns", victims) or _WORKS_FOR_FORCES.search(victims)
        if _hits_armed(text, victims, mentions) and not civilians:
            return True
    return False


# "killed in attacks on a gendarmerie school": the force is what was attacked.
_ATTACKED_BEFORE = re.compile(
    r"\b(?:on|against|targeting|targeted)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _unarmed_body(text: str, start: int, end: int) -> bool:
    """The actor is named as civilians, aid workers or an aid body ("the ICRC")."""
    return cues.cue("civilian_nouns").fullmatch(text, start, end) is not None


def _hired(text: str, sent_start: int, end: int, span: tuple[int, int]) -> bool:
    """The force is named only as the one that hired the victims: "a MINUSMA contractor"."""
    return any(
        m.start() <= span[0] and span[1] <= m.end()
        for m in _CONTRACTED.finditer(text, max(sent_start, span[0] - 20), end)
    )


_UNARMED_KINDS = frozenset({"civilians", "protesters", "rioters"})


def _target(
    text: str, sent_start: int, trigger: Trigger, end: int, actors: list[Any], roles: Roles
) -> Target:
    """Who was hit: the trigger's object, or its subject when the verb is passive."""
    victims = _victims_text(text, sent_start, trigger, end)
    # The Red Cross or a UN agency is coded among foreign forces, but is unarmed.
    armed = [
        m
        for m in actors
        if m.entry.kind not in _UNARMED_KINDS
        and not _unarmed_body(text, m.start, m.end)
        and not only_tells(text, sent_start, m, trigger.end)
    ]
    armed_mentions = armed
    # "JNIM militants killed three youths; the assailants also seized a tricycle": with
    # a named group in the sentence, "the assailants" are that group.
    named = [m for m in armed if is_named_group(m.entry)]
    armed_sides = {
        _side(m)
        for m in armed
        if not (named and (refers_to_attackers(text, m) or _names_group(text, m, named)))
    }
    target_kind = getattr(roles.actor2, "kind", None)
    if roles.actor2_span is not None and (
        _unarmed_body(text, *roles.actor2_span) or _hired(text, sent_start, end, roles.actor2_span)
    ):
        target_kind = "civilians"
    off_duty = _OFF_DUTY.search(victims) is not None
    civilians = cues.has("civilian_nouns", victims) or target_kind == "civilians" or off_duty
    empty_post = _empty_post(text, sent_start, end, victims)
    hits_armed = _hits_armed(text, victims, armed_mentions)
    # "A nurse was killed when gunmen opened fire": the victims named are civilians,
    # whatever armed actor the roles put second.
    span = roles.actor2_span
    named_civilians = (
        civilians
        and not hits_armed
        and span is not None
        and text[span[0] : span[1]] not in victims
        and not _ATTACKED_BEFORE.search(text, max(sent_start, span[0] - 50), span[0])
    )
    armed = not empty_post and (
        hits_armed
        or (
            target_kind not in {None, "civilians", "protesters"}
            and not off_duty
            and not named_civilians
        )
    )
    state_actor = getattr(roles.actor1, "kind", None) == "state"
    return Target(
        civilians=civilians,
        armed=armed,
        armed_sides=len(armed_sides),
        state_actor=state_actor,
        actor_known=roles.actor1 is not None,
        people_hurt=_people_hurt(text, sent_start, end),
        empty_post=empty_post,
    )


# "killed", "shooting", "shot dead": a verb; "an attack on the base" names an event.
_VERB_FORM = re.compile(r"(?:ed|ing|dead|down)$", re.IGNORECASE)
# "Dozens killed in an attack on an army base": with no civilians named among the dead,
# the attack the deaths happened in names who was hit after it.
_IN_THE_NOUN = re.compile(r"\bin\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_NOUN_WITH_TARGET = re.compile(r"\s+(?:on|against|targeting)\b", re.IGNORECASE)


def _noun_with_target(text: str, sent_start: int, trigger: Trigger) -> bool:
    return (
        _IN_THE_NOUN.search(text, max(sent_start, trigger.start - 30), trigger.start) is not None
        and _NOUN_WITH_TARGET.match(text, trigger.end) is not None
        and not cues.has("civilian_nouns", text, sent_start, trigger.start)
    )


def _hit_later(
    text: str, sent_start: int, end: int, triggers: list[Trigger], target: Target
) -> Target:
    """'attacked the village and killed a self-defence member': armed people among those
    hit by a later verb make the attack a fight with them."""
    if target.armed:
        return target
    armed = any(
        _hits_armed(text, _victims_text(text, sent_start, t, end), [])
        for t in triggers
        if t.category in {"kill", "attack"}
        and (_VERB_FORM.search(t.text) or _noun_with_target(text, sent_start, t))
    ) or any(_wounds_armed(t) for t in triggers)
    return replace(target, armed=True) if armed else target


# Who takes ground, named by a common noun: the state's forces or anyone else.
_STATE_TAKERS = re.compile(
    r"\b(?:soldiers|troops|troopers|army|armed forces|(?<!pro-)government forces|"
    r"security forces|police|gendarmes)\b",
    re.IGNORECASE,
)
_OTHER_TAKERS = re.compile(
    r"\b(?:militants|jihadists|terrorists|insurgents|rebels|separatists|opposition|"
    r"fighters|militias?|militiamen)\b",
    re.IGNORECASE,
)


def _taker_named(text: str, sent_start: int, triggers: list[Trigger], target: Target) -> Target:
    """'An army spokesman said militants took the base', 'opposition fighters retook the
    town': the noun that names the side taking ground decides between the state
    regaining it and anyone else overtaking it, over an actor named elsewhere."""
    taking = next((t for t in triggers if t.category in {"regain", "overtake"}), None)
    if taking is None:
        return target
    # The verb's own clause first; "fighters advanced and retook" has its subject before.
    subject = _subject_text(text, sent_start, taking)
    for words in (subject, text[sent_start : taking.start]):
        state, other = _STATE_TAKERS.search(words), _OTHER_TAKERS.search(words)
        if state or other:
            is_state = state is not None and (other is None or state.start() < other.start())
            return replace(target, state_actor=is_state, actor_known=True)
    return target


_WOUNDED = re.compile(r"^(?:wound|injur)\w*\s(?!.*\bby\b)|\s(?:wounded|injured)$", re.IGNORECASE)


def _wounds_armed(trigger: Trigger) -> bool:
    """A trigger that holds its own victims: "wounded six soldiers", "a soldier was
    injured"; not "injured by soldiers", who did it."""
    return (
        trigger.category == "attack"
        and _WOUNDED.search(trigger.text) is not None
        and _hits_armed(trigger.text, trigger.text, [])
    )


def best_place(
    places: list[Place], text: str = "", aside: list[tuple[int, int]] | None = None
) -> Place | None:
    """Where the sentence's event happened: a town outside the `aside` spans (see
    aside_spans), not one people went to or came from ("taken to a hospital in
    Ouagadougou") nor the far end of a pair ("between Boni and Hombori"), the most
    precise, the surer one, then the first named."""
    if not places:
        return None
    spans = aside or []

    def key(place: Place) -> tuple[float, ...]:
        start = place.start or 0
        elsewhere = inside_spans(spans, start, place.end or start)
        went = bool(text) and (
            _ELSEWHERE_BEFORE.search(text[max(0, start - 60) : start]) is not None
            or _second_of_pair(text, place, places)
            or _landmark(text, place, places)
            or part_of_town(text, place.end or start)
        )
        precision = place.geo_precision or 3
        # A town aside still beats a region or country: it is the nearer guess, as a
        # region is than its country. Then confidence in tenths: a clearly surer
        # place wins, near-ties go to the first.
        return (
            precision >= 3,
            elsewhere,
            bool(went),
            precision,
            place.feature_code == "PCLI",
            -round(place.score or 0.0, 1),
            start,
        )

    best = min(places, key=key)
    if best.feature_code == "PCLI" and inside_spans(spans, best.start or 0, best.end or 0):
        # "a convoy of a mining company operated by China": a country named only for
        # whose property was hit is no setting; the paragraph's town may be.
        return None
    return best


# Places people went to or came from, not where the event happened; "a step closer
# to the capital", "a key route to Bamako" name a place only to compare.
_ELSEWHERE_BEFORE = re.compile(
    r"\b(?:(?:fled|withdrew|retreated|evacuated|taken|transferred|transported|airlifted|"
    r"brought|returned|returning|heading|headed|moved|went|going|coming|came|travell?ing|"
    r"leave|leaving|left|"
    r"travell?ed|flown|rushed|escaped|deported|expelled|sent|evacuation|advance|advancing|"
    r"deployed|dispatched|took\s+off|flew|"
    r"advanced|detour|led|destined|bound|intended)\s+(?:back\s+)?"
    r"(?:to|towards?|from|for)|hospital\s+(?:in|at|of)|(?:residents?|natives?|people)\s+of|"
    r"on\s+(?:their|its|his|the)\s+way\s+(?:to|from)|road\s+to|(?:closer|nearer)\s+to|"
    r"routes?\s+to)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?$",
    re.IGNORECASE,
)
# "between Boni (Douentza, Mopti) and Hombori", "the Gao-Gossi axis": ACLED codes a
# stretch of road to the first town named.
_PAIR_GAP = re.compile(
    r"(?:\s*[(\[][^()\[\]]{0,80}[)\]]|\s+in\s+[A-Z][\w'’-]*){0,2}\s*(?:and|&|-|–)\s*$"
)
_PAIR_START = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w'’-]+\s+(?:of\s+)?)?$", re.IGNORECASE)
_PAIR_ROAD_AFTER = re.compile(r"\s+(?:axis|road|highway|route|stretch|section)\b", re.IGNORECASE)


def _landmark(text: str, place: Place, places: list[Place]) -> bool:
    """The Agadez of "the Ighayen area near Agadez": named to say where the other is.
    After a comma ("Didi, 7 km from Ber", "between Gao and Kidal, near Anefis") the
    second place is as often the one ACLED codes, so the rule stays out of it."""
    start = place.start
    if start is None:
        return False
    return any(
        other.end is not None
        and 0 <= start - other.end <= 60
        and "," not in text[other.end : start]
        and links_near(text, other.end, start)
        for other in places
    )


def _second_of_pair(text: str, place: Place, places: list[Place]) -> bool:
    """The second town of "between X and Y" or of an "X-Y axis"."""
    start = place.start
    if start is None:
        return False
    for first in places:
        if first.start is None or first.end is None or not 0 <= start - first.end <= 90:
            continue
        if not _PAIR_GAP.match(text[first.end : start]):
            continue
        between = _PAIR_START.search(text[max(0, first.start - 40) : first.start])
        if between or _PAIR_ROAD_AFTER.match(text, place.end or start):
            return True
    return False


@cache
def _origin() -> re.Pattern[str]:
    """'a doctor from Timbuktu', 'traders from the Bobo community', 'militants with bases
    in Afghanistan': where people come from or are based, up to the name (group "who" is
    the people)."""
    data = load_json("lexicon/cues.json")
    people = cues.alternation(data["person_nouns"] + data["singular_person_nouns"])
    return re.compile(
        rf"(?<![\w-])(?P<who>{people})\s+(?:(?:originally\s+)?(?:hailing\s+)?from|"
        r"(?:based|operating|hiding|sheltering)\s+(?:in|from)|"
        r"with\s+(?:(?:rear\s+)?bases|hideouts|sanctuaries|safe\s+havens)\s+in)\s+"
        r"(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,2}?[A-ZÀ-Þ][\w'’-]*(?-i:(?:\s+[A-ZÀ-Þ][\w'’-]*)*)",
        re.IGNORECASE,
    )


@cache
def _office_titles() -> str:
    """The regex alternation of cues.json's office titles ("mayor", "councilman")."""
    return cues.alternation(load_json("lexicon/cues.json")["office_titles"])


@cache
def _office() -> re.Pattern[str]:
    """'the mayor of Kareri', 'the Cherif of Nioro': a title, not where it happened."""
    return re.compile(
        rf"(?<![\w-])(?:{_office_titles()})(?:['’]s\s+office)?\s+of\s+(?:the\s+)?"
        r"(?:[a-z][\w'’-]*\s+){0,2}?[A-ZÀ-Þ][\w'’-]*",
        re.IGNORECASE,
    )


@cache
def _attributive() -> re.Pattern[str]:
    """'a Sarakolo councilman', 'the Dembeli village chief': the place says whose official
    the person is, not where the event happened (the sentence may say that too)."""
    return re.compile(
        r"(?<![\w-])(?i:a|an|the)\s+[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)?\s+"
        rf"(?:[a-z][\w-]*\s+){{0,2}}?(?i:{_office_titles()})(?![\w-])"
    )


# "died on Dec 5 in a Bamako hospital", "treated at a hospital in Ouagadougou": where
# the wounded were cared for, not where they were hit.
_HOSPITAL = re.compile(
    r"\b(?:in|at|to)\s+(?:a|an|the)?\s*(?:[A-ZÀ-Þ][\w'’-]*\s+){1,2}(?:\w+\s+)?hospitals?\b"
    r"|\bhospitals?\s+(?:in|at|of)\s+(?:the\s+)?[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)?",
)


def aside_spans(
    text: str, start: int, end: int, event_type: str, trigger: Trigger
) -> list[tuple[int, int]]:
    """Parts of a sentence whose places are not the event's setting: where people
    come from ("the clinic of a doctor from Timbuktu"), whose property was hit ("a
    vehicle belonging to the NGO directorate of Kidal"), what a protest is about
    ("marched in Kidal to demand the release of fighters detained in Bamako", "after
    an accord was signed in Algiers, demonstrators rallied")."""
    protest = event_type in PROTEST_TYPES
    grievances = grievance_spans(text, start, end) if protest else []
    spans = [
        match.span()
        for match in _origin().finditer(text, start, end)
        # "students from Zorgho began a strike": a crowd marches where it lives, unless
        # the sentence says where it marched ("displaced people from Arbinda rallied
        # in Djibo"; not "against fees set in Ouagadougou").
        if not (
            protest
            and cues.has("crowd_nouns", match.group("who"))
            and not _gathered_in(text, match.end(), end, grievances)
        )
    ]
    spans += [m.span() for m in _office().finditer(text, start, end)]
    spans += [m.span() for m in _attributive().finditer(text, start, end)]
    spans += [m.span() for m in _HOSPITAL.finditer(text, start, end)]
    for kind in ("owner_leads", "road_leads"):
        spans += _lead_spans(text, cues.spans(kind, text, start, end), end)
    spans += hypothetical_spans(text, start, end)  # "planned attacks in Abidjan"
    if protest:
        for s, e in grievances:
            # "against the French presence Wednesday in Bamako", "against the events in
            # Gao took place in Bamako": the day or verb goes back to the protest, and so
            # does the place after it.
            back = _BACK_TO_PROTEST.search(text, s, e)
            if not s <= trigger.start < e:
                spans.append((s, back.start() if back else e))
    return spans


def _gathered_in(text: str, start: int, end: int, grievances: list[tuple[int, int]]) -> bool:
    """The sentence says where a crowd gathered ("rallied in Djibo"), outside what it
    protested about."""
    return any(
        not inside_spans(grievances, match.start(), match.end())
        for match in _IN_PLACE.finditer(text, start, end)
    )


# "in Djibo", "at the town hall of Djibo": where a crowd gathered.
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+(?:of\s+)?){0,3}?[A-ZÀ-Þ]")

_BACK_TO_PROTEST = re.compile(
    r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
    r"today)\b|\bbut\b|\b(?:took|takes)\s+place\b|"
    r"\b(?:was|were)\s+(?:held|staged|organi[sz]ed|reported|observed)\b",
    re.IGNORECASE,
)


_SPEECH_DATE = re.compile(
    r"\b(?:said|says|told|confirmed|announced|reported|published|released|stated|added|"
    r"toll|statement|report|claimed|denied|saying)\W+(?:\w+\W+){0,2}(?:on|in|last)?\s*$",
    re.IGNORECASE,
)


# "As reported on 2 April, gunmen abducted ...": a brief with no other date is dated by
# its report, as ACLED dates it, rather than by the day before publication.
_REPORT_DATES_IT = re.compile(r"(?:\bas\s+|^\W*)reported\s+on\s+$", re.IGNORECASE)


_SPEECH_AFTER = re.compile(
    r"^,?\s+(?:\w+\s+){0,4}(?:said|says|claimed|announced|reported|told|confirmed|denied|stated)\b"
    r"|^,\s+(?:put|gave|estimated|counted|published)\s+the\s+(?:number|toll|figure|death toll)",
    re.IGNORECASE,
)


def _sentence_date(
    text: str, dates: list[Any], triggers: list[Trigger], sent_start: int = 0
) -> tuple[DateValue, int, int] | None:
    """The date of the incident; not "said on Tuesday" (when it was told) nor "a January raid"."""
    for match in dates:
        value: DateValue = match.value
        if value.ahead:
            continue  # "a march planned for 30 March" read on 27 March: not yet happened
        if value.attributive and not any(0 <= t.start - match.end <= 2 for t in triggers):
            continue
        # Only this sentence's words: "... Watch said. On 18 January, ..." is an event date.
        before = text[max(sent_start, match.start - 40) : match.start]
        if _SPEECH_DATE.search(before) and not _REPORT_DATES_IT.search(before):
            continue
        after = text[match.end : match.end + 45]
        if (
            value.end is None
            and _SPEECH_AFTER.match(after)
            and (not after.startswith(",") or not any(t.start < match.start for t in triggers))
        ):
            # "On Thursday(,) the group claimed the attack": when it was said; but in
            # "killed nine in Djibo on Tuesday, an official said" the day is the killing's,
            # and a statement is not made over days ("On 19 and 20 May, the army claimed").
            continue
        if in_passing(text, sent_start, match.start):
            continue  # "in response to the attack on 17 June": the cause's day
        if dates_protested_cause(text, sent_start, match.start, triggers):
            continue  # "protested following the repression on Tuesday": the repression's
        if _told_after_event(text, sent_start, match.start, match.end, triggers):
            continue  # "freed the hostages taken on 17 May": when they were taken
        return value, match.start, match.end
    return None


def dates_protested_cause(text: str, sent_start: int, start: int, triggers: list[Trigger]) -> bool:
    """The date at `start` follows what a crowd protests: the cause's day, not the protest's."""
    return any(
        t.category in _PROTEST_CATEGORIES and protested_cause(text, t.end, start)
        for t in triggers
        if sent_start <= t.start and t.end <= start
    )


def _told_after_event(
    text: str, sent_start: int, start: int, end: int, triggers: list[Trigger]
) -> bool:
    """The date is in a participle phrase after the sentence's event verb ("killed a
    hostage captured in 2012"), so it is when the noun before it was captured; or the
    phrase's noun is told of for a later deed ("freed", "were found")."""
    participle = modifier_participle(text, sent_start, start)
    if participle is None:
        return False
    return any(
        sent_start <= t.start < participle and t.text.lower().endswith("ed") for t in triggers
    ) or later_deed_of_noun(text, sent_start, participle, end)


# "burned French flags", "torched images of the president": a symbol, not property.
_SYMBOL_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:flags?|effig(?:y|ies)|images?|portraits?|pictures?|photos?|"
    r"posters?|caricatures?|banners?)\b",
    re.IGNORECASE,
)
# The verb alone, or with the crowd before it ("demonstrators torched").
_BURNED = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?:burn(?:ed|t|ing)|torch(?:ed|ing)|set (?:fire|alight|ablaze))",
    re.IGNORECASE,
)


def _symbols_burned(text: str, trigger: Trigger) -> bool:
    """A flag or a portrait burned at a protest: its message, not destruction."""
    return (
        trigger.category in {"looting", "protest_violent"}
        and _BURNED.fullmatch(trigger.text) is not None
        and _SYMBOL_AFTER.match(text, trigger.end) is not None
    )


def _denied(text: str, start: int, trigger: Trigger) -> bool:
    """'No mentioned clash', 'without any fighting': a fight the sentence says did not
    happen (a denial told with a transfer of territory is classify's)."""
    if trigger.category != "clash":
        return False
    before = text[max(start, trigger.start - 40) : trigger.start]
    negation = cues.cue("negations").pattern
    return re.search(rf"(?:{negation})\s+(?:any\s+|an?\s+)?$", before, re.IGNORECASE) is not None


# Commas and "and" run through a list of things seized; these end the clause.
_CLAUSE_BREAK = re.compile(r"[;:.]|\b(?:but|when|after|while|where|by|struck|hit)\b")


# Explosives a sentence may list among things carried or seized.
_HELD_WEAPONS = {"ied", "grenade"}


def _weapon_held(text: str, start: int, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """'Killed a militant equipped with an IED', 'seized motorbikes and IEDs', 'seized
    two rifles, a grenade': the bomb was carried or taken, not set off; the sentence's
    fight or killing is the event."""
    if trigger.category not in _HELD_WEAPONS or not any(
        t.category in {"kill", "clash", "attack"} for t in triggers
    ):
        return False
    before = text[max(start, trigger.start - 70) : trigger.start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return cues.has("weapon_possession", clause)


# Weapons a sentence may name without their being used: "missiles", "jets".
_WEAPON_NOUNS = {"shelling", "air_weapon"}


def _weapons_not_fired(
    text: str, start: int, end: int, triggers: list[Trigger], figures: list[Figure]
) -> bool:
    """'Obama's failure to sell Patriot missiles', 'jets flew in a two-day exercise',
    'a test at its missile launch site': weapons traded, tested or paraded, with no
    one attacked or killed in the sentence."""
    if not any(t.category in _WEAPON_NOUNS for t in triggers):
        return False
    if any(t.category not in _WEAPON_NOUNS for t in triggers) or any(f.value for f in figures):
        return False
    return cues.has("weapons_not_fired", text, start, end)


def _crowd_damage(text: str, start: int, triggers: list[Trigger]) -> list[Trigger]:
    """'Students ransacked the rectorate', 'the local population burned the town hall':
    unorganised people destroying property riot, whether or not a protest is named.
    Gunmen, soldiers or a militia doing the same stay property destruction."""
    if any(t.category in _CROWD_HARM for t in triggers):
        return []
    for trigger in triggers:
        if trigger.category != "looting":
            continue
        subject = _subject_text(text, start, trigger)
        armed = (
            _ATTACKER_NOUNS.search(subject)
            or cues.has("armed_target_nouns", subject)
            or re.search(r"\barmed\b", subject, re.IGNORECASE)  # "armed youths"
        )
        if cues.has("crowd_nouns", subject) and not armed:
            return [Trigger("riot", trigger.start, trigger.end, trigger.text)]
    return []


# A crowd that kills, abducts or already riots is decided on those triggers.
_CROWD_HARM = {"kill", "civ_attack", "abduction", "sexual", "riot", "mob", "protest"}


# "called for his return in rallies held in Mopti": the rallies are where the call was
# made, so they took place, unlike the protests of "called for protests on Friday".
_SETTING_BEFORE = re.compile(
    r"\b(?:in|at|during)\s+(?:(?:a|an|the|their|his|her|its)\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _setting_of_call(text: str, sent_start: int, trigger: Trigger) -> bool:
    before = text[max(sent_start, trigger.start - 40) : trigger.start]
    return trigger.category == "protest" and _SETTING_BEFORE.search(before) is not None


def _sentence_triggers(
    doc: ArticleDoc, start: int, end: int, figures: list[Figure]
) -> list[Trigger]:
    text = doc.text
    masked = cause_spans(text, start, end) + hypothetical_spans(text, start, end)
    triggers = [t.value for t in _in_sentence(doc.of("trigger"), start, end)]
    triggers += _towns_taken(doc, start, end, triggers)
    apart = coded_apart_spans(text, start, end)
    if any(not inside_spans(apart, t.start, t.end) for t in triggers):
        masked += apart  # the rest of the sentence still tells an event
    triggers = [
        t
        for t in triggers
        if (not inside_spans(masked, t.start, t.end) or _setting_of_call(text, start, t))
        and not _denied(text, start, t)
    ]
    triggers = [t for t in triggers if not _weapon_held(text, start, t, triggers)]
    if _weapons_not_fired(text, start, end, triggers, figures):
        triggers = [t for t in triggers if t.category not in _WEAPON_NOUNS]
    triggers = [t for t in without_dispersal_shots(triggers) if not _symbols_burned(text, t)]
    if any(t.category == "protest" for t in triggers):
        # "after demonstrators ransacked a church" tells what the crowd did.
        grievances = [
            (s, e)
            for s, e in grievance_spans(text, start, end)
            if not any(t.category == "protest" and s <= t.start < e for t in triggers)
        ]
        triggers = [
            t
            for t in triggers
            if t.category in _CROWD_DETAIL or not inside_spans(grievances, t.start, t.end)
        ]
    triggers += _crowd_damage(text, start, triggers)
    if not triggers and any(f.value > 0 for f in figures):
        # "Six people had died": a toll is a killing even without a trigger word.
        first = min(figures, key=lambda f: f.start)
        triggers = [Trigger("kill", first.start, first.end, text[first.start : first.end])]
    return triggers


# "MNLA seized Tinzaouaten", "the army retook Boni": a town named right after a verb of
# taking is territory taken, as "seized the town of" is; not "took Gao's wounded".
_TAKEN_BEFORE = re.compile(
    r"\b(?:seized|captured|took|retook|recaptured|overran|overtook)\s+"
    r"(?:(?:back|over)\s+)?(?:the\s+(?:town|city|village|locality)\s+of\s+)?$",
    re.IGNORECASE,
)


def _towns_taken(doc: ArticleDoc, start: int, end: int, triggers: list[Trigger]) -> list[Trigger]:
    text = doc.text
    taken = []
    for place in doc.places:
        if place.start is None or place.end is None or not start <= place.start < end:
            continue
        if (place.geo_precision or 3) > 2 or text.startswith(("'s", "’s"), place.end):
            continue
        verb = _TAKEN_BEFORE.search(text, max(start, place.start - 40), place.start)
        if verb is None or any(t.start <= verb.start() < t.end for t in triggers):
            continue
        taken.append(Trigger("overtake", verb.start(), place.end, text[verb.start() : place.end]))
    return taken


# "Looting: gunmen raided ...": a short label and a colon open the paragraph.
_LABEL = re.compile(r"\s*([A-Za-z][\w /-]{2,40}?)\s*:\s")


@cache
def _type_labels() -> dict[str, str]:
    """Label (lower case) -> sub-event type: the sub-event names and cues.json's type_labels."""
    known = {**{sub.lower(): sub for sub in SUB_EVENT_TYPES}, **cues.labels("type_labels")}
    known.pop("attack")  # "Attack: ..." heads any violent brief, not only one on civilians
    return known


def type_label(text: str, start: int, end: int) -> tuple[str, Trigger] | None:
    """The sub-event type a label at the start of the span names, with the label as
    its trigger: a brief filed under "Arrests:" tells an arrest, whatever its verbs."""
    match = _LABEL.match(text, start, end)
    if match is None:
        return None
    name = match.group(1).strip()
    sub = _type_labels().get(name.lower())
    if sub is None:
        return None
    return sub, Trigger("label", match.start(1), match.end(1), name)


def _non_conflict_story(doc: ArticleDoc) -> bool:
    """The article opens on a disease, disaster, accident or the like, with no armed
    actor, no deliberate violence and no protest ("Cyclone Jude batters Malawi, no
    deaths reported")."""
    if not doc.sentences:
        return False
    start, end = doc.sentences[0]
    figures = [m.value for m in _in_sentence(doc.of("figure"), start, end)]
    triggers = _sentence_triggers(doc, start, end, figures)
    actors = [m.value for m in _in_sentence(doc.of("actor"), start, end)]
    return _non_conflict(doc.text, start, end, triggers) and _told_of_the_subject(triggers, actors)


def _told_of_the_subject(triggers: list[Trigger], actors: list[Any]) -> bool:
    """In such a story, a sentence with no armed actor and no deliberate act or protest
    tells of its subject too: "Malawi was struck by Chido", "twenty people died"; but
    not "five were killed in an attack on the market"."""
    return not any(
        _deliberate(t)
        or _DELIBERATE_WORD.match(t.text) is not None
        or t.category in _PROTEST_CATEGORIES
        for t in triggers
    ) and all(m.entry.kind in _UNARMED_KINDS for m in actors)


def build_candidates(doc: ArticleDoc, ctx: ArticleContext) -> list[Candidate]:
    text = doc.text
    candidates: list[Candidate] = []
    label: tuple[str, Trigger] | None = None
    # Its violent-sounding words ("struck", "killed") may tell the story's disaster.
    non_conflict_story = _non_conflict_story(doc)
    for index, (start, end) in enumerate(doc.sentences):
        if index == 0 or ctx.paragraph_of[index] != ctx.paragraph_of[index - 1]:
            # A label names the type of everything its paragraph tells.
            label = type_label(text, start, end)
        figures = [m.value for m in _in_sentence(doc.of("figure"), start, end)]
        triggers = _before_a_past_year(text, _sentence_triggers(doc, start, end, figures), ctx)
        charges = charge_spans(text, start, end)
        triggers = [t for t in triggers if not inside_spans(charges, t.start, t.end)]
        if not triggers and label is not None and label[1].start >= start:
            triggers = [label[1]]  # "Non-violent activity: ..." needs no trigger word
        if not triggers:
            continue
        dates = _in_sentence(doc.of("date"), start, end)
        found_date = _sentence_date(text, dates, triggers, start)
        day_known = found_date is not None and found_date[0].precision == 1
        short = len(doc.sentences) <= SHORT_TEXT_SENTENCES
        if _is_background(text, start, end, day_known, triggers, short):
            continue
        if found_date is None and _told_of_a_past_year(text, start, end, ctx.published):
            continue
        masked = cause_spans(text, start, end)
        actors = [
            m.value
            for m in _in_sentence(doc.of("actor"), start, end)
            if not inside_spans(masked, m.start, m.end)
        ]
        if non_conflict_story and _told_of_the_subject(triggers, actors):
            continue
        # Roles around the first trigger tell who acted; the target then decides the type.
        lead = next((t for t in triggers if t.category != "movement"), triggers[0])
        first_roles = assign_roles(text, start, lead.start, lead.end, actors)
        first_target = _target(text, start, lead, end, actors, first_roles)
        if _fighters_executed(text, start, end, triggers, actors):
            first_target = replace(first_target, fighters_executed=True)
        if _fighters_abducted(text, start, end, triggers, actors):
            first_target = replace(first_target, fighters_abducted=True)
        first_target = _taker_named(text, start, triggers, first_target)
        decided = classify(triggers, _hit_later(text, start, end, triggers, first_target))
        if label is not None:
            decided = SUB_EVENT_TYPES[label[0]], label[0], decided[2] if decided else label[1]
        if decided is None:
            continue
        event_type, sub_event_type, trigger = decided
        roles = assign_roles(text, start, trigger.start, trigger.end, actors)
        if roles.actor1 is None and index > 0 and _PRONOUN_SUBJECT.match(text, start):
            roles = _previous_subject(doc, index, roles)
        target = _target(text, start, trigger, end, actors, roles)
        places = [p for p in doc.places if p.start is not None and start <= p.start < end]
        places = _without_unit_hints(text, places)
        aside = _over_lists(text, places, aside_spans(text, start, end, event_type, trigger))
        # "a sit-in against the events in Gao and Timbuktu": no list of event places.
        setting = [p for p in places if not inside_spans(aside, p.start or 0, p.end or 0)]
        place = best_place(places, text, aside)
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
                place=place,
                places=_listed_places(text, setting),
                place_aside=place is not None and place not in setting,
                figures=figures,
                hedged=cues.has("hedge_cues", text, start, end),
                civilians=target.civilians,
                refers_back=_refers_back(text, start, trigger) or _fights_back(text, triggers),
                claims_responsibility=_claims_it(text, start, end, trigger),
            )
        )
    return candidates


# "Soldiers mutinied. They took over three towns.": the pronoun is the last actor.
_PRONOUN_SUBJECT = re.compile(r"\s*(?:They|He|She)\b")


def _previous_subject(doc: ArticleDoc, index: int, roles: Roles) -> Roles:
    """Roles with actor1 taken from the first non-civilian actor of the sentence before."""
    before_start, before_end = doc.sentences[index - 1]
    for mention in _in_sentence(doc.of("actor"), before_start, before_end):
        entry = mention.value.entry
        if entry.kind not in {"civilians"} and (roles.actor2 is None or entry != roles.actor2):
            return replace(roles, actor1=entry, actor1_span=(mention.start, mention.end))
    return roles


# A claim or denial of responsibility is about an attack, not a new one (CASE's ATTRIB).
_RESPONSIBILITY = re.compile(
    r"\b(?:claim(?:ed|s|ing)? (?:\w+ )?responsibility|t(?:ook|akes|aking) credit|"
    r"denie[sd] (?:\w+ ){0,4}responsib|rejected (?:\w+ )?(?:accusations?|allegations?)|"
    r"blamed (?:\w+ ){0,4}for)\b",
    re.IGNORECASE,
)


def _claims_it(text: str, start: int, end: int, trigger: Trigger) -> bool:
    """'IS claimed the bombing that killed eight' is about an attack told elsewhere;
    'three soldiers were wounded by an IED, JNIM claimed responsibility' reports it."""
    claim = _RESPONSIBILITY.search(text, start, end)
    if claim is None:
        return False
    if claim.start() < trigger.start:
        # "claimed responsibility for an ambush in Boni that killed three soldiers"
        # tells the ambush for the first time; "for the attack" refers back to it.
        return _NEW_CLAIM_OBJECT.match(text, claim.end(), trigger.start) is None
    # "The base was shelled by rockets, though MUJAO claimed responsibility for the
    # attack": the claim refers back to the shelling this very sentence told.
    return (
        _CLAIM_OBJECT.match(text, claim.end()) is not None
        and _CLAIM_SETTING.search(text, start, trigger.start) is not None
    )


# "minutes after the clashes, the group claimed responsibility for the attack": the
# event is only the setting of the claim.
_CLAIM_SETTING = re.compile(r"\b(?:after|following|in the wake of)\b[^,]*$", re.IGNORECASE)
_CLAIM_OBJECT = re.compile(r"\s+for\s+(?:the|this|that|these|its|their)\b", re.IGNORECASE)
_NEW_CLAIM_OBJECT = re.compile(r"\s+for\s+an?\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and|et|&|as well as)\s*$", re.IGNORECASE)


def _over_lists(
    text: str, places: list[Place], aside: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The aside spans, each run on over a list of towns it opens: "planned attacks
    in Abidjan, Bamako and Ouagadougou" sets all three aside, not only the first."""
    spans = list(aside)
    previous: Place | None = None
    for place in sorted((p for p in places if p.start is not None), key=lambda p: p.start or 0):
        start, end = place.start or 0, place.end or 0
        if (
            previous is not None
            and inside_spans(spans, previous.start or 0, previous.end or 0)
            and _LIST_GAP.match(text[previous.end or 0 : start])
        ):
            spans.append((start, end))
        previous = place
    return spans


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
    if len(best) < 2 or len(names) != len(best):
        return []
    start = best[0].start or 0
    before = text[max(0, start - 60) : start]
    if _ELSEWHERE_BEFORE.search(before):
        return []  # "jets were deployed from Gao and Niamey": where they came from
    if _ROAD_BEFORE.search(before):
        return []  # "traffic on the axis Koro and Yense": the two ends of one road
    return best


# "on the axis Koro and Yense", "the road linking Gao and Ansongo": a road named by its ends.
_ROAD_BEFORE = re.compile(
    r"\b(?:axis|axe|road|route|highway|stretch)\s+(?:between\s+|from\s+|linking\s+|"
    r"connecting\s+|joining\s+)?(?:the\s+)?(?:(?:town|village|city)s?\s+of\s+)?$",
    re.IGNORECASE,
)


# "NGourti, Nguigmi, and Diffa": more towns follow, so it is a list.
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z]")


def _without_unit_hints(text: str, places: list[Place]) -> list[Place]:
    """The places less those that only say where the town before lies: "Tiguila in
    Mondoro, Douentza", "Diondiori, Tenenkou" (its cercle), unless more towns follow."""
    kept: list[Place] = []
    for place in places:
        if not (kept and _unit_hint(text, kept[-1], place)):
            kept.append(place)
    return kept


def _unit_hint(text: str, town: Place, place: Place) -> bool:
    if town.end is None or place.start is None or place.end is None:
        return False
    units = {name_key(unit) for unit in (town.admin2, town.admin1) if unit}
    return (
        text[town.end : place.start].strip() == ","
        and name_key(place.name) in units
        and not _LIST_GOES_ON.match(text, place.end)
    )


_ANAPHORA = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|their)|'s|’s)\s+"
    r"(?:(?:deadly|latest|recent|same|suicide|drone|twin|first|second|alleged|reported|"
    r"previous|earlier|double|coordinated|jihadist|massive)\s+)?$",
    re.IGNORECASE,
)


_BACK_OBJECT = re.compile(
    r"\s+(?:the|this|that|their)\s+(?:\w+\s+)?(?:attacks?|assaults?|incursions?|raids?|"
    r"attackers|assailants|ambush)\b",
    re.IGNORECASE,
)


# "fought back", "struck back": a response to an attack told before.
_BACK_AFTER = re.compile(r"\s+back\b", re.IGNORECASE)
# "the army responded with artillery fire", "the guards returned fire": a reply to an act.
_RESPONSE = re.compile(r"respond|returned fire|retaliat", re.IGNORECASE)


def _fights_back(text: str, triggers: list[Trigger]) -> bool:
    """'Residents fought back, killing two assailants', 'the soldiers returned fire' go
    with the attack before them."""
    return any(
        t.category == "clash" and (_BACK_AFTER.match(text, t.end) or _RESPONSE.match(t.text))
        for t in triggers
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
    if _BACK_OBJECT.match(text, trigger.end) or re.match(
        r"defend\w* (?:the|their|its) ", trigger.text
    ):
        return True  # "youths repulsed the attack", "defending the village": told before
    if trigger.category == "air_weapon" or trigger.text.lower().endswith("ed"):
        return False  # "their aircraft struck", "the army attacked": not a back-reference
    return _ANAPHORA.search(text[max(sent_start, trigger.start - 30) : trigger.start]) is not None
