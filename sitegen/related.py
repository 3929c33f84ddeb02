""""Chuyên mục khác": the related articles shown under every article.  Self-contained.

Score of article b for article a:

    text_weight * cos(text a, text b) + tag_weight * cos(tags a, tags b) + category_weight * [same category]

- Text: syllable bigrams (Vietnamese words are space-separated syllables, so "Tu Mơ Rông" gives
  "tu mơ" and "mơ rông") from the title (counted 3x), the sapo (2x) and the start of the body, as
  TF-IDF vectors.  Each article keeps only its most distinctive bigrams, and bigrams that appear in
  almost every article ("của tỉnh") are dropped: they say nothing about relatedness and would make
  every pair of articles a candidate.
- Tags: rare tags count more than common ones (IDF weights), spelling variants share one key.
- Only pairs that share a bigram or a tag are scored, through one sparse matrix product per block
  of rows (scipy): no all-pairs loop in Python, so 100,000 articles stay fast.
- Ranking: score, then recency (newer first), then position — deterministic.  When fewer articles
  than asked are related, the block is filled with the newest articles of the same category (they
  rank like a same-category article with no shared words), then weakly related articles from other
  categories, then the newest articles overall.  An article never lists itself.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple, Sequence

import numpy as np
from scipy import sparse


class RelatedDoc(NamedTuple):
    """What the ranking needs to know of an article (all text NFC)."""

    title: str
    summary: str
    body: str
    tags: tuple[str, ...]
    """Tag keys, already folded for spelling variants."""
    category: str
    timestamp: float


@dataclass(frozen=True)
class Weights:
    """Tuned with bench/related_quality/ (25 series mixed into 2,000 unrelated articles, tagged
    inconsistently): tags count, but a shared generic tag ("Thiên tai") must not outweigh the words
    that name the event; the category only breaks near-ties."""

    text: float = 1.0
    tags: float = 0.2
    category: float = 0.05
    title_repeat: int = 3
    summary_repeat: int = 2
    body_syllables: int = 800
    """Only the start of the body counts: news puts the who/what/where first."""
    features_per_article: int = 80
    common_fraction: float = 0.02
    """A bigram or tag in more than this share of articles (and more than `common_floor`) is dropped."""
    common_floor: int = 40


_WORD = re.compile(r"\w+")
_BLOCK_ROWS = 1024


def _text_matrix(docs: Sequence[RelatedDoc], weights: Weights) -> sparse.csr_matrix:
    """Rows: articles; columns: syllable bigrams; L2-normalised TF-IDF of each article's top bigrams."""
    syllables: defaultdict[str, int] = defaultdict()
    syllables.default_factory = syllables.__len__  # a new syllable gets the next number
    number = syllables.__getitem__
    ids: list[int] = []
    segments: list[tuple[int, int, int]] = []  # (row, length, repeat) of each run of syllables
    body_chars = weights.body_syllables * 12
    for row, doc in enumerate(docs):
        for words, repeat in ((_WORD.findall(doc.title.lower()), weights.title_repeat),
                              (_WORD.findall(doc.summary.lower()), weights.summary_repeat),
                              (_WORD.findall(doc.body[:body_chars].lower())[: weights.body_syllables], 1)):
            if len(words) >= 2:
                ids.extend(map(number, words))
                segments.append((row, len(words), repeat))
    n = len(docs)
    if not segments:
        return sparse.csr_matrix((n, 0))
    syllable = np.array(ids, dtype=np.int64)
    row_of, length, repeat = (np.array(column, dtype=np.int64) for column in zip(*segments))
    pair_ok = np.ones(len(syllable) - 1, dtype=bool)
    pair_ok[np.cumsum(length)[:-1] - 1] = False  # no bigram across the end of a title, sapo or body
    codes = (syllable[:-1] * len(syllables) + syllable[1:])[pair_ok]
    rows = np.repeat(row_of, length)[:-1][pair_ok]
    counts = np.repeat(repeat, length)[:-1][pair_ok].astype(np.float64)
    columns, column_of = np.unique(codes, return_inverse=True)
    tf = sparse.csr_matrix((counts, (rows, column_of)), shape=(n, len(columns)))
    tf.sum_duplicates()
    return _tfidf(tf, weights, keep=weights.features_per_article)


