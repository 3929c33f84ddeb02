""""Chuyên mục khác": the related articles shown under every article.  The ranking is
self-contained (numpy and scipy only) and reads each article's features (related_features.py);
the build's step around it, which ranks again only what an edit reaches, is related_step.py.  The
matrix it ranks from (features to weighted rows, names held) is related_matrix.py.  The
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

from dataclasses import dataclass
from typing import NamedTuple, Sequence

import numpy as np
from scipy import sparse

from .related_features import FeatureTable, RelatedDoc, Weights
from .related_matrix import matrix_of, names_of
from .workers import Workers, workers_for

_BLOCK_ROWS = 1024


def related_articles(docs: Sequence[RelatedDoc], texts: FeatureTable, count: int, weights: Weights = Weights(),
                     jobs: "int | Workers" = 1) -> list[tuple[int, ...]]:
    """For each doc, the indices of the `count` docs to show as related, best first (`texts` holds
    the docs' text features, in the same order).  With `jobs` > 1, blocks of rows are ranked in
    worker processes (same result, less time); `jobs` may also be the Workers to rank on."""
    if len(docs) < 2 or count <= 0:
        return [() for _ in docs]
    made = matrix_of(docs, texts, weights)
    return rank_all(ranking_from(made.matrix, docs, count, weights, names_of(made, len(docs), weights)), jobs).lists()


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
