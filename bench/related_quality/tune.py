#!/usr/bin/env python3
"""Fast, in-process scoring of sitegen's "Chuyên mục khác" ranking on the evaluation corpora, for tuning.

    python bench/related_quality/tune.py [--corpus series:1] [--weights JSON] [--unrelated 2000]

No site is written or built: each corpus article's title, sapo and body (Markdown stripped to text
with a regex, close to what sitegen's reader gives) go straight to sitegen.related_features.text_features and
related_articles.  Feature weights (title_repeat, name_repeat...) take effect here, unlike in
run.py --weights, which reuses the features a build cached.  Tune on run.TUNED only; the held-back
corpora (run.py's CORPORA) are for reporting.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True
import run  # noqa: E402

_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|^[#>*\-\s]+|[*_`]", re.M)


def plain(body: str) -> str:
    return _MARKUP.sub(lambda m: m.group(1) or " ", body)


def rank(arts: list[dict], weights, count: int = run.COUNT) -> dict[int, list]:
    import numpy as np  # noqa: PLC0415

    from sitegen import related_features as stage  # noqa: PLC0415
    from sitegen.related import related_articles  # noqa: PLC0415
    from sitegen.vietnamese import variant_key  # noqa: PLC0415
    features = [stage.text_features(a["title"], a["summary"], plain(a["body"]), weights) for a in arts]
    offsets = np.concatenate(([0], np.cumsum([len(f.codes) for f in features])))
    table = stage.FeatureTable(np.concatenate([f.codes for f in features]),
                               np.concatenate([f.counts for f in features]), offsets)
    docs = [stage.RelatedDoc(tuple(variant_key(t) for t in a["tags"]), a["category_slug"], a["date"].timestamp())
            for a in arts]
    related = related_articles(docs, table, count, weights)
    return {arts[i]["id"]: [arts[j]["id"] for j in r] for i, r in enumerate(related)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", help=f"one of {', '.join(run.CORPORA)} (repeatable; default: the tuning corpora)")
    ap.add_argument("--unrelated", type=int, default=2000)
    ap.add_argument("--weights", default="{}", help="JSON object of sitegen.related_features.Weights fields")
    args = ap.parse_args(argv)
    from sitegen.related_features import Weights  # noqa: PLC0415
    weights = dataclasses.replace(Weights(), **json.loads(args.weights))
    gc = run.load_gen_corpus(run.GEN_CORPUS)
    for name in args.corpus or sorted(run.TUNED):
        arts, truth = run.build(gc, name, args.unrelated)
        start = time.perf_counter()
        shown = rank(arts, weights)
        seconds = time.perf_counter() - start
        s = run.score({k: v for k, v in shown.items() if k in truth.group}, truth, run.article_facts(arts))
        print(f"{name:18} P {s['precision']:.3f}  ceiling {run.ceiling(truth):.3f}  R {s['recall']:.3f}  "
              f"P7 {s['precision7']:.3f}  wrong: " + ", ".join(f"{k} {v:.2f}" for k, v in s["wrong"].items()
                                                              if k in ("decoy", "other series", "unrelated"))
              + f"  ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
