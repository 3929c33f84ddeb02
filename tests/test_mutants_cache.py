"""The build cache, where the mutation run (bench/mutation.py) found it untested: a damaged cache
set aside in-process (the CLI test of it runs the unmutated sitegen in a child process), and the
margins within which a file's stamp proves nothing."""

import os
import sqlite3
import time

import pytest

from conftest import article
from sitegen.cache import BuildCache
from sitegen.digests import file_digest

CACHE = ".sitegen-cache/cache.sqlite"


def two_articles(make_site):
    return make_site({"content/thoi-su/a.md": article(title="Bài A"),
                      "content/kinh-te/b.md": article(title="Bài B", category="Kinh tế", date="2023-01-02 08:00")})


def edit(site):
    """A change, so that the next build reads the cache instead of answering "up to date"."""
    site.write("content/kinh-te/b.md", article(title="Bài B sửa", category="Kinh tế", date="2023-01-02 08:00"))


def garbage(db):
    db.write_bytes(b"khong phai sqlite " * 500)


def forged_row(db):
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT source, meta FROM articles ORDER BY source").fetchall()
        connection.execute("UPDATE articles SET meta = ? WHERE source = ?", (rows[1][1][:16] + rows[0][1][16:], rows[1][0]))


def emptied_row(db):
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE articles SET meta = NULL")


@pytest.mark.parametrize("damage", [garbage, forged_row, emptied_row])
def test_a_damaged_cache_is_moved_aside_said_and_the_site_built_afresh(make_site, tmp_path, damage):
    site = two_articles(make_site)
    site.build()
    edit(site)
    db = site.root / CACHE
    damage(db)
    damaged = db.read_bytes()
    built = site.build()
    warning = built.report.warnings[0]
    assert warning.file == ".sitegen-cache" and warning.severity == "warning"
    assert "the build cache was damaged" in warning.message
    assert "it was moved to .sitegen-cache/cache.sqlite.damaged" in warning.message
    if damage is forged_row:
        assert "(a damaged entry (content/thoi-su/a.md))" in warning.message  # which entry
    assert (site.root / ".sitegen-cache/cache.sqlite.damaged").read_bytes() == damaged
    assert not (site.root / ".sitegen-cache/cache.sqlite-wal").exists()
    assert built.files() == site.build(tmp_path / "clean", cache=False).files()
    again = site.build()  # the new cache works
    assert not again.report.warnings and site.build().report.up_to_date


@pytest.mark.parametrize("left", ["file", "folder"])
def test_a_cache_damaged_again_replaces_what_the_last_damage_left(make_site, left):
    site = two_articles(make_site)
    site.build()
    aside = site.root / ".sitegen-cache/cache.sqlite.damaged"
    if left == "file":
        aside.write_bytes(b"lan truoc")
    else:
        aside.mkdir()
        (aside / "x").write_text("lần trước")
    edit(site)
    garbage(site.root / CACHE)
    built = site.build()
    assert "it was moved to .sitegen-cache/cache.sqlite.damaged" in built.report.warnings[0].message
    assert aside.read_bytes() == b"khong phai sqlite " * 500


def test_a_cache_file_that_is_a_folder_is_started_afresh(make_site):
    site = two_articles(make_site)
    site.build()
    edit(site)
    db = site.root / CACHE
    db.unlink()
    db.mkdir()
    (db / "x").write_text("x")
    built = site.build()
    assert "cache.sqlite is not a file" in built.report.warnings[0].message
    assert (site.root / ".sitegen-cache/cache.sqlite.damaged/x").read_text() == "x"
    assert db.is_file()


def hashed_again(cache, path, seen_after_change_ns):
    """Whether `file_digests` hashes `path` again (instead of trusting its unchanged stamp) when it was
    last hashed `seen_after_change_ns` after the file last changed (its mtime or ctime)."""
    stat = os.stat(path)
    changed_at = max(stat.st_mtime_ns, stat.st_ctime_ns)
    cache.file_digests([str(path)])
    cache.db.execute("UPDATE files SET seen_ns = ? WHERE path = ?", (changed_at + seen_after_change_ns, str(path)))
    cache.db.commit()
    later = BuildCache(cache.folder)  # the next build
    later.file_digests([str(path)])
    seen = later.db.execute("SELECT seen_ns FROM files WHERE path = ?", (str(path),)).fetchone()[0]
    later.close()
    return seen != changed_at + seen_after_change_ns


