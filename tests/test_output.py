"""output/: deterministic, no stale files, unchanged files untouched, published whole, nothing written elsewhere."""

import os

from conftest import article, png


def files_outside_output(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.relative_to(root).parts[0] not in ("output", ".output-releases", ".sitegen-cache")}


def sample(make_site):
    return make_site({
        "content/thoi-su/a.md": article(title="Bài A", tags='["Một", "Hai"]', image="{src: a.png, caption: Ảnh A, credit: MT}"),
        "content/thoi-su/a.png": png(),
        "content/kinh-te/b.md": article(title="Bài B", category="Kinh tế", date="2023-01-02 08:00", author="Thu Hà"),
        "content/kinh-te/c.md": article(title="Bài C", category="Kinh tế", date="2023-02-02 08:00", tags='["Hai"]'),
    }, extra_config="[photos]\npublish_originals = true")


def test_two_builds_are_byte_identical(make_site, tmp_path):
    site = sample(make_site)
    first = site.build(tmp_path / "one").files()
    second = site.build(tmp_path / "two").files()
    assert first == second
    assert len(first) > 20


def test_rebuild_writes_only_changed_files_and_drops_stale_ones(make_site):
    site = sample(make_site)
    built = site.build()
    old_article = built.article_paths()
    stamp = {rel: (built.output / rel).stat().st_mtime_ns for rel in built.files()}
    os.utime(site.root / "content/kinh-te/c.md")
    (site.root / "content/thoi-su/a.md").unlink()
    (site.root / "content/thoi-su/a.png").unlink()
    rebuilt = site.build()
    files = rebuilt.files()
    assert not any("bai-a" in rel for rel in files)
    assert "media/thoi-su/a.png" not in files
    assert not rebuilt.exists("chu-de/mot/")
    assert len(rebuilt.article_paths()) == len(old_article) - 1
    unchanged = [rel for rel in files if rel in stamp and (rebuilt.output / rel).stat().st_mtime_ns == stamp[rel]]
    assert "static/css/style.css" in unchanged
    assert rebuilt.report.files - rebuilt.report.changed == len(unchanged)
    # The releases folder's own files (.work scratch, .link, .lock) never land in the published tree.
    assert sorted(p.name for p in rebuilt.output.iterdir() if p.name.startswith(".")) == []


def test_a_build_writes_nothing_outside_output_its_releases_and_its_cache(make_site):
    site = sample(make_site)
    before = files_outside_output(site.root)
    site.build()
    site.build()
    assert files_outside_output(site.root) == before
    assert sorted(p.name for p in site.root.iterdir()) == [".output-releases", ".sitegen-cache", "config.toml", "content", "output"]
    assert (site.root / ".sitegen-cache" / ".gitignore").read_text() == "*\n"
    assert (site.root / ".output-releases" / ".gitignore").read_text() == "*\n"


def test_without_the_cache_nothing_is_written_outside_output_and_its_releases(make_site):
    site = sample(make_site)
    site.build(cache=False)
    assert sorted(p.name for p in site.root.iterdir()) == [".output-releases", "config.toml", "content", "output"]


def test_output_is_a_link_to_one_of_two_trees_and_the_other_keeps_the_site_before(make_site):
    site = sample(make_site)
    first = site.build().files()
    link = site.root / "output"
    assert link.is_symlink() and os.readlink(link) == ".output-releases/blue"
    site.write("content/kinh-te/c.md", article(title="Bài C mới", category="Kinh tế", date="2023-02-02 08:00"))
    second = site.build().files()
    assert os.readlink(link) == ".output-releases/green" and first != second
    # The tree before stays whole until the next build (a reader may still be in it).
    kept = site.root / ".output-releases/blue"
    assert {p.relative_to(kept).as_posix(): p.read_bytes() for p in kept.rglob("*") if p.is_file()} == first
    site.write("content/kinh-te/c.md", article(title="Bài C lần ba", category="Kinh tế", date="2023-02-02 08:00"))
    third = site.build()
    assert os.readlink(link) == ".output-releases/blue"
    assert third.files() == site.build(site.root.parent / "clean", cache=False).files()


