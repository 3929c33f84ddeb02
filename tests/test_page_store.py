"""Pages kept in the cache by the digest of their inputs: a publish in CI, on a fresh clone with
.sitegen-cache/ restored, renders nothing that an earlier build rendered."""

from __future__ import annotations

import io
import os
import shutil

import pytest
from PIL import Image

from conftest import CAMERA, Site, article, camera_photo


def newsroom(make_site) -> Site:
    return make_site({
        "content/thoi-su/lu.md": article(title="Lũ quét ở Đăk Glei", image="lu.jpg", tags="[lũ, Kon Tum]"),
        "content/thoi-su/lu.jpg": camera_photo(),
        "content/kinh-te/ca-phe.md": article(title="Giá cà phê lên cao", category="Kinh tế", date="2024-06-24 08:00"),
        "content/kinh-te/lua.md": article(title="Lúa hè thu được mùa", category="Kinh tế", date="2024-06-23 08:00"),
        # The newsroom's own page for a missing address, over the theme's.
        "templates/404.html": '{% extends "base.html" %}{% block content %}<h1>Không tìm thấy trang</h1>{% endblock %}',
    })


def fresh_clone(site: Site, where) -> Site:
    """What CI has: the site's files checked out anew elsewhere (new inodes, new mtimes), no
    output/, and the cache folder restored."""
    shutil.copytree(site.root, where, ignore=shutil.ignore_patterns("output", ".output-releases"))
    for folder, _, files in os.walk(where):
        for name in files:
            os.utime(os.path.join(folder, name))
    return Site(where)


def test_a_fresh_clone_with_the_cache_restored_renders_no_page_and_publishes_the_same_bytes(make_site, tmp_path):
    site = newsroom(make_site)
    first = site.build()
    assert first.report.rendered > 5
    clone = fresh_clone(site, tmp_path / "ci-checkout")
    again = clone.build()
    assert again.report.rendered == 0
    assert again.files() == first.files()


def test_a_clone_with_the_cache_and_the_output_restored_changes_no_file(make_site, tmp_path):
    """CI that restores output/ beside .sitegen-cache/ (copied with their times): the records of
    what output/ holds are the cache's, wherever the site is checked out, so nothing is published
    again (a deploy that copies changed files sends none)."""
    site = newsroom(make_site)
    first = site.build()
    clone = Site(tmp_path / "ci-checkout")
    shutil.copytree(site.root, clone.root, symlinks=True)  # (copy2: times kept, inodes new)
    again = clone.build()
    assert (again.report.rendered, again.report.changed) == (0, 0)
    assert again.files() == first.files()


def test_an_edit_undone_renders_nothing(make_site):
    site = newsroom(make_site)
    site.build()
    original = (site.root / "content/kinh-te/lua.md").read_text(encoding="utf-8")
    site.write("content/kinh-te/lua.md", original.replace("Lúa hè thu được mùa", "Lúa hè thu mất mùa"))
    assert site.build().report.rendered > 0
    site.write("content/kinh-te/lua.md", original)
    undone = site.build()
    assert undone.report.rendered == 0
    assert "Lúa hè thu được mùa" in undone.text("kinh-te/")


def test_a_stored_page_edited_in_place_is_rendered_afresh(make_site, tmp_path):
    site = newsroom(make_site)
    first = site.build()
    page = first.path("kinh-te/")
    expected = page.read_bytes()
    with open(page, "r+b") as file:  # in place: the stored page shares the file
        file.write(b"<!-- hacked -->")
    clone = fresh_clone(site, tmp_path / "ci-checkout")
    again = clone.build()
    assert again.report.rendered == 1
    assert again.path("kinh-te/").read_bytes() == expected


@pytest.mark.parametrize("reached", ["at its own path", "through a linked folder"])
def test_a_clone_reads_its_own_photos_never_those_of_the_site_it_was_cloned_from(make_site, tmp_path, reached):
    """Also where the checkout is under a linked folder (/home -> /data/home), which the photos'
    real paths do not start with."""
    site = newsroom(make_site)
    if reached == "through a linked folder":
        (tmp_path / "via").symlink_to(tmp_path)
        site = Site(tmp_path / "via" / "site")
    first = site.build()
    clone = fresh_clone(site, tmp_path / "ci-checkout")
    out = io.BytesIO()
    Image.new("RGB", CAMERA, (20, 140, 40)).save(out, "JPEG")
    site.write("content/thoi-su/lu.jpg", out.getvalue())  # the original site changes after the clone
    again = clone.build()
    assert again.files() == first.files()


def test_links_in_the_cache_folder_never_lead_a_build_outside_the_site(make_site, tmp_path):
    """A commit can carry `.sitegen-cache/pages -> /somewhere`: the folders a build writes into
    are its own, so such a link is removed (not what it points at) and nothing lands outside."""
    site = newsroom(make_site)
    first = site.build()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("không được đụng tới")
    for name in ("pages", "renditions", "search"):
        shutil.rmtree(site.root / ".sitegen-cache" / name)
        (site.root / ".sitegen-cache" / name).symlink_to(elsewhere)
    site.write("content/kinh-te/lua.md", article(title="Lúa hè thu được mùa lớn", category="Kinh tế",
                                                 date="2024-06-23 08:00"))
    again = site.build()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]
    assert again.files().keys() == first.files().keys()
