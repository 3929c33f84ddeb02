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
    Tuned on the development corpora: stories-mixed:4 0.844 -> 0.862, recall 0.937 -> 0.955.
    Where an article's title or sapo names someone or somewhere (`headline_names`), those names are
    what it is about: the other article must name one of them somewhere, or its own title or sapo
    must name one this article names; a name the two bodies share in passing (the province's other
    districts, a delegation's officials) does not count, and a district's name counts however common
    in the archive (up to `names_fraction`).  "Kỳ họp thứ nhất cơ quan dân cử bầu các chức danh chủ
    chốt", whose sapo names huyện Thanh Bàn, is then not the Vĩnh Yên council's story.  On the tuning
    corpora (tune.py) series:1 0.929 -> 0.935, stories-breaking:3 0.807 -> 0.807, stories-mixed:4
    0.877 -> 0.886 (recall 0.987/0.996/0.972 -> 0.993/0.996/0.981); the sample unchanged (4 of 4,
    0.952 of the achievable).  With the body's first sentence too, about the same (0.936/0.807/0.883); the
    title and sapo's names compared with each other's only: 0.930/0.805/0.860."""
    names_fraction: float = 0.1
    """A name in more than this share of the articles ("OCOP", the "IV" of "quý IV", "Nông Thị":
    the surname and middle name of half a commune's women) tells no matter from another; below it a
    name counts for `name_conflict` even when too common to be a feature (`common_*`): a district's
    name is in hundreds of articles, and it is what tells its story from the next district's.  On the
    tuning corpora (2,200 articles) a bound of 100 to 400 articles gives 0.935-0.936 / 0.807-0.808 /
    0.882-0.886; none at all 0.933/0.808/0.881 ("OCOP" in every sapo of the programme); the features'
    bound (`common_*`, 44 articles there) 0.930/0.807/0.876..."""
    names_ceiling: int = 5000
    """...and a name in more than this many articles, however big the archive, is not compared (the
    pairs compared are those that can make the picks, related.rank_rows).  On gen_corpus's 100,000
    articles, whose every name is common, ranking in process took 11.7 s before the headline names,
    14.4 s after."""
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
    head = headline_names(title, summary)
    if head:
        codes.append(np.array([zlib.crc32(name.encode()) for name in head], np.uint64) | HEADLINE_MARK)
        counts.append(np.ones(len(head)))
    if not codes:
        return TextFeatures(np.empty(0, np.uint64), np.empty(0, np.float32))
    unique, where = np.unique(np.concatenate(codes), return_inverse=True)
    return TextFeatures(unique, np.bincount(where, weights=np.concatenate(counts)).astype(np.float32))


def headline_names(title: str, summary: str) -> list[str]:
    """The names of an article's title and sapo (`names_in`): the people, places and bodies the
    article is about, as an editor writes them at its head.  The body names many more in passing
    (the province's other districts, the officials at a meeting): the ranking compares these with
    another article's names, for `Weights.name_conflict`."""
    return names_in(title) + names_in(summary)


_STOCK_CODES = np.unique(np.array([(SYLLABLE_CRC[a] << 32) | SYLLABLE_CRC[b] for phrase in STOCK_PHRASES
                                   for a, b in zip(phrase.split(), phrase.split()[1:])], np.uint64))

NAME_MARK = np.uint64(0xFFFF_FFFF << 32)
"""Names are their own features (crc32 of the name under this mark), beside the bigrams they also give."""
HEADLINE_MARK = np.uint64(0xFFFF_FFFE << 32)
"""The names of the title and sapo (`headline_names`) are also columns under this mark: no features
(their IDF is `NAME_ONLY`), only what the ranking's `names_held` reads of which names an article is
about."""
_KIND_MASK = np.uint64(0xFFFF_FFFF << 32)
PHRASE, STOCK, NAME, HEADLINE_NAME = 0, 1, 2, 3
"""The kinds of text columns (`column_kinds`), which the IDF weighs each its own way (related_matrix.idf_of)."""
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


def column_kinds(codes: np.ndarray) -> np.ndarray:
    """The kind of each of the columns `codes` (int8): a bigram (PHRASE), one of the newsroom's stock
    phrases (STOCK), a name (NAME) or a name of the title or sapo (HEADLINE_NAME)."""
    kinds = np.isin(codes, _STOCK_CODES).astype(np.int8)
    high = codes & _KIND_MASK
    kinds[high == NAME_MARK] = NAME
    kinds[high == HEADLINE_MARK] = HEADLINE_NAME
    return kinds


def related_docs(site: Site) -> list[RelatedDoc]:
    """What the ranking needs of each of the site's articles besides its text, in the site's order."""
    return [RelatedDoc(tuple(variant_key(t) for t in a.tags), a.category, a.date.timestamp()) for a in site.articles]
