"""The related step of a build: "Chuyên mục khác" for every published article, ranked again only
where an edit reaches.

The ranking (related.py) is kept in the cache with what it was made of (`Relatedness`: which
feature columns each article holds, each column's document frequency, the matrix) and its result
(`Picks`: every article's picks with their scores).  A build compares each article's features (by
digest), tags, category and date with those kept; an article published since is taken as one that
was there with no words and no tags, an article gone as one that lost them all.  Then:

1. the changed articles' rows of counts are replaced, and each column's document frequency follows;
   a column whose IDF changed with it changes every row holding it;
2. the matrix rows made again are those of the changed articles and of the articles holding such a
   column: a row is a function of its own counts and the IDF alone (`related_matrix.weighted`), and so are
   the names it holds (`related_matrix.names_held`);
3. the rows ranked again are those rows, and the articles for which the scores of those rows, as
   candidates, may change the picks (`_kept_where_they_hold`): one of them now scores at least the
   last pick; one of them is a pick and has left its place among the picks' scores, or is the last
   pick and scores less than before; a pick is gone; the box was filled up with the newest articles
   (fewer strong candidates than picks) and one of them is a candidate, or an article was published
   or a date or category changed;
4. every other article keeps its picks, with the new scores of those among them made again.

An article's picks hang on its own row of the matrix and its candidates' rows alone (`rank_rows`),
and a row made again is the row made among all, so the result is the one a build with an empty
cache gives (tests/test_related_step.py compares them after random edits, additions and removals).
The IDF counts the archive in steps (`related_matrix.articles_counted`), so that publishing an article
does not move every IDF; when the count steps, every 1.6 to 3.1 % of growth, the ranking is made
whole again, as it is when the rows to rank again are a third of the archive or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Sequence

import numpy as np
from scipy import sparse

from .cache import BuildCache
from .digests import digest
from .related import Picks, Ranking, candidate_scores, rank_all, rank_rows, ranking_from
from .related_matrix import (Relatedness, articles_counted, combined, idf_of, matrix_of, names_held, names_of, tag_counts,
                             weighted)
from .related_features import RelatedDoc, Weights, column_kinds, related_docs
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
    picks: Picks


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
    kept: RelatedState | None = cache.large_value(STATE, settings)
    if kept is not None and kept.sources == sources and kept.feature_keys == keys and kept.docs == docs:
        return kept.picks.lists()
    state = _updated(kept, sources, keys, docs, library, count, weights) if kept is not None else None
    if state is None:
        made = matrix_of(docs, library.features(list(sources)), weights)
        ranking = ranking_from(made.matrix, docs, count, weights, names_of(made, len(docs), weights))
        state = RelatedState(sources, keys, docs, made, rank_all(ranking, jobs))
    cache.store_large_value(STATE, settings, state)
    return state.picks.lists()


NO_TEXT = RelatedDoc((), "", 0.0)
"""What an article published since the kept ranking was, to the step: no tags, no words."""
GONE = -2
"""In the table of kept picks: a pick that is no longer published."""


class _Rebased(NamedTuple):
    """The kept ranking's rows in the order of this build's articles (an article published since
    has empty rows), with the rows of the articles gone set apart."""

    keys: list[bytes | None]
    docs: list[RelatedDoc]
    text_tf: sparse.csr_matrix
    matrix: sparse.csr_matrix
    picks: Picks
    """Row i: the kept picks of article i, as rows of this build (GONE where a pick is gone)."""
    gone_tf: sparse.csr_matrix
    gone_docs: list[RelatedDoc]


def _rebased(kept: RelatedState, sources: tuple[str, ...]) -> _Rebased:
    old_row = {source: i for i, source in enumerate(kept.sources)}
    place = np.array([old_row.get(source, -1) for source in sources], np.int64)
    added = np.flatnonzero(place < 0)
    present = np.flatnonzero(place >= 0)
    gone = np.setdiff1d(np.arange(len(kept.sources)), place[present])
    row_now = np.full(len(kept.sources), GONE, np.int64)
    row_now[place[present]] = present
    at = np.maximum(place, 0)
    picks = Picks(row_now[kept.picks.rows][at], kept.picks.scores[at])
    same_rows = len(place) == len(kept.sources) and bool((place == np.arange(len(place))).all())
    text_tf, matrix = (kept.made.text_tf, kept.made.matrix) if same_rows else \
        (_taken(kept.made.text_tf, at, added), _taken(kept.made.matrix, at, added))
    return _Rebased([kept.feature_keys[p] if p >= 0 else None for p in place.tolist()],
                    [kept.docs[p] if p >= 0 else NO_TEXT for p in place.tolist()],
                    text_tf, matrix, picks, kept.made.text_tf[gone], [kept.docs[g] for g in gone.tolist()])


def _taken(matrix: sparse.csr_matrix, rows: np.ndarray, empty: np.ndarray) -> sparse.csr_matrix:
    """The `rows` of `matrix`, in that order, with the rows at `empty` emptied."""
    taken = matrix[rows]
    return _with_rows(taken, empty, sparse.csr_matrix((len(empty), matrix.shape[1]), dtype=matrix.dtype)) if len(empty) else taken


def _updated(kept: RelatedState, sources: tuple[str, ...], keys: tuple[bytes, ...], docs: tuple[RelatedDoc, ...],
             library: Library, count: int, weights: Weights) -> RelatedState | None:
    """The kept ranking brought up to date with the articles that changed, were published or are
    gone; None when the IDF's count of articles stepped, or so much changed that ranking all again
    is cheaper."""
    n = len(docs)
    if articles_counted(n) != articles_counted(len(kept.sources)) or min(count, n - 1) != min(count, len(kept.sources) - 1):
        return None
    old = _rebased(kept, sources)
    changed = np.array([i for i in range(n) if keys[i] != old.keys[i] or docs[i] != old.docs[i]], np.int64)
    reread = [int(i) for i in changed if keys[i] != old.keys[i]]
    texts = library.features([sources[i] for i in reread])
    made = _with_columns(kept.made._replace(text_tf=old.text_tf, matrix=old.matrix), np.setdiff1d(texts.codes, kept.made.codes),
                         sorted({t for i in changed for t in docs[i].tags} - set(kept.made.tag_keys)))
    codes, tag_ids = made.codes, {key: j for j, key in enumerate(made.tag_keys)}
    gone_tf = sparse.csr_matrix((old.gone_tf.data, np.searchsorted(codes, kept.made.codes)[old.gone_tf.indices],
                                 old.gone_tf.indptr), shape=(old.gone_tf.shape[0], len(codes)))

    # 1. The changed articles' columns, and the document frequencies that follow.
    held = sparse.csr_matrix((np.ones(len(texts.codes), np.uint8), np.searchsorted(codes, texts.codes), texts.offsets),
                             shape=(len(reread), len(codes)))
    text_df = made.text_df.copy()
    np.subtract.at(text_df, np.concatenate([made.text_tf.indices[made.text_tf.indptr[i]:made.text_tf.indptr[i + 1]]
                                            for i in reread] + [gone_tf.indices]), 1)
    np.add.at(text_df, held.indices, 1)
    text_tf = _with_rows(made.text_tf, np.array(reread, np.int64), held) if reread else made.text_tf
    old_tags = tag_counts([old.docs[i] for i in changed] + old.gone_docs, tag_ids)
    new_tags = tag_counts([docs[i] for i in changed], tag_ids)
    tag_df = made.tag_df - np.bincount(old_tags.indices, minlength=len(tag_ids)) \
        + np.bincount(new_tags.indices, minlength=len(tag_ids))

    # 2. The rows to make again: the changed articles' and those holding a column whose IDF moved.
    kinds = column_kinds(codes)
    text_idf = idf_of(text_df, n, weights, np.float32, kinds)
    moved = np.flatnonzero(idf_of(made.text_df, n, weights, np.float32, kinds) != text_idf)
    tag_idf = idf_of(tag_df, n, weights, np.float64)
    moved_tags = np.flatnonzero(idf_of(made.tag_df, n, weights, np.float64) != tag_idf)
    all_tags = tag_counts(docs, tag_ids) if len(moved_tags) else None
    remade = np.union1d(changed, np.concatenate((
        _rows_holding(text_tf, moved),
        _rows_holding(all_tags, moved_tags) if all_tags is not None else np.empty(0, np.int64))))
    if len(remade) * 3 > n:
        return None
    features = library.features([sources[i] for i in remade])
    counts = sparse.csr_matrix((features.counts, np.searchsorted(codes, features.codes), features.offsets),
                               shape=(len(remade), len(codes)))
    rows = combined(weighted(counts, text_idf, weights.features_per_article),
                    weighted(tag_counts([docs[i] for i in remade], tag_ids), tag_idf, None), weights)
    matrix = _with_rows(made.matrix, remade, rows)

    # 3. The articles to rank again.  (A row's names, like its row of the matrix, move only with its
    # own features or a column's IDF: the rows whose names moved are among those made again.)
    ranking = ranking_from(matrix, docs, count, weights, names_held(text_tf, codes, text_idf))
    published_or_moved = any((docs[i].category, docs[i].timestamp) != (old.docs[i].category, old.docs[i].timestamp)
                             for i in changed)
    picks, again = _kept_where_they_hold(ranking, remade, old.picks, published_or_moved)
    if len(again) * 3 > n:
        return None
    if len(again):
        for kept_part, fresh_part in zip(picks, rank_rows(ranking, again)):
            kept_part[again] = fresh_part
    return RelatedState(sources, keys, docs, Relatedness(codes, text_df, text_tf, made.tag_keys, tag_df, matrix), picks)


def _kept_where_they_hold(ranking: Ranking, remade: np.ndarray, kept: Picks, published_or_moved: bool) -> tuple[Picks, np.ndarray]:
    """The kept picks with the new scores of the `remade` rows among them, and the rows whose picks
    those scores may change (to rank again).

    A row keeps its picks only where that is sure: its picks made again still strong, in the same
    order and clear of one another, its last pick's score not lower than before (the candidates left
    out, whose scores did not move, all scored less), and none of the remade rows left out now
    reaching it.  Scores are compared with a margin far above the float32 sums' rounding (the same
    product summed in another order): a near tie is ranked again."""
    n = len(ranking.stamp)
    rows, scores = kept.rows, kept.scores.copy()
    filled = np.isnan(scores[:, 0])
    again = np.zeros(n, bool)
    again[remade] = True
    again |= (rows == GONE).any(axis=1)
    if published_or_moved:
        again |= filled  # the newest articles, which fill these boxes, may be others now
    mate, candidate, sims = _pairs(ranking, remade)
    again[candidate[filled[candidate]]] = True  # a filled box: any candidate's score may move it
    # Where each pair stands in the candidate's box, if it is a pick there.
    count = rows.shape[1]
    pick_keys = (np.arange(n)[:, None] * n + rows).ravel()
    by_key = np.argsort(pick_keys)
    found = np.minimum(np.searchsorted(pick_keys[by_key], candidate * n + mate), len(by_key) - 1)
    is_pick = pick_keys[by_key[found]] == candidate * n + mate
    position = by_key[found] % count
    # Only the pairs that can matter: the picks, and those left out that could reach the last pick
    # (at best, nearness in time counts whole and the category adds its bonus).
    was = kept.scores[candidate, -1]
    bound = sims * (1 + ranking.weights.recent) + ranking.weights.category
    useful = ~again[candidate] & (is_pick | (bound >= was - 1e-5 * (1 + np.abs(was))))
    mate, candidate, sims, is_pick, position = (part[useful] for part in (mate, candidate, sims, is_pick, position))
    score, strong = _scored(ranking, mate, candidate, sims)
    near = 1e-5 * (1 + np.abs(score))
    # A remade row among the picks: its new score, or the row is ranked again if it is no longer strong.
    again[candidate[is_pick & (strong < near)]] = True
    held = is_pick & (strong >= near)
    scores[candidate[held], position[held]] = score[held]
    # A pick made again that shares nothing with the row any more is no candidate: ranked again.
    in_pairs = np.zeros(rows.shape, bool)
    in_pairs[candidate[is_pick], position[is_pick]] = True
    again |= (np.isin(rows, remade) & ~in_pairs).any(axis=1)
    touched = np.unique(candidate[held])
    touched = touched[~again[touched]]
    gaps = scores[touched, :-1] - scores[touched, 1:]
    floor, was = scores[touched, -1], kept.scores[touched, -1]
    again[touched[(gaps <= 1e-5 * (1 + np.abs(scores[touched, 1:]))).any(axis=1)
                  | ((floor != was) & (floor <= was + 1e-5 * (1 + np.abs(was))))]] = True
    # A remade row left out: ranked again if it now reaches the last pick.
    reaches = ~is_pick & (strong > -near) & (score >= scores[candidate, -1] - near)
    again[candidate[reaches]] = True
    return Picks(rows, scores), np.flatnonzero(again)


def _pairs(ranking: Ranking, remade: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of a `remade` row and another row sharing a column with it: (remade row,
    candidate, the product of their rows)."""
    products = (ranking.matrix[remade] @ ranking.transposed).tocoo()
    mate, candidate = remade[products.row], products.col.astype(np.int64)
    other = candidate != mate
    return mate[other], candidate[other], products.data[other].astype(np.float64)


def _scored(ranking: Ranking, mate: np.ndarray, candidate: np.ndarray, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The score of each pair, for one row as a candidate of the other, as `rank_rows` scores it
    (`related.candidate_scores`, pair by pair), and how far it is above the bar of a strong candidate."""
    score, same = candidate_scores(ranking, mate, candidate, sims)
    bonus = ranking.weights.category
    return score, sims + bonus * same - bonus


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
    wanted = np.zeros(counts.shape[1], bool)
    wanted[columns] = True
    return np.unique(np.searchsorted(counts.indptr, np.flatnonzero(wanted[counts.indices]), side="right") - 1)
