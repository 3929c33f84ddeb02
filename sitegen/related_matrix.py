"""The matrix "Chuyên mục khác" ranks from (related.py): one row per article, its text columns
(syllable bigrams and names, TF-IDF, each article keeping its most distinctive) beside its tag
columns (IDF-weighted), and the names each article holds (`names_held`), which the ranking's name
conflict reads.  The document frequencies are quantised (`articles_counted`, `holders_counted`) so
that an edit moves the weights of few columns and related_step.py can make again only the rows it
touches.
"""

from __future__ import annotations

import math
from typing import NamedTuple, Sequence

import numpy as np
from scipy import sparse

from .related_features import (HEADLINE_MARK, HEADLINE_NAME, NAME, NAME_MARK, STOCK, FeatureTable, RelatedDoc, Weights,
                               column_kinds)


def text_counts(texts: FeatureTable) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Rows: articles; columns: bigrams and names (their codes, sorted, returned beside); each
    article's weighted counts, before IDF."""
    n = len(texts.offsets) - 1
    if not len(texts.codes):
        return sparse.csr_matrix((n, 0), dtype=np.float32), np.empty(0, np.uint64)
    columns, column_of = _compact(texts.codes)
    return sparse.csr_matrix((texts.counts, column_of, texts.offsets), shape=(n, len(columns))), columns


