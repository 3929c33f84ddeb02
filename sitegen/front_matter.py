"""YAML front matter: split from the body, composed (never loaded), checked for shape, and read
field by field with each field's line for messages.

YAML is composed, not loaded: we take each field's raw text and read it ourselves, which avoids
PyYAML 1.1's traps (`10:00` becoming 600, `2024-05-01 08:30` staying a string while `2024-05-01`
becomes a date, `no` becoming False).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import Problem
from .vietnamese import nfc

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$\n?", re.M)
_TRUE = {"true", "yes", "on", "có"}
_FALSE = {"false", "no", "off", "không", ""}

MAX_FRONT_MATTER_DEPTH = 8
"""Levels of lists and mappings in front matter (`images:` -> a photo -> its `caption` is 3)."""

KNOWN_FIELDS = (
    "title", "date", "category", "author", "tags", "summary", "image", "images",
    "slug", "draft", "featured", "updated", "aliases", "related", "corrections", "withdrawn", "expires",
    "video", "audio", "gallery", "layout", "missing_photos",
)


class Fields:
    """The composed front matter of one file: raw nodes by key, with lines and a problem list."""

    def __init__(self, source: str, nodes: dict[str, yaml.Node], first_line: int):
        self.source = source
        self.nodes = nodes
        self.first_line = first_line
        self.problems: list[Problem] = []

    def line(self, node_or_key: yaml.Node | str) -> int:
        node = self.nodes.get(node_or_key) if isinstance(node_or_key, str) else node_or_key
        return (node.start_mark.line + self.first_line) if node is not None else self.first_line - 1

    def problem(self, where: yaml.Node | str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.source, message, hint, self.line(where)))

    def text(self, key: str, *, required: bool = False) -> str:
        """The text of the top-level field `key` ("" when it is absent, and a problem if `required`)."""
        return self.text_of(self.nodes.get(key), key, required=required)

    def text_of(self, node: yaml.Node | None, label: str, *, required: bool = False) -> str:
        """The text of `node`, a value inside a field (`images[1].caption`, `audio.src`: `label`), or
        "" when it is absent (None).  Never a top-level field of the same name: an article's own
        `credit:` is not the credit of a photo that has none."""
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            if required:
                self.problem(node if node is not None else label, f"`{label}` is missing or empty",
                             f"write {_one_line(label)}" if "." in label else f"add a line `{label}: ...` to the front matter")
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"`{label}` must be text, not a list or mapping", f"write {_one_line(label)}")
            return ""
        value = nfc(node.value).strip()
        if required and not value:
            self.problem(node, f"`{label}` is empty", f"write the {label} after `{label}:`")
        return value

    def flag(self, key: str) -> bool:
        node = self.nodes.get(key)
        if node is None:
            return False
        value = node.value.strip().casefold() if isinstance(node, yaml.ScalarNode) else None
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.problem(node, f"`{key}` must be true or false", f"write `{key}: true` or `{key}: false`")
        return False

    def text_list(self, key: str) -> list[tuple[str, yaml.Node]]:
        """A list of texts; a single text is accepted, split on commas ("tags: Đắk Tô, cà phê")."""
        node = self.nodes.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            return []
        if isinstance(node, yaml.ScalarNode):
            return [(nfc(part).strip(), node) for part in node.value.split(",") if part.strip()]
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"`{key}` must be a list", f"write `{key}: [first, second]`")
            return []
        items = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode):
                self.problem(item, f"each entry of `{key}` must be text", f"write `{key}: [first, second]`")
            elif item.value.strip():
                items.append((nfc(item.value).strip(), item))
        return items


def plain(node: yaml.Node) -> Any:
    """A front-matter value for `extra`: YAML's usual types, except dates and times stay text.

    Only called on front matter `_structure_problem` accepted: a tree (no aliases) of bounded depth."""
    if isinstance(node, yaml.MappingNode):
        return {str(plain(k)): plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    if node.tag.endswith(":null"):
        return None
    # A plain scalar's style is None from PyYAML's Python composer and "" from libyaml's (CSafeLoader):
    # `priority: 3` is a number either way; `priority: "3"` stays text.
    if node.tag.endswith((":bool", ":int", ":float")) and not node.style:
        try:
            return yaml.load(node.value, Loader=_LOADER)
        except yaml.YAMLError:
            pass  # not a number or boolean after all: keep the text
    return nfc(node.value)


def _structure_problem(front: str, root: yaml.Node) -> tuple[str, str, int] | None:
    """(what, how to fix, 0-based line) when the front matter uses YAML anchors or aliases or nests too
    deeply, else None.  Checked on the composed nodes before any value is expanded: an alias is the
    way a "billion laughs" (a few hundred bytes that expand to gigabytes) or a structure that contains
    itself gets in, and editors never need one."""
    if "&" in front or "*" in front:  # else there can be neither anchor nor alias: skip the second parse
        for event in yaml.parse(front, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                return (f"YAML anchors and aliases ({sign}{event.anchor}) are not allowed in front matter",
                        "write the value out in full; text starting with & or * must be in double quotes, "
                        'e.g. `title: "*Tin nóng*"`', event.start_mark.line)
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_FRONT_MATTER_DEPTH:
            return (f"the front matter nests lists and mappings more than {MAX_FRONT_MATTER_DEPTH} levels deep",
                    "flatten this value: sitegen's fields need at most 3 levels", node.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            stack += [(child, depth + 1) for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
    return None


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts), or None when the file has no front matter."""
    opening = _OPENING.match(text)
    if not opening:
        return None
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        return None
    return (text[opening.end():closing.start()], text[closing.end():],
            text.count("\n", 0, closing.end()) + 1)


