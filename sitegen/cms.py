"""`sitegen cms`: the web editing form (Decap CMS) over the site's own Markdown files.

Writes `static/admin/`: `config.yml` made from `config.toml` (one collection per category, the
fields of the front-matter contract, the editorial workflow, Vietnamese), `index.html`, sitegen's
file format (`sitegen-format.js`, which keeps every byte an edit did not change) and the pinned
JavaScript packages (cms_package.py).  The build copies static/ into output/, so the form is
published with the site at `<base_url>static/admin/`.
"""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .cms_fields import PLAIN_KEYS, article_fields, front_matter_keys
from .cms_package import CACHE_DIR, PACKAGES, package_files, tarball
from .config import Config
from .config_toml import load_config
from .errors import BuildFailed, Problem
from .vietnamese import MAX_SLUG_LENGTH

ADMIN_DIR = "static/admin"
FORMAT = "sitegen-md"
"""The custom format sitegen-format.js registers: the collections read and write through it."""
NEW_FILE_KEYS = ("title", "date", "category", "author", "slug", "tags", "summary", "draft")
"""The lines `sitegen new` writes in every new article, in its order (sitegen/new.py)."""
LIST_KEYS = ("tags", "aliases", "related", "missing_photos")
"""Keys the reader also accepts as one comma-separated text: the form edits them as lists."""


@dataclass
class CmsReport:
    """What `sitegen cms` did."""

    written: list[str] = field(default_factory=list)
    """Files written or replaced, relative to the site folder."""
    unchanged: int = 0
    warnings: list[Problem] = field(default_factory=list)


def backend(config: Config) -> dict[str, Any]:
    """The `backend:` section from `[cms]`: only the keys given, plus PKCE where the host has it."""
    cms = config.cms
    section: dict[str, Any] = {"name": cms.backend, "repo": cms.repo or "OWNER/REPOSITORY", "branch": cms.branch}
    for key in ("base_url", "auth_endpoint", "api_root", "app_id"):
        if getattr(cms, key):
            section[key] = getattr(cms, key)
    if cms.backend == "gitlab" and cms.app_id:
        section["auth_type"] = "pkce"  # from the browser, no OAuth server and no secret
    section["squash_merges"] = True  # one commit per published article on the main branch
    return section


def publish_mode(config: Config) -> str:
    """Draft -> review -> publish as branches and pull/merge requests, where the backend has it:
    Decap's `gitea` backend has none, and would publish a "draft" at once; there, say so plainly."""
    return "simple" if config.cms.backend == "gitea" else "editorial_workflow"


def collection(config: Config, name: str, slug: str, description: str) -> dict[str, Any]:
    """One category's articles, laid out as `sitegen new` lays them out:
    content/<category>/<year>/<slug>.md, photos in images/ beside it."""
    return {
        "name": slug, "label": name, "label_singular": name, "description": description,
        "folder": f"content/{slug}", "path": "{{year}}/{{slug}}", "create": True,
        # The file is named once, when the article is created, after its `slug:` (set from the
        # title by sitegen-format.js): renaming a title later neither renames nor orphans it.
        "slug": "{{fields.slug}}",
        "format": FORMAT, "extension": "md",
        "media_folder": "images", "public_folder": "images",  # relative to the article's folder
        "sortable_fields": ["date", "title", "author"],
        "summary": "{{title}} ({{date}})",
        "fields": article_fields(name, config.timezone),
    }


def cms_config(config: Config) -> dict[str, Any]:
    """Decap's config.yml, as a mapping."""
    return {
        "backend": backend(config),
        "local_backend": True,  # with `npx decap-server` running beside the site, the form writes to it
        "publish_mode": publish_mode(config),
        "locale": "vi",
        "site_url": config.base_url,
        "display_url": config.base_url,
        # Photos uploaded outside an article (the "Tập tin" page): content/images/, named "/images/..."
        # in front matter, which the reader takes as relative to content/.
        "media_folder": "content/images",
        "public_folder": "/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": False},  # Decap's preview is unstyled; `sitegen serve` shows the real page
        "collections": [collection(config, c.name, c.slug, c.description) for c in config.categories],
    }


