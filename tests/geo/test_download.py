"""`gazetteer download` against a local HTTP server serving a team-made dump."""

from __future__ import annotations

import functools
import http.server
import io
import threading
import zipfile

import pytest
from click.testing import CliRunner

from conflictwatch.cli import main
from conflictwatch.geo import Geocoder
from conflictwatch.geo.download import DownloadError, download

# One made-up row in the GeoNames dump format (19 tab-separated columns).
ROW = "\t".join(
    [
        "9900001", "Tessit Nord", "Tessit Nord", "", "15.9", "0.9", "P", "PPL", "ML", "",
        "07", "", "", "", "900", "", "300", "Africa/Bamako", "2024-01-01",
    ]
)  # fmt: skip


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture
def server(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ML.txt", ROW + "\n")
    (served / "ML.zip").write_bytes(buffer.getvalue())
    (served / "XX.zip").write_bytes(b"not a zip")
    handler = functools.partial(_QuietHandler, directory=str(served))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_download_writes_the_dump_the_geocoder_reads(server, tmp_path):
    folder = tmp_path / "geonames"
    written = download(["ml"], folder, base_url=server)
    assert written == [folder / "ML.txt"]
    geocoder = Geocoder(geonames_dir=folder, cache_dir=tmp_path / "cache")
    place = geocoder.resolve("Tessit Nord", countries=["ML"])
    assert place is not None and place.country_code == "ML"


def test_download_bad_zip_and_missing_country_are_clear_errors(server, tmp_path):
    with pytest.raises(DownloadError, match="XX.zip: not a GeoNames country dump"):
        download(["XX"], tmp_path, base_url=server)
    with pytest.raises(DownloadError, match="404"):
        download(["NE"], tmp_path, base_url=server)
    with pytest.raises(DownloadError, match="not a two-letter"):
        download(["Mali"], tmp_path, base_url=server)


def test_cli_gazetteer_download(server, tmp_path):
    result = CliRunner().invoke(
        main, ["gazetteer", "download", "ML", "--dir", str(tmp_path / "g"), "--url", server]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g" / "ML.txt").read_text().startswith("9900001")
    failed = CliRunner().invoke(
        main, ["gazetteer", "download", "NE", "--dir", str(tmp_path / "g"), "--url", server]
    )
    assert failed.exit_code != 0 and "NE.zip" in failed.output


def test_home_countries_setting_reaches_the_geocoder():
    from conflictwatch.config import load_settings

    geocoder = Geocoder.from_settings(load_settings({"home_countries": "ne, td"}))
    assert geocoder.home == frozenset({"NE", "TD"})
