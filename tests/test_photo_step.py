"""The photo step of a build, as readers get it: the lead photo and body figures in the sizes and
formats their places need, with width and height, no metadata, crops around the focal point, share
images; made once, swept from the cache when no build uses them; what `check` tells editors."""

import io
import os
import re

from PIL import Image

from conftest import CAMERA, CONFIG, NOW, article, camera_photo, messages, png
from sitegen.build import BuildOptions
from sitegen.check import check_site


def photo_site(make_site):
    return make_site({
        "content/thoi-su/a.md": article(title="Lũ quét ở Đăk Glei", image="{src: lu.jpg, caption: Nước dâng cao, credit: MT}"),
        "content/thoi-su/lu.jpg": camera_photo(),
        "content/thoi-su/b.md": article(title="Tin khác", date="2024-06-24 08:00"),
    })


def decoded(built, url: str) -> Image.Image:
    return Image.open(io.BytesIO(built.path(url.split("/", 3)[-1] if url.startswith("http") else url.lstrip("/")).read_bytes()))


def test_the_lead_photo_is_a_picture_of_renditions_that_exist_at_their_stated_widths(make_site):
    built = photo_site(make_site).build()
    page = built.html("thoi-su/lu-quet-o-dak-glei-202406251518/")
    picture = page.select_one("figure.lead-photo picture")
    img = picture.img
    assert picture.source["type"] == "image/webp"
    assert img["fetchpriority"] == "high" and "loading" not in img.attrs
    candidates = [c.strip().split(" ") for s in (picture.source["srcset"], img["srcset"]) for c in s.split(",")]
    assert len(candidates) >= 10
    for url, width in candidates:
        photo = decoded(built, url)
        assert photo.width == int(width.rstrip("w")) and photo.width <= CAMERA[0]  # never upscaled
        assert photo.height == round(photo.width * CAMERA[1] / CAMERA[0])
        assert not photo.getexif() and "exif" not in photo.info and b"GPS" not in built.path(url.lstrip("/")).read_bytes()
    widest = decoded(built, img["src"])
    assert (int(img["width"]), int(img["height"])) == widest.size  # the page keeps the photo's place
    assert widest.getpixel((10, 10))[0] > 150  # still red on top


def test_teasers_are_lazy_crops_and_shares_get_1200x630(make_site):
    built = photo_site(make_site).build()
    teaser = built.html("thoi-su/").select_one(".teaser-image picture img")
    assert teaser["loading"] == "lazy"
    first = decoded(built, teaser["src"])
    assert abs(first.width / first.height - 4 / 3) < 0.01
    page = built.html("thoi-su/lu-quet-o-dak-glei-202406251518/")
    share = page.find("meta", attrs={"property": "og:image"})["content"]
    assert decoded(built, share).size == (1200, 630)


def test_an_unchanged_photo_is_never_encoded_again(make_site):
    site = photo_site(make_site)
    site.build()
    made = {p.name: p.stat().st_mtime_ns for p in (site.root / ".sitegen-cache/renditions").iterdir()}
    assert len(made) >= 10
    site.write("content/thoi-su/a.md", article(title="Lũ quét ở Đăk Glei", image="{src: lu.jpg, caption: Sửa chú thích}"))
    site.build()
    assert {p.name: p.stat().st_mtime_ns for p in (site.root / ".sitegen-cache/renditions").iterdir()} == made


def test_a_rebuild_plans_again_only_the_photos_whose_inputs_changed(make_site):
    site = photo_site(make_site)
    site.write("content/thoi-su/c.md", article(title="Bài có ảnh", image="cau.jpg", date="2024-06-20 08:00"))
    site.write("content/thoi-su/cau.jpg", camera_photo())
    assert site.build().report.photos_planned == 2
    site.write("content/thoi-su/b.md", article(title="Tin khác đã sửa", date="2024-06-24 08:00"))
    assert site.build().report.photos_planned == 0
    site.write("content/thoi-su/a.md", article(title="Lũ quét ở Đăk Glei", image='{src: lu.jpg, focus: "0.2,0.2"}'))
    assert site.build().report.photos_planned == 1
    site.write("content/thoi-su/b.md", article(title="Tin khác sửa lần hai", date="2024-06-24 08:00"))
    assert site.build().report.photos_planned == 0  # the plans kept when one photo's was made again


