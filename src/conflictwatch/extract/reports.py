"""Assemble one article's reports of events from its drafts.

Each draft becomes a `Report`: its type (a protest's sub-type is how it went
over all its sentences), date (inherited from the paragraph, or the day before
publication for a dateless brief), place, roles with ACLED's default actors,
every fatality claim with its quote, evidence spans, notes and a confidence.
Towns named as a list give one report each, sharing the toll, and so do the days
of an event told over several ("on 11-12 March").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from conflictwatch.extract.candidates import (
    BRIEF_SENTENCES,
    PROTEST_TYPES,
    ArticleContext,
    build_candidates,
    dates_protested_cause,
    inside_spans,
)
from conflictwatch.extract.classify import (
    REMOTE_CATEGORIES,
    SUB_EVENT_TYPES,
    crowd_categories,
    protest_sub_type,
)
from conflictwatch.extract.dates import DateValue, days_lasted, in_passing, told_days
from conflictwatch.extract.drafts import Draft, draft_feud_type, merge_candidates
from conflictwatch.extract.roles import (
    FORCE_KINDS,
    GROUP_KINDS,
    Roles,
    is_named_group,
    named_as_hit,
)
from conflictwatch.model import ArticleDoc, Claim, Evidence, Mention, Place, Report
from conflictwatch.numbers import find_counts

# Sub-event types that happen in the capital when a report names no place (see
# _national_capital); not riots between communities, not attacks.
CAPITAL_BY_DEFAULT = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Agreement",
    }
)


def _inherited_date(
    doc: ArticleDoc, ctx: ArticleContext, draft: Draft
) -> tuple[DateValue, int, int] | None:
    """The latest adverbial date earlier in the same paragraph ("On 3 May, ... . Gunmen ..."),
    else, in an article too long for `_brief_date`, the day the event was told of in its own
    sentence ("The army said on Tuesday that its drones had struck ..."): it happened then
    or just before, so within a week."""
    paragraph_start = doc.sentences[_first_sentence_of_paragraph(ctx, draft.first.paragraph)][0]
    best = None
    for match in doc.of("date"):
        told = match.value
        if not paragraph_start <= match.start < draft.first.start or told.attributive or told.ahead:
            continue
        sentence_start = max(s for s, _ in doc.sentences if s <= match.start)
        if _trailing_anaphor(doc, match, sentence_start):
            continue  # "... struck on 12 May, after an ambush the day before.": not the frame
        triggers = [m.value for m in doc.of("trigger") if sentence_start <= m.start]
        if in_passing(doc.text, sentence_start, match.start) or dates_protested_cause(
            doc.text, sentence_start, match.start, triggers
        ):
            continue  # "protested following the repression on Tuesday": not the march's day
        best = (told, match.start, match.end)
    if best is not None or len(doc.sentences) <= BRIEF_SENTENCES:
        return best
    own_start = draft.first.start
    for match in doc.of("date"):
        told = match.value
        own = draft.first.start <= match.start < draft.first.end and told.precision == 1
        if told.ahead or not own or not told.date or told.end:
            continue
        if not in_passing(doc.text, own_start, match.start):
            return replace(told, precision=2), match.start, match.end
    return None


def _trailing_anaphor(doc: ArticleDoc, match: Mention, sentence_start: int) -> bool:
    """'the day before' after another date of its sentence tells of a side event; only an
    anaphor that frames its sentence ("The next day, ...") dates the sentences after it."""
    return match.value.anchor is not None and any(
        sentence_start <= other.start < match.start for other in doc.of("date")
    )


def _first_sentence_of_paragraph(ctx: ArticleContext, paragraph: int) -> int:
    return ctx.paragraph_of.index(paragraph)


def _inherited_place(doc: ArticleDoc, ctx: ArticleContext, draft: Draft) -> Place | None:
    """The last town named earlier in the paragraph; in a brief, else the first named
    after the event's sentence ("A boat was ambushed. The wounded were rescued in
    Kouakourou."): a brief's few sentences tell one incident."""
    first = _first_sentence_of_paragraph(ctx, draft.first.paragraph)
    last = len(ctx.paragraph_of) - ctx.paragraph_of[::-1].index(draft.first.paragraph) - 1
    paragraph_start, paragraph_end = doc.sentences[first][0], doc.sentences[last][1]
    towns = [
        (p.start, p) for p in doc.places if p.start is not None and (p.geo_precision or 3) <= 2
    ]
    earlier = [p for start, p in towns if paragraph_start <= start < draft.first.start]
    if earlier:
        return earlier[-1]
    if len(doc.sentences) > BRIEF_SENTENCES:
        return None
    # Not a town of a sentence telling another event ("Separately, soldiers arrested
    # a trader in Djibo."): only one of a sentence with no event of its own.
    triggers = [m.start for m in doc.of("trigger") if m.start >= draft.first.end]
    later = [
        p
        for start, p in towns
        if draft.first.end <= start < paragraph_end
        and not any(_same_sentence(doc, start, trigger) for trigger in triggers)
    ]
    return later[0] if later else None


def _told_place(doc: ArticleDoc, ctx: ArticleContext, draft: Draft) -> Place | None:
    """The draft's own town, else one named before it. A country named in the event's
    sentences is no town: "a military camp in Agadez was bombed. ... the first attack
    in Niger" happened in Agadez, a town of that country."""
    place = draft.place
    if place is not None and place.feature_code != "PCLI":
        return place
    inherited = _inherited_place(doc, ctx, draft)
    if inherited is not None and (place is None or inherited.country == place.country):
        return inherited
    return place


def _same_sentence(doc: ArticleDoc, a: int, b: int) -> bool:
    return any(start <= a < end and start <= b < end for start, end in doc.sentences)


def _named_capital(doc: ArticleDoc, ctx: ArticleContext, draft: Draft) -> Place | None:
    """No town named, but "the Malian capital" is: that country's capital; or "the
    Spanish cities of ...": that country. Whatever the article's country."""
    for find in (ctx.geocoder.named_capital, ctx.geocoder.named_country):
        for member in draft.members:
            place = find(doc.text, member.start, member.end)
            if place is not None:
                return place
    return None


def _capital_place(doc: ArticleDoc, ctx: ArticleContext, draft: Draft) -> Place | None:
    """No town named, but a ministry or "the capital" is: the country's capital."""
    for member in draft.members:
        span = ctx.geocoder.capital_cue(doc.text, member.start, member.end)
        if span is not None:
            capital = ctx.geocoder.capital_place(ctx.country_code)
            if capital is not None:
                capital.start, capital.end = span
                capital.mention = doc.text[span[0] : span[1]]
            return capital
    return None


def _unnamed_place(
    doc: ArticleDoc, ctx: ArticleContext, draft: Draft, sub_event_type: str
) -> Place | None:
    """Where an event happened that the text names no town for, most telling first:
    a named country's capital, an institution of the capital, the capital for a
    national protest, the one region of the groups named. None leaves the country
    (at its centroid)."""
    named = _named_capital(doc, ctx, draft)
    if named is not None:
        return named
    if not ctx.country_code:
        return ctx.geocoder.cued_region(doc.text)
    return (
        _capital_place(doc, ctx, draft)
        or (_national_capital(ctx) if sub_event_type in CAPITAL_BY_DEFAULT else None)
        or ctx.geocoder.cued_region(doc.text, ctx.country_code, ctx.source_cues)
    )


