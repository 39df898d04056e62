"""Many articles per file: JSON Lines and CSV/TSV tables.

Both turn a record (a JSON object, a table row) into an Article through the same
field resolution, so `body` or `headline` mean the same in either format. A bad
record is one ReadError naming its line or row; the rest of the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from conflictwatch.model import Article
from conflictwatch.read.common import Input, InputError, Item, error, too_large
from conflictwatch.read.dates import parse_published

# Our field -> names it goes by in the wild, most specific first (matched ignoring case).
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "notes", "snippet"),
    "id": ("id", "article_id", "guid"),
    "title": ("title", "headline"),
    "published": ("published", "date", "pubdate", "publication_date"),
    "url": ("url", "link"),
}
# csv.field_size_limit takes a C long: 2**31 - 1 fits on every platform. Length is
# checked against max_chars per article instead, with a clearer message.
_FIELD_SIZE_LIMIT = 2**31 - 1
_DELIMITERS = (",", ";", "\t", "|")


def resolve_fields(
    names: Sequence[str], mapping: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Our field -> the record's key for it; explicit `mapping` entries win.

    Guesses take the leftmost column whose name (ignoring case and spaces) is an
    alias, most specific alias first, and never a column already taken.
    """
    unknown = sorted(set(mapping or {}) - set(ALIASES))
    if unknown:
        raise InputError(f"csv_mapping: unknown field(s) {', '.join(unknown)}")
    lowered = [name.strip().lower() for name in names]
    fields: dict[str, str] = {}
    for field, column in (mapping or {}).items():
        wanted = column.strip().lower()
        if column not in names and wanted not in lowered:
            raise InputError(f"column {column!r} (for {field}) not in the header")
        fields[field] = column if column in names else names[lowered.index(wanted)]
    free = [(low, name) for low, name in zip(lowered, names, strict=True)
            if name not in fields.values()]  # fmt: skip
    for field, aliases in ALIASES.items():
        found = next((name for alias in aliases for low, name in free if low == alias), None)
        if field not in fields and found is not None:
            fields[field] = found
            free = [(low, name) for low, name in free if name != found]
    if "text" not in fields:
        # Last resort for the required field only: "EventSnippet", "article_text".
        suffixed = [name for low, name in free if low.endswith(ALIASES["text"])]
        if suffixed:
            fields["text"] = suffixed[0]
    return fields


def _value(record: Mapping[str, Any], fields: Mapping[str, str], field: str) -> Any:
    # Never record.get(""): a CSV header may well have an unnamed column.
    return record.get(fields[field]) if field in fields else None


def _optional(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def make_article(
    record: Mapping[str, Any], fields: Mapping[str, str], default_id: str, item: Input
) -> Article:
    """The Article of one record; InputError says why a record is unusable."""
    text = _value(record, fields, "text")
    if not isinstance(text, str):
        raise InputError("no text" if text is None else "text is not a string")
    if not text.strip():
        raise InputError("empty text")
    if len(text) > item.max_chars:
        raise InputError(too_large(len(text), item.max_chars))
    published = parse_published(_value(record, fields, "published"))
    # An unparseable date stays in meta under its own name rather than vanish.
    used = {key for field, key in fields.items() if field != "published" or published}
    return Article(
        id=_optional(_value(record, fields, "id")) or default_id,
        text=text,
        published=published,
        url=_optional(_value(record, fields, "url")),
        title=_optional(_value(record, fields, "title")),
        source=item.source,
        meta={key: value for key, value in record.items() if key not in used},
    )


def _json_object(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(value, dict):
        raise InputError(f"not a JSON object but {type(value).__name__}")
    return value


def read_jsonl(item: Input) -> Iterator[Item]:
    # split("\n"), not splitlines(): JSON strings may hold a raw U+2028 or \x85,
    # which splitlines() would treat as line ends and break the object apart.
    for number, line in enumerate(item.text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = _json_object(line)
            yield make_article(record, resolve_fields(list(record)), f"{item.name}:{number}", item)
        except InputError as exc:
            yield error(f"{item.source}:line {number}", exc)


def _sniff_delimiter(text: str) -> str:
    """The separator the header line uses most (semicolons from European Excel)."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def read_csv(item: Input, delimiter: str | None = None) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_SIZE_LIMIT))
    # strict: a stray quote is an error for that row, not a silently merged field.
    rows = csv.reader(
        io.StringIO(item.text, newline=""),
        delimiter=delimiter or _sniff_delimiter(item.text),
        strict=True,
    )
    try:
        header = next(rows)
    except StopIteration:
        raise InputError("empty file") from None
    except csv.Error as exc:
        raise InputError(f"malformed header: {exc}") from None
    fields = resolve_fields(header, item.csv_mapping)
    if "text" not in fields:
        raise InputError(
            f"no text column (looked for {', '.join(ALIASES['text'])}; or map one with csv_mapping)"
        )
    yield from _rows(rows, header, fields, item)


def _rows(
    rows: Iterator[list[str]], header: list[str], fields: dict[str, str], item: Input
) -> Iterator[Item]:
    # Rows are numbered as a spreadsheet shows them: the header is row 1.
    number = 1
    while True:
        number += 1
        where = f"{item.source}:row {number}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield error(where, f"malformed row: {exc}")
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank line between rows
        if len(row) != len(header):
            yield error(where, f"row has {len(row)} fields, the header has {len(header)}")
            continue
        record = dict(zip(header, row, strict=True))
        try:
            yield make_article(record, fields, f"{item.name}:{number}", item)
        except InputError as exc:
            yield error(where, exc)
