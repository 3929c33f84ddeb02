"""The site's settings as typed, frozen objects: what `config.toml` may say, with the defaults.
`config_toml.py` reads the file into them."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from .vietnamese import variant_key

CONFIG_FILE = "config.toml"


@dataclass(frozen=True)
class Category:
    """A section of the paper ("chuyên mục"): every article belongs to exactly one."""

    name: str
    """Shown in the menu and on pages, e.g. "Văn hóa - Du lịch"."""
    slug: str = ""
    """The URL part, e.g. "van-hoa-du-lich"; default: from the name."""
    description: str = ""
    """One sentence under the category's title and in its meta description."""
    order: int = 0
    """Position in the menu (smaller first); default: the order in config.toml."""


@dataclass(frozen=True)
class Permalinks:
    """URL patterns, relative to `base_url`, ending in "/" (a folder with index.html).

    Placeholders: article: {category} {slug} {year} {month} {day} {hour} {minute} {stamp}
    ({stamp} = yyyymmddHHMM of the publication time); category, tag, author: {slug};
    archive_year: {year}; archive_month: {year} {month}; page: {number}.
    """

    article: str = "{category}/{slug}-{stamp}/"
    """An article's address.  The default ends in the publication time, as Vietnamese papers put an
    id in every URL: two articles with the same title on different days get different addresses."""
    category: str = "{slug}/"
    archive: str = "luu-tru/"
    archive_year: str = "luu-tru/{year}/"
    archive_month: str = "luu-tru/{year}/{month}/"
    tags: str = "chu-de/"
    tag: str = "chu-de/{slug}/"
    authors: str = "tac-gia/"
    author: str = "tac-gia/{slug}/"
    search: str = "tim-kiem/"
    corrections: str = "cai-chinh/"
    """The articles the paper has corrected, newest correction first."""
    videos: str = "video/"
    """The articles with a `video:`, newest first."""
    podcast: str = "podcast/"
    """The articles with an `audio:` recording, newest first (the podcast's own page)."""
    feeds: str = "rss/"
    """The page listing the RSS feeds; the feeds themselves are rss/<name>.rss beside it."""
    page: str = "trang-{number}/"
    """Appended to a listing's URL for its pages 2, 3, ..."""


@dataclass(frozen=True)
class Publisher:
    """The legal footer a Vietnamese e-newspaper must show (Nghị định 72/2013, Luật Báo chí)."""

    name: str = ""
    """Cơ quan chủ quản / tên báo, e.g. "Báo Ngọc Linh - Cơ quan của Đảng bộ tỉnh Ngọc Linh"."""
    governing_body: str = ""
    """Cơ quan chủ quản, e.g. "Tỉnh ủy Ngọc Linh"."""
    licence: str = ""
    """Giấy phép, e.g. "Giấy phép số 123/GP-BTTTT ngày 01/02/2021 của Bộ Thông tin và Truyền thông"."""
    editor_in_chief: str = ""
    """Tổng biên tập."""
    deputy_editors: str = ""
    """Phó Tổng biên tập (one line)."""
    address: str = ""
    phone: str = ""
    email: str = ""
    copyright: str = ""
    """A line such as "Ghi rõ nguồn 'Báo Ngọc Linh' khi phát hành lại thông tin từ website này."."""


@dataclass(frozen=True)
class Podcast:
    """`[podcast]`: the show podcast apps list, made of the articles with an `audio:` recording."""

    title: str = ""
    """Default: "<site title> - Podcast"."""
    description: str = ""
    author: str = ""
    """Default: the publisher's name."""
    email: str = ""
    """The owner's address Apple Podcasts writes to (not shown to listeners); default: the publisher's."""
    category: str = "News"
    """One of Apple Podcasts' categories (in English, as Apple lists them)."""
    image: str = "static/podcast.png"
    """The show's artwork, a path in output/: a square JPEG or PNG of 1400 to 3000 px, as Apple and
    Spotify require (`sitegen check` says if it will not do).  The default theme has a plain one."""
    explicit: bool = False


@dataclass(frozen=True)
class Embeds:
    """What an article body may embed with <iframe> (see sitegen/rawhtml.py for the whole policy)."""

    hosts: tuple[str, ...] = (
        "www.youtube-nocookie.com", "www.youtube.com", "player.vimeo.com", "www.facebook.com", "www.google.com",
    )
    """Hosts an <iframe src="https://..."> may come from: YouTube, Vimeo, Facebook videos and posts,
    Google Maps.  Any other iframe is removed from the page, with a warning to the editor.  Setting
    the list replaces this one."""


