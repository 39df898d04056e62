"""Fatality figures in a sentence, with their qualifier and who claims them.

A count is a death figure when a death word governs it: "killing at least 13",
"13 civilians were killed", "25 individuals ... later found executed",
"the deaths of at least 24 civilians", "left 12 dead". Counts of the wounded,
the arrested, homes or kilometres are not. Figures from the same source in one
sentence are added up ("10 soldiers and 5 attackers were killed"); figures
attributed to different sources stay separate claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from conflictwatch.extract import cues
from conflictwatch.extract.numbers import Count, find_counts
from conflictwatch.resources import load_json

# Without a death word near it a count is not read as a toll at all.
_FORWARD_REACH = 110  # "25 individuals, including children, were arrested and later ... executed"
_BACKWARD_REACH = 45  # "killing at least 13", "the deaths of at least 24"
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# ACLED events rarely count more; larger figures are aggregates over months or countries.
_LARGEST_TOLL = 10_000


@dataclass(frozen=True)
class Figure:
    """One death figure read from a sentence (before it becomes a Claim)."""

    value: int
    qualifier: str
    claimed_by: str | None
    start: int  # span of the figure in the article text
    end: int
    victims: str | None = None  # military, militants or civilians, when the text says


@cache
def _singular() -> re.Pattern[str]:
    """'a soldier', 'an army officer', 'one Burkinabe army officer': a toll of one."""
    body = cues.alternation(load_json("lexicon/cues.json")["singular_person_nouns"])
    # Up to three describing words, never a function word ("a disregard for civilian lives").
    describing = r"(?:(?!(?:for|of|to|the|and|with|in|on|at|by|from|as|or)\b)[\w'’-]+\s+)"
    return re.compile(rf"\b(?:a|an|one)\s+{describing}{{0,3}}?(?:{body})\b", re.IGNORECASE)


@cache
def _singular_victim() -> re.Pattern[str]:
    """One named or described person killed: 'assassinated the village chief',
    'killed a Koglweogo', 'the mayor of Boni was assassinated', 'succumbed to his wounds'."""
    lexicon = load_json("lexicon/cues.json")
    noun = cues.alternation(lexicon["singular_person_nouns"])
    verb = cues.alternation(lexicon["singular_kill_verbs"])
    passive = cues.alternation(lexicon["singular_passive_deaths"])
    describing = r"(?:[\w'’-]+\s+){0,4}?"
    return re.compile(
        rf"\b(?:{verb})\s+(?:the|a|an|one|his|her|their)\s+{describing}(?P<a>(?:{noun}))\b(?!s\b)"
        rf"|\b(?:the|a|an|one)\s+{describing}(?P<p>(?:{noun}))(?:\s+of\s+(?:the\s+)?[\w'’-]+)?\s+(?:{passive})\b"
        rf"|\b(?:a|an|one)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+(?:\s+of\s+(?:the\s+)?[\w'’-]+)?"
        rf"\s+(?:was|has\s+been)\s+(?:\w+ly\s+)?(?:killed|assassinated|shot\s+dead|executed|"
        rf"beheaded|murdered|gunned\s+down|lynched|found\s+dead)\b"
        rf"|\bsuccumbed\s+to\s+(?:his|her)\s+(?:wounds|injuries)",
        re.IGNORECASE,
    )


@cache
def _victim_classes() -> list[tuple[str, re.Pattern[str]]]:
    classes = load_json("lexicon/cues.json")["victim_classes"]
    compiled = []
    for name, words in classes.items():
        body = cues.alternation(words)
        compiled.append((name, re.compile(rf"\b(?:{body})\b", re.IGNORECASE)))
    return compiled


# The person noun a count counts comes within a few words: "two Egyptian peacekeepers".
_COUNTED_WINDOW = re.compile(r"^(?:\s*[\w'’-]+){1,4}")


def _counted_words(text: str, end: int, sent_end: int) -> str:
    window = _COUNTED_WINDOW.match(text[end : min(sent_end, end + 50)])
    return window.group(0) if window else ""


def victim_class(text: str, end: int, sent_end: int, *, within: bool = False) -> str | None:
    """Which side the counted people were on: the words after the count say,
    or (`within`) the words of the match itself ("a Malian soldier")."""
    words = text[end:sent_end] if within else _counted_words(text, end, sent_end)
    found = [
        (m.start(), name) for name, pattern in _victim_classes() if (m := pattern.search(words))
    ]
    return min(found)[1] if found else None


@dataclass(frozen=True)
class Attribution:
    source: str
    start: int
    end: int


def _first_cue_after(kind: str, text: str, pos: int, limit: int) -> int | None:
    found = cues.cue(kind).search(text, pos, limit)
    return found.start() if found else None


def _last_cue_before(kind: str, text: str, lo: int, pos: int) -> int | None:
    last = None
    for match in cues.cue(kind).finditer(text, lo, pos):
        last = match.end()
    return last


def _is_death_count(
    text: str, count: Count, sent_start: int, sent_end: int, *, counts_a_person: bool = False
) -> bool:
    right = text[count.end : min(sent_end, count.end + 30)].lower()
    if right.startswith(
        ("-year", " year-old", " years old", "-month", "-day", "th ", "st ", "nd ")
    ):
        return False  # ages, durations and ordinals, not tolls
    if cues.cue("non_fatal_outcomes").match(right.lstrip(" ,")) or re.match(
        r"\s*(?:of the\s+)?(?:wounded|injured|hurt|blessés)", right
    ):
        return False
    if _YEAR.match(text[count.start : count.end]) and not cues.cue("person_nouns").match(
        right.lstrip()
    ):
        return False
    if _is_subset(text, count, sent_start):
        return False
    # "53 had been wounded": the first outcome after the figure is an injury.
    wound_after = _first_cue_after("wound_words", text, count.end, min(sent_end, count.end + 70))
    # After the count only a verb or adjective of death will do: "3,000 people
    # demonstrated over the death of a journalist" counts marchers, not dead.
    death_after = _first_cue_after(
        "death_predicates", text, count.end, min(sent_end, count.end + _FORWARD_REACH)
    )
    if wound_after is not None and (death_after is None or wound_after < death_after):
        between = text[count.end : wound_after]
        # "ten others, all women, were injured": a passive injury is the count's own;
        # "killed two and wounded three": an active one starts another clause.
        passive = re.search(r"\b(?:were|was|are|been|being)\s+(?:\w+ly\s+)?$", between)
        own_clause = wound_after - count.end <= 40 and not re.search(
            r",|\band\b|\bwhile\b", between
        )
        if passive or own_clause:
            return False
    # A death word after the figure, with no wound word or other figure in between,
    # and the figure counting people ("25 individuals ... executed", not "two sides ... dead").
    if death_after is not None:
        between = text[count.end : death_after]
        counts_people = death_after - count.end <= 20 or cues.cue("person_nouns").search(
            between[:40]
        )
        other_clause = re.search(r"\b(?:while|whereas|but|said|says|told)\b|;", between)
        if counts_people and not other_clause and not cues.has("wound_words", between):
            return True
    # A death word before the figure, nearer than any wound word.
    if count.value >= _LARGEST_TOLL:
        return False  # national or yearly aggregates, not one event's toll
    lo = max(sent_start, count.start - _BACKWARD_REACH)
    death_before = _last_cue_before("death_verbs", text, lo, count.start)
    wound_before = _last_cue_before("wound_words", text, lo, count.start)
    if death_before is None or (wound_before is not None and wound_before > death_before):
        return False
    if not _governs(text[death_before : count.start]):
        return False  # "killed in an attack by about 40 gunmen": the 40 are attackers
    # "killing 13,700 dogs": the figure must count people.
    if counts_a_person:
        return True
    if _directly_after_death_word(text[death_before : count.start]):
        # "killed two young Dawsahak": a death verb right before the count governs it,
        # whatever the people are called, unless they are animals or things.
        return not cues.cue("non_fatal_outcomes").search(_counted_words(text, count.end, sent_end))
    following = re.match(r"\s*([A-Za-zÀ-ÿ'’-]+)", text[count.end : sent_end])
    if following is None:
        return True
    word = following.group(1).lower()
    return (
        cues.has("person_nouns", _counted_words(text, count.end, sent_end))
        or (cues.cue("count_followers").fullmatch(word) is not None)
        or word.endswith("ly")
    )


_NOT_GOVERNING = {
    "in", "by", "after", "during", "with", "from", "when", "while", "as", "attack",
    "ambush", "raid", "but", "where", "which", "who", "that", "than",
}  # fmt: skip


def _governs(between: str) -> bool:
    """Whether the death word before a count is about it: 'killing at least 13',
    'the deaths of 24', not 'were killed in an attack by about 40'."""
    if re.search(r"[,;:]", between):
        return False  # "civilians died, a local official said": a new clause
    words = re.findall(r"[\w'’-]+", between.lower())
    return len(words) <= 4 and not _NOT_GOVERNING & set(words)


def _directly_after_death_word(between: str) -> bool:
    """'killed two', 'killing at least 30', 'executed some 12': nothing else in between."""
    words = re.findall(r"[\w'’-]+", between.lower())
    return len(words) <= 2 and all(
        w in {"at", "least", "some", "about", "around", "over", "nearly"} for w in words
    )


def _is_subset(text: str, count: Count, sent_start: int) -> bool:
    """'21 killed, including 11 children' or 'six died, three of them children'."""
    left = text[max(sent_start, count.start - 40) : count.start]
    cue = r"(?:including|among them|among whom|of whom|of which|dont|parmi eux)"
    if re.search(rf"{cue}\W+(?:(?:between|some|about|at least|nearly)\W+)?$", left, re.I):
        return True
    return re.match(r"\s+of (?:them|whom|those)\b", text[count.end : count.end + 12]) is not None


def _singular_counts(text: str, start: int, end: int) -> list[Count]:
    return [Count(m.start(), m.end(), 1, "exact") for m in _singular().finditer(text, start, end)]


def _singular_victims(text: str, start: int, end: int) -> list[Count]:
    """The victim pattern holds its own death word, so it needs no further check."""
    return [
        Count(m.start(), m.end(), 1, "exact") for m in _singular_victim().finditer(text, start, end)
    ]


def _overlaps(count: Count, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < count.end and count.start < e for s, e in spans)


def _source_label(phrase: str) -> str:
    label = re.sub(r"\s+", " ", phrase.strip(" ,.;:")).strip()
    # "The army" at a sentence start is "the army" anywhere else.
    return re.sub(r"^(The|A|An) (?=[a-z])", lambda m: m.group(1).lower() + " ", label)


_GENERIC_SOURCE = re.compile(
    r"(?:(?:a|an|the|one|two|several|local|regional|military|security|hospital|medical|"
    r"humanitarian|government|official|army|rebel|separatist|village|municipal|"
    r"\w+(?:ian|ese|an|i)|[A-Z][\w'’-]+)\s+){0,3}\Z",
)


def _attributions(
    text: str, start: int, end: int, actor_names: list[tuple[int, int, str]]
) -> list[Attribution]:
    """Who speaks in this sentence: known sources, actors and 'a local official'."""
    found: list[Attribution] = []
    candidates = [(s, e, text[s:e]) for s, e in cues.spans("known_sources", text, start, end)]
    for s, e in cues.spans("source_heads", text, start, end):
        lo = max(start, s - 40)
        head = _GENERIC_SOURCE.search(text[lo:s])
        phrase_start = lo + head.start() if head else s
        candidates.append((phrase_start, e, text[phrase_start:e]))
    candidates.extend((s, e, name) for s, e, name in actor_names if start <= s < end)
    # Civilians are the dead, not the ones who count them.
    candidates = [c for c in candidates if not c[2].startswith("Civilians")]
    for verb_start, verb_end in cues.spans("attribution_verbs", text, start, end):
        inverted = _INVERTING.fullmatch(text[verb_start:verb_end].lower()) is not None
        best = _nearest_source(candidates, verb_start, verb_end, inverted)
        if best is not None:
            found.append(Attribution(_source_label(best[2]), best[0], best[1]))
    return found


# Verbs whose source may follow them: "according to SRC", "said SRC", "per SRC".
_INVERTING = re.compile(
    r"according\s+to|per|citing|cited|selon|d'après|said|says|told|reported|claimed|stated"
)


def _nearest_source(
    candidates: list[tuple[int, int, str]], verb_start: int, verb_end: int, inverted: bool
) -> tuple[int, int, str] | None:
    """'SRC said' (source just before) or 'according to SRC' / 'said SRC' (just after)."""
    best, best_gap = None, 60
    for cand in candidates:
        if cand[1] > verb_start and not inverted:
            continue
        gap = verb_start - cand[1] if cand[1] <= verb_start else cand[0] - verb_end
        if 0 <= gap < best_gap:
            best, best_gap = cand, gap
    return best


def find_figures(
    text: str,
    start: int,
    end: int,
    actor_names: Sequence[tuple[int, int, str]] = (),
    exclude: Sequence[tuple[int, int]] = (),
) -> list[Figure]:
    """The death figures of the sentence text[start:end], per source and side.

    `actor_names` are (start, end, canonical name) of actors who may speak;
    `exclude` are spans that hold no counts (dates).
    """
    all_counts = [
        c
        for c in find_counts(text, start, end)
        if not any(s < c.end and c.start < e for s, e in exclude)
    ]
    units = _units(text, all_counts, start, end)
    taken = [(c.start, c.end) for c in all_counts]
    singles: list[Count] = []
    for count in _singular_counts(text, start, end):
        if not _overlaps(count, taken) and _is_death_count(
            text, count, start, end, counts_a_person=True
        ):
            singles.append(count)
            taken.append((count.start, count.end))
    singles += [c for c in _singular_victims(text, start, end) if not _overlaps(c, taken)]
    units += [[c] for c in singles]
    attributions = _attributions(text, start, end, list(actor_names))
    if not units:
        zero = cues.cue("zero_fatality_phrases").search(text, start, end)
        if zero:
            source = _nearest_attribution(attributions, zero.start())
            return [Figure(0, "exact", source, zero.start(), zero.end())]
        return []
    figures: list[Figure] = []
    sums: dict[tuple[str | None, str | None], list[Count]] = {}
    for unit in sorted(units, key=lambda u: u[0].start):
        source = _nearest_attribution(attributions, unit[0].start)
        if len(unit) == 2:  # a range: "between 100 and 200 killed"
            low, high = unit
            victims = victim_class(text, high.end, end)
            figures.append(Figure(low.value, "at least", source, low.start, low.end, victims))
            figures.append(Figure(high.value, "up to", source, high.start, high.end, victims))
            continue
        count = unit[0]
        # "a soldier": the side is named inside the match; "12 soldiers": just after it.
        if count in singles:
            side = victim_class(text, count.start, count.end, within=True)
        else:
            side = victim_class(text, count.end, end)
        sums.setdefault((source, side), []).append(count)
    for (source, victims), group in sums.items():
        figures.append(_sum(source, victims, group))
    return sorted(figures, key=lambda f: f.start)


def _units(text: str, counts: list[Count], start: int, end: int) -> list[list[Count]]:
    """Death counts, with ranges ("between 10 and 20 militants were killed") as pairs."""
    units: list[list[Count]] = []
    index = 0
    while index < len(counts):
        count = counts[index]
        following = counts[index + 1] if index + 1 < len(counts) else None
        if following is not None and _is_range(text, count, following):
            if _is_death_count(text, following, start, end) and not _is_subset(text, count, start):
                units.append([count, following])
            index += 2
            continue
        if _is_death_count(text, count, start, end):
            units.append([count])
        index += 1
    return units


def _nearest_attribution(attributions: list[Attribution], pos: int) -> str | None:
    if not attributions:
        return None
    return min(attributions, key=lambda a: abs(a.start - pos)).source


_RANGE_GAP = re.compile(r"^\s*(?:and|to|or|-|–)\s*$", re.IGNORECASE)


def _is_range(text: str, first: Count, second: Count) -> bool:
    """'between 100 and 200', '100 to 200 dead', '6-8 people': one toll, two bounds."""
    if not _RANGE_GAP.match(text[first.end : second.start]):
        return False
    # "killing 10 soldiers and 5 attackers" is two sides, "between 10 and 20" a range.
    joined_by_and = text[first.end : second.start].strip().lower() == "and"
    return not joined_by_and or "between" in text[max(0, first.start - 9) : first.start].lower()


def _sum(source: str | None, victims: str | None, group: list[Count]) -> Figure:
    """Counts of one source and one side in one sentence add up ("5 in X and 7 in Y")."""
    value = sum(c.value for c in group)
    qualifiers = {c.qualifier for c in group}
    qualifier = group[0].qualifier if len(qualifiers) == 1 else "at least"
    return Figure(value, qualifier, source, group[0].start, group[-1].end, victims)
