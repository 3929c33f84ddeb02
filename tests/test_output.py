"""output/: deterministic, no stale files, unchanged files untouched, nothing written elsewhere."""

import os

from conftest import article, png


def files_outside_output(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.relative_to(root).parts[0] not in ("output", ".sitegen-cache")}


def sample(make_site):
    return make_site({
        "content/thoi-su/a.md": article(title="Bài A", tags='["Một", "Hai"]', image="{src: a.png, caption: Ảnh A, credit: MT}"),
        "content/thoi-su/a.png": png(),
        "content/kinh-te/b.md": article(title="Bài B", category="Kinh tế", date="2023-01-02 08:00", author="Thu Hà"),
        "content/kinh-te/c.md": article(title="Bài C", category="Kinh tế", date="2023-02-02 08:00", tags='["Hai"]'),
    })


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
    assert not (rebuilt.output / ".sitegen-staging").exists() and not (rebuilt.output / ".sitegen-previous").exists()


def test_a_build_writes_nothing_outside_output_but_its_cache(make_site):
    site = sample(make_site)
    before = files_outside_output(site.root)
    site.build()
    site.build()
    assert files_outside_output(site.root) == before
    assert sorted(p.name for p in site.root.iterdir()) == [".sitegen-cache", "config.toml", "content", "output"]
    assert (site.root / ".sitegen-cache" / ".gitignore").read_text() == "*\n"


def test_without_the_cache_nothing_at_all_is_written_outside_output(make_site):
    site = sample(make_site)
    site.build(cache=False)
    assert sorted(p.name for p in site.root.iterdir()) == ["config.toml", "content", "output"]


def test_git_folder_in_output_survives(make_site):
    site = sample(make_site)
    git = site.root / "output" / ".git"
    git.mkdir(parents=True)
    (git / "HEAD").write_text("ref: refs/heads/main\n")
    (site.root / "output" / "stale.html").write_text("cũ")
    built = site.build()
    assert (git / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert not built.exists("stale.html")


def test_leftovers_of_a_killed_build_are_cleaned(make_site):
    site = sample(make_site)
    site.build()
    (site.root / "output/.sitegen-staging/half").mkdir(parents=True)
    built = site.build()
    assert not (built.output / ".sitegen-staging").exists()


def test_only_photos_articles_use_are_copied(make_site):
    site = sample(make_site)
    site.write("content/thoi-su/khong-dung.png", png())
    built = site.build()
    assert [rel for rel in built.files() if rel.startswith("media/")] == ["media/thoi-su/a.png"]
