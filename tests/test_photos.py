"""The photo pipeline on real images made here with Pillow: sizes, crops, pixels, metadata, bad photos."""

from __future__ import annotations

import io
import os
import resource
import struct
import time
import zlib
from pathlib import Path

import numpy as np
import pillow_heif
import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st
from PIL import Image, ImageCms

from sitegen.photo_slots import (DEFAULT_SLOTS, FULL_WIDTHS, PhotoSettings, crop_box, parse_focus,
                                 plan_renditions)
from sitegen.photos import PhotoError, encode_renditions, probe, process_photo, source_digest
from sitegen.workers import forked_map

SETTINGS = PhotoSettings()
PILLOW_LIMIT = Image.MAX_IMAGE_PIXELS  # before any photo is opened here
RED, BLUE = (220, 20, 20), (20, 20, 220)
COMMENT = b"Phong vien Nguyen Van A"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Camera"/></rdf:RDF></x:xmpmeta>')
METADATA_MARKS = (b"Exif", b"GPS", b"ns.adobe.com/xap", b"xmpmeta", b"ICC_PROFILE", b"Canon", COMMENT)


def camera_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "Canon", "Canon EOS R6", orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 42.0, 7.5), 3: "E", 4: (104.0, 52.0, 3.1),
                                 0x1B: b"ASCII\x00\x00\x00GPS"})  # GPSProcessingMethod: "GPS" in the bytes
    return exif


