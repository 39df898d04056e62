"""Who did it and to whom: actor roles around the trigger of a sentence.

Rules of English news syntax, not a parser: actors before the trigger act
("JNIM militants attacked"), actors after it are hit ("attacked a FAMa post"),
a passive trigger swaps them ("soldiers were killed by ..."), "by X" names the
actor, and "with the aid of X" / "alongside X" names an associated actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Words between an auxiliary and its participle: "were reportedly killed", "were also
# wounded", "were later found dead".
_ADVERBS = r"(?:(?:\w+ly|also|later|then|all|both|too)\s+){0,2}"
# "was", "were killed": the subject was hit (a passive verb just before the trigger).
PASSIVE_BEFORE = re.compile(rf"\b(?:was|were|been|being|got|are|is)\s+{_ADVERBS}$", re.IGNORECASE)
_PROGRESSIVE = re.compile(r"[A-Za-z]+ing\b")


def is_passive(text: str, sent_start: int, start: int) -> bool:
    """The verb at `start` is passive: "were attacked", not "are attacking" (an
    auxiliary before an -ing form makes a progressive, whose subject acts)."""
    before = text[max(sent_start, start - 25) : start]
    return PASSIVE_BEFORE.search(before) is not None and not _PROGRESSIVE.match(text, start)


# "by 'militants'", "by \"unknown gunmen\"": a quoted agent is still the agent, and so
# are the many: "by a large number of Boko Haram fighters", "by dozens of gunmen".
_BY = re.compile(
    r"\b(?:by|par|attributed\s+to|blamed\s+on)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:(?:large|small|great)\s+)?(?:number|group|band|dozens|scores|hundreds)\s+of\s+"
    r"(?:the\s+)?)?[\"'“‘]?\s*(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# The word after a verb that opens a clause or a phrase, not the verb's object: "injured
# when MNJ rebels attacked".
_NOT_A_CLAUSE = (
    r"(?!(?:when|as|after|while|by|in|on|at|during|before|and|but|because|since|with|"
    r"that|who|which|near|for)\b)"
)
# "reported by", "documented by", "confirmed dead by the police": who tells of the act,
# not who did it (but in "by the police after gunmen attacked" the gunmen act).
_REPORTED_BY = re.compile(
    r"\b(?:reported|announced|confirmed|documented|denounced|recorded|witnessed|seen|heard)"
    rf"(?:\s+(?:dead|killed|missing))?\s+by\s+(?:the\s+)?(?:{_NOT_A_CLAUSE}\w+\s+){{0,2}}$",
    re.IGNORECASE,
)
_ASSOCIATE = re.compile(
    r"\b(?:with the (?:aid|help|support) of|in collaboration with|alongside|together with|"
    r"backed by|supported by|assisted by|aided by|accompanied by|and their|and its|with)\s+"
    r"(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# What those hit are suspected of: "people suspected of collaborating with the FLA",
# "accused of links with JNIM". A suspicion makes no one a fighter: the group is no side.
_SUSPECTED_OF = re.compile(
    r"\b(?:suspected|accused|charged|convicted)\s+of\s+(?:[\w-]+\s+){0,4}?"
    r"(?:with|to|for|of)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# Whom those hit belong to: "a leader linked to Ansar Dine" is ACLED's side hit.
_LINKED_TO = re.compile(
    r"\b(?:linked|tied|affiliated|close|loyal)\s+(?:to|with)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_AGAINST = re.compile(
    r"\b(?:against|on|targeting|at|upon|with|between|and)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


# "French and Malian forces attacked": two actors joined as one subject.
_JOINED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|et\s+|&\s*)$", re.IGNORECASE)
# "by JNIM/Katiba Macina militants", "by JNIM and Ansaroul Islam": one side.
_JOINED_AFTER = re.compile(r"^\s*(?:/|,\s*(?:and\s+)?|and\s+|&\s*|or\s+|and/or\s+)$", re.I)


def _joins_last(
    text: str,
    match: Any,
    actors: list[Any],
    group: list[Any],
    joint: re.Pattern[str] = _JOINED_AFTER,
) -> bool:
    """An actor joined to the last of `group`, named right before it, is one of them:
    it acts with the agents, or shares the suspicion of the suspected."""
    index = actors.index(match)
    if index == 0 or not group or actors[index - 1] is not group[-1]:
        return False
    return joint.match(text[group[-1].end : match.start]) is not None


# "clashed with ISGS militants", "fought against the army": the side fought.
_FOUGHT_WITH = re.compile(
    r"\s*(?:with|against)\s+(?:the\s+|an?\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE
)
# "clashes between FAMa and JNIM", "affrontements entre": the two sides follow.
_BETWEEN = re.compile(
    r"\b(?:clash\w*|fight\w*|battles?|confrontations?|combats?|hostilities|skirmish\w*|"
    r"gunfights?|exchanges? of (?:gun)?fire|affrontements?|accrochages?)\s+"
    r"(?:(?:broke out|erupted|took place|occurred|have|has)\s+)?(?:between|entre)\s+"
    r"(?:the\s+|les\s+|des\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# Within "between ...": a comma, hyphen or slash joins one side ("MSA-GATIA", "FAMa,
# Wagner"); "and" (also after a comma) passes to the other.
_SAME_SIDE = re.compile(r"\s*(?:,|-|/|–)\s*(?:\()?")
_SIDES_JOINED = re.compile(r"^\s*(?:,|-|/|–)?\s*(?:and\s+|et\s+|&\s*)?\(?$", re.IGNORECASE)
# "JNIM and ISGS clashed": the two actors are the two sides.
_MUTUAL = re.compile(r"clash|fight|fought|battl|affront|combat|exchang|skirmish", re.IGNORECASE)
_VICTIM_VERBS = (
    r"killed|wounded|injured|hurt|ambushed|targeted|struck|hit|abducted|kidnapped|captured|"
    r"executed|murdered|assassinated|attacked|shot dead|shot|lynched|beaten|arrested|detained|"
    r"slain|found dead|"
    r"subjected to|the targets? of|"
    r"tués?|blessés?|enlevés?|attaqués?|ciblés?|visés?|tombés?"
)
_UNIT_NOUNS = (
    r"vehicles?|convoys?|patrols?|cars?|trucks?|positions?|posts?|bases?|camps?|units?|"
    r"members?|officers?|agents?|elements?|peacekeepers?|guards?|checkpoints?|checkposts?|"
    r"stations?|outposts?|barracks|brigades?|columns?|escorts?|"
    r"véhicules?|convois?|patrouilles?|éléments?"
)
_UNIT_ADJ = r"(?:armou?red|supply|tanker|military|army|fuel|escort)\s+"
# People named after their community or origin: "60 Fulani pastoralists killed".
_PEOPLE_NOUNS = (
    r"pastoralists?|herders?|herdsmen|villagers?|civilians?|traders?|farmers?|fishermen|"
    r"miners?|men|women|children|people|youths?|workers?|passengers?"
)
# The actor is the one hit: "soldiers were killed when ...", "a FAMa vehicle struck an
# IED"; without an auxiliary only after a count: "two soldiers killed and six wounded".
_HIT_AFTER = re.compile(
    rf"^\s*(?:{_UNIT_ADJ})?(?:(?:{_UNIT_NOUNS})\s+){{0,2}}"
    rf"(?:was|were|had been|have been|has been|got|ont été|a été|sont|est)\s+"
    rf"(?:{_ADVERBS}|reported\s+)"
    rf"(?:{_VICTIM_VERBS})\b",
    re.IGNORECASE,
)
_NOT_KILLED = r"wounded|injured|missing"
# "one soldier killed one wounded": a second count with no "and" before it.
_ANOTHER_COUNT = r"(?:one|two|three|four|five|six|another|several|others)"
_REDUCED_HIT_AFTER = re.compile(
    rf"^\s*(?:(?:{_UNIT_NOUNS}|{_PEOPLE_NOUNS})\s+){{0,2}}(?:{_VICTIM_VERBS})(?:\s+or\s+(?:{_VICTIM_VERBS}))?"
    rf"(?=\s+(?:and\s+(?:\d+|\w+\s+(?:{_NOT_KILLED}))|{_ANOTHER_COUNT}\s+(?:\w+\s+)?(?:{_NOT_KILLED})|"
    rf"by|in|when|after|during|"
    rf"near|while|par)\b|\s*[,.;]|\s*$)",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    r"(?:\b\d+|\b(?:one|another|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"many|dozens of|scores of|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs))"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "Soldier killed in an ambush", "A policeman shot dead in Gao": a headline's subject
# before a participle with no object after it.
_HEADLINE_SUBJECT = re.compile(r"\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2})?", re.IGNORECASE)
# "a FAMa checkpoint attacked overnight", "a MINUSMA convoy targeted by an IED": a post or
# a vehicle cannot act, so a participle after it is passive even without a count.
_UNIT_HIT_AFTER = re.compile(
    rf"^\s*(?:\([^)]{{0,40}}\)\s*)?(?:{_UNIT_ADJ})?(?:{_UNIT_NOUNS})\s+(?:(?:in|at|near)\s+[A-Z][\w'-]+(?:\s*\([^)]{{0,40}}\))?,?\s+)?"
    rf"(?:{_VICTIM_VERBS})"
    rf"(?=\s+(?:by|in|when|after|during|near|while|par|overnight|last|this|around|at|on|"
    rf"yesterday|today|along|between)\b|\s*[,.;(]|\s*$)",
    re.IGNORECASE,
)
# "a policeman shot dead by gunmen", "Dogon villagers killed by militiamen": a participle
# with its agent after it is passive, with or without a count or an auxiliary.
_PASSIVE_BY_AFTER = re.compile(
    rf"^\s*(?:{_UNIT_ADJ})?(?:(?:{_UNIT_NOUNS}|{_PEOPLE_NOUNS})\s+){{0,2}}(?:{_VICTIM_VERBS})"
    rf"(?:\s+(?:dead|to\s+death))?\s+(?:by|par)\b",
    re.IGNORECASE,
)
# "the patrol came under fire", "the convoy fell into an ambush".
_CAME_UNDER = re.compile(
    rf"^\s*(?:(?:{_UNIT_NOUNS})\s+){{0,2}}(?:came|comes|come|fell|falls|was caught|were caught)\s+"
    rf"(?:under|into|in)\s+(?:an?\s+|heavy\s+)?(?:fire|attack|ambush|gunfire|crossfire)",
    re.IGNORECASE,
)
_VEHICLE_HIT = re.compile(
    rf"^\s*(?:{_UNIT_ADJ})?(?:{_UNIT_NOUNS})\s+"
    rf"(?:hit|struck|ran over|drove over|ran into|stepped on|"
    rf"a heurté|a sauté sur|ont sauté sur)\b",
    re.IGNORECASE,
)


@dataclass
class Roles:
    actor1: Any = None  # an ActorEntry-like object with .name, .inter, .kind
    assoc1: list[Any] = field(default_factory=list)
    actor2: Any = None
    assoc2: list[Any] = field(default_factory=list)
    actor1_span: tuple[int, int] | None = None
    actor2_span: tuple[int, int] | None = None
    # actor1 is "the militants", "the assailants": attackers named earlier in the text.
    refers_back: bool = False
    # "the attackers" on the side hit, left out of actor2: a group named earlier that
    # reports.py looks up (dropped when it is the acting group itself).
    back_targets: list[tuple[int, int]] = field(default_factory=list)
    # Only a crowd of residents or villagers acted ("residents beat two thieves"): no
    # armed group did it, so ACLED codes mob violence by rioters.
    crowd_acted: bool = False
    # A crowd is one side of a fight with no armed group in the sentence ("students
    # clashed with the police"): a riot, not a battle.
    crowd_fought: bool = False


def _is_civilian(entry: Any) -> bool:
    return getattr(entry, "kind", None) == "civilians"


_DURING = re.compile(
    r"\b(?:during|amid|in the course of|as part of)\s+(?:an?\s+|the\s+|a\s+joint\s+)?$",
    re.IGNORECASE,
)
# "killed in a French military operation", "in a JNIM ambush": the act's authors.
_IN_AN_ACT = re.compile(r"\bin\s+(?:an?|the)\s+$", re.IGNORECASE)
_AN_ACT = re.compile(
    r"(?:[\s-]+(?:led|military|air|ground|joint))?[\s-]+(?:operations?|offensive|raids?|"
    r"attacks?|ambush|assault|air\s*strikes?|strikes?|bombing|bombardment)\b",
    re.IGNORECASE,
)
_ACT_WORD = re.compile(r"(?:operations?|offensive|raids?|attacks?|ambush|assault|strikes?)$", re.I)


def _in_an_act(text: str, left: str, match: Any) -> bool:
    """'in a French military operation', 'in a JNIM ambush': the actor names the act."""
    if not _IN_AN_ACT.search(left):
        return False
    return bool(_AN_ACT.match(text, match.end) or _ACT_WORD.search(match.text))


# "drones of the Malian Air Force", "a drone of the Burkinabe army": whose aircraft.
_AIRCRAFT = re.compile(
    r"(?:drones?|warplanes?|fighter jets?|jets|aircraft|helicopters?|helicopter gunships?|"
    r"military planes?)$",
    re.IGNORECASE,
)
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _flies_for(text: str, trigger_start: int, trigger_end: int, match: Any) -> bool:
    """The actor owns the aircraft the trigger names: it struck."""
    return (
        _AIRCRAFT.search(text, trigger_start, trigger_end) is not None
        and _OF_THE.fullmatch(text, trigger_end, match.start) is not None
    )


# "a suicide bomber, presumably ISWAP,", "gunmen, believed to be JNIM,": a group set
# beside the word for the attacker is who attacked.
_APPOSED = re.compile(
    r"\s*,\s*(?:presumably|probably|likely|possibly|allegedly|reportedly|apparently|"
    r"(?:believed|thought|suspected|said)\s+to\s+be)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:members?|fighters?|militants?)\s+(?:of|from)\s+(?:the\s+)?)?",
    re.IGNORECASE,
)


# The start of a verb's object up to an actor's name: "the", or one word ("Malian").
_OBJECT_HEAD = rf"(?:the\s+)?(?:{_NOT_A_CLAUSE}[\w-]+\s+)?"


# "killed at least 50 militants in airstrikes": the object of an act told before the
# trigger was hit by it, though it stands before the trigger.
_OBJECT_OF_ACT = re.compile(
    r"\b(?:kill|kills|killed|killing|wound|wounds|wounded|wounding|injured|injuring|"
    r"abducted|abducting|kidnapped|kidnapping|executed|executing|arrested|arresting|"
    r"captured|capturing|neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating)\s+"
    r"(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to|all|"
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of)\s+)*"
    rf"{_OBJECT_HEAD}$",
    re.IGNORECASE,
)
# "rescued 190 passengers", "freed the hostages": those saved are no side of the act.
_SAVED = re.compile(
    r"\b(?:rescued|rescuing|freed|freeing|liberated|liberating|evacuated|evacuating|saved)\s+"
    r"(?:(?:at\s+least|about|some|nearly|more\s+than|over|all|\d+)\s+)*"
    rf"{_OBJECT_HEAD}$",
    re.IGNORECASE,
)


# A reporting verb between an actor and the trigger makes the actor the one who tells.
_SPEAKS = re.compile(
    r"\b(?:said|says|concluded|reported|announced|stated|claimed|told|according|accused)\b"
    r"(?:\W+\w+){0,6}?\W+(?:that|how)\b",
    re.IGNORECASE,
)


def assign_roles(
    text: str, sent_start: int, trigger_start: int, trigger_end: int, actors: list[Any]
) -> Roles:
    """Split the sentence's actor matches into the acting and the targeted side."""
    passive = is_passive(text, sent_start, trigger_start)
    mutual = _MUTUAL.match(text, trigger_start, trigger_end) is not None
    agents: list[Any] = []
    targets: list[Any] = []
    associates: list[Any] = []
    suspected: list[Any] = []  # groups those hit are suspected of helping: no side
    between: list[Any] = []  # the sides of "clashes between X and Y"
    hit_together = _joined_hits(text, sent_start, trigger_start, actors)
    # "FAMa and Wagner clashed with JNIM": with the other side named after the verb,
    # the actors joined before it fought together.
    other_side_after = mutual and any(
        match.start >= trigger_end and _FOUGHT_WITH.match(text[trigger_end : match.start])
        for match in actors
    )
    for match in actors:
        left = text[max(sent_start, match.start - 40) : match.start]
        if match.start <= trigger_start and trigger_end <= match.end:
            agents.append(match)  # "mutineers", "rioters": the word for the act is its actor
        elif match.start >= trigger_end and _APPOSED.fullmatch(text, trigger_end, match.start):
            agents.append(match)
        elif _FOUGHT_WITH.match(text[trigger_end : match.start]) and mutual:
            targets.append(match)  # "clashed with ISGS militants": the other side
        elif match.start >= trigger_end and (
            _SUSPECTED_OF.search(left) or _joins_last(text, match, actors, suspected)
        ):
            # "arrested 7 people suspected of collaborating with the FLA (and the army)":
            # they are civilians.
            suspected.append(match)
        elif match.start >= trigger_end and _LINKED_TO.search(left):
            targets.append(match)  # "arrested a leader linked to Ansar Dine": its man
        elif _ASSOCIATE.search(left) and (agents or match.start > trigger_end):
            associates.append(match)
        elif match.start >= trigger_end and (
            _joins_last(text, match, actors, between, _SIDES_JOINED)
            or (not agents and _BETWEEN.search(left))
        ):
            # "clashes between FAMa and JNIM militants": the first side named, then the
            # other; "between FAMa, Wagner and JNIM", "MSA-GATIA": one side.
            same_side = not between or (
                between[-1] in agents and _SAME_SIDE.fullmatch(text, between[-1].end, match.start)
            )
            # A crowd is no acting side ("clashes between students and police"): the
            # crowd rules below decide what it did.
            acting = same_side and not _is_civilian(match.entry)
            (agents if acting else targets).append(match)
            between.append(match)
        elif not agents and match.start >= trigger_end and _acts_in_own_clause(text, left, match):
            agents.append(match)  # "20 people were killed when JNIM militants attacked"
        elif _is_source(text, left, match, trigger_end):
            continue  # "an exchange of fire was reported by Kidal inhabitants": a source
        elif _SAVED.search(left):
            continue
        elif _BY.search(left) or (
            match.start >= trigger_end and _joins_last(text, match, actors, agents)
        ):
            agents.append(match)
        elif match.start < trigger_start and (
            _SPEAKS.search(text, match.end, trigger_start)
            or _speaks_of_next(text, match, actors, trigger_start)
        ):
            continue  # "the UN office has concluded that 500 people were killed": a speaker
        elif match.start < trigger_start:
            hit = (
                match in hit_together
                or _is_hit(text, sent_start, match, trigger_start)
                or _OBJECT_OF_ACT.search(left) is not None
            )
            joined = (
                bool(agents)
                and (not mutual or other_side_after)
                and _JOINED.match(text[agents[-1].end : match.start]) is not None
            )
            against = bool(_AGAINST.search(left)) and bool(agents) and not joined
            # "JNIM militants abducted a commander; he was executed": the subject of an
            # act of its own before the passive verb is not who the verb hit.
            acted = passive and _ACTS_AFTER.match(text, match.end, trigger_start) is not None
            (targets if (passive and not acted) or hit or against else agents).append(match)
        elif (
            _DURING.search(left)
            or _in_an_act(text, left, match)
            or _flies_for(text, trigger_start, trigger_end, match)
        ):
            agents.append(match)  # "killed ... during a military operation": its authors
        else:
            targets.append(match)
    back = []
    if any(is_named_group(m.entry) for m in agents):
        # "JNIM militants killed three youths; the assailants also seized ...": once
        # the attackers are named, "the assailants" are them, not a second side hit.
        back = [m for m in targets if refers_to_attackers(text, m)]
        targets = [m for m in targets if m not in back]
    roles = _fill(agents, associates, targets)
    roles.back_targets = [(m.start, m.end) for m in back]
    roles.crowd_acted = roles.actor1 is None and any(
        _is_crowd(text, sent_start, trigger_end, m, actors) for m in agents
    )
    roles.crowd_fought = _FOUGHT.search(text, trigger_start, trigger_end) is not None and any(
        _is_crowd(text, sent_start, trigger_end, m, actors, unarmed=False) for m in agents + targets
    )
    roles.refers_back = any(
        (m.start, m.end) == roles.actor1_span and refers_to_attackers(text, m) for m in agents
    )
    return roles


