"""`conflictwatch events` as a group: listing, merge, split, history, audit."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.run import sample_paths


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("review") / "cw.db")
    samples = [str(p) for p in sample_paths()]
    result = CliRunner().invoke(main, ["--no-progress", "ingest", *samples, "--db", path])
    assert result.exit_code == 0, result.output
    return path


def _events(runner, db, *options):
    listed = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", *options])
    assert listed.exit_code == 0, listed.output
    return [json.loads(line) for line in listed.stdout.splitlines()]


def _kidal_strikes(runner, db):
    found = _events(runner, db, "--country", "Mali")
    kidal = [e for e in found if e["location"] == "Kidal"]
    strikes = [e for e in kidal if e["sub_event_type"] == "Air/drone strike"]
    return sorted(strikes, key=lambda e: e["event_date"])


def test_events_without_subcommand_still_lists_with_filters(db):
    runner = CliRunner()
    mali = _events(runner, db, "--country", "Mali")
    assert mali and all(e["country"] == "Mali" for e in mali)
    table = runner.invoke(main, ["events", "--db", db, "--country", "Mali"])
    assert table.exit_code == 0 and "Kidal" in table.stdout


def test_merge_needs_a_reason(db):
    runner = CliRunner()
    early, late = _kidal_strikes(runner, db)
    command = ["events", "merge", early["event_id"], late["event_id"], "--db", db]
    result = runner.invoke(main, command)
    assert result.exit_code != 0 and "--reason" in result.output


def test_merge_split_history_and_audit(db):
    runner = CliRunner()
    early, late = _kidal_strikes(runner, db)
    merged = runner.invoke(
        main,
        ["events", "merge", late["event_id"], early["event_id"], "--db", db,
         "--reason", "testing a merge", "--by", "ana"],
    )  # fmt: skip
    assert merged.exit_code == 0, merged.output
    assert len(_kidal_strikes(runner, db)) == 1
    [survivor] = _kidal_strikes(runner, db)
    assert survivor["event_id"] in (early["event_id"], late["event_id"])
    assert set(survivor["articles"]) == set(early["articles"]) | set(late["articles"])

    history = runner.invoke(main, ["events", "history", survivor["event_id"], "--db", db])
    assert history.exit_code == 0 and "testing a merge" in history.stdout
    # Split the 3 November strike back out by the claim its article made.
    claim_ids = [
        line.split()[1].rstrip(":")
        for line in history.stdout.splitlines()
        if line.startswith("  claim ") and "kidal-drone-strikes-2023-11-03" in line
    ]
    assert claim_ids
    split = runner.invoke(
        main,
        ["events", "split", survivor["event_id"], "--claims", ",".join(claim_ids),
         "--db", db, "--reason", "two strikes after all", "--by", "ben"],
    )  # fmt: skip
    assert split.exit_code == 0, split.output
    assert len(_kidal_strikes(runner, db)) == 2

    audit = runner.invoke(main, ["events", "audit", "--db", db])
    lines = [line.split("\t") for line in audit.stdout.splitlines()]
    actions = [(line[1], line[2], line[4]) for line in lines if line[2].startswith("event.")]
    assert actions == [
        ("ana", "event.merge", "testing a merge"),
        ("ben", "event.split", "two strikes after all"),
    ]


def test_split_names_something_and_bad_ids_are_clear(db):
    runner = CliRunner()
    result = runner.invoke(main, ["events", "split", "ev-x", "--reason", "r", "--db", db])
    assert result.exit_code != 0 and "--reports or --claims" in result.output
    missing = runner.invoke(
        main, ["events", "split", "ev-x", "--claims", "1", "--reason", "r", "--db", db]
    )
    assert missing.exit_code != 0 and "no event ev-x" in missing.output
    history = runner.invoke(main, ["events", "history", "ev-x", "--db", db])
    assert history.exit_code != 0 and "no event" in history.output
