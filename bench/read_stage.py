#!/usr/bin/env python3
"""The read stage of a rebuild with nothing changed, timed in this process: every article taken
from the cache of an already built site (its entries unpickled, its photos checked, its paths
placed under this site's content/ folder).

    .venv/bin/python bench/read_stage.py /work/corp/c20k --runs 4

The first call reads what the cache does not hold for this code (all of it after a change of
sitegen's code: minutes at 20,000 articles) and is not counted; the runs after it are.  To compare
two commits, run it from a `git worktree` of each, one after the other.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitegen.build import CACHE_DIR, _few_full_collections
from sitegen.cache import BuildCache
from sitegen.config_toml import load_config
from sitegen.library import read_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a site folder built before (with its .sitegen-cache/)")
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=2, help="workers for the first, uncounted read")
    args = parser.parse_args()
    config, _ = load_config(args.site)
    cache = BuildCache(args.site / CACHE_DIR)
    with _few_full_collections():  # as a build runs it
        try:
            first = read_articles(config, args.site, cache, args.jobs)
            print(f"first read: {first.parsed} of {first.files} articles read afresh")
            del first  # (two archives in memory would time the garbage collector, not the stage)
            for run in range(1, args.runs + 1):
                start = time.perf_counter()
                library = read_articles(config, args.site, cache, 1)
                seconds = time.perf_counter() - start
                print(f"run {run}: {seconds:.3f} s ({library.parsed} read afresh, {len(library.articles)} articles)")
                del library
        finally:
            cache.close()


if __name__ == "__main__":
    main()
