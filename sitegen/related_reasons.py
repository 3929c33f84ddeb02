"""Why an article is among another's "Chuyên mục khác": the explanation `sitegen related` prints
for an editor (questions.explain_related).  Read from the ranking's own matrix (related.py `ranking_of`),
so each reason is a part of the score that ranked the pick: the shared words and names, the shared
tags, the category, the days apart, and whether the two name different people or places.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, NamedTuple, Sequence

import numpy as np

from .related import candidate_scores, ranking_of
from .related_features import NAME_MARK, SYLLABLE_CRC, FeatureTable, RelatedDoc, Weights, bigrams, feature_runs, related_docs
from .vietnamese import variant_key

if TYPE_CHECKING:
    from .library import Library
    from .site import Site


def feature_phrases(title: str, summary: str, body: str, weights: "Weights | None" = None) -> dict[int, str]:
    """What each of an article's feature codes stands for ("mường lộc", "xvii"), to explain a pick."""
    phrases: dict[int, str] = {}
    for words, _, kind in feature_runs(title, summary, body, weights or Weights()):
        if kind == "name":
            phrases.update((int(NAME_MARK) | zlib.crc32(name.encode()), name) for name in words)
        else:
            phrases.update(((SYLLABLE_CRC[a] << 32) | SYLLABLE_CRC[b], f"{a} {b}") for a, b in bigrams(words))
    return phrases


class Reason(NamedTuple):
    """Why one article is among another's related: what `sitegen related` prints for an editor."""

    index: int
    score: float
    phrases: tuple[tuple[str, float], ...]
    """Shared words and names, each with its part of the score, heaviest first."""
    tags: tuple[tuple[str, float], ...]
    """Shared tags (their folded keys), each with its part of the score."""
    same_category: bool
    days_apart: float
    other_names: bool = False
    """Both name people, places or bodies, and none the same: counted `Weights.name_conflict` of it."""


def explain(docs: Sequence[RelatedDoc], texts: FeatureTable, index: int, picks: Sequence[int],
            phrases: dict[int, str], weights: Weights = Weights()) -> list[Reason]:
    """The reasons for each of `picks` as related to doc `index`, from the same matrix the ranking
    uses; `phrases` is feature_phrases() of the article at `index` (its words are the shared ones)."""
    ranking, columns = ranking_of(docs, texts, len(picks), weights)
    row = ranking.matrix[index]
    n_text = len(columns.codes)
    reasons = []
    for j in picks:
        shared = row.multiply(ranking.matrix[j]).tocoo()
        order = np.argsort(-shared.data, kind="stable")
        cols, parts = shared.col[order], shared.data[order]
        score, same = candidate_scores(ranking, index, np.array([j]), np.array([parts.sum()]))
        words: dict[str, float] = {}  # a name is also a bigram ("Quốc Bảo"): one line, both parts
        for c, v in zip(cols, parts):
            if c < n_text:
                phrase = phrases.get(int(columns.codes[c]), "?")
                words[phrase] = words.get(phrase, 0.0) + float(v)
        reasons.append(Reason(
            j, float(score[0]), tuple(sorted(words.items(), key=lambda item: -item[1])),
            tuple((columns.tags[c - n_text], float(v)) for c, v in zip(cols, parts) if c >= n_text),
            bool(same[0]), abs(ranking.stamp[j] - ranking.stamp[index]) / 86400,
            bool(weights.name_conflict != 1 and ranking.named[index] and ranking.named[j]
                 and not ranking.share_a_name(index, np.array([j]))[0])))
    return reasons


def reasons_for(site: Site, library: Library, index: int, picks: Sequence[int], body_text: str) -> list[Reason]:
    """Why each of `picks` is related to the site's article `index` (whose body text is given)."""
    article = site.articles[index]
    phrases = feature_phrases(article.title, article.summary, body_text)
    reasons = explain(related_docs(site), library.features([a.source for a in site.articles]), index, picks, phrases)
    spelled = {variant_key(t): t for t in article.tags}  # tags as this article's editor spelled them
    return [r._replace(tags=tuple((spelled.get(key, key), part) for key, part in r.tags)) for r in reasons]
