"""From the trigger words of a sentence to one ACLED event and sub-event type.

The triggers are data (lexicon/triggers.jsonl): each names a category such as
"air", "clash", "kill" or "protest". Which ACLED type a sentence gets depends on
the categories together and on who was targeted: "attacked a military post" is
a battle, "attacked the village, killing 12 civilians" violence against
civilians, "a drone struck a wedding" an air strike that targets civilians.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from conflictwatch.resources import iter_jsonl

# ACLED's taxonomy: every sub-event type with its event type (event-coding.md).
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

# Weapons name the sub-event even when civilians are the target (ACLED's rule).
_WEAPONS = (
    ("chemical", "Chemical weapon"),
    ("suicide", "Suicide bomb"),
    ("air", "Air/drone strike"),
    ("shelling", "Shelling/artillery/missile attack"),
    ("grenade", "Grenade"),
    ("ied", "Remote explosive/landmine/IED"),
)
_WEAPON_CATEGORIES = {category for category, _ in _WEAPONS}
# Violence from afar: the weapons above and the aircraft that carry them.
REMOTE_CATEGORIES = _WEAPON_CATEGORIES | {"air_weapon"}
_STRATEGIC = (
    ("disrupted", "Disrupted weapons use"),
    ("agreement", "Agreement"),
    ("transfer", "Non-violent transfer of territory"),
    ("hq", "Headquarters or base established"),
    ("looting", "Looting/property destruction"),
    ("arrest", "Arrests"),
    ("change", "Change to group/activity"),
    # "troops arrived in Gao": a move of forces, when nothing else happened.
    ("movement", "Change to group/activity"),
    ("other_sd", "Other"),
)
_VIOLENT_VERBS = {"attack", "kill", "clash", "air"}
_LETHAL = {"kill", "civ_attack", "clash"}
_HARM_TO_PEOPLE = _LETHAL | {"abduction", "sexual", "air", "shelling", "suicide", "ied", "grenade"}


@dataclass(frozen=True)
class Trigger:
    category: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Target:
    """What the sentence says about who was hit."""

    civilians: bool = False  # civilian victims or places (villagers, a market)
    armed: bool = False  # soldiers, a base, militants as the ones hit
    armed_sides: int = 0  # distinct armed actors named in the sentence
    state_actor: bool = False  # the acting side is a state force
    actor_known: bool = False  # an acting side was named at all
    people_hurt: bool = False  # someone was shot at, wounded or assaulted
    fighters_executed: bool = False  # "executed a GATIA militiaman": an armed victim
    fighters_abducted: bool = False  # "abducted two militiamen": armed people taken
    empty_post: bool = False  # "attacked the post while it was unmanned": property only


@dataclass(frozen=True)
class _TriggerPattern:
    """One row of triggers.jsonl, as whole words."""

    category: str
    source: str
    # Compiled without IGNORECASE, for the lowercased text: re makes no quick literal
    # checks under IGNORECASE, so this runs about 2.5 times faster. None when the row
    # has a case-sensitive part ("(?-i:...)", a capital).
    lowercase: re.Pattern[str] | None

    def finditer(
        self, text: str, lowered: str | None, start: int, end: int
    ) -> Iterator[re.Match[str]]:
        if lowered is not None and self.lowercase is not None:
            return self.lowercase.finditer(lowered, start, end)
        return _any_case(self.source).finditer(text, start, end)


@cache
def _any_case(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


@cache
def _trigger_patterns() -> list[_TriggerPattern]:
    patterns = []
    for row in iter_jsonl("lexicon/triggers.jsonl"):
        source = rf"(?<![\w-])(?:{row['pattern']})(?![\w-])"
        folds = row["pattern"] == row["pattern"].lower() and "(?-i" not in row["pattern"]
        patterns.append(
            _TriggerPattern(row["category"], source, re.compile(source) if folds else None)
        )
    return patterns


@lru_cache(maxsize=4)
def _lowercased(text: str) -> str | None:
    """The text in lower case, or None when that moves offsets ("İ" becomes two
    characters). Cached: a document's sentences are scanned one after another."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def find_triggers(
    text: str, start: int, end: int, categories: Collection[str] | None = None
) -> list[Trigger]:
    """The trigger words of text[start:end], in order; only of `categories` if given
    (a cheap pass for callers that need one kind, such as the protest words)."""
    found = []
    lowered = _lowercased(text)
    for trigger in _trigger_patterns():
        if categories is not None and trigger.category not in categories:
            continue
        for match in trigger.finditer(text, lowered, start, end):
            found.append(
                Trigger(
                    trigger.category, match.start(), match.end(), text[match.start() : match.end()]
                )
            )
    return sorted(found, key=lambda t: t.start)


