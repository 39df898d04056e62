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

from conflictwatch.extract.actor_registry import ActorEntry, ActorMatch, ActorRegistry

# Words that may stand between a descriptive actor word and the name it introduces.
_APPOSITION = re.compile(
    r"^[\s,]*(?:(?:separatist|rebel|armed|jihadist|islamist|militant|terrorist|ethnic|self-defen[cs]e|"
    r"militia|group|movement|coalition|alliance|organi[sz]ation|the|a|an|led|dominated|backed|-)\s*,?\s*){0,5}$",
    re.IGNORECASE,
)
# "French and Malian forces", "French, Burkinabe and Malian troops": an adjective
# sharing the head noun of the actor after it (the search ends at that actor).
# "French or Burkinabe forces", "French and/or Burkinabe forces": either may have acted.
# "French & Malian troops": the ampersand of headlines and notes.
_LEFT_CONJUNCT = re.compile(
    r"(?<![\w-])(?P<word>[A-Z][\w-]+)\s*(?:,\s*(?:and\s+)?|\s+(?:and|or|and/or)\s+|\s*&\s*)$"
)
# "forces françaises et maliennes": an adjective after the actor, sharing its head.
_RIGHT_CONJUNCT = re.compile(r"\s*(?:,\s*|\s+et\s+|\s+and\s+)(?P<word>[\w-]+)(?![\w-])")
_ETHNIC_GROUP = " Ethnic Group "
_VILLAGE = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?"
# "villagers from Boundo", "armed youths from the village of Zamana": people named after
# their village, who act as ACLED's "<Village> Communal Militia (<Country>)".
_VILLAGE_PEOPLE = re.compile(
    r"(?<![\w-])(?i:villagers|locals|youths?|residents|inhabitants|people|villageois|jeunes)"
    r"(?:\s+(?:armed|equipped)\s+with\s+[\w\s-]{1,40}?)?"
    r"\s+(?:coming\s+)?(?:from\s+(?:the\s+(?:village|town|locality)\s+of\s+)?|"
    r"(?:of|in)\s+the\s+(?:village|town|locality|area)\s+of\s+|in\s+(?:the\s+)?|"
    r"(?:du|de)\s+village\s+de\s+)"
    rf"(?P<village>{_VILLAGE})"
)
# "a land dispute between the villages of Sitiena and Diongolo": both sides.
_VILLAGE_PAIR = re.compile(
    rf"\bvillages\s+of\s+(?P<village>{_VILLAGE})\s+and\s+(?P<other>{_VILLAGE})"
)
# "Tuareg-led", "Fulani-dominated", "a Fulani-focused NGO": a people named only to
# describe the group or body after it.
_MODIFIER = re.compile(r"[-\s](?:led|dominated|backed|majority|based)\b|-[a-z]+ed\b", re.IGNORECASE)
# Country names ACLED writes with "the" after "of": "Military Forces of the Central
# African Republic".
_ARTICLED = re.compile(r"\b(?:Republic|Kingdom|United|Islands|Emirates)\b")
_GENERIC_ALIASES = {
    "civilians": "civilians",
    "unidentified": "gunmen",
    "protesters": "protesters",
    "rioters": "rioters",
}


# "a member of the government", "protests against the government": the government named
# after a preposition is what people belong to or oppose, not a body that acts or is hit.
_OF_THE_GOVERNMENT = re.compile(
    r"\b(?:of|against|to|on|with|for|from|towards?|contre|du|au)\s+$", re.IGNORECASE
)


def _governed(text: str, match: ActorMatch) -> bool:
    entry = match.entry
    if not (entry.generic and entry.role == "government"):
        return False
    return _OF_THE_GOVERNMENT.search(text, max(0, match.start - 12), match.start) is not None


def _named_after(entry: ActorEntry, code: str | None, country_name: str) -> ActorEntry:
    """A country-less entry named after a country the way ACLED names generic actors:
    "Unidentified Armed Group (Sudan)", "Civilians (Iraq)"."""
    return replace(entry, name=f"{entry.name} ({country_name})", country=code)


