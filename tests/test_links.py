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
