import csv
import json

import pytest

from conflictwatch.extract.classify import SUB_EVENT_TYPES
from conflictwatch.extract.typer import (
    FORMAT,
    NONE,
    Typer,
    TyperError,
    features,
    read_examples,
    stem,
    train_from_file,
)
from conflictwatch.resources import iter_jsonl

TINY = [
    ("Police fired tear gas at the marchers outside the ministry.", "protest"),
    ("Hundreds of students marched through the capital.", "protest"),
    ("Teachers held a sit-in to demand unpaid salaries.", "protest"),
    ("Demonstrators gathered in the square, waving banners.", "protest"),
    ("Residents protested against power cuts and marched to the town hall.", "protest"),
    ("A drone struck a convoy of fighters near the border.", "air"),
    ("Warplanes bombed rebel positions in the hills.", "air"),
    ("An air strike hit a militant camp at dawn.", "air"),
    ("Jets carried out air raids on the outskirts of the town.", "air"),
    ("A drone strike killed three fighters in a pickup truck.", "air"),
]


def test_features_fold_case_numbers_and_suffixes():
    assert stem("Protesters".lower()) == stem("protested") == "protest"
    assert stem("kidnapped") == stem("kidnapping") == "kidnap"
    assert stem("1,200") == stem("12") == "<num>"
    found = features("Gunmen killed 12 villagers in Ségou")
    assert "<num>" in found and "segou" in found and "kill <num>" in found
    assert features("KILLED") == features("killed")


def test_training_separates_two_classes():
    model = Typer.train(TINY, epochs=30, min_count=1)
    assert model.labels == ["air", "protest"]
    assert model.best("Students marched peacefully in the capital.")[0] == "protest"
    assert model.best("A drone strike hit the fighters' camp.")[0] == "air"
    ranked = model.predict("Warplanes bombed the camp in the hills.")
    assert [label for label, _ in ranked] == ["air", "protest"]
    assert sum(p for _, p in ranked) == pytest.approx(1.0)
    assert ranked[0][1] > ranked[1][1]


def test_training_is_deterministic():
    one = Typer.train(TINY, min_count=1)
    two = Typer.train(TINY, min_count=1)
    assert one.to_json() == two.to_json()


def test_training_rejects_bad_input():
    with pytest.raises(ValueError, match="no training examples"):
        Typer.train([])
    with pytest.raises(ValueError, match="two labels"):
        Typer.train([("a", "x"), ("b", "x")])
    with pytest.raises(TypeError, match="learning_rate"):
        Typer.train(TINY, learning_rate=1)


def test_save_load_round_trip(tmp_path):
    model = Typer.train(TINY, min_count=1, temperature=0.8)
    path = model.save(tmp_path / "m" / "typer.json")
    loaded = Typer.load(path)
    assert loaded.labels == model.labels and loaded.temperature == 0.8
    for text in ["Students marched.", "A drone hit a car.", "Nothing here at all.", ""]:
        assert loaded.predict(text) == model.predict(text)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == FORMAT


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"format": "other", "version": 1}', "format"),
        ('{"format": "conflictwatch-typer", "version": 99}', "version 99"),
        ('{"format": "conflictwatch-typer", "version": 1, "labels": ["a"]}', "labels"),
        (
            '{"format": "conflictwatch-typer", "version": 1, "labels": ["a", "b"], '
            '"bias": [0.0], "weights": {}}',
            "'bias' must be a list of 2",
        ),
        (
            '{"format": "conflictwatch-typer", "version": 1, "labels": ["a", "b"], '
            '"bias": [0, 0], "weights": {"x": [1, "y"]}}',
            "weights of 'x'",
        ),
        (
            '{"format": "conflictwatch-typer", "version": 1, "labels": ["a", "b"], '
            '"bias": [0, 0], "weights": {}, "temperature": 0}',
            "temperature",
        ),
    ],
)
def test_malformed_model_raises_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TyperError, match=message) as caught:
        Typer.load(path)
    assert str(path) in str(caught.value) and "not a usable typer model" in str(caught.value)


def test_missing_model_file_raises_clear_error(tmp_path):
    with pytest.raises(TyperError, match="cannot read"):
        Typer.load(tmp_path / "absent.json")


def test_shipped_training_text_uses_acled_labels():
    rows = list(iter_jsonl("training/typing.jsonl"))
    labels = {row["label"] for row in rows}
    assert labels == set(SUB_EVENT_TYPES) | {NONE}
    assert all(isinstance(row["text"], str) and row["text"].strip() for row in rows)
    assert len({row["text"] for row in rows}) == len(rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An army drone bombed a truck full of fighters near the river.", "Air/drone strike"),
        (
            "Thousands of nurses demonstrated peacefully outside the ministry over pay.",
            "Peaceful protest",
        ),
        ("Torrential rain flooded the low-lying suburbs and swept away 60 homes.", NONE),
        (
            "Kidnappers seized a village teacher and his two sons overnight.",
            ("Abduction/forced disappearance"),
        ),
        (
            "The soldiers' truck drove over a roadside bomb, killing two of them.",
            ("Remote explosive/landmine/IED"),
        ),
        ("Police used tear gas to break up a student demonstration.", "Protest with intervention"),
    ],
)
def test_shipped_model_labels_fresh_sentences(text, expected):
    model = Typer.default()
    assert set(model.labels) == set(SUB_EVENT_TYPES) | {NONE}
    label, probability = model.best(text)
    assert label == expected
    assert 0.0 < probability <= 1.0


def test_shipped_model_is_loaded_once():
    assert Typer.default() is Typer.default()


def test_train_from_file_csv(tmp_path):
    source = tmp_path / "labelled.csv"
    with open(source, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "snippet", "type"])
        for number, (text, label) in enumerate(TINY * 2):
            writer.writerow([number, text, label])
        writer.writerow([99, "", "air"])  # no text: skipped
    out = tmp_path / "out" / "model.json"
    stats = train_from_file(
        source, text_column="snippet", label_column="type", out=out, folds=3, min_count=1
    )
    assert stats["examples"] == 20
    assert stats["labels"] == {"air": 10, "protest": 10}
    assert stats["training_accuracy"] == 1.0
    assert 0.0 <= stats["cv_accuracy"] <= 1.0 and stats["cv_folds"] == 3
    assert stats["model"] == str(out)
    model = Typer.load(out)
    assert model.temperature == stats["temperature"]
    assert model.best("Warplanes bombed the camp.")[0] == "air"


def test_train_from_file_default_output_and_tsv(tmp_path):
    source = tmp_path / "labelled.tsv"
    lines = ["text\tlabel"] + [f"{text}\t{label}" for text, label in TINY]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stats = train_from_file(source, folds=0, min_count=1)
    assert stats["model"] == str(tmp_path / "labelled.typer.json")
    assert "cv_accuracy" not in stats
    assert Typer.load(stats["model"]).best("Teachers marched.")[0] == "protest"


def test_read_examples_errors(tmp_path):
    csv_file = tmp_path / "x.csv"
    csv_file.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(TyperError, match="no column"):
        read_examples(csv_file)
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text('{"text": "ok", "label": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(TyperError, match="line 2"):
        read_examples(jsonl)
    with pytest.raises(TyperError, match=r"\.jsonl, \.csv or \.tsv"):
        read_examples(tmp_path / "x.xlsx")
