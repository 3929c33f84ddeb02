"""What reaches output/ across builds, judged by the files there alone: a failed first build
publishes nothing, a replaced photo is published anew, and the clock publishes scheduled articles
even when nothing else changed since the previous build."""

import os
import time
from datetime import timedelta

from conftest import NOW, article, png

LEAD = "{src: anh.png, caption: Ảnh minh họa, credit: MT}"
BIGGER = png(16, 12)
"""Compresses to one byte more than the 4x3 photo (8x6 compresses to as many bytes as 4x3)."""
BROKEN_404 = '{% extends "base.html" %}{% block content %}{{ page.no_such_field }}{% endblock %}\n'


def site_files(output):
    """Files of the site under output/ (a .git folder there is the deployer's, not the site's)."""
    if not output.exists():
        return []
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*")
                  if p.is_file() and ".git" not in p.relative_to(output).parts)


def test_a_first_build_that_fails_late_leaves_no_page_under_output(make_site):
    # The 404 template fails after the home and article pages were rendered.
    site = make_site({"content/a.md": article(title="Bài A"), "content/b.md": article(title="Bài B"),
                      "templates/404.html": BROKEN_404})
    problems = site.build_fails(jobs=1)
    assert "no_such_field" in problems[0].message
    assert site_files(site.root / "output") == []


def test_a_failed_first_build_into_an_empty_output_folder_leaves_it_empty(make_site):
    site = make_site({"content/a.md": article(title="Bài A"), "templates/404.html": BROKEN_404})
    (site.root / "output/.git").mkdir(parents=True)
    (site.root / "output/.git/HEAD").write_text("ref: refs/heads/main\n")
    site.build_fails(jobs=1)
    assert site_files(site.root / "output") == []
    assert (site.root / "output/.git/HEAD").read_text() == "ref: refs/heads/main\n"


def test_a_failed_first_build_with_the_cli_says_so_and_publishes_nothing(make_site):
    site = make_site({"content/a.md": article(title="Bài A"), "templates/404.html": BROKEN_404})
    result = site.cli("build", "--jobs", "1", "--no-progress")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no_such_field" in result.stderr
    assert site_files(site.root / "output") == []


def photo_site(make_site):
    site = make_site({"content/a.md": article(title="Bài có ảnh", image=LEAD), "content/anh.png": png(4, 3)},
                     extra_config="[photos]\npublish_originals = true")
    return site, site.root / "content/anh.png"


def test_a_photo_replaced_by_other_bytes_of_another_size_is_published_anew(make_site):
    site, photo = photo_site(make_site)
    assert len(BIGGER) != len(png(4, 3))
    assert site.build().path("media/anh.png").read_bytes() == png(4, 3)
    photo.write_bytes(BIGGER)
    assert site.build().path("media/anh.png").read_bytes() == BIGGER


def test_a_photo_replaced_keeping_its_old_timestamp_is_published_anew(make_site):
    # `cp -p` or an unzip keeps the modification time of the new file: only its size tells.
    site, photo = photo_site(make_site)
    site.build()
    stamp = photo.stat().st_mtime_ns
    photo.write_bytes(BIGGER)
    os.utime(photo, ns=(stamp, stamp))
    assert site.build().path("media/anh.png").read_bytes() == BIGGER


def test_a_photo_replaced_by_other_bytes_of_the_same_size_is_published_anew(make_site):
    site, photo = photo_site(make_site)
    site.build()
    other = png(8, 6)
    assert len(other) == len(png(4, 3)) and other != png(4, 3)
    stamp = photo.stat().st_mtime_ns
    photo.write_bytes(other)
    os.utime(photo, ns=(stamp + 1_000_000_000, stamp + 1_000_000_000))
    assert site.build().path("media/anh.png").read_bytes() == other


def settled(site):
    """Date every file of the site an hour back, as if the editors were done long ago, so that a
    build with nothing new may answer from its record (fresh stamps make it redo the work)."""
    moment = int((NOW - timedelta(hours=1)).timestamp() * 1e9)
    for path in site.root.rglob("*"):
        if "output" not in path.relative_to(site.root).parts and ".sitegen-cache" not in path.parts:
            os.utime(path, ns=(moment, moment))
    # Setting the mtime back moves the ctime to now, which no tool can set back; a file changed a
    # moment before a build looks at it proves nothing by its stamp, so let that moment pass.
    time.sleep(0.05)


def test_an_article_scheduled_for_10_is_published_at_10_01_after_a_no_change_build_at_09_59(make_site):
    site = make_site({"content/old.md": article(title="Tin đã đăng", date="2026-11-20 08:00"),
                      "content/hen-gio.md": article(title="Tin hẹn giờ", date="2026-11-26 10:00")})
    settled(site)
    scheduled = "thoi-su/tin-hen-gio-202611261000/"
    first = site.build(now=NOW.replace(hour=9, minute=0))
    assert not first.exists(scheduled)
    quiet = site.build(now=NOW.replace(hour=9, minute=59))
    assert quiet.report.up_to_date and not quiet.exists(scheduled)  # the fast path was taken
    later = site.build(now=NOW.replace(hour=10, minute=1))
    assert later.exists(scheduled)
    assert "Tin hẹn giờ" in later.text("")


def test_a_scheduled_article_previewed_with_future_loses_its_mark_when_its_time_comes(make_site):
    site = make_site({"content/hen-gio.md": article(title="Tin hẹn giờ", date="2026-11-26 10:00")})
    settled(site)
    scheduled = "thoi-su/tin-hen-gio-202611261000/"
    assert "Hẹn giờ" in site.build(future=True, now=NOW.replace(hour=9, minute=0)).text(scheduled)
    assert site.build(future=True, now=NOW.replace(hour=9, minute=59)).report.up_to_date
    assert "Hẹn giờ" not in site.build(future=True, now=NOW.replace(hour=10, minute=1)).text(scheduled)


def test_an_article_leaves_the_news_sitemap_when_its_window_ends_without_any_edit(make_site):
    site = make_site({"content/a.md": article(title="Tin mới", date="2026-11-25 08:00")})
    settled(site)
    address = "thoi-su/tin-moi-202611250800/"
    assert address in site.build(now=NOW).text("sitemap-news.xml")
    assert site.build(now=NOW + timedelta(hours=22)).report.up_to_date  # 2026-11-27 07:00: still in the window
    # Its window ended, and it was the only recent article: no news sitemap at all (an empty one is invalid).
    assert not site.build(now=NOW + timedelta(hours=24)).exists("sitemap-news.xml")


def test_an_output_folder_in_folders_not_yet_made_is_made_with_them(make_site):
    site = make_site({"content/a.md": article(title="Bài A")})
    built = site.build(site.root / "ban-dung/moi/output")
    assert built.html("index.html").select_one(".teaser-title a").get_text() == "Bài A"
    assert os.readlink(site.root / "ban-dung/moi/output") == ".output-releases/blue"
