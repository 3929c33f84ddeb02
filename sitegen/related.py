""""Chuyên mục khác": the related articles shown under every article.  The ranking is
self-contained (numpy and scipy only); `related_for`, at the end, is the build's stage around it.
The explanation `sitegen related` prints is in related_reasons.py, read from the same matrix
(`ranking_of`).

Score of article b for article a:

    (text_weight * cos(text a, text b) + tag_weight * cos(tags a, tags b)) * (1 + recent * e^(-days apart / recent_days))
    + category_weight * [same category]

- Text: syllable bigrams (Vietnamese words are space-separated syllables, so "Tu Mơ Rông" gives
  "tu mơ" and "mơ rông") from the title (counted 3x), the sapo (2x) and the start of the body, and
  the proper names and acronyms among them (`names_in`: "Mường Lộc", "XVII"), as TF-IDF vectors.
  Each article keeps only its most distinctive features.  The newsroom's stock phrases weigh
  little: those of every provincial paper (newsroom_words.STOCK_PHRASES, for a site too young to learn them) and
  the site's own, learnt from its archive (IDF; a bigram in almost every article, "của tỉnh", is
  dropped: it says nothing about relatedness and would make every pair of articles a candidate).
- Tags: rare tags count more than common ones (IDF weights), spelling variants share one key.
- Time: a story runs over days to weeks; the same commune years later is usually another story.
- Only pairs that share a feature or a tag are scored, through one sparse matrix product per block
  of rows (scipy): no all-pairs loop in Python, so 100,000 articles stay fast.
- Ranking: score, then recency (newer first), then position — deterministic.  When fewer articles
  than asked are related, the block is filled with the newest articles of the same category (they
  rank like a same-category article with no shared words), then weakly related articles from other
  categories, then the newest articles overall.  An article never lists itself.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, NamedTuple, Sequence

import numpy as np
from scipy import sparse

from .cache import BuildCache
from .digests import digest
from .newsroom_words import INSTITUTIONS, STOCK_PHRASES
from .vietnamese import variant_key
from .workers import Workers, workers_for

if TYPE_CHECKING:
    from .library import Library
    from .site import Site


class TextFeatures(NamedTuple):
    """An article's syllable bigrams with their weighted counts: computed once per article (in the
    parallel, cached reading stage), independent of every other article."""

    codes: np.ndarray
    """Sorted unique bigram codes (uint64): crc32 of the first syllable, then of the second."""
    counts: np.ndarray
    """Weighted occurrences (float32): title bigrams count `title_repeat` times, and so on."""


class FeatureTable(NamedTuple):
    """The text features of every article end to end, in one pair of arrays (article i owns
    entries offsets[i]:offsets[i+1]): 100,000 articles are about 55 million entries, which must not
    be copied more than needed."""

    codes: np.ndarray
    counts: np.ndarray
    offsets: np.ndarray


class RelatedDoc(NamedTuple):
    """What the ranking needs to know of an article besides its text."""

    tags: tuple[str, ...]
    """Tag keys, already folded for spelling variants."""
    category: str
    timestamp: float


@dataclass(frozen=True)
class Weights:
    """Tuned with bench/related_quality/ on series.py's corpus only (25 series mixed into 2,000
    unrelated articles, tagged inconsistently); the other corpora there are held back to report on.
    Tags count, but a shared generic tag ("Thiên tai") must not outweigh the words that name the
    event; the category only breaks near-ties."""

    text: float = 1.0
    tags: float = 0.2
    category: float = 0.05
    recent: float = 0.75
    """Articles published near each other count up to this share more (a story runs over days to weeks)..."""
    recent_days: float = 90.0
    """...fading with the days apart: a third of it left after this many days, little after a year."""
    title_repeat: int = 3
    summary_repeat: int = 2
    body_syllables: int = 800
    """Only the start of the body counts: news puts the who/what/where first."""
    stock: float = 0.25
    """A newsroom's stock phrase (STOCK_PHRASES) counts this share of its weight."""
    name_repeat: float = 2.0
    """A proper name or acronym counts this many times its bigram: names tell one story from another."""
    features_per_article: int = 80
    common_fraction: float = 0.02
    """A bigram or tag in more than this share of articles (and more than `common_floor`) is dropped..."""
    common_floor: int = 40
    common_ceiling: int = 200
    """...and in more than this many articles, however big the archive: a bigram in 200 articles
    names no particular event, and an absolute bound keeps the work linear in the archive's size."""


_WORD = re.compile(r"\w+")