# "were killed when JNIM militants attacked the town": the subject of the clause that
# tells how the toll came about.
_SUBCLAUSE_BEFORE = re.compile(
    r"\b(?:when|after|as|while|once|because)\s+(?:(?:the|some|suspected|presumed|alleged)\s+)?$",
    re.IGNORECASE,
)
# An actor followed by its own act, in a clause of its own: "when JNIM militants
# attacked", "JNIM militants abducted a commander ...", "the gunmen later seized".
_ACTS_AFTER = re.compile(
    r"\s+(?:[\w-]+ly\s+|later\s+|then\s+|also\s+)?(?:attacked|ambushed|raided|stormed|"
    r"struck|shelled|bombed|targeted|opened\s+fire|fired|overran|besieged|set\s+fire|"
    r"burned|launched|carried\s+out|clashed|abducted|kidnapped|killed|shot|seized|"
    r"executed|looted|stole|captured|detained|arrested|assassinated|destroyed|took|"
    r"entered|stopped|intercepted|ran|set\s+up|held|forced|imposed|removed|planted|"
    r"dismantled|conducted|engaged|repelled|repulsed|pursued|neutrali[sz]ed|chased|"
    r"surrounded|encircled|created|erected|established|installed|deployed)\b"
    r"|\s+(?:[\w-]+ly\s+)?attaqu",
    re.IGNORECASE,
)


