"""Counts written as digits, number words or vague words, with their qualifier.

"at least 13", "twenty-three", "dozens of", "more than 1,200", "une dizaine de":
each becomes a `Count` with the span of the whole expression. ACLED's rule for
vague words (tens = 10, dozens = 12, hundreds = 100) lives in the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from conflictwatch.phrases import alternation
from conflictwatch.resources import load_json

# "a"/"an"/"no" are numbers only before a person noun; the fatality grammar
# handles them, so the general scanner leaves them out.
_CONTEXT_ONLY = {"a", "an", "no", "none", "single", "un", "une"}


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    value: int
    qualifier: str  # exact, at least, about, up to, more than
    vague: bool = False


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    qualifiers: dict[str, str]
    pattern: re.Pattern[str]


@cache
def lexicon() -> _Lexicon:
    data = load_json("lexicon/numbers.json")
    units = {k: v for k, v in data["units"].items() if k not in _CONTEXT_ONLY}
    word = alternation([*units, *data["tens"], *data["scales"]])
    # "and" joins number words only after a scale ("one hundred and five"), never two
    # numbers ("between two and six").
    joiner = r"(?:(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|\s+et\s+|[\s-]+)"
    words = rf"(?:{word})(?:{joiner}(?:{word}))*"
    digits = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
    qualifier = alternation(list(data["qualifiers"]))
    vague = alternation(list(data["vague"]))
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<qual>{qualifier})\s+)?"
        rf"(?:(?P<vague>{vague})|(?P<digits>{digits})|(?P<words>{words}))\b",
        re.IGNORECASE,
    )
    return _Lexicon(units, data["tens"], data["scales"], data["vague"], data["qualifiers"], pattern)


def words_to_int(phrase: str) -> int | None:
    """'twenty-three' -> 23, 'one hundred and five' -> 105; None if not a number."""
    lex = lexicon()
    whole = _normalise(phrase)
    if whole in lex.units:
        return lex.units[whole]  # "a dozen", "a couple of": one entry of several words
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", phrase.lower()):
        if token in {"and", "et", ""}:
            continue
        if token in lex.units:
            current += lex.units[token]
        elif token in lex.tens:
            current += lex.tens[token]
        elif token in lex.scales:
            scale = lex.scales[token]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _normalise(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower())


_NO_ONE = re.compile(r"\bno\s+one$", re.IGNORECASE)


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[Count]:
    """Every count in text[start:end], offsets relative to `text`."""
    lex = lexicon()
    counts: list[Count] = []
    for match in lex.pattern.finditer(text, start, len(text) if end is None else end):
        qualifier = lex.qualifiers.get(_normalise(match["qual"] or ""), "exact")
        if match["vague"]:
            value, vague = lex.vague[_normalise(match["vague"])], True
        elif match["digits"]:
            value, vague = int(match["digits"].replace(",", "")), False
        else:
            parsed = words_to_int(match["words"])
            if parsed is None or _NO_ONE.search(text, max(0, match.start() - 4), match.end()):
                continue  # "no one was killed" counts nobody
            value, vague = parsed, False
        if vague and qualifier == "exact":
            qualifier = "about"
        counts.append(Count(match.start(), match.end(), value, qualifier, vague))
    return counts
