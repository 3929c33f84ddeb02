"""The "up to date" answer (sitegen/freshness.py), where the mutation run (bench/mutation.py) found it
untested: what a build with nothing to do must still notice, and the margins of its clock."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import NOW, article, png
from sitegen import freshness
from sitegen.cache import BuildCache
from sitegen.freshness import input_fingerprint, record, up_to_date
from sitegen.theme import builtin_themes_dir
from test_publish_guards import settled

SCHEDULED = "thoi-su/tin-hen-gio-202611261000/"


def quiet_site(make_site):
    """A site whose files were last changed an hour ago, with a draft and an article due at 10:00."""
    site = make_site({"content/a.md": article(title="Tin đã đăng", date="2026-11-20 08:00"),
                      "content/nhap.md": article(title="Bản nháp", date="2026-11-21 08:00", draft="true"),
                      "content/hen-gio.md": article(title="Tin hẹn giờ", date="2026-11-26 10:00")})
    settled(site)
    return site


def test_a_second_build_at_the_same_moment_is_up_to_date_and_other_options_are_not(make_site):
    site = quiet_site(make_site)
    assert not site.build().report.up_to_date
    assert site.build().report.up_to_date  # the same moment, nothing changed
    drafts = site.build(drafts=True)
    assert not drafts.report.up_to_date and drafts.exists("thoi-su/ban-nhap-202611210800/")
    future = site.build(future=True)
    assert not future.report.up_to_date and future.exists(SCHEDULED)
    assert not future.exists("thoi-su/ban-nhap-202611210800/")


def test_at_the_exact_moment_an_article_is_due_it_is_published(make_site):
    site = quiet_site(make_site)
    site.build(now=NOW)  # 09:00
    assert site.build(now=NOW.replace(hour=9, minute=59, second=59)).report.up_to_date
    due = site.build(now=NOW.replace(hour=10))
    assert not due.report.up_to_date and due.exists(SCHEDULED)


def test_a_change_to_config_toml_alone_is_seen(make_site):
    site = quiet_site(make_site)
    site.build()
    config = site.root / "config.toml"
    stamp = config.stat().st_mtime_ns
    config.write_text(config.read_text(encoding="utf-8").replace("Báo Thử Nghiệm", "Báo Mới Đổi"), encoding="utf-8")
    os.utime(config, ns=(stamp, stamp))
    time.sleep(0.05)
    built = site.build()
    assert not built.report.up_to_date and "Báo Mới Đổi" in built.text("")


def test_a_file_stamped_in_the_future_never_lets_a_build_answer_up_to_date(make_site):
    # A file copied from a machine whose clock is ahead: it may change again without its stamp moving.
    site = quiet_site(make_site)
    ahead = int((time.time() + 3600) * 1e9)
    os.utime(site.root / "content/a.md", ns=(ahead, ahead))
    time.sleep(0.05)
    site.build()
    assert not site.build().report.up_to_date


def test_output_switched_back_by_hand_to_the_older_tree_is_published_again(make_site):
    site = quiet_site(make_site)
    site.build()
    site.write("content/a.md", article(title="Tin đã sửa", date="2026-11-20 08:00"))
    settled(site)
    site.build()  # output -> green; blue holds the site before the edit
    link = site.root / "output"
    os.unlink(link)
    os.symlink(".output-releases/blue", link)
    built = site.build()
    assert not built.report.up_to_date and "Tin đã sửa" in built.text("")


def test_a_page_edited_by_hand_in_output_is_published_again(make_site):
    site = quiet_site(make_site)
    built = site.build()
    page = built.path("thoi-su/tin-da-dang-202611200800/")
    good = page.read_bytes()
    stamp = page.stat().st_mtime_ns
    page.write_bytes(good.replace("Tin đã đăng".encode(), "Tin ĐÃ ĐĂNG".encode()))  # the same size, a new mtime
    assert not site.build().report.up_to_date and page.read_bytes() == good
    page = site.build().path("thoi-su/tin-da-dang-202611200800/")  # the fast path again (same tree)
    page.write_bytes(good + b"<!-- x -->")
    os.utime(page, ns=(stamp, stamp))  # another size, the old mtime
    rebuilt = site.build()
    assert not rebuilt.report.up_to_date and rebuilt.path("thoi-su/tin-da-dang-202611200800/").read_bytes() == good


def test_the_newest_stamp_is_the_latest_mtime_or_ctime_of_any_watched_file(make_site):
    site = quiet_site(make_site)
    site.write("static/ghi-chu.txt", "x")
    settled(site)  # every mtime an hour back: the ctimes, now, are the newest
    files = [p for p in site.root.rglob("*") if p.is_file() and p.name != "config.toml"]
    newest = input_fingerprint(site.root, site.root / "output", False, False).newest
    assert newest == max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in files)


def test_a_change_to_sitegens_own_theme_changes_the_fingerprint(make_site):
    site = quiet_site(make_site)
    before = input_fingerprint(site.root, site.root / "output", False, False)
    theme_file = next(p for p in sorted((builtin_themes_dir() / "default").rglob("*")) if p.is_file())
    stamp = theme_file.stat()
    os.utime(theme_file, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1))
    try:
        after = input_fingerprint(site.root, site.root / "output", False, False)
    finally:
        os.utime(theme_file, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert before[0] != after[0]


def test_a_record_is_trusted_only_when_taken_more_than_20_ms_after_the_newest_change(make_site):
    site = quiet_site(make_site)
    site.build()
    out = site.root / "output"
    fingerprint = input_fingerprint(site.root, out, False, False)
    cache = BuildCache(site.root / ".sitegen-cache")
    summary = {"files": 1}
    for taken_after, trusted in [(20_000_000, False), (20_000_001, True)]:
        record(cache, out, fingerprint, fingerprint[1] + taken_after, NOW.timestamp(), NOW.timestamp() + 60, summary)
        assert (up_to_date(site.root / ".sitegen-cache", fingerprint, out, NOW.timestamp()) == summary) is trusted
    assert up_to_date(site.root / ".sitegen-cache", fingerprint, out, NOW.timestamp() + 60) is None
    assert up_to_date(site.root / ".sitegen-cache", fingerprint, out, NOW.timestamp() - 1) is None
    cache.close()


def test_output_removed_by_hand_is_published_again(make_site):
    site = quiet_site(make_site)
    site.build()
    os.unlink(site.root / "output")
    built = site.build()
    assert not built.report.up_to_date and built.exists("index.html")


def test_a_build_on_the_real_clock_with_nothing_changed_is_up_to_date(make_site):
    site = quiet_site(make_site)
    assert site.build(now=None).exists(SCHEDULED)  # the real clock is past 2026-11-26 10:00
    assert site.build(now=None).report.up_to_date


def test_output_switched_back_to_a_tree_with_a_file_since_deleted_is_published_again(make_site):
    # The two trees hold the same pages (hard links): only the static file deleted since tells them apart.
    site = quiet_site(make_site)
    site.write("static/cu.txt", "tệp cũ")
    settled(site)
    site.build()  # blue, with static/cu.txt
    (site.root / "static/cu.txt").unlink()
    site.build()  # green, without it
    link = site.root / "output"
    os.unlink(link)
    os.symlink(".output-releases/blue", link)
    built = site.build()
    assert not built.report.up_to_date and not built.exists("static/cu.txt")


def test_an_installed_sitegen_watches_the_themes_inside_its_package(tmp_path):
    # Installed from a wheel, the built-in themes are sitegen/themes; in a checkout, ../themes.
    installed = tmp_path / "site-packages" / "sitegen"
    shutil.copytree(Path(freshness.__file__).parent, installed, ignore=shutil.ignore_patterns("__pycache__", "themes"))
    (installed / "themes" / "default").mkdir(parents=True)
    found = subprocess.run([sys.executable, "-c", "from sitegen.theme import builtin_themes_dir; print(builtin_themes_dir())"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(installed.parent)},
                           capture_output=True, text=True, check=True).stdout.strip()
    assert found == str(installed / "themes")


def test_a_site_without_config_toml_is_told_so_not_a_traceback(make_site):
    site = quiet_site(make_site)
    (site.root / "config.toml").unlink()
    problem = site.build_fails()[0]
    assert "config.toml" in f"{problem.file} {problem.message}"


def test_an_edit_after_a_dangling_link_in_the_same_folder_is_seen(make_site):
    site = quiet_site(make_site)
    os.symlink("khong-con", site.root / "content/0-lien-ket-hong.png")  # sorted before the articles
    site.build()
    site.write("content/a.md", article(title="Tin đã sửa", date="2026-11-20 08:00"))
    time.sleep(0.05)
    built = site.build()
    assert not built.report.up_to_date and "Tin đã sửa" in built.text("")


def test_a_file_after_the_photo_sizes_edited_by_hand_is_published_again(make_site):
    # Folders of photo sizes are checked whole; every other file is still checked on its own.
    site = quiet_site(make_site)
    site.write("content/a.md", article(title="Tin đã đăng", date="2026-11-20 08:00", image="{src: a.png, caption: Cầu}"))
    site.write("content/a.png", png(640, 480))
    for title in ("Tin đã đăng", "Tin đã sửa", "Tin đã sửa lại"):  # stamps for the sizes' folder in both trees
        site.write("content/a.md", article(title=title, date="2026-11-20 08:00", image="{src: a.png, caption: Cầu}"))
        settled(site)
        built = site.build()
    cache = BuildCache(site.root / ".sitegen-cache")
    assert "media" in cache.folder_stamps(site.root / "output", os.path.basename(os.readlink(site.root / "output")))
    cache.close()
    style = built.path("static/css/style.css")
    good = style.read_bytes()
    style.write_bytes(good.replace(b"{", b"{ ", 1))
    rebuilt = site.build()
    assert not rebuilt.report.up_to_date and rebuilt.path("static/css/style.css").read_bytes() == good


def test_a_scheduled_article_comes_out_on_time_whatever_drafts_are_newer(make_site):
    site = quiet_site(make_site)  # "Tin hẹn giờ" is due at 10:00
    # A draft before it by name and by date: whichever order the articles are looked at in.
    site.write("content/ban-nhap-moi.md", article(title="Bản nháp mới", date="2026-11-26 10:30", draft="true"))
    settled(site)
    site.build(now=NOW)
    due = site.build(now=NOW.replace(hour=10, minute=15))
    assert not due.report.up_to_date and due.exists(SCHEDULED)


def test_a_draft_falling_due_changes_the_preview_with_drafts_and_nothing_else(make_site):
    site = quiet_site(make_site)
    site.write("content/nhap-moi.md", article(title="Bản nháp mới", date="2026-11-26 09:30", draft="true"))
    settled(site)
    site.build(now=NOW)
    assert site.build(now=NOW.replace(minute=45)).report.up_to_date  # the public site: nothing came out
    site.build(now=NOW, drafts=True)
    preview = site.build(now=NOW.replace(minute=45), drafts=True)
    assert not preview.report.up_to_date and preview.exists("thoi-su/ban-nhap-moi-202611260930/")


def test_a_build_at_the_moment_an_article_leaves_the_news_sitemap_is_up_to_date_at_that_moment(make_site):
    site = quiet_site(make_site)
    leaves = NOW.replace(day=22, hour=8)  # "Tin đã đăng", 2026-11-20 08:00, plus the two days of the window
    site.build(now=leaves)
    assert site.build(now=leaves).report.up_to_date