def render(path: Path, focus=(0.5, 0.5), settings: PhotoSettings = SETTINGS):
    info = probe(path, settings)
    plan = plan_renditions(path.stem, source_digest(path), (info.width, info.height), settings.slots,
                           focus, settings)
    return info, plan, encode_renditions(path, plan, settings)


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def png_bytes(width: int, height: int, bit_depth: int, colour_type: int, rows: bytes) -> bytes:
    """A PNG written chunk by chunk: for what Pillow will not write (48-bit RGB) or should not
    (a header that lies)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def camera(tmp_path_factory):
    """A 4000x3000 JPEG q92 as a camera held upright writes it: pixels stored sideways with EXIF
    orientation 6, GPS position, XMP and a comment.  Seen upright: red top half, blue bottom."""
    upright = Image.new("RGB", (3000, 4000), BLUE)
    upright.paste(RED, (0, 0, 3000, 2000))
    noise = np.random.default_rng(7).integers(-6, 7, (4000, 3000, 3))
    upright = Image.fromarray(np.clip(np.asarray(upright, dtype=np.int16) + noise, 0, 255).astype(np.uint8))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # orientation 6 turns it back clockwise
    path = tmp_path_factory.mktemp("camera") / "Lũ lụt Yên Bái.jpg"
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    stored.save(path, "JPEG", quality=92, exif=camera_exif(6), xmp=XMP, comment=COMMENT, icc_profile=srgb)
    info, plan, out = render(path, focus=(0.5, 0.5))
    return path, info, plan, out


def test_camera_photo_is_probed_upright_and_rendered_at_every_width(camera):
    path, info, plan, out = camera
    assert (info.width, info.height, info.format) == (3000, 4000, "JPEG")
    lead = [r for r in plan if r.slot == "lead"]
    assert sorted({r.width for r in lead}) == list(FULL_WIDTHS)
    assert {r.format for r in lead} == {"webp", "jpeg"}
    assert {r.name for r in plan} == set(out)
    for r in plan:
        image = decoded(out[r.name])
        assert image.size == (r.width, r.height), r
        assert image.format == {"webp": "WEBP", "jpeg": "JPEG"}[r.format]
        assert r.name.startswith("lu-lut-yen-bai-") and f"-{r.width}x{r.height}-" in r.name
    assert next(r for r in lead if r.width == 1920).height == 2560


def test_exif_orientation_is_applied(camera):
    _, _, plan, out = camera
    for r in plan:
        if r.slot == "lead" and r.width == 320:
            image = decoded(out[r.name]).convert("RGB")
            top, bottom = image.getpixel((160, 100)), image.getpixel((160, 330))
            assert top[0] > 180 and top[2] < 60, f"{r.name}: top is {top}, not red"
            assert bottom[2] > 180 and bottom[0] < 60, f"{r.name}: bottom is {bottom}, not blue"


def test_no_metadata_is_left_in_any_rendition(camera):
    path, _, _, out = camera
    source = path.read_bytes()
    assert all(mark in source for mark in METADATA_MARKS)  # the test photo has them all
    for name, data in out.items():
        image = decoded(data)
        assert not set(image.info) & {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"}, name
        assert len(image.getexif()) == 0, name
        for mark in METADATA_MARKS:
            assert mark not in data, f"{name} holds {mark!r}"


def test_crops_have_the_ratio_and_hold_the_focal_point(camera):
    path, info, _, _ = camera
    focus = (0.85, 0.1)
    plan = plan_renditions("x", source_digest(path), (info.width, info.height), SETTINGS.slots, focus)
    for slot in SETTINGS.slots:
        for r in (r for r in plan if r.slot == slot.name):
            left, top, right, bottom = r.crop
            assert left <= focus[0] * info.width <= right and top <= focus[1] * info.height <= bottom, r
            ratio = slot.ratio or (info.width, info.height)
            assert abs((right - left) * ratio[1] / ratio[0] - (bottom - top)) <= 1, r
            assert abs(r.width * ratio[1] / ratio[0] - r.height) <= 1, r
    share = [r for r in plan if r.slot == "share"]
    assert [(r.width, r.height, r.format) for r in share] == [(1200, 630, "jpeg")]


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.integers(1, 9000), st.integers(1, 9000), st.sampled_from([(16, 9), (4, 3), (1, 1), (40, 21), (9, 16)]),
       st.floats(0, 1), st.floats(0, 1))
def test_crop_box_is_the_largest_box_around_the_focus(width, height, ratio, fx, fy):
    left, top, right, bottom = crop_box((width, height), ratio, (fx, fy))
    assert 0 <= left < right <= width and 0 <= top < bottom <= height
    assert left <= fx * width <= right and top <= fy * height <= bottom
    assert right - left == width or bottom - top == height  # as large as fits
    if min(right - left, bottom - top) > ratio[0] + ratio[1]:
        assert abs((right - left) * ratio[1] / ratio[0] - (bottom - top)) <= 1


def test_focus_is_read_and_checked():
    assert parse_focus("0.5,0.3") == (0.5, 0.3)
    for wrong in ("0.5", "1.2,0.5", "x,y", "nan,0.5"):
        with pytest.raises(ValueError):
            parse_focus(wrong)


def test_photos_are_never_upscaled(tmp_path):
    plan = plan_renditions("p", "d", (800, 600), DEFAULT_SLOTS)
    assert sorted({r.width for r in plan if r.slot == "lead"}) == [320, 480, 640]
    assert {(r.width, r.height) for r in plan if r.slot == "share"} == {(800, 420)}
    path = tmp_path / "nho.png"
    Image.new("RGB", (200, 150), RED).save(path)
    _, plan, out = render(path)
    assert {(r.width, r.height) for r in plan if r.slot == "lead"} == {(200, 150)}
    assert {(r.width, r.height) for r in plan if r.slot == "card"} == {(200, 112)}
    assert max(decoded(data).width for data in out.values()) == 200


def test_names_follow_the_content_so_a_replaced_photo_is_seen(tmp_path):
    first, moved = tmp_path / "a" / "anh.jpg", tmp_path / "b" / "renamed.jpg"
    first.parent.mkdir(), moved.parent.mkdir()
    def jpeg(colour) -> bytes:  # padded after the end marker, so that both photos have one size
        buffer = io.BytesIO()
        Image.new("RGB", (640, 480), colour).save(buffer, "JPEG", quality=90)
        return buffer.getvalue().ljust(20_000, b"\x00")
    first.write_bytes(jpeg(RED))
    moved.write_bytes(first.read_bytes())

    def names(path):
        info = probe(path)
        return [r.name.split("-", 1)[1] for r in plan_renditions("s", source_digest(path),
                                                                 (info.width, info.height), DEFAULT_SLOTS)]
    assert names(first) == names(moved)  # moving or renaming costs nothing: same files

    out = tmp_path / "renditions"
    info = probe(first)
    plan = plan_renditions("anh", source_digest(first), (info.width, info.height), DEFAULT_SLOTS)
    assert len(process_photo(first, plan, out)) == len({r.name for r in plan})
    assert process_photo(first, plan, out) == []  # all there: nothing encoded again

    stamp = first.stat()
    first.write_bytes(jpeg(BLUE))  # replaced under the same name, same size...
    os.utime(first, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # ...same mtime
    assert first.stat().st_size == stamp.st_size
    replaced = plan_renditions("anh", source_digest(first), (640, 480), DEFAULT_SLOTS)
    assert not {r.name for r in replaced} & {r.name for r in plan}
    assert process_photo(first, replaced, out)


def test_same_photo_same_settings_same_bytes(camera):
    path, _, plan, out = camera
    few = [r for r in plan if r.width in (320, 1200)]
    assert encode_renditions(path, few) == {r.name: out[r.name] for r in few}


def cmyk_press_profile() -> bytes:
    """A CMYK input profile (ICC v2, lut8, Lab PCS), written here: its inks are a press's, not
    the naive 1-c of Pillow's convert(), so only a real ICC conversion gives its colours."""
    grid = 5
    absorb = np.array([[1.0, 0.35, 0.1], [0.1, 0.9, 0.3], [0.0, 0.05, 0.95], [0.9, 0.9, 0.9]])
    paper = np.array([0.98, 0.96, 0.90])
    steps = np.linspace(0, 1, grid)
    c, m, y, k = np.meshgrid(steps, steps, steps, steps, indexing="ij")
    inks = np.stack([c, m, y, k], -1).reshape(-1, 4)
    srgb = paper * np.prod(1 - inks[:, :, None] * absorb[None], axis=1)
    lab = srgb_to_lab(srgb)
    clut = np.round(np.stack([lab[:, 0] * 255 / 100, lab[:, 1] + 128, lab[:, 2] + 128], -1)).clip(0, 255)
    identity = bytes(range(256))
    s15 = lambda v: struct.pack(">i", round(v * 65536))  # noqa: E731
    lut = (b"mft1" + bytes(4) + bytes([4, 3, grid, 0]) + b"".join(s15(v) for v in (1, 0, 0, 0, 1, 0, 0, 0, 1))
           + identity * 4 + clut.astype(np.uint8).tobytes() + identity * 3)
    text = b"desc" + bytes(4) + struct.pack(">I", 11) + b"Press test\x00" + bytes(4 + 2 + 1 + 67)
    white = b"XYZ " + bytes(4) + s15(0.9642) + s15(1.0) + s15(0.8249)
    tags = [(b"desc", text), (b"wtpt", white), (b"A2B0", lut)]
    offset, table, body = 128 + 4 + 12 * len(tags), b"", b""
    for sig, data in tags:
        data += bytes(-len(data) % 4)
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (struct.pack(">I", size) + bytes(4) + bytes([2, 0x10, 0, 0]) + b"scnrCMYKLab " + bytes(12)
              + b"acsp" + bytes(24) + bytes(4) + s15(0.9642) + s15(1.0) + s15(0.8249) + bytes(48))
    return header + struct.pack(">I", len(tags)) + table + body


def srgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    d50 = np.array([[0.4360747, 0.3850649, 0.1430804], [0.2225045, 0.7168786, 0.0606169],
                    [0.0139322, 0.0971045, 0.7141733]])  # sRGB -> XYZ, Bradford-adapted to D50
    xyz = linear @ d50.T / np.array([0.9642, 1.0, 0.8249])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], -1)


def test_cmyk_jpeg_is_converted_to_srgb_through_its_profile(tmp_path):
    profile = cmyk_press_profile()
    ImageCms.ImageCmsProfile(io.BytesIO(profile))  # a profile littleCMS accepts
    image = Image.new("CMYK", (400, 300), (0, 0, 0, 0))
    image.paste((255, 0, 0, 0), (200, 0, 400, 300))  # right half: full cyan
    path = tmp_path / "scan.jpg"
    image.save(path, "JPEG", quality=95, icc_profile=profile)
    _, plan, out = render(path)
    r = next(r for r in plan if r.slot == "lead" and r.format == "jpeg")
    result = decoded(out[r.name]).convert("RGB")
    paper, cyan = result.getpixel((50, 100)), result.getpixel((r.width - 50, 100))
    expected_cyan = np.round(255 * np.array([0.0, 0.96 * 0.65, 0.90 * 0.9]))  # the profile's ink
    assert min(paper) >= 245, paper
    assert np.abs(np.array(cyan) - expected_cyan).max() <= 12, cyan  # naive would be (0, 255, 255)
    assert "icc_profile" not in decoded(out[r.name]).info


