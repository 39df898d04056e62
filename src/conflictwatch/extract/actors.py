"""The actor registry as the extraction components use it.

Wraps `ActorRegistry` (the canon in data/actors.jsonl) with the two things the
sentence rules need: matches cleaned of descriptive words that only introduce a
named actor ("the Tuareg separatist group CSP" is the CSP, not Tuareg
civilians), and ACLED's default actors by country (civilians, unidentified
armed group, protesters, rioters).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from conflictwatch.extract.actor_registry import ActorMatch, ActorRegistry

# Words that may stand between a descriptive actor word and the name it introduces.
_APPOSITION = re.compile(
    r"^[\s,]*(?:(?:separatist|rebel|armed|jihadist|islamist|militant|terrorist|ethnic|self-defen[cs]e|"
    r"militia|group|movement|coalition|alliance|organi[sz]ation|the|a|an|led|dominated|backed|-)\s*,?\s*){0,5}$",
    re.IGNORECASE,
)
# "French and Malian forces", "French, Burkinabe and Malian troops": an adjective
# sharing the head noun of the actor after it (the search ends at that actor).
_LEFT_CONJUNCT = re.compile(r"(?<![\w-])(?P<word>[A-Z][\w-]+)\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
# "forces françaises et maliennes": an adjective after the actor, sharing its head.
_RIGHT_CONJUNCT = re.compile(r"\s*(?:,\s*|\s+et\s+|\s+and\s+)(?P<word>[\w-]+)(?![\w-])")
_ETHNIC_GROUP = " Ethnic Group "
_GENERIC_ALIASES = {
    "civilians": "civilians",
    "unidentified": "gunmen",
    "protesters": "protesters",
    "rioters": "rioters",
}


class Actors:
    def __init__(self, registry: ActorRegistry) -> None:
        self.registry = registry

    @classmethod
    def load(cls) -> Actors:
        return cls(ActorRegistry.load())

    def find(
        self, text: str, *, country: str | None = None, on: date | None = None
    ) -> list[ActorMatch]:
        matches = self.registry.find(text, country=country, on=on)
        matches = self._coordinated(text, matches, country, on)
        kept = []
        for index, match in enumerate(matches):
            following = matches[index + 1] if index + 1 < len(matches) else None
            if self._introduces(text, match, following):
                continue  # "Tuareg separatist group CSP": the CSP is meant
            kept.append(match)
        return kept

    def _coordinated(
        self, text: str, matches: list[ActorMatch], country: str | None, on: date | None
    ) -> list[ActorMatch]:
        """'French and Malian forces', 'forces françaises et maliennes': one actor each."""
        added: list[ActorMatch] = []
        for match in matches:
            words = match.text.split()
            if len(words) < 2 or match.entry.generic:
                continue
            head, tail = words[0], words[-1]
            left = _LEFT_CONJUNCT.search(text, max(0, match.start - 60), match.start)
            while left is not None:
                added += self._conjunct(left, f"{left.group('word')} {tail}", match, country, on)
                left = _LEFT_CONJUNCT.search(text, max(0, left.start() - 60), left.start())
            right = _RIGHT_CONJUNCT.match(text, match.end)
            if right is not None:
                added += self._conjunct(right, f"{head} {right.group('word')}", match, country, on)
        if not added:
            return matches
        taken = [(m.start, m.end) for m in matches]
        fresh = [m for m in added if not any(s < m.end and m.start < e for s, e in taken)]
        return sorted([*matches, *fresh], key=lambda m: m.start)

    def _conjunct(
        self,
        found: re.Match[str],
        phrase: str,
        match: ActorMatch,
        country: str | None,
        on: date | None,
    ) -> list[ActorMatch]:
        entry = self.registry.resolve(phrase, country=country, on=on)
        if entry is None or entry.generic or entry.name == match.entry.name:
            return []
        start, end = found.span("word")
        return [ActorMatch(start, end, found.string[start:end], entry)]

    @staticmethod
    def _introduces(text: str, match: ActorMatch, following: ActorMatch | None) -> bool:
        """A descriptive word right before the named actor it describes."""
        if following is None or not match.entry.generic or following.entry.generic:
            return False
        return _APPOSITION.match(text[match.end : following.start]) is not None

    def armed_as(self, entry: Any) -> Any:
        """The militia a community fights as: "Fulani Ethnic Group (Mali)" -> "Fulani Ethnic
        Militia (Mali)", villagers -> "Unidentified Communal Militia (Mali)"; None if none."""
        if entry.kind != "civilians" or entry.country is None:
            return None
        if _ETHNIC_GROUP in entry.name:
            return self.registry.resolve(entry.name.replace(_ETHNIC_GROUP, " Ethnic Militia "))
        return self.registry.resolve("communal militia", country=entry.country)

    def canonical_on(self, name: str, on: date | None = None) -> str | None:
        """Today's canonical name for an ACLED label or alias (older labels included)."""
        entry = self.registry.resolve(name, on=on)
        return entry.name if entry is not None else None

    def generic(self, kind: str, country: str | None, country_name: str | None = None) -> Any:
        """ACLED's default actor of a kind for a country, e.g. 'Civilians (Mali)'.

        For a country the canon does not list, the country-less entry is named
        after the country the same way ("Civilians (Iraq)").
        """
        try:
            if kind == "civilians" and country:
                return self.registry.civilians(country)
            if kind == "unidentified" and country:
                return self.registry.unidentified(country)
            entry = self.registry.resolve(_GENERIC_ALIASES[kind], country=country)
        except KeyError:
            entry = None
        if entry is None or (country and entry.country != country):
            entry = self.registry.resolve(_GENERIC_ALIASES[kind], country=None)
            if country_name and entry is not None:
                entry = replace(entry, name=f"{entry.name} ({country_name})", country=country)
        return entry
