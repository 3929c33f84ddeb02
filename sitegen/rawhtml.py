"""The raw-HTML policy of article bodies: what a published body may hold.

Editors may paste HTML into a Markdown body (an embed code, a table from an old CMS), and
Python-Markdown passes it through untouched; so may `{: onclick=...}` attribute lists and
`[x](javascript:...)` links.  Every rendered body is therefore cleaned by nh3 (the Rust sanitiser
ammonia, which parses HTML as browsers do) down to an allow-list:

- kept: everything our Markdown emits and what newsroom articles legitimately hold (headings h2-h6
  with their ids, paragraphs, emphasis, links, lists, quotes, tables, figures, photos, code, ...);
- links and sources: http, https, mailto, tel and addresses on this site; anything else is removed;
- `<iframe>`: only from https on a host of `[embeds] hosts`, always with loading="lazy" and a title;
- `<video>`/`<audio>` (with `<source>`): kept, always with controls, never autoplaying; their files
  are https addresses or the site's own (`/static/...`);
- removed with their content, and reported: script, style, object/embed, forms, page-level tags
  (meta, link, base), svg/math; `on*=` handlers and disallowed addresses are reported too;
- unwrapped silently, their text kept: formatting tags of old CMSs (font, span, center, div, ...);
  `style` and `class` attributes are dropped silently too (the theme sets the look, not the
  article), but for Markdown's table alignment and our own figure classes.

What was removed is reported as `Removal`s (line of the body, what, how to fix), which the reader
turns into warnings for the editor.  The cleaned HTML depends only on the body and the host list,
so a build gives the same bytes every time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "dfn", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    "iframe", "video", "audio", "source", "track",
})
"""Everything else is unwrapped (its text kept) or, for `REMOVED_TAGS`, removed with its content.
A bare <span> is unwrapped after cleaning: only the photo credit's <span class="credit"> stays."""

REMOVED_TAGS = frozenset({
    "script", "noscript", "style", "template", "object", "embed", "applet", "param",
    "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output",
    "meta", "link", "base", "title", "frame", "frameset", "noframes", "noembed", "xmp", "plaintext",
    "svg", "math",
})
"""Removed with everything inside them, and reported to the editor."""

_HEADING = {"id"}
ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title", "rel"},
    "abbr": {"title"}, "dfn": {"title"},
    "img": {"src", "alt", "title", "width", "height", "loading", "decoding"},
    "h2": _HEADING, "h3": _HEADING, "h4": _HEADING, "h5": _HEADING, "h6": _HEADING,
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "style"}, "td": {"colspan", "rowspan", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "time": {"datetime"},
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "loading", "referrerpolicy"},
    "video": {"src", "poster", "controls", "width", "height", "preload", "muted", "loop", "playsinline"},
    "audio": {"src", "controls", "preload", "loop"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
}
CLASSES = {"figure": {"photo"}, "span": {"credit"}}
"""The classes our own markup emits (markup.figure_element); editors' classes mean nothing to the theme."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Besides addresses without a scheme (this site's pages and media)."""

LINK_RELS = frozenset({"nofollow", "sponsored", "ugc", "noopener", "noreferrer"})
"""rel values an editor may set (`[x](https://...){: rel="sponsored"}` for paid content)."""

EMBED_FEATURES = frozenset({
    "accelerometer", "autoplay", "clipboard-write", "encrypted-media", "fullscreen", "gyroscope",
    "picture-in-picture", "web-share",
})
"""What an embed's `allow` may grant: what video and map players ask for.  Camera, microphone,
geolocation or payment are never granted to a third party through our pages."""

TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")
"""The only style kept: Python-Markdown's column alignment on th/td, exactly as it writes it."""