def _acts_in_own_clause(text: str, left: str, match: Any) -> bool:
    """The actor opens a clause of its own after the trigger and acts in it."""
    return (
        _SUBCLAUSE_BEFORE.search(left) is not None
        and _ACTS_AFTER.match(text, match.end) is not None
    )


# "The government said 49 civilians were killed": the government only tells the toll.
_SAYS_AFTER = re.compile(
    r"\s*(?:has\s+|have\s+)?(?:said|says|reported|reports|announced|announces|stated|"
    r"confirmed|confirms|told|put\s+the\s+(?:death\s+)?toll)\b"
    r"(?!\s+(?:that\s+)?(?:it|its|they|their)\b)",  # "said it has arrested": it acted
    re.IGNORECASE,
)


# "military sources said", "army officials told": the actor's word only qualifies who
# speaks.
_SOURCES_SAY = re.compile(
    r"\s+(?:sources?|officials?|spokes(?:man|woman|person|people)|statement)\s+"
    r"(?:have\s+|has\s+)?(?:said|say|says|told|tell|reported|report|confirmed|announced)\b",
    re.IGNORECASE,
)


def only_tells(text: str, sent_start: int, match: Any, trigger_end: int) -> bool:
    """The actor mention only tells of the act ("confirmed dead by the police", "...,
    said the government"): no side of it."""
    left = text[max(sent_start, match.start - 40) : match.start]
    return _is_source(text, left, match, trigger_end)


