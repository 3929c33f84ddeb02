"""Article bodies: Markdown to HTML with Python-Markdown, plus the newsroom's conventions.

- A photo standing alone in its paragraph becomes a <figure> whose caption and credit come from the
  article's front matter (`image` / `images`), matched by `src`.
- Heading anchors keep đ -> d (Python-Markdown's own toc slugify drops the letter).
- A body never carries a second <h1>: the article title is the page's only one, so `# x` becomes <h2>.
- Root-relative links ("/thoi-su/") get the site's sub-path when `base_url` has one.
- The rendered HTML is cut to the raw-HTML policy (sitegen/rawhtml.py): no scripts, handlers or
  foreign iframes reach a page, whatever the editor pasted; what was cut travels with the body.

Python-Markdown is the costliest step of a build, so two of its stages are replaced by equivalents
that give the same bytes for less work (tests/test_markup_equivalence.py compares them with the
stock stages): inline patterns are not tried on text that holds none of the characters any of them
needs, and heading ids are set without building a table of contents nobody uses.

The HTML output layer never sees Markdown; this module never sees templates or output folders.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Callable, Protocol

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, remove_fnrefs, render_inner_html, strip_tags, unique
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AtomicString

from .rawhtml import BodySanitiser, Removal
from .vietnamese import slugify

_STASH_PLACEHOLDER = re.compile("\x02wzxhzdk:\\d+\x03|\x02klzzwxh:\\d+\x03")
_SPACES = re.compile(r"\s+")


class Figure(Protocol):
    """What the figure builder needs of a photo (content.Photo satisfies it)."""

    url: str
    caption: str
    alt: str

    @property
    def credit_line(self) -> str: ...


@dataclass(frozen=True)
class RenderedBody:
    """An article body rendered once, with the text other stages need."""

    html: str
    text: str
    """The body as plain text (no markup), for related-article scoring and search."""
    first_paragraph: str
    """Plain text of the first text paragraph: the default sapo."""
    removed: tuple[Removal, ...] = ()
    """What the raw-HTML policy took out of the editor's body (for warnings)."""


ImageResolver = Callable[[str], "tuple[str, Figure | None] | None"]
"""src -> (url, photo from front matter or None), or None when the image is unusable (reported)."""


def _heading_slug(value: str, separator: str) -> str:
    return slugify(value) or "muc"


def figure_element(photo: Figure) -> etree.Element:
    """<figure> with the photo and its caption + credit, as the theme styles it."""
    fig = etree.Element("figure", {"class": "photo"})
    etree.SubElement(fig, "img", {"src": photo.url, "alt": photo.alt, "loading": "lazy", "decoding": "async"})
    if photo.caption or photo.credit_line:
        cap = etree.SubElement(fig, "figcaption")
        cap.text = photo.caption + (" " if photo.caption and photo.credit_line else "")
        if photo.credit_line:
            credit = etree.SubElement(cap, "span", {"class": "credit"})
            credit.text = photo.credit_line
    return fig


@dataclass
class _Conversion:
    """One body's conversion, made by `BodyRenderer.render` for that call only: what the tree stage
    needs to know (in) and the text it finds (out).  Python-Markdown passes nothing to a stage per
    call, so the stage reads and fills the conversion in progress."""

    resolve_image: ImageResolver
    lift_first_paragraph: bool
    text: str = ""
    first_paragraph: str = ""


class _NewsroomTree(Treeprocessor):
    """Runs after inline parsing: figures, image URLs, heading levels, links, plain text."""

    def __init__(self, md: markdown.Markdown, base_path: str):
        super().__init__(md)
        self.base_path = base_path
        self.conversion: _Conversion | None = None

    def run(self, root: etree.Element) -> None:
        # Outside BodyRenderer.render (`md.convert` called directly): no photos known, nothing lifted.
        conversion = self.conversion or _Conversion(lambda src: None, False)
        resolve = conversion.resolve_image
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "h1":
                    child.tag = "h2"
                elif child.tag == "a":
                    href = child.get("href", "")
                    if href.startswith("/") and not href.startswith("//"):
                        child.set("href", self.base_path + href.lstrip("/"))
                elif child.tag == "p" and len(child) == 1 and child[0].tag == "img" \
                        and not (child.text or "").strip() and not (child[0].tail or "").strip():
                    figure = self._figure(child[0], resolve)
                    if figure is not None:
                        parent[index] = figure
                elif child.tag == "img":
                    resolved = resolve(child.get("src", ""))
                    if resolved:
                        child.set("src", resolved[0])
        first = ""
        for parent in root.iter():
            for p in [child for child in parent if child.tag == "p"]:
                text = self._text(p)
                if text and not first:
                    first = text
                    if conversion.lift_first_paragraph and parent is root:
                        root.remove(p)
            if first:
                break
        conversion.first_paragraph = first
        conversion.text = self._text(root)

    def _figure(self, img: etree.Element, resolve: ImageResolver) -> etree.Element | None:
        resolved = resolve(img.get("src", ""))
        if not resolved:
            return None
        url, photo = resolved
        if photo is None:
            fig = etree.Element("figure", {"class": "photo"})
            etree.SubElement(fig, "img", {"src": url, "alt": img.get("alt", ""), "loading": "lazy", "decoding": "async"})
            if img.get("title"):
                etree.SubElement(fig, "figcaption").text = img.get("title")
            return fig
        return figure_element(photo)

    @staticmethod
    def _text(element: etree.Element) -> str:
        return _SPACES.sub(" ", _STASH_PLACEHOLDER.sub(" ", "".join(element.itertext()))).strip()


