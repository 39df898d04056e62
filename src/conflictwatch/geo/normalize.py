"""Name folding: one key for every spelling of a place.

Sahel place names reach English news through French, Arabic and Tamasheq
transliterations, so "Tinzaouaten", "Tin-Zaouatene" and "Tinzawaten" must meet
on one key. The key is built once per gazetteer name and once per mention, so
both sides go through exactly the same steps.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into a base letter plus accents.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "ß": "ss",
        "œ": "oe",
        "æ": "ae",
        "þ": "th",
        "ð": "d",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ʻ": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
    }
)

# French and English spellings of the same sounds, applied in this order after
# separators are gone ("Djibo"/"Jibo", "Tchintabaraden"/"Chintabaraden",
# "Ouallam"/"Wallam", "Tinzaouaten"/"Tinzawaten", "Tillabery"/"Tillaberi").
_VARIANTS = (
    ("tch", "ch"),
    ("dj", "j"),
    ("ou", "u"),
    ("w", "u"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("y", "i"),
)
_DOUBLED = re.compile(r"(.)\1+")
# A silent final e after a consonant: "Tin-Zaouatene"/"Tinzaouaten", "Sévaré"/"Sevar".
_FINAL_E = re.compile(r"(?<=[^aeiou])e$")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Casefold and strip accents, keeping separators: 'Ménaka' -> 'menaka'."""
    text = text.casefold().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def strip_accents(text: str) -> str:
    """'Tillabéri' -> 'Tillaberi': ACLED writes admin names without accents."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The matching key of a name; '' when nothing Latin is left (other scripts).

    Cached: articles repeat their names, and the scanner keys every window."""
    key = _NON_ALNUM.sub("", fold(text))
    if not key:
        return ""
    for old, new in _VARIANTS:
        if old in key:
            key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)
    if len(key) > 4:
        key = _FINAL_E.sub("", key)
    return key