def test_cmyk_jpeg_without_profile_reads_adobe_inverted_ink(tmp_path):
    image = Image.new("CMYK", (320, 240), (0, 0, 0, 0))
    image.paste((0, 255, 0, 0), (160, 0, 320, 240))
    path = tmp_path / "adobe.jpg"
    image.save(path, "JPEG", quality=95)  # Pillow writes CMYK as Photoshop does: Adobe marker, inverted
    assert b"Adobe" in path.read_bytes()
    _, plan, out = render(path)
    r = next(r for r in plan if r.slot == "lead" and r.format == "webp")
    result = decoded(out[r.name]).convert("RGB")
    assert min(result.getpixel((40, 120))) >= 245  # no ink: white
    assert np.abs(np.array(result.getpixel((280, 120))) - [255, 0, 255]).max() <= 12  # magenta


def test_alpha_is_kept_in_webp_and_flattened_on_white_in_jpeg(tmp_path):
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    image.paste((0, 160, 0, 255), (200, 0, 400, 300))
    path = tmp_path / "logo.png"
    image.save(path)
    _, plan, out = render(path)
    webp = decoded(out[next(r.name for r in plan if r.slot == "lead" and r.format == "webp")])
    jpeg = decoded(out[next(r.name for r in plan if r.slot == "lead" and r.format == "jpeg")])
    assert webp.mode == "RGBA" and webp.getpixel((20, 100))[3] == 0 and webp.getpixel((300, 100))[3] == 255
    assert jpeg.mode == "RGB" and min(jpeg.getpixel((20, 100))) >= 250
    assert np.abs(np.array(jpeg.getpixel((300, 100))) - [0, 160, 0]).max() <= 10


def test_sixteen_bit_grey_palette_and_animated_inputs(tmp_path):
    grey16 = tmp_path / "grey16.png"
    Image.fromarray(np.full((300, 400), 0x8000, dtype=np.uint16)).save(grey16)
    assert Image.open(grey16).mode.startswith("I")
    rgb48 = tmp_path / "rgb48.png"
    row = b"\x00" + struct.pack(">HHH", 0xFFFF, 0x8000, 0x0000) * 400
    rgb48.write_bytes(png_bytes(400, 300, 16, 2, row * 300))
    grey = tmp_path / "grey.jpg"
    Image.new("L", (400, 300), 90).save(grey, quality=95)
    gif = tmp_path / "anim.gif"
    frames = [Image.new("RGB", (400, 300), colour).convert("P") for colour in ((255, 0, 0), (0, 0, 255))]
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(gif).n_frames == 2
    expected = {grey16: (128, 128, 128), rgb48: (255, 128, 0), grey: (90, 90, 90), gif: (255, 0, 0)}
    for path, colour in expected.items():
        _, plan, out = render(path)
        lead = [r for r in plan if r.slot == "lead"]
        assert {(r.width, r.height) for r in lead} == {(320, 240)}
        for r in lead:
            pixel = decoded(out[r.name]).convert("RGB").getpixel((160, 120))
            assert np.abs(np.array(pixel) - colour).max() <= 8, (path.name, r.format, pixel)


def test_heic_from_a_phone(tmp_path):
    image = Image.new("RGB", (1600, 1200), BLUE)
    image.paste(RED, (0, 0, 1600, 600))
    path = tmp_path / "IMG_0001.HEIC"
    pillow_heif.from_pillow(image).save(path, quality=85, exif=camera_exif(1).tobytes())
    info, plan, out = render(path)
    assert (info.width, info.height, info.format) == (1600, 1200, "HEIC")
    for r in plan:
        result = decoded(out[r.name])
        assert result.size == (r.width, r.height) and len(result.getexif()) == 0
        assert b"GPS" not in out[r.name] and b"Canon" not in out[r.name]
    lead = decoded(out[next(r.name for r in plan if r.slot == "lead" and r.width == 320)]).convert("RGB")
    assert lead.getpixel((160, 40))[0] > 180 and lead.getpixel((160, 200))[2] > 180


