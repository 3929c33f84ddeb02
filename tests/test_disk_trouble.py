"""A full disk or a read-only one: a clear error naming the file, exit 1, the published site untouched.

The site lives on a small tmpfs of its own (the suite runs as root, which permissions cannot stop;
a real full or read-only filesystem can)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONFIG, article, camera_photo, png


@pytest.fixture
def small_disk(tmpfs):
    return tmpfs("1500k")


def make(root: Path) -> None:
    (root / "content/thoi-su").mkdir(parents=True)
    (root / "config.toml").write_text(CONFIG.format(base_url="https://example.vn/", per_page=5, related_count=3,
                                                    extra="search = false\n[photos]\npublish_originals = true"), encoding="utf-8")
    for n in range(6):
        (root / f"content/thoi-su/bai-{n}.md").write_text(article(title=f"Tin số {n}"), encoding="utf-8")


def sitegen(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitegen.cli", "build", *args], cwd=root, capture_output=True,
                          text=True, timeout=120)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_full_disk_is_an_error_that_names_the_file_and_keeps_the_site(small_disk):
    site = small_disk / "site"
    make(site)
    assert sitegen(site).returncode == 0
    published = tree(site / "output")
    # A photo the disk can hold once, not twice (it is copied into the release): sized by what the
    # first build left free, whatever its cache holds.
    (site / "content/thoi-su/lon.png").write_bytes(png(4, 3) + b"\0" * (shutil.disk_usage(small_disk).free * 3 // 5))
    (site / "content/thoi-su/bai-0.md").write_text(article(title="Tin số 0", image="{src: lon.png, caption: Ảnh lớn}"),
                                                   encoding="utf-8")
    result = sitegen(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "No space left on device" in result.stderr and "free some space" in result.stderr
    assert "lon.png" in result.stderr
    assert tree(site / "output") == published
    # Once there is room again, the next build publishes.
    (site / "content/thoi-su/lon.png").write_bytes(png(4, 3))
    assert sitegen(site).returncode == 0
    assert (site / "output/media/thoi-su/lon.png").read_bytes() == png(4, 3)


def test_renditions_that_fill_the_disk_name_the_photos_file_and_leave_no_part_of_it(small_disk):
    site = small_disk / "site"
    make(site)
    assert sitegen(site).returncode == 0
    published = tree(site / "output")
    for n in range(3):  # three camera photos: their renditions need more than the disk has left
        (site / f"content/thoi-su/anh-{n}.jpg").write_bytes(camera_photo())
        (site / f"content/thoi-su/bai-{n}.md").write_text(
            article(title=f"Tin số {n}", image=f"{{src: anh-{n}.jpg, caption: Ảnh}}"), encoding="utf-8")
    result = sitegen(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    said = result.stderr + result.stdout
    assert "cannot write .sitegen-cache/renditions/anh-" in said and "No space left on device" in said
    assert not list(site.rglob("*.tmp"))
    assert tree(site / "output") == published


def test_a_read_only_disk_is_an_error_not_a_traceback(small_disk):
    site = small_disk / "site"
    make(site)
    assert sitegen(site).returncode == 0
    published = tree(site / "output")
    (site / "content/thoi-su/bai-1.md").write_text(article(title="Tin số 1 sửa"), encoding="utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = sitegen(site)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "Read-only file system" in result.stderr
    assert tree(site / "output") == published
