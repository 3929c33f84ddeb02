"""The site index: every published article by address, category, month, tag and author.

Built once after all articles are read and before any page is planned.  Listing pages and related
links are queries on it; articles refer to categories, tags and authors by key, never by object
cycles.  Unpublished articles (drafts, scheduled) are left out here unless the build asks for them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from .config import Category, Config
from .content import Article
from .errors import Problem
from .vietnamese import address_slug, sort_key, variant_key


@dataclass(frozen=True)
class Term:
    """A tag or an author, grouping spellings that differ only by case, NFC or tone-mark placement."""

    key: str
    """`variant_key()` of the name: "tinh uy3" for both "Tỉnh ủy" and "Tỉnh uỷ"."""
    name: str
    """The spelling most articles use."""
    slug: str
    articles: tuple[Article, ...]
    """Newest first."""
    spellings: tuple[str, ...]
    """Every spelling seen, most used first (more than one means editors disagree)."""


@dataclass(frozen=True)
class ArchiveMonth:
    year: int
    month: int
    articles: tuple[Article, ...]
    """Newest first."""


@dataclass(frozen=True)
class Publication:
    """What a build publishes: everything by default; drafts and the future only when asked."""

    now: datetime
    drafts: bool = False
    future: bool = False

    def includes(self, article: Article) -> bool:
        return (self.drafts or not article.draft) and (self.future or article.date <= self.now)


def newest_first(article: Article) -> tuple:
    """The order of the index's articles (`Site.articles`, `by_category`, terms): newest first."""
    return (-article.date.timestamp(), article.source)


