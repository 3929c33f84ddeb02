"""`sitegen cms` without a browser: config.yml from config.toml, the fields against the reader's
front-matter contract, the pinned packages, and sitegen-format.js (in Node) keeping every byte an
edit does not change."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import yaml

from sitegen.article_media import AUDIO_FIELDS, PHOTO_FIELDS
from sitegen.article_reader import CORRECTION_FIELDS
from sitegen.cms import cms_config, generate_cms
from sitegen.cms_package import CACHE_DIR, DECAP_CMS
from sitegen.config_toml import load_config
from sitegen.errors import BuildFailed
from sitegen.front_matter import KNOWN_FIELDS
from sitegen.new import new_article
from sitegen.video import VIDEO_FIELDS

from cms_support import run_format, seed_packages
from conftest import NOW


def fields_of(collection: dict) -> dict[str, dict]:
    return {field["name"]: field for field in collection["fields"]}


def test_one_collection_per_category_laid_out_as_the_site_lays_out_articles(make_site):
    site = make_site()
    config, _ = load_config(site.root)
    collections = cms_config(config)["collections"]
    assert [(c["name"], c["label"], c["folder"]) for c in collections] == [
        ("thoi-su", "Thời sự", "content/thoi-su"), ("kinh-te", "Kinh tế", "content/kinh-te"),
        ("van-hoa-du-lich", "Văn hóa - Du lịch", "content/van-hoa-du-lich")]
    for c in collections:
        # content/<category>/<year>/<slug>.md, its photos in images/ beside it, named once from `slug:`
        assert (c["path"], c["slug"], c["media_folder"], c["public_folder"]) == \
            ("{{year}}/{{slug}}", "{{fields.slug}}", "images", "images")
        assert c["format"] == "sitegen-md" and c["extension"] == "md"
        assert fields_of(c)["category"] == {"name": "category", "label": "Chuyên mục", "widget": "hidden",
                                             "default": c["label"]}


def test_the_form_has_a_field_for_every_key_the_reader_accepts_and_no_other(make_site):
    config, _ = load_config(make_site().root)
    fields = fields_of(cms_config(config)["collections"][0])
    assert set(fields) - {"body"} == set(KNOWN_FIELDS)
    for key in ("image", "images", "gallery"):
        assert [f["name"] for f in fields[key]["fields"]] == list(PHOTO_FIELDS), key
    assert [f["name"] for f in fields["video"]["fields"]] == list(VIDEO_FIELDS)
    assert [f["name"] for f in fields["audio"]["fields"]] == list(AUDIO_FIELDS)
    assert [f["name"] for f in fields["corrections"]["fields"]] == list(CORRECTION_FIELDS)
    assert fields["image"]["fields"][0]["widget"] == "image"
    assert fields["summary"]["label"] == "Sapo"


def test_dates_are_local_time_in_the_sites_zone_never_utc(make_site):
    config, _ = load_config(make_site().root)
    fields = fields_of(cms_config(config)["collections"][0])
    for key in ("date", "updated", "expires"):
        assert fields[key]["format"] == "YYYY-MM-DD HH:mm" and fields[key]["picker_utc"] is False, key
    assert fields["date"]["default"] == "{{now}}"  # a new article's date is the present moment
    assert fields["updated"]["default"] == "" and fields["expires"]["default"] == ""  # optional ones stay empty


def test_workflow_locale_and_backends(make_site):
    site = make_site()
    settings = cms_config(load_config(site.root)[0])
    assert (settings["locale"], settings["publish_mode"], settings["local_backend"]) == ("vi", "editorial_workflow", True)
    assert settings["backend"]["name"] == "github"
    site.write("config.toml", (site.root / "config.toml").read_text() + """
