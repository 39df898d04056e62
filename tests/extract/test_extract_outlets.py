"""An article's outlet as a hint of its country and region (data/outlets.tsv)."""

from __future__ import annotations

from datetime import date

import pytest

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.extract.outlets import OutletHome, outlet_home, outlet_names
from conflictwatch.model import Article

HOME = ("ML", "BF", "NE")


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(load_settings({"progress": False}))


def _countries_in(text: str) -> list[tuple[str, int, int]]:
    """A stand-in for Geocoder.countries_in that knows three names."""
    names = {"Mali": "ML", "Niger": "NE", "Egypt": "EG"}
    return [(code, 0, 0) for name, code in names.items() if name in text.split(" (")[-1]]


def home(*names: str) -> OutletHome | None:
    return outlet_home(names, _countries_in, HOME)


def test_a_listed_national_outlet_gives_its_country() -> None:
    assert home("Sidwaya") == OutletHome("BF")
    assert home("Studio Tamani") == OutletHome("ML")
    # Spelling and punctuation do not matter; aliases count.
    assert home("L’observateur paalga") == OutletHome("BF")
    assert home("Aujourd8") == OutletHome("BF")


def test_a_local_outlet_gives_its_region() -> None:
    assert home("Jeunesse Diffa") == OutletHome("NE", "Diffa")


def test_a_name_carrying_its_country_needs_no_row() -> None:
    assert home("Pinal (Mali)") == OutletHome("ML")


def test_foreign_unknown_and_disagreeing_outlets_say_nothing() -> None:
    assert home("Al Akhbar (Egypt)") is None  # not a home country
    assert home("AFP") is None
    assert home("Pinal (Mali)", "Sidwaya") is None
    # An agency beside a national outlet does not spoil it.
    assert home("AFP", "Sidwaya") == OutletHome("BF")


def test_outlet_names_split_a_list_and_take_the_first_key_present() -> None:
    assert outlet_names({"outlet": "Sidwaya; AFP", "source": "ignored"}) == ["Sidwaya", "AFP"]
    assert outlet_names({"feed_title": "Studio Tamani"}) == ["Studio Tamani"]
    assert outlet_names({"source": 3}) == []


@pytest.mark.parametrize("key", ["outlet", "feed_title", "source"])
def test_the_outlet_gives_a_countryless_article_its_country(pipeline, key) -> None:
    text = "Gunmen killed two herders."
    (report,) = pipeline(Article("t", text, date(2020, 3, 2), meta={key: "Sidwaya"})).reports
    assert report.actor1 == "Unidentified Armed Group (Burkina Faso)"
    (report,) = pipeline(Article("t", text, date(2020, 3, 2))).reports
    assert report.actor1 == "Unidentified Armed Group"
    # The text's own country wins over the outlet's.
    text = "Gunmen killed two herders in Mali."
    (report,) = pipeline(Article("t", text, date(2020, 3, 2), meta={key: "Sidwaya"})).reports
    assert report.actor1 == "Unidentified Armed Group (Mali)"