class Site:
    """The published articles of one build and every way pages look them up."""

    def __init__(self, config: Config, articles: list[Article], publication: Publication):
        self.config = config
        self.publication = publication
        published = sorted((a for a in articles if publication.includes(a)), key=newest_first)
        standing = [a for a in published if not a.withdrawn]
        self.articles: tuple[Article, ...] = tuple(a for a in standing if not self._expired(a))
        self.withdrawn: tuple[Article, ...] = tuple(a for a in published if a.withdrawn)
        """Taken down (`withdrawn:`): only their notice pages, at their addresses, remain."""
        self.expired: tuple[Article, ...] = tuple(a for a in standing if self._expired(a))
        """Past their `expires`: their pages remain, marked so; nothing lists them any more."""
        self.categories: tuple[Category, ...] = config.categories
        self.problems: list[Problem] = []
        self.paths: dict[str, str] = {}
        """Article source -> its path relative to the site root ("thoi-su/tin-202406251518/")."""
        self._assign_paths()

        by_category: dict[str, list[Article]] = defaultdict(list)
        by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
        zone = config.zone
        for article in self.articles:
            by_category[article.category].append(article)
            local = article.date.astimezone(zone)
            by_month[(local.year, local.month)].append(article)
        self.by_category = {c.slug: tuple(by_category.get(c.slug, ())) for c in self.categories}
        self.months = tuple(ArchiveMonth(y, m, tuple(items)) for (y, m), items in sorted(by_month.items(), reverse=True))
        self.tags = self._terms((tag, a) for a in self.articles for tag in a.tags)
        self.authors = self._terms((a.author, a) for a in self.articles if a.author)
        self._tag_by_key = {t.key: t for t in self.tags}
        self._author_by_key = {t.key: t for t in self.authors}
        self.corrected = tuple(sorted((a for a in self.articles if a.corrections),
                                      key=lambda a: (-a.corrections[-1].date.timestamp(), a.source)))
        """Articles with corrections, the newest correction first (/cai-chinh/ and its feed)."""
        self.videos = tuple(a for a in self.articles if a.video)
        """Articles with a video, newest first (the "Video" listing)."""
        self.episodes = tuple(a for a in self.articles if a.audio)
        """Articles with a recording, newest first (the podcast's page and feed)."""
        self.picked = self._picked(articles)
        """Article source -> the sources of the published articles its `related:` names, in its order."""

    # --- queries -----------------------------------------------------------------------------------

    def path_of(self, article: Article) -> str:
        return self.paths[article.source]

    def tag(self, name: str) -> Term:
        return self._tag_by_key[variant_key(name)]

    def tag_page(self, name: str) -> Term | None:
        """The tag, if it has a page: not one that only expired articles carry."""
        return self._tag_by_key.get(variant_key(name))

    def author(self, name: str) -> Term | None:
        return self._author_by_key.get(variant_key(name)) if name else None

    def shown(self) -> tuple[Article, ...]:
        """The articles whose own pages show them in full: the index's and the expired ones."""
        return self.articles + self.expired

    def media_files(self) -> dict[str, str]:
        """Output path -> source file of every recording and video file a page plays (published as
        committed)."""
        return {item.output_path: item.file for article in self.shown() for _, item in article.media}

    def photo_files(self) -> dict[str, str]:
        """Output path -> source file of every photo a page shows (the originals)."""
        return {photo.output_path: photo.file for article in self.shown() for photo in article.photos}

    def _expired(self, article: Article) -> bool:
        return article.expires is not None and article.expires <= self.publication.now

    def featured(self) -> tuple[Article, ...]:
        return tuple(a for a in self.articles if a.featured)

    # --- building the index ------------------------------------------------------------------------

    def address_of(self, article: Article) -> str:
        """The path the article permalink pattern gives an article ("thoi-su/tin-202406251518/")."""
        local = article.date.astimezone(self.config.zone)
        return self.config.permalinks.article.format(
            category=article.category, slug=article.slug, year=f"{local.year:04d}",
            month=f"{local.month:02d}", day=f"{local.day:02d}", hour=f"{local.hour:02d}",
            minute=f"{local.minute:02d}", stamp=local.strftime("%Y%m%d%H%M"),
        )

    def _assign_paths(self) -> None:
        owner: dict[str, Article] = {}
        for article in sorted(self.articles + self.withdrawn + self.expired, key=lambda a: a.source):
            path = self.address_of(article)
            if path in owner:
                first = owner[path]
                self.problems.append(Problem(
                    article.source,
                    f"this article would have the same address /{path} as {first.source}",
                    "give one of them another title or a `slug:` of its own", article.line_of("title"),
                ))
                continue
            owner[path] = article
            self.paths[article.source] = path

    def _picked(self, everything: list[Article]) -> dict[str, tuple[str, ...]]:
        """Resolves each article's `related:` against every article read (published or not: one
        not yet published is left out of this build's box, not refused).  A name may be the file
        (with or without "content/" and ".md"), the slug, or the address; one that names no
        article, several, or the article itself is the editor's error."""
        if not any(a.related for a in everything):
            return {}
        by_name = self._by_name(everything)
        published = {a.source for a in self.articles}
        picked: dict[str, tuple[str, ...]] = {}
        for article in self.articles:
            chosen = []
            for name in article.related:
                found = by_name.get(self._name_key(name), set())
                if len(found) != 1 or article.source in found:
                    self.problems.append(Problem(
                        article.source, _picked_problem(name, found, article.source),
                        "name each related article by its file under content/, e.g. "
                        "`related: [kinh-te/2024/ca-phe-dak-to.md]`", article.line_of("related")))
                    continue
                source = next(iter(found))
                if source in published and source not in chosen:
                    chosen.append(source)
            if chosen:
                picked[article.source] = tuple(chosen)
        return picked

    def named(self, name: str) -> set[str]:
        """The published articles (their sources) that `name` names, as `related:` names them."""
        return self._by_name(self.articles).get(self._name_key(name), set())

    def _by_name(self, articles: list[Article] | tuple[Article, ...]) -> dict[str, set[str]]:
        """Each name an article goes by (its file, with or without "content/" and ".md", its slug,
        its address) -> the articles of that name."""
        by_name: dict[str, set[str]] = defaultdict(set)
        for article in articles:
            path = article.source.removeprefix("content/")
            names = {article.source, path, path.rsplit(".", 1)[0], article.slug, self.paths.get(article.source, "")}
            for name in names - {""}:
                by_name[name.strip("/")].add(article.source)
        return by_name

    def _name_key(self, name: str) -> str:
        return name.removeprefix(self.config.base_url.rstrip("/")).removeprefix(self.config.base_path).strip("/")

    @staticmethod
    def _terms(pairs) -> tuple[Term, ...]:
        """Group (name, article) pairs by variant key; articles stay newest first."""
        grouped: dict[str, list[Article]] = defaultdict(list)
        spellings: dict[str, Counter] = defaultdict(Counter)
        oldest_use: dict[str, int] = {}
        for position, (name, article) in enumerate(pairs):
            key = variant_key(name)
            if not key:
                continue
            if not grouped[key] or grouped[key][-1] is not article:
                grouped[key].append(article)
            spellings[key][name] += 1
            oldest_use[name] = position  # pairs come newest first: the last position is the oldest use
        terms = []
        used_slugs: set[str] = set()
        for key in sorted(grouped):
            # The most used spelling; on a tie a capitalised one, then the one in use the longest,
            # so that the name of a page does not flip when one new article spells it differently.
            ranked = sorted(spellings[key].items(),
                            key=lambda kv: (-kv[1], not kv[0][:1].isupper(), -oldest_use[kv[0]]))
            name = ranked[0][0]
            base = address_slug(name) or "x"  # letters with no ASCII form ("Ə"); names without any are refused
            slug, n = base, 2
            while slug in used_slugs:  # "Hòa" and "Hóa" are different tags with one ASCII form
                slug, n = f"{base}-{n}", n + 1
            used_slugs.add(slug)
            terms.append(Term(key, name, slug, tuple(grouped[key]), tuple(s for s, _ in ranked)))
        return tuple(sorted(terms, key=lambda t: sort_key(t.name)))


def _picked_problem(name: str, found: set[str], source: str) -> str:
    if source in found:
        return f"`related` names the article itself ({name!r})"
    if not found:
        return f"`related` names {name!r}, but no article has that file, slug or address"
    return f"`related` names {name!r}, which several articles share: {', '.join(sorted(found))}"