def _national_capital(ctx: ArticleContext) -> Place | None:
    """A protest or accord reported with no place at all: the national press
    reports the capital's ("teachers marched to demand their arrears"), and ACLED
    codes such events there. Precision 3 says the place is inferred."""
    return ctx.geocoder.capital_place(ctx.country_code, geo_precision=3)


def _merged_roles(draft: Draft, text: str = "") -> Roles:
    roles = Roles()
    roles.crowd_acted = draft.first.roles.crowd_acted
    roles.crowd_fought = draft.first.roles.crowd_fought
    for member in draft.members:
        r = member.roles
        if member is not draft.first and (
            _answers(member, roles, text) or _told_from_the_target(member, roles, text)
        ):
            r = _swapped(r)
        roles.back_targets += r.back_targets
        if roles.actor1 is None and r.actor1 is not None:
            roles.actor1, roles.actor1_span = r.actor1, r.actor1_span
            roles.refers_back = r.refers_back
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


# "fought back", "repelled the attack": a force answering an attack told before.
_ANSWER = re.compile(
    r"(?:fought|fight|fighting|fights)\s+back\b|repell?(?:ed|ing|s)?\b|repuls(?:ed|ing|es)\b|"
    r"retaliat|riposted|returned\s+fire",
    re.IGNORECASE,
)


def _copied(roles: Roles) -> Roles:
    """Roles with lists of their own, for rules that change them in place."""
    return replace(
        roles,
        assoc1=list(roles.assoc1),
        assoc2=list(roles.assoc2),
        back_targets=list(roles.back_targets),
    )


def _answers(member: Any, roles: Roles, text: str) -> bool:
    """A later sentence where the side attacked acts: "Boko Haram attacked Diffa. The
    Niger military fought back." Its actor is the first act's target, not its ally."""
    acting = member.roles.actor1
    if acting is None or _ANSWER.match(text, member.trigger.start) is None:
        return False
    return roles.actor1 is None or acting.name != roles.actor1.name


def _told_from_the_target(member: Any, roles: Roles, text: str) -> bool:
    """A later sentence whose actor is the side hit so far tells the sides the other way
    round: after "drones struck the base held by the CSP", "the seizure of the base by the
    CSP" has the CSP act and the government lose, but in the event the CSP is still hit.
    Not a passive whose subject came out as its actor ("peacekeepers were also wounded")."""
    acting, span = member.roles.actor1, member.roles.actor1_span
    if acting is None or span is None or roles.actor2 is None:
        return False
    passive = _PASSIVE_AUX.search(text, span[1], max(span[1], member.trigger.end))
    return acting.name == roles.actor2.name and passive is None


_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being)\b", re.IGNORECASE)


def _swapped(roles: Roles) -> Roles:
    return replace(
        roles,
        actor1=roles.actor2,
        assoc1=roles.assoc2,
        actor2=roles.actor1,
        assoc2=roles.assoc1,
        actor1_span=roles.actor2_span,
        actor2_span=roles.actor1_span,
    )


_DEFAULT_ACTOR1 = {
    "Protests": "protesters",
    "Riots": "rioters",
}


def _default_roles(
    roles: Roles,
    event_type: str,
    civilians: bool,
    ctx: ArticleContext,
    before: Any = None,
    *,
    looting: bool = False,
) -> Roles:
    """ACLED's defaults: unknown attackers, civilians as victims, protesters by country.

    Looting and property destruction is the one strategic development always done by
    someone: "the health centre was looted" by the unidentified armed group.

    `before` is the acting side (actor1 and associated actors) of the event told just
    before in the paragraph, when this event's sentences name no actor at all:
    "Soldiers and VDP arrested five men. Three were later executed." goes on telling what
    the soldiers and the VDP did; only a group a sentence says did it outranks them."""
    registry, country = ctx.registry, ctx.country_code
    if event_type == "Battles" and roles.actor1 is None:
        roles = _armed_communities(roles, registry)
    elif event_type == "Battles":
        # "villagers from X clashed with villagers from Y": both villages fight as militias.
        roles.actor2 = getattr(roles.actor2, "armed", None) or roles.actor2
        roles.assoc2 = [getattr(e, "armed", None) or e for e in roles.assoc2]
    roles = _named_actor1(roles, ctx)
    if roles.actor1 is None and event_type in _DEFAULT_ACTOR1:
        roles.actor1 = registry.generic(_DEFAULT_ACTOR1[event_type], country, ctx.country_name)
    elif roles.actor1 is None and (event_type != "Strategic developments" or looting):
        likely = [e for e in ctx.likely_actors if e.name not in _target_names(roles)]
        claimed = [e for e in ctx.attributed_actors if e.name not in _target_names(roles)]
        if before is not None and before.actor1 is not None and not claimed:
            likely = []  # the act told just before goes on
        if _militants_hit(roles):
            # "25 Islamists killed" after "French troops seized the bridge": militants
            # fall to the forces the article tells of, not to a group it names.
            hit = _target_names(roles) | ctx.forces_hit
            forces = [e for e in ctx.forces if e.name not in hit]
            likely = forces + [e for e in likely if e not in forces]
        if likely:
            roles.actor1 = likely[0]
            # "Katiba Macina (JNIM) militants": the faction stays as associated actor.
            taken = {roles.actor1.name, *_target_names(roles)}
            roles.assoc1 += [
                e for e in ctx.factions.get(roles.actor1.name, []) if e.name not in taken
            ]
        elif before is not None and before.actor1 is not None:
            roles.actor1 = before.actor1
            roles.assoc1 += [e for e in before.assoc1 if e.name not in _target_names(roles)]
        else:
            roles.actor1 = registry.generic("unidentified", country, ctx.country_name)
    if roles.actor2 is None and not civilians and _one_sided(roles, event_type):
        # A clash has two sides and a mine hitting a patrol has a planter: the side the
        # text leaves unnamed is the group a sentence says did it ("the device was
        # planted by JNIM"), else for a clash the group the article names ("after Boko
        # Haram's attack, the army launched an offensive"), else ACLED's unidentified
        # armed group.
        claimed = [e for e in ctx.attributed_actors if e != roles.actor1]
        groups = [e for e in ctx.likely_actors if is_named_group(e) and e != roles.actor1]
        if event_type == "Battles":
            claimed += groups
        roles.actor2 = (
            claimed[0]
            if claimed
            else _loyal_forces(roles.actor1, event_type, ctx)
            or registry.generic("unidentified", country, ctx.country_name)
        )
    if event_type == "Violence against civilians" or looting:
        roles = _civilians_hit(roles, ctx)
    elif roles.actor2 is None and civilians and event_type == "Explosions/Remote violence":
        roles.actor2 = registry.generic("civilians", country, ctx.country_name)
    return roles