def _is_source(text: str, left: str, match: Any, trigger_end: int) -> bool:
    """The actor only tells of the act: "reported by Kidal inhabitants", "according to
    the UN", "..., the UN said", "military sources said". A government that says
    something is its source wherever it stands: it fights through its forces, which are
    actors of their own."""
    if _REPORTED_BY.search(left) or _ACCORDING_TO.search(left):
        return True
    if _SOURCES_SAY.match(text, match.end):
        return True
    if _SAYS_AFTER.match(text, match.end) is None:
        return False
    # After the act, only a speaker opening its own clause: "..., residents said", but
    # not "wounded civilians reported" or "intercommunal violence reported in ...".
    return match.entry.role == "government" or (
        match.start >= trigger_end and _CLAUSE_OPENS.search(left) is not None
    )


_ACCORDING_TO = re.compile(
    r"\baccording\s+to\s+(?:an?\s+|the\s+)?$"
    # "..., said the government of Guanajuato state": the speaker after its words.
    r"|[,;]\s*(?:said|says|told|reported|stated|announced)\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_CLAUSE_OPENS = re.compile(
    r"[,;]\s*(?:the\s+|a\s+|an\s+)?(?:(?!(?:and|or|but|while)\s)[\w'’-]+\s+){0,2}$"
)


