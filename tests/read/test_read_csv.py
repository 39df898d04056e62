import csv
from datetime import date

from conflictwatch.model import Article, ReadError
from conflictwatch.read import read_path


def write_table(path, rows, delimiter=","):
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def articles(items):
    return [item for item in items if isinstance(item, Article)]


def errors(items):
    return [item for item in items if isinstance(item, ReadError)]


def test_read_csv_guesses_columns_case_insensitively(tmp_path):
    path = write_table(
        tmp_path / "desk.csv",
        [
            ["GUID", "Headline", "PubDate", "Link", "Body", "Desk"],
            ["g1", "Raid in Ségou", "Fri, 15 Mar 2024 10:00:00 GMT", "https://x.example/1",
             "Soldiers raided a village,\nthen left.", "Sahel"],
        ],
    )  # fmt: skip
    [article] = read_path(path)
    assert article.id == "g1"
    assert article.title == "Raid in Ségou"
    assert article.published == date(2024, 3, 15)
    assert article.url == "https://x.example/1"
    assert article.text == "Soldiers raided a village,\nthen left."
    assert article.meta == {"Desk": "Sahel"}


def test_read_csv_mapping_wins_over_guesses(tmp_path):
    path = write_table(
        tmp_path / "mapped.csv",
        [["text", "story", "when", "ref"], ["not this", "This one.", "2024-01-05", "r-9"]],
    )
    mapping = {"text": "story", "published": "WHEN", "id": "ref"}
    [article] = read_path(path, csv_mapping=mapping)
    assert (article.text, article.id, article.published) == ("This one.", "r-9", date(2024, 1, 5))
    assert article.meta == {"text": "not this"}


def test_read_csv_mapping_to_missing_column_or_unknown_field(tmp_path):
    path = write_table(tmp_path / "m.csv", [["body"], ["words"]])
    [error] = read_path(path, csv_mapping={"text": "nope"})
    assert error.reason == "column 'nope' (for text) not in the header"
    [error] = read_path(path, csv_mapping={"bodytext": "body"})
    assert error.reason == "csv_mapping: unknown field(s) bodytext"


def test_read_tsv_and_default_ids(tmp_path):
    path = write_table(
        tmp_path / "snips.tsv",
        [
            ["EventSnippet", "Label"],
            ["Shelling hit the market.", "A"],
            ["Protest in the capital.", "B"],
        ],
        delimiter="\t",
    )
    items = list(read_path(path))
    assert [item.id for item in items] == ["snips:2", "snips:3"]  # the header is row 1
    assert items[1].text == "Protest in the capital."
    assert items[1].meta == {"Label": "B"}


def test_read_csv_semicolons_are_sniffed(tmp_path):
    path = write_table(tmp_path / "excel.csv", [["id", "content"], ["e1", "Mots, virgules."]], ";")
    [article] = read_path(path)
    assert (article.id, article.text) == ("e1", "Mots, virgules.")


def test_read_csv_without_text_column_is_one_error(tmp_path):
    path = write_table(tmp_path / "numbers.csv", [["id", "count"], ["1", "2"], ["3", "4"]])
    items = list(read_path(path))
    assert len(items) == 1
    assert items[0].source == str(path)
    assert items[0].reason.startswith("no text column")


def test_read_csv_broken_rows_are_errors_and_reading_continues(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(
        "id,text\n"
        'a,"Fine row."\n'
        'b,"a stray "quote" inside"\n'
        "c,Another fine row.\n"
        "d,too,many,fields\n"
        "e,\n"
        "\n"
        'f,"Last fine row."\n'
        'g,"cut off in the mid',
        encoding="utf-8",
    )
    items = list(read_path(path))
    assert [article.id for article in articles(items)] == ["a", "c", "f"]
    assert [(error.source, error.reason.split(":")[0]) for error in errors(items)] == [
        (f"{path}:row 3", "malformed row"),
        (f"{path}:row 5", "row has 4 fields, the header has 2"),
        (f"{path}:row 6", "empty text"),
        (f"{path}:row 9", "malformed row"),  # the blank line is row 7, as in a spreadsheet
    ]


def test_read_csv_large_field(tmp_path):
    big = "word " * 60_000  # 300,000 characters: over csv's default field limit
    path = write_table(tmp_path / "big.csv", [["text"], [big]])
    [article] = read_path(path)
    assert article.text == big
    [error] = read_path(path, max_chars=1000)
    assert error.reason == "too large: 300000 characters, limit 1000"


def test_read_csv_header_only_gives_nothing(tmp_path):
    path = write_table(tmp_path / "header.csv", [["id", "text"]])
    assert list(read_path(path)) == []


def test_read_csv_mapped_column_is_not_guessed_again(tmp_path):
    path = write_table(tmp_path / "t.csv", [["Title", "Notes"], ["Words used as text.", "n"]])
    [article] = read_path(path, csv_mapping={"text": "title"})
    assert article.text == "Words used as text."
    assert article.title is None
    assert article.meta == {"Notes": "n"}
