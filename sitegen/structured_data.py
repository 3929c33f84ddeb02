"""schema.org JSON-LD, as search engines read it: the paper as a NewsMediaOrganization, the home
page as its WebSite, each article as a NewsArticle with its BreadcrumbList.  Made only when a page
is rendered (`PageInfo.structured_data`), from what the page shows."""

from __future__ import annotations

from .config import Config
from .views import ArticleView


def organization(config: Config, logo: str) -> dict:
    return {"@type": "NewsMediaOrganization", "name": config.title, "url": config.base_url,
            "logo": {"@type": "ImageObject", "url": logo}}


def home(config: Config, logo: str) -> tuple[dict, ...]:
    return ({"@context": "https://schema.org", "@type": "WebSite", "name": config.title, "url": config.base_url,
             "inLanguage": config.language, "publisher": organization(config, logo)},)


def video_object(view: ArticleView, images: tuple[str, ...], config: Config) -> dict:
    """The article's video for search engines (Google's video guidance: name, description,
    thumbnailUrl and uploadDate required; duration, and embedUrl or contentUrl, when known)."""
    video = view.video
    found = {"@type": "VideoObject", "name": view.title, "description": view.summary or view.title,
             "uploadDate": view.date.isoformat(timespec="seconds")}
    if video.youtube:
        found |= {"embedUrl": video.embed_url, "url": video.watch_url}
    else:
        found["contentUrl"] = config.absolute_url(video.url)
    if images:
        found["thumbnailUrl"] = list(images)
    if video.iso_duration:
        found["duration"] = video.iso_duration
    return found


def article(view: ArticleView, images: tuple[str, ...], *, config: Config, logo: str, home: str) -> tuple[dict, ...]:
    """NewsArticle and BreadcrumbList; `images`: absolute addresses of its photo's crops, `home`:
    the home page's name in breadcrumbs."""
    news = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": view.absolute_url},
        "url": view.absolute_url, "headline": view.title, "description": view.summary,
        "datePublished": view.date.isoformat(timespec="seconds"),
        "dateModified": view.modified.isoformat(timespec="seconds"),
        "articleSection": view.category.name, "inLanguage": config.language,
        "publisher": organization(config, logo),
    }
    if images:
        news["image"] = list(images)
    if view.author:
        news["author"] = [{"@type": "Person", "name": view.author.name, "url": config.absolute_url(view.author.url)}]
    else:
        news["author"] = [organization(config, logo)]
    if view.tags:
        news["keywords"] = [t.name for t in view.tags]
    if view.video:
        news["video"] = video_object(view, images, config)
    crumbs = [(home, config.base_url), (view.category.name, config.absolute_url(view.category.url)),
              (view.title, view.absolute_url)]
    breadcrumbs = {
        "@context": "https://schema.org", "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": n, "name": name, "item": url}
                            for n, (name, url) in enumerate(crumbs, 1)],
    }
    return news, breadcrumbs