def test_a_site_moved_under_a_sub_path_serves_its_photos_from_there(make_site):
    site = photo_site(make_site)
    site.build()
    site.write("config.toml", CONFIG.format(base_url="https://example.vn/bao/", per_page=3, related_count=3, extra=""))
    built = site.build()
    assert built.report.photos_planned == 0  # the stored plan holds addresses without the base path
    img = built.html("thoi-su/lu-quet-o-dak-glei-202406251518/").select_one("figure.lead-photo picture img")
    for candidate in img["srcset"].split(","):
        url = candidate.split()[0]
        assert url.startswith("/bao/media/thoi-su/lu-") and built.path(url[len("/bao/"):]).is_file()


def test_a_rendition_removed_from_output_by_hand_is_published_again(make_site):
    # Rendition folders are checked whole (their mtime), not file by file: removing a file moves it.
    site = photo_site(make_site)
    built = site.build()
    gone = sorted(built.output.glob("media/thoi-su/lu-*.webp"))[0]
    gone.unlink()
    for title in ("Tin khác đã sửa", "Tin khác sửa lần hai"):  # the second build writes that tree again
        site.write("content/thoi-su/b.md", article(title=title, date="2024-06-24 08:00"))
        built = site.build()
    assert (built.output / gone.relative_to(gone.parents[2])).is_file()


def test_a_rendition_removed_from_output_is_back_after_a_build_with_nothing_else_to_do(make_site):
    site = photo_site(make_site)
    site.build()
    for title in ("Tin khác đã sửa", "Tin khác sửa lần hai"):
        # Each tree's folder gets a stamp once its mtime is old enough to prove something: the
        # second edit publishes the first build's tree again, untouched since.
        site.write("content/thoi-su/b.md", article(title=title, date="2024-06-24 08:00"))
        site.build()
    built = site.build()
    if not built.report.up_to_date:  # that build began too soon after the edit to vouch for it
        built = site.build()
    assert built.report.up_to_date
    gone = sorted(built.output.glob("media/thoi-su/lu-*.jpg"))[-1]
    gone.unlink()
    built = site.build()
    assert not built.report.up_to_date and gone.is_file()


def test_a_rendition_removed_from_the_cache_is_made_again_by_a_rebuild_of_unchanged_photos(make_site):
    # A rebuild with the plan the cache's folder was last found complete for does not list the
    # folder (146,000 names at 20,000 articles): the folder's stamp must show the file is gone.
    site = photo_site(make_site)
    site.build()
    for title in ("Tin khác đã sửa", "Tin khác sửa lần hai"):  # the second build records the folder complete
        site.write("content/thoi-su/b.md", article(title=title, date="2024-06-24 08:00"))
        assert site.build().report.photos_planned == 0
    gone = sorted((site.root / ".sitegen-cache/renditions").glob("lu-*.webp"))[0]
    gone.unlink()
    site.write("content/thoi-su/b.md", article(title="Tin khác sửa lần ba", date="2024-06-24 08:00"))
    built = site.build()
    assert built.report.photos_planned == 0 and gone.is_file()
    assert (built.output / "media/thoi-su" / gone.name).read_bytes() == gone.read_bytes()


def test_published_renditions_are_the_cached_files_not_second_copies(make_site):
    site = photo_site(make_site)
    built = site.build()
    cached = {p.name: p.stat().st_ino for p in (site.root / ".sitegen-cache/renditions").iterdir()}
    published = [p for p in built.output.rglob("lu-*") if p.is_file()]
    assert published and all(p.stat().st_ino == cached[p.name] for p in published)


def test_a_lead_photo_that_is_not_an_image_is_an_error_naming_article_and_field(make_site):
    site = photo_site(make_site)
    site.write("content/thoi-su/lu.jpg", "đây không phải ảnh")
    problems = messages(site.build_fails())
    assert re.search(r"content/thoi-su/a\.md:\d+: error: image: the photo 'lu\.jpg': ", problems)
    assert not (site.root / "output").exists()
    assert site.cli("check").returncode == 1


