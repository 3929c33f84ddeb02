#!/usr/bin/env python3
"""Where the search stage's time goes in a one-article edit: each run appends a sentence to one
article of an already built corpus, builds in this process (the cache of the previous build on
disk) and prints the seconds spent in each function of sitegen/search.py, beside the stage's own.

    .venv/bin/python bench/search_stage.py /work/c10k \\
        --article content/chinh-tri/2015/an-ha-hoi-dong-nhan-dan-huyen-khoi-cong-du-lich-cong-dong-100548.md

Use an article of a past year to see the worst case: its bundle is the whole year (830 documents at
10,000 articles over ten years), where this month's holds a few dozen.  The first run after a
change of sitegen's code rebuilds everything; read the runs after it.  `_index` runs in threads
beside `_write_documents` and, for a small re-indexing, beside the render stage: the functions'
times overlap and do not add up to the stage.
"""

from __future__ import annotations

import argparse
import functools
import os
import time
from pathlib import Path

import sitegen.search as search
from sitegen.build import build

TIMED = ("search_buckets", "_intact", "_write_documents", "_index", "copy_search_bundles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a site folder built once already")
    parser.add_argument("--article", required=True, help="the article to edit, relative to the corpus")
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    seconds: dict[str, float] = {}
    for name in TIMED:
        setattr(search, name, _timed(name, getattr(search, name), seconds))
    os.chdir(args.corpus)
    for run in range(args.runs):
        with open(args.article, "a", encoding="utf-8") as file:
            file.write(f"\nCâu thêm vào lần {run + 1} lúc {time.time():.0f}.\n")
        seconds.clear()
        report = build(Path("."))
        parts = " · ".join(f"{name} {seconds.get(name, 0):.2f}" for name in TIMED)
        print(f"run {run + 1}: search stage {report.seconds['search']:.2f} s [{parts}]", flush=True)


def _timed(name, function, seconds):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
    return timed


if __name__ == "__main__":
    main()