# "Mali junta says army killed ...": a headline drops the "that" after the speaker.
_SAYS_BEFORE_SUBJECT = re.compile(
    r"^\s*(?:says|said|say|claims|claimed|announces|announced|reports|reported|told)\s+"
    r"(?:that\s+)?(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)


def _speaks_of_next(text: str, match: Any, actors: list[Any], trigger_start: int) -> bool:
    """The actor speaks of the next one, who acted: "the junta says the army killed"."""
    following = [m for m in actors if match.end <= m.start < trigger_start]
    return (
        bool(following)
        and _SAYS_BEFORE_SUBJECT.match(text[match.end : following[0].start]) is not None
    )


# The kinds of non-state armed groups (not forces, crowds or civilians).
GROUP_KINDS = frozenset({"rebel", "political_militia", "identity_militia"})
# The kinds of forces: a state's, home or foreign, and external ones (peacekeepers).
FORCE_KINDS = frozenset({"state", "external"})
_THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)


def is_named_group(entry: Any) -> bool:
    return entry.kind in GROUP_KINDS and not entry.generic


def named_as_hit(text: str, sent_start: int, match: Any) -> bool:
    """The words around an actor say it was hit: "1 policeman injured"."""
    return _is_hit(text, sent_start, match, match.end)


def refers_to_attackers(text: str, match: Any) -> bool:
    """'the assailants', 'the gunmen': unidentified attackers named with 'the'."""
    entry = match.entry
    before = text[max(0, match.start - 8) : match.start]
    return entry.generic and entry.role == "unidentified" and bool(_THE_BEFORE.search(before))