def _blast_killed_unnamed(draft: Draft, roles: Roles, sub_event_type: str) -> bool:
    """A mine or IED that killed people the text names no side of: "a truck struck an
    IED, killing one person". Soldiers and peacekeepers are named as such; ACLED codes
    the others as civilians."""
    if sub_event_type != "Remote explosive/landmine/IED" or roles.actor2 or roles.assoc2:
        return False
    return any(
        figure.value > 0 and figure.victims in (None, "civilians")
        for member in draft.members
        for figure in member.figures
    )


# A device the forces' vehicle or patrol ran into: "an army vehicle struck an IED", "their
# convoy hit a landmine", "wounded by the explosion of an IED", "drove over a mine".
_DEVICE = (
    r"(?:(?:land\s*)?mines?|IEDs?|IED/mines?|explosive(?:\s+devices?)?|devices?|roadside\s+bombs?)"
)
_DEVICE_HIT = re.compile(
    r"\b(?:hit|hits|struck|strikes|ran\s+(?:over|into)|drove\s+over|driving\s+over|"
    r"stepped\s+on|set\s+off|triggered)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    rf"{_DEVICE}\b"
    r"|\b(?:struck|hit|blown\s+up|destroyed|damaged|wounded|injured|killed|targeted)\s+by\s+"
    r"(?:an?\s+|the\s+)?(?:(?:explosion|detonation|blast)\s+of\s+(?:an?\s+|the\s+)?)?"
    rf"(?:[\w-]+\s+){{0,2}}?{_DEVICE}\b"
    rf"|\b{_DEVICE}\s+(?:blast\s+|explosion\s+)?(?:that\s+)?(?:struck|hit)\s+(?:their|its|the)\b",
    re.IGNORECASE,
)


def _device_hit_forces(doc: ArticleDoc, draft: Draft, roles: Roles, sub_event_type: str) -> Roles:
    """Forces whose vehicle struck a mine are the side hit, not the one that acted:
    "a Malian army vehicle struck an IED" reads the army as the subject, but ACLED codes
    whoever laid the device (the group said to have planted it, else an unidentified
    armed group) as actor1 and the forces as actor2."""
    if sub_event_type != "Remote explosive/landmine/IED":
        return roles
    acting, other = roles.actor1, roles.actor2
    if acting is None or acting.kind not in FORCE_KINDS:
        return roles
    if other is not None and other.kind in FORCE_KINDS:
        return roles  # forces on both sides: not a patrol and a planter
    if not any(_DEVICE_HIT.search(doc.text, m.start, m.end) for m in draft.members):
        return roles
    return _laid_by_others(roles)


def _laid_by_others(roles: Roles) -> Roles:
    """The forces (and their allies) become the side hit; the group read as their target
    or ally becomes the planter, else the defaults choose one."""
    acting, other = roles.actor1, roles.actor2
    # Groups read as the forces' allies laid the device ("the convoy escorted by the army
    # was struck by an IED laid by Katiba Macina (JNIM)"); civilians hit stay hit.
    allies = [e for e in roles.assoc1 if e.kind in FORCE_KINDS]
    layers = [e for e in roles.assoc1 if e not in allies]
    hit = replace(
        roles,
        actor1=None,
        actor1_span=None,
        assoc1=[],
        actor2=acting,
        actor2_span=roles.actor1_span,
        assoc2=allies + roles.assoc2,
    )
    if other is not None and other.kind == "civilians":
        hit.assoc2.append(other)
    elif other is not None:
        hit.actor1, hit.actor1_span, layers = other, roles.actor2_span, roles.assoc2 + layers
        hit.assoc2 = allies
    if hit.actor1 is None and layers:
        # A faction's parent first, as ACLED codes it: JNIM, with Ansar Dine associated.
        parents = {e.coded_as.name for e in layers if getattr(e, "coded_as", None)}
        layers.sort(key=lambda e: e.name not in parents)
        hit.actor1, layers = layers[0], layers[1:]
    hit.assoc1 = layers
    return hit


def _suicide_bombers(doc: ArticleDoc, draft: Draft, roles: Roles, sub_event_type: str) -> Roles:
    """A suicide bomber dies in the blast: "two peacekeepers and two AQIM members were
    killed in a suicide car bomb attack" counts the bombers among the dead, and ACLED
    codes their group as actor1. Only a group told before the act's word in its sentence
    (the dead), not one after it ("rammed his vehicle into an MNLA checkpoint"), and
    only when no one is said to have acted."""
    if sub_event_type != "Suicide bomb" or roles.actor1 is not None:
        return roles
    told_first = {
        name
        for member in draft.members
        for mention in doc.of("actor")
        if member.start <= mention.start and mention.end <= member.trigger.start
        for name in _entry_names(mention.value.entry)
    }
    hit = [e for e in [roles.actor2, *roles.assoc2] if e is not None]
    # A group and its coalition ("AQIM", coded with JNIM) are one side: both move.
    bombers = [
        e for e in hit if is_named_group(e) and e.kind in _MILITANT_KINDS and e.name in told_first
    ]
    if not bombers:
        return roles
    roles.actor1, roles.assoc1 = bombers[0], [*bombers[1:], *roles.assoc1]
    rest = [e for e in hit if e not in bombers]
    roles.actor2, roles.assoc2 = (rest[0], rest[1:]) if rest else (None, [])
    return roles


def _entry_names(entry: Any) -> set[str]:
    """The names an actor mention stands for: its entry and the group it is coded as."""
    coded_as = getattr(entry, "coded_as", None)
    return {entry.name, *([coded_as.name] if coded_as is not None else [])}


def _loyal_forces(actor1: Any, event_type: str, ctx: ArticleContext) -> Any:
    """Mutineers fight their country's army, as ACLED codes it: "soldiers mutinied and
    took over the barracks" is Mutiny of Military Forces of Niger against the
    Military Forces of Niger. None for any other actor."""
    if event_type != "Battles" or getattr(actor1, "role", None) != "mutiny" or not actor1.country:
        return None
    try:
        return ctx.registry.registry.state_forces(actor1.country, ctx.published)
    except KeyError:  # a country the canon has no army line for
        return None


def _civilians_hit(roles: Roles, ctx: ArticleContext) -> Roles:
    """ACLED codes those hit by violence against civilians, and whose property is looted,
    as the country's civilians, and a community or group they belong to ("Dogon
    villagers", "a Fulani herder") as associated actor: Civilians (Mali) with Dogon
    Ethnic Group (Mali). A force or an armed group hit stays the side hit."""
    hit = roles.actor2
    if hit is not None and (hit.kind != "civilians" or (hit.generic and hit.role == "civilians")):
        return roles
    civilians = ctx.registry.generic("civilians", ctx.country_code, ctx.country_name)
    if civilians is None:
        return roles
    roles.actor2 = civilians
    others = [e for e in roles.assoc2 if e.name not in {civilians.name, getattr(hit, "name", None)}]
    roles.assoc2 = [hit, *others] if hit is not None else others
    return roles


