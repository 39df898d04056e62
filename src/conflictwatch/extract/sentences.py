"""Sentence and paragraph boundaries as character spans of the article text.

A regular-expression splitter: fast, deterministic and good enough for news
prose. It knows the abbreviations that end in a period inside a sentence
("Lt. Col.", "U.N.", "Gen.") and treats a blank line as a paragraph break.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "capt", "cpt", "sgt", "maj", "cmdr", "st",
    "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "est", "inc", "ltd", "co", "gov", "sen", "rep", "prof", "pres", "mt",
    "ft", "fig", "e.g", "i.e", "etc", "al", "u.s", "u.n", "u.k", "a.m", "p.m", "cf",
}  # fmt: skip
# A semicolon ends a sentence too: news prose joins separate incidents with it
# ("in Soro, soldiers killed 179; in Nondin, they killed 44").
_BOUNDARY = re.compile(
    r";\s+|[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Ý])|\n\s*\n|\n(?=\s*[A-Z0-9]\S*[^.\n]{0,80}\n)"
)
_PARAGRAPH = re.compile(r"\n\s*\n")


def _ends_with_abbreviation(text: str, boundary_start: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, boundary_start - 12) : boundary_start])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    # Single capital letters are initials ("J. Smith"), not sentence ends.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith(".") and _ends_with_abbreviation(text, match.start()):
            continue
        end = match.start() + len(match.group().rstrip())
        if match.group().strip() == "":
            end = match.start()
        _append_trimmed(text, start, end, spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs begin (0 first)."""
    return [0] + [match.end() for match in _PARAGRAPH.finditer(text)]