CROWD = {"protest", "riot", "mob"}
# Acts that, told before the talks, are what the sentence reports.
_AGREEMENT_RIVALS = (
    _VIOLENT_VERBS
    | CROWD
    | {
        "clash",
        "shelling",
        "ied",
        "suicide",
        "grenade",
        "abduction",
        "civ_attack",
        "sexual",
        "protest_violent",
    }
)


def is_protest_detail(categories: set[str]) -> bool:
    """'They were dispersed with tear gas': how a protest told before was handled.

    Such a sentence only adds to a protest report; it never starts one (drafts.py). A
    weapon makes it an event of its own: "banned chlorine munitions were dropped".
    """
    told = CROWD | _LETHAL | _WEAPON_CATEGORIES | {"attack", "looting", "protest_violent", "arrest"}
    return bool(categories & {"protest_intervention", "protest_force"}) and not categories & told


# A mob proper: a crowd, a lynching, vigilantes, stone throwers.
_MOB_PROPER = re.compile(r"mob|lynch|vigilante|crowd|vindicte|jungle|stone", re.IGNORECASE)


# "Intercommunal violence between herders and farmers": a fight between communities.
_COMMUNAL = re.compile(r"communal|ethnic", re.IGNORECASE)
# Students, party supporters or two camps of a mosque are no communal militia: ACLED
# codes their fights as mob violence even when someone dies.
_CIVIC = re.compile(
    r"students|supporters|political|opponents|merchants|traders|fans|worshippers|"
    r"two groups|rival groups",
    re.IGNORECASE,
)


def feud_type(triggers: list[Trigger], deaths: bool, armed: bool) -> str | None:
    """A fight between communities or groups of residents, as ACLED codes it: with
    deaths a battle between communal militias ("two villages clashed over land; six
    were killed"), without deaths mob violence ("rival students fought, several
    hurt"). A lynching, a riot, or a fight with soldiers or rebels is decided elsewhere.
    """
    categories = {t.category for t in triggers}
    if categories & {"riot", "protest", "protest_violent"}:
        return None
    mob = [t for t in triggers if t.category == "mob"]
    if any(_MOB_PROPER.search(t.text) for t in mob):
        return None
    clashes = [t for t in triggers if t.category == "clash"]
    if not mob and not (clashes and all(_COMMUNAL.search(t.text) for t in clashes)):
        return None
    if deaths and not any(_CIVIC.search(t.text) for t in mob):
        return "Armed clash"
    return None if armed else "Mob violence"


def crowd_categories(triggers: list[Trigger]) -> set[str]:
    """The categories a crowd event is typed on: "security forces intervened and
    dispersed the march" is an intervention, not a fight with the marchers."""
    categories = {t.category for t in triggers}
    clashes = [t for t in triggers if t.category == "clash"]
    if clashes and all(t.text.lower().endswith("intervened") for t in clashes):
        categories.discard("clash")
        categories.add("protest_intervention")
    return categories


def protest_sub_type(categories: set[str]) -> str:
    """How a protest went: the crowd's violence, the force used on it, an intervention."""
    if "mob" in categories:
        return "Mob violence"
    if categories & {"riot", "protest_violent", "clash"}:
        # "clashes between protesters and police": the crowd fought back; live rounds
        # against a crowd that burned and stoned do not make it peaceful (ACLED's rule).
        return "Violent demonstration"
    if "protest_force" in categories:
        return "Excessive force against protesters"
    if "protest_intervention" in categories:
        return "Protest with intervention"
    return "Peaceful protest"


