"""The photo step of a build, as readers get it: the lead photo of an article in the sizes and
formats its places need, with width and height, no metadata, share crops; made once."""

import io
import re

from PIL import Image

from conftest import article, messages

CAMERA = (2400, 1800)


def camera_photo() -> bytes:
    """A camera-like JPEG: top half red, with EXIF that names a camera and a GPS position."""
    image = Image.new("RGB", CAMERA, (30, 90, 160))
    image.paste((200, 30, 30), (0, 0, CAMERA[0], CAMERA[1] // 2))
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # Make
    exif[0x8825] = {1: "N", 2: (14.0, 21.0, 0.0), 3: "E", 4: (108.0, 0.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


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


def test_a_lead_photo_that_is_not_an_image_is_an_error_naming_article_and_field(make_site):
    site = photo_site(make_site)
    site.write("content/thoi-su/lu.jpg", "đây không phải ảnh")
    problems = messages(site.build_fails())
    assert re.search(r"content/thoi-su/a\.md:\d+: error: image: the photo 'lu\.jpg': ", problems)
    assert not (site.root / "output").exists()
    assert site.cli("check").returncode == 1
