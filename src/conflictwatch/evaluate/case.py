"""`conflictwatch eval case`: sub-event typing of the CASE 2021 task 2 snippets.

Each snippet is coded on its own. The predicted label is the sub-event type of
the first event the snippet reports (its lede), or "no event" when there is none. The non-ACLED
labels (disasters, organised crime, diplomacy, attribution) count as "no event".
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from conflictwatch.evaluate.metrics import accuracy, weighted_f1
from conflictwatch.extract import Pipeline
from conflictwatch.model import Article

NO_EVENT = "no event"
CASE_LABELS = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
NON_ACLED = {"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "DIPLO", "ATTRIB"}


@dataclass
class Snippet:
    id: str
    text: str
    label: str  # an ACLED sub-event type or NO_EVENT


def read_snippets(path: str | Path) -> list[Snippet]:
    snippets = []
    with open(path, encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            raw = (record.get("SubType") or "").strip()
            label = NO_EVENT if raw in NON_ACLED else CASE_LABELS.get(raw)
            if label is None or not (record.get("EventSnippet") or "").strip():
                continue
            snippets.append(Snippet(record.get("id", ""), record["EventSnippet"], label))
    return snippets


def predict(snippet: Snippet, pipeline: Pipeline) -> str:
    reports = pipeline(Article(f"case-{snippet.id}", snippet.text)).reports
    if not reports:
        return NO_EVENT
    return min(reports, key=lambda r: r.start).sub_event_type


@dataclass
class CaseReport:
    gold: list[str]
    predicted: list[str]
    seconds: float

    @property
    def f1(self) -> float:
        return weighted_f1(self.gold, self.predicted)

    @property
    def f1_seen(self) -> float:
        """Weighted F1 over the ACLED-labelled snippets only (the 'seen types' figure)."""
        pairs = [(g, p) for g, p in zip(self.gold, self.predicted, strict=True) if g != NO_EVENT]
        return weighted_f1([g for g, _ in pairs], [p for _, p in pairs])

    @property
    def accuracy(self) -> float:
        return accuracy(zip(self.gold, self.predicted, strict=True))


def evaluate(snippets: list[Snippet], pipeline: Pipeline) -> CaseReport:
    started = time.perf_counter()
    predicted = [predict(snippet, pipeline) for snippet in snippets]
    return CaseReport([s.label for s in snippets], predicted, time.perf_counter() - started)


def print_report(report: CaseReport, out: TextIO) -> None:
    out.write(f"snippets: {len(report.gold)}\n")
    out.write(f"weighted F1 (with non-ACLED as no event): {report.f1:.3f}\n")
    out.write(f"weighted F1 (ACLED types only): {report.f1_seen:.3f}\n")
    out.write(f"accuracy: {report.accuracy:.3f}\n")
    out.write(f"snippets per second: {len(report.gold) / max(report.seconds, 1e-9):.1f}\n")
    errors = Counter((g, p) for g, p in zip(report.gold, report.predicted, strict=True) if g != p)
    out.write("most frequent confusions (gold -> coded):\n")
    for (gold, coded), count in errors.most_common(10):
        out.write(f"  {gold} -> {coded}: {count}\n")
