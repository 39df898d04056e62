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

_PASSIVE = re.compile(r"\b(?:was|were|been|being|got|are|is)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\b(?:by|par)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_ASSOCIATE = re.compile(
    r"\b(?:with the (?:aid|help|support) of|in collaboration with|alongside|together with|"
    r"backed by|supported by|assisted by|aided by|accompanied by|and their|and its|with)\s+"
    r"(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_AGAINST = re.compile(
    r"\b(?:against|on|targeting|at|upon|with|between|and)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,3}$",
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


def _is_civilian(entry: Any) -> bool:
    return getattr(entry, "kind", None) == "civilians"


def assign_roles(
    text: str, sent_start: int, trigger_start: int, trigger_end: int, actors: list[Any]
) -> Roles:
    """Split the sentence's actor matches into the acting and the targeted side."""
    passive = bool(_PASSIVE.search(text[max(sent_start, trigger_start - 25) : trigger_start]))
    agents: list[Any] = []
    targets: list[Any] = []
    associates: list[Any] = []
    for match in actors:
        left = text[max(sent_start, match.start - 40) : match.start]
        if _ASSOCIATE.search(left) and (agents or match.start > trigger_end):
            associates.append(match)
        elif _BY.search(left):
            agents.append(match)
        elif match.start < trigger_start:
            (targets if passive or _AGAINST.search(left) and agents else agents).append(match)
        else:
            targets.append(match)
    return _fill(agents, associates, targets)


def _fill(agents: list[Any], associates: list[Any], targets: list[Any]) -> Roles:
    roles = Roles()
    # Civilians are never the acting side of an act of violence.
    civilians = [m for m in agents if _is_civilian(m.entry)]
    agents = [m for m in agents if not _is_civilian(m.entry)]
    targets = civilians + targets
    if agents:
        roles.actor1, roles.actor1_span = agents[0].entry, (agents[0].start, agents[0].end)
    for match in agents[1:] + associates:
        if roles.actor1 is None:
            roles.actor1, roles.actor1_span = match.entry, (match.start, match.end)
        elif match.entry.name != roles.actor1.name and match.entry.name not in _names(roles.assoc1):
            roles.assoc1.append(match.entry)
    taken = {roles.actor1.name if roles.actor1 else None, *_names(roles.assoc1)}
    for match in targets:
        if match.entry.name in taken:
            continue
        if roles.actor2 is None:
            roles.actor2, roles.actor2_span = match.entry, (match.start, match.end)
        elif match.entry.name != roles.actor2.name and match.entry.name not in _names(roles.assoc2):
            roles.assoc2.append(match.entry)
        taken.add(match.entry.name)
    return roles


def _names(entries: list[Any]) -> list[str]:
    return [entry.name for entry in entries]
