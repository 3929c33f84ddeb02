"""Publishing, where the mutation run (bench/mutation.py) found it untested: a rebuild leaves the
files it did not change alone, down to their inode's metadata."""

import fcntl
import os
import re
import threading
import time
from pathlib import Path

import pytest

from conftest import NOW, article
from sitegen.build import BuildOptions, build
from sitegen.errors import BuildFailed
from sitegen.output import OutputWriter
from sitegen.output_guard import OutputLock
from test_publish_mutants import clean_build, small


def edit(site):
    site.write("content/thoi-su/a.md", article(title="Bài A sửa"))


def test_a_rebuild_does_not_touch_the_files_it_keeps_not_even_their_ctime(make_site):
    # ctime-based backups (and `find -cnewer`) see only what changed; a hard link made or replaced
    # moves the ctime of the file it links to, which the live tree shares.
    site = make_site({"content/thoi-su/a.md": article(title="Bài A"),
                      "content/kinh-te/b.md": article(title="Bài B", category="Kinh tế", date="2023-01-02 08:00")})
    site.build()
    site.write("content/kinh-te/b.md", article(title="Bài B sửa", category="Kinh tế", date="2023-01-02 08:00"))
    second = site.build()  # the other tree gets hard links to the files that did not change
    before = {rel: ((second.output / rel).stat(), data) for rel, data in second.files().items()}
    site.write("content/kinh-te/b.md", article(title="Bài B sửa lần nữa", category="Kinh tế", date="2023-01-02 08:00"))
    third = site.build()
    kept = [rel for rel, data in third.files().items() if rel in before and before[rel][1] == data]
    assert "static/css/style.css" in kept and any(rel.endswith(".html") for rel in kept)
    for rel in kept:
        now, then = (third.output / rel).stat(), before[rel][0]
        assert (now.st_ino, now.st_mtime_ns, now.st_ctime_ns) == (then.st_ino, then.st_mtime_ns, then.st_ctime_ns), rel


def test_a_build_while_another_holds_the_site_says_who_and_what_to_do(make_site):
    site = small(make_site)
    site.build()  # the lock file holds this build's pid: the next holder's replaces it
    edit(site)
    holder = OutputLock(site.root / ".sitegen-cache/lock", "x").acquire()
    try:
        problem, = site.build_fails()
        assert (problem.file, problem.message, problem.hint) == (
            ".sitegen-cache", f"another build of this site is running (pid {os.getpid()})",
            "wait for it to finish (or stop it), then build again")
        assert "Bài A sửa" not in (site.root / "output/index.html").read_text(encoding="utf-8")
    finally:
        holder.release()
    # Without the cache the output folder's own lock keeps a second build out; a holder that wrote
    # no pid is "unknown".
    with open(site.root / ".output-releases/.lock", "w") as silent:
        fcntl.flock(silent, fcntl.LOCK_EX)
        problem, = site.build_fails(cache=False)
    assert (problem.file, problem.message) == ("output", "another build of this site is running (pid unknown)")
    assert "Bài A sửa" in site.build(cache=False).text("")


def test_a_build_told_to_wait_waits_for_the_other_to_finish(make_site):
    site = small(make_site)
    holder = OutputLock(site.root / ".sitegen-cache/lock", "x").acquire()
    started = time.monotonic()
    with pytest.raises(BuildFailed):
        site.build(wait=0.4)
    assert time.monotonic() - started >= 0.4
    threading.Timer(0.3, holder.release).start()
    assert site.build(wait=30).exists("index.html")


def test_every_refusal_says_what_to_do(make_site, tmp_path):
    site = small(make_site)
    with pytest.raises(BuildFailed) as caught:
        site.build(site.root / "content" / "ra")
    problem, = caught.value.problems
    assert (problem.message, problem.hint) == ("this output folder holds the site itself; building would replace it",
                                               "choose an output folder of its own, e.g. --output output")
    site.write(".output-releases/ghi-chu.txt", "của tôi")
    problem, = site.build_fails()
    assert problem.hint == "move it away, or choose another --output"
    (site.root / ".output-releases/ghi-chu.txt").unlink()
    os.symlink(tmp_path, site.root / "output")
    problem, = site.build_fails()
    assert problem.hint == "remove the link, choose another --output, or build with --force to replace the link " \
                           "(its target is kept)"
    os.unlink(site.root / "output")
    for name in ["a", "b", "c", "d", "e"]:
        site.write(f"output/{name}.txt", name)
    problem, = site.build_fails()
    assert problem.message.endswith("(a.txt, b.txt, c.txt, d.txt, e.txt)")
    site.write("output/f.txt", "f")
    problem, = site.build_fails()
    assert (problem.file, problem.message) == ("output", "the output folder holds files sitegen did not publish "
                                                         "(a.txt, b.txt, c.txt, d.txt, e.txt, …)")
    assert problem.hint == "choose an empty or new folder with --output; or build with --force to move them aside " \
                           "into .output-releases/before-sitegen-… (nothing is deleted)"
    built = site.build(force=True)
    aside, = [p.name for p in (site.root / ".output-releases").iterdir() if p.name.startswith("before-")]
    assert re.fullmatch(rf"before-sitegen-\d{{8}}-\d{{6}}-{os.getpid()}", aside)
    note = built.report.warnings[-1]
    assert (note.file, note.message, note.hint, note.severity) == (
        "output", f"what stood in the output folder was moved to .output-releases/{aside}",
        "nothing was deleted; remove that folder when you no longer need it", "warning")
    assert (site.root / ".output-releases/.sitegen-releases").read_text() == \
        "The two copies of the site published by sitegen; output/ links to one of them.\n"


