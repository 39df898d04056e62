"""One event from the reports that describe it: fields, figure range, grade.

Fields are voted by the reports, the most precise place and date win, every
figure stays as a claim, and disagreements are flagged rather than averaged
away (UCDP's low/best/high, ACLED's conservative figure, Airwars' grading).
"""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter
from collections.abc import Iterable

from conflictwatch.model import ADDED_SIDES, Claim, Event, Report

# Figures further apart than this (ratio and absolute) are a contradiction.
_CONTRADICTION_RATIO = 1.25
_CONTRADICTION_GAP = 3
# Actors every incident of a kind shares: naming them is not taking a side.
_GENERIC_PREFIXES = ("Civilians", "Unidentified", "Rioters", "Protesters")


def event_id_for(reports: list[Report]) -> str:
    """Stable id: derived from the earliest report, so later reports don't change it.

    "Earliest" is the first published (then the earliest event date, then the
    report id): a recap published months later, even with a vaguer date that
    falls before the first report's, never takes the id over.
    """
    first = min(reports, key=_first_reported)
    return "ev-" + hashlib.sha1(first.id.encode()).hexdigest()[:12]


def _first_reported(report: Report) -> tuple[str, str, str]:
    return (report.published or "9999-12-31", report.event_date or "9999-12-31", report.id)


def _report_order(report: Report) -> tuple[str, str]:
    return (report.event_date or "9999-12-31", report.id)


