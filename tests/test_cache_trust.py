"""What the cache may be trusted with: nothing it holds outlives what it was made from, and a cache
that is damaged is said so and rebuilt, never published from."""

import functools
import os
import sqlite3
import subprocess

import pytest

from conftest import article, png

PHOTO = "content/thoi-su/anh.png"


def photo_site(make_site):
    return make_site({
        "content/thoi-su/a.md": article(title="Bài có ảnh", image="{src: anh.png, caption: Cầu treo, credit: MT}"),
        PHOTO: png(4, 3),
        "content/kinh-te/b.md": article(title="Bài B", category="Kinh tế", date="2023-01-02 08:00"),
    }, extra_config="[photos]\npublish_originals = true")  # the original is checked byte for byte


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_photo_replaced_with_the_same_size_and_mtime_is_published(make_site):
    site = photo_site(make_site)
    site.build()
    original = site.root / PHOTO
    other = site.root / "khac.png"
    other.write_bytes(png(3, 4))  # other pixels, the same number of bytes
    assert other.stat().st_size == original.stat().st_size
    os.utime(other, ns=(original.stat().st_atime_ns, original.stat().st_mtime_ns))
    # `cp -p` writes the new bytes into the same file and sets the old mtime back.
    subprocess.run(["cp", "-p", str(other), str(original)], check=True)
    assert original.stat().st_mtime_ns == other.stat().st_mtime_ns
    built = site.build()
    assert (built.output / "media/thoi-su/anh.png").read_bytes() == png(3, 4)
    # Readers' renditions are made again too: the 40:21 share crop of a 3x4 photo is 3x2, not 4x2.
    share = built.html("thoi-su/bai-co-anh-202406251518/").find("meta", attrs={"property": "og:image"})["content"]
    assert "/anh-3x2-" in share and (built.output / share.split("example.vn/", 1)[1]).is_file()


def test_a_missing_photo_error_goes_once_the_photo_is_there(make_site):
    site = photo_site(make_site)
    photo = site.root / PHOTO
    saved = photo.read_bytes()
    stamp = photo.stat().st_mtime_ns
    photo.unlink()
    problems = site.build_fails()
    assert "does not exist" in problems[0].message
    # Restored as `git checkout` would: the same bytes, any mtime (here an old one).
    photo.write_bytes(saved)
    os.utime(photo, ns=(stamp, stamp))
    built = site.build()
    assert (built.output / "media/thoi-su/anh.png").read_bytes() == saved


def damage_truncate(db):
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def damage_garbage(db):
    db.write_bytes(b"khong phai sqlite " * 500)


def damage_directory(db):
    db.unlink()
    db.mkdir()
    (db / "x").write_text("x")