def _coded(match: Any) -> list[tuple[Any, tuple[int, int]]]:
    """A match as (entry, span) pairs: a faction coded as its parent comes after it."""
    span = (match.start, match.end)
    parent = getattr(match.entry, "coded_as", None)
    return [(parent, span), (match.entry, span)] if parent is not None else [(match.entry, span)]


def _is_hit(text: str, sent_start: int, match: Any, trigger_start: int) -> bool:
    """The words right after an actor say it was hit ("were killed", "vehicle hit a mine")."""
    after = text[match.end : max(match.end, trigger_start) + 40]
    hit_patterns = (_HIT_AFTER, _VEHICLE_HIT, _UNIT_HIT_AFTER, _CAME_UNDER, _PASSIVE_BY_AFTER)
    if any(p.match(after) for p in hit_patterns):
        return True
    before = text[max(sent_start, match.start - 30) : match.start]
    counted = _COUNT_BEFORE.search(before) or _HEADLINE_SUBJECT.fullmatch(
        text, sent_start, match.start
    )
    return counted is not None and _REDUCED_HIT_AFTER.match(after) is not None


def _joined_hits(text: str, sent_start: int, trigger_start: int, actors: list[Any]) -> list[Any]:
    """Actors joined to one that was hit share its fate: in "French soldiers and a
    MINUSMA peacekeeper were wounded by an IED" the French were hit too, and in "two
    Dawsahak youths were found dead" the people the youths belong to."""
    before = [m for m in actors if m.end <= trigger_start]
    hit: list[Any] = []
    for first, second in reversed(list(zip(before, before[1:], strict=False))):
        between = text[first.end : second.start]
        joined = _JOINED.match(between) or _JOINED_UNIT.match(between) or between.isspace()
        if joined and (second in hit or _is_hit(text, sent_start, second, trigger_start)):
            hit.append(first)
    return hit


