import csv
import io
import json

from conflictwatch.export import interaction, write_csv, write_geojson, write_jsonl, write_table
from conflictwatch.link import link_reports
from conflictwatch.model import ACLED_COLUMNS, RECORD_FIELDS
from support import make_report


def events():
    return link_reports(
        [make_report("a", figures=[(3, "the army")], actor1="Wagner Group", inter1=8)]
    )


def test_export_jsonl_has_the_contract_fields_in_order():
    out = io.StringIO()
    write_jsonl(events(), out)
    record = json.loads(out.getvalue().splitlines()[0])
    assert tuple(record) == RECORD_FIELDS
    assert record["claims"][0]["claimed_by"] == "the army"


def test_export_csv_starts_with_acled_columns():
    out = io.StringIO()
    write_csv(events(), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["fatalities"] == "3" and row["location"] == "Kidal" and row["year"] == "2024"
    assert row["actor1"] == "Wagner Group" and row["interaction"] == "80"


def test_export_geojson_points_and_credit():
    out = io.StringIO()
    write_geojson(events(), out)
    collection = json.loads(out.getvalue())
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [1.41, 18.44]}
    assert "GeoNames" in collection["metadata"]["attribution"]


def test_export_table_is_readable():
    out = io.StringIO()
    write_table(events(), out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("date") and "Kidal" in lines[2] and lines[-1] == "(1 events)"


def test_export_interaction_codes():
    assert interaction(7, 1) == 17
    assert interaction(6, None) == 60
    assert interaction(None, None) is None
