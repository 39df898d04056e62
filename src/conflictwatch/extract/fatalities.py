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
from dataclasses import dataclass, replace
from functools import cache

from conflictwatch.extract import cues
from conflictwatch.extract.dates import find_dates
from conflictwatch.model import ADDED_SIDES, DIED_LATER, UNCOUNTED
from conflictwatch.numbers import Count, find_counts, words_to_int
from conflictwatch.resources import load_json

# Without a death word near it a count is not read as a toll at all.
_FORWARD_REACH = 130  # "25 individuals, including children, were arrested and later ... executed"
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
    vague: bool = False  # "dozens", "hundreds": ACLED's stand-in for a figure not given
    more: bool = False  # "2 other militants", "five more": besides those counted before


@cache
def _singular() -> re.Pattern[str]:
    """'a soldier', 'an army officer', 'one Burkinabe army officer': a toll of one."""
    lexicon = load_json("lexicon/cues.json")
    body = cues.alternation(lexicon["singular_person_nouns"])
    # "a militant group", "a civilian convoy", "a Fulani family": the person word only
    # describes a thing or a group.
    heads = cues.alternation(lexicon["non_person_heads"] + lexicon["collective_nouns"])
    return re.compile(
        rf"\b(?:a|an|one)\s+{_DESCRIBING}{{0,3}}(?:{body})\b(?!\s+(?:{heads})\b)", re.IGNORECASE
    )


@cache
def _one_more_person() -> re.Pattern[str]:
    """'his son', 'her younger brother', 'another civilian': one more person of a list
    ("a councilor and his son were killed")."""
    body = cues.alternation(load_json("lexicon/cues.json")["singular_person_nouns"])
    return re.compile(rf"\b{_person(body, 'his|her|their|another', '{0,2}')}", re.IGNORECASE)


def _person(body: str, determiners: str, describing: str) -> str:
    """One person after a determiner and up to a few describing words: "his younger
    brother", "another civilian" (`body` is the alternation of singular person nouns)."""
    return rf"(?:{determiners})\s+{_DESCRIBING}{describing}(?:{body})\b(?![s-])"


# Up to three describing words, never a function word ("a disregard for civilian lives").
_DESCRIBING = r"(?:(?!(?:for|of|to|the|and|with|in|on|at|by|from|as|or)\b)[\w'’-]+\s+)"


# A word of a title before a name, no article or verb: "MSA officer", "former rebel".
_TITLE_WORD = (
    r"(?:(?!(?:a|an|the|was|were|is|are|be|been|has|have|had|his|her|their|its|this|that|"
    r"and|or|in|on|at|by|for|with|of|to|from|as)\b)[\w'’-]+\s+)"
)


@cache
def _coordinated() -> re.Pattern[str]:
    """'... a village chief and his son', '... the chief, his wife and his two brothers':
    one more person (or a counted few after 'his', 'her', 'their')."""
    lexicon = load_json("lexicon/cues.json")
    body = cues.alternation(lexicon["singular_person_nouns"])
    plural = cues.alternation(lexicon["person_nouns"])
    # The rest of the first person's noun phrase: a name, a bracket, a complement
    # ("the Algerian leader Abdel Droukdel", "a leader of the faction of the Kel Essouk",
    # "a chief of the Ikorchatan (Bellah) community").
    rest = (
        r"(?:\s+(?-i:[A-Z])[\w'’-]*|\s+\([^()]{0,40}\)"
        r"|\s+of\s+(?:the\s+)?(?:[\w'’-]+(?:\s+\([^()]{0,40}\))?\s+){0,2}?[\w'’-]+){0,4}?"
    )
    join = r"(?P<join>\s*,\s*(?:and\s+)?|\s+and\s+|\s+(?:along\s+)?with\s+(?=his|her|their))"
    single = _person(body, "his|her|their|a|an|one|the|another", "{0,3}?")
    counted = rf"(?:his|her|their)\s+(?P<n>[\w-]+)\s+{_DESCRIBING}{{0,2}}?(?:{plural})\b"
    return re.compile(rf"{rest}{join}(?P<item>{counted}|{single})", re.IGNORECASE)


def _coordinated_singles(text: str, found: list[Count], end: int) -> list[Count]:
    """The persons joined to a counted one: 'killed a leader of the group and his driver',
    'a chief, his son and a militiaman'. A comma alone joins only a list that 'and'
    closes: in 'killed Amadou, a teacher' the teacher is Amadou."""
    more = []
    for count in found:
        # Only after a person ("killed the chief and his son"), not after a verb ("the
        # chief was killed and a guard wounded") nor before his body.
        span = text[count.start : count.end]
        nouns = cues.cue("singular_person_nouns").finditer(span)
        if not any(m.end() == len(span) for m in nouns):
            continue
        pending: list[Count] = []
        pos = count.end
        while (match := _coordinated().match(text, pos, end)) is not None:
            after = text[match.end() : end]
            if match["item"].lower().endswith("body") or _SUFFERED.match(after):
                break
            item = _coordinated_item(match)
            if item is None:
                break
            pending.append(item)
            if "and" in match["join"].lower() or "with" in match["join"].lower():
                more += pending  # an 'and' closes the list so far
                pending = []
            pos = match.end()
        if pending and _KIN_THEN_VERB.match(text[pending[0].start : end]):
            more += pending  # "killed a member of X, his son and wounded two others"
    return more


# A person of the victim's own ("his son") then "and" with a new verb: the list ended.
_KIN_THEN_VERB = re.compile(
    r"(?:his|her|their)\b[^,;]*?\s+and\s+(?:\w+ly\s+)?\w+(?:ed|ing)\b", re.IGNORECASE
)


def _coordinated_item(match: re.Match[str]) -> Count | None:
    """One person, or 'his three sons' as three."""
    if match["n"] is None:
        return Count(match.start("item"), match.end("item"), 1, "exact")
    numbers = find_counts(match["n"])
    if len(numbers) != 1 or numbers[0].vague:
        return None
    return Count(match.start("item"), match.end("item"), numbers[0].value, "exact")


# What befell a person named after a killed one, when it was not death.
_SUFFERED = re.compile(
    r"\s*(?:(?:was|were|is|has\s+been)\s+)?(?:\w+ly\s+)?(?:wounded|injured|hurt|abducted|"
    r"kidnapped|arrested|detained|released|freed|rescued|missing|went\s+missing|escaped|fled|"
    r"survived)\b",
    re.IGNORECASE,
)


# "kidnapped and killed", "abducted, executed": taken first, then killed.
_TAKEN_FIRST = r"(?:(?:kidnapped|abducted|captured|arrested|detained|tortured)\s*(?:,|and)\s+)?"