class Actors:
    def __init__(self, registry: ActorRegistry) -> None:
        self.registry = registry

    @classmethod
    def load(cls) -> Actors:
        return cls(ActorRegistry.load())

    def find(
        self,
        text: str,
        *,
        country: str | None = None,
        on: date | None = None,
        abroad: bool | None = None,
    ) -> list[ActorMatch]:
        matches = self.registry.find(text, country=country, on=on, abroad=abroad)
        matches = self._coordinated(text, matches, country, on)
        kept: list[ActorMatch] = []
        named: ActorMatch | None = None  # the nearest match after this one that stays
        for match in reversed(matches):
            if self._introduces(text, match, named):
                # "Tuareg separatist group CSP": the CSP is meant, and "separatist" before
                # it introduces it too.
                continue
            if _governed(text, match):
                continue  # "a member of the government": no force in the event
            kept.append(match)
            named = match
        kept.reverse()
        return self._villages(text, self._communities(text, kept), country, on)

    def _communities(self, text: str, matches: list[ActorMatch]) -> list[ActorMatch]:
        """An ethnic community carries the militia it fights as: "Fulani attacked the
        village" is the Fulani Ethnic Militia, while "Fulani were killed" stay civilians."""
        out = []
        for match in matches:
            entry = match.entry
            community = entry.kind == "civilians" and _ETHNIC_GROUP in entry.name
            if community and _MODIFIER.match(text, match.end):
                continue  # "Tuareg-led separatists": the separatists, not Tuareg people
            if community and entry.armed is None:
                militia = self.armed_as(entry)
                if militia is not None and militia.kind != "civilians":
                    match = replace(match, entry=replace(entry, armed=militia))
            out.append(match)
        return out

    def _villages(
        self, text: str, matches: list[ActorMatch], country: str | None, on: date | None
    ) -> list[ActorMatch]:
        """Villagers named after their village carry its communal militia (`armed`)."""
        if country is None:
            return matches
        found = [(m.span(), m.group("village")) for m in _VILLAGE_PEOPLE.finditer(text)]
        for pair in _VILLAGE_PAIR.finditer(text):
            found += [(pair.span("village"), pair["village"]), (pair.span("other"), pair["other"])]
        for (start, end), village in found:
            entry = self._village_people(village, country, on)
            if entry is None:
                continue
            inside = [m for m in matches if start <= m.start and m.end <= end]
            if any(not m.entry.generic or m.entry.kind != "civilians" for m in inside):
                continue  # "people from JNIM", "residents of Mali": not a village
            matches = [m for m in matches if m not in inside]
            matches.append(ActorMatch(start, end, text[start:end], entry))
        return sorted(matches, key=lambda m: m.start)

    def _village_people(self, village: str, country: str, on: date | None) -> ActorEntry | None:
        """Civilians of a country carrying "<village> Communal Militia (<country>)"."""
        if self.registry.resolve(village) is not None:
            return None  # a country, a people or a group, not a village
        militia = self.registry.resolve("communal militia", country=country, on=on)
        try:
            civilians = self.registry.civilians(country)
        except KeyError:
            return None
        if militia is None or militia.country != country:
            return None
        name = militia.name.replace("Unidentified", village, 1)
        return replace(civilians, armed=replace(militia, name=name, aliases=(), generic=False))

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
        if getattr(entry, "armed", None) is not None:
            return entry.armed
        if _ETHNIC_GROUP in entry.name:
            return self.registry.resolve(entry.name.replace(_ETHNIC_GROUP, " Ethnic Militia "))
        return self.registry.resolve("communal militia", country=entry.country)

    def country_cues(self, text: str) -> list[tuple[str, int, int]]:
        """Leaders, parties and institutions of one country named in `text`."""
        return self.registry.country_cues(text)

    def of_country(
        self, surface: str, entry: ActorEntry, code: str, country_name: str | None, on: date | None
    ) -> ActorEntry:
        """`surface` ("bandits") resolved for another country than the article's: its
        entry there, else its country-less entry named after the country the way ACLED
        names it ("Unidentified Armed Group (Sudan)"); `entry` when neither exists."""
        found = self.registry.resolve(surface, country=code, on=on)
        if found is not None and found.country == code:
            return found
        bare = self.registry.resolve(surface, country=None, on=on)
        if bare is None or bare.country is not None or not country_name:
            return entry
        return _named_after(bare, code, country_name)

    def is_abroad(self, country: str | None) -> bool:
        return self.registry.is_abroad(country)

    @staticmethod
    def named_for(entry: ActorEntry, code: str, country_name: str | None) -> ActorEntry:
        """A country-less entry named for a country the canon does not cover, the way
        ACLED names that country's: "Military Forces" -> "Military Forces of Somalia".
        ACLED adds a regime period the canon does not know; it is left out."""
        if entry.country is not None or entry.template is None or not country_name:
            return entry
        of = f"the {country_name}" if _ARTICLED.search(country_name) else country_name
        name = re.sub(r"\s*\(\{period\}\)", "", entry.template)
        return replace(entry, name=name.format(of=of, country=country_name), country=code)

    def named_country(self, surface: str) -> str | None:
        """The one country an actor's surface form names ("FAMa"), else None ("soldiers")."""
        return self.registry.named_country(surface)

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
                entry = _named_after(entry, country, country_name)
        return entry
