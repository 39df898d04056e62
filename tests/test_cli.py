"""The command line end to end, on the bundled samples and small inputs."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.model import RECORD_FIELDS
from conflictwatch.run import sample_paths

ARTICLE = (
    " date 2024-05-02 Gunmen killed nine villagers in Djibo on Tuesday, a local official said. "
    "The attackers also burned shops.\n"
)


@pytest.fixture
def runner():
    return CliRunner()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_help_for_every_command(runner):
    for command in ["extract", "ingest", "events", "export", "demo", "settings"]:
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0, command
        assert "Usage:" in result.output


def test_cli_extract_jsonl_contract(runner, tmp_path):
    path = write(tmp_path, "djibo.txt", ARTICLE)
    result = runner.invoke(main, ["--no-progress", "extract", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert tuple(record) == RECORD_FIELDS
    assert record["sub_event_type"] == "Attack" and record["fatalities"] == 9
    assert record["event_date"] == "2024-04-30" and record["location"] == "Djibo"
    assert record["claims"][0]["claimed_by"] == "a local official"
    assert record["articles"] == ["djibo"]


def test_cli_extract_bad_input_reported_and_others_processed(runner, tmp_path):
    good = write(tmp_path, "djibo.txt", ARTICLE)
    empty = write(tmp_path, "empty.txt", "")
    result = runner.invoke(main, ["--no-progress", "extract", str(empty), str(good)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "empty.txt" in result.stderr


def test_cli_extract_csv_and_geojson(runner, tmp_path):
    path = write(tmp_path, "djibo.txt", ARTICLE)
    as_csv = runner.invoke(main, ["--no-progress", "extract", str(path), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows[0]["location"] == "Djibo" and rows[0]["country"] == "Burkina Faso"
    as_geojson = runner.invoke(main, ["--no-progress", "extract", str(path), "--format", "geojson"])
    feature = json.loads(as_geojson.stdout)["features"][0]
    assert feature["geometry"]["type"] == "Point"


def test_cli_ingest_twice_adds_nothing_and_ids_are_stable(runner, tmp_path):
    db = str(tmp_path / "cw.db")
    samples = [str(p) for p in sample_paths()]
    first = runner.invoke(main, ["--no-progress", "ingest", *samples, "--db", db])
    assert first.exit_code == 0, first.output
    listed = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    ids = [json.loads(line)["event_id"] for line in listed.stdout.splitlines()]
    assert ids
    again = runner.invoke(main, ["--no-progress", "ingest", *samples, "--db", db])
    assert "0 new articles" in again.stderr
    relisted = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    assert [json.loads(line)["event_id"] for line in relisted.stdout.splitlines()] == ids


def test_cli_events_filters(runner, tmp_path):
    db = str(tmp_path / "cw.db")
    runner.invoke(main, ["--no-progress", "ingest", *[str(p) for p in sample_paths()], "--db", db])
    everything = runner.invoke(
        main, ["events", "--db", db, "--format", "jsonl"]
    ).stdout.splitlines()
    deadly = runner.invoke(
        main, ["events", "--db", db, "--format", "jsonl", "--min-fatalities", "10"]
    )
    records = [json.loads(line) for line in deadly.stdout.splitlines()]
    assert 0 < len(records) < len(everything)
    assert all(r["fatalities"] >= 10 for r in records)
    mali = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", "--country", "Mali"])
    assert all(json.loads(line)["country"] == "Mali" for line in mali.stdout.splitlines())


def test_cli_demo_writes_database_table_and_exports(runner, tmp_path):
    out = tmp_path / "demo"
    result = runner.invoke(main, ["--no-progress", "demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "events)" in result.stdout
    for name in ["demo.db", "events.csv", "events.jsonl", "events.geojson"]:
        assert (out / name).stat().st_size > 0, name


def test_cli_events_without_database_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0
    assert "no database" in result.output


def test_cli_train_then_typer_component_overrides_when_confident(runner, tmp_path, monkeypatch):
    rows = ["text,label"]
    for n in range(8):
        # Labelled "Other" on purpose: the rules alone would say abduction.
        rows.append(f'"Gunmen kidnapped {n + 2} traders on the road.",Other')
        rows.append(f'"Residents marched peacefully for {n + 2} hours.",Peaceful protest')
    labels = tmp_path / "labels.csv"
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")
    model = tmp_path / "model.json"
    trained = runner.invoke(main, ["train", str(labels), "--out", str(model), "--folds", "2"])
    assert trained.exit_code == 0, trained.output
    assert model.stat().st_size > 0 and "16 examples" in trained.stderr
    article = write(
        tmp_path, "a.txt", " date 2024-05-02 Gunmen kidnapped 7 traders in Djibo on Tuesday.\n"
    )
    monkeypatch.setenv("CONFLICTWATCH_TYPER_MODEL", str(model))
    monkeypatch.setenv("CONFLICTWATCH_TYPER_MIN_PROBABILITY", "0.0")
    pipeline = "sentences,countries,places,actors,dates,fatalities,triggers,reports,typer"
    monkeypatch.setenv("CONFLICTWATCH_PIPELINE", pipeline)
    result = runner.invoke(main, ["--no-progress", "extract", str(article)])
    record = json.loads(result.stdout.splitlines()[0])
    assert (record["event_type"], record["sub_event_type"]) == ("Strategic developments", "Other")
    monkeypatch.setenv("CONFLICTWATCH_TYPER_MODEL", "")
    rules_only = runner.invoke(main, ["--no-progress", "extract", str(article)])
    assert json.loads(rules_only.stdout)["sub_event_type"] == "Abduction/forced disappearance"


def test_cli_train_bad_file_is_a_clear_error(runner, tmp_path):
    bad = write(tmp_path, "bad.csv", "words,other\nhello,there\n")
    result = runner.invoke(main, ["train", str(bad), "--out", str(tmp_path / "m.json")])
    assert result.exit_code != 0
    assert "bad.csv" in result.output


def test_cli_one_article_breaking_the_extractor_does_not_stop_the_others(tmp_path, monkeypatch):
    import dataclasses

    from conflictwatch.extract.pipeline import REGISTRY, _import_components

    _import_components()
    original = REGISTRY["triggers"].func

    def broken(doc, ctx):
        if "BREAK" in doc.text:
            raise RuntimeError("boom")
        return original(doc, ctx)

    monkeypatch.setitem(
        REGISTRY, "triggers", dataclasses.replace(REGISTRY["triggers"], func=broken)
    )
    good = write(tmp_path, "good.txt", ARTICLE)
    bad = write(
        tmp_path, "bad.txt", " date 2024-05-02 BREAK gunmen killed two herders near Djibo.\n"
    )
    result = CliRunner().invoke(main, ["--no-progress", "extract", str(bad), str(good)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "bad.txt (article bad): extraction failed" in result.stderr
