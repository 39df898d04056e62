from dataclasses import replace

import pytest

from conflictwatch.model import Article


def test_add_article_round_trips(store, article):
    assert store.add_article(article) is True
    assert store.get_article("a1") == article
    assert store.count("articles") == 1


def test_article_without_optional_fields_round_trips(store):
    bare = Article(id="b", text="Two killed.")
    store.add_article(bare)
    assert store.get_article("b") == bare


def test_ingested_at_is_recorded(store, article):
    store.add_article(article)
    row = store.conn.execute("SELECT ingested_at FROM articles").fetchone()
    assert row["ingested_at"].startswith("2024-05-01T12:")


def test_readding_the_same_article_adds_nothing(store, article):
    store.add_article(article)
    assert store.add_article(replace(article)) is False
    assert store.count("articles") == 1


def test_same_content_under_another_id_is_a_duplicate(store, article):
    store.add_article(article)
    assert store.add_article(replace(article, id="copy", url="https://mirror.example")) is False
    assert store.get_article("copy") is None
    assert store.id_for_content(article.content_hash) == "a1"


def test_other_content_with_a_taken_id_gets_a_new_id(store, article):
    store.add_article(article)
    updated = replace(article, text=article.text + " Updated.")
    assert store.add_article(updated) is True
    new_id = f"a1~{updated.content_hash[:8]}"
    assert store.get_article("a1") == article  # the first one is not overwritten
    assert store.get_article(new_id) == replace(updated, id=new_id)
    assert store.id_for_content(updated.content_hash) == new_id


def test_same_text_other_date_is_other_content(store, article):
    store.add_article(article)
    later = replace(article, published=article.published.replace(day=2))
    assert store.add_article(later) is True
    assert store.count("articles") == 2


def test_has_content(store, article):
    assert not store.has_content(article.content_hash)
    store.add_article(article)
    assert store.has_content(article.content_hash)
    assert not store.has_content("0" * 40)


def test_articles_by_id(store):
    for name in ("c", "a", "b"):
        store.add_article(Article(id=name, text=f"text {name}"))
    assert [item.id for item in store.articles()] == ["a", "b", "c"]
    assert [item.id for item in store.articles(["c", "a", "zz"])] == ["a", "c"]
    assert store.articles([]) == []
    assert store.get_article("zz") is None


def test_many_ids_are_queried_in_chunks(store):
    for number in range(1200):
        store.add_article(Article(id=f"{number:04d}", text=f"text {number}"))
    found = store.articles(f"{number:04d}" for number in range(0, 1200, 2))
    assert len(found) == 600


@pytest.mark.parametrize("text", ["", "ünïcödé — «quotes»"])
def test_text_is_kept_verbatim(store, text):
    store.add_article(Article(id="u", text=text))
    assert store.get_article("u").text == text
