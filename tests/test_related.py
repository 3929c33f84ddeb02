""""Chuyên mục khác": the rules of the ranking, on the module itself and through a real build."""

import numpy as np

from sitegen.related import FeatureTable, RelatedDoc, related_articles as rank, text_features

from conftest import article

FILLER = "Người dân trong tỉnh tiếp tục lao động sản xuất, ổn định đời sống"


def doc(title, category="a", tags=(), body=FILLER, summary="", day=1):
    return text_features(title, summary, body), RelatedDoc(tuple(tags), category, float(day * 86400))


def feature_table(features):
    """The table the read stage makes from the cache, made from features in memory."""
    offsets = np.concatenate(([0], np.cumsum([len(f.codes) for f in features], dtype=np.int64)))
    if not features:
        return FeatureTable(np.empty(0, np.uint64), np.empty(0, np.float32), offsets)
    return FeatureTable(np.concatenate([f.codes for f in features]).astype(np.uint64, copy=False),
                        np.concatenate([f.counts for f in features]).astype(np.float32, copy=False), offsets)


def related_articles(docs, count):
    return rank([d for _, d in docs], feature_table([t for t, _ in docs]), count)


def test_never_itself_and_exactly_count_when_enough_articles():
    docs = [doc(f"Tin {i}", day=i) for i in range(10)]
    result = related_articles(docs, 6)
    for i, chosen in enumerate(result):
        assert len(chosen) == 6 and i not in chosen and len(set(chosen)) == 6


def test_small_sites_show_what_exists():
    assert related_articles([doc("Một")], 6) == [()]
    assert related_articles([doc("Một"), doc("Hai")], 6) == [(1,), (0,)]
    assert related_articles([doc("Một"), doc("Hai")], 0) == [(), ()]


def test_shared_words_of_an_event_beat_unrelated_news():
    docs = [
        doc("Khai mạc Đại hội Đảng bộ huyện Tu Mơ Rông lần thứ VIII", day=10),
        doc("Bế mạc Đại hội Đảng bộ huyện Tu Mơ Rông, bầu Ban Chấp hành mới", day=11),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", day=20 + i) for i in range(8)],
    ]
    assert related_articles(docs, 3)[0][0] == 1


def test_rare_tags_count_more_than_common_ones():
    common = "Nông nghiệp"
    docs = [doc("Bài gốc", tags=(common, "cầu treo ia h'drai"), day=1)]
    docs.append(doc("Chung thẻ hiếm", tags=("cầu treo ia h'drai",), day=2))
    docs += [doc(f"Chung thẻ phổ biến {i}", tags=(common,), day=3 + i) for i in range(6)]
    assert related_articles(docs, 1)[0] == (1,)


def test_same_category_is_preferred_when_relatedness_is_equal():
    docs = [
        doc("Bài gốc", category="kinh-te", tags=("cà phê",), day=1),
        doc("Khác chuyên mục", category="xa-hoi", tags=("cà phê",), day=5),
        doc("Cùng chuyên mục", category="kinh-te", tags=("cà phê",), day=2),
    ]
    assert related_articles(docs, 2)[0] == (2, 1)


def test_ties_go_to_the_newer_article_and_results_are_deterministic():
    docs = [doc("Gốc", tags=("x",), day=5)] + [doc(f"Bài {d}", tags=("x",), day=d) for d in (1, 9, 3, 7)]
    first = related_articles(docs, 4)
    assert first[0] == (2, 4, 3, 1)
    assert related_articles(list(docs), 4) == first


def test_unrelated_articles_are_filled_from_the_same_category_newest_first():
    docs = [
        doc("Gốc", category="a", body="", day=1),
        doc("Cũ cùng mục", category="a", body="", day=2),
        doc("Mới cùng mục", category="a", body="", day=9),
        doc("Mới nhất mục khác", category="b", body="", day=10),
    ]
    assert related_articles(docs, 3)[0] == (2, 1, 3)


def test_built_pages_link_related_articles_but_never_unpublished_ones(make_site):
    series = "Cầu treo dân sinh Ia H'Drai"
    site = make_site({
        "content/a.md": article(title=f"Khởi công {series}", date="2024-01-01", tags='["cầu treo"]'),
        "content/b.md": article(title=f"Hoàn thành {series}", date="2024-03-01", tags='["cầu treo"]'),
        "content/c.md": article(title=f"Nghiệm thu {series}", date="2024-04-01", draft="true", tags='["cầu treo"]'),
        "content/d.md": article(title=f"Khánh thành {series}", date="2027-01-01", tags='["cầu treo"]'),
        "content/e.md": article(title="Giải bóng đá thiếu niên", date="2024-02-01", category="Kinh tế"),
    }, related_count=3)
    built = site.build()
    page = built.html("thoi-su/khoi-cong-cau-treo-dan-sinh-ia-hdrai-202401010000/")
    links = [a.get_text() for a in page.select("aside.related .teaser-title a")]
    assert links[0] == f"Hoàn thành {series}"
    assert f"Nghiệm thu {series}" not in links and f"Khánh thành {series}" not in links
    assert f"Khởi công {series}" not in links
    assert len(links) == 2