def format_settings(config: Config) -> dict[str, Any]:
    """What sitegen-format.js needs to know of the site's front-matter contract."""
    order = front_matter_keys(article_fields(config.categories[0].name if config.categories else "", config.timezone))
    return {"order": order, "newKeys": list(NEW_FILE_KEYS), "plainKeys": list(PLAIN_KEYS),
            "listKeys": list(LIST_KEYS), "maxSlug": MAX_SLUG_LENGTH}


def index_html(config: Config) -> str:
    """The admin page: the packages shipped beside it, then sitegen's format, then Decap starts."""
    settings = json.dumps(format_settings(config), ensure_ascii=False).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Soạn bài – {html.escape(config.title)}</title>
</head>
<body>
<!-- Made by `sitegen cms` from config.toml: edit config.toml and run it again, not this file. -->
<script>window.CMS_MANUAL_INIT = true; window.SITEGEN_CMS = {settings};</script>
<script src="js-yaml/js-yaml.min.js"></script>
<script src="decap-cms/decap-cms.js"></script>
<script src="sitegen-format.js"></script>
<script>CMS.init();</script>
</body>
</html>
"""


def _inside(site_dir: Path, path: Path) -> None:
    """Refuse to write through a link that leads out of the site (static/ or admin/ as a symlink)."""
    # (os.path.realpath, not Path.resolve: a link round in a loop raises there)
    real, shown = Path(os.path.realpath(path)), path.relative_to(site_dir).as_posix()
    if os.path.lexists(path) and not os.path.exists(path):
        raise BuildFailed([Problem(shown, "is a link to nothing (a folder not there, or a loop of links)",
                                   "remove the link: sitegen cms makes the folder itself")])
    if not real.is_relative_to(os.path.realpath(site_dir)):
        raise BuildFailed([Problem(
            shown, f"leads outside the site folder (to {real})",
            "make it a plain folder of the site (not a link elsewhere): sitegen cms writes nothing outside the site")])


def _write(site_dir: Path, rel: str, data: bytes, report: CmsReport) -> None:
    path = site_dir / rel
    _inside(site_dir, path.parent)
    if path.is_file() and path.read_bytes() == data:
        report.unchanged += 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    _inside(site_dir, path.parent)
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_bytes(data)
    temporary.replace(path)
    report.written.append(rel)


def generate_cms(site_dir: Path) -> CmsReport:
    """Write static/admin/ for the site in `site_dir`; raises BuildFailed (config.toml's problems,
    a package that cannot be had) before writing anything."""
    config, warnings = load_config(site_dir)
    report = CmsReport(warnings=list(warnings))
    if not config.cms.repo:
        report.warnings.append(Problem(
            "config.toml", "[cms] has no `repo`: the form works only in local mode (`npx decap-server`)",
            'add `[cms]` with `repo = "owner/name"` (and `backend`, `app_id`: see the README, "Web editing form")',
            severity="warning"))
    if publish_mode(config) == "simple":
        report.warnings.append(Problem(
            "config.toml", "[cms] backend \"gitea\" has no editorial workflow: every save is published at once",
            'on Forgejo (Codeberg too) write backend = "forgejo", which has drafts, review and publishing',
            severity="warning"))
    for folder in (CACHE_DIR, ADMIN_DIR, *(f"{ADMIN_DIR}/{package.folder}" for package in PACKAGES)):
        _inside(site_dir, site_dir / folder)  # all before the first write: a refusal leaves nothing half-done
    packages = {package: package_files(package, tarball(site_dir, package)) for package in PACKAGES}
    text = "# Made by `sitegen cms` from config.toml: edit config.toml and run it again.\n" + yaml.safe_dump(
        cms_config(config), allow_unicode=True, sort_keys=False, width=120)
    _write(site_dir, f"{ADMIN_DIR}/config.yml", text.encode(), report)
    _write(site_dir, f"{ADMIN_DIR}/index.html", index_html(config).encode(), report)
    script = resources.files("sitegen").joinpath("cms_admin/sitegen-format.js").read_bytes()
    _write(site_dir, f"{ADMIN_DIR}/sitegen-format.js", script, report)
    for package, files in packages.items():
        folder = f"{ADMIN_DIR}/{package.folder}"
        for name, data in sorted(files.items()):
            _write(site_dir, f"{folder}/{name}", data, report)
        for old in sorted((site_dir / folder).iterdir()):
            if old.is_file() and old.name not in files:  # another version's chunks: this folder is ours
                old.unlink()
    return report
