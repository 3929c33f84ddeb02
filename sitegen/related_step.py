"""The related step of a build: "Chuyên mục khác" for every published article, ranked again only
where an edit reaches.

The ranking (related.py) is kept in the cache with what it was made of (`Relatedness`: every
article's feature counts, each column's document frequency, the matrix) and its result (every
article's picks, with the score of its last pick).  A build compares each article's features (by
digest), tags, category and date with those kept.  When some articles changed and none was added
or removed:

1. their rows of counts are replaced, and each column's document frequency follows; a column whose
   IDF changed with it changes every row holding it;
2. the matrix rows made again are those of the changed articles and of the articles holding such a
   column: a row is a function of its own counts and the IDF alone (`related.weighted`);
3. the rows ranked again are those rows, the articles whose picks include one of them, and the
   articles for which one of them now scores at least their floor (the score of their last pick;
   -inf for a box filled up with the newest articles, which any change among its candidates, or
   any date or category, may change);
4. every other article keeps its picks: none of its candidates' scores moved.

An article's picks hang on its own row of the matrix and its candidates' rows alone (`rank_rows`),
and a row made again is the row made among all, so the result is the one a build with an empty
cache gives (tests/test_related_step.py compares them after random edits).  An article added or
removed moves every IDF (the article count is in it): then the ranking is made whole again, as it
is when the rows to rank again are a third of the archive or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np
from scipy import sparse

from .cache import BuildCache
from .digests import digest
from .related import Relatedness, combined, idf_of, matrix_of, rank_all, rank_rows, ranking_from, tag_counts, weighted
from .related_features import RelatedDoc, Weights, related_docs, stock_mask
from .workers import Workers

if TYPE_CHECKING:
    from .library import Library
    from .site import Site

STATE = "related-state"


@dataclass(frozen=True)
class RelatedState:
    """The ranking of the previous build, with what it was made from."""

    sources: tuple[str, ...]
    feature_keys: tuple[bytes, ...]
    docs: tuple[RelatedDoc, ...]
    made: Relatedness
    picks: list[tuple[int, ...]]
    floors: np.ndarray


def related_for(site: Site, library: Library, cache: BuildCache | None = None, jobs: "int | Workers" = 1,
                weights: Weights = Weights()) -> list[tuple[int, ...]]:
    """"Chuyên mục khác" for every published article (indices into site.articles), ranked again
    only where the articles changed since the ranking the cache holds (`weights`: other than the
    tuned ones only in bench/related_quality/)."""
    docs = tuple(related_docs(site))
    count = site.config.related_count
    if len(docs) < 2 or count <= 0:
        return [() for _ in docs]
    sources = tuple(a.source for a in site.articles)
    keys = tuple(library.feature_keys[s] for s in sources)
    cache = cache or BuildCache(None)
    settings = digest(repr((count, weights)))
    kept: RelatedState | None = cache.value(STATE, settings)
    if kept is not None and kept.sources == sources and kept.feature_keys == keys and kept.docs == docs:
        return kept.picks
    state = _updated(kept, keys, docs, library, count, weights) if kept is not None and kept.sources == sources else None
    if state is None:
        made = matrix_of(docs, library.features(list(sources)), weights)
        picks, floors = rank_all(ranking_from(made.matrix, docs, count, weights), jobs)
        state = RelatedState(sources, keys, docs, made, picks, floors)
    cache.store_value(STATE, settings, state)
    return state.picks


def _updated(kept: RelatedState, keys: tuple[bytes, ...], docs: tuple[RelatedDoc, ...], library: Library,
             count: int, weights: Weights) -> RelatedState | None:
    """The kept ranking brought up to date with the articles that changed (same articles, same
    order); None when so much changed that ranking all again is cheaper."""
    n = len(docs)
    changed = np.array([i for i in range(n) if keys[i] != kept.feature_keys[i] or docs[i] != kept.docs[i]], np.int64)
    reread = [int(i) for i in changed if keys[i] != kept.feature_keys[i]]
    texts = library.features([kept.sources[i] for i in reread])
    made = _with_columns(kept.made, np.setdiff1d(texts.codes, kept.made.codes),
                         sorted({t for i in changed for t in docs[i].tags} - set(kept.made.tag_keys)))
    codes, tag_ids = made.codes, {key: j for j, key in enumerate(made.tag_keys)}

    # 1. The changed articles' columns, and the document frequencies that follow.
    held = sparse.csr_matrix((np.ones(len(texts.codes), np.uint8), np.searchsorted(codes, texts.codes), texts.offsets),
                             shape=(len(reread), len(codes)))
    text_df = made.text_df.copy()
    np.subtract.at(text_df, np.concatenate([made.text_tf.indices[made.text_tf.indptr[i]:made.text_tf.indptr[i + 1]]
                                            for i in reread] or [np.empty(0, np.int64)]), 1)
    np.add.at(text_df, held.indices, 1)
    text_tf = _with_rows(made.text_tf, np.array(reread, np.int64), held) if reread else made.text_tf
    old_tags = tag_counts([kept.docs[i] for i in changed], tag_ids)
    new_tags = tag_counts([docs[i] for i in changed], tag_ids)
    tag_df = made.tag_df - np.bincount(old_tags.indices, minlength=len(tag_ids)) \
        + np.bincount(new_tags.indices, minlength=len(tag_ids))

    # 2. The rows to make again: the changed articles' and those holding a column whose IDF moved.
    stock = stock_mask(codes)
    text_idf = idf_of(text_df, n, weights, np.float32, stock)
    moved = np.flatnonzero(idf_of(made.text_df, n, weights, np.float32, stock) != text_idf)
    tag_idf = idf_of(tag_df, n, weights, np.float64)
    moved_tags = np.flatnonzero(idf_of(made.tag_df, n, weights, np.float64) != tag_idf)
    all_tags = tag_counts(docs, tag_ids) if len(moved_tags) else None
    remade = np.union1d(changed, np.concatenate((
        _rows_holding(text_tf, moved),
        _rows_holding(all_tags, moved_tags) if all_tags is not None else np.empty(0, np.int64))))
    if len(remade) * 3 > n:
        return None
    features = library.features([kept.sources[i] for i in remade])
    counts = sparse.csr_matrix((features.counts, np.searchsorted(codes, features.codes), features.offsets),
                               shape=(len(remade), len(codes)))
    rows = combined(weighted(counts, text_idf, weights.features_per_article),
                    weighted(tag_counts([docs[i] for i in remade], tag_ids), tag_idf, None), weights)
    matrix = _with_rows(made.matrix, remade, rows)

    # 3. The articles to rank again.
    ranking = ranking_from(matrix, docs, count, weights)
    floors = kept.floors
    scores = (matrix[remade] @ ranking.transposed).tocoo()
    mate, candidate = remade[scores.row], scores.col
    score = scores.data
    if weights.recent:
        days_apart = np.abs(ranking.stamp[candidate] - ranking.stamp[mate]) / 86400
        score = score * (1 + weights.recent * np.exp(-days_apart / weights.recent_days))
    score = score + weights.category * (ranking.category[candidate] == ranking.category[mate])
    margin = 1e-9 * (1 + np.abs(floors[candidate]))
    reached = candidate[(candidate != mate) & (score >= floors[candidate] - margin)]
    width = max(len(p) for p in kept.picks)
    table = np.full((n, width), -1, np.int64)
    for i, picks in enumerate(kept.picks):
        table[i, :len(picks)] = picks
    listing = np.flatnonzero(np.isin(table, remade).any(axis=1))
    moved_in_time = any((docs[i].category, docs[i].timestamp) != (kept.docs[i].category, kept.docs[i].timestamp)
                        for i in changed)
    filled = np.flatnonzero(np.isinf(floors)) if moved_in_time else np.empty(0, np.int64)
    again = np.union1d(np.union1d(remade, reached), np.union1d(listing, filled))
    if len(again) * 3 > n:
        return None
    picks, floors = list(kept.picks), floors.copy()
    for i, (row_picks, floor) in zip(again.tolist(), rank_rows(ranking, again)):
        picks[i], floors[i] = row_picks, floor
    return RelatedState(kept.sources, keys, docs, Relatedness(codes, text_df, text_tf, made.tag_keys, tag_df, matrix),
                        picks, floors)


def _with_columns(made: Relatedness, codes: np.ndarray, tags: Sequence[str]) -> Relatedness:
    """`made` with columns for feature codes and tag keys it had none for (sorted in among the
    others, so that every row keeps its order of columns)."""
    if not len(codes) and not tags:
        return made
    all_codes = np.union1d(made.codes, codes)
    moved = np.searchsorted(all_codes, made.codes)
    all_tags = sorted([*made.tag_keys, *tags])
    place = {key: j for j, key in enumerate(all_tags)}
    moved_tags = np.array([place[key] for key in made.tag_keys], np.int64)
    text_df = np.zeros(len(all_codes), made.text_df.dtype)
    text_df[moved] = made.text_df
    tag_df = np.zeros(len(all_tags), made.tag_df.dtype)
    tag_df[moved_tags] = made.tag_df
    text_tf = sparse.csr_matrix((made.text_tf.data, moved[made.text_tf.indices], made.text_tf.indptr),
                                shape=(made.text_tf.shape[0], len(all_codes)))
    width = len(made.codes)
    columns = made.matrix.indices
    tag_part = columns >= width
    new_columns = np.empty_like(columns, dtype=np.result_type(columns, np.int32))
    new_columns[~tag_part] = moved[columns[~tag_part]]
    new_columns[tag_part] = len(all_codes) + moved_tags[columns[tag_part] - width]
    matrix = sparse.csr_matrix((made.matrix.data, new_columns, made.matrix.indptr),
                               shape=(made.matrix.shape[0], len(all_codes) + len(all_tags)))
    return Relatedness(all_codes, text_df, text_tf, all_tags, tag_df, matrix)


def _with_rows(matrix: sparse.csr_matrix, rows: np.ndarray, replacement: sparse.csr_matrix) -> sparse.csr_matrix:
    """`matrix` with its `rows` (sorted) replaced by the rows of `replacement`, in that order: the
    stretches between them copied whole (an edit replaces a few rows of 100,000)."""
    indptr, new_indptr = matrix.indptr, replacement.indptr
    index_parts, data_parts, start = [], [], 0
    for k, row in enumerate(rows.tolist()):
        index_parts += [matrix.indices[start:indptr[row]], replacement.indices[new_indptr[k]:new_indptr[k + 1]]]
        data_parts += [matrix.data[start:indptr[row]], replacement.data[new_indptr[k]:new_indptr[k + 1]]]
        start = indptr[row + 1]
    index_parts.append(matrix.indices[start:])
    data_parts.append(matrix.data[start:])
    lengths = np.diff(indptr)
    lengths[rows] = np.diff(new_indptr)
    dtype = np.result_type(matrix.indices, replacement.indices)
    return sparse.csr_matrix((np.concatenate(data_parts).astype(np.result_type(matrix.data, replacement.data), copy=False),
                              np.concatenate(index_parts).astype(dtype, copy=False),
                              np.concatenate(([0], np.cumsum(lengths))).astype(dtype, copy=False)), shape=matrix.shape)


def _rows_holding(counts: sparse.csr_matrix, columns: np.ndarray) -> np.ndarray:
    """The rows of `counts` with an entry in any of `columns`."""
    if not len(columns):
        return np.empty(0, np.int64)
    row_of = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    return np.unique(row_of[np.isin(counts.indices, columns)])