def _no_unknowns_beside_named(roles: Roles) -> Roles:
    """Once a side names its group, a generic word for fighters beside it ("JNIM
    militants attacked ... the militants seized", "7 militants were killed") is that
    group again, not an unidentified one: it is no associated actor."""
    sides = [roles.actor1, roles.actor2, *roles.assoc1, *roles.assoc2]
    # A community's militia ("Dawsahak youths ... killed by unknown gunmen") is no
    # group of fighters that "militants" or "gunmen" could refer back to.
    if not any(e is not None and is_named_group(e) and e.kind in _MILITANT_KINDS for e in sides):
        return roles
    roles.assoc1 = [e for e in roles.assoc1 if not _unidentified(e)]
    roles.assoc2 = [e for e in roles.assoc2 if not _unidentified(e)]
    return roles


def _unidentified(entry: Any) -> bool:
    return bool(entry.generic and entry.role == "unidentified")


def _target_names(roles: Roles) -> set[str]:
    return {e.name for e in [roles.actor2, *roles.assoc2] if e is not None}


# Non-state armed actors whose fighters, when killed, were most likely killed by forces.
_MILITANT_KINDS = {"rebel", "political_militia"}


def _militants_hit(roles: Roles) -> bool:
    return roles.actor2 is not None and roles.actor2.kind in _MILITANT_KINDS


def _group_before(doc: ArticleDoc, start: int, skip: set[str]) -> Any:
    """The named armed group mentioned last before `start`, skipping the event's sides."""
    for mention in reversed(doc.of("actor")):
        entry = getattr(mention.value.entry, "coded_as", None) or mention.value.entry
        if mention.end <= start and is_named_group(entry) and entry.name not in skip:
            return entry
    return None


# "unknown gunmen", "other militants": said to be someone else than a group named before.
_UNNAMED = re.compile(r"\b(?:unknown|unidentified|unnamed|other|another|different)\b", re.I)


def _named_targets(doc: ArticleDoc, roles: Roles) -> Roles:
    """Fighters hit that the text names only by a generic word are the group it named
    before them: "ISGS militants attacked Basse ... Four militants were killed when the
    volunteers repulsed the assault" -> ISGS; "the attackers" hit by the responders
    ("... Dan Na Ambassagou intervened and recovered the attackers' motorbikes") too."""
    acting = {e.name for e in [roles.actor1, *roles.assoc1] if e is not None}
    actor2, span = roles.actor2, roles.actor2_span
    if actor2 is not None and span is not None and _unidentified(actor2):
        said = doc.text[max(0, span[0] - 20) : span[1]]
        skip = acting | _target_names(roles)
        group = None if _UNNAMED.search(said) else _group_before(doc, span[0], skip)
        if group is not None:
            roles.actor2 = group
    for start, _ in roles.back_targets:
        group = _group_before(doc, start, acting | _target_names(roles))
        if group is None:
            continue
        if roles.actor2 is None:
            roles.actor2 = group
        else:
            roles.assoc2.append(group)
    return roles


def _named_before(doc: ArticleDoc, roles: Roles) -> Roles:
    """Unknown attackers referred back to ("the militants") are the nearest named group
    before them that is not hit in this event: "JNIM militants attacked Mandoli. The
    militants then clashed with Dan Na Ambassagou." -> JNIM, though two groups are named."""
    actor1, span = roles.actor1, roles.actor1_span
    if not roles.refers_back or actor1 is None or span is None or not actor1.generic:
        return roles
    targets = _target_names(roles)
    for mention in reversed(doc.of("actor")):
        entry = getattr(mention.value.entry, "coded_as", None) or mention.value.entry
        if mention.end <= span[0] and is_named_group(entry) and entry.name not in targets:
            roles.actor1 = entry
            break
    return roles


def _named_actor1(roles: Roles, ctx: ArticleContext) -> Roles:
    """Unknown attackers the text names elsewhere: the claimant ("Unknown gunmen ... JNIM
    claimed the attack", "soldiers wounded by an IED, JNIM claimed responsibility"; ACLED
    codes the claimant, never a side hit), or "the militants" after a named group."""
    actor1 = roles.actor1
    claimant = _claimant(roles, ctx)
    if actor1 is not None and claimant is not None and _claim_overrides(actor1, claimant):
        # "Fulani gunmen attacked the resort ... The attack was claimed by JNIM": ACLED
        # codes the claimant; the group as first told stays associated.
        roles.assoc1 = [actor1, *[e for e in roles.assoc1 if e.name != claimant.name]]
        roles.actor1 = claimant
        return roles
    if actor1 is not None and not _unidentified(actor1):
        return roles
    claimed = [e for e in ctx.attributed_actors[:1] if roles.actor2 is None or e != roles.actor2]
    if claimed:
        roles.actor1 = claimed[0]
        roles.assoc1 = [e for e in roles.assoc1 if e != claimed[0]]
        roles.assoc2 = [e for e in roles.assoc2 if e != claimed[0]]
    elif actor1 is not None and roles.refers_back:
        targets = _target_names(roles)
        named = [e for e in ctx.likely_actors if is_named_group(e) and e.name not in targets]
        if named:
            roles.actor1 = named[0]
    return roles


def _claimant(roles: Roles, ctx: ArticleContext) -> Any:
    """The first group that claimed the act and is not one of its targets."""
    targets = _target_names(roles)
    return next((e for e in ctx.claimants if e.name not in targets), None)


def _claim_overrides(actor1: Any, claimant: Any) -> bool:
    """A claimant replaces a non-state actor1 told otherwise (a community's militia, a
    suspected group); unknown attackers are left to the attribution rule after."""
    if actor1.name == claimant.name or actor1.kind not in GROUP_KINDS:
        return False
    return not _unidentified(actor1)


def _armed_communities(roles: Roles, actors: Any) -> Roles:
    """Communities that fight a battle with no armed group named are militias: "Fulani and
    Dogon clashed" is Fulani against Dogon ethnic militia, "farmers and herders clashed"
    communal militias on both sides."""
    sides = [e for e in [roles.actor2, *roles.assoc2] if e is not None]
    # Villagers caught in a battle with soldiers or peacekeepers stay civilians.
    forces = any(e.kind in FORCE_KINDS for e in sides)
    armed = [None if forces and _ETHNIC not in e.name else actors.armed_as(e) for e in sides]
    if not any(a is not None for a in armed):
        return roles
    fighters = list(dict.fromkeys(a or e for a, e in zip(armed, sides, strict=True)))
    result = replace(roles, actor1=fighters[0], actor1_span=roles.actor2_span)
    result.actor2 = fighters[1] if len(fighters) > 1 else None
    result.actor2_span = None
    result.assoc2 = fighters[2:]
    return result


_ETHNIC = " Ethnic Group "
_TWO_SIDED = {"Battles", "Explosions/Remote violence"}


def _parties(roles: Roles) -> Roles:
    """An agreement's parties named together ("the CMA and the Platform signed",
    "Fulani, Bambara and Bozo leaders signed an accord"): ACLED codes the first two as
    actor1 and actor2, not one side with its associates."""
    if roles.actor2 is not None or roles.assoc2 or not roles.assoc1:
        return roles
    return replace(roles, actor2=roles.assoc1[0], actor2_span=None, assoc1=roles.assoc1[1:])


def _one_sided(roles: Roles, event_type: str) -> bool:
    """A battle or a blast told with only a state or foreign force in it."""
    actor = roles.actor1
    return (
        event_type in _TWO_SIDED
        and actor is not None
        and actor.kind in FORCE_KINDS
        and not roles.assoc2
    )


