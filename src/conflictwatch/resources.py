"""One loader for the data files shipped in `conflictwatch/data/`.

Lexicons, the actor canon, gazetteer additions and the sample corpus are data,
not code: they are read here through importlib.resources and nowhere else.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any


class DataFileError(ValueError):
    """A shipped data file is missing or malformed."""


def data_path(name: str) -> Any:
    """A Traversable for `conflictwatch/data/<name>` (may be a nested path)."""
    node = resources.files("conflictwatch") / "data"
    for part in name.split("/"):
        node = node / part
    return node


def read_text(name: str) -> str:
    node = data_path(name)
    if not node.is_file():
        raise DataFileError(f"data file {name!r} is missing from the package")
    return node.read_text(encoding="utf-8")


def iter_jsonl(name: str) -> Iterator[dict[str, Any]]:
    """Rows of a JSONL data file; blank lines and lines starting with # are skipped."""
    for number, line in enumerate(read_text(name).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as error:
            raise DataFileError(f"{name} line {number}: {error.msg}") from error


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header; # lines are comments."""
    lines = [line for line in read_text(name).splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def load_json(name: str) -> Any:
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as error:
        raise DataFileError(f"{name}: {error.msg}") from error