def test_photos_probed_by_the_workers_report_their_problems_as_a_build_in_one_process_does(make_site):
    # Enough photos never seen before for the build's workers to plan them (PLANNED_HERE_BELOW).
    files = {f"content/thoi-su/bai-{n:02d}.md": article(title=f"Tin ảnh số {n}", image=f"anh-{n:02d}.png",
                                                          date=f"2024-06-{1 + n % 28:02d} 08:00") for n in range(70)}
    files |= {f"content/thoi-su/anh-{n:02d}.png": png(40 + n, 30) for n in range(70)}
    files["content/thoi-su/anh-07.png"] = b""
    files["content/thoi-su/anh-31.png"] = "đây không phải ảnh"
    site = make_site(files)
    problems = site.build_fails()
    assert [(p.file, p.severity) for p in problems] == [("content/thoi-su/bai-07.md", "error"),
                                                         ("content/thoi-su/bai-31.md", "error")]
    assert "image: the photo 'anh-07.png': the photo file is empty (0 bytes)" in problems[0].message
    assert "commit the photo again" in problems[0].hint
    assert "image: the photo 'anh-31.png': " in problems[1].message and problems[1].hint
    assert not (site.root / "output").exists()
    checked = [p for p in check_site(site.root, BuildOptions(now=NOW)).problems if p.severity == "error"]
    assert [(p.file, p.message) for p in checked] == [(p.file, p.message) for p in problems]
    site.write("content/thoi-su/anh-07.png", png(47, 30))
    site.write("content/thoi-su/anh-31.png", png(71, 30))
    built = site.build()
    assert built.report.photos_planned == 2  # the others were planned by the failed build, and kept
    page = next(built.output.glob("thoi-su/tin-anh-so-31-*/index.html")).read_text()
    assert 'width="71" height="30"' in page


def body_site(make_site, **options):
    return make_site({
        "content/thoi-su/a.md": article(
            title="Lũ quét ở Đăk Glei", images="[{src: lu.jpg, caption: Nước dâng cao, credit: MT}]",
            body="Mở đầu.\n\n![](lu.jpg)\n\nGiữa bài.\n\n![Cầu treo sau lũ](cau.jpg \"Cầu treo\")\n\nKết."),
        "content/thoi-su/lu.jpg": camera_photo(),
        "content/thoi-su/cau.jpg": camera_photo(),
    }, **options)


def test_body_figures_are_pictures_and_the_originals_are_not_published(make_site):
    built = body_site(make_site).build()
    page = built.html("thoi-su/lu-quet-o-dak-glei-202406251518/")
    pictures = page.select(".article-body figure.photo picture")
    assert len(pictures) == 2
    for picture in pictures:
        img = picture.img
        assert img["loading"] == "lazy" and "fetchpriority" not in img.attrs
        for url, width in (c.strip().split(" ") for c in picture.source["srcset"].split(",")):
            assert decoded(built, url).width == int(width.rstrip("w"))
        assert (int(img["width"]), int(img["height"])) == decoded(built, img["src"]).size
    assert pictures[0].find_next_sibling("figcaption").get_text(" ", strip=True) == "Nước dâng cao Ảnh: MT"
    assert pictures[1].img["alt"] == "Cầu treo sau lũ"
    assert pictures[1].find_next_sibling("figcaption").get_text(strip=True) == "Cầu treo"
    assert not list(built.output.rglob("lu.jpg")) and not list(built.output.rglob("cau.jpg"))
    # A photo only in the body gets the article column's widths, not the crops of listings and shares.
    assert not [p for p in built.output.rglob("cau-*") if "-1200x630-" in p.name or "-160x160-" in p.name]


def test_originals_are_published_when_the_config_says_so(make_site):
    built = body_site(make_site, extra_config="[photos]\npublish_originals = true").build()
    original = built.path("media/thoi-su/cau.jpg")
    assert original.read_bytes() == camera_photo()
    page = built.html("thoi-su/lu-quet-o-dak-glei-202406251518/")
    assert len(page.select(".article-body figure.photo picture")) == 2  # readers still get renditions


def test_configured_widths_replace_the_themes(make_site):
    site = photo_site(make_site)
    site.write("config.toml", (site.root / "config.toml").read_text(encoding="utf-8").replace(
        "[[categories]]", "[photos.widths]\nlead = [480, 960]\n\n[[categories]]", 1))
    built = site.build()
    img = built.html("thoi-su/lu-quet-o-dak-glei-202406251518/").select_one("figure.lead-photo picture img")
    assert [c.strip().split(" ")[1] for c in img["srcset"].split(",")] == ["480w", "960w"]