[cms]
backend = "gitlab"
repo = "baongoclinh/website"
branch = "xuat-ban"
app_id = "abc123"
""")
    backend = cms_config(load_config(site.root)[0])["backend"]
    assert backend == {"name": "gitlab", "repo": "baongoclinh/website", "branch": "xuat-ban", "app_id": "abc123",
                       "auth_type": "pkce", "squash_merges": True}
    # Decap's gitea backend has no drafts: the form says so rather than publish a "draft" at once.
    site.write("config.toml", (site.root / "config.toml").read_text().replace('"gitlab"', '"gitea"'))
    assert cms_config(load_config(site.root)[0])["publish_mode"] == "simple"


def test_a_wrong_cms_table_is_an_error_by_key_exit_1_no_traceback(make_site):
    site = make_site()
    site.write("config.toml", (site.root / "config.toml").read_text() + '\n[cms]\nbackend = "svn"\nrepo = "x"\n')
    done = site.cli("cms")
    assert done.returncode == 1, done.stderr
    assert "cms.backend: 'svn' is not a git host" in done.stderr and "cms.repo" in done.stderr
    assert "Traceback" not in done.stderr and not (site.root / "static").exists()


def test_cms_writes_the_admin_and_the_pinned_packages_inside_the_site(make_site, npm_cache):
    site = make_site()
    seed_packages(site.root, npm_cache)
    done = site.cli("cms")
    assert done.returncode == 0, done.stderr
    admin = site.root / "static" / "admin"
    assert yaml.safe_load((admin / "config.yml").read_text())["locale"] == "vi"
    page = (admin / "index.html").read_text()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts == ["js-yaml/js-yaml.min.js", "decap-cms/decap-cms.js", "sitegen-format.js"]
    assert all((admin / src).is_file() for src in scripts)  # shipped, never a CDN
    assert len(list((admin / "decap-cms").glob("*.decap-cms.js"))) > 20  # the bundle's lazy chunks beside it
    assert not list((admin / "decap-cms").glob("*.map"))
    again = site.cli("cms")
    assert again.returncode == 0 and "0 file(s) written" in again.stdout
    # The build publishes the form with the site, under its plain names only (no hashed copies).
    built = site.build()
    assert built.path("static/admin/index.html").read_bytes() == (admin / "index.html").read_bytes()
    assert built.exists("static/admin/decap-cms/decap-cms.js") and not built.exists("static/v/admin")


def test_offline_without_the_tarball_is_a_clear_error_and_nothing_is_written(make_site):
    site = make_site()
    done = subprocess.run([sys.executable, "-m", "sitegen.cli", "cms"], cwd=site.root, capture_output=True, text=True,
                          env={**os.environ, "npm_config_registry": "http://127.0.0.1:9/"}, timeout=120)
    assert done.returncode == 1
    assert f"cannot download http://127.0.0.1:9/decap-cms/-/{DECAP_CMS.tarball_name}" in done.stderr
    assert "connect this computer to the internet" in done.stderr and "npm pack decap-cms@" in done.stderr
    assert "Traceback" not in done.stderr and not (site.root / "static").exists()


def test_a_tarball_that_is_not_the_pinned_one_is_refused(make_site, npm_cache, monkeypatch):
    site = make_site()
    seed_packages(site.root, npm_cache)
    cached = site.root / CACHE_DIR / DECAP_CMS.tarball_name
    cached.write_bytes(cached.read_bytes()[:-1] + b"x")  # not the pinned bytes: fetched again, here from nowhere
    monkeypatch.setenv("npm_config_registry", "http://127.0.0.1:9/")
    with pytest.raises(BuildFailed) as caught:
        generate_cms(site.root)
    assert "cannot download" in caught.value.problems[0].message
    assert not (site.root / "static").exists()


SAMPLE = """\
---
# Bài mẫu: chú thích và khóa lạ phải còn nguyên.
title: 'Giao ban "quý" II'
date: "25/06/2024 15:18"
category: kinh-te
tags: Cà phê, Đắk Hà
source: "Báo cũ"
priority: 3
image:
  src: images/a.jpg   # ảnh gốc
  caption: >
    Chú thích
    hai dòng.
  focus: [0.5, 0.3]

draft: no
---

Đoạn một  với hai dấu cách.\r
![](images/a.jpg)

