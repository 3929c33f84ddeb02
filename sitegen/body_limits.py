"""Bounds on an article body, checked before Markdown sees it, so that every body renders in bounded time.

Python-Markdown is quadratic on some inputs that no editor writes on purpose but that pasted text,
broken exports or a stuck key produce: every `[`, `<` or backtick in a block makes it scan the rest
of the block for a closing partner (40 kB of `[` took 150 s), and each level of nesting (`>`, nested
lists) makes it read the nested text once more, until its recursion gives out.  The limits below are
measured on the text alone, so they give the same answer on every machine, in `check` and in `build`
(a time limit would not), and they sit far above anything a news article needs:

- a body of at most `MAX_BODY_CHARS` characters;
- at most `MAX_NESTING` levels of quotes and lists on a line;
- for the scanning characters, a budget: the sum over blocks (text between blank lines) of
  "scanning characters in the block x the block's length" at most `SCAN_BUDGET`.  A 2,000-character
  paragraph with 20 links costs 40,000; 40 kB of `[` cost 1.6 billion.  A character written escaped
  (`\\[`, `&lt;`) costs nothing, since Markdown does not scan for its partner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BODY_CHARS = 1_000_000
"""About 150,000 words: ten times the longest long-read; Markdown reads it in about two seconds."""
MAX_NESTING = 20
"""Levels of `>` quotes and list items on one line (four spaces of indentation count as a level)."""
SCAN_BUDGET = 10_000_000
"""About one second of Python-Markdown's time on a 2024 laptop core, for the worst kind of text."""

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SCANNING = re.compile(r"(?<!\\)[\[<`]")
_CONTAINERS = re.compile(r"[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))")


@dataclass(frozen=True)
class BodyTooHard:
    """Why a body is refused: what, how to fix, and the line of the body (1-based) it concerns."""

    message: str
    hint: str
    line: int


def nesting(line: str) -> int:
    """Levels of quote and list nesting a line opens: its `>` and list markers, and its indentation."""
    expanded = line.expandtabs(4)
    indent = len(expanded) - len(expanded.lstrip(" "))
    levels, position = indent // 4, indent
    while True:
        marker = _CONTAINERS.match(expanded, position)
        if marker is None:
            return levels
        levels += 1
        position = marker.end()


def body_problem(body: str) -> BodyTooHard | None:
    """The first limit `body` exceeds, or None when Markdown can read it in bounded time."""
    if len(body) > MAX_BODY_CHARS:
        return BodyTooHard(f"the body has {len(body):,} characters; sitegen reads at most {MAX_BODY_CHARS:,}",
                           "split it into several articles (Kỳ 1, Kỳ 2, ...)", 1)
    for number, line in enumerate(body.split("\n"), 1):
        if len(line) > MAX_NESTING and nesting(line) > MAX_NESTING:
            return BodyTooHard(f"this line nests quotes or lists {nesting(line)} levels deep; "
                               f"sitegen allows {MAX_NESTING}",
                               "remove the extra '>' or list markers, or the indentation, at the start of the line",
                               number)
    cost, worst, worst_line, line = 0, 0, 1, 1
    position = 0
    for separator in [*_BLANK_LINE.finditer(body), None]:
        end = separator.start() if separator else len(body)
        block = body[position:end]
        scanning = len(_SCANNING.findall(block)) if ("[" in block or "<" in block or "`" in block) else 0
        block_cost = scanning * len(block)
        cost += block_cost
        if block_cost > worst:
            worst, worst_line = block_cost, line
        if separator:
            line += body.count("\n", position, separator.end())
            position = separator.end()
    if cost > SCAN_BUDGET:
        return BodyTooHard(
            "this paragraph has too many '[', '<' or '`' for its length: Markdown would take minutes to read "
            "the body (each one makes it search the rest of the paragraph for its partner)",
            "write \\[ (or &lt;, \\`) for those that open no link, tag or code, or remove them; "
            "blank lines between paragraphs help too", worst_line)
    return None
