"""Publishing, where the mutation run (bench/mutation.py) found it untested: a rebuild leaves the
files it did not change alone, down to their inode's metadata."""

from conftest import article


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