class _CrcOfSyllable(dict):
    """crc32 of each syllable, computed once per process (a language has a few thousand)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode())
        return value


SYLLABLE_CRC = _CrcOfSyllable()
_BLOCK_ROWS = 1024


def feature_runs(title: str, summary: str, body: str, weights: Weights) -> Iterator[tuple[list[str], int, str]]:
    """(words, times counted, kind) of each part of an article: "pair" words give their bigrams, "name"
    words are names whole.  The one tokenisation behind the features and their explanation."""
    start = body[: weights.body_syllables * 12]
    for text, repeat, limit in ((title, weights.title_repeat, None), (summary, weights.summary_repeat, None),
                                (start, 1, weights.body_syllables)):
        words = _WORD.findall(text.lower())[:limit]
        yield words, repeat, "pair"
        if weights.name_repeat:
            yield names_in(text), repeat * weights.name_repeat, "name"


def text_features(title: str, summary: str, body: str, weights: "Weights | None" = None) -> TextFeatures:
    """The bigrams and names of one article's title, sapo and the start of its body (text in NFC)."""
    codes, counts = [], []
    for words, repeat, kind in feature_runs(title, summary, body, weights or Weights()):
        if kind == "name" and words:
            codes.append(np.array([zlib.crc32(name.encode()) for name in words], np.uint64) | NAME_MARK)
            counts.append(np.full(len(words), float(repeat)))
        elif len(words) >= 2:
            hashed = np.fromiter(map(SYLLABLE_CRC.__getitem__, words), np.uint64, len(words))
            codes.append((hashed[:-1] << np.uint64(32)) | hashed[1:])
            counts.append(np.full(len(words) - 1, float(repeat)))
    if not codes:
        return TextFeatures(np.empty(0, np.uint64), np.empty(0, np.float32))
    unique, where = np.unique(np.concatenate(codes), return_inverse=True)
    return TextFeatures(unique, np.bincount(where, weights=np.concatenate(counts)).astype(np.float32))


_STOCK_CODES = np.unique(np.array([(SYLLABLE_CRC[a] << 32) | SYLLABLE_CRC[b] for phrase in STOCK_PHRASES
                                   for a, b in zip(phrase.split(), phrase.split()[1:])], np.uint64))

NAME_MARK = np.uint64(0xFFFF_FFFF << 32)
"""Names are their own features (crc32 of the name under this mark), beside the bigrams they also give."""
_CAPITAL = "[" + "".join(sorted({c for c in map(chr, range(0x250)) if c.isupper()}
                                 | {chr(c) for c in range(0x1EA0, 0x1EFA, 2)})) + "]"
"""Latin capitals with Vietnamese's own (Ạ..Ỹ, which alternate capital and small from U+1EA0)."""
_NAME_RUN = re.compile(rf"{_CAPITAL}\w*(?:[ \t]+{_CAPITAL}\w*)+")
_ACRONYM = re.compile(rf"(?<!\w){_CAPITAL}[{_CAPITAL[1:-1]}\d]+(?!\w)")
_SENTENCE_END = ".!?:;…\n"


def names_in(text: str) -> list[str]:
    """The proper names and acronyms of a text, lower-cased: pairs of capitalised syllables ("Mường
    Lộc", "Trương Quốc" and "Quốc Bảo") and words in capitals ("OCOP", "XVII", "HĐND").

    Vietnamese writes a name with every syllable capitalised and everything else in lower case but
    the first word of a sentence, so two capitalised syllables in a row are a name; a sentence's first
    word joins a name only when two capitalised syllables or more follow it ("Huyện Bắc Khương" gives
    "bắc khương", "Kon Plông thông tuyến" gives "kon plông").  Regular expressions find the runs: a
    loop over every word would cost a millisecond an article, 100 s on a 100,000-article archive."""
    names = [m.lower() for m in _ACRONYM.findall(text)]
    names = [name for name in names if name not in INSTITUTIONS]
    for match in _NAME_RUN.finditer(text):
        run = match.group().lower().split()
        before = text[: match.start()].rstrip(" \t")
        if len(run) >= 3 and (not before or before[-1] in _SENTENCE_END):
            run = run[1:]
        names.extend(f"{a} {b}" for a, b in zip(run, run[1:]) if a not in INSTITUTIONS or b not in INSTITUTIONS)
    return names


def _text_matrix(texts: FeatureTable, weights: Weights) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Rows: articles; columns: bigrams and names (their codes, returned beside); L2-normalised
    TF-IDF of each article's top features."""
    n = len(texts.offsets) - 1
    if not len(texts.codes):
        return sparse.csr_matrix((n, 0), dtype=np.float32), np.empty(0, np.uint64)
    columns, column_of = _compact(texts.codes)
    tf = sparse.csr_matrix((texts.counts, column_of, texts.offsets), shape=(n, len(columns)))
    return _tfidf(tf, weights, keep=weights.features_per_article, stock=np.isin(columns, _STOCK_CODES)), columns


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


def _tag_matrix(docs: Sequence[RelatedDoc], weights: Weights) -> tuple[sparse.csr_matrix, list[str]]:
    """Rows: articles; columns: tag keys (returned beside); L2-normalised IDF weights."""
    ids: dict[str, int] = {}
    rows, columns = [], []
    for row, doc in enumerate(docs):
        for tag in doc.tags:
            rows.append(row)
            columns.append(ids.setdefault(tag, len(ids)))
    tf = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(docs), len(ids)))
    tf.sum_duplicates()
    tf.data[:] = 1.0
    return _tfidf(tf, weights, keep=None), list(ids)


