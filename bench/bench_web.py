"""Benchmark: dashboard response times with 50,000 events in the database.

Builds a database of synthetic events (deterministic, bulk-saved through the Store),
starts `conflictwatch serve` on loopback in a subprocess, and times N requests of
each URL below from this process over one keep-alive connection. Prints the median
and the 90th percentile per URL. Target: map page and filtered /api/events under
200 ms at the median. The server is stopped when the run ends, whatever happens.

    .venv/bin/python bench/bench_web.py [--events N] [--requests N] [--db FILE]
"""

from __future__ import annotations

import argparse
import http.client
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from conflictwatch.model import Claim, Event
from conflictwatch.store import Store

URLS = (
    "/",
    "/?country=Mali&min_fatalities=1",
    "/api/events?country=Mali&min_fatalities=1",
    "/api/events",
    "/api/points?country=Mali&min_fatalities=1",
    "/api/points",
    "/timeline",
)
TYPES = {
    "Battles": "Armed clash",
    "Explosions/Remote violence": "Air/drone strike",
    "Violence against civilians": "Attack",
    "Protests": "Peaceful protest",
    "Riots": "Mob violence",
    "Strategic developments": "Looting/property destruction",
}
COUNTRIES = {
    "Mali": (12.6, -8.0, ["Mopti", "Gao", "Kidal", "Segou"]),
    "Burkina Faso": (12.4, -1.5, ["Sahel", "Centre-Nord", "Est"]),
    "Niger": (13.5, 2.1, ["Tillaberi", "Tahoua", "Diffa"]),
}
ACTORS = ["JNIM", "Islamic State (Sahel)", "Wagner Group", "Military Forces", "Dozo Militia"]


def synthetic_event(index: int, rng: random.Random) -> Event:
    event_type = rng.choice(list(TYPES))
    country = rng.choice(list(COUNTRIES))
    lat, lon, regions = COUNTRIES[country]
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    toll = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12, 20, 40])
    article = f"bench-{index}"
    quote = f"{toll} people were killed"
    return Event(
        event_id=f"ev-bench{index:07d}",
        event_type=event_type,
        sub_event_type=TYPES[event_type],
        event_date=day.isoformat(),
        time_precision=1,
        actor1=rng.choice(ACTORS),
        country=country,
        admin1=rng.choice(regions),
        location=f"Place {rng.randrange(400)}",
        latitude=round(lat + rng.uniform(-3, 3), 4),
        longitude=round(lon + rng.uniform(-3, 3), 4),
        geo_precision=1,
        fatalities=toll,
        claims=[Claim(article, "officials", toll, "exact", quote, 0, len(quote))],
        articles=[article],
        reports=[f"r-bench{index}"],
        notes=f"Synthetic event {index}: {quote} near a market.",
    )


def build(path: Path, count: int) -> float:
    rng = random.Random(7)
    started = time.perf_counter()
    with Store(path) as store:
        if store.count("events") >= count:
            return 0.0  # already built by an earlier run
        store.save_events(synthetic_event(i, rng) for i in range(count))
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = Path(sys.executable).with_name("conflictwatch")
    args = [str(command), "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(args, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start within 30 s")


def time_url(conn: http.client.HTTPConnection, url: str, count: int) -> list[float]:
    times = []
    for _ in range(count + 2):  # two warm-up requests, not counted
        started = time.perf_counter()
        conn.request("GET", url)
        response = conn.getresponse()
        body = response.read()
        times.append(time.perf_counter() - started)
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}: {body[:200]!r}")
    return times[2:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--db", type=Path, help="Keep the database here (default: temporary).")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = options.db or Path(folder) / "bench.db"
        seconds = build(db, options.events)
        print(f"{options.events} events in {db} (built in {seconds:.1f} s)")
        port = free_port()
        server = start_server(db, port)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for url in URLS:
                times = sorted(time_url(conn, url, options.requests))
                median = statistics.median(times) * 1000
                p90 = times[int(0.9 * (len(times) - 1))] * 1000
                print(f"{median:8.1f} ms median {p90:8.1f} ms p90  {url}")
            conn.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
