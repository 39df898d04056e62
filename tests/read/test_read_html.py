import logging
import socket
from datetime import date

import pytest
import trafilatura

from conflictwatch.model import Article, ReadError
from conflictwatch.read import read_path, webpage

PARAGRAPHS = [
    "Armed men attacked a convoy of traders on the road between Ménaka and Anderamboukane "
    "early on Tuesday, local officials told reporters by telephone.",
    "The officials said at least seven people were killed and several vehicles were burned, "
    "while others fled into the bush and were still missing by the evening.",
    "No group has claimed the attack. The regional governor called for calm and said that "
    "troops had been sent to secure the road for the weekly market in Ségou.",
]

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>Convoy attacked near Ménaka | Example News</title>
<meta property="og:title" content="Convoy attacked near Ménaka">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-15T09:00:00Z">
<link rel="canonical" href="https://news.example/convoy-attacked">
<style>body {{ color: red }}</style><script>var tracking = "do not read me";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/africa">Africa</a></nav>
<article><h1>Convoy attacked near Ménaka</h1>
{paragraphs}
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


def page(charset="utf-8"):
    paragraphs = "\n".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return PAGE.format(charset=charset, paragraphs=paragraphs)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_read_html_main_text_title_and_date(tmp_path, no_network):
    path = tmp_path / "convoy.html"
    path.write_text(page(), encoding="utf-8")
    [article] = read_path(path)
    assert isinstance(article, Article)
    assert article.id == "convoy"
    assert article.title == "Convoy attacked near Ménaka"
    assert article.published == date(2024, 3, 15)
    assert article.url == "https://news.example/convoy-attacked"
    assert article.meta["sitename"] == "Example News"  # the outlet
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "tracking" not in article.text
    assert "All rights reserved" not in article.text


def test_read_html_latin1_page(tmp_path, no_network):
    path = tmp_path / "latin.htm"
    path.write_bytes(page("iso-8859-1").encode("latin-1"))
    [article] = read_path(path)
    assert "Ségou" in article.text
    assert article.title == "Convoy attacked near Ménaka"


SHORT = (
    "<html><head><title>  Brief\n note </title><script>x = 1</script></head>"
    "<body><div>Curfew in Gao.</div><div>More <b>soon</b>.</div></body></html>"
)


def test_read_html_short_page(tmp_path, no_network):
    path = tmp_path / "short.html"
    path.write_text(SHORT)
    [article] = read_path(path)
    assert article.title == "Brief note"
    assert article.text.split() == ["Curfew", "in", "Gao.", "More", "soon", "."]
    assert article.published is None


def test_read_html_falls_back_when_trafilatura_finds_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    path = tmp_path / "short.html"
    path.write_text(SHORT)
    [article] = read_path(path)
    assert article.title == "Brief note"
    assert article.text == "Curfew in Gao.\nMore soon."


def test_read_html_to_text_keeps_inline_words_on_one_line():
    markup = (
        "<p>Gunmen <a href='#'>attacked</a> a <b>market</b>.<br>Two died.</p><ul><li>A</li></ul>"
    )
    assert webpage.html_to_text(markup) == "Gunmen attacked a market.\nTwo died.\nA"
    assert webpage.html_to_text("") == ""
    assert webpage.html_to_text("plain & simple") == "plain & simple"


@pytest.mark.parametrize(
    "content",
    [
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><script>only()</script></body>",
        "<!-- a comment and nothing else -->",
    ],
)
def test_read_html_without_text_is_an_error(tmp_path, content):
    path = tmp_path / "hollow.html"
    path.write_text(content)
    [error] = read_path(path)
    assert isinstance(error, ReadError)
    assert error.reason == "no text in the HTML page"


def test_read_html_truncated_page_still_reads(tmp_path):
    path = tmp_path / "cut.html"
    path.write_text(page()[:1200])
    [article] = read_path(path)
    assert article.text.startswith(("Convoy attacked", "Armed men"))


def test_read_html_xml_without_feed_root_is_html(tmp_path):
    path = tmp_path / "page.xml"
    path.write_text('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + page())
    [article] = read_path(path)
    assert PARAGRAPHS[1] in article.text


def test_read_html_is_quiet(tmp_path, caplog):
    path = tmp_path / "odd.html"
    path.write_text("<html><body><p>x</p><p>" + "<div>" * 50 + "</body>")
    with caplog.at_level(logging.DEBUG):
        list(read_path(path))
    noisy = [r for r in caplog.records if r.name.split(".")[0] in {"trafilatura", "htmldate"}]
    assert noisy == []
