"""Full-text search over events: the FTS5 index and the query a search box becomes.

Each event has one document in `event_search`, in four columns: its notes, its
actors (every slot, one a line), its places (location, admin2, admin1, country) and
the title and text of its source articles. The tokenizer folds case and removes
diacritics, so "menaka" finds "Ménaka". `event_search_keys` gives each event a stable
integer key, the document's rowid (the events table's own rowid may change on
VACUUM). `event_search_sources` lists the articles each event cites, so an article
stored after its event is added to that event's document.

The Store calls `index_event` wherever it writes an event's record and
`index_article` when it stores an article, inside its transaction, so the index
never disagrees with the rows. Retiring an event changes only its status, which the
index does not hold, so retired events stay searchable with a status filter.

This is the SQLite-specific part of the store (PostgreSQL: a tsvector column with
unaccent and a GIN index), which is why its SQL lives here and not in db.py.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable

from conflictwatch.model import Event

TABLE = "event_search"
_TOKENIZER = "unicode61 remove_diacritics 2"

# The key and source tables exist whether or not this SQLite has FTS5.
KEY_TABLES = (
    """CREATE TABLE event_search_keys (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE REFERENCES events (id)
    )""",
    """CREATE TABLE event_search_sources (
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL REFERENCES events (id),
        PRIMARY KEY (article_id, event_id)
    )""",
    "CREATE INDEX event_search_sources_event ON event_search_sources (event_id)",
)
FTS_TABLE = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    f"notes, actors, places, articles, tokenize = '{_TOKENIZER}')"
)

# A quoted phrase, or a run of anything but white space.
_CHUNK = re.compile(r'"([^"]*)"|(\S+)')
PREFIX_FROM = 3  # shorter words match whole: a prefix of one or two letters matches most
# A word as the tokenizer sees one: letters and digits (the underscore is not one).
_WORD = re.compile(r"[^\W_]+")


def available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite has FTS5 (the module registers an `fts5` function)."""
    try:
        conn.execute("SELECT fts5(NULL)")
    except sqlite3.OperationalError:
        return False
    return True


def exists(conn: sqlite3.Connection) -> bool:
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return conn.execute(sql, (TABLE,)).fetchone() is not None


def create(conn: sqlite3.Connection) -> None:
    """Create the FTS5 table and index every stored event (inside the caller's transaction)."""
    conn.execute(FTS_TABLE)
    conn.execute("DELETE FROM event_search_keys")
    conn.execute("DELETE FROM event_search_sources")
    last = ""
    sql = "SELECT id, record FROM events WHERE id > ? ORDER BY id LIMIT 1000"
    while rows := conn.execute(sql, (last,)).fetchall():  # a batch at a time, not all
        for _, record in rows:
            index_event(conn, Event.from_record(json.loads(record)))
        last = rows[-1][0]


def index_event(conn: sqlite3.Connection, event: Event) -> None:
    """Write (or rewrite) the event's document from this version of it."""
    row = conn.execute(
        "SELECT id FROM event_search_keys WHERE event_id = ?", (event.event_id,)
    ).fetchone()
    if row is None:
        sql = "INSERT INTO event_search_keys (event_id) VALUES (?)"
        key = conn.execute(sql, (event.event_id,)).lastrowid
    else:
        key = row[0]
        conn.execute(f"DELETE FROM {TABLE} WHERE rowid = ?", (key,))
    articles = list(dict.fromkeys(event.articles))
    conn.execute("DELETE FROM event_search_sources WHERE event_id = ?", (event.event_id,))
    conn.executemany(
        "INSERT INTO event_search_sources (article_id, event_id) VALUES (?, ?)",
        [(article_id, event.event_id) for article_id in articles],
    )
    conn.execute(
        f"INSERT INTO {TABLE} (rowid, notes, actors, places, articles) VALUES (?, ?, ?, ?, ?)",
        (key, *_document(event, _article_texts(conn, articles))),
    )


def index_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Re-index the events that cite this article (one stored after them)."""
    sql = "SELECT record FROM events WHERE id IN "
    sql += "(SELECT event_id FROM event_search_sources WHERE article_id = ?)"
    for (record,) in conn.execute(sql, (article_id,)).fetchall():
        index_event(conn, Event.from_record(json.loads(record)))


def _article_texts(conn: sqlite3.Connection, ids: list[str]) -> list[str]:
    texts: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT id, title, text FROM articles WHERE id IN ({marks})"
        for article_id, title, text in conn.execute(sql, chunk):
            texts[article_id] = f"{title}\n{text}" if title else text
    return [texts[article_id] for article_id in ids if article_id in texts]


def _document(event: Event, article_texts: Iterable[str]) -> tuple[str, str, str, str]:
    actors = [event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2]
    places = [event.location, event.admin2, event.admin1, event.country]
    return (
        event.notes or "",
        "\n".join(name for name in actors if name),
        "\n".join(name for name in places if name),
        "\n\n".join(article_texts),
    )


def match_query(text: str) -> str | None:
    """The FTS5 query for a search box's text; None when it holds no word.

    Every term must match (AND), in any column and order. A term is a word, a run of
    words joined by punctuation ("Kidal-drone", "al-Qaeda": those words next to each
    other) or a "quoted phrase". An unquoted term's last word matches as a prefix
    when it has `PREFIX_FROM` letters or more, so "drone" finds "drones" and "mopt"
    finds "Mopti" (there is no stemming, French and English being mixed); a quoted
    term matches exactly. The user's text never reaches FTS5 as syntax: each term is
    rebuilt from its words and quoted, so AND, OR, NEAR, *, ^, column names and stray
    quotes are only text, and no input is a syntax error.
    """
    terms: list[str] = []
    for match in _CHUNK.finditer(text):
        quoted = match.group(1) is not None
        words = _words(match.group(1) if quoted else match.group(2))
        if words:
            prefix = not quoted and len(words[-1]) >= PREFIX_FROM
            terms.append(f'"{" ".join(words)}"' + ("*" if prefix else ""))
    return " ".join(terms) if terms else None


def _words(chunk: str) -> list[str]:
    # Diacritics dropped first, so a decomposed "Me\u0301naka" stays one word.
    plain = "".join(
        char for char in unicodedata.normalize("NFD", chunk) if unicodedata.category(char) != "Mn"
    )
    return _WORD.findall(plain)