@cache
def _singular_victim() -> re.Pattern[str]:
    """One named or described person killed: 'assassinated the village chief',
    'killed a Koglweogo', 'the mayor of Boni was assassinated', 'succumbed to his wounds'."""
    lexicon = load_json("lexicon/cues.json")
    noun = cues.alternation(lexicon["singular_person_nouns"])
    verb = cues.alternation(lexicon["singular_kill_verbs"])
    # "the bomber was also killed", "the driver was reportedly found dead".
    adverb = r"(?:(?:also|\w+ly)\s+)?"
    passive = cues.alternation(lexicon["singular_passive_deaths"]).replace(
        r"was\s+", rf"was\s+{adverb}"
    )
    # "a former village development (CVD) councilman": a bracketed acronym among them.
    describing = r"(?:(?:[\w'’-]+|\([\w'’-]{1,12}\))\s+){0,4}?"
    # "was killed", "was 'neutralised'", "was shot down": what a single death is told by.
    died = (
        rf"(?:was|is|has\s+been)\s+{adverb}{_TAKEN_FIRST}['‘’\"]?(?:killed|assassinated|shot\s+dead|executed|"
        r"beheaded|decapitated|murdered|gunned\s+down|shot\s+down|lynched|hanged|"
        r"found\s+(?:dead|murdered|beheaded|executed|shot\s+dead)|neutrali[sz]ed|slain|"
        r"(?:tortured|beaten|stoned|burn(?:ed|t)|hacked|stabbed)\s+to\s+death)\b"
    )
    complement = r"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
    heads = cues.alternation(lexicon["non_person_heads"])
    collectives = cues.alternation(lexicon["collective_nouns"])
    people = cues.alternation(lexicon["person_nouns"])
    return re.compile(
        rf"\b(?:{verb})\s+(?:the|a|an|one|his|her|their)\s+"
        # "killed an unspecified number of Fulani": not one person.
        rf"(?!(?:[\w'’-]+\s+)?(?:number|group|band|couple)\s+of\b)"
        rf"{describing}(?P<a>(?:{noun}))\b(?!s\b)"
        rf"(?!\s+(?:{collectives})\b)"  # "killed a Fulani family": not one person
        # "assassinated MSA officer Ali Maiga", "killed forest guard": a title, no article.
        rf"|\b(?:{verb})\s+(?!(?:him|her|them|it|two|three)\b)"
        rf"{_TITLE_WORD}{{0,3}}?(?:{noun})(?![\w-])(?!\s+(?:{heads}|{people})\b)"
        rf"|\b(?:the|a|an|one)\s+{describing}(?P<p>(?:{noun}))(?:\s+of\s+(?:the\s+)?[\w'’-]+)?\s+(?:{passive})\b"
        # "the soldier was found severely wounded": found, but alive.
        rf"(?!\s+(?:\w+ly\s+)?(?:wounded|injured|hurt|alive|safe|unharmed)\b)"
        rf"|\b(?:a|an|one)\s+(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+(?:\s+of\s+(?:the\s+)?[\w'’-]+)?\s+{died}"
        # "A Tuareg man, returned home to vote, was killed": an aside between.
        rf"|\b(?:a|an)\s+{describing}(?:{noun}),\s+[^,.;()]{{1,60}},\s+{died}"
        # "A Tuareg who was kidnapped last week was found beheaded": a relative clause.
        # "arrested a civilian at the market in Kaya who ... was executed": a place between.
        rf"|\b(?:a|an)\s+{describing}(?:{noun})(?:\s+(?:at|in|near|from)\s+[^,.;()]{{1,40}}?)?"
        rf"\s+who\s+[^,.;()]{{1,100}}?\s+{died}"
        # "including a child who succumbed to their wounds": one of the wounded died.
        rf"|\b(?:(?:a|an)\s+{describing}(?:{noun})|another)\s+who\s+(?:later\s+|\w+ly\s+)?"
        rf"(?:succumbed|died\s+(?:later|of\s+(?:his|her|their)\s+(?:wounds|injuries)))\b"
        # "one was tortured to death and the four others executed": one of those counted.
        rf"|(?<!no\s)(?<!not\s)\bone\s+(?:of\s+(?:them|whom)\s+)?{died}"
        # "leaving the driver dead", "leaving a soldier dead".
        rf"|\bleaving\s+(?:the|a|an|one)\s+{describing}(?:{noun})\s+dead\b"
        # "Dicko, member of the group, was neutralised": a named person without article.
        rf"|\b(?-i:[A-Z])[\w'’-]+,?\s+(?:{noun}){complement},?\s+{died}"
        # "a sixth has died", "a third soldier ... was later found dead": one more victim.
        rf"|\b(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
        rf"(?:\s+[\w'’-]+){{0,6}}?\s+(?:(?:has|had|was|is)\s+(?:been\s+)?)?"
        rf"(?:(?:\w+ly|later|then)\s+)?(?:died|killed|found\s+dead|succumbed)\b"
        rf"|\b(?:{verb})\s+the\s+victim\b"
        # "An assassination was carried out": one killing, the victim unnamed.
        rf"|\ban\s+assassination\b(?!\s+(?:attempt|plot|bid|of)\b)"
        rf"|\bsuccumbed\s+to\s+(?:his|her)\s+(?:wounds|injuries)"
        # "the soldier escaped and later killed himself", "a bomb ..., killing himself and
        # two soldiers": his own death is one more.
        rf"|\b(?:killed|killing|shot)\s+(?:himself|herself)\b",
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


# The person noun a count counts comes within a few words of its own clause:
# "two Egyptian peacekeepers", not "seven militants and arrested one".
_COUNTED_WINDOW = re.compile(
    r"^(?:\s*(?!(?:and|or|while|but|in|near|at|on|during|after|before|with|from|as|who|"
    r"which|that|when|between|then|including)\b)[\w'’-]+(?:\s*\([^()]{1,25}\))?){1,4}",
    re.IGNORECASE,
)


def _counted_words(text: str, end: int, sent_end: int) -> str:
    window = _COUNTED_WINDOW.match(text[end : min(sent_end, end + 50)])
    return window.group(0) if window else ""


@cache
def _community_members() -> re.Pattern[str]:
    """'members of the Fulani community', 'members of one family': people, where a
    bare "members" (of a group) are fighters. ("#" is a determiner _one_collective
    masked.)"""
    collectives = cues.alternation(load_json("lexicon/cues.json")["collective_nouns"])
    return re.compile(
        r"\s*(?:[\w'’-]+\s+)?members?\s+of\s+(?:(?:the|a|an|one|their|his|#+)\s+)?"
        rf"(?:[\w'’-]+\s+){{0,2}}(?:{collectives}|ethnic\s+group)\b",
        re.IGNORECASE,
    )


def victim_class(text: str, end: int, sent_end: int, *, within: bool = False) -> str | None:
    """Which side the counted people were on: the words after the count say,
    or (`within`) the words of the match itself ("a Malian soldier")."""
    if not within and _community_members().match(text, end, sent_end):
        return "civilians"
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


# "killed 14 displaced people", "killed at least three abducted villagers": the outcome
# word describes the people the killing verb took as its object.
_KILLED_RIGHT_BEFORE = re.compile(
    r"\b(?:killed|killing|kill|kills|executed|executing|massacred)\s+"
    r"(?:(?:at\s+least|about|around|some|nearly|more\s+than|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)


def _killed_described_people(text: str, count: Count, sent_start: int, right: str) -> bool:
    described = re.match(r"\s*[\w'’-]+", right)
    return (
        described is not None
        and _describes_people(right, described.end())
        and _KILLED_RIGHT_BEFORE.search(text, max(sent_start, count.start - 30), count.start)
        is not None
    )


def _describes_people(words: str, end: int) -> bool:
    """The word ending at `end` is followed by people: "displaced Fulani", not "held"."""
    following = re.match(r"\s+([\w'’-]+)", words[end:])
    return (
        following is not None and cues.cue("person_nouns").fullmatch(following.group(1)) is not None
    )


_NOT_A_HEADCOUNT = (
    "-year", " year-old", " years old", "-month", "-day", "-hour", "-week", "th ", "st ", "nd ",
)  # fmt: skip


def _is_death_count(
    text: str, count: Count, sent_start: int, sent_end: int, *, counts_a_person: bool = False
) -> bool:
    right = text[count.end : min(sent_end, count.end + 30)].lower()
    if right.startswith(_NOT_A_HEADCOUNT):
        return False  # ages, durations and ordinals, not tolls ("a 48-hour strike")
    if _CLOCK.match(right):
        return False  # "at around 10:30 am", "21h", "(1030 GMT)": times of day
    if _CODED_TOLL.search(text[max(sent_start, count.start - _CODED_REACH) : count.start]):
        return True  # "unknown fatalities coded as 10": the note states its own figure
    if _is_cause(text, count.start, sent_start, of_victim=True):
        return False  # "against the killing of a girl who was found beheaded": a grievance
    if _DEATH_NOUN_AFTER.match(right):
        return True  # "resulting in 6 fatalities", "causing six deaths": the noun is the toll
    if _TO_DEATH_BEFORE.search(text, max(sent_start, count.start - 20), count.start) and (
        _TO_DEATH_AFTER.match(text, count.end, sent_end)
    ):
        return True  # "lynched two armed robbers to death": the object sits inside the verb
    wounded = re.match(r"\s*(?:of the\s+)?(?:wounded|injured|hurt|blessés)", right)
    if (
        cues.cue("non_fatal_outcomes").match(right.lstrip(" ,"))
        and not _killed_described_people(text, count, sent_start, right)
    ) or (wounded and not _died_later(text, count, sent_end)):
        return False  # "three wounded", but "one of the wounded later died"
    if _YEAR.match(text[count.start : count.end]) and not cues.cue("person_nouns").match(
        right.lstrip()
    ):
        return False
    if _is_subset(text, count, sent_start):
        return False
    if _told_as_other(text, count, sent_start, sent_end):
        return False
    if _BODIES_AFTER.match(right):
        # "at least 5 bodies were recovered"; but after "killed 10 villagers;" the
        # bodies found are of the dead already counted.
        # ("six more corpses were found": besides the dead counted.)
        earlier = find_counts(text, sent_start, count.start)
        besides = re.match(r"\s*(?:more|additional|further|other)\b", right) is not None
        return besides or not (
            earlier and _last_cue_before("death_verbs", text, sent_start, count.start)
        )
    forward = _death_after(text, count, sent_start, sent_end, counts_a_person)
    if forward is not None:
        return forward
    return _death_before(text, count, sent_start, sent_end, counts_a_person)


# "beat a suspected thief to death": a verb whose death phrase closes after its object.
_TO_DEATH_BEFORE = re.compile(
    r"\b(?:beat|beaten|beating|lynched|lynching|stoned|stoning|hacked|stabbed|clubbed|"
    r"tortured|burned|burnt|starved)\s+$",
    re.IGNORECASE,
)
_TO_DEATH_AFTER = re.compile(r"[^,.;:]{0,50}?\bto\s+death\b", re.IGNORECASE)


def _told_as_other(text: str, count: Count, sent_start: int, sent_end: int) -> bool:
    """A toll of another event than the sentence's own ("following the attack that
    killed two policemen", "two days after eight people died"), or one denied ("denied
    reports that two were killed", "a man was killed, although this was denied")."""
    lo = max(sent_start, count.start - 90)
    if _AFTER_OTHER.search(text, lo, count.start) or _DENIED.search(text, sent_start, count.start):
        return True
    if _RETRACTED.match(text, count.end, sent_end):
        return True
    return _earlier_event().search(text, lo, count.start) is not None


@cache
def _earlier_event() -> re.Pattern[str]:
    """'following the clashes in which at least': a relative clause of an event the
    sentence names as a cause or an antecedent, up to the count."""
    leads = cues.alternation(load_json("lexicon/cues.json")["earlier_event_leads"])
    return re.compile(
        rf"\b(?:{leads})\s+(?:[\w'’-]+\s+){{0,6}}?(?:that|which|in\s+which|during\s+which)\s+"
        r"(?:[\w'’-]+\s+){0,4}?$",
        re.IGNORECASE,
    )


_RETRACTED = re.compile(
    r"[^.;]{0,60}?\b(?:although|but|however)\b[^.;]{0,40}?\b(?:denied|retracted|refuted)\b",
    re.IGNORECASE,
)
_AFTER_OTHER = re.compile(r"\b(?:days?|weeks?|months?|hours?)\s+(?:after|since)\s+$", re.I)
_DENIED = re.compile(
    r"\b(?:denied|denies|dismissed|refuted|rejected)\s+(?:the\s+)?(?:reports?\s+|claims?\s+|"
    r"rumou?rs?\s+|allegations?\s+)?that\b[^.;]*$",
    re.IGNORECASE,
)


_CLOCK = re.compile(r"(?::|h)\d\d\b|\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|hrs|h)(?!\w)", re.IGNORECASE)


# "6 fatalities", "six civilian deaths", but not "two death threats" or "a death sentence".
_DEATH_NOUN_AFTER = re.compile(
    r"\s*(?:(?:civilian|military|reported|confirmed|more|additional|further|new|total)\s+)?"
    r"(?:fatalities|fatality|deaths|death|décès)\b"
    r"(?!\s+(?:threats?|sentences?|penalty|penalties|row|squads?|certificates?|anniversary))"
    r"(?!-)",
    re.IGNORECASE,
)
# "5 bodies were recovered", "found seven charred bodies": the dead counted.
_BODIES_AFTER = re.compile(
    r"\s*(?:(?:more|additional|further|other|dead|lifeless|charred|decomposed)\s+)?"
    r"(?:bod(?:y|ies)|corpses?|cadavres?)\b",
    re.IGNORECASE,
)
# ACLED's coders state their figure: "Unknown fatalities coded as 10", "fatalities
# coded at low estimate of 3", "Uncertain number of deaths coded as 10", "the attackers
# 'suffered losses' (coded as 10)".
_CODED = (
    r"\bcoded\s+(?:at\s+(?:a\s+)?low\s+estimate\s+of|"
    r"according\s+to\s+(?:a\s+)?low\s+estimate\s+as|as|at)\s+$"
)
# How far before its number a coder's statement may open ("Unknown fatalities assessed as
# low considering the number of motorbikes destroyed and lack of precisions and coded as").
_CODED_REACH = 170
_CODED_TOLL = re.compile(
    rf"\b(?:fatalit(?:y|ies)|deaths|losses)\b[^.;]{{0,130}}?{_CODED}", re.IGNORECASE
)
# The figure is for dead no other figure counts ("Unknown militant fatalities on the BH
# side coded as 10" besides the nine soldiers and civilians told): it adds to them.
_CODED_UNCOUNTED = re.compile(
    rf"\b(?:unknown|unspecified)\s+(?:[\w-]+\s+){{0,4}}?(?:fatalit(?:y|ies)|deaths)\b"
    rf"[^.;]{{0,130}}?{_CODED}|\blosses['’\"]?\s*\({_CODED}",
    re.IGNORECASE,
)


_LATER_DEATH = re.compile(
    r"[^,;.]{0,50}?\b(?P<cue>succumb(?:ed|ing|s)|died\s+(?:of|from)\s+(?:his|her|their)\s+"
    r"(?:wounds|injuries)|(?:later|subsequently|since)\s+died|died\s+(?:later|since)|"
    r"died\s+(?:in|at)\s+(?:the\s+)?hospital|died\s+on\s+(?:the|his|her|their)\s+way)\b",
    re.IGNORECASE,
)


_ANOTHER = re.compile(r"\banother\b", re.IGNORECASE)
_HEDGED_LATER = re.compile(r"\b(?:would|could|may|might)\s+have\s+$", re.IGNORECASE)


def _died_later(text: str, count: Count, end: int) -> bool:
    """'one of the wounded later succumbed', '2 more died at the hospital'."""
    later = _LATER_DEATH.match(text, count.start, end)
    if later is None or _HEDGED_LATER.search(text, count.start, later.start("cue")):
        return False  # "a gendarme wounded would have succumbed": unconfirmed
    # Not "three were killed and one wounded who later died": the cue is another's.
    between = text[count.end : later.start("cue")]
    others = [
        c
        for c in find_counts(text, count.end, later.start("cue"))
        if not _OF_THE_COUNTED.search(text[max(0, c.start - 30) : c.start])
    ]
    if others or cues.has("death_predicates", between) or _ANOTHER.search(between):
        return False  # "executed two and wounded another who succumbed": the other's
    # Nor "three witnesses said the man died at the hospital": the count is no victim.
    return not cues.has("attribution_verbs", between)


def _names_people(words: str) -> bool:
    return cues.has("person_nouns", words) or cues.has("singular_person_nouns", words)


def _death_after(
    text: str, count: Count, sent_start: int, sent_end: int, counts_a_person: bool
) -> bool | None:
    """Whether a death word after the figure makes it a toll: True or False when the
    words after the figure decide, None when the words before it must.

    A figure with its person noun inside ("a soldier") needs its death word close by:
    in "to target a Dozo chief, the villagers killed four" the chief was not killed."""
    if _died_later(text, count, sent_end):
        return True  # "one of the wounded later succumbed"
    left = text[max(sent_start, count.start - 20) : count.start]
    wounded_before = re.search(r"([\w'’-]+)\s+$", left)
    if wounded_before and cues.cue("wound_words").fullmatch(wounded_before.group(1)):
        return False  # "wounding two youths, one succumbed": the wound verb governs the two
    # "53 had been wounded": the first outcome after the figure is an injury.
    wound_after = _first_cue_after("wound_words", text, count.end, min(sent_end, count.end + 70))
    # After the count only a verb or adjective of death will do: "3,000 people
    # demonstrated over the death of a journalist" counts marchers, not dead.
    death_after = _first_cue_after(
        "death_predicates", text, count.end, min(sent_end, count.end + _FORWARD_REACH)
    )
    if (
        wound_after is not None
        and (death_after is None or wound_after < death_after)
        and not _later_count(text, count.end, wound_after, sent_start)
    ):
        # ("killed one militant, three civilians were wounded": the later figure's.)
        between = text[count.end : wound_after]
        # "ten others, all women, were injured": a passive injury is the count's own;
        # "killed two and wounded three": an active one starts another clause.
        # ("killed 11 soldiers while others were wounded": the others' injury.)
        passive = re.search(
            r"\b(?:were|was|are|been|being)\s+(?:\w+ly\s+)?$", between
        ) and not re.search(r"\b(?:while|whereas|but)\b|;", between)
        own_clause = wound_after - count.end <= 40 and not re.search(
            r",|\band\b|\bwhile\b", between
        )
        if (passive or own_clause) and not _died_later(text, count, sent_end):
            return False
    # A death word after the figure, with no wound word or other figure in between,
    # and the figure counting people ("25 individuals ... executed", not "two sides ... dead").
    if death_after is None:
        return None
    tail = _list_tail(text, count, death_after, sent_start, counts_a_person)
    if tail is None:
        return None
    # The list's last item is the one the death word follows: "a priest and five
    # worshippers were killed", "A policeman, 4 militants and 5 civilians died".
    tail_end, tail_single = tail
    between = text[count.end : death_after]
    if _after_preposition(text, count, sent_start) and not _few_words(between):
        return None  # "in one encounter, 10 militants were killed"
    own_words = re.split(r"[,;:]", text[tail_end:death_after])[0][:40]
    counts_people = _few_words(text[tail_end:death_after]) or (
        not tail_single and _names_people(own_words)
    )
    other_clause = re.search(
        r"\b(?:while|whereas|but|said|says|told)\b|[;:]|,\s*and\s+(?:the|they|he|she|[A-Z])",
        between,
    )
    # "beat a thief, the chief was killed": a new subject with its own verb (but in
    # "arrested five men, the men were executed" the men are the five).
    other_clause = other_clause or (counts_a_person and _NEW_SUBJECT.search(between) is not None)
    if counts_people and not other_clause and not cues.has("wound_words", between):
        return True
    return None


_NEW_SUBJECT = re.compile(r",\s*(?:the|his|her|their)\s+[\w'’-]+\s+(?:was|were|is|are)\b", re.I)


def _after_preposition(text: str, count: Count, sent_start: int) -> bool:
    left = text[max(sent_start, count.start - 12) : count.start].lower()
    return re.search(r"\b(?:in|on|at|during|within|into|across|from)\s+$", left) is not None


def _later_count(text: str, lo: int, hi: int, sent_start: int) -> bool:
    """Whether another count (not a subset like 'two of them') stands in text[lo:hi]."""
    return any(not _is_subset(text, c, sent_start) for c in find_counts(text, lo, hi))


def _few_words(between: str) -> bool:
    """'10 Islamists reportedly killed', 'two Dogon men were killed', 'a councilman,
    then killed him': at most two words besides adverbs and auxiliaries."""
    # "a member of the Gourmantche community was killed": the complement is the noun's.
    between = re.sub(
        r"^\s*(?:of|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*(?=,|was|were)",
        "",
        between,
    )
    words = [
        w
        for w in re.findall(r"[\w'’-]+", between.lower())
        if not w.endswith("ly") and w not in _AUXILIARIES
    ]
    return len(words) <= 2


_AUXILIARIES = {
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "also", "later", "then",
}  # fmt: skip


def _list_tail(
    text: str, count: Count, death_at: int, sent_start: int, single: bool
) -> tuple[int, bool] | None:
    """Whether the death word after a figure tells what befell the figure's people,
    and if so where the list the figure heads ends (and whether its last item is
    a single person like "a farmer"); None when the death word is not theirs.

    Not "Dozens of gunmen stormed the town, killing one" (the gunmen did the killing),
    nor "burned three huts and killed two sheep" (a second verb of the same subject),
    nor "abducted six civilians; two were killed" (a later figure's own death word).
    """
    word = re.match(r"[\w'’-]+", text[death_at:])
    if word and word.group(0).lower() in {"killing", "executing", "massacring"}:
        return None
    # The whole death phrase: "shot dead a man" has its object after "dead".
    phrase = cues.cue("death_predicates").match(text, death_at)
    if _is_active(text, count.end, death_at, phrase.end() - death_at if phrase else 0):
        return None  # "two gunmen attacked and killed two people": the two did it
    between = text[count.end : death_at]
    object_of = _verb_before(text, count, sent_start)
    # "arrested two men and executed them" is about them; "burned three huts and
    # killed two sheep" is not.
    if (
        object_of is not None
        and re.search(r"\band\s+$", between)
        and not re.match(r"[\w'’-]+\s+(?:them|him|her)\b", text[death_at:])
    ):
        return None
    taken = object_of is not None and cues.cue("non_fatal_verbs").fullmatch(object_of)
    items = [(c.start, c.end, False) for c in find_counts(text, count.end, death_at)]
    items += [(m.start(), m.end(), True) for m in _singular().finditer(text, count.end, death_at)]
    items += [
        (m.start(), m.end(), True) for m in _one_more_person().finditer(text, count.end, death_at)
    ]
    tail = (count.end, single)
    for item_start, item_end, item_single in sorted(items):
        if item_start < tail[0]:
            continue
        if _is_subset(text, Count(item_start, item_end, 0, "exact"), sent_start):
            tail = (item_end, tail[1])  # "five militiamen (including four ...": skipped
            continue
        if _PARTITIVE.match(text, item_end):
            return None  # "by two gunmen, one of the assailants killed": the one died
        if _is_listed(text[tail[0] : item_start]) and not taken:
            tail = (item_end, item_single)
        elif not item_single:
            return None  # the death word is the later figure's
    return tail


_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|those|these|whom)\b", re.IGNORECASE)


def _is_active(text: str, lo: int, death_at: int, word_length: int) -> bool:
    """'killed two people', 'shot dead a soldier': the death verb has its own object,
    so the figure before it counts who killed. 'were killed', 'executed them' are not."""
    if re.search(r"\b(?:was|were|been|being|be|are|is)\s+(?:\w+ly\s+)?$", text[lo:death_at]):
        return False
    after = text[death_at + word_length : death_at + word_length + 40]
    counts = find_counts(after)
    if counts and not after[: counts[0].start].strip():
        # "one soldier killed one wounded" lists outcomes; "killed two people" has an object.
        rest = after[counts[0].end :].lstrip(" ,").lower()
        return not re.match(
            r"(?:others?\s+)?(?:were\s+|was\s+)?(?:wounded|injured|missing|hurt)", rest
        )
    if _TIME_AFTER.match(after):
        return False  # "found dead a few hours later": a time, not an object
    return re.match(r"\s+(?:a|an|the|his|her|their|several|many)\b", after, re.I) is not None


_TIME_AFTER = re.compile(
    r"\s+(?:a|an|the)\s+(?:few\s+|couple\s+of\s+|following\s+|next\s+|same\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?|night|morning|evening|afternoon|day|following|next)\b",
    re.IGNORECASE,
)


# "10 soldiers and 5 attackers", "two soldiers, three gendarmes": one list of the dead.
_LISTED = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:[\w'’-]+\s*)?(?:\(?\s*(?:including|among them)\b[^,;()]*\)?\s*)?"
    r"(?:,\s*and|,|and|&)\s*$",
    re.IGNORECASE,
)


def _is_listed(gap: str) -> bool:
    """'soldiers, ', ' church leaders and ': the gap between two items of one list of
    people, without a verb ('were taken hostage and') or a non-person ('encounter, ')."""
    if not _LISTED.match(gap):
        return False
    words = re.sub(r"\(?\s*(?:including|among them)\b[^,;()]*\)?|,|\band\b|&", " ", gap)
    if not words.strip():
        return True
    if cues.has("non_fatal_verbs", gap) or cues.has("wound_words", gap):
        return False
    if set(re.findall(r"[\w'’-]+", words.lower())) & _AUXILIARIES:
        return False
    # "17 ISGS and 7 JNIM militants": group names stand for their fighters.
    return _names_people(words) or _GROUP_NAMES.fullmatch(words.strip()) is not None


def _group_list_side(text: str, count: Count, end: int) -> str | None:
    """'17 ISGS and 7 JNIM militants': the head takes the side the list ends with."""
    head = re.match(
        rf"\s+{_GROUP_NAMES.pattern}\s*(?:,\s*(?:and\s+)?|and\s+)", text[count.end : end]
    )
    if head is None:
        return None
    following = find_counts(text, count.end + head.end(), end)
    if not following or following[0].start != count.end + head.end():
        return None
    return victim_class(text, following[0].end, end)


_GROUP_NAMES = re.compile(r"(?-i:[A-Z]{2,}[\w'’-]*)(?:\s+(?-i:[A-Z]{2,}[\w'’-]*)){0,2}")


def _verb_before(text: str, count: Count, sent_start: int) -> str | None:
    """The verb whose object the count is: 'burned three huts', 'abducted six civilians'."""
    before = re.search(r"([\w'’-]+)\s+$", text[max(sent_start, count.start - 30) : count.start])
    if before is None:
        return None
    word = before.group(1).lower()
    if cues.cue("non_fatal_verbs").fullmatch(word) or re.fullmatch(r"\w{3,}(?:ed|ing)", word):
        return word
    return None


def _death_before(
    text: str, count: Count, sent_start: int, sent_end: int, counts_a_person: bool
) -> bool:
    """A death word before the figure, nearer than any wound or non-fatal word."""
    if count.value >= _LARGEST_TOLL:
        return False  # national or yearly aggregates, not one event's toll
    lo = max(sent_start, count.start - _BACKWARD_REACH)
    death_before = _last_cue_before("death_verbs", text, lo, count.start)
    if death_before is None:
        return False
    for other in ("wound_words", "non_fatal_verbs"):
        # "killed one and abducted two others": the nearer verb governs the count.
        nearer = _last_cue_before(other, text, lo, count.start)
        if nearer is not None and nearer > death_before:
            return False
    labelled = _LABEL.search(text, lo, count.start) is not None
    if not labelled and not _governs(text[death_before : count.start]):
        return False  # "killed in an attack by about 40 gunmen": the 40 are attackers
    if _is_cause(text, death_before, sent_start):
        return False  # "protested over the death of a student": an earlier event
    if _ATTEMPT.search(text, lo, death_before):
        return False  # "attempted to assassinate a mayor": nobody died
    if counts_a_person and _earlier_deed(text, lo, death_before):
        return False  # "4 militants who had executed an informer": an earlier killing
    counted = _counted_words(text, count.end, sent_end)
    # "one was killed and four others arrested"; but "the bodies of two men kidnapped
    # last week" were found dead, whatever befell them before.
    found_dead = re.search(r"\b(?:bod(?:y|ies)|corpses?|remains)\b", text[lo : count.start], re.I)
    if not found_dead and _taken_after(text, count, counted, sent_end):
        return False
    # "killing 13,700 dogs": the figure must count people.
    if counts_a_person:
        return True
    if _directly_after_death_word(text[death_before : count.start]):
        # "killed two young Dawsahak": a death verb right before the count governs it,
        # whatever the people are called, unless they are animals or things.
        return not any(
            not cues.cue("non_fatal_verbs").fullmatch(m.group(0))
            and not _describes_people(counted, m.end())
            for m in cues.cue("non_fatal_outcomes").finditer(counted)
        )
    following = re.match(r"\s*([A-Za-zÀ-ÿ'’-]+)", text[count.end : sent_end])
    if following is None:
        return True
    word = following.group(1).lower()
    return (
        _names_people(counted)
        or (cues.cue("count_followers").fullmatch(word) is not None)
        or word.endswith("ly")
    )


# A failed or planned killing: "attempted to assassinate", "an attempt to kill".
_ATTEMPT = re.compile(
    r"\b(?:attempt(?:ed|s|ing)?|tried|trying|sought|plott?(?:ed|ing)?)\s+to\s+[\w'’-]+\s*$",
    re.IGNORECASE,
)


def _taken_after(text: str, count: Count, counted: str, sent_end: int) -> bool:
    """'four others arrested', 'a gendarme went missing': what befell them was not death."""
    if cues.has("non_fatal_verbs", counted):
        return True  # "two others went missing", "2 police officers kidnapped"
    after = text[count.end + len(counted) : sent_end]
    verb = re.match(
        r"\s*(?:(?:was|were|are|is|have|has|had|been|later|also)\s+)*(?:\w+ly\s+)?", after
    )
    rest = after[verb.end() :] if verb else after
    return cues.cue("non_fatal_verbs").match(rest) is not None


_BODY_OF = r"(?:the\s+)?(?:body|bodies|corpse)\s+of"


@cache
def _grievance(of_victim: bool = False) -> re.Pattern[str]:
    """'against the killing of', 'over the deaths of', 'following the discovery of the
    body of': the lead, then a death noun (`of_victim`: and the "of" before the dead)."""
    leads = cues.alternation(load_json("lexicon/cues.json")["grievance_leads"])
    nouns = r"death|deaths|killing|killings|murder|murders|assassination|execution"
    tail = rf"(?:{nouns}|body|bodies|corpse)\s+of\s+" if of_victim else rf"(?:{nouns}|{_BODY_OF})"
    return re.compile(
        rf"\b(?:{leads})\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){{0,2}}{tail}\s*$",
        re.IGNORECASE,
    )


def _is_cause(text: str, death_at: int, sent_start: int, *, of_victim: bool = False) -> bool:
    """'protest against the killing of', 'over the death of': a death as a grievance,
    an earlier event than the one the sentence tells. `death_at` is where the death
    word starts, or (`of_victim`) where the dead it is "of" start."""
    left = text[max(sent_start, death_at - 60) : death_at]
    return _grievance(of_victim).search(left) is not None


_NOT_GOVERNING = {
    "in", "by", "after", "during", "with", "from", "when", "while", "as", "attack",
    "ambush", "raid", "but", "where", "which", "who", "that", "than",
    "being", "suspected", "accused", "believed",
}  # fmt: skip


# A death noun as a label of its figure: "Fatalities: 3", "Fatalities: 2 soldiers".
_LABEL = re.compile(r"\b(?:fatalities|deaths|casualties)\s*:\s*$", re.IGNORECASE)


def _governs(between: str) -> bool:
    """Whether the death word before a count is about it: 'killing at least 13',
    'the deaths of 24', not 'were killed in an attack by about 40'."""
    if re.search(r"[,;:]", between):
        return False  # "civilians died, a local official said": a new clause
    words = re.findall(r"[\w'’-]+", between.lower())
    return len(words) <= 5 and not _NOT_GOVERNING & set(words)


def _directly_after_death_word(between: str) -> bool:
    """'killed two', 'killing at least 30', 'executed some 12': nothing else in between."""
    words = re.findall(r"[\w'’-]+", between.lower())
    return len(words) <= 2 and all(
        w in {"at", "least", "some", "about", "around", "over", "nearly", "of"} for w in words
    )


_BEFORE_BREAKDOWN = re.compile(
    r"(?:\d|dead|killed|died|deaths|fatalities|casualties)(?:\s+[\w'’-]+){0,3}\s*$", re.IGNORECASE
)


def _is_subset(text: str, count: Count, sent_start: int) -> bool:
    """'21 killed, including 11 children' or 'six died, three of them children'."""
    left = text[max(sent_start, count.start - 60) : count.start]
    cue = r"(?:including|among them|among whom|of whom|of which|dont|parmi eux)"
    if re.search(rf"{cue}\W+(?:(?:between|some|about|at least|nearly)\W+)?$", left, re.I):
        return True
    # "4 dead (2 assailants, a soldier and a peacekeeper)", "killed 10 (7 bodies found)":
    # a breakdown or a restatement of the figure before the parenthesis.
    # "killed a civilian [a child]": square brackets restate as parentheses do.
    opened = max(left.rfind("("), left.rfind("["))
    closed = re.search(r"[)\]]", left[opened:]) if opened >= 0 else None
    if opened >= 0 and not closed and _BEFORE_BREAKDOWN.search(left[:opened]):
        return True
    # "including four soldiers and 1 gendarme": the later members of the same list.
    if re.search(rf"{cue}\W+\w+\W+(?:[\w'’-]+\W+){{0,3}}?(?:and|&)\W+$", left, re.I):
        return True
    if _OF_THE_COUNTED.search(left):
        return True  # "four of the six", "one of the three soldiers": the six were counted before
    if _AMONG_AFTER.match(text, count.end):
        return True  # "his deputy and a councillor were among the dead"
    if re.match(r"\s+of (?:them|whom|those)\b", text[count.end : count.end + 12]) is None:
        return False
    # "six died, three of them children" breaks a toll down; "attacked the herders and
    # killed two of them" is the toll, its death verb right before the count.
    death = _last_cue_before("death_verbs", text, max(sent_start, count.start - 25), count.start)
    return death is None or not _directly_after_death_word(text[death : count.start])


# A count right after "N of the": the whole the N is part of ("the bodies of four of the six").
_OF_THE_COUNTED = re.compile(
    r"(?:\b\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|all|each|some|none|both))"
    r"\s+of\s+(?:the|these|those)\s+$",
    re.IGNORECASE,
)
# A count whose clause ends "were among the dead" names some of a toll given elsewhere.
_AMONG_AFTER = re.compile(
    r"[^.;!?]{0,80}?\b(?:was|were|is|are)\s+(?:also\s+)?among\s+(?:the\s+)?"
    r"(?:dead|those\s+killed|(?:people\s+)?killed|victims|casualties|fatalities)\b",
    re.IGNORECASE,
)


@cache
def _headline_victim() -> re.Pattern[str]:
    """A sentence that opens on the victim, as a headline does, article or not:
    "Soldier killed in an ambush", "Guide of the brigade assassinated at his home",
    "Forest ranger and his son killed by gunmen", "The chief of the hamlet near X was killed"."""
    lexicon = load_json("lexicon/cues.json")
    noun = cues.alternation(lexicon["singular_person_nouns"])
    died = cues.alternation(lexicon["headline_deaths"])
    words = r"(?:[\w'’.&-]+\s+)"  # "MUJAO & AQIM commander"
    complement = (
        r"(?:\s+\([^()]{0,30}\))?"
        rf"(?:\s+(?:of|from|for|at|in|with)\s+{words}{{0,6}}?[\w'’.-]+)?"
        r"(?:\s+(?:named\s+as|called|identified\s+as)\s+[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}"
        r"|(?:\s+(?-i:[A-Z])[\w'’-]*){1,4}|,\s+(?-i:[A-Z])[^,;.]{0,40},)?"
        # "... Omar Ould Hamaha (known as 'Red Beard') was killed": a bracket after the name.
        r"(?:\s+\([^()]{0,40}\))?"
    )
    more = rf"(?P<more>\s+and\s+(?:his|her|a|an)\s+{words}{{0,2}}?(?:{noun}))?"
    return re.compile(
        rf"\s*(?:(?:the|his|her)\s+)?{words}{{0,4}}?(?P<noun>{noun})(?![s\w-]){complement}{more}"
        rf"\s+(?:(?:was|is|has\s+been)\s+)?(?:\w+ly\s+)?{_TAKEN_FIRST}(?:{died})\b",
        re.IGNORECASE,
    )


# "The body of a man": the man, not the body, is the one counted.
_REMAINS_OF = re.compile(r"(?:body|corpse|remains)\s+of\b", re.IGNORECASE)
# An object after the death word makes the opening noun the killer ("Soldier killed
# two"); a verb makes the participle a description ("The man killed was a teacher").
_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|\d+|"
    r"was|were|is|are)\b",
    re.IGNORECASE,
)


