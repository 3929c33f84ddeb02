""""Chuyên mục khác" where the mutation run (bench/mutation.py) found the ranking rules untested: the
bounds on common words and tags, ties beyond the count asked for, two-syllable titles, and how much
of a body counts."""

import numpy as np
import pytest
from scipy import sparse

from sitegen.related_matrix import _compact, _tfidf
from sitegen.related_features import Weights, text_features
from test_related import doc, related_articles


def tag_shared_by(sharing, total):
    """Doc 0 and `sharing - 1` others carry the tag "Thời tiết"; the rest, newer, carry nothing.  Doc 0
    is alone in its category, so with the tag dropped its block is the newest articles overall."""
    docs = [doc("Gốc", category="goc", tags=("thoi tiet",), body="", day=0)]
    docs += [doc(f"Tin {i}", category="khac", tags=("thoi tiet",), body="", day=1) for i in range(1, sharing)]
    docs += [doc(f"Tin {i}", category="khac", body="", day=2) for i in range(sharing, total)]
    return docs


@pytest.mark.parametrize("sharing, total, counts", [
    (40, 100, True), (41, 100, False),     # at most 40 articles, on a small site
    (49, 2500, True), (50, 2500, False),   # at most 2 % of a bigger one (of 2,496: related_matrix.articles_counted)
    (200, 12000, True), (201, 12000, False),  # never more than 200
])
def test_a_tag_on_too_many_articles_relates_nothing(sharing, total, counts):
    docs = tag_shared_by(sharing, total)
    chosen = related_articles(docs, 3)[0]
    tagged = set(range(1, sharing))
    # With the tag counted, the three are among its other articles; without it, the newest overall.
    assert set(chosen) <= tagged if counts else not set(chosen) & tagged


def test_more_tied_articles_than_asked_gives_exactly_the_newest_of_them():
    # The six are centuries older than the article: nearness in time no longer tells them apart.
    docs = [doc("Gốc", tags=("x",), body="", day=100_000)] + [doc(f"Bài {d}", tags=("x",), body="", day=d)
                                                              for d in (1, 9, 3, 7, 8, 2)]
    assert related_articles(docs, 3)[0] == (2, 5, 4)


def test_a_two_syllable_title_relates_articles_by_its_words():
    docs = [doc("Cà phê", category="a", body="", day=1),
            doc("Cà phê", category="b", body="", day=2),
            doc("Hồ tiêu", category="a", body="", day=3),
            doc("Cao su", category="c", body="", day=4)]
    assert related_articles(docs, 1)[0] == (1,)


def test_only_the_first_800_syllables_of_a_body_count():
    start = " ".join(f"mở{i}" for i in range(798))
    docs = [doc("Gốc", category="a", body=f"{start} cầu treo dân", day=1),  # "treo" is syllable 800
            doc("Trong 800", category="b", body="cầu treo", day=2),
            doc("Sau 800", category="b", body="treo dân", day=3),
            doc("Mới cùng mục", category="a", body="", day=4)]
    assert related_articles(docs, 1)[0] == (1,)
    assert related_articles(docs, 3)[0] == (1, 3, 2)  # "treo dân" relates nothing: filled after
    # The first 9,600 characters are read (800 syllables of 12): an article of long words loses the rest.
    long_words = " ".join("x" * 30 for _ in range(320)) + " cầu treo"
    docs[0] = doc("Gốc", category="a", body=long_words, day=1)
    assert related_articles(docs, 1)[0] == (3,)


@pytest.mark.parametrize("distinct, length", [(1000, 5000), (400_001, 400_001), (3, 4_000_003)])
def test_compact_gives_what_np_unique_gives(distinct, length):
    rng = np.random.default_rng(7)
    values = rng.choice(np.arange(1, 1 << 62, (1 << 62) // (distinct + 1), dtype=np.uint64)[:distinct], length)
    values[:distinct] = np.arange(1, 1 << 62, (1 << 62) // (distinct + 1), dtype=np.uint64)[:distinct]
    columns, positions = _compact(values)
    expected_columns, expected_positions = np.unique(values, return_inverse=True)
    assert np.array_equal(columns, expected_columns)
    assert positions.dtype == np.int32 and np.array_equal(positions, expected_positions)


def test_an_article_keeps_its_80_heaviest_word_pairs_the_earliest_on_a_tie():
    # Doc 0's body has 100 word pairs, each shared with one other article and so all of one weight:
    # it keeps 80 of them, those earliest in code order, and only those articles find doc 0 related.
    words = [f"âm{i}" for i in range(101)]
    docs = [doc("Gốc", category="goc", body=" ".join(words), day=0)]
    docs += [doc("Tin", category="khac", body=f"{words[i]} {words[i + 1]}", day=1 + i) for i in range(100)]
    features = docs[0][0]
    pair_codes = [text_features("", "", f"{words[i]} {words[i + 1]}").codes[0] for i in range(100)]
    kept = {1 + i for i in np.argsort(pair_codes, kind="stable")[:80]}
    result = related_articles(docs, 1)
    assert len(features.codes) == 100
    assert {j for j in range(1, 101) if result[j] == (0,)} == kept


def test_fewer_matches_than_asked_come_best_first_then_newer_first():
    docs = [doc("Gốc", category="a", tags=("x",), body="", day=5),
            doc("Cũ", category="b", tags=("x",), body="", day=1),
            doc("Mới", category="b", tags=("x",), body="", day=3),
            doc("Khác", category="c", body="", day=9)]
    assert related_articles(docs, 3)[0] == (2, 1, 3)


def test_tf_idf_is_sublinear_and_smoothed_as_documented():
    # weight = (1 + ln tf) * (ln((n + 1) / (df + 1)) + 1), rows L2-normalised.
    dense = np.array([[3.0, 1.0, 1.0], [1.0, 0.0, 2.0], [0.0, 1.0, 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0],
                      [0.0, 0.0, 0.0]])
    got = _tfidf(sparse.csr_matrix(dense), Weights(), keep=None).toarray()
    df = np.count_nonzero(dense, axis=0)  # 2, 3 and 4 articles
    n = len(dense)
    weight = np.where(dense > 0, (1 + np.log(np.where(dense > 0, dense, 1))) * (np.log((n + 1) / (df + 1)) + 1), 0)
    norms = np.linalg.norm(weight, axis=1)
    norms[norms == 0] = 1
    assert np.allclose(got, weight / norms[:, None], atol=1e-6)


def test_word_pairs_that_differ_only_in_their_last_bits_stay_apart():
    # "phố0 ngõ5718" and "phố0 ngõ10004" have codes that differ in their lowest bits only: as
    # float64 they would be one number, and the two articles would seem to share a word pair.
    docs = [doc("phố0 ngõ5718", category="a", body="", day=1),
            doc("phố0 ngõ10004", category="b", body="", day=2),
            doc("Mới cùng mục", category="a", body="", day=3)]
    assert related_articles(docs, 1)[0] == (2,)


def test_a_shared_proper_name_counts_more_than_a_shared_word_pair():
    # "Mường Lộc" is a name (feature of its own, counted twice) as well as a word pair; "cầu treo"
    # is a word pair only.  The article sharing the name wins, though the other is nearer in time.
    docs = [doc("Một", body="ông Mường Lộc và cầu treo", day=10),
            doc("Hai", body="Mường Lộc", day=1),
            doc("Ba", body="cầu treo", day=11)]
    assert related_articles(docs, 1)[0] == (1,)
