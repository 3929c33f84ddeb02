"""Addresses on the site: an editor's old address (`aliases`) or a permalink pattern, as a normalised path.

Every address that becomes a file in output/ or a line of a server's configuration passes through
here, so that one rule decides what an address may hold and two spellings of one address are one
address:

- Text is NFC (a decomposed "ứ" from macOS and a composed one are the same letter).
- `.` and empty segments are dropped (`/thoi-su/./` is `/thoi-su/`, `//a` is `/a`), as browsers and
  servers do; `..` is refused (it names a folder above, and a build never writes outside output/).
- An address holds only RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`), `/` and valid `%XX`;
  non-ASCII letters and digits (old Vietnamese CMS addresses: `/tin-tức/bài-1.html`) are allowed and
  percent-encoded as UTF-8.  Everything else — whitespace, quotes, `;`, `{}`, `$`, `<>`, `|`, `^`,
  backtick, control characters, `?`/`#`, a scheme or a host — is an error: such characters mean
  something to a server's configuration or to a browser, never only to the path.
- Percent-encoded unreserved characters are decoded and the others written with uppercase hex
  (RFC 3986 6.2.2), so `%41`, `A` and `%c3%a1`, `á` compare equal.

A `SitePath` carries the address twice: `url` as it travels (percent-encoded ASCII) and `file` as
servers look it up on disk after decoding the request (UTF-8 names).  An escape that would decode to
a `/`, a `\\`, a control character or bytes that are not UTF-8 is refused: no file can stand there.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote_to_bytes

UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")
"""RFC 3986 2.3: the characters an address may hold as they are."""
SEGMENT_BYTES = 255
"""The longest file or folder name common file systems take (NAME_MAX)."""
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PLACEHOLDER = re.compile(r"\{\w+\}")
_ALLOWED = "letters, digits, - . _ ~ and /"

_CHARACTER_NAMES = {
    " ": "a space", "\t": "a tab", "\n": "a line break", "\r": "a line break", '"': "a double quote",
    "'": "a quote", ";": "a semicolon", "{": "a brace", "}": "a brace", "$": "a dollar sign",
    "<": "an angle bracket", ">": "an angle bracket", "|": "a vertical bar", "^": "a caret",
    "`": "a backtick", "*": "an asterisk", "\\": "a backslash", "%": "a % that is not %XX",
}


class AddressError(ValueError):
    """An address that cannot be a path on the site: what is wrong and how to fix it."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class SitePath:
    """One normalised address, relative to the site's base path (no leading "/"; "" is the home)."""

    url: str
    """Percent-encoded ASCII, as it goes into links, Location headers and `_redirects`:
    "tin-t%E1%BB%A9c/bai-1.html"."""
    file: str
    """The same path decoded, where output/ holds it and what servers find after decoding a
    request: "tin-tức/bai-1.html".  Ends in "/" for a folder (written as its index.html)."""


def describe(char: str) -> str:
    """A character as an editor would name it: "a space", "'@'", "U+00A0 NO-BREAK SPACE"."""
    if char in _CHARACTER_NAMES:
        return _CHARACTER_NAMES[char]
    if char.isascii() and char.isprintable():
        return repr(char)
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


@dataclass(frozen=True)
class OldAddress:
    """One entry of `aliases`: a path on this site, or on an old domain the paper kept."""

    host: str
    """"" for this site; else the old domain, lower-case ASCII ("baokontum.com.vn", IDNA for others)."""
    path: SitePath


_OLD_HOST = re.compile(r"^https?://(?P<host>[^/?#]*)(?P<path>.*)$", re.I)
_HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def old_address(alias: str) -> OldAddress:
    """An `aliases` entry: "/tin-tuc/bai-1.html" on this site, or "https://baokontum.com.vn/tin-tuc/
    bai-1.html" on an old domain (papers merge: the old domain keeps redirecting).  The domain is
    checked as a domain name (letters, digits and "-" in dot-separated labels, IDNA for Vietnamese
    ones): no port, user, IP address or anything a server's configuration would read as syntax.
    Raises AddressError."""
    found = _OLD_HOST.match(unicodedata.normalize("NFC", alias))
    if not found:
        if _SCHEME.match(alias) or alias.startswith("//"):
            raise AddressError(f"alias {alias!r} must be a path on this site or an old domain's http(s) address",
                               'write "/tin-tuc/bai-cu-123.html", or "https://baokontum.com.vn/tin-tuc/bai-cu-123.html"')
        return OldAddress("", alias_path(alias))
    written = found["host"]
    hint = 'write the old domain\'s address as a browser shows it, e.g. "https://baokontum.com.vn/tin-tuc/bai-1.html"'
    if not written or "@" in written or ":" in written:
        raise AddressError(f"alias {alias!r}: {written!r} is not a domain name (no user, port or IP address)", hint)
    try:
        host = written.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise AddressError(f"alias {alias!r}: {written!r} is not a domain name", hint) from None
    labels = host.split(".")
    if len(labels) < 2 or len(host) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in labels) \
            or labels[-1].isdigit():
        raise AddressError(f"alias {alias!r}: {written!r} is not a domain name (letters, digits and - "
                           "in labels separated by dots)", hint)
    return OldAddress(host, alias_path(found["path"] or "/", f"alias {alias!r}"))