def _headline_victims(text: str, start: int, end: int) -> list[Count]:
    """The victim a sentence opens on."""
    match = _headline_victim().match(text, start, end)
    if match is None or _OBJECT_AFTER.match(text, match.end(), end):
        return []
    if _REMAINS_OF.match(text, match.start("noun"), end):
        return []  # "The body of a man was found beheaded": the man is the one counted
    # "and his son" is counted by the rule for joined persons.
    return [Count(match.start("noun"), match.end("noun"), 1, "exact")]


@cache
def _person_and() -> re.Pattern[str]:
    """'The mayor and ', 'Norbert Zongo and ': one person joined to a count of others."""
    noun = cues.alternation(load_json("lexicon/cues.json")["singular_person_nouns"])
    # "Norbert Zongo, an outspoken journalist, and three others": an aside between.
    return re.compile(
        rf"(?P<p>{_person(noun, 'the|a|an|his|her|their', '{0,3}')}"
        r"|(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)+)(?:,\s+[^,.;()]{1,60},)?\s+and\s+$",
        re.IGNORECASE,
    )


def _joined_to_others(
    text: str, units: list[list[Count]], singles: list[Count], start: int
) -> list[Count]:
    """'The mayor and three others were killed': the toll counts the others, the person
    joined to them is one more."""
    taken = [(c.start, c.end) for c in singles]
    more = []
    for unit in units:
        count = unit[-1]
        if len(unit) != 1 or not _MORE_AFTER.match(text, count.end):
            continue
        person = _person_and().search(text, max(start, count.start - 130), count.start)
        if person is None:
            continue
        one = Count(person.start("p"), person.end("p"), 1, "exact")
        if not _overlaps(one, taken):
            more.append(one)
    return more


