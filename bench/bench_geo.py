"""Benchmark: gazetteer index build time, cached load time and place lookups per second.

Targets: lookups >= 5,000/s after loading; a cached load well under a second.

    .venv/bin/python bench/bench_geo.py [--geonames]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from conflictwatch.geo import Geocoder

REPO = Path(__file__).resolve().parents[1]
DUMPS = REPO.parent / "shared" / "data" / "geonames"
NAMES = [
    "Kidal", "Gao", "Tombouctou", "Timbuktu", "Menaka", "Ménaka", "Mopti", "Djibo", "Dori",
    "Kaya", "Arbinda", "Barsalogho", "Tillaberi", "Ouallam", "Diffa", "Bosso", "Inates",
    "Tinzaouaten", "Boni", "Hombori", "Nampala", "Niono", "Bankass", "Koro", "Sévaré",
    "Fada N'Gourma", "Diapaga", "Nowhere Village", "Ber", "Anefis",
]  # fmt: skip
SENTENCE = (
    "On 3 May, gunmen attacked the village of Yirgou near Barsalogho, 40 km north of Kaya, "
    "and clashed with soldiers in Djibo (Soum, Sahel) and Dori. "
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", action="store_true", help="load the GeoNames dumps too")
    args = parser.parse_args()
    dumps = DUMPS if args.geonames and DUMPS.exists() else None
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        Geocoder(geonames_dir=dumps, cache_dir=cache)
        build = time.perf_counter() - started
        started = time.perf_counter()
        geocoder = Geocoder(geonames_dir=dumps, cache_dir=cache)
        load = time.perf_counter() - started
    rounds = 400
    started = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            geocoder.resolve(name, countries=["ML", "BF", "NE"])
    lookups = rounds * len(NAMES) / (time.perf_counter() - started)
    text = SENTENCE * 25
    started = time.perf_counter()
    for _ in range(50):
        geocoder.geoparse(text, countries=["BF"])
    parse_ms = (time.perf_counter() - started) / 50 * 1000
    print(f"layers: base{' + GeoNames dumps' if dumps else ''}")
    print(f"index build: {build:.1f} s   cached load: {load:.2f} s")
    print(f"lookups per second: {lookups:,.0f}  (target >= 5,000)")
    print(f"geoparse of {len(text):,} characters: {parse_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
