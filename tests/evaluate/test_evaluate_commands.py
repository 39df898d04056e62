"""`eval acled` and `eval case` on small team-written files in their formats."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.evaluate.acled import _row, _score_match
from conflictwatch.evaluate.metrics import weighted_f1
from conflictwatch.model import Event

COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "notes", "fatalities",
]  # fmt: skip
ROWS = [
    [
        "T1", "2020-03-01", "1", "Violence against civilians", "Attack",
        "Unidentified Armed Group (Burkina Faso)", "Burkina Faso", "Sahel", "Soum", "Djibo",
        "14.0986", "-1.6266", "1",
        "On 1 March 2020, unknown gunmen killed three herders near Djibo.", "3",
    ],
    [
        "T2", "2020-03-02", "1", "Protests", "Peaceful protest", "Protesters (Mali)", "Mali",
        "Bamako", "Bamako", "Bamako", "12.6392", "-8.0029", "1",
        "On 2 March 2020, teachers marched in Bamako to demand unpaid wages.", "0",
    ],
    [
        "T3", "2020-03-03", "1", "Battles", "Armed clash", "Military Forces of Niger (2011-2021)",
        "Niger", "Tillaberi", "Ayorou", "Inates", "15.2275", "1.3135", "1",
        "The harvest in the region was good this year.", "0",
    ],
]  # fmt: skip


def write_acled(tmp_path):
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(ROWS)
    return path


def test_eval_acled_prints_figures_per_country_and_writes_errors(tmp_path):
    path = write_acled(tmp_path)
    errors = tmp_path / "wrong.jsonl"
    result = CliRunner().invoke(
        main, ["--no-progress", "eval", "acled", str(path), "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = lines[0].split()
    overall = dict(zip(header[1:], lines[4].split()[1:], strict=True))
    assert overall["rows"] == "3"
    # Two notes report an event, one (the harvest) cannot: found is 2/3.
    assert float(overall["found"]) == round(2 / 3, 3)
    assert float(overall["fatalities"]) == round(2 / 3, 3)
    assert "spurious events per note" in result.stdout
    wrong = [json.loads(line) for line in errors.read_text().splitlines()]
    assert "T3" in [w["id"] for w in wrong]
    assert next(w for w in wrong if w["id"] == "T3")["predicted"] is None


def test_eval_acled_feed_country_gives_countryless_notes_their_rows_country(tmp_path):
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        row = list(ROWS[0])
        row[13] = "On 1 March 2020, unknown gunmen killed three herders."  # no place
        writer.writerow(row)

    def actor1(*flags: str) -> float:
        result = CliRunner().invoke(main, ["--no-progress", "eval", "acled", str(path), *flags])
        assert result.exit_code == 0, result.output
        header, overall = result.stdout.splitlines()[0].split(), result.stdout.splitlines()[2]
        return float(dict(zip(header[1:], overall.split()[1:], strict=True))["actor1"])

    assert actor1() == 0.0  # "Unidentified Armed Group", country unknown
    assert actor1("--feed-country") == 1.0


def test_eval_acled_gives_each_note_its_rows_outlet(tmp_path):
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*COLUMNS, "source"])
        row = list(ROWS[0])
        row[13] = "On 1 March 2020, unknown gunmen killed three herders."  # no place
        writer.writerow([*row, "Sidwaya; AFP"])  # a Burkinabe daily and an agency

    def actor1(*flags: str) -> float:
        result = CliRunner().invoke(main, ["--no-progress", "eval", "acled", str(path), *flags])
        assert result.exit_code == 0, result.output
        header, overall = result.stdout.splitlines()[0].split(), result.stdout.splitlines()[2]
        return float(dict(zip(header[1:], overall.split()[1:], strict=True))["actor1"])

    assert actor1() == 1.0  # the outlet says Burkina Faso
    assert actor1("--no-outlet") == 0.0


def test_eval_acled_since_keeps_only_later_events(tmp_path):
    path = write_acled(tmp_path)
    args = ["--no-progress", "eval", "acled", str(path), "--since", "2020-03-02"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:3]] == ["Mali", "Niger"]
    assert lines[3].split()[:2] == ["overall", "2"]


def test_eval_acled_matches_each_row_to_its_own_days_event(tmp_path):
    # One note told over two days, coded by ACLED as one row a day: place and type tie,
    # so the day decides which predicted event each row is compared with.
    note = "On 10 and 11 March 2020, soldiers killed six militants near Djibo."
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row_id, day in (("D2", "2020-03-11"), ("D1", "2020-03-10")):
            row = list(ROWS[0])
            row[:2] = [row_id, day]
            row[3:6] = ["Battles", "Armed clash", "Military Forces of Burkina Faso (2015-)"]
            row[13:15] = [note, "3"]
            writer.writerow(row)
    errors = tmp_path / "wrong.jsonl"
    result = CliRunner().invoke(
        main, ["--no-progress", "eval", "acled", str(path), "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.output
    header, overall = result.stdout.splitlines()[0].split(), result.stdout.splitlines()[2]
    figures = dict(zip(header[1:], overall.split()[1:], strict=True))
    assert (figures["rows"], figures["date"], figures["fatalities"]) == ("2", "1.000", "1.000")
    assert "spurious events per note: 0.000" in result.stdout


def test_eval_acled_the_day_only_breaks_ties():
    row = _row(
        {
            "event_id_cnty": "X1", "event_date": "2020-03-10", "time_precision": "1",
            "event_type": "Battles", "sub_event_type": "Armed clash", "location": "Djibo",
            "fatalities": "3", "notes": "a note",
        }
    )  # fmt: skip
    same_day = Event(event_id="a", event_date="2020-03-10", event_type="Battles",
                     sub_event_type="Attack", location="Djibo", fatalities=3)  # fmt: skip
    same_type = Event(event_id="b", event_date="2020-03-11", event_type="Battles",
                      sub_event_type="Armed clash", location="Djibo", fatalities=3)  # fmt: skip
    assert _score_match(row, same_type) > _score_match(row, same_day)
    other_day = Event(event_id="c", event_date="2020-03-11", event_type="Battles",
                      sub_event_type="Attack", location="Djibo", fatalities=3)  # fmt: skip
    assert _score_match(row, same_day) > _score_match(row, other_day)


def test_eval_case_counts_non_acled_labels_as_no_event(tmp_path):
    path = tmp_path / "case.tsv"
    path.write_text(
        "id\tEventSnippet\tSubType\n"
        "1\tA drone strike hit a market on Sunday, killing nine people.\tAIR_STRIKE\n"
        "2\tHundreds of teachers marched peacefully to the ministry.\tPEACE_PROTEST\n"
        "3\tThe two foreign ministers met to discuss trade.\tDIPLO\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--no-progress", "eval", "case", str(path)])
    assert result.exit_code == 0, result.output
    assert "snippets: 3" in result.stdout
    assert "weighted F1 (with non-ACLED as no event): 1.000" in result.stdout


def test_weighted_f1_by_hand():
    gold = ["a", "a", "b", "c"]
    predicted = ["a", "b", "b", "c"]
    # F1: a = 2/3 (support 2), b = 2/3 (support 1), c = 1 (support 1).
    assert abs(weighted_f1(gold, predicted) - (2 * 2 / 3 + 2 / 3 + 1) / 4) < 1e-9


def test_eval_acled_stricter_actors_want_the_gold_sides_in_place(tmp_path):
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*COLUMNS, "actor2"])
        row = list(ROWS[0])
        row[5] = "JNIM: Group for Support of Islam and Muslims"
        row[13] = "On 1 March 2020, soldiers clashed with JNIM militants near Djibo."
        row[4], row[3] = "Armed clash", "Battles"
        writer.writerow([*row, "Military Forces of Burkina Faso (2015-2022)"])
        # The event is the army (actor1) against JNIM (actor2). The row above has JNIM as
        # actor1: both sides match, in the other order, but not actor1 as actor1. This
        # one has the army as actor1 but civilians as actor2: the reverse.
        wrong_side = list(row)
        wrong_side[0], wrong_side[5] = "T9", "Military Forces of Burkina Faso (2015-2022)"
        writer.writerow([*wrong_side, "Civilians (Burkina Faso)"])
    result = CliRunner().invoke(main, ["--no-progress", "eval", "acled", str(path)])
    assert result.exit_code == 0, result.output
    strict = next(line for line in result.stdout.splitlines() if "stricter actors" in line)
    assert "actor1 as actor1 0.500" in strict
    assert "either order) 0.500" in strict
