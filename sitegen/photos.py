"""Photo files -> the renditions readers get: decoded once, upright, sRGB, stripped of metadata.

`probe` reads a photo's header (pixel size, format) and refuses bad photos before any decoding;
`encode_renditions` decodes a photo once and encodes every rendition its plan
(`photo_slots.plan_renditions`) asks for; `process_photo` does that only for renditions not yet in a
folder, which is the cache: names are content-addressed, so an existing file is the right one.

Every problem with a photo is one `PhotoError(message, hint)`; the caller adds the article and
field.  Nothing here keeps state between calls: the `PhotoSettings` passed in is the whole context,
so the functions run as they are in forked workers.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image, ImageCms, ImageFilter, ImageOps, UnidentifiedImageError

from .photo_slots import Box, PhotoSettings, Rendition, resize_steps

ACCEPTED = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF", "AVIF": "AVIF",
            "TIFF": "TIFF", "HEIF": "HEIC"}
"""Formats read (Pillow's name -> the editors' name); MPO is what some cameras call a JPEG."""

ACCEPTED_HINT = "save it as JPEG (or PNG, WebP, AVIF, HEIC) and commit that file"

REDUCING_GAP = 2.0
"""Pillow first box-reduces by an integer factor to within 2x of the target, then applies
LANCZOS: 5-10x faster on big reductions, and the difference to a pure LANCZOS is invisible (see
bench/PHOTOS_RESULTS.md)."""

WHITE = (255, 255, 255)
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


class PhotoError(Exception):
    """A photo that cannot be published: what is wrong, and how the editor fixes it."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint  # pickled with the exception: workers send both


@dataclass(frozen=True)
class PhotoInfo:
    """What a photo's header says, read without decoding its pixels."""

    width: int
    """Upright width in pixels (after EXIF orientation), what readers see."""
    height: int
    format: str
    """As editors know it: "JPEG", "PNG", "HEIC"..."""
    bytes: int


def source_digest(path: Path) -> str:
    """The content digest of a photo file: what its renditions' names and the cache key on."""
    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def probe(path: Path, settings: PhotoSettings = PhotoSettings()) -> PhotoInfo:
    """The photo's upright pixel size and format from its header, refusing empty, oversized,
    unreadable and unsupported files and decompression bombs (a truncated body is found only by
    decoding: `encode_renditions`)."""
    with _opened(path, settings) as (image, size):
        return PhotoInfo(*size, ACCEPTED[image.format], path.stat().st_size)


def verify(path: Path, settings: PhotoSettings = PhotoSettings()) -> None:
    """Decode the whole photo, as cheaply as its format allows (a JPEG at 1/8 scale), so that a file
    damaged past its header is refused by `sitegen check` too; PhotoError if it cannot be."""
    with _opened(path, settings) as (image, _):
        try:
            if image.format in ("JPEG", "MPO"):
                image.draft(None, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
        except Exception as error:  # a decoder fed damaged bytes may raise almost anything
            raise _damaged(error) from None


def _damaged(error: Exception) -> PhotoError:
    return PhotoError(f"the photo is damaged or truncated and cannot be decoded ({error})",
                      "open it in an image editor, save it again and commit that file")


def process_photo(path: Path, renditions: list[Rendition], folder: Path,
                  settings: PhotoSettings = PhotoSettings()) -> list[str]:
    """Write to `folder` the renditions not already there (names are content-addressed, so an
    existing file is the right one); returns the names written.  The photo is not even opened
    when nothing is missing."""
    missing = [r for r in renditions if not (folder / r.name).exists()]
    if not missing:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in encode_renditions(path, missing, settings).items():
        store_rendition(folder, name, data)
        written.append(name)
    return written


def store_rendition(folder: Path, name: str, data: bytes) -> None:
    """One rendition's file, whole or not at all: a killed build leaves no half-written rendition."""
    temporary = folder / f".{name}.{os.getpid()}.tmp"
    try:
        temporary.write_bytes(data)
        os.replace(temporary, folder / name)
    except OSError as exc:  # a full disk: name the rendition (write(2) names no file) and leave no part
        temporary.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(folder / name)) from None


