from conflictwatch.extract.sentences import paragraph_starts, split_sentences


def test_sentences_split_and_offsets():
    text = (
        "Lt. Col. Diallo said the U.N. team left. Gunmen attacked Djibo on Tuesday."
        "\n\nKidal is calm."
    )
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Lt. Col. Diallo said the U.N. team left.",
        "Gunmen attacked Djibo on Tuesday.",
        "Kidal is calm.",
    ]


def test_sentences_heading_line_is_its_own_sentence():
    text = "Strategic Importance of Kidal\n\nKidal is a key city."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Strategic Importance of Kidal",
        "Kidal is a key city.",
    ]


def test_sentences_paragraph_starts():
    text = "One.\n\nTwo.\n\n\nThree."
    starts = paragraph_starts(text)
    assert [text[s : s + 3] for s in starts] == ["One", "Two", "Thr"]
