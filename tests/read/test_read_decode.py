import codecs

import pytest

from conflictwatch.read.decode import BinaryInput, decode_bytes

# Our own sentence, with the accents and the curly apostrophe that break naive decoding.
SENTENCE = (
    "Des habitants de Ménaka et de Ségou disent qu’ils ont fui à pied; "
    "le journal en Français l’a confirmé."
)
WESTERN = "Des habitants de Ménaka et de Ségou ont fui à pied. Le journal en Français a confirmé."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SENTENCE.encode("utf-8"), SENTENCE),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), SENTENCE),
        (SENTENCE.encode("utf-16"), SENTENCE),  # with the platform's BOM
        (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), SENTENCE),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), SENTENCE),
        (SENTENCE.encode("utf-16-le"), SENTENCE),  # no BOM: found by its NULs
        (SENTENCE.encode("utf-16-be"), SENTENCE),
        (WESTERN.encode("latin-1"), WESTERN),
        (SENTENCE.encode("cp1252"), SENTENCE),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "latin1",
        "cp1252",
    ],  # fmt: skip
)
def test_read_decode_encodings(data, expected):
    text = decode_bytes(data)
    assert text == expected
    assert "\ufeff" not in text


def test_read_decode_declared_charset_used_when_utf8_fails():
    page = '<meta charset="iso-8859-1"><p>Ségou</p>'.encode("latin-1")
    assert "Ségou" in decode_bytes(page)
    assert "Ségou" in decode_bytes("<p>Ségou</p>".encode("latin-1"), "iso-8859-1")


def test_read_decode_utf8_wins_over_a_wrong_declaration():
    page = '<meta charset="iso-8859-1"><p>Ségou</p>'.encode()
    assert "Ségou" in decode_bytes(page)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 8,
        b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 50,
    ],
    ids=["png", "all-bytes", "controls"],
)
def test_read_decode_binary_is_refused(data):
    with pytest.raises(BinaryInput, match="binary file, not text"):
        decode_bytes(data)