def _vote(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    if not counted:
        return None
    return counted.most_common(1)[0][0]


def _union(lists: Iterable[list[str]], exclude: set[str | None]) -> list[str]:
    seen: list[str] = []
    for items in lists:
        for item in items:
            if item not in seen and item not in exclude:
                seen.append(item)
    return seen


def source_totals(claims: list[Claim]) -> list[tuple[Claim, int]]:
    """Each source's total toll: its figures for different sides add up.

    A source is one article's named speaker (or the article itself). Within a
    source, figures for the same side are restatements (the largest stands),
    figures for different sides (soldiers, militants, civilians) are summed,
    and a figure with no side stands against that sum. People who died of their
    wounds later, and an estimate for dead no figure counts, are added to it.
    "Up to" bounds and ranges' upper ends are not totals.
    """
    groups: dict[tuple[str, str | None], list[Claim]] = {}
    for claim in claims:
        if claim.qualifier != "up to":
            groups.setdefault((claim.article, claim.claimed_by), []).append(claim)
    totals = []
    for group in groups.values():
        by_side: dict[str, int] = {}
        unsided = 0
        for claim in group:
            if claim.victims:
                by_side[claim.victims] = max(by_side.get(claim.victims, 0), claim.fatalities)
            else:
                unsided = max(unsided, claim.fatalities)
        added = sum(by_side.pop(side, 0) for side in ADDED_SIDES)
        totals.append((group[0], max(sum(by_side.values()), unsided) + added))
    return totals


def conservative_fatalities(claims: list[Claim]) -> int:
    """ACLED's rule: the lowest total a source gave for the deaths.

    Sources that each count other sides complete each other ("a soldier was
    killed"; "the army said it killed six militants": 7), so their totals add up
    when no side is counted by two of them. "No casualties" from an early report
    does not erase a later count, so a zero counts only when nobody gave a
    positive figure.
    """
    totals = source_totals(claims)
    positive = [total for _, total in totals if total > 0]
    if len(positive) > 1 and _complementary(claims):
        return sum(positive)
    return min(positive) if positive else 0


def _complementary(claims: list[Claim]) -> bool:
    """Every source counts sides, and no side is counted by two sources."""
    sides: dict[tuple[str, str | None], set[str]] = {}
    for claim in claims:
        if claim.qualifier == "up to" or claim.fatalities <= 0:
            continue
        if not claim.victims:
            return False
        sides.setdefault((claim.article, claim.claimed_by), set()).add(claim.victims)
    seen: set[str] = set()
    for counted in sides.values():
        if counted & seen:
            return False
        seen |= counted
    return True


def fatality_range(claims: list[Claim]) -> tuple[int | None, int | None, int | None]:
    """UCDP-style low, best and high over the sources' totals and upper bounds."""
    totals = [total for _, total in source_totals(claims)]
    highs = [c.fatalities for c in claims if c.qualifier == "up to"]
    if not totals and not highs:
        return None, None, None
    values = sorted(totals or highs)
    return values[0], int(statistics.median_low(values)), max(values + highs)


def contradictions(reports: list[Report], claims: list[Claim]) -> list[str]:
    found = []
    positive = [(claim, total) for claim, total in source_totals(claims) if total > 0]
    if positive:
        low, low_total = min(positive, key=lambda item: item[1])
        high, high_total = max(positive, key=lambda item: item[1])
        if (
            high_total >= low_total * _CONTRADICTION_RATIO
            and high_total - low_total >= _CONTRADICTION_GAP
        ):
            found.append(
                f"figures differ: {low_total} ({low.claimed_by or low.article}) "
                f"vs {high_total} ({high.claimed_by or high.article})"
            )
    if any(c.fatalities == 0 for c in claims) and positive:
        found.append("one source reports no deaths, another reports deaths")
    victims = {r.actor2 for r in reports if r.actor2}
    if (
        len(victims) > 1
        and any(r.civilian_targeting for r in reports)
        and not all(r.civilian_targeting for r in reports)
    ):
        found.append("sources disagree on who was hit: " + " vs ".join(sorted(victims)))
    perpetrators = {r.actor1 for r in reports if r.actor1 and not is_generic(r.actor1)}
    if len(perpetrators) > 1:
        found.append("sources disagree on who did it: " + " vs ".join(sorted(perpetrators)))
    return found


def is_generic(actor: str) -> bool:
    """Civilians, unidentified attackers, rioters, protesters: no one in particular."""
    return actor.startswith(_GENERIC_PREFIXES)


def grade(reports: list[Report], claims: list[Claim], disputes: list[str]) -> str:
    """Airwars-style: contested, confirmed by a party, two or more sources, single source."""
    if disputes:
        return "contested"
    parties = {r.actor1 for r in reports} | {r.actor2 for r in reports}
    if any(c.claimed_by in parties for c in claims if c.claimed_by):
        return "confirmed by a party"
    if len({r.article for r in reports}) >= 2:
        return "two or more sources"
    return "single source"


def build_event(reports: list[Report]) -> Event:
    """The event the reports describe together."""
    ordered = sorted(reports, key=_report_order)
    sub_event_type = _vote(r.sub_event_type for r in ordered) or ordered[0].sub_event_type
    typed = [r for r in ordered if r.sub_event_type == sub_event_type]
    dated = sorted(
        (r for r in ordered if r.event_date), key=lambda r: (r.time_precision or 3, r.event_date)
    )
    placed = sorted((r for r in ordered if r.place), key=lambda r: r.place.geo_precision or 3)
    place = placed[0].place if placed else None
    actor1 = _vote(r.actor1 for r in typed)
    actor2 = _vote(r.actor2 for r in typed if r.actor2 != actor1)
    claims = [claim for r in ordered for claim in r.claims]
    low, best, high = fatality_range(claims)
    disputes = contradictions(ordered, claims)
    by_name = {r.actor1: r.inter1 for r in ordered} | {r.actor2: r.inter2 for r in ordered}
    articles = sorted({r.article for r in ordered})
    notes = ordered[0].notes
    if disputes:
        notes += " [" + "; ".join(disputes) + "]"
    return Event(
        event_id=event_id_for(ordered),
        event_type=typed[0].event_type,
        sub_event_type=sub_event_type,
        event_date=dated[0].event_date if dated else None,
        date_end=dated[0].date_end if dated else None,
        time_precision=dated[0].time_precision if dated else None,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=_union((r.assoc_actor_1 for r in typed), {actor1, actor2}),
        assoc_actor_2=_union((r.assoc_actor_2 for r in typed), {actor1, actor2}),
        inter1=by_name.get(actor1),
        inter2=by_name.get(actor2),
        civilian_targeting=any(r.civilian_targeting for r in typed),
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        location=place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        fatalities=conservative_fatalities(claims),
        fatalities_low=low,
        fatalities_best=best,
        fatalities_high=high,
        claims=claims,
        articles=articles,
        notes=notes,
        confidence=round(
            min(0.95, max(r.confidence for r in ordered) + 0.05 * (len(articles) - 1)), 2
        ),
        reports=[r.id for r in ordered],
        evidence=[item for r in ordered for item in r.evidence],
        hedged=all(r.hedged for r in ordered),
        grade=grade(ordered, claims, disputes),
        contradictions=disputes,
    )