def _singular_counts(text: str, start: int, end: int) -> list[Count]:
    return [
        Count(m.start(), m.end(), _persons(m), "exact")
        for m in _singular().finditer(text, start, end)
    ]


def _singular_victims(text: str, start: int, end: int) -> list[Count]:
    """The victim pattern holds its own death word, so it needs no further check;
    but 'who previously had executed an informer' tells of an earlier killing, 'was
    killed, although this was denied' of a denied one, and 'in protest against the
    killing of a girl who was found beheaded' of a grievance."""
    return [
        Count(m.start(), m.end(), _persons(m), "exact")
        for m in _singular_victim().finditer(text, start, end)
        if _this_death(text, m, start, end)
    ]


# "a couple on a motorbike was killed", "killed an elderly couple": two people; but
# "a couple of herders" is a count the number grammar reads.
_COUPLE = re.compile(r"\bcouple\b(?!\s+of\b)", re.IGNORECASE)


def _persons(match: re.Match[str]) -> int:
    """How many people a singular noun phrase stands for: one, or a couple's two."""
    return 2 if _COUPLE.search(match.group()) else 1


def _this_death(text: str, death: re.Match[str], start: int, end: int) -> bool:
    """A death the sentence tells as this event's: not earlier, retracted or a cause."""
    return (
        not _EARLIER_DEED.search(text, max(start, death.start() - 30), death.start())
        and not _RETRACTED.match(text, death.end(), end)
        and not _is_cause(text, death.start(), start, of_victim=True)
    )


