#!/usr/bin/env python
"""Retrain the shipped sub-event typer (data/models/typer.json) from data/training/typing.jsonl.

Deterministic (fixed seed): running it twice writes the same bytes. Prints the
statistics (examples, labels, training and 5-fold cross-validated accuracy).
Run from the repository root: .venv/bin/python scripts/train_typer.py
"""

from __future__ import annotations

import sys

from conflictwatch.extract.typer import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