def bomb_png() -> bytes:
    """150 bytes whose header claims 50000x50000 pixels (7.5 GB once decoded)."""
    return png_bytes(50000, 50000, 8, 2, b"\x00" * 64)


@pytest.mark.parametrize("kind, words", [
    ("empty", "empty (0 bytes)"),
    ("text", "not an image sitegen can read (it holds text: 'Phong vien"),
    ("unsupported", "BMP format are not supported"),
    ("bomb", "50000x50000 pixels"),
    ("too large", "over the limit of"),
])
def test_bad_photos_are_refused_from_the_header(tmp_path, camera, kind, words):
    path = tmp_path / "bad.jpg"
    settings = SETTINGS
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("Phong vien gui anh sau\n")
    elif kind == "unsupported":
        Image.new("RGB", (64, 48)).save(path, "BMP")
    elif kind == "bomb":
        path.write_bytes(bomb_png())
    else:
        path.write_bytes(camera[0].read_bytes())
        settings = PhotoSettings(max_bytes=100_000)
    memory, start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter()
    with pytest.raises(PhotoError) as caught:
        probe(path, settings)
    with pytest.raises(PhotoError):
        encode_renditions(path, plan_renditions("bad", "d", (640, 480), DEFAULT_SLOTS), settings)
    assert time.perf_counter() - start < 1
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory < 50_000  # kB: nothing decoded
    assert words in caught.value.message and caught.value.hint
    assert Image.MAX_IMAGE_PIXELS == PILLOW_LIMIT  # Pillow's process-wide limit left as it was


def test_more_megapixels_than_the_setting_is_refused(camera):
    with pytest.raises(PhotoError, match="12 megapixels"):
        probe(camera[0], PhotoSettings(max_megapixels=10))


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_damaged_photo_fails_on_decoding_with_a_clear_error(tmp_path, camera, damage):
    if damage == "truncated":
        path = tmp_path / "damaged.jpg"
        path.write_bytes(camera[0].read_bytes()[: camera[0].stat().st_size // 2])
        size = (3000, 4000)
    else:  # a PNG whose compressed pixels are noise (a JPEG decoder papers over such damage)
        path, size = tmp_path / "damaged.png", (400, 300)
        scrambled = bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8))
        good = png_bytes(400, 300, 8, 2, b"")
        idat = good.index(b"IDAT") - 4
        body = b"IDAT" + scrambled
        path.write_bytes(good[:idat] + struct.pack(">I", len(scrambled)) + body
                         + struct.pack(">I", zlib.crc32(body)) + good[good.index(b"IEND") - 4:])
    info = probe(path)  # the header is intact: the size is known...
    assert (info.width, info.height) == size
    plan = plan_renditions("d", "x", (info.width, info.height), DEFAULT_SLOTS)
    start = time.perf_counter()
    with pytest.raises(PhotoError, match="damaged or truncated") as caught:
        encode_renditions(path, plan)  # ...the pixels are not
    assert caught.value.hint and time.perf_counter() - start < 5


def job(slots, path: Path):
    info = probe(path)
    plan = plan_renditions(path.stem, source_digest(path), (info.width, info.height), slots)
    return sorted(encode_renditions(path, plan))


def test_runs_in_forked_workers_and_errors_come_back_whole(tmp_path):
    good, bad = tmp_path / "tot.jpg", tmp_path / "hong.jpg"
    Image.new("RGB", (640, 480), RED).save(good)
    bad.write_bytes(b"")
    with forked_map(2, DEFAULT_SLOTS) as mapper:
        assert list(mapper(job, [good, good])) == [job(DEFAULT_SLOTS, good)] * 2
    with forked_map(2, DEFAULT_SLOTS) as mapper, pytest.raises(PhotoError) as caught:
        list(mapper(job, [good, bad]))
    assert "empty" in caught.value.message and caught.value.hint