# "assassinated Yehiya Maiga in Gorom-Gorom", "killed Amadou Barry, a councillor": a
# person's name, two to four capitalised words, ending where the clause goes on.
_PARTICLE = r"(?:(?:de|ag|ould|el|al|ben|ibn|dit|bin)\s+)"


@cache
def _named_victim() -> re.Pattern[str]:
    verb = cues.alternation(load_json("lexicon/cues.json")["singular_kill_verbs"])
    name = rf"{_PARTICLE}?(?-i:[A-Z][\w'’-]+)"
    return re.compile(
        rf"\b(?:{verb})\s+(?P<name>{name}(?:\s+{name}){{1,3}})"
        r"(?=\s*[,.;]|\s*$|\s+(?:in|at|on|near|who|whom)\b)",
        re.IGNORECASE,
    )


def _named_victims(text: str, start: int, end: int) -> list[Count]:
    """A person killed, told by name; an armed group's name is left out by the caller."""
    return [
        Count(m.start("name"), m.end("name"), 1, "exact")
        for m in _named_victim().finditer(text, start, end)
        if _this_death(text, m, start, end)
    ]


def _earlier_deed(text: str, lo: int, death_end: int) -> bool:
    starts = [m.start() for m in cues.cue("death_verbs").finditer(text, lo, death_end)]
    return bool(starts) and _EARLIER_DEED.search(text, lo, starts[-1]) is not None


