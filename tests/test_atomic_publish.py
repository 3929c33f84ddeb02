"""Publishing as a reader of output/ sees it: the old site or the new one, whole, whatever happens to
the build — killed at any moment, crashed after the switch, or racing another build."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import article, png
from sitegen.cache import BuildCache

ARTICLES = 90  # above the read stage's threshold for worker processes: the kill hits a pool too


def newsroom(make_site, edition: str):
    files = {"content/thoi-su/anh.png": png()}
    for n in range(ARTICLES):
        files[f"content/thoi-su/bai-{n:03d}.md"] = article(
            title=f"Tin số {n} {edition}", date=f"2024-06-{1 + n % 28:02d} 08:{n % 60:02d}",
            tags=f'["Chủ đề {n % 7}"]', body=f"Nội dung {edition} của tin số {n}.\n\n![](anh.png)")
    return make_site(files)


def rewrite(site, edition: str) -> None:
    for n in range(0, ARTICLES, 2):  # half the articles change, one goes
        site.write(f"content/thoi-su/bai-{n:03d}.md", article(
            title=f"Tin số {n} {edition}", date=f"2024-06-{1 + n % 28:02d} 08:{n % 60:02d}",
            body=f"Nội dung {edition} của tin số {n}."))
    (site.root / "content/thoi-su/bai-001.md").unlink()


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def cli_build(site) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sitegen.cli", "build", "--no-progress"], cwd=site.root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one_whole(make_site, tmp_path):
    site = newsroom(make_site, "bản một")
    assert subprocess.run([sys.executable, "-m", "sitegen.cli", "build"], cwd=site.root).returncode == 0
    old = tree(site.root / "output")
    rewrite(site, "bản hai")
    new = tree(site.build(tmp_path / "clean", cache=False).output)
    kept_old = 0
    for delay in (0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.0):
        build = cli_build(site)
        time.sleep(delay)
        os.killpg(build.pid, signal.SIGKILL)  # the build and its workers, as an OOM killer would
        build.wait()
        published = tree(site.root / "output")
        assert published in (old, new)
        if published == new:
            break
        kept_old += 1
    assert kept_old >= 3  # killed while reading, rendering, indexing: the old site stayed whole
    # The next build finishes and gives exactly what a clean build gives; no killed release is left.
    finished = cli_build(site)
    assert finished.wait(timeout=120) == 0, finished.stderr.read()
    assert tree(site.root / "output") == new
    assert sorted(p.name for p in (site.root / ".output-releases").iterdir() if not p.name.startswith(".")) \
        == ["blue", "green"]


def test_a_reader_only_ever_sees_a_whole_site(make_site):
    site = newsroom(make_site, "bản một")
    site.build()
    link = site.root / "output"
    first = os.readlink(link)
    seen, mixed, stop = set(), [], threading.Event()

    def reader():
        while not stop.is_set():
            target = os.readlink(link)  # what a web server resolves for each request
            seen.add(target)
            home = (site.root / target / "index.html").read_text(encoding="utf-8")
            if target == first and "bản hai" in home:  # the old site, changed under its readers
                mixed.append(home)
            time.sleep(0.002)
    watcher = threading.Thread(target=reader)
    rewrite(site, "bản hai")
    watcher.start()
    try:
        site.build()
    finally:
        stop.set()
        watcher.join()
    assert seen <= {first, os.readlink(link)} and not mixed
    assert "bản hai" in (site.root / os.readlink(link) / "index.html").read_text(encoding="utf-8")


def test_a_crash_after_publishing_but_before_recording_leaves_no_orphans(make_site, tmp_path, monkeypatch):
    site = newsroom(make_site, "bản một")
    site.build()
    rewrite(site, "bản hai")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # as a kill at that instant would
    monkeypatch.setattr(BuildCache, "store_outputs", crash)
    with pytest.raises(KeyboardInterrupt):
        site.build()
    monkeypatch.undo()
    assert "bản hai" in (site.root / "output/index.html").read_text(encoding="utf-8")  # the switch happened
    rebuilt = site.build()
    clean = site.build(tmp_path / "clean", cache=False)
    assert tree(rebuilt.output) == tree(clean.output)
    assert not any("tin-so-1-" in rel for rel in tree(rebuilt.output))


def test_two_builds_at_once_the_second_says_who_builds(make_site):
    site = newsroom(make_site, "bản một")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from sitegen.output_guard import OutputLock; "
        "held = OutputLock(Path(sys.argv[1]), 'x').acquire(); print('held', flush=True); time.sleep(60)"),
        str(site.root / ".sitegen-cache" / "lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = site.cli("build")
        assert result.returncode == 1
        assert f"another build of this site is running (pid {holder.pid})" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (site.root / "output").exists()
    finally:
        holder.kill()
        holder.wait()
    assert site.cli("build").returncode == 0


def test_two_real_builds_at_once_leave_one_whole_site(make_site, tmp_path):
    site = newsroom(make_site, "bản một")
    first, second = cli_build(site), cli_build(site)
    codes = sorted((first.wait(timeout=120), second.wait(timeout=120)))
    errors = first.stderr.read().decode() + second.stderr.read().decode()
    assert "Traceback" not in errors
    assert codes[0] == 0 and codes[1] in (0, 1)
    if codes[1] == 1:
        assert "another build of this site is running" in errors
    clean = site.build(tmp_path / "clean", cache=False)
    assert tree(site.root / "output") == tree(clean.output)
    assert site.build().report.up_to_date or tree(site.root / "output") == tree(clean.output)