def _violence_type(categories: set[str], target: Target) -> str | None:
    """Battles or violence against civilians, by who was hit."""
    territory = categories & {"regain", "overtake"}
    if territory and "transfer" in categories and "kill" not in categories:
        return "Non-violent transfer of territory"  # "... after the army pulled out"
    if territory:
        # Who took it decides: the state regains, anyone else overtakes.
        if target.state_actor or (target.actor_known is False and "regain" in categories):
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if "sexual" in categories:
        return "Sexual violence"
    fought = target.armed or target.armed_sides >= 2
    if "civ_attack" in categories:
        return "Attack"
    if "abduction" in categories and "kill" not in categories:
        return _abduction_type(categories, target)
    if "clash" in categories:
        # "Fighting broke out between herders and farmers" is a clash all the same.
        return "Armed clash"
    if categories & {"attack", "kill"}:
        # Soldiers or a post among those hit means the attack met armed people.
        return "Armed clash" if target.armed or (fought and not target.civilians) else "Attack"
    return None


def _abduction_type(categories: set[str], target: Target) -> str:
    """ACLED codes a kidnapping by what came with it: a fight over the hostages makes a
    clash, people wounded or beaten along the way an attack; soldiers or militiamen
    taken away are fighters lost to the other side, a battle."""
    if "clash" in categories or target.fighters_abducted:
        return "Armed clash"
    if target.people_hurt:
        return "Attack"
    return "Abduction/forced disappearance"


_COMBINED = re.compile(
    r"complex|armed assault|followed by|small arms|gunfire|exchang|firefight"
    r"|responded|repel|repuls|clash|returned fire|ground op|counter|ambush|routed"
    r"|commando|storm|opened fire|shot dead|shooting|multi-?pronged",
    re.IGNORECASE,
)


def _looting_type(categories: set[str], target: Target) -> str | None:
    """Theft and burning: of property alone, or part of an attack on people or a post.

    "attacked the village and torched houses, no casualties" is property destruction
    (ACLED's codebook: no violence against people; its own rows differ by year, and
    the rule gains slightly on them); "robbed and wounded a merchant" is an attack
    on civilians; burning a gendarmerie post is part of a clash.
    """
    if target.armed:
        return None  # decided as violence: a clash
    if target.people_hurt:
        return "Attack"
    return "Looting/property destruction"


def _property_only(categories: set[str], target: Target) -> bool:
    """An attack on an empty post or a petrol station, with no one killed or taken."""
    harm = _HARM_TO_PEOPLE | CROWD | {"abduction", "civ_attack"}
    return target.empty_post and not target.civilians and not categories & harm


def _attacked(triggers: list[Trigger]) -> bool:
    """An attack told with a verb ("attacked", "raided"), not named ("a foiled attack")."""
    return any(t.category == "attack" and t.text.lower().endswith("ed") for t in triggers)


# Words only the police and the army use of taking people: "took away" may be a kidnapping.
_ARREST_VERB = re.compile(r"arrest|detain|apprehend|rounded up|taken into custody", re.IGNORECASE)


def _arrests_in_raids(triggers: list[Trigger], state_actor: bool) -> bool:
    """'Forces detained twelve men in overnight raids': an arrest told first, with the raid
    named only as the way it was made, is an arrest whoever the forces are; so is the
    state's "conducted a raid and arrested seven people". Militants who "abducted and
    detained" or "robbed and detained" someone did not arrest them, nor did those who
    "raided" or "attacked"."""
    categories = {t.category for t in triggers}
    if categories not in ({"arrest", "attack"}, {"arrest", "attack", "clash"}):
        return False
    raids_named = all(_RAID_NOUN.search(t.text) for t in triggers if t.category != "arrest")
    if "clash" in categories and not raids_named:
        return False
    arrest = next(t for t in triggers if t.category == "arrest")
    return (
        _ARREST_VERB.match(arrest.text) is not None
        and ((raids_named and state_actor) or _leads(triggers, "arrest", {"attack"}))
        and not _attacked(triggers)
    )


# "a raid", "conducted raids": the raid named, not told with "raided".
_RAID_NOUN = re.compile(r"\braids?$", re.IGNORECASE)


_CROWD_WORD = re.compile(
    r"protesters|demonstrators|youths|students|pupils|activists|partisans|supporters|crowd",
    re.IGNORECASE,
)
_DONE_TO_THINGS = re.compile(r"smashed|hurled|pelted|broke into|stormed", re.IGNORECASE)
# "Soldiers demonstrated, firing shots in the air" is a riot; gunmen firing in the air
# while raiding a market are not a crowd.
_SHOTS_IN_AIR = re.compile(r"fir.*\bair", re.IGNORECASE)


