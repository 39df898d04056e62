"""Fetch GeoNames country dumps (CC.zip -> CC.txt) into the folder `geonames_dir` reads.

GeoNames publishes one zip per country on its export server; each holds CC.txt
in the tab-separated format the gazetteer's dump layer reads. The data is
licensed CC BY 4.0 (credit GeoNames). Only the standard library is used, and a
failure names the country and the reason in one line.
"""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterable
from pathlib import Path

GEONAMES_EXPORT = "https://download.geonames.org/export/dump/"
_TIMEOUT_SECONDS = 60
_CODE = re.compile(r"^[A-Z]{2}$")


class DownloadError(RuntimeError):
    """A dump could not be fetched or was not a GeoNames country zip."""


def _fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.read()
    except urllib.error.HTTPError as error:
        raise DownloadError(f"{url}: HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DownloadError(f"{url}: {reason}") from error


def _extract(code: str, payload: bytes, folder: Path) -> Path:
    """Write CC.txt from the zip; write to a temporary name first so a broken
    download never replaces a good dump."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            data = archive.read(f"{code}.txt")
    except (zipfile.BadZipFile, KeyError) as error:
        raise DownloadError(f"{code}.zip: not a GeoNames country dump ({error})") from error
    target = folder / f"{code}.txt"
    partial = folder / f".{code}.txt.part"
    partial.write_bytes(data)
    partial.replace(target)
    return target


def download(
    codes: Iterable[str], folder: str | Path, *, base_url: str = GEONAMES_EXPORT
) -> list[Path]:
    """Download each country's dump into `folder`; returns the CC.txt paths written."""
    destination = Path(folder)
    destination.mkdir(parents=True, exist_ok=True)
    written = []
    for raw in codes:
        code = raw.strip().upper()
        if not _CODE.match(code):
            raise DownloadError(f"{raw!r}: not a two-letter ISO country code")
        url = base_url.rstrip("/") + f"/{code}.zip"
        written.append(_extract(code, _fetch(url), destination))
    return written