"""


def test_the_format_gives_back_every_byte_when_nothing_or_only_the_title_changes(make_site, npm_cache):
    site = make_site()
    read, same, retitled, emptied, added = run_format(site.root, npm_cache, [
        {"op": "read", "text": SAMPLE},
        {"op": "roundtrip", "text": SAMPLE},
        {"op": "edit", "text": SAMPLE, "changes": {"title": "Giao ban quý III"}},
        {"op": "edit", "text": SAMPLE, "changes": {"tags": []}},
        {"op": "edit", "text": SAMPLE, "changes": {"featured": True, "author": "Thu Hà"}},
    ])
    assert read["date"] == "25/06/2024 15:18" and read["tags"] == ["Cà phê", "Đắk Hà"]  # text, as sitegen reads it
    assert read["image"]["focus"] == "0.5,0.3" and read["source"] == "Báo cũ"
    assert same == SAMPLE
    assert retitled == SAMPLE.replace("""title: 'Giao ban "quý" II'""", 'title: "Giao ban quý III"')
    assert emptied == SAMPLE.replace("tags: Cà phê, Đắk Hà\n", "")
    # New keys come after the last key, before the closing line; nothing else moves.
    assert added == SAMPLE.replace("draft: no\n", 'draft: no\nauthor: "Thu Hà"\nfeatured: true\n')


def test_a_new_article_is_written_as_sitegen_new_writes_one(make_site, npm_cache):
    site = make_site()
    made = new_article(site.root, "Đắk Hà: nông dân thu hoạch cà phê sớm hơn mọi năm", "Kinh tế", "Thu Hà", now=NOW)
    by_hand = made.path.read_text(encoding="utf-8")
    slug, from_form = run_format(site.root, npm_cache, [
        {"op": "slug", "text": "Đắk Hà: nông dân thu hoạch cà phê sớm hơn mọi năm"},
        {"op": "new", "data": {
            "title": "Đắk Hà: nông dân thu hoạch cà phê sớm hơn mọi năm", "date": f"{NOW:%Y-%m-%d %H:%M}",
            "category": "Kinh tế", "author": "Thu Hà", "slug": made.path.stem, "tags": [], "summary": "",
            "draft": True, "body": "Viết nội dung bài ở đây. Bỏ dòng `draft: true` khi bài đã sẵn sàng đăng.",
            "image": {"src": "", "caption": ""}}},  # an empty photo, as the form leaves it: no lines
    ])
    assert slug == made.path.stem
    assert from_form == "".join(line for line in by_hand.splitlines(keepends=True) if not line.startswith("#"))


def test_an_unreadable_front_matter_is_listed_marked_and_never_rewritten(make_site, npm_cache):
    broken = '---\ntitle: "Bài hỏng\ndate: 2025-01-01 08:00\n---\n\nThân bài.\n'
    read, refused = run_format(make_site().root, npm_cache, [{"op": "read", "text": broken},
                                                              {"op": "save_error", "text": broken}])
    assert read["title"].startswith("⚠ Phần đầu bài không đọc được (") and read["body"] == "\nThân bài.\n"
    assert refused.startswith("Phần đầu bài không đọc được (") and "sửa tệp bằng tay" in refused


def test_the_forms_file_names_are_sitegens_slugs(make_site, npm_cache):
    from sitegen.vietnamese import address_slug

    titles = ["Giao ban Khối Đảng quý II/2020", "Tỉnh phấn đấu tăng trưởng kinh tế 8,5% trong năm 2026",
              "Người dân 'Măng Đen' nói: “Được mùa!”", "ĐẮK TÔ: Tỉnh uỷ họp", "Hồ Chí Minh " * 14]
    slugs = run_format(make_site().root, npm_cache, [{"op": "slug", "text": title} for title in titles])
    assert slugs == [address_slug(title) for title in titles]


def test_nothing_is_written_through_a_link_out_of_the_site(make_site, npm_cache, tmp_path):
    site = make_site()
    seed_packages(site.root, npm_cache)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (site.root / "static").symlink_to(elsewhere, target_is_directory=True)
    done = site.cli("cms")
    assert done.returncode == 1 and "static/admin: error: leads outside the site folder" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and list(elsewhere.iterdir()) == []


def test_a_link_round_in_a_loop_where_the_form_goes_is_an_error_not_a_traceback(make_site, npm_cache):
    site = make_site()
    seed_packages(site.root, npm_cache)
    (site.root / "static").mkdir(exist_ok=True)
    (site.root / "static/admin").symlink_to("admin")
    done = site.cli("cms")
    assert done.returncode == 1 and "static/admin: error: is a link to nothing" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