# "French soldiers and a MINUSMA peacekeeper": a count or article may open the second.
_JOINED_UNIT = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:an?|the|one|two|three|four|five|\d+)\s+$", re.IGNORECASE
)


def _fill(agents: list[Any], associates: list[Any], targets: list[Any]) -> Roles:
    roles = Roles()
    # Civilians are never the acting side of an act of violence; villagers named after
    # their village act as its communal militia.
    civilians = [m for m in agents if _is_civilian(m.entry) and not _armed(m.entry)]
    agents = [m for m in agents if m not in civilians]
    targets = civilians + targets
    acting = [
        (_armed(entry) or entry, span)
        for match in agents + associates
        for entry, span in _coded(match)
    ]
    for entry, span in acting:
        if roles.actor1 is None:
            roles.actor1, roles.actor1_span = entry, span
        elif entry.name != roles.actor1.name and entry.name not in _names(roles.assoc1):
            roles.assoc1.append(entry)
    taken = {roles.actor1.name if roles.actor1 else None, *_names(roles.assoc1)}
    for entry, span in (pair for match in targets for pair in _coded(match)):
        if entry.name in taken:
            continue
        if roles.actor2 is None:
            roles.actor2, roles.actor2_span = entry, span
        elif entry.name != roles.actor2.name and entry.name not in _names(roles.assoc2):
            roles.assoc2.append(entry)
        taken.add(entry.name)
    return roles


