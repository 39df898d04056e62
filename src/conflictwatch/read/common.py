"""What every reader receives and the small helpers they share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from conflictwatch.model import Article, ReadError


@dataclass(frozen=True)
class Options:
    """The caller's choices, the same for every input of one `read_paths` call."""

    csv_mapping: dict[str, str] | None = None
    max_chars: int = 2_000_000


@dataclass(frozen=True)
class Input:
    """One decoded input, file or URL, handed to a reader.

    `source` names it in `Article.source` and in error messages; `name` is the
    default article id (the file stem, or the whole URL, which is unique where a
    URL's last segment often is not) and the prefix of ids inside containers.
    """

    source: str
    name: str
    text: str
    url: str | None = None
    max_chars: int = 2_000_000
    csv_mapping: dict[str, str] | None = None


Item = Article | ReadError
Reader = Callable[[Input], Iterator[Item]]


class InputError(ValueError):
    """The whole input is unusable; its message becomes the ReadError reason."""


def one_line(reason: object, limit: int = 200) -> str:
    """A reason on one short line: `str(ReadError)` must stay `source: reason`."""
    text = re.sub(r"\s+", " ", str(reason)).strip()
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def too_large(size: int, limit: int, unit: str = "characters") -> str:
    return f"too large: {size} {unit}, limit {limit}"


def error(source: str, reason: object) -> ReadError:
    return ReadError(source, one_line(reason))