def _tfidf(tf: sparse.csr_matrix, weights: Weights, keep: int | None, stock: np.ndarray | None = None) -> sparse.csr_matrix:
    """Sublinear TF-IDF, common and unique features dropped, the `stock` columns (a mask) damped,
    optionally top-`keep` per row, L2 rows."""
    n = tf.shape[0]
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    common = min(max(weights.common_floor, weights.common_fraction * n), weights.common_ceiling)
    idf = (np.log((n + 1) / (df + 1)) + 1.0).astype(tf.dtype)
    idf[(df < 2) | (df > common)] = 0.0  # a feature in one article relates nothing; in all, everything
    if stock is not None:
        idf[stock] *= weights.stock
    tf = tf.copy()
    tf.data = (1 + np.log(tf.data)) * idf[tf.indices]
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
    n = len(docs)
    if n < 2 or count <= 0:
        return [() for _ in docs]
    ranking, _ = ranking_of(docs, texts, min(count, n - 1), weights)
    with workers_for(jobs).over(ranking, n >= 4 * _BLOCK_ROWS, batch=1) as mapped:  # a block is a batch
        blocks = list(mapped(_rank_block, range(0, n, _BLOCK_ROWS)))
    return [row for block in blocks for row in block]


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


class Columns(NamedTuple):
    """What the matrix's columns stand for: text feature codes, then tag keys."""

    codes: np.ndarray
    tags: list[str]


def ranking_of(docs: Sequence[RelatedDoc], texts: FeatureTable, count: int, weights: Weights) -> tuple[Ranking, Columns]:
    text, codes = _text_matrix(texts, weights)
    tags, tag_keys = _tag_matrix(docs, weights)
    matrix = sparse.hstack([text * math.sqrt(weights.text), tags * math.sqrt(weights.tags)]).tocsr()
    category_ids: dict[str, int] = {}
    category = np.array([category_ids.setdefault(d.category, len(category_ids)) for d in docs])
    stamp = np.array([d.timestamp for d in docs])
    newest = np.lexsort((np.arange(len(docs)), -stamp))  # all docs, newest first
    newest_in_category = [newest[category[newest] == c] for c in range(len(category_ids))]
    ranking = Ranking(matrix, matrix.T.tocsr(), category, stamp, newest, newest_in_category, count, weights)
    return ranking, Columns(codes, tag_keys)


def candidate_scores(r: Ranking, i: int, cols: np.ndarray, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The scores of candidates `cols` for article i from their similarities, and which of them are
    in i's category: nearer in time counts more (a story runs over days to weeks), then the bonus
    of the same category."""
    w = r.weights
    same = r.category[cols] == r.category[i]
    if w.recent:
        days_apart = np.abs(r.stamp[cols] - r.stamp[i]) / 86400
        sims = sims * (1 + w.recent * np.exp(-days_apart / w.recent_days))
    return sims + w.category * same, same


def _rank_block(r: Ranking, start: int) -> list[tuple[int, ...]]:
    """The related lists of rows start .. start + _BLOCK_ROWS."""
    count, bonus = r.count, r.weights.category
    block = (r.matrix[start:start + _BLOCK_ROWS] @ r.transposed).tocsr()
    result: list[tuple[int, ...]] = []
    for offset in range(block.shape[0]):
        i = start + offset
        lo, hi = block.indptr[offset], block.indptr[offset + 1]
        cols, sims = block.indices[lo:hi], block.data[lo:hi]
        keep = cols != i
        cols, sims = cols[keep], sims[keep]
        scores, same = candidate_scores(r, i, cols, sims)
        # Strong: more than the category bonus, before time counts: nearness in time ranks the
        # related, it does not make a weak match (one tag in five) related.
        strong = sims + bonus * same > bonus
        if np.count_nonzero(strong) >= count:
            result.append(_best(cols[strong], scores[strong], r.stamp, count))
            continue
        order = np.lexsort((cols, -r.stamp[cols], -scores))
        cols, strong, same = cols[order], strong[order], same[order]
        chosen = list(cols[strong])
        _fill(chosen, r.newest_in_category[r.category[i]], i, count)
        _fill(chosen, cols[~strong & ~same], i, count)
        _fill(chosen, r.newest, i, count)
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


def related_for(site: Site, library: Library, cache: BuildCache | None = None, jobs: "int | Workers" = 1) -> list[tuple[int, ...]]:
    """"Chuyên mục khác" for every published article, reused from the cache when no input changed."""
    docs = related_docs(site)
    count = site.config.related_count
    key = digest(repr((count, Weights(), docs)), *(library.feature_keys[a.source] for a in site.articles))
    cache = cache or BuildCache(None)
    cached = cache.value("related", key)
    if cached is not None:
        return cached
    texts = library.features([a.source for a in site.articles])
    related = related_articles(docs, texts, count, jobs=jobs)
    del texts
    cache.store_value("related", key, related)
    return related


def related_docs(site: Site) -> list[RelatedDoc]:
    """What the ranking needs of each of the site's articles besides its text, in the site's order."""
    return [RelatedDoc(tuple(variant_key(t) for t in a.tags), a.category, a.date.timestamp()) for a in site.articles]
