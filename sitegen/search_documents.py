"""What Pagefind indexes of one article: its search document — title, sapo, date, category, tags
and the first words of the body — and the words the search page looks up.

Pagefind folds tone marks ("tu mo rong" finds "Tu Mơ Rông") but not đ -> d, so every document also
carries a đ-folded copy of its title, sapo and tags, and its syllable pairs ("daihoi"), which the
search page looks up first: "dai hoi" ranks "đại hội" above "dài ... xã hội".  The page shows the
real title and sapo and ranks exact-diacritic matches first (static/js/search.js); a result that
matches only in its body shows the words around the match instead of the sapo, cut from the body's
text, which comes last in the document after `TEXT_MARK` (Pagefind's own excerpt would as well
quote the folded copy or the pairs).  A category filter is a word in the index
(`search_token`): Pagefind's own filter index is not byte-identical from one build to the next.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Callable

from .vietnamese import fold, format_date_vn

if TYPE_CHECKING:
    from .views import ArticleView

TEXT_MARK = "⁂"
"""Stands just before the body's text in a search document: the search page finds the text there."""


def search_token(category: str) -> str:
    """The index word standing for a category: "Kinh tế" -> "chuyenmuckinhte"."""
    return "chuyenmuc" + re.sub(r"[^a-z0-9]", "", fold(category).lower())


def syllable_pairs(text: str) -> list[str]:
    """Each two syllables that stand side by side, folded and joined, once: "Đại hội Đảng" ->
    ["daihoi", "hoidang"].  Vietnamese words are syllables; the search page looks these up first
    (static/js/search.js), so that "dai hoi" ranks pages saying "đại hội" above pages holding "dài"
    and "hội" apart.  Pagefind's own phrase search does not serve: it does not fold đ -> d."""
    syllables = re.findall(r"[a-z0-9]+", fold(text).lower())
    return list(dict.fromkeys(a + b for a, b in zip(syllables, syllables[1:])))


def search_document(title: str, summary: str, date, category: str, tags: tuple[str, ...], text: str,
                    image: str = "") -> str:
    """What Pagefind indexes of one article; `data-pagefind-meta` fields feed the results list
    (`image`: the address of its thumbnail, "" for none)."""
    folded = f"{fold(title)}. {fold(summary)}. {' '.join(fold(t) for t in tags)}"
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head><body>'
        f'<main data-pagefind-body><h1 data-pagefind-meta="title">{escape(title)}</h1>'
        f'<p data-pagefind-meta="date">{escape(format_date_vn(date))}</p>'
        f'<p data-pagefind-meta="category">{escape(category)}</p>'
        f'<p data-pagefind-meta="sapo">{escape(summary)}</p>'
        + (f'<img data-pagefind-meta="image[src]" src="{escape(image)}" alt="">' if image else "") +
        f'<p>{escape(" · ".join(tags))}</p>'
        f'<p data-pagefind-weight="0.5">{escape(folded)} {search_token(category)}</p>'
        f'<p data-pagefind-weight="0.5">{" ".join(syllable_pairs(f"{title}. {summary}. {text}"))}</p>'
        f'<p>{TEXT_MARK}</p><p>{escape(text)}</p>'
        "</main></body></html>"
    )


def thumbnail(view: "ArticleView") -> str:
    """The smallest rendition of the lead photo's teaser crop (a results list shows it small); the
    photo as committed where the photo step made none; "" without a lead photo."""
    if view.image is None:
        return ""
    teaser = view.image.picture("teaser")
    return teaser.srcset.split(",")[0].split()[0] if teaser and teaser.srcset else view.image.url


def documents_of(views: dict[str, "ArticleView"], search_text: Callable[[str], str]) -> Callable[[str], str]:
    """source -> the article's search document (`search_text(source)`: the start of its body)."""
    def document(source: str) -> str:
        view = views[source]
        return search_document(view.title, view.summary, view.date, view.category.name,
                               tuple(t.name for t in view.tags), search_text(source), thumbnail(view))
    return document
