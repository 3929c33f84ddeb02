"""Plain-text dumps of article pages, as a provincial paper's old site printed them (`read_dump`; the
README's "Importing an old archive" shows the layout): title, date, the lead, photo captions ending
in "Ảnh: MT" where the photos stood, the body, the author line, then the page's own "Chuyên mục
khác" list, which is not the article's.
"""

from __future__ import annotations

from .old_articles import (AUTHOR_LINE, CAPTION, OLD_DATE, OldArticle, OldPhoto, UnreadableSource, clean_text,
                           markdown_text, old_date, split_credit)
from .vietnamese import nfc

RELATED_HEADINGS = ("chuyên mục khác", "tin liên quan", "tin cùng chuyên mục", "bài viết liên quan", "xem thêm")
"""Where an old page's own article ends and its lists of other articles begin."""


def read_dump(origin: str, text: str) -> OldArticle:
    """The article of one plain-text dump; raises UnreadableSource (with the line) when it is not one."""
    lines = [(number, clean_text(line)) for number, line in enumerate(text.splitlines(), 1)]
    filled = [(number, line) for number, line in lines if line]
    if not filled:
        raise UnreadableSource(1, "the file is empty", "give the text of an article page: title, date, then the article")
    (_, title), rest = filled[0], filled[1:]
    if not rest or not OLD_DATE.match(rest[0][1]):
        number = rest[0][0] if rest else filled[0][0]
        raise UnreadableSource(number, f"no date under the title (found {rest[0][1][:60]!r})" if rest else "no date under the title",
                        'the line after the title must be the date as the old page wrote it: "25/06/2020 15:18"')
    date_line, rest = rest[0], rest[1:]
    published = old_date(*date_line)
    end = next((k for k, (_, line) in enumerate(rest) if line.rstrip(":").casefold() in RELATED_HEADINGS), len(rest))
    rest = rest[:end]
    author = ""
    if rest and AUTHOR_LINE.match(rest[-1][1]) and not CAPTION.match(rest[-1][1]):
        author = rest[-1][1]
        rest = rest[:-1]
    blocks: list[str | int] = []
    photos: list[OldPhoto] = []
    summary = ""
    lead_photo = False
    for _, line in rest:
        caption = CAPTION.match(line)
        if caption and len(line) < 400:
            if summary and not blocks and not photos:
                lead_photo = True
            photos.append(OldPhoto(*split_credit(line)))
            blocks.append(len(photos) - 1)
        elif not summary:
            summary = line
        else:
            blocks.append(markdown_text(line))
    if not summary:
        raise UnreadableSource(date_line[0], "no text after the date", "the article's lead and body follow the date line")
    if lead_photo:
        blocks.remove(0)
    return OldArticle(origin, nfc(title), published, summary, tuple(blocks), tuple(photos), author,
                      0 if lead_photo else None)
