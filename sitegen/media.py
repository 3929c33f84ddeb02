"""Recordings and video files an article publishes, and what they say of themselves.

    audio: ban-tin-sang-25-6.mp3                # a recording, beside the article (or /... from content/)
    audio:
      src: ban-tin-sang-25-6.mp3
      title: "Bản tin sáng 25/6"                # the episode's title; default: the article's
    video:
      src: le-hoi.mp4                           # a video file (a YouTube video is `youtube:`, video.py)

A recording is played on the article's page and is an episode of the paper's podcast
(rss/podcast.rss, podcast.py); a video file is played on the page with the lead photo as its
poster.  Both are published as committed, under media/.

What players and podcast apps need of a file — its length in seconds, its size in bytes and its
type — is read from the file itself in the build (mutagen reads MP3 and M4A headers, and the MP4
movie header is read here), never typed
by hand: a feed whose <enclosure> length or duration is wrong is refused by Apple Podcasts.
Reading a file is remembered by the digest of its bytes, so an unchanged file is read once.  A
missing file, a file of another kind, or one whose header cannot be read is an error naming the
article, its line and the file.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from typing import Iterable

from .content import Article
from .errors import Problem

AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/x-m4a"}
"""What podcast apps play, and the type their feeds state (Apple's list)."""
VIDEO_TYPES = {".mp4": "video/mp4"}
"""What every browser plays (H.264 in MP4): other containers would leave some readers a black box."""
MAX_BOXES = 10_000
"""Boxes walked at one level of an MP4: real files have a handful; more is a damaged or hostile one."""
_KINDS = {".mp3": ("MP3", "EasyMP3"), ".m4a": ("MP4", "EasyMP4")}
"""The mutagen types a file of each extension must read as."""


@dataclass(frozen=True)
class MediaInfo:
    """What the file says of itself."""

    duration: float
    """Seconds."""
    size: int
    """Bytes (a podcast enclosure's length)."""
    mime: str


def probe_media(articles: Iterable[Article], cache) -> tuple[dict[str, MediaInfo], list[Problem]]:
    """file -> MediaInfo of every recording and video file of `articles` (`Article.media`); and
    the problems (a file gone since its article was read, a damaged one)."""
    wanted = {item.file: (article, field, item.src) for article in articles for field, item in article.media}
    # A file gone since its article was read has no digest: it is named below.
    digests = cache.file_digests(sorted(f for f in wanted if os.path.isfile(f)))
    known = cache.values({f"media:{file}": digests[file] for file in wanted if file in digests})
    found: dict[str, MediaInfo] = {}
    problems: list[Problem] = []
    for file, (article, field, src) in sorted(wanted.items()):
        line = article.line_of(field)
        if file not in digests:
            problems.append(Problem(article.source, f"{field}: the file {src!r} does not exist or cannot be read",
                                    "check the file name and folder, or add the file", line))
            continue
        stored = known.get(f"media:{file}")
        if stored is not None:
            found[file] = stored
            continue
        info = read_media(file)
        if isinstance(info, str):
            kind = "recording again as MP3 (or M4A)" if field == "audio" else "video again as MP4 (H.264)"
            problems.append(Problem(article.source, f"{field}: the file {src!r} {info}",
                                    f"export the {kind} and commit that file", line))
            continue
        cache.store_value(f"media:{file}", digests[file], info)
        found[file] = info
    return found, problems


def read_media(file: str) -> MediaInfo | str:
    """The file's MediaInfo, or what is wrong with it."""
    import mutagen  # only builds with a recording or a video file need it

    extension = os.path.splitext(file)[1].lower()
    mime = (AUDIO_TYPES | VIDEO_TYPES)[extension]
    if mime in VIDEO_TYPES.values():
        length = _mp4_length(file)
        if isinstance(length, str):
            return length
        return MediaInfo(round(length, 3), os.path.getsize(file), mime)
    try:
        read = mutagen.File(file)
    except (mutagen.MutagenError, ValueError, OSError) as exc:
        return f"cannot be read ({exc})"
    if read is None or read.info is None or not getattr(read.info, "length", 0):
        return "cannot be read: its header says nothing of a sound or a picture"
    if type(read).__name__ not in _KINDS[extension]:
        return f"holds {type(read).__name__} data, not what its name ({extension}) says"
    return MediaInfo(round(read.info.length, 3), os.path.getsize(file), mime)


def _mp4_length(file: str) -> float | str:
    """The length in seconds an MP4 file's movie header (moov/mvhd) states, or what is wrong.
    (mutagen reads the length of an MP4's sound track only; a video may have none.)"""
    try:
        with open(file, "rb") as source:
            kind, moov = _boxes(source, os.path.getsize(file), want=b"moov")
            if kind != b"ftyp":
                return "cannot be read: it is not an MP4 file (no 'ftyp' box at its start)"
            if moov is None:
                return "cannot be read: it has no movie header ('moov'), as a file cut short"
            source.seek(moov[0])
            _, mvhd = _boxes(source, moov[1], want=b"mvhd")
            if mvhd is None:
                return "cannot be read: its movie header has no 'mvhd'"
            source.seek(mvhd[0])
            head = source.read(32)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if len(head) < 32:
        return "cannot be read: its movie header is cut short"
    if head[0] == 1:  # version 1: 64-bit times
        scale, duration = struct.unpack(">IQ", head[20:32])
    else:
        scale, duration = struct.unpack(">II", head[12:20])
    if not scale or not duration:
        return "cannot be read: its header says nothing of a length"
    return duration / scale


def _boxes(source, end: int, want: bytes) -> tuple[bytes | None, tuple[int, int] | None]:
    """Walks the MP4 boxes from the file's position up to `end` (an offset from that position):
    (the first box's type, (start, size) of the payload of the first box of type `want`)."""
    first, start = None, source.tell()
    position = start
    for _ in range(MAX_BOXES):  # a hostile file of millions of empty boxes ends here, not in minutes
        if position + 8 > start + end:
            break
        source.seek(position)
        header = source.read(8)
        if len(header) < 8:
            break
        size, kind = struct.unpack(">I4s", header)
        offset = 8
        if size == 1:  # a 64-bit size follows
            large = source.read(8)
            if len(large) < 8:
                break
            size, offset = struct.unpack(">Q", large)[0], 16
        elif size == 0:
            size = start + end - position
        first = first or kind
        if size < offset:
            break
        if kind == want:
            return first, (position + offset, size - offset)
        position += size
    return first, None