# "who had executed", "accused of killing": a killing before the event, or a charge.
_EARLIER_DEED = re.compile(
    r"\b(?:had|previously|earlier)\s+(?:\w+ly\s+)?(?:been\s+)?$"
    r"|\b(?:accused|suspected|convicted|charged|sentenced|jailed)\s+(?:of|with|for)\s+$",
    re.I,
)


# One person told of by a pronoun or a found body: "he was later found executed",
# "she is killed", "killing him", "his body was found", "the corpse was discovered".
_PRONOUN_DEATH = re.compile(
    r"\b(?:he|she)\s+(?:was|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:later\s+|then\s+)?"
    r"(?:found\s+|left\s+)?(?:\w+ly\s+)?(?:killed|executed|beheaded|decapitated|murdered|dead|hanged|"
    r"hung|shot\s+dead|assassinated|lynched|slain|burned\s+alive|stabbed\s+to\s+death|"
    r"beaten\s+to\s+death)\b"
    r"|\b(?:he|she)\s+(?:\w+ly\s+)?(?:later\s+|then\s+)?(?:died|succumbed)\b"
    r"|\b(?:killing|killed|executing|executed|beheading|beheaded|murdering|murdered|"
    r"assassinating|assassinated|lynching|lynched|decapitated|shot\s+dead)\s+(?:him|her)\b"
    r"|\b(?:his|her|the)\s+(?:lifeless\s+|beheaded\s+|mutilated\s+)?(?:body|corpse)\s+"
    r"(?:was|has\s+been|is)\s+(?:\w+ly\s+)?(?:later\s+)?(?:found|discovered|recovered)\b",
    re.IGNORECASE,
)


def _pronoun_victims(text: str, start: int, end: int) -> list[Count]:
    return [
        Count(m.start(), m.end(), 1, "exact")
        for m in _PRONOUN_DEATH.finditer(text, start, end)
        if not _ATTEMPT.search(text, max(start, m.start() - 30), m.start())
        and not _DENIED.search(text, start, m.start())
        and not _EARLIER_DEED.search(text, max(start, m.start() - 30), m.start())
    ][:1]


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
    verbs = cues.spans("attribution_verbs", text, start, end)
    candidates.extend(_names_beside_verbs(text, start, end, verbs))
    for verb_start, verb_end in verbs:
        if _TOLL_BEFORE.search(text, max(start, verb_start - 40), verb_start) and not (
            _BY_AFTER.match(text, verb_end)
        ):
            continue  # "no casualties reported": a passive, no one's word
        inverted = _inverted(text, start, verb_start, verb_end)
        best = _nearest_source(candidates, verb_start, verb_end, inverted)
        if best is not None:
            found.append(Attribution(_source_label(best[2]), best[0], best[1]))
    return found


# A name right before a speech verb, or right after an inverting one, is its speaker
# even when no list knows it: "Radio Omega said", "according to Savane FM".
_WORD = r"[A-Z][\w'’.&-]*"
_NAME = rf"{_WORD}(?:\s+(?:(?:de|du|des|of|the)\s+)?{_WORD})*"
_NAME_BEFORE_VERB = re.compile(rf"(?<![\w'’-])({_NAME})\s+\Z")
_NAME_AFTER_VERB = re.compile(rf"\s+(?:the\s+)?({_NAME})(?![\w'’-])")
# Not speakers: a sentence's opening word, a pronoun, or a place after its preposition
# ("residents in Djibo said": the residents speak).
_NOT_A_SPEAKER = re.compile(r"(?:The|A|An|It|He|She|They|We|I|This|That|There|But|And)")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|of|to|on|for|with|by|around)\s+$")


