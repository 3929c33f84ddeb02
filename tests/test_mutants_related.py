""""Chuyên mục khác" where the mutation run (bench/mutation.py) found the ranking rules untested: the
bounds on common words and tags, ties beyond the count asked for, two-syllable titles, and how much
of a body counts."""

import numpy as np
import pytest

from sitegen.related import _compact
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
    (50, 2500, True), (51, 2500, False),   # at most 2 % of a bigger one
    (200, 12000, True), (201, 12000, False),  # never more than 200
])
def test_a_tag_on_too_many_articles_relates_nothing(sharing, total, counts):
    docs = tag_shared_by(sharing, total)
    chosen = related_articles(docs, 3)[0]
    tagged = set(range(1, sharing))
    # With the tag counted, the three are among its other articles; without it, the newest overall.
    assert set(chosen) <= tagged if counts else not set(chosen) & tagged


def test_more_tied_articles_than_asked_gives_exactly_the_newest_of_them():
    docs = [doc("Gốc", tags=("x",), body="", day=5)] + [doc(f"Bài {d}", tags=("x",), body="", day=d)
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