def _tag_matrix(docs: Sequence[RelatedDoc], weights: Weights) -> sparse.csr_matrix:
    ids: dict[str, int] = {}
    rows, columns = [], []
    for row, doc in enumerate(docs):
        for tag in doc.tags:
            rows.append(row)
            columns.append(ids.setdefault(tag, len(ids)))
    tf = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(docs), len(ids)))
    tf.sum_duplicates()
    tf.data[:] = 1.0
    return _tfidf(tf, weights, keep=None)


def _tfidf(tf: sparse.csr_matrix, weights: Weights, keep: int | None) -> sparse.csr_matrix:
    """Sublinear TF-IDF, common and unique features dropped, optionally top-`keep` per row, L2 rows."""
    n = tf.shape[0]
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    common = max(weights.common_floor, weights.common_fraction * n)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    idf[(df < 2) | (df > common)] = 0.0  # a feature in one article relates nothing; in all, everything
    tf = tf.copy()
    tf.data = (1.0 + np.log(tf.data)) * idf[tf.indices]
    tf.eliminate_zeros()
    if keep is not None and tf.nnz:
        row_of = np.repeat(np.arange(n), np.diff(tf.indptr))
        order = np.lexsort((tf.indices, -tf.data, row_of))  # per row: heaviest first, ties by column
        rank = np.arange(tf.nnz) - tf.indptr[row_of[order]]
        chosen = np.sort(order[rank < keep])
        tf = sparse.csr_matrix((tf.data[chosen], tf.indices[chosen], np.concatenate(
            ([0], np.cumsum(np.bincount(row_of[chosen], minlength=n))))), shape=tf.shape)
    norms = np.sqrt(np.asarray(tf.multiply(tf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ tf)


def related_articles(docs: Sequence[RelatedDoc], count: int, weights: Weights = Weights()) -> list[tuple[int, ...]]:
    """For each doc, the indices of the `count` docs to show as related, best first."""
    n = len(docs)
    if n < 2 or count <= 0:
        return [() for _ in docs]
    count = min(count, n - 1)
    matrix = sparse.hstack([
        _text_matrix(docs, weights) * math.sqrt(weights.text),
        _tag_matrix(docs, weights) * math.sqrt(weights.tags),
    ]).tocsr()
    transposed = matrix.T.tocsr()

    category_ids: dict[str, int] = {}
    category = np.array([category_ids.setdefault(d.category, len(category_ids)) for d in docs])
    stamp = np.array([d.timestamp for d in docs])
    newest = np.lexsort((np.arange(n), -stamp))  # all docs, newest first
    newest_in_category = [newest[category[newest] == c] for c in range(len(category_ids))]

    result: list[tuple[int, ...]] = []
    for start in range(0, n, _BLOCK_ROWS):
        block = (matrix[start:start + _BLOCK_ROWS] @ transposed).tocsr()
        for offset in range(block.shape[0]):
            i = start + offset
            lo, hi = block.indptr[offset], block.indptr[offset + 1]
            cols, sims = block.indices[lo:hi], block.data[lo:hi]
            keep = cols != i
            cols, sims = cols[keep], sims[keep]
            same = category[cols] == category[i]
            scores = sims + weights.category * same
            strong = scores > weights.category
            if np.count_nonzero(strong) >= count:
                result.append(_best(cols[strong], scores[strong], stamp, count))
                continue
            order = np.lexsort((cols, -stamp[cols], -scores))
            cols, strong, same = cols[order], strong[order], same[order]
            chosen = list(cols[strong])
            _fill(chosen, newest_in_category[category[i]], i, count)
            _fill(chosen, cols[~strong & ~same], i, count)
            _fill(chosen, newest, i, count)
            result.append(tuple(int(c) for c in chosen))
    return result


def _best(cols: np.ndarray, scores: np.ndarray, stamp: np.ndarray, count: int) -> tuple[int, ...]:
    """The `count` best by score, then newer, then lower index; exact, without sorting every candidate."""
    if len(scores) > count:
        threshold = np.partition(scores, len(scores) - count)[len(scores) - count]
        tied_or_better = scores >= threshold  # keeps every tie at the boundary for the exact order below
        cols, scores = cols[tied_or_better], scores[tied_or_better]
    order = np.lexsort((cols, -stamp[cols], -scores))[:count]
    return tuple(int(c) for c in cols[order])


def _fill(chosen: list, candidates: np.ndarray, itself: int, count: int) -> None:
    if len(chosen) >= count:
        return
    taken = set(chosen)
    taken.add(itself)
    for c in candidates:
        if len(chosen) >= count:
            return
        if c not in taken:
            chosen.append(c)
            taken.add(c)
