"""Compiled word-list matchers over the lexicon's `cues.json`.

The lists are data; this module only turns each into one regular expression,
compiled once, and answers "where in this span does a cue of kind K occur".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from conflictwatch.resources import load_json


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, any spacing between words."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _phrase_pattern(phrases: list[str], *, case_sensitive: bool = False) -> re.Pattern[str]:
    body = alternation(phrases)
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


@cache
def cue(kind: str) -> re.Pattern[str]:
    """The matcher for one list of cues.json, e.g. cue('death_verbs')."""
    data = load_json("lexicon/cues.json")
    if kind not in data:
        raise KeyError(f"no cue list named {kind!r} in lexicon/cues.json")
    return _phrase_pattern(data[kind], case_sensitive=kind == "known_sources")


def spans(kind: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    stop = len(text) if end is None else end
    return [m.span() for m in cue(kind).finditer(text, start, stop)]


def has(kind: str, text: str, start: int = 0, end: int | None = None) -> bool:
    stop = len(text) if end is None else end
    return cue(kind).search(text, start, stop) is not None