def _claims(doc: ArticleDoc, draft: Draft) -> list[Claim]:
    claims: list[Claim] = []
    seen: set[tuple[int, str | None, str | None, str]] = set()
    sources = [(m, m.figures) for m in draft.members]
    if not any(f.value > 0 for m in draft.members for f in m.figures):
        sources += _neighbour_toll(doc, draft)
    given = [f for _, figures in sources for f in figures if f.value > 0 and not f.vague]
    for member, figures in sources:
        for figure in figures:
            if figure.vague and any(_restates(f, figure) for f in given):
                continue  # "killing hundreds ... at least 200 deaths": the figure stands
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


def _restates(given: Any, vague: Any) -> bool:
    """A figure given for the people a vague word counted ("dozens" ... "26 were killed"):
    ACLED codes a vague word's number only when no figure is given."""
    return given.victims is None or vague.victims is None or given.victims == vague.victims


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _neighbour_toll(doc: ArticleDoc, draft: Draft) -> list[tuple[Any, list[Any]]]:
    """A brief's toll told in the sentence next to the event's own: "Gunmen attacked
    the post in X. Two guards were killed." When the toll sentence was typed apart
    (an attack beside a clash), the event it completes still has its deaths.

    Only for a neighbour in the same paragraph that names no date or town of its
    own (those start another incident); both events keep the figure.
    """
    if len(doc.sentences) > BRIEF_SENTENCES:
        return []
    indexes = sorted({m.sentence for m in draft.members})
    paragraph = doc.paragraph_of[draft.first.sentence]
    placed = any(_own_setting(doc, m.start, m.end) for m in draft.members)
    for index in (indexes[-1] + 1, indexes[0] - 1):
        if not 0 <= index < len(doc.sentences) or doc.paragraph_of[index] != paragraph:
            continue
        start, end = doc.sentences[index]
        figures = [m.value for m in doc.of("figure") if start <= m.start < end]
        if not any(f.value > 0 for f in figures) or (placed and _own_setting(doc, start, end)):
            continue
        return [(_Span(start, end), figures)]
    return []


def _own_setting(doc: ArticleDoc, start: int, end: int) -> bool:
    """A date or a town in the sentence: it tells an incident of its own."""
    if any(start <= m.start < end and not m.value.ahead for m in doc.of("date")):
        return True
    return any(p.start is not None and start <= p.start < end for p in doc.places)


def _evidence(doc: ArticleDoc, field_name: str, start: int, end: int) -> Evidence:
    return Evidence(doc.article.id, field_name, start, end, doc.text[start:end])


def _notes(doc: ArticleDoc, draft: Draft) -> str:
    """The evidence sentences, at most three, in article order."""
    sentences = sorted({(m.start, m.end) for m in draft.members})[:3]
    return " ".join(re.sub(r"\s+", " ", doc.text[s:e]) for s, e in sentences)