def _names_beside_verbs(
    text: str, start: int, end: int, verbs: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    spans = []
    for verb_start, verb_end in verbs:
        lo = max(start, verb_start - 60)
        before = _NAME_BEFORE_VERB.search(text[lo:verb_start])
        if before:
            s = lo + before.start(1)
            if not _PLACE_BEFORE.search(text, max(start, s - 12), s):
                spans.append((s, lo + before.end(1)))
        after = _NAME_AFTER_VERB.match(text[verb_end : min(end, verb_end + 60)])
        if after and _inverted(text, start, verb_start, verb_end):
            spans.append((verb_end + after.start(1), verb_end + after.end(1)))
    return [(s, e, text[s:e]) for s, e in spans if not _NOT_A_SPEAKER.fullmatch(text[s:e])]


# "no casualties reported", "two deaths were reported": the toll is the verb's subject.
_TOLL_BEFORE = re.compile(
    r"\b(?:casualties|deaths|dead|fatalities|injuries|victims|losses|killed|wounded)"
    r"(?:\s+(?:were|was|have\s+been|has\s+been))?\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_BY_AFTER = re.compile(r"\s+by\b", re.IGNORECASE)
# Verbs whose source follows them: "according to SRC", "per SRC".
_INVERTING = re.compile(r"according\s+to|per|citing|cited|selon|d'après")
# Speech verbs whose source follows them only after a clause ("..., said SRC") or as
# a passive's agent ("reported by SRC"); in "residents said gunmen killed two" the
# name after the verb is the killer.
_SPEECH_INVERTING = re.compile(r"said|says|told|reported|claimed|stated")
_CLAUSE_BEFORE = re.compile(r"[,\"”’]\s*$")


def _inverted(text: str, start: int, verb_start: int, verb_end: int) -> bool:
    verb = text[verb_start:verb_end].lower()
    return _INVERTING.fullmatch(verb) is not None or (
        _SPEECH_INVERTING.fullmatch(verb) is not None
        and (
            _CLAUSE_BEFORE.search(text, max(start, verb_start - 3), verb_start) is not None
            or _BY_AFTER.match(text, verb_end) is not None
        )
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
    exclude: Sequence[tuple[int, int]] | None = None,
) -> list[Figure]:
    """The death figures of the sentence text[start:end], per source and side.

    `actor_names` are (start, end, canonical name) of actors who may speak;
    `exclude` are spans that hold no counts: the pipeline passes the dates it
    found; with None, the dates are found here ("found on March 23" is no 23).
    """
    if exclude is None:
        exclude = [(m.start, m.end) for m in find_dates(text, None)]
    text = _masked(text, start, end, exclude)
    all_counts = find_counts(text, start, end)
    units = _units(text, all_counts, start, end)
    taken = [(c.start, c.end) for c in all_counts]
    singles: list[Count] = []
    for count in _singular_counts(text, start, end):
        # "one dead body", "a lifeless soldier": the death word is inside the match.
        dead = cues.has("death_predicates", text, count.start, count.end) and not _is_cause(
            text, count.start, start, of_victim=True
        )
        if not _overlaps(count, taken) and (
            dead or _is_death_count(text, count, start, end, counts_a_person=True)
        ):
            singles.append(count)
            taken.append((count.start, count.end))
    # "1 Malian soldier was killed": the victim pattern's soldier is the count's.
    counted = [(u[0].start, u[-1].end + len(_counted_words(text, u[-1].end, end))) for u in units]
    # "a peacekeeper who succumbed to his wounds" is one victim, not two; but in "executed
    # two and wounded another who succumbed" the cue is the other's, one victim more.
    later_cues = [
        (m.start("cue"), m.end("cue"))
        for c in singles + [u[0] for u in units]
        if _died_later(text, c, end) and (m := _LATER_DEATH.match(text, c.start, end)) is not None
    ]
    for victims in (_singular_victims, _headline_victims):
        spans = taken + counted + later_cues + [(c.start, c.end) for c in singles]
        singles += [c for c in victims(text, start, end) if not _overlaps(c, spans)]
    groups = [(s, e) for s, e, _ in actor_names]
    spans = taken + counted + [(c.start, c.end) for c in singles]
    singles += [c for c in _named_victims(text, start, end) if not _overlaps(c, spans + groups)]
    singles += [
        c
        for c in _coordinated_singles(text, singles, end)
        # "and his three sons" holds a count no other rule took as a toll.
        if not _overlaps(c, [(s.start, s.end) for s in singles] + counted)
    ]
    singles += _joined_to_others(text, units, singles, start)
    units = _without_breakdowns(text, units + [[c] for c in singles])
    units += [[c] for c in _taken_then_killed(text, all_counts, units, start, end)]
    if not units:
        # "he was later found executed": a person named before, counted only when the
        # sentence counts nobody else (who may be the same person).
        units = [[c] for c in _pronoun_victims(text, start, end)]
    attributions = _attributions(text, start, end, list(actor_names))
    bombers = _suicide_bombers(text, start, end)
    if not units:
        zero = cues.cue("zero_fatality_phrases").search(text, start, end)
        if zero:
            source = _nearest_attribution(attributions, zero.start())
            return [Figure(0, "exact", source, zero.start(), zero.end()), *bombers]
        return bombers
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
            side = (
                victim_class(text, count.end, end)
                or _group_list_side(text, count, end)
                or _ranks_side(text, count, end)
            )
        if _died_later(text, count, end):
            side = DIED_LATER
        elif _CODED_UNCOUNTED.search(text, max(start, count.start - _CODED_REACH), count.start):
            side = UNCOUNTED
        sums.setdefault((source, side), []).append(count)
    for (source, victims), group in sums.items():
        figure = _sum(source, victims, group)
        if victims is None and all(
            c in singles or _plainly_dead(text, c, end) or _more_people(text, c, end) for c in group
        ):
            figure = _with_named_sides(figure, sums)
        if all(_more_people(text, c, end) for c in group):
            figure = replace(figure, more=True)
        figures.append(figure)
    return sorted(figures + bombers, key=lambda f: f.start)


# "2 dead in JNIM's ranks", "two killed in their own ranks": the side whose ranks.
_IN_RANKS = re.compile(
    r"\s+(?:(?:were|was|are)\s+)?(?:dead|killed)\s+(?:in|among|within)\s+(?:the\s+)?"
    r"(?P<owner>(?:[\w-]+\s+){0,2}?[\w-]+(?:'s|’s)?\s+|(?:their|its|his)\s+(?:own\s+)?|own\s+)?"
    r"ranks\b(?:\s+of\s+(?:the\s+)?(?P<of>[\w-]+))?",
    re.IGNORECASE,
)
_FORCES_OWNER = re.compile(
    r"\b(?:army|armed forces|fama|soldiers|troops|forces|military|police|gendarm\w*)\b",
    re.IGNORECASE,
)


def _ranks_side(text: str, count: Count, end: int) -> str | None:
    ranks = _IN_RANKS.match(text, count.end, end)
    if ranks is None:
        return None
    owner = (ranks["owner"] or "") + (ranks["of"] or "")
    return "military" if _FORCES_OWNER.search(owner) else "militants"


def with_previous(figure: Figure, previous: Sequence[Figure]) -> Figure:
    """A figure of people besides those counted in the sentence before ("A commander was
    killed. 2 other militants died.") as the running total of its source and side: the
    linker takes a side's largest figure as the toll, so the two must not stand apart.
    An unsided figure adds to all that source's figures, a sided one to those of its side
    and to the unsided ones ("A leader was killed. One of his sons was also killed": 2).
    Those who died later, and the uncounted, already add to the toll in the linker."""
    if not figure.more or figure.victims in ADDED_SIDES:
        return figure
    earlier = [
        f
        for f in previous
        if f.claimed_by == figure.claimed_by
        and f.victims not in ADDED_SIDES
        and (figure.victims is None or f.victims in {None, figure.victims})
    ]
    if not earlier:
        return figure
    return replace(figure, value=figure.value + sum(f.value for f in earlier))


# "a female suicide bomber", "four suicide bombers believed to be with Boko Haram".
_BOMBERS = re.compile(
    r"\b(?:(?P<count>an?|one|two|three|four|five|six|\d+)\s+(?:[\w-]+\s+){0,3}?)?"
    r"suicide\s+(?:bomb|attack)(?P<plural>er|ers)\b",
    re.IGNORECASE,
)
# A bomber caught or stopped did not die by the bomb; "including the bomber" is
# already in the toll.
_BOMBER_SPARED = re.compile(
    r"\b(?:arrest|captur|neutrali[sz]|foil|thwart|prevent|intercept|before\s+(?:he|she|they)?"
    r"\s*(?:could\s+)?detonat|would-be|failed|including\s+the\s+(?:suicide\s+)?(?:bomb|attack)er)",
    re.IGNORECASE,
)


def _suicide_bombers(text: str, start: int, end: int) -> list[Figure]:
    """The bombers who blew themselves up, a figure of their own: ACLED counts them
    among the dead ("a suicide bomber attacked a checkpoint; one policeman injured"
    is one fatality). Plural bombers with no count are left uncounted."""
    match = _BOMBERS.search(text, start, end)
    if match is None or _BOMBER_SPARED.search(text, start, end):
        return []
    word = match["count"]
    if word is None:
        value = 1 if match["plural"].lower() == "er" else None
    else:
        value = 1 if word.lower() in {"a", "an"} else words_to_int(word)
    if not value:
        return []
    return [Figure(value, "exact", None, match.start(), match.end(), "militants")]


def _plainly_dead(text: str, count: Count, end: int) -> bool:
    """'1 Chadian killed', '3 miners', '3 AQIM': the count names its dead, it is no
    stray number (a group's name stands for its fighters)."""
    words = _counted_words(text, count.end, end)
    return (
        _names_people(words)
        or _GROUP_NAMES.fullmatch(words.strip()) is not None
        or cues.has("death_predicates", text, count.end, count.end + 40)
    )


# "another four were ... executed", "a further 3", "two others", "five more": people
# besides those counted before.
_MORE_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s+(?:others|more|other\s+[\w'’-]+)\b", re.IGNORECASE)


# "One of his children was also killed", "the militants also killed two herders".
_ALSO_BEFORE = re.compile(
    r"\balso\s+(?:killed|executed|shot\s+dead|murdered)\s+(?:at\s+least\s+)?$", re.IGNORECASE
)
_ALSO_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:was|were)\s+also\s+(?:killed|executed|shot\s+dead|found\s+dead)\b"
    r"|\s+also\s+(?:died|perished)\b",
    re.IGNORECASE,
)


def _more_people(text: str, count: Count, end: int) -> bool:
    return bool(
        _MORE_BEFORE.search(text, max(0, count.start - 20), count.start)
        or _MORE_AFTER.match(text, count.end, end)
        or _ALSO_BEFORE.search(text, max(0, count.start - 30), count.start)
        or _ALSO_AFTER.match(text, count.end, end)
    )


def _with_named_sides(
    figure: Figure, sums: dict[tuple[str | None, str | None], list[Count]]
) -> Figure:
    """'1 Chadian killed, 6 Islamists killed': counts of one sentence and source are
    different people, so a count of no known side adds to those of known sides (a
    side-less figure otherwise stands against their sum as a restatement)."""
    sided = sum(
        c.value
        for (source, side), group in sums.items()
        if source == figure.claimed_by and side is not None and side not in ADDED_SIDES
        for c in group
    )
    return replace(figure, value=figure.value + sided) if sided else figure


# Numbers that are never tolls: a crowd-size tag "[size=dozens]" ends many protest
# notes, and "coded as Gao at geoprecision 2" locates an event.
_NOT_TOLLS = re.compile(r"\[size=[^\]]*\]|\bgeo[\s-]*precision\s*(?:of\s+)?\d+", re.IGNORECASE)


@cache
def _one_collective() -> re.Pattern[str]:
    """'four members of one family', 'a son of a Fulani household': the number
    counts households, not the dead."""
    collectives = cues.alternation(load_json("lexicon/cues.json")["collective_nouns"])
    return re.compile(
        rf"\bof\s+(?P<det>a|an|one|the\s+same)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{collectives})\b",
        re.IGNORECASE,
    )


def _masked(text: str, start: int, end: int, exclude: Sequence[tuple[int, int]]) -> str:
    """The text with the sentence's dates and non-toll numbers blanked out, so that no
    rule reads them as counts (offsets stay the same)."""
    spans = [(max(s, start), min(e, end)) for s, e in exclude if s < end and start < e]
    spans += [m.span() for m in _NOT_TOLLS.finditer(text, start, end)]
    spans += [m.span("det") for m in _one_collective().finditer(text, start, end)]
    # An age is a word of the person's description: "a 70-year-old man" stays one man.
    ages = [m.span() for m in _AGE.finditer(text, start, end)]
    if not spans and not ages:
        return text
    sentence = list(text[start:end])
    for s, e in spans:
        sentence[s - start : e - start] = "#" * (e - s)
    for s, e in ages:
        sentence[s - start : e - start] = "n" * (e - s)
    return text[:start] + "".join(sentence) + text[end:]


# "a 70-year-old man", "a man aged 70", "a child of 12 years old".
_AGE = re.compile(
    r"(?<![\w-])\d{1,3}(?=[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b)|(?<=\baged\s)\d{1,3}\b",
    re.IGNORECASE,
)


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
        if _is_death_count(text, count, start, end) or _continues_list(text, units, count, start):
            units.append([count])
        index += 1
    return units


# "executed four men in the village of Inata and five others at the mining site": where
# each item died does not break the list.
_WHERE_IN_LIST = re.compile(
    r"\s+(?:in|at|near)\s+(?:the\s+)?(?:(?:village|town|area|commune|hamlet|locality)\s+of\s+)?"
    r"(?-i:[A-Z])[\w'’-]+(?:[\s-]+(?-i:[A-Z])[\w'’-]+)?(?=\s*(?:,|and\b|&))",
    re.IGNORECASE,
)


def _continues_list(text: str, units: list[list[Count]], count: Count, start: int) -> bool:
    """'killing three fighters (VDP) and eleven civilians', 'killing one soldier, six
    Koglweogo': a later item of a list the death verb before it governs."""
    if not units or len(units[-1]) != 1:
        return False
    previous = units[-1][0]
    gap = re.sub(r"\s*\([^()]{0,25}\)", "", text[previous.end : count.start])
    gap = _WHERE_IN_LIST.sub("", gap)
    if not _is_listed(gap) or _is_subset(text, count, start):
        return False
    if re.search(
        r"\b(?:including|incl|among them|among whom|of whom)\b", text[start : count.start]
    ):
        return False  # "ten civilians including members of X and three Y": a breakdown
    right = text[count.end : count.end + 40].lstrip(" ,")
    if cues.cue("non_fatal_outcomes").match(right):
        return False  # "two soldiers and 20 cattle"
    if _death_after(text, count, start, len(text), False) is False:
        return False  # "killed two soldiers, three were wounded"
    # Only the item's own words: in "six Koglweogo, and wounded others" the injury
    # opens a new clause.
    own = re.split(r",\s*and\b|\band\s+(?:\w+ly\s+)?(?:wound|injur)\w*", right)[0]
    if cues.has("wound_words", own) or cues.has("non_fatal_verbs", own):
        return False
    # "killed 4 soldiers, 2 militiamen and 3 civilians": the verb governs the list's
    # first item, and each later one through the item before it.
    return _death_before(text, previous, start, len(text), False) or _continues_list(
        text, units[:-1], previous, start
    )


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


# "their bodies were (later) found": the people counted before were found dead.
_THEIR_BODIES_FOUND = (
    r"their\s+bod(?:y|ies)\s+(?:were|was|have\s+been|had\s+been)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:found|discovered|recovered)"
)


# "arrested thirteen men ..., those arrested were taken outside and executed", "three
# miners were abducted; their bodies were found": the people taken were killed.
_THOSE_TAKEN_DIED = re.compile(
    r"\b(?:those|the)\s+(?:arrested|detained|abducted|kidnapped|captured|detainees|"
    r"abductees|hostages|captives|prisoners)\s+(?:were|had\s+been)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:executed|killed|shot\s+dead|found\s+dead|murdered)\b"
    rf"|\b{_THEIR_BODIES_FOUND}\b"
    # "abducted three notables ..., executed them and dumped their bodies".
    r"|(?<!had\s)(?<!who\s)\b(?:executed|killed|shot\s+dead|murdered|slaughtered)\s+them\b",
    re.IGNORECASE,
)


def _taken_then_killed(
    text: str, counts: list[Count], units: list[list[Count]], start: int, end: int
) -> list[Count]:
    """The people a non-fatal verb took ("abducted three miners", "three miners were
    abducted"), when the sentence goes on to say those taken were killed."""
    counted = {(c.start, c.end) for unit in units for c in unit}
    taken = [
        c
        for c in counts
        if (c.start, c.end) not in counted
        and (
            (
                (verb := _verb_before(text, c, start)) is not None
                and cues.cue("non_fatal_verbs").fullmatch(verb) is not None
            )
            or _taken_after(text, c, _counted_words(text, c.end, end), end)
        )
    ]
    if len(taken) != 1:
        return []
    if _THOSE_TAKEN_DIED.search(text, taken[0].end, end) or _THEY_DIED_NEXT.match(text, end):
        return taken
    return []


# The next sentence opens on the taken people's death: "Five men were detained by
# soldiers. Their bodies were later discovered in a mass grave."
_THEY_DIED_NEXT = re.compile(
    rf"[\s;.]*(?:{_THEIR_BODIES_FOUND}"
    r"|they\s+were\s+(?:\w+ly\s+)?(?:later\s+|then\s+)?(?:\w+ly\s+)?(?:found\s+dead|executed|"
    r"killed|shot\s+dead|murdered))\b",
    re.IGNORECASE,
)


# "14 were killed", "3 succumbed", "two others died": a count that is its own subject.
_SUBJECT_OF_DEATH = re.compile(
    r"\s+(?:(?:others?|of\s+them|more)\s+)?(?:were|was|died|succumbed|had\s+been)\b",
    re.IGNORECASE,
)


def _without_breakdowns(text: str, units: list[list[Count]]) -> list[list[Count]]:
    """'killed 17 people ..., 14 were executed while 3 died of torture': counts after a
    toll that add up to it exactly, each the subject of its own death, tell how its
    dead died; they add nobody. A list ("4 soldiers, 2 militiamen and 2 civilians")
    is no breakdown."""
    ordered = sorted(units, key=lambda u: u[0].start)
    dropped: set[int] = set()
    for index, unit in enumerate(ordered):
        if len(unit) != 1 or index in dropped:
            continue
        total, parts = 0, []
        for later in range(index + 1, len(ordered)):
            part = ordered[later]
            if len(part) != 1 or not _SUBJECT_OF_DEATH.match(text, part[0].end):
                break
            total += ordered[later][0].value
            parts.append(later)
            if total >= unit[0].value:
                break
        if total == unit[0].value and len(parts) >= 2:
            dropped.update(parts)
    return [unit for index, unit in enumerate(ordered) if index not in dropped]


def _sum(source: str | None, victims: str | None, group: list[Count]) -> Figure:
    """Counts of one source and one side in one sentence add up ("5 in X and 7 in Y")."""
    value = sum(c.value for c in group)
    qualifiers = {c.qualifier for c in group}
    qualifier = group[0].qualifier if len(qualifiers) == 1 else "at least"
    vague = all(c.vague for c in group)
    return Figure(value, qualifier, source, group[0].start, group[-1].end, victims, vague)
