"""The readers stage: files, folders and URLs in, `Article`s and `ReadError`s out.

    from conflictwatch.read import read_paths
    for item in read_paths(["articles/", "https://example.org/feed.xml"]):
        ...  # an Article, or a ReadError to report (str(item) is one line)

Formats are chosen by suffix through `READERS` (one dict, one entry a format).
"""

from conflictwatch.read.dates import parse_published
from conflictwatch.read.decode import decode_bytes
from conflictwatch.read.sources import READERS, read_path, read_paths

__all__ = ["READERS", "decode_bytes", "parse_published", "read_path", "read_paths"]
