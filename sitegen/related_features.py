"""What the ranking of "Chuyên mục khác" (related.py) reads of each article, and the weights it
ranks by: the text features (syllable bigrams and names of the title, sapo and start of the body),
computed once per article in the cached reading stage, independent of every other article."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, NamedTuple

import numpy as np

from .newsroom_words import INSTITUTIONS, STOCK_PHRASES
from .vietnamese import variant_key

if TYPE_CHECKING:
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
    """Tuned with bench/related_quality/ (tune.py) on series.py's seed 1 and stories.py's development
    seeds (stories mixed into 2,000 unrelated articles, tagged inconsistently) and the hand-judged
    sample; the other corpora there are held back to report on.  Tags count, but a shared generic
    tag ("Thiên tai") must not outweigh the words that name the event; the category only breaks
    near-ties."""

    text: float = 1.0
    tags: float = 0.2
    category: float = 0.05
    recent: float = 3.0
    """Articles published near each other count up to this share more (a story runs over days to
    months; the same kind of event in another year, worded alike, is another story)..."""
    recent_days: float = 180.0
    """...fading with the days apart: a third of it left after this many days, a seventh after a year.
    (0.75 and 90 before: precision on the held-back corpora 0.77, now 0.82.)"""
    title_repeat: int = 3
    summary_repeat: int = 2
    body_syllables: int = 800
    """Only the start of the body counts: news puts the who/what/where first."""
    lede_syllables: int = 40
    lede_repeat: float = 2.0
    """The body's first clauses up to this many words count this many times: the lede names the
    event ("Năm 2026 là năm đầu tiên thực hiện Nghị quyết Đại hội ... lần thứ XVII"), which a long
    body's later paragraphs would otherwise outweigh.  Neutral on the tuning corpora (their bodies
    do not put the story first: 0.926/0.805/0.862 -> 0.928/0.807/0.869 with the clause breaks); it
    gave the sample's article on the XVII resolution its 2026 plan in place of the sports congress."""
    stock: float = 0.25
    """A newsroom's stock phrase (STOCK_PHRASES) counts this share of its weight."""
    name_repeat: float = 2.0
    """A proper name or acronym counts this many times its bigram: names tell one story from another."""
    name_conflict: float = 0.7
    """Two articles that each name people, places or bodies but share none of those names count this
    share of their likeness (related.py): the same headline about another district is another story.
    Tuned on the development corpora: stories-mixed:4 0.844 -> 0.862, recall 0.937 -> 0.955."""
    features_per_article: int = 80
    common_fraction: float = 0.02
    """A bigram or tag in more than this share of articles (and more than `common_floor`) is dropped..."""
    common_floor: int = 40
    common_ceiling: int = 200
    """...and in more than this many articles, however big the archive: a bigram in 200 articles
    names no particular event, and an absolute bound keeps the work linear in the archive's size."""


class _CrcOfSyllable(dict):
    """crc32 of each syllable, computed once per process (a language has a few thousand)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode())
        return value


SYLLABLE_CRC = _CrcOfSyllable()


def feature_runs(title: str, summary: str, body: str, weights: Weights) -> Iterator[tuple[list[str], int, str]]:
    """(words, times counted, kind) of each part of an article: "pair" words give their bigrams, "name"
    words are names whole.  The one tokenisation behind the features and their explanation."""
    start = body[: weights.body_syllables * 12]
    for text, repeat, limit in ((title, weights.title_repeat, None), (summary, weights.summary_repeat, None),
                                (start, 1, weights.body_syllables)):
        words = clause_words(text, limit)
        if limit and weights.lede_repeat != 1:
            cut = _after_words(words, weights.lede_syllables)
            yield words[:cut], weights.lede_repeat, "pair"
            yield words[cut:], repeat, "pair"
        else:
            yield words, repeat, "pair"
        if weights.name_repeat:
            yield names_in(text), repeat * weights.name_repeat, "name"


def _after_words(words: list[str], n: int) -> int:
    """Where the clause holding the n-th word of `words` ends."""
    seen = 0
    for at, word in enumerate(words):
        if word == BREAK:
            if seen >= n:
                return at
        else:
            seen += 1
    return len(words)


def clause_words(text: str, limit: int | None = None) -> list[str]:
    """The words of a text, lower-cased, with a `BREAK` ("") where a clause ends (a full stop, a
    comma, a bracket, a quotation mark, a dash between spaces): a bigram is two words of one clause.
    Across the break, "... Ban Tuyên giáo. Theo ban tổ chức ..." would give "giáo theo", and every
    article a few such pairs that link it to any other by chance.  `limit`: at most this many words."""
    words = _TOKEN.findall(text.lower())  # a word, or "" for a clause's end: one pass of the regex
    if limit is not None and len(words) - words.count(BREAK) > limit:
        cut = limit
        while (wanted := limit + words[:cut].count(BREAK)) != cut:  # the breaks among the first `limit` words
            cut = wanted
        words = words[:cut]
    return words


BREAK = ""
"""Between two clauses in `clause_words` (no word is empty): no bigram spans it."""
_TOKEN = re.compile(r"(\w+)|[.,;:!?…()\[\]{}\"“”‘’«»\n]|\s[-–—]+(?=\s)")


def bigrams(words: list[str]) -> Iterator[tuple[str, str]]:
    """The pairs of neighbouring words of one clause (`clause_words`)."""
    return ((a, b) for a, b in zip(words, words[1:]) if a and b)


def text_features(title: str, summary: str, body: str, weights: "Weights | None" = None) -> TextFeatures:
    """The bigrams and names of one article's title, sapo and the start of its body (text in NFC)."""
    codes, counts = [], []
    for words, repeat, kind in feature_runs(title, summary, body, weights or Weights()):
        if kind == "name" and words:
            codes.append(np.array([zlib.crc32(name.encode()) for name in words], np.uint64) | NAME_MARK)
            counts.append(np.full(len(words), float(repeat)))
        elif len(words) >= 2:
            hashed = np.fromiter(map(SYLLABLE_CRC.__getitem__, words), np.uint64, len(words))
            pairs = (hashed[:-1] << np.uint64(32)) | hashed[1:]
            if BREAK in words:  # the pairs of `bigrams`: none with a clause's end
                within = np.fromiter(map(bool, words), bool, len(words))
                pairs = pairs[within[:-1] & within[1:]]
            codes.append(pairs)
            counts.append(np.full(len(pairs), float(repeat)))
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


def stock_mask(codes: np.ndarray) -> np.ndarray:
    """Which of the columns `codes` are the newsroom's stock phrases."""
    return np.isin(codes, _STOCK_CODES)


def related_docs(site: Site) -> list[RelatedDoc]:
    """What the ranking needs of each of the site's articles besides its text, in the site's order."""
    return [RelatedDoc(tuple(variant_key(t) for t in a.tags), a.category, a.date.timestamp()) for a in site.articles]