def read_front_matter(source: str, text: str) -> tuple[Fields, str, int] | Problem:
    """The fields of an article's front matter (text in NFC), its body and the body's first line;
    or the one problem that stops the file being read at all."""
    parts = split_front_matter(text)
    if parts is None:
        return Problem(
            source, "the file has no front matter (or its closing '---' line is missing)",
            "start the file with a line '---', the fields (title:, date:, category:), then a line '---'", 1,
        )
    front, body, body_line = parts
    try:
        root = yaml.compose(front, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return Problem(
            source, f"the front matter is not valid YAML: {exc.problem or exc.context}",
            "check this line: text containing ':' or starting with a quote or [ must be in double quotes",
            (mark.line + 2) if mark else 2,
        )
    except yaml.reader.ReaderError as exc:  # a character YAML refuses anywhere: say which, and where
        return Problem(  # (read from a str, PyYAML names the character by its code point)
            source, f"the front matter holds a control character (#x{exc.character:04x}), which is not allowed",
            "it is invisible (pasted from Word, a PDF or a chat): delete it, or type the line again",
            front[: exc.position].count("\n") + 2,
        )
    except yaml.YAMLError as exc:
        return Problem(source, f"the front matter is not valid YAML: {exc}", "", 2)
    if not isinstance(root, yaml.MappingNode):
        return Problem(source, "the front matter must be a list of `key: value` lines", "e.g. title: \"...\"", 2)
    refused = _structure_problem(front, root)
    if refused:
        return Problem(source, refused[0], refused[1], refused[2] + 2)

    nodes: dict[str, yaml.Node] = {}
    fields = Fields(source, nodes, 2)
    for key_node, value_node in root.value:
        key = str(key_node.value)
        if key in nodes:
            fields.problem(key_node, f"`{key}` appears twice (first on line {fields.line(key)})", "keep only one")
        nodes[key] = value_node
    return fields, body, body_line


def _one_line(label: str) -> str:
    """How to write `label` as one line of text: `audio.src` is `src:` under `audio:`."""
    *outer, key = label.split(".")
    if not outer:
        return f'`{key}: "..."`'
    return f'`{key}: "..."` (one line of text) under `{".".join(outer)}:`'