@dataclass(frozen=True)
class Photos:
    """How photos are published (`[photos]`; docs/photos.md says what readers get)."""

    publish_originals: bool = False
    """Also publish each photo as committed (at its media/ address), e.g. for a download link.  Off:
    originals carry the camera's EXIF and GPS position, and weigh megabytes."""
    avif: bool = False
    """Also write AVIF, offered before WebP; it about doubles the encoding time."""
    webp_quality: int = 80
    jpeg_quality: int = 82
    avif_quality: int = 60
    max_megabytes: int = 25
    """A photo file larger than this is refused (an error)."""
    max_megapixels: int = 100
    """A photo with more pixels than this is refused before it is decoded (decompression bombs)."""
    large_megabytes: int = 15
    """`sitegen check` warns about photo files larger than this."""
    share_width: int = 1200
    """`sitegen check` warns when a lead photo is narrower: Facebook, Zalo and Google Discover show
    smaller photos as thumbnails only."""
    widths: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """(slot name, rendition widths) replacing the theme's, from `[photos.widths]`: lead = [480, 960, 1600]."""


@dataclass(frozen=True)
class Cms:
    """`[cms]`: where the web editing form (`sitegen cms`, Decap CMS) commits, and how editors log in.
    Without a `repo`, the form works only in local mode (`npx decap-server` beside the site)."""

    backend: str = "github"
    """The git host: "github", "gitlab", "forgejo" (Codeberg too) or "gitea" (Decap's gitea backend
    has no editorial workflow: its saves are published at once)."""
    repo: str = ""
    """The site's repository on that host, "owner/name"."""
    branch: str = "main"
    """The branch the site is built from: published articles are committed (merged) there."""
    base_url: str = ""
    """GitHub: the OAuth server that hands out tokens (GitHub's login needs one; e.g.
    "https://oauth.baongoclinh.vn"); GitLab/Gitea/Forgejo: the instance, e.g. "https://git.baongoclinh.vn"."""
    auth_endpoint: str = ""
    """The login path on `base_url` when it is not the host's default (Gitea: "login/oauth/authorize")."""
    api_root: str = ""
    """The host's API when it is not the public one (self-hosted GitLab: ".../api/v4", Gitea/Forgejo: ".../api/v1")."""
    app_id: str = ""
    """GitLab, Gitea, Forgejo: the OAuth application's client id; the form then logs in with PKCE, from the
    browser, with no server of the paper's and no secret."""


@dataclass(frozen=True)
class Config:
    """Everything `config.toml` can say.  Only `title`, `base_url` and `categories` are required."""

    title: str
    """The paper's name, in the masthead and every <title>."""
    base_url: str
    """Where `output/` will be served, e.g. "https://baongoclinh.vn/" or "https://example.vn/bao/"
    (a sub-path works: every internal link carries it)."""
    categories: tuple[Category, ...]
    description: str = ""
    """The paper's tagline, under the masthead and in the home page's meta description."""
    language: str = "vi"
    timezone: str = "Asia/Ho_Chi_Minh"
    """Dates without an offset are in this zone; pages show times in it."""
    theme: str = "default"
    """A folder under the site's `themes/`, or a theme shipped with sitegen."""
    per_page: int = 20
    """Articles per page on category, tag and author listings."""
    related_count: int = 6
    """Links in each article's "Chuyên mục khác" block."""
    home_latest: int = 10
    """Stories in the home page's "Tin mới" column."""
    home_featured: int = 5
    """Featured stories at the top of the home page."""
    home_per_category: int = 4
    """Stories in each category's block on the home page."""
    feed_limit: int = 50
    """Items in each RSS feed (the newest)."""
    sitemap_max_urls: int = 50000
    """URLs per sitemap file; more make a sitemap index with numbered files (the protocol's limit)."""
    news_sitemap_days: int = 2
    """Articles of this many days before the build time go in the Google News sitemap."""
    logo: str = "static/logo.png"
    """The paper's logo, a path in output/ (JSON-LD publisher logo, shares without a photo, icon)."""
    search: bool = True
    """Build the Pagefind search index and the search page."""
    default_author: str = ""
    """The author `sitegen new` writes when none is given (--author)."""
    twitter_site: str = ""
    """The paper's X/Twitter account, e.g. "@baongoclinh", for Twitter cards."""
    permalinks: Permalinks = field(default_factory=Permalinks)
    publisher: Publisher = field(default_factory=Publisher)
    embeds: Embeds = field(default_factory=Embeds)
    photos: Photos = field(default_factory=Photos)
    podcast: Podcast = field(default_factory=Podcast)
    cms: Cms = field(default_factory=Cms)

    def category_named(self, name: str) -> Category | None:
        """The category an editor means by `name`: its name however spelled (case, NFC or NFD,
        old or new tone-mark placement), or its slug."""
        known = {variant_key(c.name): c for c in self.categories} | {c.slug: c for c in self.categories}
        return known.get(variant_key(name)) or known.get(name)

    @property
    def category_choices(self) -> str:
        """The categories as an editor may write them, for an error's hint."""
        return "use one of: " + ", ".join(f'"{c.name}"' for c in self.categories)

    @property
    def base_path(self) -> str:
        """The path part of `base_url`, always starting and ending with "/" ("/bao/" or "/")."""
        return urlsplit(self.base_url).path or "/"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def absolute_url(self, path: str) -> str:
        """A site path ("/bao/thoi-su/") as a full URL on `base_url`'s host."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}{path}"
