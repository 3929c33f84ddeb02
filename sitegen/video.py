"""Reading `video:` in an article's front matter: a YouTube video or a video file of the paper's.

    video: https://www.youtube.com/watch?v=aqz-KE-bpKQ        # or youtu.be/..., /shorts/..., the id alone
    video:
      youtube: aqz-KE-bpKQ
      duration: "3:25"                                         # m:ss or h:mm:ss; optional
    video:
      src: le-hoi.mp4                                          # an MP4 beside the article (media.py)

For YouTube, the page shows the article's lead photo (through the photo pipeline) with a play
button; nothing is asked of YouTube until the reader clicks: then the player comes from
youtube-nocookie.com (no cookies before playing).  Without JavaScript the button is a link to the
video on YouTube.  The poster is never YouTube's own thumbnail (that would be a request to Google on
every view).  A video file is played by the browser's own player, the lead photo as its poster,
loaded only when played; its length is read from the file (media.py).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import yaml

from typing import Callable

from .content import Video
from .front_matter import Fields

VIDEO_FIELDS = ("youtube", "duration", "src")
"""The keys of `video:` written as a mapping."""
_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be",
          "www.youtube-nocookie.com", "youtube-nocookie.com"}
_DURATION = re.compile(r"(?:(\d+):)?([0-5]?\d):([0-5]\d)")
HINT = ('write `video: https://www.youtube.com/watch?v=...` (or the 11-character id), or `video:` then '
        '`  youtube: ...` and `  duration: "3:25"`, or `video:` then `  src: le-hoi.mp4` for a file of the paper\'s')


def read_video(fields: Fields, local: Callable[[yaml.Node], Video | None]) -> Video | None:
    """The article's `video:`, or None (none given, or a problem recorded in `fields`).  `local(node)`
    gives the Video of the file a `src:` node names (or None, and a problem)."""
    node = fields.nodes.get("video")
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return None
    duration_text = ""
    if isinstance(node, yaml.MappingNode):
        values = {key.value: value for key, value in node.value}
        for key, value in values.items():
            if key not in VIDEO_FIELDS:
                fields.problem(value, f"`video` has no field `{key}` (it has: youtube, duration, src)", "remove the line")
        if "src" in values:
            if "youtube" in values or "duration" in values:
                fields.problem(node, "`video` is either a file (`src:`, its length read from it) or a YouTube "
                               "video (`youtube:`, `duration:`)", "keep the one the article shows")
                return None
            return local(values["src"])
        if "youtube" not in values:
            fields.problem(node, "`video` needs `youtube:`, the video's address or id, or `src:`, a file", HINT)
            return None
        written = fields.text_of(values["youtube"], "video.youtube")
        if "duration" in values:
            duration_text = fields.text_of(values["duration"], "video.duration")
    elif isinstance(node, yaml.ScalarNode):
        written = fields.text("video")
    else:
        fields.problem(node, "`video` must be a YouTube address or a mapping with `youtube:` or `src:`", HINT)
        return None
    video_id = youtube_id(written)
    if video_id is None:
        fields.problem(node, f"`video` {written!r} is not a YouTube video's address or id", HINT)
        return None
    seconds = 0
    if duration_text:
        found = _DURATION.fullmatch(duration_text)
        if found is None and not duration_text.isdigit():
            fields.problem(node, f"`video.duration` {duration_text!r} is not a length like \"3:25\" or \"1:02:03\"",
                           'write minutes and seconds, e.g. `duration: "3:25"` (in quotes)')
            return None
        seconds = int(duration_text) if found is None else \
            int(found[1] or 0) * 3600 + int(found[2]) * 60 + int(found[3])
    return Video(video_id, seconds)


def youtube_id(written: str) -> str | None:
    """The id in a YouTube address (watch?v=, youtu.be/, /shorts/, /embed/, /live/) or the id alone."""
    if _ID.fullmatch(written):
        return written
    url = urlsplit(written if "://" in written else "https://" + written)
    if url.scheme not in ("http", "https") or (url.hostname or "") not in _HOSTS:
        return None
    if url.hostname == "youtu.be":
        candidate = url.path.strip("/")
    elif url.path == "/watch":
        candidate = (parse_qs(url.query).get("v") or [""])[0]
    else:
        parts = url.path.strip("/").split("/")
        candidate = parts[1] if len(parts) == 2 and parts[0] in ("shorts", "embed", "live", "v") else ""
    return candidate if _ID.fullmatch(candidate) else None