def encode_renditions(path: Path, renditions: list[Rendition],
                      settings: PhotoSettings = PhotoSettings()) -> dict[str, bytes]:
    """Decode the photo once and encode every rendition: name -> bytes, the same bytes for the
    same photo and settings."""
    if not renditions:
        return {}
    with _opened(path, settings) as (image, size):
        scale, steps = resize_steps(size, settings.slots)
        # Plans made from other slots still work; only their bytes may depend on the company.
        scale = max([scale] + [r.width / (r.crop[2] - r.crop[0]) for r in renditions])
        try:
            if image.format in ("JPEG", "MPO") and scale < 1:
                # Decode straight at 1/2, 1/4 or 1/8 (DCT scaling): 2-4x less work, see PHOTOS_RESULTS.
                image.draft(None, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
            image.load()
            pixels = _upright_srgb(image)
        except PhotoError:
            raise
        except Exception as error:  # a decoder fed damaged bytes may raise almost anything
            raise _damaged(error) from None
        decoded_scale = pixels.width / size[0]  # < 1 when the JPEG was decoded at reduced scale
        made: dict[tuple, Image.Image] = {}

        def resized(box: Box, width: int, height: int) -> Image.Image:
            # A smaller size is resized from the crop's step at least twice as wide (Lanczos over
            # fewer pixels: 3x faster for the lead's seven widths, no visible difference), else
            # from the decoded photo; the steps are fixed by the slots, so the result is too.
            key = (box, width, height)
            if key not in made:
                crop = (box[2] - box[0], box[3] - box[1])
                larger = [s for s in steps.get(crop, ()) if s[0] >= 2 * width]
                if larger:
                    made[key] = resized(box, *larger[-1]).resize(
                        (width, height), Image.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)
                else:
                    made[key] = pixels.resize((width, height), Image.Resampling.LANCZOS,
                                              box=tuple(edge * decoded_scale for edge in box),
                                              reducing_gap=REDUCING_GAP)
            return made[key]

        out: dict[str, bytes] = {}
        for (box, width, height), group in _by_pixels(renditions).items():
            shown = resized(box, width, height)
            if width <= settings.sharpen_max_width:
                shown = shown.filter(ImageFilter.UnsharpMask(radius=0.6, percent=60, threshold=2))
            for rendition in group:
                out[rendition.name] = _encode(shown, rendition.format, settings)
        return out


def _by_pixels(renditions: list[Rendition]) -> dict[tuple, list[Rendition]]:
    """Renditions grouped by the pixels they hold (one resize for the WebP and the JPEG, one for
    slots sharing a crop), each name once."""
    groups: dict[tuple, list[Rendition]] = {}
    seen = set()
    for rendition in renditions:
        if rendition.name not in seen:
            seen.add(rendition.name)
            groups.setdefault((rendition.crop, rendition.width, rendition.height), []).append(rendition)
    return groups


@contextmanager
def _opened(path: Path, settings: PhotoSettings) -> Iterator[tuple[Image.Image, tuple[int, int]]]:
    """The photo opened lazily (header read, pixels not) with its upright size, once every check
    that needs no decoding has passed."""
    try:
        length = path.stat().st_size
    except OSError as error:
        raise PhotoError(f"the photo cannot be read ({error.strerror})", "check the file name and path") from None
    if length == 0:
        raise PhotoError("the photo file is empty (0 bytes)",
                         "the upload or copy was probably interrupted: commit the photo again")
    if length > settings.max_bytes:
        raise PhotoError(f"the photo file is {length / 1e6:.1f} MB, over the limit of "
                         f"{settings.max_bytes / 1e6:.0f} MB",
                         "export it smaller (a JPEG of 4000 px at quality 90 is about 4 MB)")
    with open(path, "rb") as handle:
        head = handle.read(64)
        handle.seek(0)
        image = _open_image(handle, head)
        try:
            if image.format not in ACCEPTED:
                raise PhotoError(f"photos in {image.format} format are not supported", ACCEPTED_HINT)
            width, height = image.size
            if width * height > settings.max_megapixels * 1e6:
                raise PhotoError(
                    f"the photo claims {width}x{height} pixels ({width * height / 1e6:.0f} megapixels), "
                    f"more than the limit of {settings.max_megapixels:g}",
                    "scale it down (4000 px wide is plenty); if the file is small, it is damaged or forged")
            if _orientation(image) in (5, 6, 7, 8):
                width, height = height, width
            yield image, (width, height)
        finally:
            image.close()


def _open_image(handle, head: bytes) -> Image.Image:
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return _open_heif(handle)
    try:
        with _pillow_bomb_check_off():
            return Image.open(handle)  # lazy: only the header is read here
    except UnidentifiedImageError:
        text = head.lstrip()
        looks_like_text = bool(text) and all(32 <= b < 127 or b in b"\t\r\n" for b in text[:32])
        raise PhotoError("the file is not an image sitegen can read" +
                         (f" (it holds text: {text[:24].decode('ascii')!r}...)" if looks_like_text else ""),
                         ACCEPTED_HINT) from None
    except Exception as error:
        raise PhotoError(f"the photo's header is damaged ({error})",
                         "open it in an image editor, save it again and commit that file") from None


@contextmanager
def _pillow_bomb_check_off() -> Iterator[None]:
    """Pillow's own bomb check is one process-wide number (89 MP, a warning below 179 MP); ours is
    `max_megapixels`, checked on the header right after.  Lifted for the call only, then restored."""
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def _open_heif(handle) -> Image.Image:
    """HEIC/HEIF from phones, through pillow-heif without registering it into Pillow for the whole
    process."""
    import pillow_heif

    try:
        heif = pillow_heif.open_heif(handle, convert_hdr_to_8bit=True)
        return _LazyHeif(heif)
    except Exception as error:
        raise PhotoError(f"the HEIC photo cannot be read ({error})",
                         "export it from the phone or Photos app as JPEG and commit that file") from None


class _LazyHeif:
    """A HEIF file with Pillow's lazy-image surface, so HEIC goes the same way as other photos:
    size and format from the header, pixels on `load()`."""

    format = "HEIF"

    def __init__(self, heif):
        self._heif, self.size, self.info, self.width, self.height = heif, heif.size, heif.info, *heif.size
        self.image: Image.Image | None = None

    def getexif(self) -> Image.Exif:
        # Only asked for the orientation, which libheif has applied already: the size it reports
        # is upright, though the EXIF it hands over still holds the camera's orientation.
        return Image.Exif()

    def draft(self, mode, size):
        return None

    def load(self):
        self.image = self._heif.to_pillow()

    def close(self):
        pass


def _orientation(image) -> int:
    """EXIF orientation as written in the header (1 = upright).  For PNG only an eXIf chunk before
    the pixels counts: Pillow would decode the whole file to find a later one."""
    if image.format == "PNG":
        if "exif" not in image.info:
            return 1
        exif = Image.Exif()
        exif.load(image.info["exif"])
        return exif.get(0x0112, 1)
    return image.getexif().get(0x0112, 1)


def _upright_srgb(image) -> Image.Image:
    """The decoded photo upright, in sRGB, as 8-bit RGB or RGBA (alpha only where it is used)."""
    if isinstance(image, _LazyHeif):
        image = image.image
    # Animated GIF/WebP: Image.open stands on the first frame, which stands for the photo.
    if _orientation(image) != 1:
        image = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit grey: Pillow's convert("L") clips at 255 instead of scaling; keep the top byte.
        image = Image.fromarray((np.asarray(image).astype(np.uint32) >> 8).astype(np.uint8), "L")
    elif image.mode == "F":
        image = Image.fromarray(np.clip(np.asarray(image), 0, 255).astype(np.uint8), "L")
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    elif image.mode == "1":
        image = image.convert("L")
    alpha = None
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        alpha = image.getchannel("A")
        image = image.convert("RGB" if image.mode in ("RGBA", "RGBa", "PA") else "L")
    image = _to_srgb(image, icc)
    if alpha is not None and alpha.getextrema() != (255, 255):
        image.putalpha(alpha)
    return image


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB in sRGB: through the embedded ICC profile when there is one (Display P3 from phones,
    CMYK press profiles), else the plain conversion Pillow knows for the mode."""
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if not (image.mode == "RGB" and ImageCms.getProfileDescription(profile).startswith("sRGB")):
                return ImageCms.profileToProfile(image, profile, ImageCms.createProfile("sRGB"),
                                                 renderingIntent=ImageCms.Intent.PERCEPTUAL,
                                                 outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken or mismatched profile: the pixels are still good, read them as sRGB
    return image if image.mode == "RGB" else image.convert("RGB")


def _encode(pixels: Image.Image, fmt: str, settings: PhotoSettings) -> bytes:
    """One rendition's bytes.  Nothing of the source's metadata goes along: resized images carry
    the source's `info` (EXIF with GPS, XMP, ICC, comments) and some encoders write it from there,
    so it is emptied, and no metadata argument is passed."""
    pixels.info = {}
    buffer = io.BytesIO()
    if fmt == "jpeg":
        if pixels.mode == "RGBA":  # JPEG has no alpha: flatten on white, as the page background
            flat = Image.new("RGB", pixels.size, WHITE)
            flat.paste(pixels, mask=pixels.getchannel("A"))
            pixels = flat
        pixels.save(buffer, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
    elif fmt == "webp":
        pixels.save(buffer, "WEBP", quality=settings.webp_quality, method=4)
    elif fmt == "avif":
        pixels.save(buffer, "AVIF", quality=settings.avif_quality, speed=8, max_threads=1)
    else:
        raise ValueError(f"unknown rendition format {fmt!r}")
    return buffer.getvalue()
