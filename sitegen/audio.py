"""`audio:` in an article: a recording (MP3 or M4A) played on the article's page and published as an
episode of the paper's podcast (rss/podcast.rss, see podcast.py).

    audio: ban-tin-sang-25-6.mp3                # beside the article, or /audio/... from content/
    audio:
      src: ban-tin-sang-25-6.mp3
      title: "Bản tin sáng 25/6"                # the episode's title; default: the article's

What podcast apps need of the file — its length in seconds, its size in bytes and its type — is
read from the file itself in the build (mutagen reads MP3 and MP4 headers), never typed by hand: a
feed whose <enclosure> length or duration is wrong is refused by Apple Podcasts.  Reading a file is
remembered by the digest of its bytes, so an unchanged recording is read once.  A missing file, a
file that is not MP3 or M4A, or one whose header cannot be read is an error naming the article,
its line and the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .content import Article
from .errors import Problem

EXTENSIONS = {".mp3": "audio/mpeg", ".m4a": "audio/x-m4a"}
"""What podcast apps play, and the type their feeds state (Apple's list)."""


@dataclass(frozen=True)
class AudioInfo:
    """What the file says of itself."""

    duration: float
    """Seconds."""
    size: int
    """Bytes (the enclosure's length)."""
    mime: str


def probe_audio(articles: list[Article], digests: dict[str, bytes], cache) -> tuple[dict[str, AudioInfo], list[Problem]]:
    """file -> AudioInfo of the recording of each article in `articles` that has one; and the
    problems (a file gone since the article was read, a damaged one).  `digests`: file -> digest of
    its bytes (`BuildCache.file_digests`), absent for a file that cannot be read."""
    wanted = {a.audio.file: a for a in articles if a.audio}
    known = cache.values({f"audio:{file}": digests[file] for file in wanted if file in digests})
    found: dict[str, AudioInfo] = {}
    problems: list[Problem] = []
    for file, article in sorted(wanted.items()):
        audio = article.audio
        where = (article.source, article.line_of("audio"))
        if file not in digests:
            problems.append(Problem(where[0], f"audio: the file {audio.src!r} does not exist or cannot be read",
                                    "check the file name and folder, or add the recording", where[1]))
            continue
        stored = known.get(f"audio:{file}")
        if stored is not None:
            found[file] = stored
            continue
        info = read_audio(file)
        if isinstance(info, str):
            problems.append(Problem(where[0], f"audio: the file {audio.src!r} {info}",
                                    "export the recording again as MP3 (or M4A) and commit that file", where[1]))
            continue
        cache.store_value(f"audio:{file}", digests[file], info)
        found[file] = info
    return found, problems


def recording_digests(site, cache) -> dict[str, bytes]:
    """The digest of each recording the site's pages play, for `probe_audio` (one gone since its
    article was read is left out: `probe_audio` names it)."""
    return cache.file_digests(sorted(f for f in site.audio_files().values() if os.path.isfile(f)))


def read_audio(file: str) -> AudioInfo | str:
    """The file's AudioInfo, or what is wrong with it."""
    import mutagen  # only builds with a recording need it

    mime = EXTENSIONS[os.path.splitext(file)[1].lower()]
    try:
        read = mutagen.File(file)
    except (mutagen.MutagenError, ValueError, OSError) as exc:
        return f"cannot be read as audio ({exc})"
    if read is None or read.info is None or not getattr(read.info, "length", 0):
        return "is not an MP3 or M4A recording (its header says nothing of a sound)"
    kind = type(read).__name__
    if (mime == "audio/mpeg") != (kind in ("MP3", "EasyMP3")):
        return f"holds {kind} audio, not what its name ({os.path.splitext(file)[1]}) says"
    return AudioInfo(round(read.info.length, 3), os.path.getsize(file), mime)
