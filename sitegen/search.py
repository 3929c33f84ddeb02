"""The search index: Pagefind, run over the staged site before it is swapped in.

Pagefind (a well-kept Rust indexer shipped on PyPI as `pagefind[extended]`) builds a static,
chunked index that the browser queries with WebAssembly: search works on any static host, offline.
It folds tone marks ("tu mo rong" finds "Tu Mơ Rông") but not đ -> d, so each article page carries a
hidden, đ-folded copy of its title and sapo (see the theme's article.html); the search page shows
excerpts from the real text and ranks exact-diacritic matches first (static/js/search.js).
Only elements marked `data-pagefind-body` (article pages) are indexed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import BuildFailed, Problem

INDEX_DIR = "pagefind"


def index_site(folder: Path) -> None:
    """Write the search index into `folder`/pagefind/."""
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", INDEX_DIR,
               "--force-language", "vi", "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except FileNotFoundError as exc:  # pragma: no cover - the interpreter itself vanished
        raise BuildFailed([Problem("search", f"cannot run Pagefind: {exc}", "pip install 'pagefind[extended]'")]) from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BuildFailed([Problem(
            "search", f"Pagefind failed to index the site: {detail[0]}",
            "reinstall it with pip install 'pagefind[extended]', or set search = false in config.toml",
        )])
