"""Bytes to text, decided here rather than left to `open()`'s locale default.

Offsets into `Article.text` are evidence later, so the text must be decoded the
same way on every machine. Order: a BOM wins; NUL bytes mean UTF-16 without BOM
or binary; then strict UTF-8 (almost never wrong when it succeeds); then a
charset the document declares; then charset-normalizer's guess; then Latin-1,
which decodes anything.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

# charset-normalizer explains its guesses on the root logger's level; not our news.
logging.getLogger("charset_normalizer").setLevel(logging.ERROR)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),  # the "utf-16" codec reads and drops the BOM
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# C0/C1 control characters other than tab, newlines, vertical tab and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SAMPLE = 65_536


class BinaryInput(ValueError):
    """The bytes are not text in any encoding we try."""


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration names in the first bytes."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match[1] or match[2]).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:  # a typo in the page's markup is not our error
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE/BE when NULs sit on one side of mostly-ASCII code units."""
    sample = data[:_SAMPLE]
    half = max(len(sample) // 2, 1)
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.05:
        codec = "utf-16-le"  # "A" is 41 00: the NUL is the odd byte
    elif even > 0.3 and odd < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, preferring Windows-1252 on a tie.

    Short Western text decodes without "chaos" in several code pages and the
    guesser's first pick is often Central European (cp1250: "à" becomes "ŕ"). Our
    sources are mostly English and French, so among equally good guesses the one
    that can be cp1252 wins.
    """
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        tied = abs(match.chaos - best.chaos) < 0.01 and match.coherence >= best.coherence - 0.05
        if tied and "cp1252" in match.could_be_from_charset:
            return data.decode("cp1252")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > 0.05 * max(len(sample), 1)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of `data`; raises BinaryInput when it is not text at all."""
    text = _decode(data, declared)
    if _looks_binary(text):
        raise BinaryInput("binary file, not text")
    return text


def _decode(data: bytes, declared: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: let the guessers try
    if b"\x00" in data[:_SAMPLE]:
        text = _utf16_without_bom(data)
        if text is None:
            raise BinaryInput("binary file, not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for codec in (declared, declared_charset(data)):
        if codec:
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                pass
    guessed = _guess(data)
    return guessed if guessed is not None else data.decode("latin-1")