_PLAYERS = frozenset({"video", "audio", "source", "track"})
_URL_ATTRIBUTES = frozenset({"href", "src", "poster", "action", "formaction", "cite", "background", "data"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_NOISE = re.compile(r"[\t\n\r]")  # browsers drop these inside URLs: "java\tscript:" is javascript:
_IFRAME = re.compile(r"<iframe((?: [^>]*)?)>.*?</iframe>", re.S)
_IMG = re.compile(r"<img((?: [^>]*)?)>")
_SPAN = re.compile(r"<span( [^>]*)?>|</span>")
_ATTRIBUTE = re.compile(r' ([^\s="]+)(?:="([^"]*)")?')
_EXTERNAL_LINK = re.compile(r'<a ((?:[^>]*? )?href="https?://[^>]*)>', re.I)
_REL = re.compile(r' rel="([^"]*)"')


@dataclass(frozen=True)
class Removal:
    """Something the editor wrote that the published page will not carry."""

    line: int | None
    """1-based line of the body (not of the file) where it was written, when it could be found."""
    message: str
    hint: str


def embed_origin(src: str) -> tuple[str, str]:
    """(scheme, host) of an iframe's address, lowercased; ("", "") when it cannot be read."""
    try:
        url = urlsplit(_URL_NOISE.sub("", src.strip()))
        return url.scheme.lower(), url.hostname or ""
    except ValueError:  # "https://[::1": no address a browser would load either
        return "", ""


def url_scheme(value: str) -> str:
    """The scheme a browser would see in an address ("" for one on this site), lowercased."""
    match = _SCHEME.match(_URL_NOISE.sub("", value).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08 \x0b\x0c"))
    return match[1].lower() if match else ""


class BodySanitiser:
    """The policy for one site (its embed hosts), reused for every body of a build."""

    def __init__(self, embed_hosts: tuple[str, ...] | frozenset[str] = ()):
        self.embed_hosts = frozenset(host.lower() for host in embed_hosts)
        self._cleaner = nh3.Cleaner(
            tags=set(ALLOWED_TAGS), clean_content_tags=set(REMOVED_TAGS),
            attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
            attribute_filter=self._attribute, allowed_classes={t: set(c) for t, c in CLASSES.items()},
            url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
            # Without autoplay (never allowed: readers hate it) a player without controls cannot start.
            set_tag_attribute_values={"video": {"controls": ""}, "audio": {"controls": ""}},
        )

    def embed_allowed(self, src: str) -> bool:
        scheme, host = embed_origin(src)
        return scheme == "https" and host in self.embed_hosts

    def _attribute(self, tag: str, name: str, value: str) -> str | None:
        """nh3's per-attribute hook: the rules an allow-list of names cannot say."""
        if tag == "iframe":
            if name == "src":
                return value if self.embed_allowed(value) else None
            if name == "allow":
                features = [f.strip() for f in value.split(";")]
                kept = [f for f in features if f.split(" ")[0] in EMBED_FEATURES]
                return "; ".join(kept) if kept else None
            if name == "loading":
                return None  # forced to "lazy" in `_embed`
        elif tag in _PLAYERS and name in ("src", "poster"):
            return value if url_scheme(value) in ("https", "") else None  # http is blocked on an https page
        elif name == "style":
            return value if TABLE_ALIGN.fullmatch(value) else None
        elif name == "rel":
            kept = [r for r in value.lower().split() if r in LINK_RELS]
            return " ".join(kept) if kept else None
        return value

    def clean(self, html: str, body: str) -> tuple[str, tuple[Removal, ...]]:
        """`html` (rendered from the Markdown `body`) cut to the policy, and what was cut."""
        removals = _Inspector(self, body).inspect(html)
        cleaned = self._cleaner.clean(html)
        if "<iframe" in cleaned:
            cleaned = _IFRAME.sub(self._embed, cleaned)
        if "<img" in cleaned:
            # An image whose address was removed (data:, javascript:) shows nothing but a broken icon.
            cleaned = _IMG.sub(lambda m: m[0] if ' src="' in m[1] else "", cleaned).replace("<p></p>", "")
        if "<span" in cleaned:
            cleaned = _unwrap_bare_spans(cleaned)
        if "<a " in cleaned:
            cleaned = _EXTERNAL_LINK.sub(_noopener, cleaned)
        return cleaned, removals

    @staticmethod
    def _embed(match: re.Match) -> str:
        """An iframe as published: only with its (allowed) src, lazy, titled; its fallback text dropped."""
        attributes = _ATTRIBUTE.findall(match[1])
        names = {name for name, _ in attributes}
        if "src" not in names:
            return ""
        src = next(value for name, value in attributes if name == "src")
        text = "".join(f' {name}="{value}"' if value or name != "allowfullscreen" else f" {name}"
                       for name, value in attributes)
        if "title" not in names:
            # Screen readers announce a frame by its title; an untitled one is only "frame".
            text += f' title="Nội dung nhúng từ {embed_origin(src.replace("&amp;", "&"))[1]}"'
        return f'<iframe{text} loading="lazy"></iframe>'


def _noopener(match: re.Match) -> str:
    """Links to other sites get rel="noopener": a page opened from ours cannot script it back."""
    inside = match[1]
    rel = _REL.search(" " + inside)
    if rel is None:
        return f'<a {inside} rel="noopener">'
    values = rel[1].split()
    if "noopener" in values:
        return match[0]
    return "<a " + (" " + inside).replace(rel[0], f' rel="{" ".join(values + ["noopener"])}"', 1)[1:] + ">"


def _unwrap_bare_spans(html: str) -> str:
    """Drop <span>s left without attributes (old CMSs' style carriers), keeping their text.
    nh3's output is well-formed, so each </span> closes the innermost open <span>."""
    kept: list[bool] = []
    out: list[str] = []
    last = 0
    for match in _SPAN.finditer(html):
        out.append(html[last:match.start()])
        last = match.end()
        if match[0] == "</span>":
            if kept and kept.pop():
                out.append(match[0])
        else:
            kept.append(bool(match[1]))
            if match[1]:
                out.append(match[0])
    out.append(html[last:])
    return "".join(out)


_WHY = {
    "script": ("articles cannot run scripts",
               "to show a video or a map, paste the provider's <iframe> embed code instead (YouTube: Chia sẻ → Nhúng)"),
    "style": ("an article cannot restyle the page", "the theme sets the look; use Markdown: **đậm**, *nghiêng*"),
    "form": ("forms cannot be published in an article", "link to the form instead: [Đăng ký tại đây](https://...)"),
    "plugin": ("plugins are not allowed", "paste the provider's <iframe> embed code instead"),
    "page": ("page-level tags do not belong in an article body", "delete it; the theme writes the page's <head>"),
    "drawing": ("inline drawings can carry scripts", "save it as an image file and insert it with ![mô tả](images/hinh.svg)"),
}
_KIND = {
    "script": "script", "noscript": "script", "template": "script", "style": "style",
    "object": "plugin", "embed": "plugin", "applet": "plugin", "param": "plugin",
    "meta": "page", "link": "page", "base": "page", "title": "page", "frame": "page", "frameset": "page",
    "noframes": "page", "noembed": "page", "xmp": "page", "plaintext": "page", "svg": "drawing", "math": "drawing",
}


class _Inspector(HTMLParser):
    """Lists what the policy removes from a rendered body, for the editor's warnings.  nh3 does the
    removing; this only explains it, so a parse that differs from nh3's can cost a warning, never safety."""

    def __init__(self, policy: BodySanitiser, body: str):
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.body = body
        self.body_folded = body.casefold()
        self.found: list[Removal] = []
        self.inside: list[str] = []  # removed elements we are in: their insides are not reported again
        self.searched_from: dict[str, int] = {}

    def inspect(self, html: str) -> tuple[Removal, ...]:
        if not _may_report(html):
            return ()
        self.feed(html)
        self.close()
        return tuple(self.found)

    def _line(self, *needles: str) -> int | None:
        """Best effort: the body line of the first needle found after the previous find of it."""
        for needle in needles:
            if not needle:
                continue
            key = needle.casefold()
            index = self.body_folded.find(key, self.searched_from.get(key, 0))
            if index >= 0:
                self.searched_from[key] = index + len(key)
                return self.body.count("\n", 0, index) + 1
        return None

    def _report(self, message: str, hint: str, *needles: str) -> None:
        self.found.append(Removal(self._line(*needles), message, hint))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if self.inside:
            if tag == self.inside[-1] and tag not in _VOID:
                self.inside.append(tag)
            return
        if tag in REMOVED_TAGS:
            why, hint = _WHY[_KIND.get(tag, "form")]
            self._report(f"<{tag}> removed from the body: {why}", hint, raw, f"<{tag}")
            if tag not in _VOID:
                self.inside.append(tag)
            return
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on") or name == "srcdoc":
                self._report(f"`{name}` removed from <{tag}>: articles cannot run scripts",
                             "delete the attribute; an article's HTML can only show, not act", raw, name)
            elif name in _URL_ATTRIBUTES and value and tag != "iframe" \
                    and url_scheme(value) not in URL_SCHEMES and url_scheme(value):
                self._bad_address(tag, name, value, raw)
            elif tag in _PLAYERS and name in ("src", "poster") and value and url_scheme(value) == "http":
                self._report(f"`{name}` {value[:60]!r} removed from <{tag}>: browsers block http files on an https page",
                             "use the file's https:// address, or put it in the site's static/ folder (/static/...)",
                             raw, value)
        if tag == "iframe":
            self._embed(values.get("src") or "", raw)

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == self.inside[-1]:
            self.inside.pop()

    def _bad_address(self, tag: str, name: str, value: str, raw: str) -> None:
        scheme = url_scheme(value)
        shown = value if len(value) <= 60 else value[:57] + "..."
        if tag == "img" and scheme == "data":
            self._report(f"photo with an embedded 'data:' address removed ({shown!r})",
                         "save the photo as a file beside the article and insert it with ![chú thích](images/anh.jpg)",
                         raw, value, f"{scheme}:")
        elif tag == "a":
            self._report(f"link to {shown!r} removed (its text is kept): only http, https, mailto: and tel: addresses are published",
                         "link to a web page (https://...) or a page of this site (/thoi-su/...)", raw, value, f"{scheme}:")
        else:
            self._report(f"`{name}` {shown!r} removed from <{tag}>: only http, https and this site's addresses are published",
                         "use an https:// address or a file of this site", raw, value, f"{scheme}:")

    def _embed(self, src: str, raw: str) -> None:
        if self.policy.embed_allowed(src):
            return
        scheme, host = embed_origin(src)
        if not src.strip() or not host:
            self._report(f"<iframe> without a readable address (src={src[:60]!r}) removed",
                         "paste the provider's whole embed code again", raw, "<iframe")
        elif scheme != "https":
            self._report(f"<iframe> from {src[:60]!r} removed: an embed must load over https",
                         "copy the embed code again from the provider: its address starts with https://", raw, "<iframe")
        else:
            self._report(f"<iframe> from {host} removed: that host is not allowed to embed in articles",
                         f"iframes from {host} are not allowed; add the host to [embeds] hosts in config.toml "
                         f'(hosts = [..., "{host}"]) if the newsroom trusts it', raw, "<iframe")


_TAG_NAME = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)")  # as html.parser reads a start tag's name
_REPORTED_TAGS = REMOVED_TAGS | {"iframe"} | _PLAYERS  # players: their http files are reported too
_VALUE_SCHEME = re.compile(r"""=\s*["']?[\x00-\x20]*([a-zA-Z\t\n\r][a-zA-Z0-9+.\-\t\n\r]*):""")
_VALUE_ENTITY = re.compile(r"""=\s*["']?[\x00-\x20]*[a-zA-Z0-9+.\-\t\n\r]*&""")


def _may_report(html: str) -> bool:
    """Whether the inspector could find anything, so that most bodies skip it (html.parser is pure
    Python and costs twice what nh3 does).  Generous, never strict: it may let in a body with
    nothing to report (" ong" is Vietnamese for bee), never keep out one with something."""
    if _REPORTED_TAGS.intersection(name.lower() for name in _TAG_NAME.findall(html)):
        return True
    lower = html.lower()
    if "srcdoc" in lower:
        return True
    at = lower.find("on")
    while at > 0:  # an attribute name follows whitespace, a quote or "/": " onclick", '"onload'
        if lower[at - 1].isspace() or lower[at - 1] in "'\"/":
            return True
        at = lower.find("on", at + 2)
    if any(_URL_NOISE.sub("", scheme).lower() not in URL_SCHEMES for scheme in _VALUE_SCHEME.findall(html)):
        return True
    return _VALUE_ENTITY.search(html) is not None  # "java&#x09;script:", "&#106;avascript:"


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "frame"})
