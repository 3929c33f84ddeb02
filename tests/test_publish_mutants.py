"""Publishing cases the mutation run showed untested: what stands in output/'s place, and files
that turn into folders (and back) across builds of both trees."""

import os
import shutil


from conftest import article, png
from sitegen.cache import BuildCache



def small(make_site):
    return make_site({"content/thoi-su/a.md": article(title="Bài A"),
                      "content/thoi-su/b.md": article(title="Bài B", date="2024-06-26 08:00")})


def clean_build(site):
    return site.build(site.root.parent / "clean", cache=False).files()


def test_a_releases_folder_sitegen_did_not_make_is_refused_and_kept(make_site):
    site = small(make_site)
    site.write(".output-releases/ghi-chu.txt", "của tôi")
    problems = site.build_fails()
    assert problems[0].file == ".output-releases"
    assert "sitegen did not make it" in problems[0].message
    assert (site.root / ".output-releases/ghi-chu.txt").read_text() == "của tôi"
    assert not (site.root / "output").exists()


def test_a_file_where_the_output_folder_goes_is_refused_and_kept(make_site):
    site = small(make_site)
    site.write("output", "không phải thư mục")
    problems = site.build_fails()
    assert problems[0].message == "a file stands where the output folder goes"
    assert (site.root / "output").read_text() == "không phải thư mục"


def test_an_output_link_sitegen_did_not_make_is_refused_or_with_force_replaced_keeping_its_target(make_site, tmp_path):
    site = small(make_site)
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    (elsewhere / "giu.txt").write_text("giữ")
    os.symlink(elsewhere, site.root / "output")
    problems = site.build_fails()
    assert f"the output folder is a link to {elsewhere}, which sitegen did not make" in problems[0].message
    assert os.readlink(site.root / "output") == str(elsewhere)
    built = site.build(force=True)
    assert os.readlink(site.root / "output") == ".output-releases/blue"
    assert built.exists("index.html")
    assert (elsewhere / "giu.txt").read_text() == "giữ" and sorted(os.listdir(elsewhere)) == ["giu.txt"]


def test_a_static_file_that_becomes_a_folder_and_back_is_published_in_both_trees(make_site):
    site = small(make_site)
    # Each shape twice, so that each tree holds the old shape when the new one is written into it.
    for step, shape in enumerate(["file", "file", "folder", "folder", "file", "file"]):
        shutil.rmtree(site.root / "static", ignore_errors=True)
        if shape == "file":
            site.write("static/tai-lieu", f"tệp {step}")
        else:
            site.write("static/tai-lieu/huong-dan.txt", f"thư mục {step}")
        built = site.build()
        assert built.files() == clean_build(site), step
        (site.root.parent / "clean").unlink()  # a link to its release
        shutil.rmtree(site.root.parent / ".clean-releases")


def test_a_removed_article_leaves_no_empty_folder_in_either_tree(make_site):
    site = small(make_site)
    site.build()
    site.write("content/thoi-su/a.md", article(title="Bài A sửa"))
    site.build()  # both trees hold bai-b
    (site.root / "content/thoi-su/b.md").unlink()
    site.build()
    site.write("content/thoi-su/a.md", article(title="Bài A sửa lần hai"))
    site.build()  # a build with work to do brings the other tree up to date too
    for tree in ("blue", "green"):
        root = site.root / ".output-releases" / tree
        assert not list(root.rglob("bai-b*")), tree
        assert all(any(folder.iterdir()) for folder in root.rglob("*") if folder.is_dir()), tree


def test_a_page_deleted_by_hand_from_output_is_published_again(make_site):
    site = small(make_site)
    built = site.build()
    page = built.path(built.article_paths()[0])
    page.unlink()
    rebuilt = site.build()
    assert (rebuilt.output / page.relative_to(built.output)).is_file()
    assert rebuilt.files() == clean_build(site)


def test_a_photo_size_deleted_by_hand_from_both_trees_is_published_again(make_site):
    site = make_site({"content/thoi-su/a.md": article(title="Bài A", image="{src: a.png, caption: Cầu treo}"),
                      "content/thoi-su/a.png": png(1200, 800),
                      "content/thoi-su/b.md": article(title="Bài B", date="2024-06-26 08:00")})
    # Four builds, two of each tree: a folder filled just before its tree is published is stamped
    # only when that tree is published again (an mtime that recent proves nothing).
    for n in range(4):
        site.write("content/thoi-su/b.md", article(title=f"Bài B, lần {n}", date="2024-06-26 08:00"))
        built = site.build()
    cache = BuildCache(site.root / ".sitegen-cache")
    assert all("media/thoi-su" in cache.folder_stamps(site.root / "output", tree) for tree in ("blue", "green"))
    cache.close()
    gone = sorted(built.output.glob("media/thoi-su/a-*.webp"))[0].name
    for tree in ("blue", "green"):  # an over-eager clean-up (rsync --delete, a script) in both
        (site.root / f".output-releases/{tree}/media/thoi-su/{gone}").unlink()
    rebuilt = site.build()
    assert (rebuilt.output / "media/thoi-su" / gone).is_file()
    assert rebuilt.files() == clean_build(site)


def test_a_copied_file_is_recorded_with_the_digest_of_its_source_so_the_next_build_need_not_read_it(make_site):
    from sitegen.digests import file_digest
    from sitegen.theme import builtin_themes_dir
    site = small(make_site)
    site.build()
    cache = BuildCache(site.root / ".sitegen-cache")
    records = cache.outputs(site.root / "output", os.path.basename(os.readlink(site.root / "output")))
    cache.close()
    logo = builtin_themes_dir() / "default/static/logo.png"
    assert records["static/logo.png"].page_key == b"copy\0" + file_digest(logo)
