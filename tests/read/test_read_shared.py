"""The project's shared inputs, read as the CLI will read them (skipped when absent)."""

from datetime import date
from pathlib import Path

import pytest

from conflictwatch.model import Article
from conflictwatch.read import read_path

SHARED = Path(__file__).parents[2] / "../shared"
SEEDS = SHARED / "seeds"
VOA = SHARED / "data/voa/voa_stories.jsonl"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not available")
def test_read_shared_seeds():
    articles = list(read_path(SEEDS))
    assert all(isinstance(article, Article) for article in articles), articles
    by_prefix = {article.id[:3]: article for article in articles}
    assert sorted(by_prefix) == ["000", "001", "002"]
    assert [article.id for article in articles] == sorted(path.stem for path in SEEDS.glob("*.txt"))
    assert by_prefix["000"].published == date(2024, 3, 29)
    assert by_prefix["001"].published is None
    assert by_prefix["002"].published == date(2024, 3, 28)
    for article in articles:
        assert article.text[:1].isalpha(), article.text[:20]
        assert not article.text.startswith("date")
    # The header is gone and nothing else changed: the text is the file's tail.
    raw = (SEEDS / f"{by_prefix['000'].id}.txt").read_text(encoding="utf-8")
    assert raw.endswith(by_prefix["000"].text)
    assert len(raw) - len(by_prefix["000"].text) == len(" date 2024-03-29 ")


@pytest.mark.skipif(not VOA.is_file(), reason="shared VOA stories not available")
def test_read_shared_voa():
    articles = list(read_path(VOA))
    assert len(articles) == 89
    assert all(isinstance(article, Article) for article in articles)
    assert len({article.id for article in articles}) == 89
    assert all(article.id.isdigit() for article in articles)  # VOA's own ids, not defaults
    assert all(article.title and article.text for article in articles)
    assert all(article.url.startswith("https://www.voanews.com/") for article in articles)
    dates = sorted(article.published for article in articles)
    assert dates[0] == date(2019, 11, 25)
    assert dates[-1] == date(2025, 3, 14)
    assert {"section", "author", "keywords"} <= set(articles[0].meta)
