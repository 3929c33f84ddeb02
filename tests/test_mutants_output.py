"""Publishing, where the mutation run (bench/mutation.py) found it untested: a rebuild leaves the
files it did not change alone, down to their inode's metadata."""

import fcntl
import os
import re
import threading
import time

import pytest

from conftest import article
from sitegen.errors import BuildFailed
from sitegen.output import OutputLock
from test_publish_mutants import small


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
    holder = OutputLock(site.root / ".sitegen-cache/lock", "x").acquire()
    try:
        problem, = site.build_fails()
        assert (problem.file, problem.message, problem.hint) == (
            ".sitegen-cache", f"another build of this site is running (pid {os.getpid()})",
            "wait for it to finish (or stop it), then build again")
        assert not (site.root / "output").exists()
    finally:
        holder.release()
    # Without the cache the output folder's own lock keeps a second build out; a holder that wrote
    # no pid is "unknown".
    site.root.joinpath(".output-releases").mkdir()
    with open(site.root / ".output-releases/.lock", "w") as silent:
        fcntl.flock(silent, fcntl.LOCK_EX)
        problem, = site.build_fails(cache=False)
    assert (problem.file, problem.message) == ("output", "another build of this site is running (pid unknown)")
    assert site.build(cache=False).exists("index.html")


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