# People who act as a crowd when they act at all; "herders" or "traders" who attack are
# more often a community's militia, which the ethnic and village rules code.
_CROWD = re.compile(
    r"(?:residents|inhabitants|locals|villagers|population|youths|young people|students|pupils|"
    r"habitants|villageois|jeunes|élèves|étudiants)",
    re.IGNORECASE,
)
# "armed students": armed men, not a crowd.
_CROWD_QUALIFIED = re.compile(r"\barmed\s+$", re.IGNORECASE)
_COMMUNITY_AFTER = re.compile(r"\s+(?:from|of)\s+the\s+\w+\s+(?:community|ethnic)", re.IGNORECASE)
# Guns make it an armed attack, whoever holds them; a mob uses sticks, stones and fire.
_FIREARMS = re.compile(
    r"open(?:ed|s)? fire|gunfire|gunshots?|shot (?:dead|at)|firearms?|\bguns?\b", re.IGNORECASE
)


# A fight both sides take part in, which a crowd may have with the police.
_FOUGHT = re.compile(r"clash|fight|fought|confront|skirmish|scuffle|brawl", re.IGNORECASE)


def _is_crowd(
    text: str,
    sent_start: int,
    trigger_end: int,
    match: Any,
    actors: list[Any],
    *,
    unarmed: bool = True,
) -> bool:
    """A crowd of residents, villagers or youths acted, as no community: not "armed
    students", "Arab youths" (a people named just before) or "youths from the Bobo
    community"; `unarmed`: and no guns in the sentence (police may fire on a crowd)."""
    if not _is_civilian(match.entry) or _armed(match.entry) or not _CROWD.fullmatch(match.text):
        return False
    before = text[max(sent_start, match.start - 20) : match.start]
    if _CROWD_QUALIFIED.search(before) or _COMMUNITY_AFTER.match(text, match.end):
        return False
    if match.text[0].isupper() and text[sent_start : match.start].strip():
        return False  # "the National Union of Faso Students": a body's name
    if any(0 <= match.start - m.end <= 1 and m.entry.kind == "civilians" for m in actors):
        return False
    stop = text.find(".", trigger_end)
    return not unarmed or not _FIREARMS.search(text, sent_start, stop if stop >= 0 else len(text))


def _armed(entry: Any) -> Any:
    return getattr(entry, "armed", None)


def _names(entries: list[Any]) -> list[str]:
    return [entry.name for entry in entries]
