"""From what the user named (files, folders, URLs) to Articles and ReadErrors.

Nothing raises out of `read_paths`: a missing file, a binary blob, a dead URL or
a reader choking on odd input is one `ReadError` for that input, and the other
inputs are still read. The CLI reports the errors after processing the rest.
"""

from __future__ import annotations

import http.client
import os
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from conflictwatch import __version__
from conflictwatch.read.common import Input, InputError, Item, Options, Reader, error
from conflictwatch.read.decode import BinaryInput, decode_bytes
from conflictwatch.read.feeds import is_feed, read_feed
from conflictwatch.read.records import read_csv, read_jsonl
from conflictwatch.read.text import read_text
from conflictwatch.read.webpage import read_html

FETCH_TIMEOUT = 20.0  # seconds; a stalled server must not hang a batch run
_URL = re.compile(r"https?://", re.IGNORECASE)


def read_markup(item: Input) -> Iterator[Item]:
    """An .xml/.rss/.atom file or a fetched page: a feed by its root, else HTML."""
    yield from (read_feed if is_feed(item.text) else read_html)(item)


# Suffix (lower case) -> reader. A new format is one entry here.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    "": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".tsv": partial(read_csv, delimiter="\t"),
    ".html": read_html,
    ".htm": read_html,
    ".xml": read_markup,
    ".rss": read_markup,
    ".atom": read_markup,
}
# Content types that say more than a URL's suffix; anything else is sniffed.
CONTENT_TYPES: dict[str, Reader] = {
    "text/plain": read_text,
    "text/csv": read_csv,
    "text/tab-separated-values": READERS[".tsv"],
    "application/x-ndjson": read_jsonl,
    "application/jsonl": read_jsonl,
}


def read_paths(
    paths: Iterable[str | Path],
    *,
    csv_mapping: dict[str, str] | None = None,
    max_chars: int = 2_000_000,
) -> Iterator[Item]:
    """Articles from every file, folder and http(s) URL in `paths`, in order.

    Folders are walked recursively in sorted order, skipping hidden entries and
    unknown suffixes. Each unreadable input (or record in a multi-article file)
    comes out as a `ReadError` in the stream instead of an exception.
    """
    if isinstance(paths, str | Path):  # read_paths("a.txt") would iterate letters
        paths = [paths]
    options = Options(csv_mapping=csv_mapping, max_chars=max_chars)
    for path in paths:
        if isinstance(path, str) and _URL.match(path):
            yield from _read_url(path, options)
        else:
            yield from _read_local(Path(path), options)


def read_path(
    path: str | Path,
    *,
    csv_mapping: dict[str, str] | None = None,
    max_chars: int = 2_000_000,
) -> Iterator[Item]:
    """`read_paths` for one file, folder or URL."""
    return read_paths([path], csv_mapping=csv_mapping, max_chars=max_chars)


def _read_local(path: Path, options: Options) -> Iterator[Item]:
    source = str(path)
    try:
        if path.is_dir():
            yield from _read_folder(path, options)
        elif not path.exists():
            yield error(source, "no such file")
        elif not path.is_file():  # a FIFO or a device would block or never end
            yield error(source, "not a regular file")
        else:
            # Named explicitly, an unknown suffix is still worth a try as text.
            reader = READERS.get(path.suffix.lower(), read_text)
            yield from _read_file(path, reader, options)
    except OSError as exc:  # e.g. is_dir() on a path we may not stat
        yield error(source, _os_reason(exc))


def _read_folder(folder: Path, options: Options) -> Iterator[Item]:
    problems: list[OSError] = []
    files = list(_walk(folder, problems))
    for problem in problems:
        yield error(problem.filename or str(folder), _os_reason(problem))
    if not files and not problems:
        yield error(str(folder), "no readable files in folder")
    for path in files:
        yield from _read_file(path, READERS[path.suffix.lower()], options)


def _walk(folder: Path, problems: list[OSError]) -> list[Path]:
    """Known-suffix, non-hidden files under `folder`, sorted by their path parts."""
    found: list[Path] = []
    # os.walk does not follow symlinked folders, so a link loop cannot trap us.
    for root, dirs, names in os.walk(folder, onerror=problems.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in READERS:
                found.append(Path(root, name))
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


def _read_file(path: Path, reader: Reader, options: Options) -> Iterator[Item]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield error(source, _os_reason(exc))
        return
    yield from _read_bytes(data, reader, options, source=source, name=path.stem)


def _read_bytes(
    data: bytes,
    reader: Reader,
    options: Options,
    *,
    source: str,
    name: str,
    url: str | None = None,
    declared: str | None = None,
) -> Iterator[Item]:
    if not data:
        yield error(source, "empty file")
        return
    try:
        text = decode_bytes(data, declared)
    except BinaryInput as exc:
        yield error(source, exc)
        return
    item = Input(
        source=source,
        name=name,
        text=text,
        url=url,
        max_chars=options.max_chars,
        csv_mapping=options.csv_mapping,
    )
    yield from _guarded(source, reader(item))


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Run a reader; whatever it cannot handle ends that input, not the run."""
    try:
        yield from items
    except InputError as exc:
        yield error(source, exc)
    except Exception as exc:  # a library breaking on odd input is still one bad input
        yield error(source, f"could not read ({type(exc).__name__}: {exc})")


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "unreadable: permission denied"
    return f"unreadable: {exc.strerror or exc}"


def _read_url(url: str, options: Options) -> Iterator[Item]:
    # UTF-8 needs at most 4 bytes a character: more bytes than that cannot fit.
    limit = 4 * options.max_chars
    try:
        data, content_type, charset, final_url = _fetch(url, limit)
    except InputError as exc:
        yield error(url, exc)
        return
    suffix = PurePosixPath(urlsplit(final_url).path).suffix.lower()
    by_suffix = READERS.get(suffix) if suffix else None  # "/news/" is a page, not text
    reader = CONTENT_TYPES.get(content_type or "") or by_suffix or read_markup
    yield from _read_bytes(
        data, reader, options, source=url, name=url, url=final_url, declared=charset
    )


def _fetch(url: str, limit: int) -> tuple[bytes, str | None, str | None, str]:
    """(body, content type, charset, final URL); InputError with a short reason."""
    request = urllib.request.Request(url, headers={"User-Agent": f"conflictwatch/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read(limit + 1)
            headers = response.headers
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch: {exc.reason}") from None
    except TimeoutError:
        raise InputError(f"cannot fetch: timed out after {FETCH_TIMEOUT:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(f"cannot fetch: {type(exc).__name__}: {exc}") from None
    if len(data) > limit:
        raise InputError(f"too large: more than {limit} bytes, limit {limit // 4} characters")
    # get_content_type() says text/plain when the header is missing: not a fact.
    content_type = headers.get_content_type() if headers.get("Content-Type") else None
    return data, content_type, headers.get_content_charset(), final_url
