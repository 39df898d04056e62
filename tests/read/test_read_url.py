"""URLs served by a local http.server on 127.0.0.1 in a thread; no internet needed."""

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conflictwatch.model import Article, ReadError
from conflictwatch.read import read_path, read_paths, sources

PAGE = (
    "<html><head><title>Curfew extended in Gao</title>"
    '<meta property="article:published_time" content="2024-02-20T08:00:00Z"></head>'
    "<body><article><h1>Curfew extended in Gao</h1>"
    "<p>The authorities in Gao extended a night curfew by two weeks on Tuesday after a series "
    "of attacks on the roads leading into the town, a statement from the governor said.</p>"
    "<p>Shops must close at eight in the evening and motorbikes are banned after dark, the "
    "statement added, while patrols on the main market road will be reinforced.</p>"
    "</article></body></html>"
)
FEED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk</title>'
    "<item><guid isPermaLink='false'>u-1</guid><link>/stories/1</link>"
    "<title>Bridge reopened</title><pubDate>Mon, 04 Mar 2024 07:00:00 GMT</pubDate>"
    "<description>The bridge at Ségou reopened to traffic.</description></item>"
    "</channel></rss>"
)
ROUTES = {
    "/story": ("text/html; charset=utf-8", PAGE.encode()),
    "/latin": ("text/html; charset=iso-8859-1", PAGE.replace("Gao", "Ségou").encode("latin-1")),
    "/feed": ("application/rss+xml", FEED.encode()),
    "/feed-as-html": ("text/html", FEED.encode()),
    "/plain.txt": ("text/plain; charset=utf-8", b" date 2024-03-01 A plain story."),
    "/rows.csv": ("application/octet-stream", b"id,text\nr1,From a CSV URL.\n"),
    "/empty": ("text/html", b""),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(1.0)  # longer than the timeout the test sets
        if self.path not in ROUTES:
            self.send_error(404, "Not Found")
            return
        content_type, body = ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def server():
    """Base URL of a server that lives for one test and is always shut down."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.timeout = 5
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True  # never keeps the test run alive
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_read_url_html_page(server):
    [article] = read_path(f"{server}/story")
    assert isinstance(article, Article)
    assert article.id == f"{server}/story"
    assert article.url == f"{server}/story"
    assert article.source == f"{server}/story"
    assert article.title == "Curfew extended in Gao"
    assert article.published == date(2024, 2, 20)
    assert "night curfew by two weeks" in article.text


def test_read_url_charset_from_header(server):
    [article] = read_path(f"{server}/latin")
    assert "Ségou" in article.text


@pytest.mark.parametrize("route", ["/feed", "/feed-as-html"])
def test_read_url_feed(server, route):
    [article] = read_path(server + route)
    assert article.id == "u-1"
    assert article.text == "The bridge at Ségou reopened to traffic."
    assert article.published == date(2024, 3, 4)
    assert article.url == f"{server}/stories/1"  # relative links resolved against the feed


def test_read_url_text_and_csv(server):
    text, row = read_paths([f"{server}/plain.txt", f"{server}/rows.csv"])
    assert (text.text, text.published) == ("A plain story.", date(2024, 3, 1))
    assert (row.id, row.text) == ("r1", "From a CSV URL.")


def test_read_url_failures_are_errors_not_crashes(server, monkeypatch):
    monkeypatch.setattr(sources, "FETCH_TIMEOUT", 0.3)
    with socket_closed_port() as dead:
        urls = [f"{server}/missing", f"{server}/slow", f"{server}/empty", dead, f"{server}/story"]
        start = time.monotonic()
        items = list(read_paths(urls))
    assert time.monotonic() - start < 5
    errors = {item.source: item.reason for item in items if isinstance(item, ReadError)}
    assert errors[f"{server}/missing"] == "HTTP 404 Not Found"
    assert "timed out" in errors[f"{server}/slow"]
    assert errors[f"{server}/empty"] == "empty file"
    assert errors[dead].startswith("cannot fetch:")
    assert isinstance(items[-1], Article)


def test_read_url_too_large(server):
    [error] = read_path(f"{server}/story", max_chars=50)
    assert error.reason == "too large: more than 200 bytes, limit 50 characters"


class socket_closed_port:
    """A URL on a local port nobody listens on (bound, then released)."""

    def __enter__(self):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        return f"http://127.0.0.1:{port}/nothing"

    def __exit__(self, *exc):
        return False
