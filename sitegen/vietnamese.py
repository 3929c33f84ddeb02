"""Vietnamese text rules: NFC, slugs, dates as editors write and readers read them, sort and variant keys.

Nothing here depends on the operating system's locale: weekday names and the alphabet are built in.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import datetime, timedelta, tzinfo

from slugify import slugify as _ascii_slugify

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
"""Weekday names indexed by `datetime.weekday()` (Monday = 0)."""

# Apostrophes inside names ("Ia H'Drai", "Ia H’Drai") are elided, whichever glyph the editor typed.
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼ`´′"), None)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Text in Unicode NFC: editors' files sometimes arrive decomposed (NFD) from macOS or Word."""
    return unicodedata.normalize("NFC", text)


def _folding_table() -> dict[int, str]:
    """Every precomposed Latin letter -> its base letter ("ắ" -> "a"), and đ -> d."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c))
        if base != chr(code) and base:
            table[code] = base
    return table


_FOLD = _folding_table()
_COMBINING = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Text without any diacritic and with đ -> d, for search: "Đắk Tô" -> "Dak To"."""
    text = nfc(text).translate(_FOLD)
    if text.isascii() or (unicodedata.is_normalized("NFD", text) and not _COMBINING.search(text)):
        return text  # dashes, quotes and the like have no marks to drop
    # Letters outside the table (rare scripts, stray combining marks): the slow, general way.
    return unicodedata.normalize("NFC", "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)))


def slugify(text: str) -> str:
    """The URL form of a title or name: ASCII lowercase letters, digits and single hyphens.

    Diacritics are removed and đ/Đ becomes d: "Giao ban Khối Đảng quý II/2020" ->
    "giao-ban-khoi-dang-quy-ii-2020".  NFC and NFD input, and straight or curly apostrophes, give the
    same slug.  A comma between digits is a Vietnamese decimal comma: "8,5%" -> "8-5" (python-slugify
    alone would read a thousands separator and write "85").  May return "" for text with no letters
    or digits; callers report that.
    """
    text = nfc(text).translate(_APOSTROPHES).replace("đ", "d").replace("Đ", "D")
    folded = fold(text)
    if folded.isascii() and "&" not in folded:
        # Vietnamese folds to ASCII by dropping marks; python-slugify gives the same result, slower.
        return _NOT_ALNUM.sub("-", folded.lower()).strip("-")
    text = re.sub(r"(?<=\d),(?=\d)", "-", text)
    return _ascii_slugify(text, lowercase=True)  # other scripts: transliterated by unidecode


MAX_SLUG_LENGTH = 100
"""Characters of an address part made from a title, tag or author (or pinned with `slug:`).

File systems refuse names over 255 bytes; an address part is a folder name in output/, and 100
leaves room for what a permalink pattern adds ("-202406251518").  Vietnamese titles of 20 words
fit; longer ones are cut at a word boundary."""

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What a slug written by hand (front matter, config.toml) must look like: a-z, 0-9, single hyphens."""


def address_slug(text: str) -> str:
    """`slugify(text)` cut to at most MAX_SLUG_LENGTH characters at the last hyphen that fits (or in
    the middle of a word with none), so that the same title always gives the same address."""
    slug = slugify(text)
    if len(slug) <= MAX_SLUG_LENGTH:
        return slug
    cut = slug[:MAX_SLUG_LENGTH + 1]
    head = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return head[:MAX_SLUG_LENGTH].strip("-")


# --- dates -------------------------------------------------------------------------------------------

_VN_DATE = re.compile(
    r"""^\s*(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})
        (?:\s*[-,]?\s*(?P<H>\d{1,2})[:hg](?P<M>\d{2})(?::(?P<S>\d{2}))?)?\s*$""",
    re.X,
)
_VN_TIME_FIRST = re.compile(r"^\s*(?P<H>\d{1,2})[:hg](?P<M>\d{2})\s*[-,]?\s*(?P<rest>\d.*)$")


class DateFormatError(ValueError):
    """A date an editor wrote that we cannot read; the message says which forms are accepted."""


DATE_FORMS_HINT = (
    'write it as "2024-06-25 15:18", "25/06/2024 15:18", "25/06/2024" '
    'or "2024-06-25T15:18:00+07:00"'
)


MIN_YEAR, MAX_YEAR = 1900, 2100
"""Years an article can carry: a newspaper's archive on one side, a typo ("20024") on the other.
Kept far from datetime's limits, which converting to another zone would cross."""
MAX_OFFSET = timedelta(hours=14)
"""The largest UTC offset in use (Kiribati, +14:00); Python accepts up to 23:59."""


