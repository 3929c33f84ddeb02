"""Symbolic links and odd theme names: nothing outside the site is read or published."""

import os

import pytest

from conftest import article, messages, png


@pytest.fixture
def secret(tmp_path):
    """A file outside the site that a build must never publish."""
    path = tmp_path / "secret" / "passwd"
    path.parent.mkdir()
    path.write_text("root:x:0:0:root:/root:/bin/bash\n")
    return path


def published(built) -> bytes:
    return b"".join(p.read_bytes() for p in built.output.rglob("*") if p.is_file())


def test_a_static_file_linked_outside_the_site_is_refused(make_site, secret):
    site = make_site({"content/thoi-su/a.md": article()})
    (site.root / "static").mkdir()
    os.symlink(secret, site.root / "static" / "logo.png")
    problems = site.build_fails()
    assert f"static/logo.png: error: is a link to {secret}, outside the site" in messages(problems)
    assert not (site.root / "output").exists()


def test_a_template_folder_linked_outside_the_site_is_refused(make_site, secret):
    site = make_site({"content/thoi-su/a.md": article()})
    os.symlink(secret.parent, site.root / "templates")
    problems = site.build_fails()
    assert "templates: error: is a link to" in messages(problems)
    assert "outside the site" in messages(problems)


def test_a_link_that_stays_inside_the_site_is_fine(make_site):
    site = make_site({"content/thoi-su/a.md": article(), "assets/logo.txt": "logo"})
    (site.root / "static").mkdir()
    os.symlink(site.root / "assets" / "logo.txt", site.root / "static" / "logo.txt")
    built = site.build()
    assert built.text("static/logo.txt") == "logo"


@pytest.mark.parametrize("name", ["../../..", "/etc", "default/../../x", ".hidden", ""])
def test_a_theme_name_that_is_a_path_is_refused(make_site, name):
    site = make_site({"content/thoi-su/a.md": article()}, extra_config=f'theme = "{name}"')
    problems = site.build_fails()
    assert "is not a theme's name" in messages(problems)


def test_an_article_linked_outside_the_site_is_refused(make_site, secret):
    outside = secret.parent / "bai.md"
    outside.write_text(article(title="Bài ở ngoài"))
    site = make_site({"content/thoi-su/a.md": article()})
    os.symlink(outside, site.root / "content/thoi-su/ngoai.md")
    problems = site.build_fails()
    assert f"content/thoi-su/ngoai.md: error: is a link to {outside}, outside content/" in messages(problems)
    assert site.cli("check").returncode == 1


def test_a_linked_folder_under_content_is_an_error_not_a_silent_skip(make_site, secret):
    site = make_site({"content/thoi-su/a.md": article()})
    os.symlink(secret.parent, site.root / "content/kho")
    problems = site.build_fails()
    assert "content/kho: error: is a link to the folder" in messages(problems)


def test_content_itself_linked_outside_the_site_is_refused(make_site, tmp_path):
    site = make_site({})
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "thoi-su").mkdir(parents=True)
    (elsewhere / "thoi-su/a.md").write_text(article())
    (site.root / "content").rmdir()
    os.symlink(elsewhere, site.root / "content")
    assert "content: error: is a link to" in messages(site.build_fails())


@pytest.mark.parametrize("where", ["photo", "folder"])
def test_a_photo_linked_outside_the_site_is_refused(make_site, secret, where):
    site = make_site({"content/thoi-su/a.md": article(image="{src: anh/passwd.jpg, caption: Ảnh}")})
    if where == "photo":
        (site.root / "content/thoi-su/anh").mkdir()
        os.symlink(secret, site.root / "content/thoi-su/anh/passwd.jpg")
    else:
        os.symlink(secret.parent, site.root / "content/thoi-su/anh")
        secret.rename(secret.parent / "passwd.jpg")
    problems = messages(site.build_fails())
    if where == "photo":
        assert "content/thoi-su/a.md:5: error: image.src: the photo 'anh/passwd.jpg' is a link to" in problems
        assert f"{secret}, outside content/" in problems
    else:  # the linked folder is refused before any photo in it is looked at
        assert f"content/thoi-su/anh: error: is a link to the folder {secret.parent}" in problems
    assert not (site.root / "output").exists()


def test_a_photo_linked_inside_content_is_published(make_site):
    site = make_site({"content/thoi-su/a.md": article(image="{src: anh.png, caption: Ảnh}"),
                      "content/kho-anh/goc.png": png()}, extra_config="[photos]\npublish_originals = true")
    os.symlink(site.root / "content/kho-anh/goc.png", site.root / "content/thoi-su/anh.png")
    built = site.build()
    assert built.path("media/thoi-su/anh.png").read_bytes() == png()


@pytest.mark.parametrize("name", ["vong.md", "vong"])
def test_a_link_to_itself_in_content_is_an_error_not_a_traceback(make_site, name):
    """A link that leads back to itself (`ln -s vong.md vong.md`, a slip in a shell) cannot be
    followed: the article it stands for cannot be read, and an editor gets told which file."""
    site = make_site({"content/thoi-su/a.md": article()})
    os.symlink(name, site.root / "content/thoi-su" / name)
    result = site.cli("build")
    assert "Traceback" not in result.stderr
    if name.endswith(".md"):
        assert result.returncode == 1
        assert f"content/thoi-su/{name}: error: this file cannot be read" in result.stderr
    else:  # not an article: left out, as any other file of content/ that is not one
        assert result.returncode == 0, result.stderr


def test_a_link_to_itself_among_the_theme_files_is_an_error_not_a_traceback(make_site):
    site = make_site({"content/thoi-su/a.md": article()})
    (site.root / "static").mkdir()
    os.symlink("vong.css", site.root / "static/vong.css")
    result = site.cli("build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "static/vong.css: error: is a link to nothing" in result.stderr
