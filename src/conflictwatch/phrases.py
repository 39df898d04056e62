"""Word lists as regular expressions: one alternation of literal phrases, matched as
whole words. Shared by the extraction cues and the geocoder's data files."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, any spacing between words."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def phrase_pattern(phrases: Iterable[str], *, case_sensitive: bool = False) -> re.Pattern[str]:
    """Any of the phrases as a whole word or words (a hyphen joins a word)."""
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])", flags)