def _confidence(
    draft: Draft,
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


def _protest_roles(
    roles: Roles,
    event_type: str,
    sub_event_type: str,
    ctx: ArticleContext,
    nationality: str | None = None,
) -> Roles:
    """Protesters (or rioters) act; named groups march with them; state forces face them,
    unless the protest was peaceful: then no one acted against the crowd, and the
    government or the police it marched to are no side (ACLED leaves actor2 empty).
    ACLED names the crowd after its people when the text does ("Sudanese refugees
    protested in Agadez": Protesters (Sudan)), else after the article's country."""
    kind = "rioters" if event_type == "Riots" else "protesters"
    crowd = ctx.registry.generic(kind, ctx.country_code, ctx.country_name)
    if nationality and nationality != ctx.country_code and ctx.geocoder is not None:
        name = ctx.geocoder.country_place(nationality).country
        crowd = ctx.registry.generic(kind, nationality, name) or crowd
    named = [e for e in [roles.actor1, *roles.assoc1, roles.actor2, *roles.assoc2] if e is not None]
    others = [e for e in named if e.kind not in {"protesters", "rioters", "civilians"}]
    # The forces that faced the crowd before the government it marched for or against.
    state = sorted(
        (_crowd_force(e, ctx) for e in others if e.kind == "state"),
        key=lambda e: e.role == "government",
    )
    result = Roles(actor1=crowd, actor1_span=roles.actor1_span if roles.actor1 is crowd else None)
    # "Residents in Garango demonstrated": the residents are the protesters themselves,
    # not their village's militia marching with them (villagers who riot may be one).
    result.assoc1 = [
        e
        for e in others
        if e.kind != "state" and not (event_type == "Protests" and e.role == "communal_militia")
    ]
    result.actor2 = state[0] if state and sub_event_type != "Peaceful protest" else None
    return result


def _only_a_topic(doc: ArticleDoc, entry: Any) -> bool:
    """The text names the group only in what a protest was about ("demanded the
    departure of French forces", "marched against the MNLA's occupation"): no marcher.
    The topics are the "protest_topic" mentions components.article_country leaves on
    the document; the reports component asks for the article's country first."""
    topics = [(m.start, m.end) for m in doc.of("protest_topic")]
    named = [m for m in doc.of("actor") if m.value.entry.name == entry.name]
    return bool(named) and all(inside_spans(topics, m.start, m.end) for m in named)


def _crowd_force(entry: Any, ctx: ArticleContext) -> Any:
    """The "security forces" that face a crowd: ACLED codes the country's police."""
    if entry.role != "security_forces" or not ctx.country_code or entry.country is None:
        return entry
    try:
        return ctx.registry.registry.state_forces(entry.country, ctx.published, "police")
    except KeyError:  # a country the canon has no force line for
        return entry


# Measures only a government takes: curfews, states of emergency.
_MEASURE = re.compile(r"curfew|state of (?:emergency|siege)|couvre-feu|état d'urgence", re.I)
# What a crowd does that ACLED codes as mob violence when no armed group is in it.
_MOB_TYPES = {"Violence against civilians", "Battles"}


# A work stoppage, and the acts that bring a crowd out into the street.
_STRIKE = re.compile(r"(?<!hunger )\bstrike|grève|work stoppage|stopped work", re.IGNORECASE)
_GATHERED = re.compile(
    r"\b(?:march|rall(?:y|ies|ied)|sit-ins?|gather|demonstrat|streets?\b|block|barricad|"
    r"occup|picket|vigil|assembl|manifest)",
    re.IGNORECASE,
)


def _strike_only(doc: ArticleDoc, draft: Draft) -> bool:
    """The protest told is a strike and nothing in its paragraph gathers a crowd
    ("They marked the beginning of the strike with a march")."""
    protests = [t for m in draft.members for t in m.triggers if t.category == "protest"]
    if not protests or not all(_STRIKE.search(t.text) for t in protests):
        return False
    paragraph = draft.first.paragraph
    return not any(
        _GATHERED.search(doc.text, start, end)
        for (start, end), of in zip(doc.sentences, doc.paragraph_of, strict=True)
        if of == paragraph
    )


def _no_armed_group(roles: Roles) -> bool:
    """One state force and unarmed people are all that is named on either side: not
    two villages (communal militias) nor the junta against loyal soldiers."""
    sides = [e for e in [roles.actor1, *roles.assoc1, roles.actor2, *roles.assoc2] if e]
    forces = {e.name for e in sides if e.kind == "state"}
    unarmed = all(e.kind in {"state", "civilians", "protesters", "rioters"} for e in sides)
    return unarmed and len(forces) == 1


def _crowd_nationality(doc: ArticleDoc, first: Any) -> str | None:
    """The people the protesting crowd is named as, before the protest word and in its
    sentence: "Sudanese asylum seekers demonstrated" -> SD. Not the nationality of an
    actor named there ("Malian soldiers dispersed ...")."""
    crowd = {"protesters", "rioters", "civilians"}  # "Chadian students", "Sudanese refugees"
    actors = [m for m in doc.of("actor") if m.value.entry.kind not in crowd]
    found = None
    for mention in doc.of("nationality"):
        if not first.start <= mention.start < first.trigger.start:
            continue
        if any(a.start <= mention.start < a.end for a in actors):
            continue
        if any(mention.end <= a.start < first.trigger.start for a in actors):
            continue  # another actor stands between the people and the protest
        found = str(mention.value)
    return found


def _fought_back(draft: Draft) -> bool:
    """A later sentence of the paragraph tells a fight on the ground ("the soldiers
    returned fire"), not more of the same shelling ("the army retaliated in kind with
    rockets"); fighting named in a later paragraph is background."""
    paragraph = draft.first.paragraph
    for member in draft.members[1:]:
        if member.paragraph != paragraph:
            continue
        clashes = [t for t in member.triggers if t.category == "clash"]
        # "responded with artillery fire": the weapon inside the reply is still a reply.
        remote = [
            t
            for t in member.triggers
            if t.category in REMOTE_CATEGORIES
            and not any(c.start <= t.start and t.end <= c.end for c in clashes)
        ]
        if clashes and not remote:
            return True
    return False


def _event_types(draft: Draft) -> tuple[str, str]:
    """A protest's sub-type is how it went, over all the sentences that tell it."""
    first = draft.first
    categories = crowd_categories([t for member in draft.members for t in member.triggers])
    if first.sub_event_type == "Abduction/forced disappearance" and categories & {
        "kill",
        "civ_attack",
    }:
        return "Violence against civilians", "Attack"  # abducted, then found dead
    later = {t.category for member in draft.members[1:] for t in member.triggers}
    attacked = first.sub_event_type == "Attack" or (
        first.sub_event_type == "Looting/property destruction"
        and any(t.category == "attack" for t in first.triggers)
    )
    if attacked and "clash" in later and "civ_attack" not in categories:
        return "Battles", "Armed clash"  # "village self-defence responded to the attack"
    if first.event_type == "Explosions/Remote violence" and _fought_back(draft):
        return "Battles", "Armed clash"  # "Rockets hit the camp. The peacekeepers returned fire."
    if first.sub_event_type in {"Armed clash", "Mob violence"}:
        feud = draft_feud_type(draft)
        if feud is not None:
            return SUB_EVENT_TYPES[feud], feud
    if first.event_type not in PROTEST_TYPES:
        return first.event_type, first.sub_event_type
    if "looting" in categories and "protest_force" not in categories:
        categories.add("protest_violent")
    if any(m.sub_event_type == "Violent demonstration" for m in draft.members):
        # "demonstrated and attacked the embassy": classify read the marchers' attack.
        categories.add("protest_violent")
    if any(m.sub_event_type == "Excessive force against protesters" for m in draft.members):
        # "forces shot at a crowd of protesting drivers": decided on the sentence's words.
        categories.add("protest_force")
    if any(m.sub_event_type == "Protest with intervention" for m in draft.members):
        # "activists were detained while trying to march": classify read the arrest as
        # the intervention; the words alone do not say so.
        categories.add("protest_intervention")
    sub = protest_sub_type(categories)
    return SUB_EVENT_TYPES[sub], sub


def _brief_date(doc: ArticleDoc, ctx: ArticleContext) -> tuple[DateValue, int, int] | None:
    """A dateless news brief reports what happened just before it was published.

    Only for short texts with a publication date, and with precision 2 (within
    a week): a long article without a date may be looking back, so it stays null.
    """
    if ctx.published is None or len(doc.sentences) > BRIEF_SENTENCES:
        return None
    return DateValue(ctx.published - timedelta(days=1), None, 2, relative=True), 0, 0


def to_report(
    doc: ArticleDoc,
    ctx: ArticleContext,
    draft: Draft,
    before: Any = None,
    merged: Roles | None = None,
) -> Report:
    """The draft as a report. `merged` is the draft's merged roles if the caller has
    them (assemble keeps them for the next draft); they are copied, not changed."""
    first = draft.first
    event_type, sub_event_type = _event_types(draft)
    found_date = draft.date or _inherited_date(doc, ctx, draft) or _brief_date(doc, ctx)
    place = _told_place(doc, ctx, draft)
    if (place is None or place.feature_code == "PCLI") and ctx.geocoder:
        place = _unnamed_place(doc, ctx, draft, sub_event_type) or place
        if place is None and ctx.country_code:
            place = ctx.geocoder.country_place(ctx.country_code)
    civilians = any(m.civilians for m in draft.members)
    roles = _copied(merged) if merged is not None else _merged_roles(draft, doc.text)
    roles = _named_targets(doc, _named_before(doc, roles))
    if roles.crowd_acted and roles.actor1 is None and event_type in _MOB_TYPES:
        # "Residents caught two thieves and beat them": no armed group, a mob.
        event_type, sub_event_type = "Riots", "Mob violence"
        roles.actor1 = ctx.registry.generic("rioters", ctx.country_code, ctx.country_name)
    elif roles.crowd_fought and event_type == "Battles" and _no_armed_group(roles):
        # "Students clashed with the police": a crowd against the forces is a riot.
        said = crowd_categories([t for m in draft.members for t in m.triggers])
        protest = said & {"protest", "riot", "protest_violent", "protest_intervention"}
        event_type, sub_event_type = "Riots", "Violent demonstration" if protest else "Mob violence"
        roles = _protest_roles(roles, event_type, sub_event_type, ctx)
    elif event_type in PROTEST_TYPES:
        nationality = _crowd_nationality(doc, first)
        roles = _protest_roles(roles, event_type, sub_event_type, ctx, nationality)
        roles.assoc1 = [e for e in roles.assoc1 if not _only_a_topic(doc, e)]
    looting = sub_event_type == "Looting/property destruction"
    civilians = civilians or _blast_killed_unnamed(draft, roles, sub_event_type)
    roles = _suicide_bombers(doc, draft, roles, sub_event_type)
    roles = _device_hit_forces(doc, draft, roles, sub_event_type)
    roles = _default_roles(roles, event_type, civilians, ctx, before, looting=looting)
    roles = _no_unknowns_beside_named(roles)
    if sub_event_type == "Agreement":
        roles = _parties(roles)
    if sub_event_type == "Peaceful protest" and _strike_only(doc, draft):
        # "Teachers began a 72-hour strike": work stops, no crowd takes to the street.
        # ACLED codes it as a strategic development, the strikers still protesters.
        event_type, sub_event_type = "Strategic developments", "Other"
    if roles.actor1 is None and _MEASURE.search(first.trigger.text) and ctx.country_code:
        # "A nightly curfew was imposed in Soum Province": only a government decrees one.
        with suppress(KeyError):  # a country the canon has no government line for
            roles.actor1 = ctx.registry.registry.state_forces(
                ctx.country_code, ctx.published, "government"
            )
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


def likely_armed_actors(doc: ArticleDoc, attributed: list[Any]) -> list[Any]:
    """The actors an unattributed act in this article is most likely by, best first.

    The groups a sentence says did it (`attributed`, from attributed_groups); then the
    armed actors named at least twice, most often first; then the one named armed
    group when the article names exactly one, or with no group, the one state or
    foreign force a one-paragraph brief names ("beaten by Malian soldiers"). A faction
    stands for its parent, as
    ACLED codes it. The caller skips the event's targets (an army named twice as
    the victim).
    """
    entries = [
        getattr(m.value.entry, "coded_as", None) or m.value.entry
        for m in doc.of("actor")
        if m.value.entry.kind not in {"civilians", "protesters", "rioters"}
    ]
    counts = Counter(entry.name for entry in entries)
    by_name = {entry.name: entry for entry in entries}
    likely = list(attributed)
    frequent = [by_name[name] for name, times in counts.most_common() if times >= 2]
    likely += [entry for entry in frequent if entry not in likely]
    groups = {e.name: e for e in entries if is_named_group(e)}
    if len(groups) == 1:
        group = next(iter(groups.values()))
        if group not in likely:
            likely.append(group)
    forces = [force for force in armed_forces(doc) if not _only_hit(doc, force)]
    if not groups and len(forces) == 1 and forces[0] not in likely and _one_story(doc):
        likely.append(forces[0])
    return likely


def _only_hit(doc: ArticleDoc, entry: Any) -> bool:
    """Every mention of the force says it was hit ("A suicide bomber detonated his
    bomb at a checkpoint. 1 policeman injured."): the side attacked, not the attacker."""
    mentions = [m for m in doc.of("actor") if m.value.entry == entry]
    starts = [start for start, _ in doc.sentences]
    return bool(mentions) and all(
        named_as_hit(doc.text, starts[max(0, bisect_right(starts, m.start) - 1)], m.value)
        for m in mentions
    )


def _one_story(doc: ArticleDoc) -> bool:
    """A brief of one paragraph tells one incident; a new paragraph may tell another."""
    return len(doc.sentences) <= BRIEF_SENTENCES and len(set(doc.paragraph_of)) <= 1


def armed_forces(doc: ArticleDoc) -> list[Any]:
    """The state and foreign forces the article names, in order: who most likely
    killed militants that a sentence tells were killed by no one named."""
    found: list[Any] = []
    for mention in doc.of("actor"):
        entry = mention.value.entry
        state = entry.kind == "state" and entry.role not in _NOT_FORCES
        armed = state or _FOREIGN_FORCE.match(entry.name) is not None
        if armed and not entry.generic and entry not in found:
            found.append(entry)
    return found


# State actors that hold no guns in a fight: the government, a mutiny against it.
_NOT_FORCES = {"government", "mutiny"}
# Foreign armies and armed missions, not aid bodies or diplomatic ones (UN, ICRC, ECOWAS).
_FOREIGN_FORCE = re.compile(r"Military Forces|MINUSMA|MISMA|G5S|Takuba|MNJTF|Wagner|Africa Corps")


def named_factions(doc: ArticleDoc) -> dict[str, list[Any]]:
    """Factions the article names, by the parent ACLED codes them as."""
    found: dict[str, list[Any]] = {}
    for mention in doc.of("actor"):
        entry = mention.value.entry
        parent = getattr(entry, "coded_as", None)
        if parent is not None and entry not in found.setdefault(parent.name, []):
            found[parent.name].append(entry)
    return found


# "JNIM claimed responsibility", "the attack was claimed by JNIM": the group says it did it.
_CLAIM_WORDS = (
    r"claim(?:ed|s|ing)? (?:\w+ ){0,2}(?:responsibility|the (?:attack|ambush|killing|"
    r"abduction|kidnapping|assault|bombing|explosion|operation))|t(?:ook|akes|aking) credit|"
    r"claimed by|revendiqu"
)
_CLAIM = re.compile(rf"\b(?:{_CLAIM_WORDS})", re.IGNORECASE)
# "JNIM claimed responsibility", "the device was likely planted by ISGS": the text
# names who did it, even when the act's own sentence says "unknown gunmen". What was
# learned later counts too: "the gunmen were later identified as ISGS militants", "the
# attacker was reportedly part of JNIM", "the attackers are suspected members of the FLM",
# "the perpetrators were Al Mourabitoun" (not "the victims were identified as ...").
_ATTRIBUTION = re.compile(
    rf"\b(?:{_CLAIM_WORDS}|"
    r"planted by|(?:believed|suspected|thought|said|alleged) to (?:be|have been)|"
    r"(?:gunm[ae]n|attackers?|assailants?|perpetrators?|kidnappers?|abductors?|bombers?|"
    r"culprits|they) (?:\w+ ){0,3}?identified as|"
    r"(?:learned|revealed|turned out|confirmed|found|known) to (?:be|have been)|"
    r"(?:allegedly|reportedly|presumably|apparently) (?:a )?(?:members? of|part of)|"
    r"(?:suspected|alleged|presumed) (?:members?|fighters|elements) of|"
    r"perpetrators? (?:were|was|are|is)\b|"
    r"suspected (?:in|of) (?:planting|carrying out|being behind)|attributed to|"
    r"blamed on)",
    re.IGNORECASE,
)


def attributed_groups(doc: ArticleDoc) -> list[Any]:
    """Named armed groups in the sentences that say who did it."""
    return _groups_where(doc, _ATTRIBUTION)


def claiming_groups(doc: ArticleDoc) -> list[Any]:
    """Named armed groups in the sentences that say a group claimed the act."""
    return _groups_where(doc, _CLAIM)


def _groups_where(doc: ArticleDoc, said: re.Pattern[str]) -> list[Any]:
    found: list[Any] = []
    actors = doc.of("actor")
    for start, end in doc.sentences:
        if not said.search(doc.text, start, end) or _DENIAL.search(doc.text, start, end):
            continue
        for match in actors:
            entry = getattr(match.value.entry, "coded_as", None) or match.value.entry
            named = is_named_group(entry)
            if start <= match.start < end and named and entry not in found:
                found.append(entry)
    return found


_DENIAL = re.compile(r"\b(?:den(?:y|ied|ies|ying)|rejected|refused)\b", re.IGNORECASE)


def _shared_claims(claims: list[Claim], index: int, parts: int) -> list[Claim]:
    """Event `index`'s share of each toll divided among `parts` events: ACLED's
    conservative split, whole numbers; the remainder goes one each to the first
    events, so the shares add up to the toll (29 over four: 8, 7, 7, 7)."""
    return [
        replace(
            claim,
            fatalities=claim.fatalities // parts + (index < claim.fatalities % parts),
        )
        for claim in claims
    ]


def split_by_place(report: Report, places: list[Place]) -> list[Report]:
    """ACLED codes one event per location and divides a shared toll among them."""
    reports = []
    for index, place in enumerate(places):
        claims = _shared_claims(report.claims, index, len(places))
        evidence = [e for e in report.evidence if e.field != "location"]
        if place.start is not None and place.end is not None:
            evidence.append(
                Evidence(
                    report.article, "location", place.start, place.end, place.mention or place.name
                )
            )
        reports.append(replace(report, place=place, claims=claims, evidence=evidence))
    return reports


def split_by_day(report: Report, days: Sequence[date], precision: int = 1) -> list[Report]:
    """ACLED codes an event told over several days ("on 11-12 March") as one event a
    day, and divides a shared toll among them. The evidence stays the date as told."""
    if len(days) < 2:
        return [report]
    return [
        replace(
            report,
            event_date=day.isoformat(),
            date_end=None,
            time_precision=precision,
            claims=_shared_claims(report.claims, index, len(days)),
            days_told=len(days),
        )
        for index, day in enumerate(days)
    ]


def _days_told(doc: ArticleDoc, report: Report) -> tuple[date, ...]:
    """The days of the report's own date mention, when it states several outright."""
    spans = {(e.start, e.end) for e in report.evidence if e.field == "event_date"}
    for mention in doc.of("date"):
        if (mention.start, mention.end) in spans:
            return told_days(doc.text, mention.start, mention.end, mention.value)
    return ()


# Incidents a brief may tell went on for days, one event a day; not a hostage "held for
# five days", nor a truce.
_LASTING_TYPES = {"Battles", "Protests", "Riots", "Explosions/Remote violence"}
_LASTING_SUB_TYPES = {"Attack", "Looting/property destruction"}


def _days_lasted(
    doc: ArticleDoc, ctx: ArticleContext, draft: Draft, report: Report
) -> tuple[date, ...]:
    """The days a dateless brief says its incident went on ("two days of fighting"):
    those up to the day before publication, as `_brief_date` dates the incident."""
    if ctx.published is None or any(e.field == "event_date" for e in report.evidence):
        return ()
    if report.event_type not in _LASTING_TYPES and report.sub_event_type not in _LASTING_SUB_TYPES:
        return ()
    for member in draft.members:
        lasted = days_lasted(doc.text, member.start, member.end)
        if lasted:
            last = ctx.published - timedelta(days=1)
            return tuple(last - timedelta(days=back) for back in reversed(range(lasted)))
    return ()


def assemble(doc: ArticleDoc, ctx: ArticleContext) -> list[Report]:
    reports: list[Report] = []
    brief = len(doc.sentences) <= BRIEF_SENTENCES
    told: tuple[int, Roles] | None = None  # (paragraph, acting side) of the last armed act
    split_over = _events_split_over(doc.text)
    coded = _coded_total(doc)
    for draft in merge_candidates(build_candidates(doc, ctx), short=brief):
        paragraph = draft.first.paragraph
        before = None
        if told is not None and told[0] == paragraph and not _names_actors(doc, draft):
            before = told[1]
        merged = _merged_roles(draft, doc.text)
        report = to_report(doc, ctx, draft, before, merged)
        if coded is not None:
            report = replace(report, claims=[coded])
        # Forces attacked in an event told before did not kill the attackers in a later one.
        ctx.forces_hit.update(n for n in [report.actor2, *report.assoc_actor_2] if n)
        acting = merged.actor1
        if acting is not None and acting.kind in _ARMED_KINDS:
            told = (paragraph, Roles(actor1=acting, assoc1=list(merged.assoc1)))
        # An accord is signed once, wherever the hostilities it ends took place ("signed
        # an accord in Ke-Macina to end hostilities in the cercles of Macina, Djenne, ...").
        listed = draft.first.places if report.sub_event_type != "Agreement" else []
        days = _days_told(doc, report)
        lasted = () if days else _days_lasted(doc, ctx, draft, report)
        parts: list[Report] = []
        for one in split_by_place(report, listed) if listed else [report]:
            if lasted:  # days estimated back from publication: still within the week
                parts.extend(split_by_day(one, lasted, precision=report.time_precision or 2))
            else:
                parts.extend(split_by_day(one, days))
        reports.extend(_split_as_told(split_over, report, parts))
    return reports


# "Fatalities split across three events", "fatalities spread over four villages": the
# toll told is that of several events, the others coded apart.
_SPLIT_TOLL = re.compile(
    r"\bfatalities\s+(?:are\s+|were\s+|have\s+been\s+)?(?:split|spread|divided)\s+"
    r"(?:across|between|over|among)\s+(?:the\s+)?\(?(?P<parts>\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten)\)?\s+(?:separate\s+)?(?:events|dates|days|locations|villages)\b",
    re.IGNORECASE,
)


def _events_split_over(text: str) -> int | None:
    """How many events the text says its toll was split over, if it says so."""
    told = _SPLIT_TOLL.search(text)
    counts = find_counts(told["parts"]) if told else []
    return counts[0].value if counts else None


# ACLED's coders may overrule the figures a note reports with their own for the event:
# "Fatalities coded as 0." after an uncorroborated claim, "30 militants were killed and
# captured (coded as 15 fatalities)", "Uncertain number of deaths coded as 10".
_CODED_TOTAL = re.compile(
    r"(?:^|[.;]\s+|\(\s*)(?:fatalities|uncertain\s+number\s+of\s+deaths)\s+"
    r"(?:were\s+|are\s+)?coded\s+(?:as|at)\s+(?P<value>\d+|zero)\b(?!\s+in\b)"
    r"|\(coded\s+as\s+(?P<fatalities>\d+)\s+fatalities\)",
    re.IGNORECASE,
)


def _coded_total(doc: ArticleDoc) -> Claim | None:
    """The toll the text's coder set for the whole event, as the claim of its sentence."""
    found = _CODED_TOTAL.search(doc.text)
    if found is None:
        return None
    group = "value" if found["value"] else "fatalities"
    (count,) = find_counts(found[group])
    at = found.start(group)
    start, end = next(((s, e) for s, e in doc.sentences if s <= at < e), found.span())
    return Claim(doc.article.id, None, count.value, "exact", doc.text[start:end], start, end)


def _split_as_told(count: int | None, report: Report, parts: list[Report]) -> list[Report]:
    """Each part's share when the text says its toll was split over more events (`count`)
    than it told apart: the toll over their number, rounded (ACLED's shares differ by one
    at most, so the rounded one is the commonest)."""
    if count is None or len(parts) >= count:
        return parts
    claims = [
        replace(claim, fatalities=(2 * claim.fatalities + count) // (2 * count))
        for claim in report.claims
    ]
    return [replace(part, claims=claims) for part in parts]


# Kinds of actors whose act a following actorless sentence may go on telling.
_ARMED_KINDS = GROUP_KINDS | FORCE_KINDS


def _names_actors(doc: ArticleDoc, draft: Draft) -> bool:
    spans = [(m.start, m.end) for m in draft.members]
    return any(s <= m.start < e for m in doc.of("actor") for s, e in spans)
