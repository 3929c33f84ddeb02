""""Chuyên mục khác": the related articles shown under every article.  The ranking is
self-contained (numpy and scipy only) and reads each article's features (related_features.py);
the build's step around it, which ranks again only what an edit reaches, is related_step.py.  The
explanation `sitegen related` prints is in related_reasons.py, read from the same matrix
(`ranking_of`).

Score of article b for article a:

    (text_weight * cos(text a, text b) + tag_weight * cos(tags a, tags b)) * (1 + recent * e^(-days apart / recent_days))
    + category_weight * [same category]

  and the first part times `name_conflict` when both articles name people, places or bodies and
  share none of those names (those of the title and sapo, where an article has any: `names_held`).

- Text: syllable bigrams (Vietnamese words are space-separated syllables, so "Tu Mơ Rông" gives
  "tu mơ" and "mơ rông") from the title (counted 3x), the sapo (2x) and the start of the body, and
  the proper names and acronyms among them (`names_in`: "Mường Lộc", "XVII"), as TF-IDF vectors.
  Each article keeps only its most distinctive features.  The newsroom's stock phrases weigh
  little: those of every provincial paper (newsroom_words.STOCK_PHRASES, for a site too young to learn them) and
  the site's own, learnt from its archive (IDF; a bigram in almost every article, "của tỉnh", is
  dropped: it says nothing about relatedness and would make every pair of articles a candidate).
- Tags: rare tags count more than common ones (IDF weights), spelling variants share one key.
- Time: a story runs over days to weeks; the same commune years later is usually another story.
- Names: "Huyện Xuân Sơn: Nông sản vùng cao khó tìm đầu ra" and the same headline about Huyện Tây Châu
  share nearly every bigram and are two stories; two articles that each name someone or somewhere
  (a name in two articles or more, in few enough to say something: one with IDF) and share no such
  name are taken for two matters worded alike.  The names of an article's title and sapo are what
  it is about: where it has any, the other article must name one of them somewhere, or name at its
  own head something this one names (a name the two bodies share in passing, another district of
  the province, does not count); and there a district's name counts even when too common in the
  archive to be a feature (`Weights.names_fraction`).
- Only pairs that share a feature or a tag are scored, through one sparse matrix product per block
  of rows (scipy): no all-pairs loop in Python, so 100,000 articles stay fast.
- Ranking: score, then recency (newer first), then position — deterministic.  When fewer articles
  than asked are related, the block is filled with the newest articles of the same category (they
  rank like a same-category article with no shared words), then weakly related articles from other
  categories, then the newest articles overall.  An article never lists itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple, Sequence

import numpy as np
from scipy import sparse

from .related_features import (HEADLINE_MARK, HEADLINE_NAME, NAME, NAME_MARK, STOCK, FeatureTable, RelatedDoc, Weights,
                               column_kinds)
from .workers import Workers, workers_for

_BLOCK_ROWS = 1024


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


def related_articles(docs: Sequence[RelatedDoc], texts: FeatureTable, count: int, weights: Weights = Weights(),
                     jobs: "int | Workers" = 1) -> list[tuple[int, ...]]:
    """For each doc, the indices of the `count` docs to show as related, best first (`texts` holds
    the docs' text features, in the same order).  With `jobs` > 1, blocks of rows are ranked in
    worker processes (same result, less time); `jobs` may also be the Workers to rank on."""
    if len(docs) < 2 or count <= 0:
        return [() for _ in docs]
    made = matrix_of(docs, texts, weights)
    return rank_all(ranking_from(made.matrix, docs, count, weights, names_of(made, len(docs), weights)), jobs).lists()


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


class Picks(NamedTuple):
    """The picks of ranked rows, with what tells which later edits can change them (related_step.py)."""

    rows: np.ndarray
    """Row r: the picks of the r-th row ranked, best first (`Ranking.count` of them)."""
    scores: np.ndarray
    """Their scores; NaN where the box was filled (fewer strong candidates than picks)."""

    def lists(self) -> list[tuple[int, ...]]:
        return [tuple(row) for row in self.rows.tolist()]


def rank_all(ranking: "Ranking", jobs: "int | Workers" = 1) -> Picks:
    """The picks of every row (`rank_rows`)."""
    n = len(ranking.stamp)
    with workers_for(jobs).over(ranking, n >= 4 * _BLOCK_ROWS, batch=1) as mapped:  # a block is a batch
        blocks = list(mapped(_rank_block, range(0, n, _BLOCK_ROWS)))
    return Picks(*(np.concatenate(part) for part in zip(*blocks)))


@dataclass(frozen=True)
class Ranking:
    """What ranking one article's candidates needs, made once for all (and sent to the workers): the
    matrix of text and tag columns and its transpose, each article's category and date, and the
    newest-first orders the fill takes from."""

    matrix: sparse.csr_matrix
    transposed: sparse.csr_matrix
    category: np.ndarray
    stamp: np.ndarray
    newest: np.ndarray
    newest_in_category: list
    count: int
    weights: Weights
    names: sparse.csr_matrix
    """`names_held`: the names each article holds (no columns: no names, as in some tests)."""
    named: np.ndarray
    """Which articles hold a name at all (in their headline, or one with an IDF)."""
    partners: sparse.csr_matrix
    """`names` with its first two parts swapped: an article's headline names meet the other's names,
    and its names the other's headline names (`names_held`)."""

    def share_a_name(self, i: "int | np.ndarray", cols: np.ndarray) -> np.ndarray:
        """For each of `cols`, whether it shares a name with article i, as `names_held` says (`i` may
        be an array beside `cols`: pairs, as rank_rows asks a block's at once)."""
        i = np.broadcast_to(i, np.shape(cols))
        return np.asarray(self.names[i].multiply(self.partners[cols]).sum(axis=1)).ravel() > 0


class Columns(NamedTuple):
    """What the matrix's columns stand for: text feature codes, then tag keys."""

    codes: np.ndarray
    tags: list[str]


def ranking_of(docs: Sequence[RelatedDoc], texts: FeatureTable, count: int, weights: Weights) -> tuple[Ranking, Columns]:
    made = matrix_of(docs, texts, weights)
    return ranking_from(made.matrix, docs, count, weights, names_of(made, len(docs), weights)), \
        Columns(made.codes, made.tag_keys)


def ranking_from(matrix: sparse.csr_matrix, docs: Sequence[RelatedDoc], count: int, weights: Weights,
                 names: sparse.csr_matrix | None = None) -> Ranking:
    category_ids: dict[str, int] = {}
    category = np.array([category_ids.setdefault(d.category, len(category_ids)) for d in docs])
    stamp = np.array([d.timestamp for d in docs])
    newest = np.lexsort((np.arange(len(docs)), -stamp))  # all docs, newest first
    newest_in_category = [newest[category[newest] == c] for c in range(len(category_ids))]
    names = names if names is not None else sparse.csr_matrix((len(docs), 0), dtype=np.float32)
    width = names.shape[1] // 3
    heads, held, headless = names[:, :width], names[:, width:2 * width], names[:, 2 * width:]
    partners = sparse.hstack([held, heads, headless], format="csr") if width else names
    named = (np.diff(heads.indptr) > 0) | (np.diff(headless.indptr) > 0)
    return Ranking(matrix, matrix.T.tocsr(), category, stamp, newest, newest_in_category,
                   min(count, len(docs) - 1), weights, names, named, partners)


def candidate_scores(r: Ranking, i: "int | np.ndarray", cols: np.ndarray, sims: np.ndarray,
                     conflict: "np.ndarray | bool | None" = None) -> tuple[np.ndarray, np.ndarray]:
    """The scores of candidates `cols` for article i from their similarities, and which of them are
    in i's category: counted less where the two name different people and places (`conflict`, when
    known already; False: nowhere), nearer in time counts more (a story runs over days to weeks),
    then the bonus of the same category.  `i` may be an array beside `cols`: pairs of articles
    (related_step.py)."""
    w = r.weights
    same = r.category[cols] == r.category[i]
    if w.name_conflict != 1 and conflict is not False:
        if conflict is None:
            conflict = r.named[cols] & r.named[i]
            if conflict.any():
                conflict[conflict] = ~r.share_a_name(np.broadcast_to(i, cols.shape)[conflict], cols[conflict])
        sims = np.where(conflict, sims * w.name_conflict, sims)
    if w.recent:
        days_apart = np.abs(r.stamp[cols] - r.stamp[i]) / 86400
        sims = sims * (1 + w.recent * np.exp(-days_apart / w.recent_days))
    return sims + w.category * same, same


def _rank_block(r: Ranking, start: int) -> Picks:
    """The picks of rows start .. start + _BLOCK_ROWS."""
    return rank_rows(r, np.arange(start, min(start + _BLOCK_ROWS, len(r.stamp))))


def rank_rows(r: Ranking, rows: np.ndarray) -> Picks:
    """The picks of `rows`.  A row's picks hang on its own row of the matrix and its candidates'
    alone, whichever rows are ranked with it."""
    count, bonus = r.count, r.weights.category
    block = (r.matrix[rows] @ r.transposed).tocsr()
    compare = r.weights.name_conflict != 1
    picked = np.empty((len(rows), count), np.int64)
    picked_scores = np.full((len(rows), count), np.nan)
    # Rows whose names are compared with their candidates': (offset, row, candidates, their
    # similarities, which are strong (None: all, and enough), which are asked).
    pending = []
    for offset, i in enumerate(rows.tolist()):
        lo, hi = block.indptr[offset], block.indptr[offset + 1]
        cols, sims = block.indices[lo:hi], block.data[lo:hi]
        keep = cols != i
        cols, sims = cols[keep], sims[keep]
        named = compare and bool(r.named[i])
        # Strong: more than the category bonus, before time counts: nearness in time ranks the
        # related, it does not make a weak match (one tag in five) related.
        same = r.category[cols] == r.category[i]
        strong = sims + bonus * same > bonus
        if np.count_nonzero(strong) >= count:  # then only the strong are scored
            cols, sims = cols[strong], sims[strong]
            if not named:
                scores, _ = candidate_scores(r, i, cols, sims, False)
                picked[offset], picked_scores[offset] = _best(cols, scores, r.stamp, count)
                continue
            near = _may_be_picked(r, i, cols, sims, count)
            pending.append((offset, i, cols[near], sims[near], None, None))
        else:
            # All the strong are shown; after the same category's newest, the best of the others.
            asked = strong.copy() if named else np.zeros(len(cols), bool)
            if named:
                others = np.flatnonzero(~strong & ~same)
                asked[others[_may_be_picked(r, i, cols[others], sims[others], count)]] = True
            pending.append((offset, i, cols, sims, strong, asked))
    # Whether the names differ is asked of the pairs that can make the picks alone (a candidate
    # counted less scores at least its share of its whole score), all the block's at once.
    pairs = [np.flatnonzero(asked) if asked is not None else np.arange(len(cols))
             for _, _, cols, _, _, asked in pending]
    mates = np.concatenate([np.full(len(at), i) for (_, i, *_), at in zip(pending, pairs)] or [np.empty(0, np.int64)])
    candidates = np.concatenate([cols[at] for (_, _, cols, *_), at in zip(pending, pairs)] or [np.empty(0, np.int64)])
    conflict = r.named[candidates]
    conflict[conflict] = ~r.share_a_name(mates[conflict], candidates[conflict])
    start = 0
    for (offset, i, cols, sims, strong, _), at in zip(pending, pairs):
        differ = np.zeros(len(cols), bool)
        differ[at] = conflict[start:start + len(at)]
        start += len(at)
        scores, same = candidate_scores(r, i, cols, sims, differ)
        if strong is None:
            picked[offset], picked_scores[offset] = _best(cols, scores, r.stamp, count)
            continue
        order = np.lexsort((cols, -r.stamp[cols], -scores))
        cols, strong, same = cols[order], strong[order], same[order]
        chosen = list(cols[strong])
        _fill(chosen, r.newest_in_category[r.category[i]], i, count)
        _fill(chosen, cols[~strong & ~same], i, count)
        _fill(chosen, r.newest, i, count)
        picked[offset] = chosen
    return Picks(picked, picked_scores)


def _may_be_picked(r: Ranking, i: int, cols: np.ndarray, sims: np.ndarray, count: int) -> np.ndarray:
    """Which of `cols` may be among the `count` best for article i once the names are compared: each
    pick scores at least the count-th best of the scores all counted less (of which their scores
    uncounted times the share are a bound below, the bonus being counted less too; with a margin for
    rounding): who scores less even uncounted is no pick."""
    if len(cols) <= count:
        return np.ones(len(cols), bool)
    scores, _ = candidate_scores(r, i, cols, sims, False)  # as if no names differed: the most each can score
    least = scores * r.weights.name_conflict
    floor = np.partition(least, len(least) - count)[len(least) - count]
    return scores >= floor - 1e-6 * (1 + abs(floor))


def _best(cols: np.ndarray, scores: np.ndarray, stamp: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The `count` best by score, then newer, then lower index, and their scores; exact, without
    sorting every candidate."""
    if len(scores) > count:
        threshold = np.partition(scores, len(scores) - count)[len(scores) - count]
        tied_or_better = scores >= threshold  # keeps every tie at the boundary for the exact order below
        cols, scores = cols[tied_or_better], scores[tied_or_better]
    order = np.lexsort((cols, -stamp[cols], -scores))[:count]
    return cols[order], scores[order]


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
