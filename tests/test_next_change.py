"""`sitegen next-change`: when the output next changes with no file changed, so that a scheduler
can build exactly then."""

from __future__ import annotations

from datetime import datetime

from conftest import NOW, ZONE, article

from sitegen.build import BuildOptions
from sitegen.questions import next_change


def test_the_next_change_is_the_first_of_a_going_live_an_expiry_and_a_news_sitemap_exit(make_site):
    site = make_site({
        "content/old.md": article(title="Tin cũ", date="2026-10-01 08:00"),
        "content/scheduled.md": article(title="Hẹn giờ", date="2026-11-28 06:00"),
        "content/notice.md": article(title="Thông báo", date="2026-11-01 08:00", expires="2026-11-27 17:00"),
    })
    assert next_change(site.root, BuildOptions(now=NOW)) == datetime(2026, 11, 27, 17, 0, tzinfo=ZONE)
    # At the very moment of its expiry the notice is gone already: the next change is the next one.
    at_expiry = BuildOptions(now=datetime(2026, 11, 27, 17, 0, tzinfo=ZONE))
    assert next_change(site.root, at_expiry) == datetime(2026, 11, 28, 6, 0, tzinfo=ZONE)
    after = BuildOptions(now=datetime(2026, 11, 27, 18, 0, tzinfo=ZONE))
    assert next_change(site.root, after) == datetime(2026, 11, 28, 6, 0, tzinfo=ZONE)
    # Once out, an article leaves the news sitemap two days later (news_sitemap_days).
    assert next_change(site.root, BuildOptions(now=datetime(2026, 11, 28, 7, 0, tzinfo=ZONE))) == \
        datetime(2026, 11, 30, 6, 0, tzinfo=ZONE)
    assert next_change(site.root, BuildOptions(now=datetime(2026, 12, 1, tzinfo=ZONE))) is None


def test_the_command_prints_the_moment_for_people_and_for_scripts(make_site):
    site = make_site({"content/a.md": article(date="2040-01-02 07:30")})
    shown = site.cli("next-change")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == "2040-01-02T07:30:00+07:00 2209077000 (Thứ hai, 02/01/2040 - 07:30)\n"
    assert site.cli("next-change", "--timestamp").stdout == "2209077000\n"
    site.write("content/a.md", article(date="2020-01-02 07:30"))
    assert site.cli("next-change").stdout.startswith("never")
    assert site.cli("next-change", "--timestamp").stdout == ""
    site.write("content/b.md", article(title="Lỗi", category="Không có"))
    broken = site.cli("next-change")
    assert broken.returncode == 1 and "content/b.md:4: error: unknown category" in broken.stderr
    assert "Traceback" not in broken.stderr
