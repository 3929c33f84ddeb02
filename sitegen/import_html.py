"""An old article body's HTML as Markdown paragraphs and photos (`html_blocks`), for the readers of
WordPress posts and of saved pages: embeds left out, each photo taken out with its caption where it
stood, the old site's words escaped so they never become markup, only links a reader can follow.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markdownify import MarkdownConverter

from .old_articles import CAPTION, PHOTO_MARK, OldPhoto, clean_text, escape_inline, split_credit


def html_blocks(soup, photos: list[OldPhoto], note, file_of) -> list[str | int]:
    """An article body's HTML as Markdown paragraphs, its photos taken out into `photos` where they
    stood, each with its caption: a <figcaption>, the caption row of a photo table (as many
    Vietnamese CMSs lay photos out), or a short paragraph right after the photo ending in "Ảnh: …".
    `file_of` maps an <img src> to where the old site kept the file."""
    for embed in soup.find_all(["iframe", "script", "style", "object", "embed", "form", "noscript"]):
        note(f"a <{embed.name}> was left out")
        embed.decompose()
    for image in soup.find_all("img"):
        holder = image.find_parent("figure") or image.find_parent("table")
        caption_node = None
        if holder is not None:
            caption_node = holder.find("figcaption") if holder.name == "figure" else holder
        if holder is None:
            block = image.find_parent(["p", "div"])
            holder = block if block is not None and not block.get_text(strip=True) else image
            if holder.parent is not None and holder.parent.name == "a" and not holder.parent.get_text(strip=True):
                holder = holder.parent
            after = holder.find_next_sibling()
            if after is not None and len(after.get_text()) < 400 and CAPTION.match(clean_text(after.get_text(" "))):
                caption_node = after
        caption = clean_text(caption_node.get_text(" ")) if caption_node is not None else ""
        text, credit = split_credit(caption) if caption else (clean_text(image.get("alt", "")), "")
        photos.append(OldPhoto(text, credit, file_of(image.get("src", ""))))
        mark = soup.new_tag("p")
        mark.string = PHOTO_MARK.format(len(photos) - 1)
        if caption_node is not None and caption_node is not holder and caption_node.find_parent("figure") is None:
            caption_node.decompose()
        if holder is image or holder.name == "a":  # a photo inside a paragraph: after it
            (image.find_parent("p") or holder).insert_after(mark)
            holder.extract()
        else:
            holder.replace_with(mark)
    markdown = _Converter(heading_style="ATX", bullets="-", escape_misc=False).convert_soup(soup)
    blocks: list[str | int] = []
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        photo = re.fullmatch(PHOTO_MARK.format(r"(\d+)"), block)
        if photo:
            blocks.append(int(photo.group(1)))
        elif block:
            blocks.append(block)
    return blocks


class _Converter(MarkdownConverter):
    """markdownify, escaping text as Python-Markdown reads it, and keeping only links a reader can follow."""

    def escape(self, text, parent_tags):
        return escape_inline(text or "")

    def convert_a(self, el, text, parent_tags):
        href = el.get("href", "")
        if urlsplit(href).scheme.lower() not in ("", "http", "https", "mailto"):
            return text  # javascript:, data: … : the words stay, the link goes
        return super().convert_a(el, text, parent_tags)