def test_a_file_hashed_within_20_ms_of_its_change_is_hashed_again(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    photo = tmp_path / "anh.bin"
    photo.write_bytes(b"x" * 100)
    assert hashed_again(cache, photo, 19_000_000)
    assert hashed_again(cache, photo, 20_000_000)
    assert not hashed_again(cache, photo, 20_000_001)
    cache.close()


def test_a_file_with_a_whole_second_mtime_is_trusted_only_2_s_after_its_change(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    photo = tmp_path / "anh.bin"
    photo.write_bytes(b"x" * 100)
    whole = time.time_ns() // 1_000_000_000 * 1_000_000_000  # as FAT or HFS+ would stamp it
    os.utime(photo, ns=(whole, whole))
    assert hashed_again(cache, photo, 1_999_000_000)
    assert hashed_again(cache, photo, 2_000_000_000)
    assert not hashed_again(cache, photo, 2_000_000_001)
    cache.close()



@pytest.mark.parametrize("where", [0, 20, -1])  # in the seal, in the first record, at the end
def test_a_chunk_of_output_records_damaged_anywhere_is_seen(make_site, where):
    site = two_articles(make_site)
    site.build()
    edit(site)
    with sqlite3.connect(site.root / CACHE) as connection:
        chunk, records = connection.execute("SELECT chunk, records FROM outputs ORDER BY length(records) DESC").fetchone()
        damaged = bytearray(records)
        damaged[where] ^= 0x20
        connection.execute("UPDATE outputs SET records = ? WHERE chunk = ?", (bytes(damaged), chunk))
    built = site.build()
    assert "a damaged entry (output records of the" in built.report.warnings[0].message
    assert built.report.rendered == built.report.pages  # nothing taken from the damaged cache


def test_output_records_are_rewritten_only_where_files_changed(make_site):
    # An archive's records are read in every build; a build rewrites only the chunks it changed.
    site = two_articles(make_site)
    site.build()
    with sqlite3.connect(site.root / CACHE) as connection:
        before = dict(connection.execute("SELECT tree || chunk, rowid FROM outputs"))  # a rewritten row gets a new one
    edit(site)
    site.build()
    site.write("content/kinh-te/b.md", article(title="Bài B sửa", category="Kinh tế", date="2023-01-02 08:00",
                                               body="Thân bài khác."))
    site.build()  # the tree the first build wrote is live again, brought up to date
    with sqlite3.connect(site.root / CACHE) as connection:
        after = dict(connection.execute("SELECT tree || chunk, rowid FROM outputs"))
    kept = [chunk for chunk in before if after.get(chunk) == before[chunk]]
    assert 0 < len(kept) < len(before)


def test_many_keys_asked_at_once_are_all_found(tmp_path):
    # SQLite takes at most 999 bound values in older builds: the store asks in batches.
    cache = BuildCache(tmp_path / "cache")
    for n in range(1200):
        cache.store_value(f"photo-size:{n}", b"d", (n, n))
    found = cache.values({f"photo-size:{n}": b"d" for n in range(1200)} | {"photo-size:other": b"x"})
    assert found == {f"photo-size:{n}": (n, n) for n in range(1200)}
    pages = {n.to_bytes(2, "big"): n for n in range(1200)}
    cache.store_step_results("page", pages, set(pages))
    assert cache.step_results("page", set(pages)) == pages
    cache.close()


def test_many_files_hashed_at_once_each_get_their_own_digest(tmp_path):
    # Camera-sized photos are hashed on threads (HASHED_ON_THREADS), small ones between them: a
    # digest given to the wrong photo would name its renditions after another photo, which a later
    # photo of those bytes, or a clone with the cache, would then be shown in place of its own.
    files = []
    for n in range(40):
        path = tmp_path / f"anh-{n:03d}.jpg"
        path.write_bytes(os.urandom((300 << 10) + n if n % 3 else 500 + n))
        files.append(str(path))
    cache = BuildCache(tmp_path / "cache")
    expected = {path: file_digest(path) for path in files}
    assert cache.file_digests(files) == expected
    assert list(cache.file_digests(reversed(files))) == files[::-1]  # in the order asked, from the table now
    cache.close()
    assert BuildCache(tmp_path / "cache").file_digests(files) == expected
