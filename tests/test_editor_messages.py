"""What an editor reads when sitegen refuses an article: the whole message, word for word — the
file and line, what is wrong, and how to write it instead.  Other tests check that bad input is
refused; these pin the text itself, which is the only help an editor who is not a programmer gets
(the mutation run, bench/MUTATION.md, found the wording of most refusals unwatched)."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import article, messages, png


@pytest.mark.parametrize("files, expected", [
    pytest.param({"content/a.md": article(title="!!! ???")},
                 "content/a.md:2: error: the title has no letters or digits to make an address from\n"
                 "    -> add `slug: ten-bai-viet` to the front matter", id="title-without-letters"),
    pytest.param({"content/a.md": article(audio="\n  title: Bản tin trưa")},
                 "content/a.md:6: error: `audio` needs `src:`, the recording's file\n"
                 "    -> write `audio: ban-tin.mp3` (beside the article), or `audio:` then `  src: ban-tin.mp3` "
                 "and `  title: ...`", id="audio-without-src"),
    pytest.param({"content/a.md": article(audio="[sang.mp3, chieu.mp3]")},
                 "content/a.md:5: error: `audio` must be a file name or a mapping with `src:`\n"
                 "    -> write `audio: ban-tin.mp3` (beside the article), or `audio:` then `  src: ban-tin.mp3` "
                 "and `  title: ...`", id="audio-as-a-list"),
    pytest.param({"content/a.md": article(audio="ban-tin.wav")},
                 "content/a.md:5: error: audio 'ban-tin.wav' is not an MP3 or M4A file\n"
                 "    -> export the recording as MP3 (or M4A), which every podcast app plays, and commit that file",
                 id="audio-not-mp3"),
    pytest.param({"content/a.md": article(audio="\n  src: [ban-tin.mp3]")},
                 "content/a.md:6: error: `audio.src` must be text, not a list or mapping\n"
                 '    -> write `src: "..."` (one line of text) under `audio:`', id="audio-src-a-list"),
    pytest.param({"content/a.md": article(audio="khong-co.mp3")},
                 "content/a.md:5: error: audio: the file 'khong-co.mp3' does not exist (looked for content/khong-co.mp3)\n"
                 "    -> check the file name and folder, or add the file", id="audio-missing"),
    pytest.param({"content/a.md": article(audio="\n  src: ban-tin.mp3\n  title: [Sáng, Chiều]"),
                  "content/ban-tin.mp3": b"ID3"},
                 "content/a.md:7: error: `audio.title` must be text, not a list or mapping\n"
                 '    -> write `title: "..."` (one line of text) under `audio:`', id="audio-title-a-list"),
    pytest.param({"content/a.md": article(video="\n  src: [phong-su.mp4]")},
                 "content/a.md:6: error: `video.src` must be text, not a list or mapping\n"
                 '    -> write `src: "..."` (one line of text) under `video:`', id="video-src-a-list"),
    pytest.param({"content/a.md": article(gallery="anh-1.jpg")},
                 "content/a.md:5: error: `gallery` must be a list of photos\n"
                 "    -> write `gallery:` then, for each photo, `  - src: images/anh-1.jpg` and its `caption:`",
                 id="gallery-not-a-list"),
    pytest.param({"content/a.md": article(corrections='\n  - date: 2024-06-26 09:00\n    text: "Sửa tên xã."\n'
                                                      '    by: BBT')},
                 "content/a.md:6: error: `corrections[1]` has unknown key(s) ['by']\n"
                 "    -> a correction has a date and a text", id="correction-with-unknown-key"),
    pytest.param({"content/a.md": article(layout="magazine")},
                 "content/a.md:5: error: `layout` 'magazine' is not a layout of articles (there are: emagazine)\n"
                 "    -> write `layout: emagazine` for a long-form story, or remove the line for the standard one",
                 id="unknown-layout"),
    pytest.param({"content/a.md": article(image="[anh.jpg]")},
                 "content/a.md:5: error: `image` must be a photo with src, caption and credit\n"
                 "    -> write `image:` then, on the next line, `  src: images/anh.jpg`", id="image-a-list"),
    pytest.param({"content/a.md": article(images="\n  - [anh.jpg]")},
                 "content/a.md:6: error: `images[1]` must be a photo with src, caption and credit\n"
                 "    -> write `- src: images/anh.jpg` under `images:`", id="images-item-a-list"),
    pytest.param({"content/a.md": article(image='{caption: "Cầu treo"}')},
                 "content/a.md:5: error: `image` has no `src`\n"
                 "    -> add `src: images/anh.jpg` (relative to the article)", id="photo-without-src"),
    *(pytest.param({"content/a.md": article(image=written), "content/anh.jpg": png()},
                   f"content/a.md:5: error: image.src {shown} is not a file inside content/\n"
                   "    -> use a path relative to the article (images/anh.jpg) or to content/ (/anh/2024/anh.jpg)",
                   id=case)
      for case, written, shown in [("photo-on-another-site", '"//cdn.example.vn/anh.jpg"', "'//cdn.example.vn/anh.jpg'"),
                                   ("photo-with-a-scheme", '"https://cdn.example.vn/anh.jpg"',
                                    "'https://cdn.example.vn/anh.jpg'"),
                                   ("photo-path-with-backslash", '"images\\\\anh.jpg"', "'images\\\\anh.jpg'"),
                                   ("photo-path-with-nul", '"anh\\0.jpg"', "'anh\\x00.jpg'")]),
    pytest.param({"content/a.md": article(corrections="\n  - date: 2024-06-26 09:00")},
                 "content/a.md:6: error: `corrections[1]` has no `text`\n"
                 '    -> write `corrections:` then `  - date: 2024-06-26 09:00` and `    text: "Bài viết ghi nhầm ..."`',
                 id="correction-without-text"),
    pytest.param({"content/a.md": article(corrections="\n  - date: 2024-06-26 09:00\n    text: ~")},
                 "content/a.md:7: error: `corrections[1].text` is missing or empty\n"
                 '    -> write `text: "..."` (one line of text) under `corrections[1]:`', id="correction-text-empty"),
    pytest.param({"content/a.md": article(slug='"Họp Báo!"')},
                 "content/a.md:5: error: `slug` 'Họp Báo!' is not a valid address part\n"
                 "    -> use lowercase a-z, 0-9 and hyphens, e.g. `slug: hop-bao`", id="slug-not-an-address"),
    pytest.param({"content/a.md": article(slug='"!!!"')},
                 "content/a.md:5: error: `slug` '!!!' is not a valid address part\n"
                 "    -> use lowercase a-z, 0-9 and hyphens, e.g. `slug: tin-moi`", id="slug-without-letters"),
    pytest.param({"content/a.md": article(draft='"có lẽ"')},
                 "content/a.md:5: error: `draft` must be true or false\n"
                 "    -> write `draft: true` or `draft: false`", id="draft-not-a-yes-or-no"),
    pytest.param({"content/a.md": article(tags="[Kinh tế, [Đắk Tô, Ngọc Hồi]]")},
                 "content/a.md:5: error: each entry of `tags` must be text\n"
                 "    -> write `tags: [first, second]`", id="tag-a-list"),
    pytest.param({"content/a.md": article(tags="{Kinh tế: 1}")},
                 "content/a.md:5: error: `tags` must be a list\n"
                 "    -> write `tags: [first, second]`", id="tags-a-mapping"),
    pytest.param({"content/a.md": "Chỉ có nội dung.\n"},
                 "content/a.md:1: error: the file has no front matter (or its closing '---' line is missing)\n"
                 "    -> start the file with a line '---', the fields (title:, date:, category:), then a line '---'",
                 id="no-front-matter"),
    pytest.param({"content/a.md": "---\ntitle: Tin: mới\n---\n\nNội dung.\n"},
                 "content/a.md:2: error: the front matter is not valid YAML: mapping values are not allowed in this context\n"
                 "    -> check this line: text containing ':' or starting with a quote or [ must be in double quotes",
                 id="colon-unquoted"),
    pytest.param({"content/a.md": article(author="[Minh Thư, Hoàng Lâm]")},
                 "content/a.md:5: error: `author` must be text, not a list or mapping\n"
                 '    -> write `author: "..."`', id="author-a-list"),
    pytest.param({"content/a.md": article(), "content/pages/gioi-thieu.md":
                  "---\ntitle: Giới thiệu\n---\n\nTòa soạn\n".encode() + "Báo".encode("cp1258")},
                 "content/pages/gioi-thieu.md:6: error: the file is not UTF-8 text\n"
                 "    -> open it in your editor and save it as UTF-8", id="page-not-utf8"),
    pytest.param({"content/a.md": article(image="{src: [a.png, b.png], caption: Cầu}")},  # once, not also "empty"
                 "content/a.md:5: error: `image.src` must be text, not a list or mapping\n"
                 '    -> write `src: "..."` (one line of text) under `image:`', id="photo-src-a-list"),
    pytest.param({"content/a.md": article(image="{src: a.png, caption: Cầu, credit: [MT, TL]}"), "content/a.png": png()},
                 "content/a.md:5: error: `image.credit` must be text, not a list or mapping\n"
                 '    -> write `credit: "..."` (one line of text) under `image:`', id="photo-credit-a-list"),
    pytest.param({"content/a.md": article(corrections='\n  - date: [2024-06-26]\n    text: "Sửa tên xã."\n')},
                 "content/a.md:6: error: `corrections[1].date` must be text, not a list or mapping\n"
                 '    -> write `date: "..."` (one line of text) under `corrections[1]:`', id="correction-date-a-list"),
    pytest.param({"content/a.md": article(corrections='\n  - date: ~\n    text: "Sửa tên xã."\n')},
                 "content/a.md:6: error: `corrections[1].date` is missing or empty\n"
                 '    -> write `date: "..."` (one line of text) under `corrections[1]:`', id="correction-date-empty"),
    pytest.param({"content/a.md": "---\n- tin\n- bài\n---\n\nNội dung.\n"},
                 "content/a.md:2: error: the front matter must be a list of `key: value` lines\n"
                 '    -> e.g. title: "..."', id="front-matter-a-list"),
    pytest.param({"content/a.md": "---\ntitle: Tin\ndate: 2024-06-25 15:18\ncategory: Thời sự\nsapo: \"Mở\x0b đầu\"\n---\n\nx\n"},
                 "content/a.md:5: error: the front matter holds a control character (#x000b), which is not allowed\n"
                 "    -> it is invisible (pasted from Word, a PDF or a chat): delete it, or type the line again",
                 id="control-character"),
])
def test_a_refusal_says_where_what_and_how_in_full(make_site, files, expected):
    assert messages(make_site(files).build_fails()) == expected


def test_an_article_that_is_a_link_out_of_content_says_so_and_what_to_do(make_site):
    site = make_site({"content/a.md": article()})
    os.symlink("/etc/hostname", site.root / "content/b.md")
    assert messages(site.build_fails()) == ("content/b.md: error: is a link to /etc/hostname, outside content/\n"
                                             "    -> put the file itself in content/ instead of a link to it")


def test_a_photo_that_is_a_link_out_of_content_says_so_and_what_to_do(make_site):
    site = make_site({"content/a.md": article(image="{src: anh.png, caption: Cầu}")})
    os.symlink("/etc/hostname", site.root / "content/anh.png")
    assert messages(site.build_fails()) == (
        "content/a.md:5: error: image.src: the photo 'anh.png' is a link to /etc/hostname, outside content/\n"
        "    -> put the photo itself in content/ instead of a link to it")


def test_an_articles_own_fields_are_never_the_caption_or_credit_of_its_photos(make_site):
    # `credit:`, `caption:` and `alt:` at the top are fields sitegen does not know (they reach the
    # templates as `article.extra`); a photo without its own keeps none, not the article's.
    site = make_site({"content/a.md": article(credit='"Báo Thử Nghiệm"', caption='"Chú thích chung"',
                                              alt='"Mô tả chung"', image="\n  src: anh.png"),
                      "content/anh.png": png()})
    photo = site.build().report.state.site.articles[0].image
    assert (photo.caption, photo.credit, photo.alt) == ("", "", "")


@pytest.mark.parametrize("written, caption", [
    ("Hội nghị tổng kết năm! Ảnh: MT", "Hội nghị tổng kết năm!"),
    ("Hội nghị tổng kết năm. Ảnh: MT", "Hội nghị tổng kết năm."),
    ("Hội nghị tổng kết năm Ảnh: MT", "Hội nghị tổng kết năm."),
])
def test_a_credit_written_in_the_caption_moves_to_the_credit_and_the_caption_ends_once(make_site, written, caption):
    site = make_site({"content/a.md": article(image=f'\n  src: anh.png\n  caption: "{written}"'),
                      "content/anh.png": png()})
    photo = site.build().report.state.site.articles[0].image
    assert (photo.caption, photo.credit, photo.alt) == (caption, "Ảnh: MT", caption)


@contextmanager
def without_roots_power(site):
    """This process as an editor runs sitegen: as the user `nobody`, whom file permissions stop
    (the suite runs as root, whom they do not).  The site becomes nobody's; the folders above it
    let nobody through."""
    nobody = 65534
    above = [folder for folder in site.root.parents if folder != Path("/")]
    modes = {folder: folder.stat().st_mode for folder in above}
    for folder in above:
        folder.chmod(modes[folder] | 0o001)
    for path in [site.root, *site.root.rglob("*")]:
        os.lchown(path, nobody, nobody)
    # Real and effective ids both (`os.access` asks about the real one); root stays the saved id,
    # to come back to.  The group too: a group of root's would let it through root's folders.
    os.setresgid(nobody, nobody, 0)
    os.setresuid(nobody, nobody, 0)
    try:
        yield
    finally:
        os.setresuid(0, 0, 0)
        os.setresgid(0, 0, 0)
        for folder, mode in modes.items():
            folder.chmod(mode)


ACCESS_HINT = ("give sitegen read access to the {kind} (e.g. `chmod -R u+rX content/`), or move it out of content/ "
               "or rename it to start with '_' if it is not part of the site")


@pytest.mark.parametrize("target, kind", [("content/thoi-su/b.md", "file"), ("content/kinh-te", "folder"),
                                          ("content/pages/gioi-thieu.md", "file")])
def test_what_sitegen_may_not_read_is_named_with_how_to_give_access(make_site, target, kind):
    site = make_site({"content/thoi-su/a.md": article(), "content/thoi-su/b.md": article(title="Tin hai"),
                      "content/kinh-te/c.md": article(title="Tin ba", category="Kinh tế"),
                      "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nTòa soạn.\n"})
    site.build()  # (and every module the build loads is loaded: Python's own are root's to read)
    (site.root / target).chmod(0)
    with without_roots_power(site):
        problems = site.build_fails()
    assert messages(problems) == (f"{target}: error: this {kind} cannot be read: Permission denied\n"
                                  f"    -> {ACCESS_HINT.format(kind=kind)}")


def test_a_photo_sitegen_may_not_read_is_named_with_how_to_give_access(make_site):
    site = make_site({"content/a.md": article(image='{src: anh.png, caption: "Cầu treo"}'), "content/anh.png": png()})
    site.build()
    (site.root / "content/anh.png").chmod(0)
    with without_roots_power(site):
        problems = site.build_fails()
    assert messages(problems) == ("content/a.md:5: error: image.src: the photo 'anh.png' cannot be read (permission denied)\n"
                                  "    -> give sitegen read access to content/anh.png (e.g. `chmod u+r`)")


def test_a_list_field_left_empty_is_no_list_at_all(make_site):
    # `tags: ~` (YAML's null, as some editors' tools write an emptied field) is not the tag "~".
    site = make_site({"content/a.md": article(tags="~", aliases="null", related="~")})
    article_read = site.build().report.state.site.articles[0]
    assert (article_read.tags, article_read.aliases, article_read.related) == ((), (), ())


def test_a_photo_deleted_since_the_last_build_is_the_articles_error_at_its_line(make_site):
    site = make_site({"content/a.md": article(image='{src: anh.png, caption: "Cầu treo"}'), "content/anh.png": png()})
    site.build()  # the article is now read from the cache
    (site.root / "content/anh.png").unlink()
    assert messages(site.build_fails()) == (
        "content/a.md:5: error: image.src: the photo 'anh.png' does not exist (looked for content/anh.png)\n"
        "    -> check the file name and folder, or add the photo")
