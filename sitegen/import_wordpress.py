"""A WordPress export (WXR, `read_wxr`), as district and school portals run WordPress: posts with
their categories, tags, authors, featured images and captioned photos, local dates, and their old
permalinks as aliases.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import defusedxml.ElementTree as safe_xml  # refuses entity bombs and external entities
from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException

from .import_html import html_blocks
from .old_articles import ImportReport, OldArticle, OldPhoto, UnreadableSource, clean_text, split_credit
from .vietnamese import nfc

_WP = {"wp": "http://wordpress.org/export/1.2/", "content": "http://purl.org/rss/1.0/modules/content/",
       "excerpt": "http://wordpress.org/export/1.2/excerpt/", "dc": "http://purl.org/dc/elements/1.1/"}
_PUBLISHED, _UNPUBLISHED = {"publish"}, {"draft", "pending", "future"}
"""Post statuses: published, imported as drafts; the others ("private", "trash") are left out."""
_CAPTION_SHORTCODE = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S)
_SHORTCODE = re.compile(r"\[/?[a-z_-]+(?:\s[^\]]*)?\]")
_BLOCK_START = re.compile(r"^\s*<(?:p|h[1-6]|ul|ol|li|blockquote|figure|table|div|pre|hr|iframe)\b", re.I)
_RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")


def read_wxr(path: Path, report: ImportReport) -> list[OldArticle]:
    """The posts of a WordPress export (WXR 1.x); what cannot be mapped goes into `report.notes`."""
    try:
        channel = safe_xml.parse(path).getroot().find("channel")
    except safe_xml.ParseError as exc:
        raise UnreadableSource(exc.position[0], f"not a readable XML file ({exc})", "give the .xml file WordPress's Tools → Export made") from None
    except DefusedXmlException as exc:
        raise UnreadableSource(1, f"the XML declares entities, which a WordPress export never does ({exc})",
                        "export the site again from WordPress (Tools → Export)") from None
    if channel is None or channel.find("wp:wxr_version", _WP) is None:
        raise UnreadableSource(1, "not a WordPress export (no <wp:wxr_version>)", "give the .xml file WordPress's Tools → Export made")
    authors = {_text(a, "wp:author_login"): _text(a, "wp:author_display_name") for a in channel.findall("wp:author", _WP)}
    items = channel.findall("item")
    attachments = {_text(i, "wp:post_id"): i for i in items if _text(i, "wp:post_type") == "attachment"}
    found = []
    for item in items:
        if _text(item, "wp:post_type") != "post":
            continue
        post_id, title, status = _text(item, "wp:post_id"), nfc(_text(item, "title")), _text(item, "wp:status")
        where = f"{path.name}#{post_id}"
        if status not in _PUBLISHED | _UNPUBLISHED:
            report.notes.append(f"{where} {title!r}: left out (status {status or 'none'!r})")
            continue
        try:
            published = datetime.strptime(_text(item, "wp:post_date"), "%Y-%m-%d %H:%M:%S")
        except ValueError:
            report.notes.append(f"{where} {title!r}: left out (no date: {_text(item, 'wp:post_date')!r})")
            continue
        meta = {_text(m, "wp:meta_key"): _text(m, "wp:meta_value") for m in item.findall("wp:postmeta", _WP)}
        photos: list[OldPhoto] = []
        blocks = _wxr_body(_text(item, "content:encoded"), photos, lambda note: report.notes.append(f"{where}: {note}"))
        lead = None
        featured = attachments.get(meta.get("_thumbnail_id", ""))
        if featured is not None:
            file = _upload_path(_text(featured, "wp:attachment_url"))
            lead = next((k for k, ph in enumerate(photos) if file and ph.file == file), None)
            if lead is None:
                caption, credit = split_credit(nfc(_text(featured, "excerpt:encoded")))
                photos.append(OldPhoto(caption, credit, file))
                lead = len(photos) - 1
        terms = item.findall("category")
        categories = [nfc(c.text or "").strip() for c in terms if c.get("domain") == "category"]
        tags = tuple(dict.fromkeys(nfc(c.text or "").strip() for c in terms if c.get("domain") == "post_tag" and (c.text or "").strip()))
        link = urlsplit(_text(item, "link"))
        aliases = (link._replace(fragment="").geturl(),) if link.path not in ("", "/") and not link.query else ()
        excerpt = _plain_text(_text(item, "excerpt:encoded"))
        found.append(OldArticle(
            where, title, published, excerpt, tuple(blocks), tuple(photos),
            nfc(authors.get(_text(item, "dc:creator"), _text(item, "dc:creator"))), lead,
            category=categories[0] if categories else "", tags=tags, aliases=aliases, draft=status in _UNPUBLISHED))
    return found


def _text(element, path: str) -> str:
    found = element.find(path, _WP)
    return (found.text or "").strip() if found is not None else ""


def _upload_path(url: str) -> str:
    """A photo's place under the old site's uploads folder ("2020/06/a.jpg"), "" when not an upload."""
    path = unquote(urlsplit(url).path)
    marker = "/uploads/"
    return path.split(marker, 1)[1] if marker in path else ""


def _plain_text(html: str) -> str:
    return clean_text(BeautifulSoup(html, "html.parser").get_text(" ")) if html else ""


def _wxr_body(html: str, photos: list[OldPhoto], note) -> list[str | int]:
    """A post's HTML as Markdown paragraphs, with its photos taken out into `photos` where they stood."""
    html = _CAPTION_SHORTCODE.sub(lambda m: _figure(m.group(1)), html)
    if _SHORTCODE.search(html):
        note(f"shortcodes left out: {', '.join(sorted(set(_SHORTCODE.findall(html))))[:200]}")
        html = _SHORTCODE.sub("", html)
    html = "".join(chunk if _BLOCK_START.match(chunk) else f"<p>{chunk}</p>"
                   for chunk in re.split(r"\n\s*\n", html) if chunk.strip())  # WordPress's autop
    return html_blocks(BeautifulSoup(html, "html.parser"), photos, note, _original)


def _figure(inner: str) -> str:
    """[caption]<img …> Chú thích. Ảnh: MT[/caption] as the <figure> WordPress renders."""
    match = re.match(r"\s*((?:<a[^>]*>)?\s*<img[^>]*>\s*(?:</a>)?)(.*)", inner, re.S)
    if not match:
        return inner
    return f"<figure>{match.group(1)}<figcaption>{match.group(2).strip()}</figcaption></figure>"


def _original(src: str) -> str:
    """The upload a photo shows: WordPress's "-300x200" resized copy stands for the original."""
    return _RESIZED.sub("", _upload_path(src))