def parse_date(raw: str, zone: tzinfo) -> datetime:
    """An aware datetime from a date as written in front matter.

    Accepts ISO 8601 with or without time, seconds and offset (`2024-06-25`, `2024-06-25 15:18`,
    `2024-06-25T15:18:00+07:00`, `...Z`) and the Vietnamese forms `25/06/2024 15:18`,
    `25/06/2024`, `15:18 25/06/2024`.  Times without an offset are in `zone` (the site's timezone);
    a date without time means midnight.
    """
    text = raw.strip()
    if not text:
        raise DateFormatError(f"the date is empty; {DATE_FORMS_HINT}")
    m = _VN_TIME_FIRST.match(text)
    if m and "/" in m["rest"]:
        text = f"{m['rest']} {m['H']}:{m['M']}"
    m = _VN_DATE.match(text)
    try:
        if m:
            value = datetime(
                int(m["y"]), int(m["m"]), int(m["d"]),
                int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0),
            )
        else:
            value = datetime.fromisoformat(text.replace(" +", "+"))
    except ValueError as exc:
        if "offset" in str(exc):
            raise DateFormatError(f"the time offset in {raw!r} is not a real one: offsets run from -12:00 to +14:00 "
                                  "(Việt Nam is +07:00)") from None
        if m or re.match(r"^\d{4}-\d{1,2}-\d{1,2}", text):
            raise DateFormatError(f"{raw!r} is not a real date or time ({exc})") from None
        raise DateFormatError(f"cannot read the date {raw!r}; {DATE_FORMS_HINT}") from None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DateFormatError(f"the year {value.year} in {raw!r} is out of range: sitegen accepts "
                              f"{MIN_YEAR} to {MAX_YEAR}")
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_OFFSET:
        raise DateFormatError(f"the time offset in {raw!r} is not a real one: offsets run from -12:00 to +14:00 "
                              "(Việt Nam is +07:00)")
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value


def has_time(raw: str) -> bool:
    """Whether a date as written in front matter gives a time of day ("25/06/2024 15h18") or only a day."""
    text = raw.strip()
    return not (_VN_DATE.match(text) and _VN_DATE.match(text)["H"] is None) \
        and not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text)


def format_date_vn(value: datetime, *, with_weekday: bool = True, with_time: bool = True) -> str:
    """The date line readers of Vietnamese papers expect: "Thứ năm, 25/06/2020 - 15:18"."""
    text = value.strftime("%d/%m/%Y")
    if with_weekday:
        text = f"{WEEKDAYS[value.weekday()]}, {text}"
    if with_time:
        text += value.strftime(" - %H:%M")
    return text


# --- sorting and grouping ----------------------------------------------------------------------------

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a different letter (ă â ê ô ơ ư), kept with the base letter.
_SHAPES = {"\u0306", "\u0302", "\u031b"}


def _letters(word: str) -> tuple[str, int]:
    """A word split into its letters without tone and its tone number (0 = none)."""
    tone = 0
    base = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tone = _TONES[ch]
        elif unicodedata.combining(ch) and ch not in _SHAPES:
            continue
        else:
            base.append(ch)
    return unicodedata.normalize("NFC", "".join(base)), tone


def sort_key(text: str) -> tuple:
    """Sort key in Vietnamese alphabetical order (a ă â b ... đ after d; tones break ties)."""
    primary, tones = [], []
    for word in nfc(text).casefold().split():
        letters, tone = _letters(word)
        primary.append(tuple(_RANK.get(ch, 100 + ord(ch)) for ch in letters))
        tones.append(tone)
    return (tuple(primary), tuple(tones), text)


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=65536)
def variant_key(text: str) -> str:
    """One key for spellings that mean the same tag or name.

    Equal for text that differs only by case, NFC/NFD, or the old/new tone-mark placement
    ("Tỉnh uỷ" / "Tỉnh ủy", "hoà" / "hòa"), but not for different tones ("hòa" / "hóa").
    """
    words = []
    for word in _WORD.findall(nfc(text).casefold()):
        letters, tone = _letters(word)
        words.append(f"{letters}{tone}" if tone else letters)
    return " ".join(words)