@pytest.mark.parametrize("where", [".", "..", "content/ra", "templates/ra", "static", "themes/ra", ".git/ra", "co-cau-hinh", "/"])
def test_an_output_folder_that_would_replace_the_site_is_refused(make_site, where):
    site = small(make_site)
    site.write("co-cau-hinh/config.toml", "")
    with pytest.raises(BuildFailed) as caught:
        site.build(site.root / where if where != "/" else Path("/"))
    assert caught.value.problems[0].message == "this output folder holds the site itself; building would replace it"


def test_a_path_that_would_leave_the_output_folder_is_never_written():
    writer = OutputWriter(Path("/tmp/nowhere/output"), None)
    for rel in ["", "/etc/passwd", "a\\b", "a\0b", "../x", "a/../../x", "a/..", "./a", "a/./b", "."]:
        with pytest.raises(ValueError, match="refusing to write outside output/"):
            writer._on_disk(rel, "/r")
    assert writer._on_disk("thoi-su/a..b/index.html", "/r") == "/r/thoi-su/a..b/index.html"


def test_without_the_cache_unchanged_files_are_still_the_same_file_in_the_new_tree(make_site):
    site = small(make_site)
    first = site.build(cache=False)
    before = {rel: ((first.output / rel).stat().st_ino, data) for rel, data in first.files().items()}
    edit(site)
    second = site.build(cache=False)
    same = [rel for rel, data in second.files().items() if rel in before and data == before[rel][1]]
    assert "static/css/style.css" in same
    for rel in same:
        assert (second.output / rel).stat().st_ino == before[rel][0], rel
    assert second.report.changed < len(second.files())


def test_a_link_left_by_a_killed_build_or_a_foreign_tree_named_blue(make_site, tmp_path):
    site = small(make_site)
    site.build()
    edit(site)
    (site.root / ".output-releases/.link").symlink_to("khong-co")  # killed just before the switch
    assert site.build().files() == clean_build(site)
    (site.root.parent / "clean").unlink()
    (tmp_path / "blue").mkdir()
    os.unlink(site.root / "output")
    os.symlink(tmp_path / "blue", site.root / "output")  # named like a tree, but not sitegen's
    assert "which sitegen did not make" in site.build_fails()[0].message


def test_a_standby_tree_on_another_disk_gets_copies_instead_of_links(make_site, tmpfs):
    site = small(make_site)
    site.build()  # blue
    green = site.root / ".output-releases/green"
    green.mkdir()
    mount = tmpfs("4m")
    os.rmdir(green)
    green.symlink_to(mount)  # hard links from blue cannot cross into it
    edit(site)
    built = site.build()
    assert os.readlink(site.root / "output") == ".output-releases/green"
    assert built.files() == clean_build(site)


def test_a_build_without_the_cache_leaves_no_work_folder_behind(make_site):
    site = small(make_site)
    site.build(cache=False)  # its search index is made in the releases folder's scratch space
    assert sorted(os.listdir(site.root / ".output-releases")) == [".gitignore", ".lock", ".sitegen-releases", "blue"]


def test_a_page_from_the_page_store_replaces_what_a_killed_build_left_under_its_temporary_name(make_site):
    site = small(make_site)
    authors = ["Thu Hà", "Minh Thư", "Hoàng Lâm", "Thu Hà"]  # the last brings back the first build's page
    for author in authors[:3]:
        site.write("content/thoi-su/a.md", article(title="Bài A", author=author))
        built = site.build()
    page = f"{built.article_paths()[0]}index.html"
    # A build killed while it brought the standby tree (green, which holds Minh Thư's page) up to
    # date: it had marked the tree as changing, and made the new link but not renamed it yet.
    from sitegen.cache import BuildCache
    cache = BuildCache(site.root / ".sitegen-cache")
    cache.standby_dirty(site.root / "output", "green")
    cache.close()
    (site.root / f".output-releases/green/{page}.sitegen-new").write_text("nửa trang")
    site.write("content/thoi-su/a.md", article(title="Bài A", author=authors[3]))
    built = site.build()
    assert built.files() == clean_build(site)
    assert "Thu Hà" in built.text(page)
    assert not list((site.root / ".output-releases").rglob("*.sitegen-new"))


def test_a_page_that_cannot_be_written_names_its_file_and_the_disks_reason(make_site, tmpfs):
    tiny_disk = tmpfs("64k")
    site = make_site({f"content/thoi-su/{n}.md": article(title=f"Bài số {n}", body="Nội dung dài. " * 400)
                      for n in range(40)})
    with pytest.raises(BuildFailed) as caught:
        build(site.root, tiny_disk / "output", BuildOptions(now=NOW, cache=False))
    problem, = caught.value.problems
    # The first file that does not fit: a page, or (written while pages render) a search document
    assert problem.file.startswith((f"{tiny_disk}/output/", f"{tiny_disk}/.output-releases/"))
    assert problem.file.endswith(".html")
    assert problem.message == f"cannot write {problem.file}: No space left on device"
    assert problem.hint == "free some space on the disk, then build again (output/ is as it was)"


def test_an_empty_output_folder_made_beforehand_is_taken_over(make_site):
    site = small(make_site)
    (site.root / "output").mkdir()  # `mkdir output`, or a host's empty deploy folder
    built = site.build()
    assert os.readlink(site.root / "output") == ".output-releases/blue"
    assert built.files() == clean_build(site)