def _compact(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct codes (sorted) and each code's position among them (int32), as np.unique gives.

    Sorting values and binary-searching each article's (sorted) codes is four times faster than
    np.unique(return_inverse=True) while the distinct codes fit in the CPU caches, and slower beyond:
    the cheaper way is taken by size.  Positions are found chunk by chunk, so that no temporary array
    as long as all codes is made but the sorted copy."""
    ordered = np.sort(codes)
    distinct = np.empty(len(ordered), dtype=bool)
    distinct[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=distinct[1:])
    columns = ordered[distinct]
    del ordered, distinct
    if len(columns) > 400_000:
        return columns, np.unique(codes, return_inverse=True)[1].astype(np.int32)
    positions = np.empty(len(codes), dtype=np.int32)
    for start in range(0, len(codes), 4_000_000):
        positions[start:start + 4_000_000] = np.searchsorted(columns, codes[start:start + 4_000_000])
    return columns, positions


def tag_counts(docs: Sequence[RelatedDoc], ids: dict[str, int]) -> sparse.csr_matrix:
    """Rows: `docs`; columns: tag keys (`ids`); 1 where the doc has the tag."""
    rows, columns = [], []
    for row, doc in enumerate(docs):
        for tag in doc.tags:
            rows.append(row)
            columns.append(ids[tag])
    tf = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(docs), len(ids)))
    tf.sum_duplicates()
    tf.data[:] = 1.0
    return tf


def _tfidf(tf: sparse.csr_matrix, weights: Weights, keep: int | None, kinds: np.ndarray | None = None) -> sparse.csr_matrix:
    """Sublinear TF-IDF, common and unique features dropped, the stock phrases among the columns
    (`kinds`: related_features.column_kinds) damped, optionally top-`keep` per row, L2 rows."""
    return weighted(tf, idf_of(np.bincount(tf.indices, minlength=tf.shape[1]), tf.shape[0], weights, tf.dtype, kinds), keep)


def articles_counted(n: int) -> int:
    """The archive's size as the IDF counts it: `n` rounded down to a step of 1/64 to 1/32 of it
    (exact below 64; 9,984 for 10,000 articles, and the same up to 10,239).  Counted exactly, every
    article published would move every IDF, so every row of the matrix: rounded, publishing or
    removing an article leaves all but the columns of its own words as they were (related_step.py
    ranks again only what it reaches), until the count steps, every 1.6 to 3.1 % of growth, when all
    is ranked again.  The IDF moves by at most log(1 + 1/32) = 0.03 for it, the same for every column."""
    step = 1 << max(0, n.bit_length() - 6)
    return n - n % step


def holders_counted(df: np.ndarray) -> np.ndarray:
    """Each column's document frequency as the IDF counts it: exact up to 15, then rounded down to
    a step of 1/16 to 1/8 of it (16, 18, .. 30, 32, 36, .., 192, 208, ..).  Counted exactly, an
    edit that adds a common bigram to a title ("tỉnh ủy", in 150 articles) moves that column's IDF,
    and all 150 rows with it; rounded, one holder more or less moves it once in 8 to 16 edits.
    The IDF moves by at most log(1 + 1/8) = 0.12 for it, on columns of 16 holders or more, which
    name no one story anyway (a name or a place is in a handful)."""
    bits = np.frexp(np.maximum(df, 1).astype(np.float64))[1]  # df's bit length
    step = np.left_shift(1, np.maximum(bits - 4, 0)).astype(df.dtype)
    return df - df % step


NAME_ONLY = -1.0
"""The IDF of a column that is no feature but a name the ranking compares (`names_held`): a name of a
title or sapo (related_features.HEADLINE_MARK), or a name too common to be a feature but not to tell
one district's matter from another's (`Weights.names_fraction`).  `weighted` counts it as 0."""


def idf_of(df: np.ndarray, n: int, weights: Weights, dtype, kinds: np.ndarray | None = None) -> np.ndarray:
    """Each column's IDF from its document frequency among `n` articles, both as the IDF counts them
    (`articles_counted`, `holders_counted`); 0 where the column relates nothing, by its exact count.
    `kinds` (related_features.column_kinds, for text columns): stock phrases damped, and NAME_ONLY
    for the names compared but not features, by their exact count too."""
    n = articles_counted(n)
    common = min(max(weights.common_floor, weights.common_fraction * n), weights.common_ceiling)
    idf = (np.log((n + 1) / (holders_counted(df) + 1)) + 1.0).astype(dtype)
    idf[(df < 2) | (df > common)] = 0.0  # a feature in one article relates nothing; in all, everything
    if kinds is not None:
        idf[kinds == STOCK] *= weights.stock
        bound = max(common, min(weights.names_fraction * n, weights.names_ceiling))
        idf[(kinds == NAME) & (df > common) & (df <= bound)] = NAME_ONLY
        head = kinds == HEADLINE_NAME  # one article's headline may name what others' bodies name
        idf[head] = np.where((df[head] >= 1) & (df[head] <= bound), NAME_ONLY, 0.0)
    return idf


def weighted(tf: sparse.csr_matrix, idf: np.ndarray, keep: int | None) -> sparse.csr_matrix:
    """The rows of `tf` weighted by `idf`, top-`keep` per row, L2-normalised: each row from its own
    counts and the IDF alone, so that a row made again alone is the row made among all (the
    NAME_ONLY columns left out)."""
    n = tf.shape[0]
    tf = tf.copy()
    tf.data = (1 + np.log(tf.data)) * np.maximum(idf[tf.indices], 0)
    tf.eliminate_zeros()
    if keep is not None and tf.nnz:
        tf.sort_indices()
        chosen = np.concatenate([_heaviest(tf.data, tf.indptr[r], tf.indptr[r + 1], keep) for r in range(n)])
        row_of = np.repeat(np.arange(n), np.diff(tf.indptr))
        tf = sparse.csr_matrix((tf.data[chosen], tf.indices[chosen], np.concatenate(
            ([0], np.cumsum(np.bincount(row_of[chosen], minlength=n))))), shape=tf.shape)
    norms = np.sqrt(np.asarray(tf.multiply(tf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ tf)


def _heaviest(data: np.ndarray, lo: int, hi: int, keep: int) -> np.ndarray:
    """Positions of the `keep` largest values in data[lo:hi]; on a tie, the earlier (lower column)."""
    if hi - lo <= keep:
        return np.arange(lo, hi)
    row = data[lo:hi]
    threshold = np.partition(row, hi - lo - keep)[hi - lo - keep]
    above = np.flatnonzero(row > threshold)
    tied = np.flatnonzero(row == threshold)[: keep - len(above)]
    return lo + np.sort(np.concatenate((above, tied)))


class Relatedness(NamedTuple):
    """The ranking's matrix with what it was made of, kept between builds so that an edit makes
    again only the rows it touches (related_step.py)."""

    codes: np.ndarray
    """The text columns: feature codes, sorted (a column may stand for a code no article has any more)."""
    text_df: np.ndarray
    """Articles holding each text column, among all its features (not only the kept ones)."""
    text_tf: sparse.csr_matrix
    """Which text columns each article holds, among all its features (1s: the counts stay with the
    articles in the cache)."""
    tag_keys: list[str]
    """The tag columns, after the text ones: tag keys, sorted."""
    tag_df: np.ndarray
    matrix: sparse.csr_matrix


def matrix_of(docs: Sequence[RelatedDoc], texts: FeatureTable, weights: Weights) -> Relatedness:
    text_tf, codes = text_counts(texts)
    text_df = np.bincount(text_tf.indices, minlength=len(codes))
    text = weighted(text_tf, idf_of(text_df, len(docs), weights, text_tf.dtype, column_kinds(codes)),
                    weights.features_per_article)
    # Tag columns in sorted order, not in order of first use: a column's place then does not hang on
    # which article uses it first, and an edit moves no other article's columns (related_step.py).
    tag_keys = sorted({tag for doc in docs for tag in doc.tags})
    tag_tf = tag_counts(docs, {key: i for i, key in enumerate(tag_keys)})
    tag_df = np.bincount(tag_tf.indices, minlength=len(tag_keys))
    tags = weighted(tag_tf, idf_of(tag_df, len(docs), weights, tag_tf.dtype), None)
    held = sparse.csr_matrix((np.ones(text_tf.nnz, np.uint8), text_tf.indices, text_tf.indptr), shape=text_tf.shape)
    return Relatedness(codes, text_df, held, tag_keys, tag_df, combined(text, tags, weights))


def names_of(made: Relatedness, n: int, weights: Weights) -> sparse.csr_matrix:
    """`names_held` of a ranking's matrix as made (n articles)."""
    return names_held(made.text_tf, made.codes, idf_of(made.text_df, n, weights, np.float32, column_kinds(made.codes)))


def names_held(text_tf: sparse.csr_matrix, codes: np.ndarray, idf: np.ndarray) -> sparse.csr_matrix:
    """The names each article holds (among all its features, not only the kept ones), in three parts
    of the text columns' width side by side, for `ranking_from`:

    - its headline's: the names of its title and sapo (related_features.headline_names), each in the
      column of the name;
    - all its names with an IDF (held by two articles or more, and not by too many) or NAME_ONLY
      (more, but not so many as to tell nothing: `Weights.names_fraction`);
    - where its headline names no one: its names with an IDF (and nothing where it does).

    Two articles share a name when one's headline names are among the other's names (either way), or
    when neither's headline names anyone and they share a name with an IDF.  Like a row of the matrix,
    a row here hangs on its own features and the IDF alone (related_step.py)."""
    width = len(codes)
    is_name = (codes & NAME_MARK) == NAME_MARK
    features = _entries(text_tf, is_name & (idf > 0))
    names = _entries(text_tf, is_name & (idf != 0))
    # A headline's name, in the column of the name (which the same article holds: its title or sapo).
    plain = (codes & np.uint64(0xFFFF_FFFF)) | NAME_MARK
    at = np.minimum(np.searchsorted(codes, plain), max(width - 1, 0))
    column = np.full(width, -1, np.int64)
    if width:
        headline = ((codes & NAME_MARK) == HEADLINE_MARK) & (idf != 0) & (codes[at] == plain) & (idf[at] != 0)
        column[headline] = at[headline]
    kept = np.flatnonzero(column[text_tf.indices] >= 0)
    heads = sparse.csr_matrix((np.ones(len(kept), np.float32), column[text_tf.indices[kept]],
                               np.searchsorted(kept, text_tf.indptr)), shape=text_tf.shape)
    heads.sort_indices()  # the names' columns come in the order of their headline columns
    headless = sparse.diags((np.diff(heads.indptr) == 0).astype(np.float32)) @ features
    return sparse.hstack([heads, names, headless], format="csr", dtype=np.float32)


def _entries(text_tf: sparse.csr_matrix, wanted: np.ndarray) -> sparse.csr_matrix:
    """1 in the `wanted` columns each row holds."""
    kept = np.flatnonzero(wanted[text_tf.indices])  # few of the entries: names are rare among features
    starts = np.searchsorted(kept, text_tf.indptr)  # each row's first kept entry (entries kept before it)
    return sparse.csr_matrix((np.ones(len(kept), np.float32), text_tf.indices[kept], starts), shape=text_tf.shape)


def combined(text: sparse.csr_matrix, tags: sparse.csr_matrix, weights: Weights) -> sparse.csr_matrix:
    """The ranking's rows: text columns, then tag columns, each part scaled by its weight."""
    return sparse.hstack([text * math.sqrt(weights.text), tags * math.sqrt(weights.tags)]).tocsr()