def damage_a_row(db):
    """A valid-looking row with the wrong bytes: another article under this one's name."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT source, meta FROM articles ORDER BY source").fetchall()
        forged = rows[1][1][:16] + rows[0][1][16:]  # the seal of one, the article of another
        connection.execute("UPDATE articles SET meta = ? WHERE source = ?", (forged, rows[1][0]))


def damage_a_large_value(db):
    """The arrays of "Chuyên mục khác" kept beside the SQLite file (cache.store_large_value), a byte
    changed in the middle: the length is right, the digest is not."""
    [state] = (db.parent / "values").glob("related-state.*")
    data = bytearray(state.read_bytes())
    data[len(data) // 2] ^= 0xFF
    state.write_bytes(bytes(data))


def damage_a_large_value_cut(db):
    [state] = (db.parent / "values").glob("related-state.*")
    state.write_bytes(state.read_bytes()[:100])


@pytest.mark.parametrize("damage", [damage_truncate, damage_garbage, damage_directory, damage_a_row,
                                    damage_a_large_value, damage_a_large_value_cut])
def test_a_damaged_cache_is_said_and_rebuilt_never_published(make_site, tmp_path, damage):
    site = photo_site(make_site)
    site.build()
    # An edit, so that the next build must read the cache rather than answer "up to date".
    site.write("content/kinh-te/b.md", article(title="Bài B sửa", category="Kinh tế", date="2023-01-02 08:00"))
    damage(site.root / ".sitegen-cache/cache.sqlite")
    result = site.cli("build")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "the build cache was damaged" in result.stderr
    clean = site.build(tmp_path / "clean", cache=False)
    assert tree(site.root / "output") == tree(clean.output)
    # The cache works again afterwards.
    again = site.cli("build")
    assert again.returncode == 0 and "damaged" not in again.stderr
    assert site.cli("build").stdout.startswith("Up to date")


def test_a_damaged_search_bundle_in_the_cache_is_made_again(make_site, tmp_path):
    site = photo_site(make_site)
    site.build()
    for n in range(3):  # until the stamps of the bundles' files are stored, once checked (and linked to both trees)
        site.write(f"static/{n}.txt", "x")
        site.build()
    bundles = site.root / ".sitegen-cache/search"
    entry = next(bundles.glob("*/pagefind-entry.json"))
    entry.write_text('{"version": "0", "languages": {}}')  # a concurrent writer's half file
    site.write("static/ghi-chu.txt", "x")  # a change that leaves every search document as it was
    built = site.build()
    clean = site.build(tmp_path / "clean", cache=False)
    assert tree(built.output) == tree(clean.output)


def test_a_search_document_changed_in_the_cache_is_written_again(make_site, tmp_path):
    # The documents of a bucket are kept from build to build; one changed by another program
    # (or half written by a killed build) must not reach the index when its bucket is made again.
    site = photo_site(make_site)
    site.write("content/kinh-te/c.md", article(title="Bài C", category="Kinh tế", date="2023-02-03 08:00"))
    site.build()
    kept = next((site.root / ".sitegen-cache/search/documents/2023").rglob("bai-b-*/index.html"))
    kept.write_text(kept.read_text().replace("Bài B", "Bài lạ chen vào"))
    site.write("content/kinh-te/c.md", article(title="Bài C sửa", category="Kinh tế", date="2023-02-03 08:00"))
    built = site.build()
    clean = site.build(tmp_path / "clean", cache=False)
    assert tree(built.output) == tree(clean.output)


def test_a_search_file_replaced_in_the_waiting_output_tree_is_put_right(make_site, tmp_path):
    # Pagefind names its files by a few hex digits of their hash: a name does not vouch for the
    # bytes, so a file of the tree the next build publishes into is compared with the cache's.
    site = photo_site(make_site)
    site.build()
    site.write("static/mot.txt", "1")
    site.build()
    waiting = site.root / ".output-releases" / ({"green", "blue"} - {(site.root / "output").readlink().name}).pop()
    fragment = next(waiting.glob("pagefind/*/fragment/*.pf_fragment"))
    stranger = fragment.with_name("x.tmp")
    stranger.write_bytes(bytes(b ^ 0xFF for b in fragment.read_bytes()))  # of the same size
    stranger.replace(fragment)
    site.write("static/hai.txt", "2")
    built = site.build()
    clean = site.build(tmp_path / "clean", cache=False)
    assert tree(built.output) == tree(clean.output)


def test_search_files_recorded_one_by_one_stay_when_a_build_links_their_folders(make_site, tmp_path, monkeypatch):
    # A tree published by a build that copied the search bundles file by file (an older sitegen)
    # holds them in its records; the build that next publishes into it links the same folders as
    # units and must not then delete the files as stale.
    import sitegen.search

    site = photo_site(make_site)
    monkeypatch.setattr(sitegen.search, "copy_search_bundles",
                        functools.partial(sitegen.search.copy_search_bundles, cached=False))
    site.build()
    monkeypatch.undo()
    for n in range(2):  # the second publishes into the first build's tree
        site.write(f"static/{n}.txt", "x")
        built = site.build()
    clean = site.build(tmp_path / "clean", cache=False)
    assert tree(built.output) == tree(clean.output)