# Every default inline pattern needs one of these: ` \ [ ! < & * _ or "  \n" (a hard line break).
_INLINE_SYNTAX = re.compile(r"[`\\\[!<&*_]|  \n")
_DEFAULT_INLINE_PATTERNS = {
    "backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference",
    "short_image_ref", "autolink", "automail", "linebreak", "html", "entity", "not_strong",
    "em_strong", "em_strong2",
}


class _PlainTextInline(InlineProcessor):
    """Python-Markdown's inline stage, skipping text in which no inline pattern can match."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if patternIndex == 0 and not isinstance(data, AtomicString) and _INLINE_SYNTAX.search(data) is None:
            return data
        return InlineProcessor._InlineProcessor__handleInline(self, data, patternIndex)  # type: ignore[attr-defined]


class _HeadingIds(Treeprocessor):
    """The ids the toc extension gives headings (same helpers, same order), without its TOC."""

    def run(self, root: etree.Element) -> None:
        used = {el.attrib["id"] for el in root.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        for el in root.iter():
            if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and "id" not in el.attrib:
                name = strip_tags(render_inner_html(remove_fnrefs(el), self.md))
                el.attrib["id"] = unique(_heading_slug(html.unescape(name), "-"), used, counters)


class _NewsroomExtension(Extension):
    def __init__(self, base_path: str):
        super().__init__()
        self.base_path = base_path
        self.tree: _NewsroomTree | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After "inline" (20), which turns ![](src) into <img>, before "prettify" (10).
        self.tree = _NewsroomTree(md, self.base_path)
        md.treeprocessors.register(self.tree, "sitegen-newsroom", 15)


class BodyRenderer:
    """One Python-Markdown instance, reused for every article of a build (it is costly to set up)."""

    def __init__(self, base_path: str = "/", *, stock: bool = False, embed_hosts: tuple[str, ...] = ()):
        """`stock=True` keeps Python-Markdown's own inline and toc stages (for equivalence tests);
        `embed_hosts`: where an <iframe> may come from (config `[embeds] hosts`)."""
        self.sanitiser = BodySanitiser(embed_hosts)
        newsroom = _NewsroomExtension(base_path)
        extensions: list = ["tables", "attr_list", "sane_lists", newsroom]
        if stock:
            extensions.append(TocExtension(slugify=_heading_slug))
        self.md = markdown.Markdown(extensions=extensions, output_format="html")
        if not stock:
            self.md.treeprocessors.register(_HeadingIds(self.md), "sitegen-heading-ids", 5)
            if set(self.md.inlinePatterns._data) <= _DEFAULT_INLINE_PATTERNS:
                self.md.treeprocessors.register(_PlainTextInline(self.md), "inline", 20)
        assert newsroom.tree is not None
        self._tree = newsroom.tree

    def render(self, source: str, resolve_image: ImageResolver, lead_paragraph_is_sapo: bool = False) -> RenderedBody:
        """HTML of a body.  With `lead_paragraph_is_sapo`, the first paragraph of text is taken out of
        the body (it is printed as the sapo); `first_paragraph` is its text either way."""
        converted, text, first_paragraph = self.convert(source, resolve_image, lead_paragraph_is_sapo)
        html, removed = self.sanitiser.clean(converted, source)
        return RenderedBody(html, text, first_paragraph, removed)

    def convert(self, source: str, resolve_image: ImageResolver, lead_paragraph_is_sapo: bool = False) -> tuple[str, str, str]:
        """Python-Markdown's HTML of a body, before the raw-HTML policy: (html, plain text, first paragraph)."""
        conversion = _Conversion(resolve_image, lead_paragraph_is_sapo)
        self._tree.conversion = conversion
        try:
            self.md.reset()
            converted = self.md.convert(source)
        finally:
            self._tree.conversion = None
        return converted, conversion.text, conversion.first_paragraph
