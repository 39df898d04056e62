import time
from datetime import date, datetime

import pytest

from conflictwatch.read import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14 20:30:26Z", date(2025, 3, 14)),
        ("2024-03-15", date(2024, 3, 15)),
        # The day as written, not shifted to UTC (that would be the 16th).
        ("2024-03-15T23:30:00-05:00", date(2024, 3, 15)),
        ("Fri, 15 Mar 2024 10:00:00 GMT", date(2024, 3, 15)),
        ("Fri, 15 Mar 2024 23:30:00 -0500", date(2024, 3, 15)),
        ("15 March 2024", date(2024, 3, 15)),
        ("March 15, 2024", date(2024, 3, 15)),
        ("3rd Sept 2023", date(2023, 9, 3)),
        ("2024/3/5", date(2024, 3, 5)),
        ("20240315", date(2024, 3, 15)),
        ("  2024-03-15  ", date(2024, 3, 15)),
    ],
)
def test_read_dates_parses_usual_forms(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value", [None, "", "   ", "yesterday", "2024-02-30", "13 Marseille 2024", 12345, "2024-13-01"]
)
def test_read_dates_refuses_non_dates(value):
    assert parse_published(value) is None


def test_read_dates_accepts_date_objects_and_struct_time():
    assert parse_published(datetime(2024, 1, 2, 23, 59)) == date(2024, 1, 2)
    assert parse_published(date(2024, 1, 2)) == date(2024, 1, 2)
    assert parse_published(time.strptime("2024-06-07", "%Y-%m-%d")) == date(2024, 6, 7)
    assert type(parse_published(datetime(2024, 1, 2))) is date  # not a datetime


def test_read_dates_is_fast():
    values = ["2025-03-14 20:30:26Z", "Fri, 15 Mar 2024 10:00:00 GMT", "15 March 2024"] * 3000
    start = time.perf_counter()
    parsed = [parse_published(value) for value in values]
    assert all(parsed)
    assert time.perf_counter() - start < 1.0
