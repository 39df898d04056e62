"""Drafts: candidates of one article grouped into the reports they make up.

Candidates that describe the same incident (same type, compatible date and
place, or a toll / "the attack" told right after) are merged into one draft;
candidates with no anchor only lend their actors to a nearby draft of the same
type. A short text (a brief, a note, a snippet) needs no anchor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from conflictwatch.extract.candidates import (
    ELABORATION_SENTENCES,
    PROTEST_DETAIL,
    PROTEST_TYPES,
    VIOLENT_TYPES,
    Candidate,
    best_place,
)
from conflictwatch.extract.classify import feud_type
from conflictwatch.extract.dates import DateValue
from conflictwatch.model import Place


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if (a.geo_precision or 3) >= 3 or (b.geo_precision or 3) >= 3:
        return a.country == b.country
    return a.name == b.name or (a.admin2 is not None and a.admin2 == b.admin2)


@dataclass
class Draft:
    """A report being built from one or more candidates."""

    first: Candidate
    members: list[Candidate] = field(default_factory=list)

    @property
    def place(self) -> Place | None:
        """The lead's town; later sentences only fill in when the lead names none."""
        lead = self.first.place
        if lead is not None and (lead.geo_precision or 3) <= 2:
            return lead
        return best_place([c.place for c in self.members if c.place])

    @property
    def date(self) -> tuple[DateValue, int, int] | None:
        """The lead's date, else the first of a later member of the lead's own kind: a
        detail of another kind tells its own day ("Protesters marched for the release of
        X. He was arrested in mid-September." is no march in September)."""
        if self.first.date:
            return self.first.date
        kind = self.first.event_type
        return next((c.date for c in self.members if c.date and c.event_type == kind), None)


def _compatible(draft: Draft, cand: Candidate) -> bool:
    # "They killed 4 people before militiamen from Boulsa arrived": a town named only
    # as where people came from does not set the sentence elsewhere.
    place = None if cand.place_aside else cand.place
    if draft.date and cand.date:
        first, second = draft.date[0], cand.date[0]
        if second.anchor is not None and second.anchor == first.date:
            # "Five days later he was killed": told from the draft's own day, the story goes
            # on, and ACLED codes it with the incident it follows.
            return _places_compatible(draft.place, place)
        if first.date and second.date:
            window = {1: 1, 2: 7, 3: 31}[max(first.precision, second.precision)]
            if abs((first.date - second.date).days) > window:
                return False
    return _places_compatible(draft.place, place)


def merge_candidates(candidates: list[Candidate], *, short: bool = False) -> list[Draft]:
    """Group the article's candidates into drafts of reports.

    In a short text (a wire brief, an ACLED note, a snippet) there is no
    background to tell apart, so every candidate stands without an anchor.
    """
    drafts: list[Draft] = []
    loose: list[Candidate] = []
    early_details: list[Candidate] = []
    for cand in candidates:
        target = _merge_target(drafts, cand)
        if target is not None:
            target.members.append(cand)
        elif cand.detail_only:
            # "Police dispersed a march. The marchers were protesting ...": the detail may
            # come before the protest it belongs to; alone it reports nothing.
            early_details.append(cand)
        elif (cand.anchored or short) and (
            not cand.refers_back or cand.date or cand.figures or not drafts
        ):
            drafts.append(Draft(cand, [cand]))
        else:
            loose.append(cand)
    for cand in early_details:
        target = _merge_target(drafts, cand)
        if target is not None:
            target.members.append(cand)
    for cand in loose:
        _lend_actors(drafts, cand)
    return drafts


def _merge_target(drafts: list[Draft], cand: Candidate) -> Draft | None:
    """The draft this candidate repeats or elaborates, if any."""
    for draft in reversed(drafts):
        same_type = draft.first.sub_event_type == cand.sub_event_type
        # "Five soldiers were killed." or "the attack" after the attack sentence adds to it.
        elaboration = (
            cand.only_generic
            and cand.paragraph - draft.members[-1].paragraph <= 2
            and cand.sentence - draft.members[-1].sentence <= ELABORATION_SENTENCES
        )
        same_scene = _same_scene(draft, cand)
        if (same_type or elaboration or same_scene) and _compatible(draft, cand):
            if same_type and not cand.anchored and cand.paragraph != draft.first.paragraph:
                continue
            return draft
    return None


# What is destroyed or taken in the course of an attack.
_SPOILS_TYPES = {"Looting/property destruction", "Disrupted weapons use"}


def _same_scene(draft: Draft, cand: Candidate) -> bool:
    """Violence at the same town on compatible dates in one article is one incident
    told twice ("the army said it killed 203 terrorists" / "300 civilians executed")."""
    first = draft.first
    if first.event_type in PROTEST_TYPES:
        # "They clashed with the police" after a march is the marchers' fight; a
        # battle told with weapons or territory is an incident of its own.
        categories = {t.category for t in cand.triggers}
        near = cand.paragraph - draft.members[-1].paragraph <= 1
        if cand.event_type == "Battles":
            allowed = PROTEST_DETAIL | {"clash", "change", "movement"}  # "a joint force"
            return near and "clash" in categories and categories <= allowed
        return near and categories <= PROTEST_DETAIL
    if first.event_type in VIOLENT_TYPES and cand.sub_event_type in _SPOILS_TYPES:
        # "The attackers also burned shops", "The militants seized weapons and vehicles":
        # ACLED codes the attack, the most severe act.
        return cand.paragraph == draft.members[-1].paragraph
    if first.event_type not in VIOLENT_TYPES or cand.event_type not in VIOLENT_TYPES:
        return False
    a, b = draft.place, cand.place
    if a is None or b is None or (a.geo_precision or 3) > 2 or (b.geo_precision or 3) > 2:
        return False
    return a.name == b.name


def _lend_actors(drafts: list[Draft], cand: Candidate) -> None:
    for draft in drafts:
        near = (
            cand.paragraph == draft.first.paragraph
            and abs(cand.sentence - draft.first.sentence) <= 2
        )
        if near and draft.first.sub_event_type == cand.sub_event_type:
            draft.members.append(cand)
            return


_ARMED_KINDS = {"state", "rebel", "political_militia", "external"}


def draft_feud_type(draft: Draft) -> str | None:
    """A fight between communities told over the draft's sentences: a battle if anyone
    died ("... Five people were killed."), else mob violence (classify.feud_type)."""
    triggers = [t for member in draft.members for t in member.triggers]
    deaths = any(t.category == "kill" for t in triggers) or any(
        f.value > 0 for member in draft.members for f in member.figures
    )
    sides = [
        entry
        for member in draft.members
        for entry in (member.roles.actor1, member.roles.actor2)
        if entry is not None
    ]
    armed = any(getattr(entry, "kind", None) in _ARMED_KINDS for entry in sides)
    return feud_type(triggers, deaths, armed)
