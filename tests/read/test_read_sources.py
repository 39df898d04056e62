import os
from pathlib import Path

import pytest

from conflictwatch.model import Article, ReadError
from conflictwatch.read import READERS, read_path, read_paths


def ids(items):
    return [item.id for item in items if isinstance(item, Article)]


def reasons(items):
    return {Path(item.source).name: item.reason for item in items if isinstance(item, ReadError)}


def test_read_sources_registry_is_a_dict_of_readers():
    assert {".txt", "", ".jsonl", ".ndjson", ".csv", ".tsv", ".html", ".htm", ".xml", ".rss",
            ".atom"} <= set(READERS)  # fmt: skip
    assert all(callable(reader) for reader in READERS.values())


def test_read_sources_each_bad_input_is_one_error_and_the_rest_is_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Troops entered the town at dawn.")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    large = tmp_path / "large.txt"
    large.write_text("word " * 30)
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "j1", "text": "Aid convoy reached the camp."}\n')
    paths = [good, empty, tmp_path / "missing.txt", binary, large, other]
    items = list(read_paths(paths, max_chars=100))
    assert ids(items) == ["good", "j1"]
    assert reasons(items) == {
        "empty.txt": "empty file",
        "missing.txt": "no such file",
        "image.txt": "binary file, not text",
        "large.txt": "too large: 150 characters, limit 100",
    }
    assert all(str(item).count("\n") == 0 for item in items if isinstance(item, ReadError))
    assert str(items[1]) == f"{empty}: empty file"


def test_read_sources_order_follows_the_arguments(tmp_path):
    for name in ("b", "a"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}.")
    assert ids(read_paths([tmp_path / "b.txt", str(tmp_path / "a.txt")])) == ["b", "a"]


def test_read_sources_single_path_string_is_not_iterated(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("A single story.")
    assert ids(read_paths(str(path))) == ["one"]


def test_read_sources_folder_walk(tmp_path):
    files = {
        "b.txt": "Story b.",
        "a.txt": "Story a.",
        "sub/c.html": "<html><body><p>Story c in a page.</p></body></html>",
        "sub/deeper/d.jsonl": '{"id": "d", "text": "Story d."}',
        "sub/e.TXT": "Story e, upper-case suffix.",
        "bare": "A file without a suffix.",
        ".hidden.txt": "Never read.",
        ".git/config.txt": "Never read either.",
        "notes.docx": "Unknown suffix inside a folder: skipped.",
        "z.csv": "text\nStory z.\n",
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    items = list(read_path(tmp_path))
    assert all(isinstance(item, Article) for item in items), items
    assert ids(items) == ["a", "b", "bare", "c", "d", "e", "z:2"]
    assert items[0].source == str(tmp_path / "a.txt")


def test_read_sources_empty_folder_is_an_error(tmp_path):
    (tmp_path / "only.pdf").write_bytes(b"%PDF-1.4")
    [error] = read_path(tmp_path)
    assert error == ReadError(str(tmp_path), "no readable files in folder")


def test_read_sources_unknown_suffix_named_explicitly_is_tried_as_text(tmp_path):
    text = tmp_path / "story.md"
    text.write_text(" date 2024-01-09 Markdown counts as text.")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n\x00\x01\x02\x03binary stream\x00\x00")
    article, error = read_paths([text, pdf])
    assert article.text == "Markdown counts as text."
    assert error.reason == "binary file, not text"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_read_sources_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Secret.")
    path.chmod(0)
    try:
        [error] = read_path(path)
    finally:
        path.chmod(0o644)
    assert error.reason == "unreadable: permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_read_sources_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [error] = read_path(fifo)
    assert error.reason == "not a regular file"


def test_read_sources_reader_crash_is_contained(tmp_path, monkeypatch):
    def explode(item):
        raise RuntimeError("boom\nwith a second line")
        yield  # pragma: no cover

    monkeypatch.setitem(READERS, ".txt", explode)
    bad = tmp_path / "crash.txt"
    bad.write_text("Anything.")
    good = tmp_path / "fine.jsonl"
    good.write_text('{"text": "Still read."}')
    error, article = read_paths([bad, good])
    assert str(error) == f"{bad}: could not read (RuntimeError: boom with a second line)"
    assert article.text == "Still read."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1"])
def test_read_sources_text_file_encodings(tmp_path, encoding):
    text = "Des combats à Ménaka et à Ségou, dit le journal en Français."
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes((" date 2024-03-28 " + text).encode(encoding))
    [article] = read_path(path)
    assert article.text == text
    assert article.published.isoformat() == "2024-03-28"


def test_read_sources_read_failure_is_an_error_even_as_root(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret.")
    other = tmp_path / "other.txt"
    other.write_text("Open.")
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    error, article = read_path(tmp_path)
    assert error == ReadError(str(locked), "unreadable: permission denied")
    assert article.text == "Open."