def without_dispersal_shots(triggers: list[Trigger]) -> list[Trigger]:
    """'Police dispersed the crowd, firing in the air': the shots are the intervention,
    not the crowd's violence."""
    if not any(t.category == "protest_intervention" for t in triggers):
        return triggers
    return [
        t for t in triggers if t.category != "protest_violent" or not _SHOTS_IN_AIR.match(t.text)
    ]


def _crowd_turned_violent(triggers: list[Trigger], categories: set[str]) -> bool:
    """'Youths torched the town hall', 'traders blocked the road': a riot, though no
    protest is named; 'gunmen torched the town hall' stays property destruction."""
    if "protest_violent" not in categories or categories & (_LETHAL | {"abduction", "sexual"}):
        return False
    violent = [t for t in triggers if t.category == "protest_violent"]
    if "protest" not in categories:
        violent = [t for t in violent if not _SHOTS_IN_AIR.match(t.text)]
        if not violent:
            return False
    if not categories & (_HARM_TO_PEOPLE | {"attack", "looting", "arrest"}):
        # "convoys were smashed" by an air force is no riot; a blocked road is, and so is
        # a break-in by people the police dispersed with tear gas: they were a crowd.
        if "protest_intervention" in categories:
            return True
        return not all(_DONE_TO_THINGS.fullmatch(t.text) for t in violent)
    return any(_CROWD_WORD.search(t.text) for t in violent)


def _marchers_attacked(triggers: list[Trigger], categories: set[str]) -> bool:
    """'Supporters of the junta demonstrated and attacked the French embassy': the
    marchers' own attack, told after their march with no one killed, makes it violent."""
    if "protest" not in categories or categories & (_LETHAL | {"abduction", "sexual"}):
        return False
    march = next(t.start for t in triggers if t.category == "protest")
    return any(t.category == "attack" and t.start > march for t in triggers) and _attacked(triggers)


def _without_crowd_fight(triggers: list[Trigger]) -> list[Trigger]:
    """'Students clashed with the police': the clash is the crowd's own violence, told by
    a crowd trigger around it, not a battle between armed sides."""
    crowds = [t for t in triggers if t.category == "protest_violent" and _CROWD_WORD.search(t.text)]
    return [
        t
        for t in triggers
        if t.category != "clash" or not any(c.start <= t.start and t.end <= c.end for c in crowds)
    ]


_SHOT = re.compile(r"shot (?:at|dead)|opened fire|fir(?:ed|ing) (?:on|at|upon)", re.IGNORECASE)


def _shot_at(triggers: list[Trigger], categories: set[str]) -> bool:
    """People in a peaceful crowd shot at by those facing it. Tear gas fired into a crowd
    is an intervention; a riot or mutiny fires its own shots."""
    if categories & {"riot", "mob", "protest_violent", "protest_intervention"}:
        return False
    return any(t.category == "attack" and _SHOT.match(t.text) for t in triggers)


def _without_denied_fighting(triggers: list[Trigger]) -> list[Trigger]:
    """'No clashes were reported', 'a takeover without any fighting': the fight named
    inside a denial did not happen."""
    denials = [t for t in triggers if t.category == "transfer"]
    return [
        t
        for t in triggers
        if t.category != "clash" or not any(d.start <= t.start and t.end <= d.end for d in denials)
    ]


def _leads(triggers: list[Trigger], category: str, others: set[str]) -> bool:
    """The sentence's first trigger of `category` comes before any of `others`."""
    first = next((t.start for t in triggers if t.category == category), None)
    if first is None:
        return False
    rival = next((t.start for t in triggers if t.category in others), None)
    return rival is None or first < rival