def test_bad_photo_settings_are_errors_naming_the_key(make_site):
    site = photo_site(make_site)
    site.write("config.toml", (site.root / "config.toml").read_text(encoding="utf-8").replace(
        "[[categories]]", "[photos]\njpeg_quality = 0\n\n[photos.widths]\nthumb = [100]\nlead = [\"to\"]\nrail = [" + ", ".join(["320"] * 5000) + "]\n\n"
        "[[categories]]", 1))
    problems = messages(site.build_fails())
    assert "photos.jpeg_quality" in problems and "must be from 1 to 100" in problems
    assert "photos.widths.thumb: no such place for photos" in problems
    assert "photos.widths.lead" in problems and "from 16 to 8000" in problems
    assert "photos.widths.rail: must be a list of 1 to 12 widths" in problems  # not 5,000 files per photo


def centre_colour(built, url: str) -> tuple:
    photo = decoded(built, url)
    return photo.getpixel((photo.width // 2, photo.height // 2))[:3]


def test_the_focal_point_chooses_what_the_crops_keep(make_site):
    site = photo_site(make_site)  # the photo: red above, blue below
    for focus, red in (('"0.5,0.1"', True), ("[0.5, 0.9]", False)):
        site.write("content/thoi-su/a.md", article(title="Lũ quét ở Đăk Glei", image=f"{{src: lu.jpg, focus: {focus}}}"))
        built = site.build()
        page = built.html("thoi-su/lu-quet-o-dak-glei-202406251518/")
        share = page.find("meta", attrs={"property": "og:image"})["content"]
        assert (centre_colour(built, share)[0] > 150) is red, focus


def test_a_focal_point_outside_the_photo_is_an_error_on_its_line(make_site):
    site = photo_site(make_site)
    site.write("content/thoi-su/a.md", article(title="Lũ quét", image='{src: lu.jpg, focus: "0.5,1.3"}'))
    problems = messages(site.build_fails())
    assert re.search(r"content/thoi-su/a\.md:5: error: `image.focus`: focus '0.5,1.3' is outside the photo", problems)


def test_check_tells_editors_about_small_leads_huge_files_and_file_names_as_alt(make_site):
    noise = Image.effect_noise((1000, 800), 80).convert("RGB")
    out = io.BytesIO()
    noise.save(out, "JPEG", quality=98)
    assert out.tell() > 1_000_000
    site = make_site({
        "content/a.md": article(title="Tin có ảnh nhỏ", image="{src: nho.jpg, caption: Ảnh nhỏ, credit: MT}",
                                body="Mở đầu.\n\n![lua-moi.jpg](lua-moi.jpg)"),
        "content/nho.jpg": out.getvalue(),
        "content/lua-moi.jpg": camera_photo(),
        "content/b.md": article(title="Tin có ảnh lớn", image="{src: lon.jpg, caption: lon, credit: MT}"),
        "content/lon.jpg": camera_photo(),
    }, extra_config="[photos]\nlarge_megabytes = 1")
    result = site.cli("check")
    assert result.returncode == 0, result.stdout + result.stderr  # warnings only
    out_text = result.stdout + result.stderr
    assert "content/a.md:5: warning: the lead photo 'nho.jpg' is 1000 px wide" in out_text
    assert "content/a.md:5: warning: the photo 'nho.jpg' is a 1 MB file" in out_text
    assert "photo 'lua-moi.jpg' in the body has its file name as alt text" in out_text
    assert "content/b.md:5: warning: the photo 'lon.jpg' has its file name as alt text" in out_text
    assert "lon.jpg' is" not in out_text  # 2400 px and small: nothing to say
    assert site.cli("check", "--strict").returncode == 1


def test_renditions_no_build_uses_any_more_leave_the_cache(make_site):
    site = photo_site(make_site)
    site.build()
    site.build(site.root / "ban-xem-truoc")  # a second output folder (as the preview is) keeps its own
    folder = site.root / ".sitegen-cache/renditions"
    first = {p.name for p in folder.iterdir()}
    replaced = Image.new("RGB", CAMERA, (20, 140, 40))
    out = io.BytesIO()
    replaced.save(out, "JPEG", quality=90)
    site.write("content/thoi-su/lu.jpg", out.getvalue())
    site.build()
    after_one = {p.name for p in folder.iterdir()}
    assert first < after_one  # the other folder still shows the old photo: its files stay
    site.build(site.root / "ban-xem-truoc")
    now = {p.name for p in folder.iterdir()}
    assert not now & first and len(now) == len(first)


def test_every_picture_states_the_size_of_its_file(make_site):
    """width and height on every <img> of a photo: the page keeps the photo's place before it arrives."""
    site = body_site(make_site)
    site.write("content/thoi-su/b.md", article(title="Tin có ảnh đầu", date="2024-06-24 08:00", featured="true",
                                               image="{src: lu.jpg, caption: Nước dâng cao}"))
    built = site.build()
    seen = 0
    for rel in ("", "thoi-su/", "thoi-su/lu-quet-o-dak-glei-202406251518/", "thoi-su/tin-co-anh-dau-202406240800/"):
        for img in built.html(rel).select("picture img"):
            assert (int(img["width"]), int(img["height"])) == decoded(built, img["src"]).size, (rel, img)
            seen += 1
    assert seen >= 6


def test_a_body_photo_that_cannot_be_read_is_an_error_on_its_line(make_site):
    site = body_site(make_site)
    site.write("content/thoi-su/cau.jpg", camera_photo()[:5000])  # cut off in the middle: found when decoded
    problems = messages(site.build_fails())
    # line 14 of the file: the body's `![Cầu treo sau lũ](cau.jpg ...)`
    assert "content/thoi-su/a.md:14: error: body image: the photo 'cau.jpg': the photo is damaged or truncated" in problems
    assert not (site.root / "output").exists()
    checked = site.cli("check")  # check decodes it too
    assert checked.returncode == 1
    assert "content/thoi-su/a.md:14: error: body image: the photo 'cau.jpg': the photo is damaged" in checked.stderr
    site.write("content/thoi-su/cau.jpg", b"")
    checked = site.cli("check")
    assert checked.returncode == 1
    assert "content/thoi-su/a.md:14: error: body image: the photo 'cau.jpg'" in checked.stdout + checked.stderr


def test_a_rendition_deleted_from_the_cache_is_made_again(make_site):
    site = photo_site(make_site)
    site.build()
    folder = site.root / ".sitegen-cache/renditions"
    lost = sorted(folder.iterdir())[0]
    made = lost.read_bytes()
    lost.unlink()
    site.write("content/thoi-su/b.md", article(title="Tin khác đã sửa", date="2024-06-24 08:00"))
    built = site.build()
    assert lost.read_bytes() == made  # the same bytes as the first time
    assert list(built.output.rglob(lost.name))


def test_a_lower_limit_is_applied_to_photos_already_accepted(make_site):
    site = photo_site(make_site)
    site.build()  # the 2400x1800 photo (4.3 megapixels) is accepted, its size kept in the cache
    config = (site.root / "config.toml").read_text(encoding="utf-8")
    site.write("config.toml", config.replace("[[categories]]", "[photos]\nmax_megapixels = 4\n\n[[categories]]", 1))
    problems = messages(site.build_fails())
    assert "image: the photo 'lu.jpg': the photo claims 2400x1800 pixels" in problems


def test_alt_text_with_quotes_and_ampersands_is_escaped_once(make_site):
    site = body_site(make_site)
    site.write("content/thoi-su/a.md", article(title="Lũ quét ở Đăk Glei",
                                               body='Mở đầu.\n\n![Cầu "treo" & suối <Đăk Pék>](cau.jpg)'))
    img = site.build().html("thoi-su/lu-quet-o-dak-glei-202406251518/").select_one(".article-body picture img")
    assert img["alt"] == 'Cầu "treo" & suối <Đăk Pék>'


def test_a_photo_inside_a_sentence_is_a_picture_that_keeps_its_title(make_site):
    site = body_site(make_site)
    site.write("content/thoi-su/a.md", article(title="Lũ quét ở Đăk Glei",
                                               body='Mở đầu.\n\nCây cầu ![Cầu treo](cau.jpg "Cầu treo Đăk Pék") đã sập.'))
    img = site.build().html("thoi-su/lu-quet-o-dak-glei-202406251518/").select_one(".article-body p picture img")
    assert img["title"] == "Cầu treo Đăk Pék" and img["alt"] == "Cầu treo" and img["width"]


def test_a_replaced_body_photo_renders_its_article_again_and_no_listing(make_site):
    site = body_site(make_site)
    page = "thoi-su/lu-quet-o-dak-glei-202406251518/"
    before = site.build().html(page).select(".article-body picture img")[1]["src"]
    replaced = Image.new("RGB", CAMERA, (20, 140, 40))
    out = io.BytesIO()
    replaced.save(out, "JPEG", quality=90)
    site.write("content/thoi-su/cau.jpg", out.getvalue())
    built = site.build()
    after = built.html(page).select(".article-body picture img")[1]["src"]
    assert after != before and decoded(built, after).getpixel((5, 5))[1] > 100  # the green photo
    assert built.report.rendered == 1  # the article's page; listings do not show body photos


def test_a_body_photo_that_becomes_the_lead_gets_the_crops_of_listings_and_shares(make_site):
    site = body_site(make_site)
    site.build()
    site.write("content/thoi-su/a.md", article(title="Lũ quét ở Đăk Glei", image="cau.jpg", body="Mở đầu."))
    built = site.build()
    share = built.html("thoi-su/lu-quet-o-dak-glei-202406251518/").select_one('meta[property="og:image"]')["content"]
    assert "cau-" in share and decoded(built, share).size == (1200, 630)


def test_a_rebuild_that_takes_the_photo_step_whole_still_sees_each_change_to_a_photo_and_its_use(make_site):
    """A rebuild whose photos and their uses are as the last one found them takes the stored plan
    whole; a photo replaced under its name with the same size and mtime, a body photo made the
    lead, or a new focal point must each still reach the pages."""
    red_top = camera_photo()
    flipped = io.BytesIO()
    Image.open(io.BytesIO(red_top)).rotate(180).save(flipped, "JPEG", quality=90)
    blue_top = flipped.getvalue()
    size = max(len(red_top), len(blue_top))  # (a JPEG's reader stops at its end marker)
    site = make_site({
        "content/thoi-su/a.md": article(title="Lũ quét ở Đăk Glei", image="lu.jpg"),
        "content/thoi-su/lu.jpg": red_top.ljust(size, b"\0"),
        "content/thoi-su/b.md": article(title="Cầu treo", date="2024-06-24 08:00", body="Mở đầu.\n\n![Cầu](cau.jpg)"),
        "content/thoi-su/cau.jpg": camera_photo(),
    })
    a, b = "thoi-su/lu-quet-o-dak-glei-202406251518/", "thoi-su/cau-treo-202406240800/"

    def rebuilt_with(path: str, text: str):
        site.write("content/thoi-su/c.md", article(title=f"Tin {len(text)} {path}", date="2024-06-20 08:00"))
        site.build()  # (an edit elsewhere: this build stores the photo step whole)
        site.write(path, text)
        return site.build()

    def lead_top(built, page):
        img = built.html(page).select_one("figure.lead-photo picture img")
        return decoded(built, img["src"]).getpixel((10, 10))[:3]

    assert lead_top(site.build(), a)[0] > 150  # red on top

    lu = site.root / "content/thoi-su/lu.jpg"
    stamp = lu.stat()
    site.write("content/thoi-su/c.md", article(title="Tin khác", date="2024-06-20 08:00"))
    site.build()
    lu.write_bytes(blue_top.ljust(size, b"\0"))
    os.utime(lu, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert lu.stat().st_size == stamp.st_size and lu.stat().st_mtime_ns == stamp.st_mtime_ns
    assert lead_top(site.build(), a)[2] > 150  # blue on top now

    built = rebuilt_with("content/thoi-su/b.md", article(title="Cầu treo", date="2024-06-24 08:00", image="cau.jpg",
                                                         body="Mở đầu."))
    share = built.html(b).find("meta", attrs={"property": "og:image"})["content"]
    assert "cau-" in share and decoded(built, share).size == (1200, 630)

    built = rebuilt_with("content/thoi-su/b.md", article(title="Cầu treo", date="2024-06-24 08:00",
                                                         image='{src: cau.jpg, focus: "0.5,0.9"}', body="Mở đầu."))
    share = built.html(b).find("meta", attrs={"property": "og:image"})["content"]
    assert centre_colour(built, share)[2] > 150  # the crop around the focal point: the blue below
