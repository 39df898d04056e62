"""Full-text search: what the `text` filter covers, how input becomes an FTS5 query,
how the index follows every write, and the 0004_fts migration."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.model import Article
from conflictwatch.store import EventFilter, Migrations, Store, search
from conflictwatch.store.migrations import MIGRATIONS, initial, linking, web

HOSTILE = [
    '"',
    '""',
    "AND OR",
    "OR",
    "NOT",
    "*",
    "**",
    "-",
    "Kidal-drone",
    "kidal -drone",
    "NEAR(kidal drone, 2)",
    "notes:kidal",
    "^kidal",
    "kidal +",
    "(kidal",
    'drone "strike',
    "'; DROP TABLE events; --",
    "%_\\",
    "a\x00b",
    "\u200b",
    "🙂 kidal",
    "x" * 5000,
    " ".join(["kidal"] * 300),
]


def ids(store, **fields):
    return [event.event_id for event in store.events(EventFilter(**fields))]


def article(article_id: str, text: str, title: str | None = None) -> Article:
    return Article(id=article_id, text=text, published=date(2024, 5, 1), title=title)


@pytest.fixture
def searchable(store, make_event):
    store.add_article(article("a1", "Witnesses saw a Mi-24 helicopter over the market.", "Raid"))
    store.add_article(article("a2", "The convoy was ambushed near Ménaka at dawn."))
    store.save_events(
        [
            make_event("e1", articles=["a1"], assoc_actor_1=["Dozo militia"]),
            make_event(
                "e2",
                articles=["a2"],
                event_type="Battles",
                sub_event_type="Armed clash",
                event_date="2024-05-03",
                country="Mali",
                admin1="Menaka",
                admin2="Ménaka",
                location="Inékar",
                actor1="JNIM: Group for Support of Islam and Muslims",
                fatalities=3,
                notes="Militants attacked a Malian army convoy; drone strikes followed.",
            ),
            make_event(
                "e3",
                articles=[],
                event_date="2024-05-10",
                country="Mali",
                admin1="Kidal",
                location="Kidal",
                fatalities=6,
                notes="A Kidal drone strike killed six people at a wedding.",
            ),
        ]
    )
    return store


def test_the_index_is_built(searchable):
    assert searchable.full_text
    assert searchable.count("event_search_keys") == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("helicopter", ["e1"]),  # a word only in the source article's text
        ("raid", ["e1"]),  # the article's title
        ("ambushed", ["e2"]),
        ("dozo", ["e1"]),  # an associated actor
        ("JNIM", ["e2"]),  # actor1
        ("inekar", ["e2"]),  # location, accent folded
        ("Menaka", ["e2"]),  # "Ménaka" in admin2 and the article
        ("ménaka", ["e2"]),
        ("MÉNAKA", ["e2"]),
        ("Kaya", ["e1"]),  # the default event's location and notes
        ("Centre-Nord", ["e1"]),  # its admin1
        ("drone kidal", ["e3"]),  # every term must match, in any order
        ("drone convoy", ["e2"]),
        ("drone helicopter", []),  # no event has both
        ("mali drone", ["e3", "e2"]),  # terms in different columns; newest first
        ("kid", ["e3"]),  # a word matches as a prefix
        ("kid drone", ["e3"]),  # every word
        ("strike", ["e3", "e2"]),  # so "strike" finds "strikes" (no stemming)
        ('"strike"', ["e3"]),  # a quoted word matches whole
        ("dr", []),  # not from one or two letters
        ("kidal*", ["e3"]),  # a star is only punctuation
        ("Kidal-drone", ["e3"]),  # joined words: next to each other
        ("drone-Kidal", []),
        ('"drone strike"', ["e3"]),  # a quoted phrase
        ('"strike drone"', []),
        ('"drone strike" kidal', ["e3"]),
        ("mi-24", ["e1"]),
        ("market", ["e1"]),
        ("wedding", ["e3"]),
        ("  wedding  ", ["e3"]),
        ("   ", ["e3", "e2", "e1"]),  # blank: no filter
    ],
)
def test_text_finds_words_in_notes_actors_places_and_articles(searchable, text, expected):
    assert ids(searchable, text=text) == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_errors(searchable, text):
    spec = EventFilter(text=text)
    found = searchable.events(spec)
    assert searchable.count_events(spec) == len(found)
    searchable.map_points(spec)
    searchable.weekly_counts(spec)
    assert searchable.count("events") == 3  # and nothing was dropped


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("kidal", '"kidal"*'),
        ("Kidal drone", '"Kidal"* "drone"*'),
        ("Kidal-drone", '"Kidal drone"*'),
        ('AND OR "', '"AND"* "OR"'),
        ('"drone strike"', '"drone strike"'),
        ('"drone strike" gao', '"drone strike" "gao"*'),
        ('say "hello', '"say"* "hello"*'),  # an unbalanced quote is just punctuation
        ("mopt* ml", '"mopt"* "ml"'),
        ("Me\u0301naka", '"Menaka"*'),  # a decomposed accent stays inside the word
        ("l'armée", '"l armee"*'),
        ("snake_case", '"snake case"*'),
        ('"', None),
        ("* - %", None),
        ('""', None),
        ("", None),
    ],
)
def test_match_query_quotes_every_term(text, query):
    assert search.match_query(text) == query


def test_text_combines_with_the_other_filters(searchable):
    assert ids(searchable, text="drone") == ["e3", "e2"]
    assert ids(searchable, text="drone", min_fatalities=5) == ["e3"]
    assert ids(searchable, text="drone", since="2024-05-04") == ["e3"]
    assert ids(searchable, text="drone", event_type="Battles") == ["e2"]
    assert ids(searchable, text="drone", country="Burkina Faso") == []
    assert ids(searchable, text="drone", actor="jnim") == ["e2"]
    assert ids(searchable, text="drone", limit=1) == ["e3"]
    assert ids(searchable, text="drone", limit=1, offset=1) == ["e2"]
    assert searchable.count_events(EventFilter(text="drone", country="Mali")) == 2
    assert {row[0] for row in searchable.map_points(EventFilter(text="drone"))} == {"e2", "e3"}
    weeks = searchable.weekly_counts(EventFilter(text="convoy"))
    assert [(row["week"], row["events"]) for row in weeks] == [("2024-04-29", 1)]


def test_an_updated_event_is_searched_by_its_new_text_only(searchable, make_event):
    changed = make_event("e1", articles=["a2"], notes="Gunmen burned the granaries.")
    searchable.save_events([changed], changed_by="ed", reason="edit notes")
    assert ids(searchable, text="granaries") == ["e1"]
    assert ids(searchable, text="gunmen attacked") == []  # the old notes
    assert ids(searchable, text="helicopter") == []  # its old article
    assert ids(searchable, text="ambushed") == ["e2", "e1"]  # its new one
    assert searchable.count("event_search_keys") == 3


def test_retired_and_rejected_events_stay_searchable_by_status(searchable):
    searchable.retire_events(["e3"], changed_by="linker", reason="re-link")
    searchable.set_event_status("e1", "rejected", changed_by="ed", reason="not an event")
    assert ids(searchable, text="drone") == ["e2"]
    assert ids(searchable, text="drone", status="superseded") == ["e3"]
    assert ids(searchable, text="helicopter", status="rejected") == ["e1"]
    assert ids(searchable, text="drone", status=None) == ["e3", "e2"]


def test_an_article_stored_after_its_event_joins_the_event(store, make_event):
    store.save_events([make_event("e1", articles=["late"])])
    assert ids(store, text="sandstorm") == []
    store.add_article(article("late", "A sandstorm hid the attackers."))
    assert ids(store, text="sandstorm") == ["e1"]


def test_a_failed_write_leaves_the_index_as_it_was(searchable, make_event):
    with pytest.raises(RuntimeError), searchable.transaction():
        searchable.save_events([make_event("e1", notes="Granaries burned.")])
        searchable.save_events([make_event("e9", notes="Granaries looted.")])
        raise RuntimeError("boom")
    assert ids(searchable, text="granaries") == []
    assert ids(searchable, text="kaya") == ["e1"]
    assert searchable.count("event_search_keys") == 3


def test_an_unchanged_save_does_not_touch_the_index(searchable, make_event):
    before = searchable.conn.execute("SELECT rowid, notes FROM event_search").fetchall()
    counts = searchable.save_events(
        [make_event("e1", articles=["a1"], assoc_actor_1=["Dozo militia"])]
    )
    assert counts["unchanged"] == 1
    after = searchable.conn.execute("SELECT rowid, notes FROM event_search").fetchall()
    assert [tuple(row) for row in after] == [tuple(row) for row in before]


# -- the migration and SQLite without FTS5 ----------------------------------------


def _until_0003() -> Migrations:
    steps = Migrations()
    for name, step in (("0001_initial", initial), ("0002_linking", linking), ("0003_web", web)):
        steps.register(name)(step)
    return steps


def test_a_0003_database_upgrades_and_is_backfilled(tmp_path, make_event):
    path = tmp_path / "old.db"
    with Store(path, migrations=_until_0003()) as old:
        assert not old.full_text
        old.add_article(article("a1", "Witnesses saw a helicopter over Ménaka."))
        old.save_events(
            [
                make_event("e1", articles=["a1"]),
                make_event("e2", event_date="2024-05-02", notes="Clashes near Tessit."),
            ]
        )
        old.retire_events(["e2"], changed_by="linker", reason="re-link")
        assert ids(old, text="kaya") == ["e1"]  # before: a substring of the notes
        assert ids(old, text="helicopter") == []
    with Store(path) as upgraded:
        assert upgraded.applied_on_open == ["0004_fts"]
        assert upgraded.full_text
        assert upgraded.count("event_search_keys") == 2
        assert ids(upgraded, text="helicopter menaka") == ["e1"]
        assert ids(upgraded, text="tessit") == []  # retired
        assert ids(upgraded, text="tessit", status=None) == ["e2"]
        upgraded.save_events([make_event("e3", articles=[], notes="A new raid on Tessit.")])
        assert ids(upgraded, text="tessit", status=None) == ["e2", "e3"]
    with Store(path) as reopened:
        assert reopened.applied_on_open == []
        assert ids(reopened, text="helicopter") == ["e1"]


def test_the_backfill_reads_events_in_batches(tmp_path, make_event):
    path = tmp_path / "many.db"
    with Store(path, migrations=_until_0003()) as old:
        old.save_events(make_event(f"e{i:04d}", notes=f"Note {i}.") for i in range(2100))
    with Store(path) as upgraded:
        assert upgraded.count("event_search_keys") == 2100
        assert ids(upgraded, text='"2099"') == ["e2099"]
        assert upgraded.count_events(EventFilter(text="note")) == 2100


def test_the_migration_is_one_step_that_rolls_back_whole(tmp_path, make_event, monkeypatch):
    path = tmp_path / "old.db"
    with Store(path, migrations=_until_0003()) as old:
        old.save_events([make_event("e1")])

    def broken(conn, event):
        raise RuntimeError("index failed")

    monkeypatch.setattr(search, "index_event", broken)
    with pytest.raises(RuntimeError, match="index failed"):
        Store(path)
    monkeypatch.undo()
    with Store(path) as store:
        assert store.applied_on_open == ["0004_fts"]
        assert ids(store, text="kaya") == ["e1"]


def test_without_fts5_text_falls_back_to_a_substring_of_the_notes(
    tmp_path, make_event, monkeypatch
):
    path = tmp_path / "plain.db"
    monkeypatch.setattr(search, "available", lambda conn: False)
    with Store(path) as plain:
        assert not plain.full_text and not search.exists(plain.conn)
        plain.add_article(article("a1", "A helicopter was seen."))
        plain.save_events([make_event("e1", articles=["a1"])])
        assert ids(plain, text="KAYA, killing") == ["e1"]  # substring, case-insensitive
        assert ids(plain, text="helicopter") == []
        assert ids(plain, text='"') == []
    monkeypatch.undo()
    with Store(path) as upgraded:  # a SQLite with FTS5 builds the index on open
        assert upgraded.applied_on_open == []
        assert upgraded.full_text
        assert ids(upgraded, text="helicopter") == ["e1"]


def test_an_index_without_the_fts5_module_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "fts.db"
    Store(path).close()
    monkeypatch.setattr(search, "available", lambda conn: False)
    with pytest.raises(sqlite3.OperationalError, match="no FTS5"):
        Store(path)


def test_the_migration_is_registered_last():
    assert MIGRATIONS.names[-1] == "0004_fts"


def test_replace_keeps_articles_searchable(searchable):
    event = searchable.get_event("e2")
    searchable.save_events([replace(event, notes="Edited by hand.")], changed_by="ed", reason="x")
    assert ids(searchable, text="ambushed") == ["e2"]
    assert ids(searchable, text="edited hand") == ["e2"]


def test_the_cli_search_option_is_the_text_filter(tmp_path, make_event):
    db = tmp_path / "cli.db"
    with Store(db) as store:
        store.add_article(article("a1", "Witnesses saw a helicopter over Ménaka."))
        store.save_events([make_event("e1"), make_event("e2", articles=[], notes="Quiet.")])
    runner = CliRunner()
    search_args = ["--search", "menaka helicopter", "--format", "jsonl"]
    listed = runner.invoke(main, ["events", "--db", str(db), *search_args])
    assert listed.exit_code == 0, listed.output
    assert [json.loads(line)["event_id"] for line in listed.stdout.splitlines()] == ["e1"]
    hostile = runner.invoke(main, ["events", "--db", str(db), "--search", '" AND OR *'])
    assert hostile.exit_code == 0, hostile.output
    out = tmp_path / "out"
    exported = runner.invoke(
        main, ["export", "--db", str(db), "--out", str(out), "--search", "quiet"]
    )
    assert exported.exit_code == 0, exported.output
    assert (out / "events.jsonl").read_text().count('"event_id"') == 1