def classify(triggers: list[Trigger], target: Target) -> tuple[str, str, Trigger] | None:
    """(event_type, sub_event_type, the trigger that decided) or None."""
    if not triggers:
        return None
    triggers = _without_crowd_fight(_without_denied_fighting(triggers))
    categories = {t.category for t in triggers}
    if "air_weapon" in categories and categories & (_VIOLENT_VERBS | {"shelling", "looting"}):
        # "warplanes fired a missile": the aircraft makes it an air strike.
        categories.add("air")
    if target.fighters_executed and all(
        t.text.lower().startswith("execut") for t in triggers if t.category == "civ_attack"
    ):
        # "executed a captured militiaman": ACLED codes the killing of a fighter as a battle.
        categories = (categories - {"civ_attack"}) | {"kill"}
    sub = None
    if "mishap" in categories:
        # "killed while planting an IED": the bomb went off before its use.
        sub = "Disrupted weapons use"
    elif (
        "disrupted" in categories and not categories & {"kill", "clash"} and not _attacked(triggers)
    ):
        # "defused an explosive device": the weapon was not used; "attacked the post and
        # seized arms" is a fight all the same.
        sub = "Disrupted weapons use"
    elif _leads(triggers, "agreement", _AGREEMENT_RIVALS):
        # "agreed to a ceasefire after two weeks of fighting": the fighting is background;
        # "abducted and released after negotiations" is the kidnapping.
        sub = "Agreement"
    elif categories & {"regain", "overtake"} and not categories & {"kill", "civ_attack"}:
        # "recovered two villages after heavy shelling": the shelling was the means.
        if _leads(triggers, "riot", {"regain", "overtake"}):
            # "soldiers mutinied by taking over four towns": mutineers are not the state.
            target = replace(target, state_actor=False)
        sub = _violence_type(categories, target)
    elif categories & {"ied", "suicide", "air", "shelling"} and any(
        _COMBINED.search(t.text) for t in triggers
    ):
        # A complex attack opened by an IED or a car bomb and followed by gunfire is a
        # battle; "bombings ... as troops battle the group" elsewhere is not.
        sub = "Armed clash"

    for category, name in _WEAPONS if sub is None else ():
        if category in categories:
            sub = name
            break
    if sub is None and categories & CROWD and _leads(triggers, "arrest", CROWD):
        # "activists were detained while trying to hold a demonstration"; but a protest
        # "against the detention of" someone is about an earlier arrest.
        categories.add("protest_intervention")
    in_raids = _arrests_in_raids(triggers, target.state_actor)
    # "conducted a raid and arrested": the raid is how the arrests were made, no fight.
    harm = categories - {"clash"} if in_raids else categories
    arrests_only = not harm & (_LETHAL | {"sexual"} | CROWD) and not target.people_hurt
    in_custody = target.state_actor or in_raids
    if sub is None and "arrest" in categories and in_custody and arrests_only:
        sub = "Arrests"  # "agents took away two journalists": state custody, not a kidnapping
    if sub is None and (
        _crowd_turned_violent(triggers, categories) or _marchers_attacked(triggers, categories)
    ):
        categories.add("riot")
    elif sub is None and "protest" in categories and _shot_at(triggers, categories):
        # "security forces shot at a crowd of protesting drivers"
        categories.add("protest_force")
    if sub is None and (categories & CROWD or is_protest_detail(categories)):
        sub = protest_sub_type(categories - {"clash"} | crowd_categories(triggers))
    if sub is None and _property_only(categories, target):
        # "gunmen fired on the gendarmerie while it was empty": no one there to fight.
        sub = "Looting/property destruction"
    if sub is None and "looting" in categories and not categories & _HARM_TO_PEOPLE:
        sub = _looting_type(categories, target)
    if sub is None:
        sub = _violence_type(categories, target)
    if sub is None:
        sub = next((name for category, name in _STRATEGIC if category in categories), None)
    if sub is None:
        return None
    deciding = _deciding_trigger(triggers, sub)
    return SUB_EVENT_TYPES[sub], sub, deciding


_CATEGORIES_OF: dict[str, set[str]] = {
    "Air/drone strike": {"air", "air_weapon"},
    "Armed clash": {"clash", "attack", "kill"},
    "Attack": {"civ_attack", "kill", "attack", "clash"},
}


def _deciding_trigger(triggers: list[Trigger], sub: str) -> Trigger:
    wanted = _CATEGORIES_OF.get(sub, set())
    for trigger in triggers:
        if trigger.category in wanted:
            return trigger
    return triggers[0]
