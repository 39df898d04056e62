"""Benchmark: linking 100,000 synthetic reports (blocks, scores, clustering, events).

Generates a deterministic corpus: incidents of every ACLED event type over
several years in a few hundred places of three countries, each told by one to
four "outlets" with their own dates (some vaguer, some missing), places (some
only the country), actors, tolls and wording. Links it in memory with
`link_reports` and prints seconds, events and the peak memory of the process.
Target on 2 cores: under 60 s.

    .venv/bin/python bench/bench_link.py [--reports N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta

from conflictwatch.link import link_reports
from conflictwatch.model import Claim, Place, Report

TYPES = {
    "Battles": ["Armed clash", "Government regains territory"],
    "Explosions/Remote violence": ["Air/drone strike", "Remote explosive/landmine/IED"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest"],
    "Riots": ["Mob violence"],
    "Strategic developments": ["Looting/property destruction"],
}
COUNTRIES = {"Mali": (12.6, -8.0), "Burkina Faso": (12.4, -1.5), "Niger": (13.5, 2.1)}
ACTORS = ["JNIM", "Islamic State (Sahel)", "Wagner Group", "Military Forces", "Dozo Militia"]
WORDS = [
    "gunmen",
    "village",
    "market",
    "convoy",
    "drone",
    "soldiers",
    "fighters",
    "checkpoint",
    "road",
    "camp",
]
START = date(2019, 1, 1)


def _places(rng: random.Random, n: int) -> list[Place]:
    places = []
    for i in range(n):
        country = rng.choice(list(COUNTRIES))
        lat, lon = COUNTRIES[country]
        places.append(
            Place(
                f"Town{i}",
                country,
                None,
                f"Region{i % 12}",
                None,
                lat + rng.uniform(-3, 3),
                lon + rng.uniform(-3, 3),
                1,
            )  # fmt: skip
        )
    return places


def _report(rng: random.Random, incident: dict, outlet: int, serial: int) -> Report:
    article = f"art{serial}-{outlet}"
    day: date | None = incident["day"] + timedelta(days=rng.choice([0, 0, 0, 1]))
    precision: int | None = rng.choices([1, 2, 3], [85, 10, 5])[0]
    if rng.random() < 0.05:
        day, precision = None, None
    place = incident["place"]
    if rng.random() < 0.1:  # only the country is known
        lat, lon = COUNTRIES[place.country]
        place = Place(place.country, place.country, None, None, None, lat, lon, 3)
    toll = max(0, incident["toll"] + rng.randint(-3, 3))
    words = rng.sample(WORDS, 4) + incident["words"]
    published = incident["day"] + timedelta(days=rng.randint(0, 3))
    return Report(
        article=article,
        event_type=incident["type"],
        sub_event_type=incident["sub"],
        event_date=day.isoformat() if day else None,
        time_precision=precision,
        actor1=incident["actor"],
        actor2=f"Civilians ({place.country})",
        place=place,
        claims=[Claim(article, f"source{outlet}", toll, "exact", "q", 0, 1)] if toll else [],
        notes=" ".join(words),
        published=published.isoformat(),
        start=serial,
        end=serial + 1,
    )


def corpus(n: int, seed: int) -> list[Report]:
    rng = random.Random(seed)
    places = _places(rng, 300)
    reports: list[Report] = []
    serial = 0
    while len(reports) < n:
        event_type = rng.choice(list(TYPES))
        incident = {
            "type": event_type,
            "sub": rng.choice(TYPES[event_type]),
            "day": START + timedelta(days=rng.randint(0, 5 * 365)),
            "place": rng.choice(places),
            "actor": rng.choice(ACTORS),
            "toll": rng.choice([0, 0, 1, 2, 5, 12, 30]),
            "words": rng.sample(WORDS, 3),
        }
        for outlet in range(rng.choice([1, 1, 2, 3, 4])):
            reports.append(_report(rng, incident, outlet, serial))
        serial += 1
    return reports[:n]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    reports = corpus(args.reports, args.seed)
    generated = time.perf_counter()
    events = link_reports(reports)
    linked = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pure, whole = quality(events)
    sys.stdout.write(
        f"{len(reports)} reports -> {len(events)} events: linked in "
        f"{linked - generated:.1f} s (generated in {generated - started:.1f} s), "
        f"peak memory {peak_mb:.0f} MB; {pure:.1%} of events hold one incident only, "
        f"{whole:.1%} of incidents are one event\n"
    )
    return 0


def quality(events: list) -> tuple[float, float]:
    """Share of events from a single incident; share of incidents kept in one event."""
    incidents: dict[str, set[str]] = {}
    pure = 0
    for event in events:
        serials = {article.split("-")[0] for article in event.articles}
        pure += len(serials) == 1
        for serial in serials:
            incidents.setdefault(serial, set()).add(event.event_id)
    whole = sum(len(ids) == 1 for ids in incidents.values())
    return pure / len(events), whole / len(incidents)


if __name__ == "__main__":
    raise SystemExit(main())