def test_unchanged_files_are_the_same_inode_in_the_new_release(make_site):
    site = sample(make_site)
    built = site.build()
    before = (built.output / "static/css/style.css").stat()
    site.write("content/kinh-te/c.md", article(title="Bài C mới", category="Kinh tế", date="2023-02-02 08:00"))
    rebuilt = site.build()
    after = (rebuilt.output / "static/css/style.css").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_folder_sitegen_did_not_make_is_never_emptied(make_site):
    site = sample(make_site)
    mine = site.root / "output"
    (mine / ".git").mkdir(parents=True)
    (mine / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (mine / "ghi-chu.txt").write_text("của tôi")
    problems = site.build_fails()
    assert "holds files sitegen did not publish (.git, ghi-chu.txt)" in problems[0].message
    assert "--force" in problems[0].hint
    assert (mine / "ghi-chu.txt").read_text() == "của tôi" and not mine.is_symlink()
    # Forced: moved aside whole, never deleted.
    built = site.build(force=True)
    assert built.exists("index.html")
    aside = [p for p in (site.root / ".output-releases").iterdir() if p.name.startswith("before-sitegen-")]
    assert len(aside) == 1 and (aside[0] / "ghi-chu.txt").read_text() == "của tôi"
    assert (aside[0] / ".git" / "HEAD").is_file()
    assert "was moved to" in built.report.warnings[-1].message
    site.build()  # later builds leave what was moved aside alone
    site.build()
    assert (aside[0] / "ghi-chu.txt").is_file()


def test_the_cli_refuses_a_folder_of_other_files_as_output(make_site):
    site = sample(make_site)
    site.write("templates/article.html", "{% extends \"!default/article.html\" %}")
    result = site.cli("build", "-o", "templates")
    assert result.returncode == 1
    assert "holds the site itself" in result.stderr
    (site.root / "khac").mkdir()
    (site.root / "khac" / "a.txt").write_text("x")
    result = site.cli("build", "-o", "khac")
    assert result.returncode == 1 and "did not publish (a.txt)" in result.stderr
    assert (site.root / "khac" / "a.txt").read_text() == "x"
    forced = site.cli("build", "-o", "khac", "--force")
    assert forced.returncode == 0 and "was moved to .khac-releases/before-sitegen-" in forced.stderr
    assert [p.read_text() for p in (site.root / ".khac-releases").glob("before-sitegen-*/a.txt")] == ["x"]
    assert (site.root / "templates/article.html").is_file()


def test_what_a_killed_build_left_in_the_standby_tree_is_set_right(make_site, monkeypatch):
    site = sample(make_site)
    site.build()
    site.write("content/kinh-te/c.md", article(title="Bài C mới", category="Kinh tế", date="2023-02-02 08:00"))
    site.build()
    # A build killed while it was bringing the standby tree ("blue") up to date: it had marked
    # the tree as changing, written a half file, a file under a temporary name, a stray page.
    from pathlib import Path
    from sitegen.cache import BuildCache
    cache = BuildCache(site.root / ".sitegen-cache")
    cache.standby_dirty(site.root / "output", "blue")
    cache.close()
    releases = site.root / ".output-releases"
    standby = releases / "blue"
    (standby / "index.html").write_text("<html>nửa")
    (standby / "404.html.sitegen-new").write_text("x")
    (standby / "thoi-su/bai-la/").mkdir(parents=True)
    (standby / "thoi-su/bai-la/index.html").write_text("lạ")
    style = (standby / "static/css/style.css").stat()
    links = {p.relative_to(standby).as_posix() for p in standby.rglob("*")  # to the live tree's same file
             if p.is_file() and (releases / "green" / p.relative_to(standby)).is_file()
             and os.path.samefile(p, releases / "green" / p.relative_to(standby))}
    assert "static/css/style.css" in links and "index.html" not in links
    read, original = [], Path.read_bytes
    def reading(path):
        if str(path).startswith(str(standby)):
            read.append(Path(path).relative_to(standby).as_posix())
        return original(path)
    monkeypatch.setattr(Path, "read_bytes", reading)
    site.write("content/kinh-te/b.md", article(title="Bài B mới", category="Kinh tế", date="2023-01-02 08:00", author="Thu Hà"))
    built = site.build()
    monkeypatch.undo()
    after = (standby / "static/css/style.css").stat()
    assert os.readlink(site.root / "output") == ".output-releases/blue"
    assert built.files() == site.build(site.root.parent / "clean", cache=False).files()
    # What the killed build had already set right is kept, not made again; and a file that is a
    # hard link to the live one is that file: it is not even read (a standby the cache cannot
    # vouch for is checked file by file).
    assert (after.st_ino, after.st_ctime_ns) == (style.st_ino, style.st_ctime_ns)
    assert read and not links & set(read)


def test_only_photos_articles_use_are_copied(make_site):
    site = sample(make_site)
    site.write("content/thoi-su/khong-dung.png", png())
    built = site.build()
    media = [rel for rel in built.files() if rel.startswith("media/")]
    assert "media/thoi-su/a.png" in media and all(rel.startswith("media/thoi-su/a") for rel in media)

