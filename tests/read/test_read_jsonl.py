import json
from datetime import date

from conflictwatch.model import Article, ReadError
from conflictwatch.read import read_path


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields):
    return json.dumps(fields, ensure_ascii=False)


def test_read_jsonl_fields_and_meta(tmp_path):
    path = write_lines(
        tmp_path / "wire.jsonl",
        [
            record(
                id="a1",
                url="https://news.example/a1",
                title="Clashes near Ménaka",
                published="2025-03-14 20:30:26Z",
                section="Africa",
                author="Staff",
                text="Fighting broke out near Ménaka on Friday.",
            )
        ],
    )
    [article] = read_path(path)
    assert article.id == "a1"
    assert article.url == "https://news.example/a1"
    assert article.title == "Clashes near Ménaka"
    assert article.published == date(2025, 3, 14)
    assert article.text == "Fighting broke out near Ménaka on Friday."
    assert article.meta == {"section": "Africa", "author": "Staff"}
    assert article.source == str(path)


def test_read_jsonl_default_id_is_stem_and_line(tmp_path):
    path = write_lines(
        tmp_path / "batch.ndjson", [record(text="First story."), "", record(text="Third line.")]
    )
    articles = list(read_path(path))
    assert [article.id for article in articles] == ["batch:1", "batch:3"]
    assert all(article.published is None for article in articles)


def test_read_jsonl_numeric_id_and_aliases(tmp_path):
    path = write_lines(
        tmp_path / "alias.jsonl",
        [
            record(
                article_id=42, headline="A headline", body="Body text here.", date="15 March 2024"
            )
        ],
    )
    [article] = read_path(path)
    assert (article.id, article.title, article.text) == ("42", "A headline", "Body text here.")
    assert article.published == date(2024, 3, 15)


def test_read_jsonl_unparseable_date_stays_in_meta(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", [record(text="Words.", published="last week")])
    [article] = read_path(path)
    assert article.published is None
    assert article.meta == {"published": "last week"}


def test_read_jsonl_bad_lines_are_errors_and_the_rest_continues(tmp_path):
    path = write_lines(
        tmp_path / "mixed.jsonl",
        [
            record(text="Good one."),
            "{not json",
            "[1, 2, 3]",
            record(title="no text field"),
            record(text="   "),
            record(text=17),
            record(text="Good two."),
            '{"text": "truncated at the end',
        ],
    )
    items = list(read_path(path))
    assert [item.text for item in items if isinstance(item, Article)] == ["Good one.", "Good two."]
    errors = [item for item in items if isinstance(item, ReadError)]
    assert [error.source for error in errors] == [
        f"{path}:line {number}" for number in (2, 3, 4, 5, 6, 8)
    ]
    assert errors[0].reason.startswith("not JSON")
    assert errors[1].reason == "not a JSON object but list"
    assert errors[2].reason == "no text"
    assert errors[3].reason == "empty text"
    assert errors[4].reason == "text is not a string"
    assert all("\n" not in str(error) for error in errors)


def test_read_jsonl_line_separator_inside_a_string_is_not_a_line_end(tmp_path):
    text = "One paragraph.\u2028Another\x85after a NEL."
    path = write_lines(tmp_path / "u2028.jsonl", [record(text=text)])
    [article] = read_path(path)
    assert article.text == text


def test_read_jsonl_too_large_record(tmp_path):
    path = write_lines(tmp_path / "big.jsonl", [record(text="x" * 50), record(text="short")])
    items = list(read_path(path, max_chars=20))
    assert str(items[0]) == f"{path}:line 1: too large: 50 characters, limit 20"
    assert items[1].text == "short"
