from datetime import date

import pytest

from conflictwatch.model import Article, ReadError
from conflictwatch.read import read_path

BODY = "Gunmen on motorbikes raided a cattle market near Ségou on Tuesday.\n\nThe army said…"


def read_one(path, **options):
    items = list(read_path(path, **options))
    assert len(items) == 1, items
    return items[0]


def test_read_text_date_header_is_removed_and_parsed(tmp_path):
    path = tmp_path / "story_1.txt"
    path.write_text(" date 2024-03-29 " + BODY, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.id == "story_1"
    assert article.published == date(2024, 3, 29)
    assert article.text == BODY  # starts at the first word, rest untouched
    assert article.source == str(path)


def test_read_text_without_header_has_no_date(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(BODY, encoding="utf-8")
    article = read_one(path)
    assert article.published is None
    assert article.text == BODY


def test_read_text_header_after_bom_and_newline(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf\n date 2023-11-02\n" + BODY.encode())
    article = read_one(path)
    assert article.published == date(2023, 11, 2)
    assert article.text == BODY


def test_read_text_keeps_whitespace_and_line_ends_exactly(tmp_path):
    raw = "  Two  spaces,\r\na CRLF,\ttab and trailing space \n\n"
    path = tmp_path / "spacing.txt"
    path.write_bytes(raw.encode())
    assert read_one(path).text == raw


def test_read_text_word_date_in_prose_is_not_a_header(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text("The date 2024-03-29 was set.")
    article = read_one(path)
    assert article.published is None
    assert article.text.startswith("The date")


def test_read_text_impossible_header_date_is_stripped_but_unknown(tmp_path):
    path = tmp_path / "bad_date.txt"
    path.write_text(" date 2024-02-31 Troops withdrew from the town.")
    article = read_one(path)
    assert article.published is None
    assert article.text == "Troops withdrew from the town."


def test_read_text_no_suffix_is_text(tmp_path):
    path = tmp_path / "8011115"
    path.write_text(BODY)
    assert read_one(path).id == "8011115"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(" date 2024-03-29 ", "no text after the date header"), (" \n\t\n", "empty file")],
)
def test_read_text_without_words_is_an_error(tmp_path, content, reason):
    path = tmp_path / "hollow.txt"
    path.write_text(content)
    error = read_one(path)
    assert isinstance(error, ReadError)
    assert error.reason == reason
