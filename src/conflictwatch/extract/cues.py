"""Compiled word-list matchers over the lexicon's `cues.json`.

The lists are data; this module only turns each into one regular expression,
compiled once, and answers "where in this span does a cue of kind K occur".
"""

from __future__ import annotations

import re
from functools import cache

from conflictwatch.phrases import alternation, phrase_pattern
from conflictwatch.resources import load_json

__all__ = ["alternation", "cue", "has", "labels", "spans"]


@cache
def cue(kind: str) -> re.Pattern[str]:
    """The matcher for one list of cues.json, e.g. cue('death_verbs')."""
    data = load_json("lexicon/cues.json")
    if kind not in data:
        raise KeyError(f"no cue list named {kind!r} in lexicon/cues.json")
    return phrase_pattern(data[kind], case_sensitive=kind == "known_sources")


def spans(kind: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    stop = len(text) if end is None else end
    return [m.span() for m in cue(kind).finditer(text, start, stop)]


def has(kind: str, text: str, start: int = 0, end: int | None = None) -> bool:
    stop = len(text) if end is None else end
    return cue(kind).search(text, start, stop) is not None


@cache
def labels(kind: str) -> dict[str, str]:
    """A mapping list of cues.json (phrase -> value, lower case), e.g. labels('type_labels')."""
    data = load_json("lexicon/cues.json")
    if not isinstance(data.get(kind), dict):
        raise KeyError(f"no mapping named {kind!r} in lexicon/cues.json")
    return {key.lower(): value for key, value in data[kind].items() if not key.startswith("_")}
