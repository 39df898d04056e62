"""Small, dependency-free scoring helpers shared by the evaluations."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable


def fold(text: str | None) -> str:
    """Compare names without case, accents or spacing differences."""
    if not text:
        return ""
    stripped = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().replace("-", " ").split())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    """F1 per gold class, averaged with the classes' support as weights."""
    support = Counter(gold)
    total = 0.0
    for label, count in support.items():
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = count - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        total += f1 * count
    return total / len(gold) if gold else 0.0


def accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    items = list(pairs)
    return sum(a == b for a, b in items) / len(items) if items else 0.0