def alias_path(alias: str, label: str = "") -> SitePath:
    """An old address as written in `aliases` ("/tin-tức/bài-1.html", "old/path") -> its SitePath.

    An old address without `.html`/`.htm` or a final "/" becomes a folder, so a static host serves
    its index.html at "old/path" and "old/path/" alike.  Raises AddressError."""
    path = site_path(alias, label or f"alias {alias!r}")
    if path.file and not path.file.endswith((".html", ".htm", "/")):
        path = SitePath(path.url + "/", path.file + "/")
    return path


def site_path(text: str, label: str) -> SitePath:
    """`text` as a normalised SitePath; `label` ("alias '/x'") starts the error messages."""
    text = unicodedata.normalize("NFC", text)
    outside = 'write only the path of the old address, e.g. "/tin-tuc/bai-cu-123.html"'
    if not text:
        raise AddressError(f"{label} is empty", outside)
    if _SCHEME.match(text) or text.startswith("//"):
        raise AddressError(f"{label} must be a path on this site, not a full address with a domain", outside)
    for index, char in enumerate(text):
        if char in UNRESERVED or char == "/":
            continue
        if char == "%" and _ESCAPE.match(text, index):
            continue
        if char in "?#":
            raise AddressError(f"{label} has a {'query (?...)' if char == '?' else 'fragment (#...)'}: "
                               "a static site cannot tell such addresses apart", outside)
        if not char.isascii() and unicodedata.category(char)[0] in "LMN":
            continue  # a Vietnamese letter: percent-encoded below
        raise AddressError(
            f"{label} contains {describe(char)}: an address may hold only {_ALLOWED}",
            "write any other character percent-encoded as the old address had it (a space is %20), "
            'e.g. "/tin-tuc/bai%20cu.html"')
    segments = []
    segment = ""
    for raw in text.split("/"):
        segment = _decoded(raw, label)
        if segment == "..":
            raise AddressError(f"{label} must be a path on this site: '..' (the folder above) is not allowed",
                               outside)
        if segment in ("", "."):
            continue
        if len(segment.encode()) > SEGMENT_BYTES:
            raise AddressError(f"{label} has a part longer than {SEGMENT_BYTES} bytes: no file can have that name",
                               "shorten it")
        segments.append(segment)
    file = "/".join(segments)
    if segments and segment in ("", "."):  # a final "/" or "/." says "this folder", as to a browser
        file += "/"
    return SitePath(quote(file, safe="/"), file)


def _decoded(segment: str, label: str) -> str:
    """One segment with its escapes decoded; what cannot be a file name is an AddressError."""
    if "%" not in segment:
        return segment
    try:
        decoded = unquote_to_bytes(segment).decode("utf-8")
    except UnicodeDecodeError:
        raise AddressError(f"{label} has percent-encoding that is not UTF-8 text ({segment!r})",
                           "encode letters as UTF-8, as `/tin-t%E1%BB%A9c/` is tức") from None
    for char in decoded:
        if char in "/\\" or not char.isprintable() and char != " ":
            raise AddressError(f"{label} encodes {describe(char)} ({segment!r}): no file can have that name",
                               "remove the encoded character")
    return decoded


def permalink_pattern(pattern: str) -> str:
    """A permalink pattern ("./{slug}/", "luu-tru//{year}/") normalised ("{slug}/", "luu-tru/{year}/").

    Placeholders stand for slugs and numbers (always ASCII letters, digits and hyphens), so the
    pattern's own text must hold only unreserved characters: its pages are then at the same
    address for links and on disk.  Raises AddressError."""
    example = 'e.g. "{category}/{slug}/"'
    if _SCHEME.match(pattern) or pattern.startswith("/") or "\\" in pattern:
        raise AddressError(f"{pattern!r} must be a relative folder path ending in '/'", example)
    segments = []
    for segment in pattern.split("/"):
        if segment == "..":
            raise AddressError(f"{pattern!r} must not contain '..' (the folder above)", example)
        if segment in ("", "."):
            continue
        for char in _PLACEHOLDER.sub("", segment):
            if char not in UNRESERVED:
                raise AddressError(f"{pattern!r} contains {describe(char)}: a pattern may hold only "
                                   f"letters a-z A-Z, digits, - . _ ~, / and placeholders", example)
        segments.append(segment)
    return "".join(s + "/" for s in segments)
