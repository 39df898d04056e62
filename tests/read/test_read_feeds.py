from datetime import date

import pytest

from conflictwatch.model import Article, ReadError
from conflictwatch.read import read_path
from conflictwatch.read.feeds import is_feed

RSS = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0"><channel>
<title>Sahel desk</title><link>https://news.example/</link>
<item>
  <title>Market raided near Ségou</title>
  <link>https://news.example/raid</link>
  <guid isPermaLink="false">desk-001</guid>
  <pubDate>Fri, 15 Mar 2024 23:30:00 -0500</pubDate>
  <author>desk@news.example (Desk)</author>
  <category>Mali</category>
  <description>&lt;p&gt;Gunmen &lt;b&gt;raided&lt;/b&gt; a market near Ségou.&lt;/p&gt;&lt;p&gt;Le Français l’a vu.&lt;/p&gt;</description>
</item>
<item>
  <title>No guid here</title>
  <link>https://news.example/second</link>
  <description>Plain summary &amp; nothing more.</description>
</item>
<item>
  <title>Neither guid nor link</title>
  <description>Orphan entry text.</description>
</item>
</channel></rss>
"""  # noqa: E501

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom desk</title><id>urn:desk</id><updated>2024-03-16T00:00:00Z</updated>
  <entry>
    <title type="html">Drone strike &lt;em&gt;reported&lt;/em&gt;</title>
    <id>urn:desk:entry-7</id>
    <link href="https://news.example/drone"/>
    <updated>2024-03-16T08:00:00Z</updated>
    <summary>A short summary.</summary>
    <content type="html">&lt;p&gt;A drone struck a convoy.&lt;/p&gt;&lt;p&gt;Officials gave no toll.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summary only</title><id>urn:desk:entry-8</id>
    <published>2024-03-14T10:00:00Z</published><updated>2024-03-17T10:00:00Z</updated>
    <summary type="text">Words in a plain summary with a &lt; sign.</summary>
  </entry>
</feed>
"""  # noqa: E501

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/"><title>RDF desk</title></channel>
  <item rdf:about="https://news.example/rdf-1">
    <title>Old style</title><link>https://news.example/rdf-1</link>
    <description>Villagers returned home.</description><dc:date>2023-07-01</dc:date>
  </item>
</rdf:RDF>
"""


def test_read_feed_rss_file(tmp_path):
    path = tmp_path / "desk.rss"
    path.write_text(RSS.format(encoding="utf-8"), encoding="utf-8")
    first, second, third = read_path(path)
    assert first.id == "desk-001"
    assert first.title == "Market raided near Ségou"
    assert first.url == "https://news.example/raid"
    assert first.text == "Gunmen raided a market near Ségou.\nLe Français l’a vu."
    # The day as the publisher wrote it; in UTC it would already be 16 March.
    assert first.published == date(2024, 3, 15)
    assert first.source == str(path)
    assert first.meta["feed_title"] == "Sahel desk"
    assert first.meta["tags"] == ["Mali"]
    assert second.id == "https://news.example/second"
    assert second.text == "Plain summary & nothing more."
    assert second.published is None
    assert third.id == "desk:3"


def test_read_feed_latin1_file_with_declaration(tmp_path):
    path = tmp_path / "latin.xml"
    path.write_bytes(RSS.format(encoding="ISO-8859-1").replace("’", "'").encode("latin-1"))
    first = next(iter(read_path(path)))
    assert first.title == "Market raided near Ségou"
    assert "Le Français" in first.text


def test_read_feed_utf16_file(tmp_path):
    path = tmp_path / "wide.rss"
    path.write_bytes(RSS.format(encoding="utf-16").encode("utf-16"))
    assert [article.id for article in read_path(path)] == [
        "desk-001",
        "https://news.example/second",
        "wide:3",
    ]


def test_read_feed_atom_file(tmp_path):
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = read_path(path)
    assert first.id == "urn:desk:entry-7"
    assert first.title == "Drone strike reported"
    assert first.url == "https://news.example/drone"
    assert first.text == "A drone struck a convoy.\nOfficials gave no toll."  # content over summary
    assert first.published == date(2024, 3, 16)
    assert second.text == "Words in a plain summary with a < sign."
    assert second.published == date(2024, 3, 14)  # published before updated


def test_read_feed_rdf_sniffed_from_xml(tmp_path):
    path = tmp_path / "old.xml"
    path.write_text(RDF)
    [article] = read_path(path)
    assert article.id == "https://news.example/rdf-1"
    assert article.text == "Villagers returned home."
    assert article.published == date(2023, 7, 1)


def test_read_feed_entry_without_text_is_an_error(tmp_path):
    path = tmp_path / "thin.rss"
    path.write_text(
        "<rss><channel><item><title>Only a title</title></item>"
        "<item><description>Has words.</description></item></channel></rss>"
    )
    error, article = read_path(path)
    assert isinstance(error, ReadError)
    assert str(error) == f"{path}:entry 1: no text"
    assert isinstance(article, Article)
    assert article.text == "Has words."


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut', 2),
        ("<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title><</feed>", 1),
    ],
)
def test_read_feed_malformed_is_one_error(tmp_path, content, line):
    path = tmp_path / "broken.rss"
    path.write_text(content)
    [error] = read_path(path)
    assert isinstance(error, ReadError)
    assert error.source == str(path)
    assert error.reason.startswith("malformed feed: ")
    assert error.reason.endswith(f" at line {line}")  # the file's own line numbers
    assert "\n" not in str(error)


def test_read_feed_well_formed_but_empty_gives_nothing(tmp_path):
    path = tmp_path / "quiet.rss"
    path.write_text("<rss version='2.0'><channel><title>Quiet day</title></channel></rss>")
    assert list(read_path(path)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RSS, True),
        (ATOM, True),
        (RDF, True),
        ("<!-- note -->\n<!DOCTYPE rss>\n<rss/>", True),
        ("<html><body>rss feed</body></html>", False),
        ("<?xml version='1.0'?><catalog><feed/></catalog>", False),
        ("plain text", False),
    ],
)
def test_read_feed_sniffing(text, expected):
    assert is_feed(text) is expected
