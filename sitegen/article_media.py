"""The front matter's fields that name a file of content/ — a photo (`image:`, `images:`,
`gallery:`, and the body's images), a recording (`audio:`), a video file (`video:` with `src:`) —
each checked (inside content/, there, readable, of its kind) and given the place and the address it
is published at.  `ArticleReader` (article_reader.py) reads an article's other fields and asks a
`MediaFiles` for these; problems go to the article's `Fields`, with their lines.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

import yaml

from .content import MEDIA_DIR, Audio, Photo, Video
from .errors import Problem, display_path
from .front_matter import Fields
from .media import AUDIO_TYPES, VIDEO_TYPES
from .photo_slots import parse_focus
from .vietnamese import nfc

PHOTO_FIELDS = ("src", "caption", "credit", "alt", "focus")
"""The keys of a photo (`image:`, each of `images:` and `gallery:`)."""
AUDIO_FIELDS = ("src", "title")
"""The keys of `audio:` written as a mapping."""
_CREDIT_IN_CAPTION = re.compile(r"^(?P<caption>.*?)[\s.(\-–—]*\(?\s*(?P<credit>Ảnh\s*:\s*[^()]+?)\s*\)?\s*$", re.I | re.S)


class MediaFiles:
    """The files of one site's content/ that its articles name: knows the content folder (a file
    must be inside it, not only linked from it) and the site's base path (the files' addresses)."""

    def __init__(self, base_path: str, site_dir: Path, content_dir: Path):
        self.base_path = base_path
        self.site_dir = site_dir
        self.content_dir = Path(os.path.abspath(content_dir))
        self._content = str(self.content_dir)
        self.real_content_dir = os.path.realpath(content_dir)
        self._real_folders: dict[str, str] = {}
        """Folder -> the folder with every link in its path resolved: an archive's photos share a few
        hundred folders, and resolving each photo's whole path was most of finding it."""

    def photo(self, fields: Fields, article: Path, node: yaml.Node, label: str) -> Photo | None:
        """A photo field (`image:`, an item of `images:` or `gallery:`): a file name, or a mapping
        with src, caption, credit, alt and focus; None (and a problem) if it names no usable photo."""
        if isinstance(node, yaml.ScalarNode):
            src_node, values = node, {}
        elif isinstance(node, yaml.MappingNode):
            values = {k.value: v for k, v in node.value}
            src_node = values.get("src")
            unknown = set(values) - set(PHOTO_FIELDS)
            if unknown:
                fields.problem(node, f"`{label}` has unknown key(s) {sorted(unknown)}",
                               "a photo has src, caption, credit, alt and focus")
        else:
            example = "`- src: images/anh.jpg` under `images:`" if label.startswith("images") else \
                "`image:` then, on the next line, `  src: images/anh.jpg`"
            fields.problem(node, f"`{label}` must be a photo with src, caption and credit", f"write {example}")
            return None
        src = fields.text_of(src_node, f"{label}.src") if src_node is not None else ""
        if not src:
            if src_node is None:
                fields.problem(node, f"`{label}` has no `src`", "add `src: images/anh.jpg` (relative to the article)")
            elif not fields.problems or fields.problems[-1].line != fields.line(src_node):
                fields.problem(src_node, f"`{label}.src` is empty", "write the photo's file, e.g. `src: images/anh.jpg`")
            return None
        file = self.media_file(fields, article, src, fields.line(src_node), f"{label}.src")
        if file is None:
            return None
        caption = fields.text_of(values.get("caption"), f"{label}.caption")
        credit = fields.text_of(values.get("credit"), f"{label}.credit")
        split = _CREDIT_IN_CAPTION.match(caption)
        if split and split["caption"].strip():
            # The seed portal's habit: "Các đại biểu dự hội nghị. Ảnh: MT" all in the caption.
            caption = split["caption"].strip()
            caption += "" if caption.endswith((".", "!", "?", "…")) else "."
            credit = credit or split["credit"]
        alt = fields.text_of(values.get("alt"), f"{label}.alt") or caption
        focus, focus_node = None, values.get("focus")
        if isinstance(focus_node, yaml.SequenceNode):  # `focus: [0.5, 0.3]` says the same
            written = ",".join(str(getattr(item, "value", "?")) for item in focus_node.value)
        else:
            written = fields.text_of(focus_node, f"{label}.focus") if focus_node else ""
        if written:
            try:
                focus = parse_focus(written)
            except ValueError as exc:
                fields.problem(focus_node, f"`{label}.focus`: {exc}",
                               'write `focus: "0.5,0.3"` for a point halfway across and a third down, '
                               "or remove the line to keep the centre")
        return self.photo_at(src, file, caption, credit, alt, declared=True, focus=focus, line=fields.line(src_node))

    def photo_at(self, src: str, file: str, caption: str = "", credit: str = "", alt: str = "",
                  declared: bool = False, focus: tuple[float, float] | None = None, line: int | None = None) -> Photo:
        """The photo in `file` (already checked), as `src` names it, with where it is published."""
        output_path, url = self._published(file)
        return Photo(src, file, output_path, url, caption, credit, alt, declared, focus, line)

    def audio(self, fields: Fields, article: Path) -> Audio | None:
        """`audio:`: a file name, or a mapping with `src` and `title` (media.py)."""
        node = fields.nodes.get("audio")
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            return None
        hint = "write `audio: ban-tin.mp3` (beside the article), or `audio:` then `  src: ban-tin.mp3` and `  title: ...`"
        values = {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
        if isinstance(node, yaml.MappingNode):
            for key in set(values) - set(AUDIO_FIELDS):
                fields.problem(values[key], f"`audio` has no field `{key}` (it has: src, title)", "remove the line")
            if "src" not in values:
                fields.problem(node, "`audio` needs `src:`, the recording's file", hint)
                return None
            src_node = values["src"]
        elif isinstance(node, yaml.ScalarNode):
            src_node = node
        else:
            fields.problem(node, "`audio` must be a file name or a mapping with `src:`", hint)
            return None
        found = self._own_file(fields, article, src_node, "audio.src" if values else "audio", AUDIO_TYPES,
                               "an MP3 or M4A file", "export the recording as MP3 (or M4A), which every podcast app plays")
        if found is None:
            return None
        src, file = found
        title = fields.text_of(values.get("title"), "audio.title") if "title" in values else ""
        output_path, url = self._published(file)
        return Audio(src, file, output_path, url, title)

    def video_file(self, fields: Fields, article: Path, node: yaml.Node) -> Video | None:
        """`video:` with `src:`: a video file of the paper's (media.py reads its length)."""
        found = self._own_file(fields, article, node, "video.src", VIDEO_TYPES, "an MP4 file",
                               "export the video as MP4 (H.264), which every browser plays")
        if found is None:
            return None
        src, file = found
        output_path, url = self._published(file)
        return Video(src=src, file=file, output_path=output_path, url=url)

    def _own_file(self, fields: Fields, article: Path, node: yaml.Node, label: str, types: dict[str, str],
                  kind: str, export: str) -> tuple[str, str] | None:
        """(as written, path) of the recording or video file `node` names, if it is `kind` (one of
        the extensions `types`) and inside content/; else None and a problem."""
        src = fields.text_of(node, label)
        if not src:
            return None
        field = label.split(".")[0]
        if os.path.splitext(src)[1].lower() not in types:
            fields.problem(node, f"{field} {src!r} is not {kind}", f"{export}, and commit that file")
            return None
        file = self.media_file(fields, article, src, fields.line(node), field, noun="file")
        return (src, file) if file else None

    def _published(self, file: str) -> tuple[str, str]:
        """Where a file of content/ is published as committed, and its address.  In NFC whatever the
        disk holds, so that the address is the same from macOS and Linux."""
        rel = nfc(Path(file).relative_to(self.content_dir).as_posix())
        return f"{MEDIA_DIR}/{rel}", self.base_path + quote(f"{MEDIA_DIR}/{rel}")

    def media_file(self, fields: Fields, article: Path, src: str, line: int, label: str,
                    shown_as: str = "", noun: str = "photo") -> str | None:
        """The file (a photo, or a recording: `noun`) `src` names, if it is safely inside content/
        and exists; else a problem.  `shown_as` is the path as the editor wrote it, when `src` is
        its unquoted form."""
        hint_ok = "use a path relative to the article (images/anh.jpg) or to content/ (/anh/2024/anh.jpg)"
        written = shown_as or src
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith("//") or "\\" in src or "\0" in src:
            fields.problems.append(Problem(fields.source, f"{label} {written!r} is not a file inside content/", hint_ok, line))
            return None
        file = self._within(article, src)
        if file is None:
            fields.problems.append(Problem(fields.source, f"{label} {written!r} leads outside content/", hint_ok, line))
            return None
        found = self.locate(article, src)
        if found is None:
            fields.problems.append(Problem(
                fields.source, f"{label}: the {noun} {written!r} does not exist (looked for {display_path(Path(file), self.site_dir)})",
                f"check the file name and folder, or add the {noun}", line,
            ))
            return None
        if not os.access(found, os.R_OK):
            fields.problems.append(Problem(
                fields.source, f"{label}: the {noun} {written!r} cannot be read (permission denied)",
                f"give sitegen read access to {display_path(Path(found), self.site_dir)} (e.g. `chmod u+r`)", line))
            return None
        real = self._real(found)
        if not Path(real).is_relative_to(self.real_content_dir):  # a link, or in a linked folder
            fields.problems.append(Problem(
                fields.source, f"{label}: the {noun} {written!r} is a link to {real}, outside content/",
                f"put the {noun} itself in content/ instead of a link to it", line))
            return None
        return found

    def _real(self, found: str) -> str:
        """`os.path.realpath(found)`, with its folder's resolved once per build."""
        folder, name = os.path.split(found)
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = os.path.realpath(folder)
        return os.path.realpath(found) if os.path.islink(found) else os.path.join(real_folder, name)

    def _within(self, article: Path, src: str) -> str | None:
        """The path `src` names (relative to the article, or to content/ when it starts with /), if inside content/."""
        base = self._content if src.startswith("/") else os.path.dirname(os.path.abspath(article))
        file = os.path.normpath(os.path.join(base, src.lstrip("/")))
        return file if file == self._content or file.startswith(self._content + os.sep) else None

    def locate(self, article: Path, src: str) -> str | None:
        """The existing file `src` names, or None.  Names are compared in NFC when the exact one is
        missing: macOS writes file names decomposed (NFD), editors type them composed, and the reverse."""
        if "\0" in src:
            return None
        file = self._within(article, src)
        if file is None:
            return None
        if os.path.isfile(file):  # (False for a name too long for the file system, too)
            return file
        current = self.content_dir
        for part in Path(file).relative_to(self.content_dir).parts:
            try:
                names = sorted(os.listdir(current))
            except OSError:
                return None
            wanted = nfc(part)
            match = next((name for name in names if nfc(name) == wanted), None)
            if match is None:
                return None
            current = current / match
        return str(current) if current.is_file() else None
