#!/usr/bin/env python3
"""The hand-judged figure: how many of the six "Chuyên mục khác" links on each sample-portal article
a Vietnamese editor would accept.

    python bench/related_quality/sample.py [--site .] [--verbose]

sample_judgements.toml says, for every article of the sample portal (content/), which other articles
are the same story ("same") or a link an editor would accept ("topic"); it was judged from the
article files alone, before looking at what the ranking shows.  This script ranks the sample as a
build does (sitegen's reader, today's publication state) and counts the accepted links among each
article's six.  The target: at least 5 of 6 accepted on every article that has at least 5
acceptable links (the issue's "every article that has that many related"); on the others, the
share of their acceptable links that the six show.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
COUNT = 6
TARGET = COUNT - 1
"""Accepted links an article with this many acceptable ones must show among its six."""


def judged(path: Path = HERE / "sample_judgements.toml") -> dict[str, set[str]]:
    """Article (its path under content/, no .md) -> the articles an editor accepts under it."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {a["path"]: set(a.get("same", [])) | set(a.get("topic", [])) for a in table["article"]}


def ranked(site_dir: Path) -> dict[str, list[str]]:
    """Article -> its six picks, as `sitegen build` ranks them now (the ranking's own six, before the
    page leaves out the editor's `related:` picks)."""
    from sitegen.cache import BuildCache  # noqa: PLC0415
    from sitegen.config_toml import load_config  # noqa: PLC0415
    from sitegen.library import read_articles  # noqa: PLC0415
    from sitegen.related_step import related_for  # noqa: PLC0415
    from sitegen.site import Publication, Site  # noqa: PLC0415

    config, _ = load_config(site_dir)
    library = read_articles(config, site_dir, BuildCache(None))
    site = Site(config, library.articles, Publication(datetime.now(config.zone)))
    key = lambda a: a.source.removeprefix("content/").removesuffix(".md")  # noqa: E731
    return {key(a): [key(site.articles[j]) for j in picks][:COUNT]
            for a, picks in zip(site.articles, related_for(site, library))}


def figures(site_dir: Path = REPO, verbose: bool = False) -> dict:
    accepted, shown = judged(), ranked(site_dir)
    rows = []
    for article, picks in sorted(shown.items()):
        if article not in accepted:
            sys.exit(f"{article} is not judged in sample_judgements.toml: judge it first")
        good = [p for p in picks if p in accepted[article]]
        rows.append((article, len(accepted[article]), len(good), len(picks), [p for p in picks if p not in good]))
    full = [r for r in rows if r[1] >= TARGET]
    if verbose:
        for article, n, good, of, wrong in rows:
            print(f"{good}/{of}  (acceptable {n:2})  {article}" + "".join(f"\n        not accepted: {w}" for w in wrong))
    return {
        "articles": len(rows),
        "full": len(full),
        "full_ok": sum(1 for r in full if r[2] >= TARGET),
        "full_worst": min((r[2] for r in full), default=None),
        "full_mean": sum(r[2] for r in full) / len(full) if full else float("nan"),
        "accepted_share": sum(r[2] for r in rows) / sum(r[3] for r in rows),
        "achievable_share": sum(min(r[2], r[1]) for r in rows) / sum(min(COUNT, r[1]) for r in rows if r[1]),
        "failing": [(r[0], r[2]) for r in full if r[2] < TARGET],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=REPO, help="the sample portal (default: the repository)")
    ap.add_argument("--verbose", "-v", action="store_true", help="every article's count and its rejected links")
    args = ap.parse_args(argv)
    f = figures(args.site, args.verbose)
    print(f"{f['articles']} articles; {f['full']} have at least {TARGET} acceptable links: {f['full_ok']} of them show "
          f"at least {TARGET} accepted (worst {f['full_worst']}, mean {f['full_mean']:.2f} of {COUNT}); "
          f"accepted share of all links shown {f['accepted_share']:.3f}; of the achievable {f['achievable_share']:.3f}")
    for article, good in f["failing"]:
        print(f"  below target: {article} ({good} accepted of {COUNT})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
