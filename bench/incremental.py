#!/usr/bin/env python3
"""Incremental-build benchmark: every row of issue 15's target table, each build a new process that
finds the previous build's cache on disk, as a CI publish does.

Run it with the Python that has sitegen installed, under nice on a shared machine:

    nice -n 10 .venv/bin/python bench/incremental.py --sizes 1000 --runs 3      # all rows, writes
                                                         # bench/INCREMENTAL_RESULTS.md
    nice -n 10 .venv/bin/python bench/incremental.py --sizes 200 --runs 1 \\
        --results /tmp/smoke.md                          # smoke run, about 2-3 minutes
    nice -n 10 .venv/bin/python bench/incremental.py --sizes 10000 --runs 1 \\
        --rows edit,add,delete,noop,clone              # only the incremental rows

One row at a time (--rows takes any comma-separated subset; a corpus is always built cold once
first, untimed unless the cold or memory row is asked for):

- edit: `--rows edit` -- one article edited, four kinds measured separately: body (a sentence
  appended to one of its paragraphs), title (run.py's edit_title), tags (one tag of the corpus
  added), category (moved to another of config.toml's [[categories]]).  Every run edits a different
  article, drawn with --seed.
- add / delete: `--rows add,delete` -- a new article file written by gen_corpus.py's own functions
  (dated an hour ago, with its photos), or an article and its photos removed.
- noop: `--rows noop` -- a build with nothing changed.
- clone: `--rows clone` -- the corpus committed to git, `git clone` to another path, `.sitegen-cache/`
  copied with `cp -a` (every mtime new, another path).  Two variants, each in a fresh clone per run:
  (a) output/ copied too (`cp -a` of output and .output-releases/): no change, then one body edit;
  (b) output/ absent, the CI situation: the first build, then one body edit.
- cold: `--rows cold` -- cold builds alternated run by run: sitegen (search on), sitegen with
  `search = false`, Hugo, and Pagefind over Hugo's output (`pagefind --site public`, the binary
  sitegen itself runs: sitegen.search._pagefind(), from `pagefind[extended]`).  Ratios: sitegen vs
  Hugo + Pagefind, sitegen (no search) vs Hugo, sitegen vs Hugo (the issue's 1k row).
- memory: `--rows memory` -- during every build, the proportional set size (PSS, smaps_rollup) of
  all the build's processes (main, forked workers, Pagefind) is summed every 0.5 s; the row reports
  the peak sum of the cold sitegen builds (search on), and the largest single resident set
  (os.wait4's ru_maxrss).  Without the cold row, it runs --runs cold builds of its own.
- equivalence: `--rows equivalence --equivalence K --compare-every M` -- K random edits (the four
  kinds, add, delete), each followed by an incremental build; after every M-th edit and the last,
  a clean build (`--no-cache`, into another folder) and a byte-for-byte comparison of the two
  trees.  The first difference stops the row and is reported with its path.  Cost: K incremental
  builds plus ceil(K/M) clean builds, each about the time of a cold build without photo renditions
  cached (at 1,000 articles, about 10 s each).

Each cell is the median of --runs runs.  The build's closing line (`--no-progress`) gives what it read
and rendered and the seconds of every stage; the table says whether the build did only local work:
articles read no more than the change needs (1 for an edit or an addition, 0 otherwise) and pages
rendered at most max(50, 2 % of the pages), or none when nothing changed since the build the cache
holds (no change, and the first build of a fresh clone).  Scratch files go to --work (default
/tmp/sitegen-bench, shared with run.py's corpora and peers), never into the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import importlib.util
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import GEN_CORPUS, HERE, REPO, Hugo, Sitegen, Timing, edit_title, generate, machine, peers, run  # noqa: E402

ROWS = ("edit", "add", "delete", "noop", "clone", "cold", "memory", "equivalence")
EDIT_KINDS = ("body", "title", "tags", "category")
EDIT_NOTES = {"title": "the corpus pins no `slug`: the article's address changes with its title",
              "category": "the address changes too (`{category}/` in the article permalink)"}


# --------------------------------------------------------------------------- measuring a build

class TreeSampler:
    """Peak of the summed PSS of this process's descendants (the build and everything it started),
    sampled every `interval` seconds while the `with` block runs."""

    def __init__(self, interval: float = 0.5):
        self.interval, self.peak_kb, self.peak_processes, self.samples = interval, 0, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> "TreeSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @staticmethod
    def descendants(root: int) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
        found, todo = [], list(children.get(root, []))
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    @staticmethod
    def pss_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                return next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
        except (OSError, ValueError):
            return 0

    def _loop(self) -> None:
        root = os.getpid()
        self._stop.wait(0.05)
        while True:
            pids = self.descendants(root)
            total = sum(self.pss_kb(pid) for pid in pids)
            self.samples += 1
            if total > self.peak_kb:
                self.peak_kb, self.peak_processes = total, len(pids)
            if self._stop.wait(self.interval):
                return


@dataclass
class Report:
    """sitegen's closing line, parsed."""

    up_to_date: bool = False
    pages: int = 0
    articles: int = 0
    parsed: int | None = None
    rendered: int | None = None
    changed: int | None = None
    files: int | None = None
    stages: dict[str, float] = field(default_factory=dict)


def parse_report(output: str) -> Report:
    line = next((l for l in reversed(output.splitlines()) if l.startswith(("Built ", "Up to date"))), "")
    report = Report(up_to_date=line.startswith("Up to date"))
    if m := re.search(r"(\d+) pages", line):
        report.pages = int(m.group(1))
    if m := re.search(r"from (\d+) articles", line):
        report.articles = int(m.group(1))
    if report.up_to_date:
        report.parsed = report.rendered = report.changed = 0
        if m := re.search(r"checked in ([0-9.]+) s", line):
            report.stages = {"check": float(m.group(1))}
        return report
    if m := re.search(r"\[([^\]]*)\]", line):
        report.stages = {k: float(v) for k, v in re.findall(r"(\w+) ([0-9.]+)s", m.group(1))}
    if m := re.search(r"(\d+) of (\d+) files changed", line):
        report.changed, report.files = int(m.group(1)), int(m.group(2))
    if m := re.search(r"(\d+) articles read, (\d+) pages rendered", line):
        report.parsed, report.rendered = int(m.group(1)), int(m.group(2))
    return report


@dataclass
class Build:
    seconds: float
    rss_mb: float
    pss_mb: float
    output: str
    report: Report
    note: str = ""


def measured(call) -> Build:
    """Run `call()` (which returns run.py's Timing) while sampling the PSS of the process tree."""
    with TreeSampler() as sampler:
        timing: Timing = call()
    return Build(timing.seconds, timing.peak_mb, sampler.peak_kb / 1024, timing.output, parse_report(timing.output))


SITEGEN_COMMAND = [sys.executable, "-m", "sitegen.cli", "build", "--no-progress"]


def build(site: Path, *extra: str) -> Build:
    return measured(lambda: run(SITEGEN_COMMAND + list(extra), site))


# --------------------------------------------------------------------------- changing a corpus

def _gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", GEN_CORPUS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Corpus:
    """A sitegen corpus from gen_corpus.py, and the edits the rows make to it (random, seeded)."""

    def __init__(self, site: Path, seed: int):
        self.site, self.rng, self.gen = site, random.Random(seed), _gen_corpus()
        self.used: set[Path] = set()
        self.added = 0
        config = tomllib.loads((site / "config.toml").read_text(encoding="utf-8"))
        self.categories = [c["name"] for c in config["categories"]]
        self.tags = sorted(set(self.gen.ALL_TAGS))

    def articles(self) -> list[Path]:
        return sorted(self.site.glob("content/**/*.md"))

    def pick(self) -> Path:
        """An article not changed before by this run, at random."""
        candidates = [p for p in self.articles() if p not in self.used]
        path = self.rng.choice(candidates)
        self.used.add(path)
        return path

    def rel(self, path: Path) -> str:
        return str(path.relative_to(self.site))

    def edit(self, kind: str, n: int) -> str:
        if kind == "add":
            return self.add()
        if kind == "delete":
            return self.delete()
        path = self.pick()
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        if kind == "title":
            edit_title(path, f"Sửa {n}")
            return f"title of {self.rel(path)}"
        if kind == "body":
            blocks = body.split("\n\n")
            prose = [i for i, b in enumerate(blocks) if b.strip() and not b.lstrip().startswith(("!", "#", "-", ">"))]
            i = self.rng.choice(prose)
            blocks[i] = blocks[i].rstrip("\n") + f" Thông tin bổ sung lần {n}: số liệu được cập nhật theo báo cáo mới nhất." \
                + ("\n" if blocks[i].endswith("\n") else "")
            body = "\n\n".join(blocks)
        elif kind == "tags":
            match = re.search(r"^tags: \[(.*)\]$", head, flags=re.M)
            have = match.group(1)
            tag = self.rng.choice([t for t in self.tags if t not in have])
            items = (have + ", " if have.strip() else "") + self.gen.yq(tag, True)
            head = head[:match.start()] + f"tags: [{items}]" + head[match.end():]
        elif kind == "category":
            match = re.search(r"^category: (.*)$", head, flags=re.M)
            old = json.loads(match.group(1)) if match.group(1).startswith('"') else match.group(1)
            new = self.rng.choice([c for c in self.categories if c != old])
            head = head[:match.start()] + f"category: {self.gen.yq(new)}" + head[match.end():]
        else:
            raise ValueError(kind)
        path.write_text(head + "\n---\n" + body, encoding="utf-8", newline="\n")
        return f"{kind} of {self.rel(path)}"

    def add(self) -> str:
        """A new article as gen_corpus.py writes them, published an hour ago, with its photos."""
        self.added += 1
        article = self.gen.make_article(self.rng.randrange(1, 10**6), 10**7 + self.added)
        now = dt.datetime.now(self.gen.TZ).replace(second=0, microsecond=0) - dt.timedelta(hours=1)
        article["date"] = now
        folder = self.site / "content" / article["category_slug"] / str(now.year)
        (folder / "images").mkdir(parents=True, exist_ok=True)
        for image in article["images"]:
            (folder / image["src"]).write_bytes(self.gen.tiny_jpeg())
        path = folder / f"{article['slug']}.md"
        path.write_text(self.gen.yaml_front_matter(article, "sitegen") + "\n" + article["body"],
                        encoding="utf-8", newline="\n")
        self.used.add(path)
        return f"added {self.rel(path)}"

    def delete(self) -> str:
        path = self.pick()
        text = path.read_text(encoding="utf-8")
        for src in set(re.findall(r"src: ([^,}\s]+)", text.split("\n---\n", 1)[0])):
            (path.parent / src.strip('"')).unlink(missing_ok=True)
        path.unlink()
        return f"deleted {self.rel(path)}"


# --------------------------------------------------------------------------- git, clones, trees

def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", *args], cwd=cwd,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def commit_all(site: Path, message: str) -> None:
    if not (site / ".git").exists():
        (site / ".gitignore").write_text("/output\n/.output-releases/\n/.sitegen-cache/\n", encoding="utf-8")
        git("init", "-q", "-b", "main", cwd=site)
    git("add", "-A", cwd=site)
    git("commit", "-q", "--allow-empty", "-m", message, cwd=site)


def fresh_clone(site: Path, target: Path, with_output: bool) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    git("clone", "-q", str(site), str(target), cwd=site.parent)
    names = [".sitegen-cache"] + (["output", ".output-releases"] if with_output else [])
    for name in names:
        subprocess.run(["cp", "-a", str(site / name), str(target / name)], check=True)
    return target


def tree_difference(a: Path, b: Path) -> str | None:
    """The first difference between two published trees (symlinks followed), or None."""
    def files(root: Path) -> set[str]:
        root = root.resolve()
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
    left, right = files(a), files(b)
    if only := sorted(left - right):
        return f"only in the incremental build: {only[0]} (and {len(only) - 1} more)"
    if only := sorted(right - left):
        return f"only in the clean build: {only[0]} (and {len(only) - 1} more)"
    for rel in sorted(left):
        if not filecmp.cmp(a.resolve() / rel, b.resolve() / rel, shallow=False):
            return f"bytes differ: {rel}"
    return None


# --------------------------------------------------------------------------- the rows

@dataclass
class Cell:
    row: str
    label: str
    size: int
    builds: list[Build] = field(default_factory=list)
    expect_read: int | None = 0
    """Articles a local build reads for this change; None: not judged (a clean build)."""
    no_change: bool = False
    """Nothing changed since the build the cache holds: local work is no page rendered."""
    target: str = ""
    baseline: str = ""
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(b.seconds for b in self.builds)


TARGETS = {  # (row, size) -> (issue 15's "today", its target)
    ("edit", 10_000): ("8.7 s", "≤ 2 s"), ("edit", 100_000): ("112.6 s", "≤ 3 s"),
    ("add", 100_000): ("—", "≤ 3 s"), ("delete", 100_000): ("—", "≤ 3 s"),
    ("noop", 100_000): ("5.4 s", "≤ 0.5 s"),
    ("memory", 100_000): ("2.78 GB", "≤ 2 GB"),
    ("ratio-pagefind", 10_000): ("0.64×", "≤ 0.5×"), ("ratio-nosearch", 10_000): ("≈ 1.4–1.8×", "≤ 1.0×"),
    ("ratio-hugo", 1_000): ("6.7×", "≤ 2×"),
}


def target(row: str, size: int) -> tuple[str, str]:
    if (row, size) in TARGETS:
        return TARGETS[(row, size)]
    at = sorted(s for r, s in TARGETS if r == row)
    return ("—", f"— (issue: {TARGETS[(row, at[0])][1]} at {at[0]:,})") if at else ("—", "—")


class Bench:
    def __init__(self, args, work: Path):
        self.args, self.work = args, work
        self.cells: list[Cell] = []
        self.cold: dict[tuple[int, str], list[Build]] = {}
        self.equivalence: list[str] = []
        self.binaries: dict[str, str] = {}

    def log(self, text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)

    def cell(self, row: str, label: str, size: int, expect_read: int | None = 0, no_change: bool = False,
             note: str = "") -> Cell:
        baseline, goal = target(row, size)
        cell = Cell(row, label, size, expect_read=expect_read, no_change=no_change, target=goal, baseline=baseline,
                    note=note)
        self.cells.append(cell)
        return cell

    def record(self, cell: Cell, b: Build, what: str) -> Build:
        cell.builds.append(b)
        r = b.report
        self.log(f"{cell.size:>7} {cell.label:<38} {b.seconds:7.2f} s  read {r.parsed} rendered {r.rendered} "
                 f"changed {r.changed}/{r.files}  PSS {b.pss_mb:.0f} MB  ({what})")
        if cell.row in ("edit", "add") and not r.up_to_date and r.rendered == 0:
            self.log("  !! an edit that rendered no page: the edit did not reach the build (bench bug?)")
        return b

    # -- size

    def size(self, size: int) -> None:
        rows, runs = self.args.rows, self.args.runs
        pristine = generate("sitegen", size, self.work / f"sitegen-{size}")
        site = self.work / f"incremental-{size}"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(pristine, site, symlinks=True,
                        ignore=shutil.ignore_patterns("output", ".output-releases", ".sitegen-cache", ".git"))
        Sitegen(site, True)  # search as the corpus has it (on)
        corpus = Corpus(site, self.args.seed + size)
        if "cold" in rows:
            self.cold_rows(size, site)
        else:
            memory = self.cell("memory", "cold build (memory row)", size, expect_read=None) if "memory" in rows else None
            for number in range(runs if memory else 1):
                b = measured(Sitegen(site, True).cold)
                self.log(f"{size:>7} cold build of the corpus: {b.seconds:.1f} s, PSS {b.pss_mb:.0f} MB")
                if memory:
                    memory.builds.append(b)
        if "edit" in rows:
            for kind in EDIT_KINDS:
                cell = self.cell("edit", f"one article edited: {kind}", size, expect_read=1, note=EDIT_NOTES.get(kind, ""))
                for number in range(runs):
                    what = corpus.edit(kind, number)
                    self.record(cell, build(site), what)
        for row, label, expect in (("add", "one article added", 1), ("delete", "one article deleted", 0)):
            if row in rows:
                cell = self.cell(row, label, size, expect_read=expect)
                for number in range(runs):
                    what = corpus.edit(row, number)
                    self.record(cell, build(site), what)
        if "noop" in rows:
            cell = self.cell("noop", "no change", size, no_change=True)
            build(site)  # settles anything an earlier row left (not timed)
            for number in range(runs):
                self.record(cell, build(site), "no change")
        if "clone" in rows:
            self.clone_rows(size, site, corpus)
        if "equivalence" in rows and self.args.equivalence:
            self.equivalence_row(size, site, corpus)

    def clone_rows(self, size: int, site: Path, corpus: Corpus) -> None:
        runs = self.args.runs
        build(site)  # the cache and output match the files to be committed
        commit_all(site, "corpus")
        noop = self.cell("clone", "fresh clone + cache + output: no change", size, no_change=True)
        edit = self.cell("clone", "fresh clone + cache + output: body edit", size, expect_read=1)
        ci = self.cell("clone", "fresh clone + cache, no output/ (CI): first build", size, no_change=True)
        ci_edit = self.cell("clone", "fresh clone + cache, no output/ (CI): then body edit", size, expect_read=1)
        for number in range(runs):
            for with_output, first, second in ((True, noop, edit), (False, ci, ci_edit)):
                clone = fresh_clone(site, self.work / f"clone-{size}", with_output)
                self.record(first, build(clone), "after clone")
                clone_corpus = Corpus(clone, self.args.seed + size + 1000 * (number + 1))
                clone_corpus.used = {clone / p.relative_to(site) for p in corpus.used}
                what = clone_corpus.edit("body", 100 + number)
                self.record(second, build(clone), what)
                shutil.rmtree(clone)
        ci.note = ("output/ absent: every page is written" if all(b.report.changed == b.report.files for b in ci.builds)
                   else "")

    def cold_rows(self, size: int, site: Path) -> None:
        if not self.binaries:
            self.binaries = peers(self.work)
            from sitegen.search import _pagefind
            self.binaries["pagefind"] = _pagefind()
        tools = {
            "sitegen": Sitegen(site, True),
            "sitegen (no search)": Sitegen(generate("sitegen", size, self.work / f"sitegen-nosearch-{size}"), False),
            "Hugo": Hugo(generate("hugo", size, self.work / f"hugo-{size}"), self.binaries["hugo"]),
        }
        names = list(tools)
        for number in range(self.args.runs):
            for name in names if number % 2 == 0 else list(reversed(names)):
                b = measured(tools[name].cold)
                self.cold.setdefault((size, name), []).append(b)
                self.log(f"{size:>7} cold {name:<22} {b.seconds:7.2f} s  PSS {b.pss_mb:.0f} MB  RSS {b.rss_mb:.0f} MB")
                if name == "Hugo":
                    p = measured(lambda: run([self.binaries["pagefind"], "--site", "public"], tools[name].site))
                    self.cold.setdefault((size, "Pagefind over Hugo's output"), []).append(p)
                    self.log(f"{size:>7} cold {'Pagefind over Hugo':<22} {p.seconds:7.2f} s  PSS {p.pss_mb:.0f} MB")

    def equivalence_row(self, size: int, site: Path, corpus: Corpus) -> None:
        k, every = self.args.equivalence, self.args.compare_every
        rng = random.Random(self.args.seed * 7 + size)
        cell = self.cell("equivalence", f"{k} random edits: incremental build", size, expect_read=1)
        clean_cell = self.cell("equivalence", "clean build (--no-cache) to compare", size, expect_read=None)
        clean = self.work / f"clean-{size}"
        kinds = EDIT_KINDS + ("add", "delete")
        compared, started = 0, time.perf_counter()
        for number in range(1, k + 1):
            kind = rng.choice(kinds)
            what = corpus.edit(kind, 1000 + number)
            self.record(cell, build(site), f"edit {number}/{k}: {what}")
            if number % every and number != k:
                continue
            shutil.rmtree(clean, ignore_errors=True)
            clean.mkdir(parents=True)
            self.record(clean_cell, build(site, "--no-cache", "--output", str(clean / "output")), "clean")
            compared += 1
            difference = tree_difference(site / "output", clean / "output")
            if difference:
                self.equivalence.append(f"{size:,} articles: after edit {number} ({what}): {difference}")
                self.log(f"  !! {self.equivalence[-1]}")
                break
        else:
            self.equivalence.append(f"{size:,} articles: {k} edits, {compared} compared with a clean build "
                                    f"(after every {every}-th edit and the last): no difference")
        self.equivalence[-1] += f"; the row took {time.perf_counter() - started:.0f} s"
        shutil.rmtree(clean, ignore_errors=True)


# --------------------------------------------------------------------------- the report

def stages_text(builds: list[Build]) -> str:
    names = [name for name in builds[0].report.stages]
    medians = {n: statistics.median(b.report.stages.get(n, 0.0) for b in builds) for n in names}
    return " · ".join(f"{n} {s:.2f}" for n, s in medians.items() if s >= 0.05) or "—"


def local_text(cell: Cell) -> str:
    reports = [b.report for b in cell.builds]
    if cell.expect_read is None:
        return "— (a clean or cold build)"
    if all(r.up_to_date for r in reports):
        return "yes: up to date, answered from stamps"
    parsed = max(r.parsed or 0 for r in reports)
    rendered = max(r.rendered or 0 for r in reports)
    pages = max(r.pages for r in reports)
    changed = max(r.changed or 0 for r in reports)
    files = max(r.files or 0 for r in reports)
    local = parsed <= cell.expect_read and rendered <= (0 if cell.no_change else max(50, 0.02 * pages))
    return (f"{'yes' if local else '**no**'}: read ≤ {parsed}, rendered ≤ {rendered} of {pages} pages, "
            f"≤ {changed} of {files} files changed")


def write_results(bench: Bench, args, sizes: list[int], command: str) -> None:
    from sitegen import __version__

    hugo = "not run"
    if bench.binaries:
        hugo = subprocess.run([bench.binaries["hugo"], "version"], capture_output=True, text=True).stdout.split()[1]
        pagefind = subprocess.run([bench.binaries["pagefind"], "--version"], capture_output=True, text=True).stdout.strip()
        hugo += f"; {pagefind}"
    lines = [
        "# Incremental builds: issue 15's target table", "",
        f"Generated by `{command}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", "",
        f"- Machine: {machine()} (shared with other work; the bench runs under `nice -n 10`)",
        f"- sitegen {__version__} (commit {git_head()}); Hugo {hugo}",
        "- Corpora: `../shared/bench/gen_corpus.py --images`; every build is a new process with the previous "
        "build's cache (`.sitegen-cache/`) on disk.",
        f"- Each cell: median wall-clock seconds of {args.runs} run(s); every run of an edit row edits another "
        f"article (seed {args.seed}). PSS: peak of the summed proportional set sizes of all the build's "
        "processes, sampled every 0.5 s (short builds may get one sample or none); RSS: the largest single "
        "process (os.wait4).",
        "- \"Local work\" is read from the build's closing line: articles read no more than the change needs "
        "(1 for an edit or addition, 0 otherwise), pages rendered at most max(50, 2 % of the pages), none where "
        "nothing changed since the build the cache holds; figures are the largest over the runs. Stages: the medians the closing line prints, those of at least 0.05 s.", "",
        "| articles | row | measured | issue's today | issue's target | local work (build's report) | stages (s) | peak PSS | note |",
        "|---:|---|---:|---:|---:|---|---|---:|---|",
    ]
    for cell in bench.cells:
        if not cell.builds:
            continue
        pss = max(b.pss_mb for b in cell.builds)
        seconds = [b.seconds for b in cell.builds]
        spread = f" ({min(seconds):.2f}–{max(seconds):.2f})" if len(seconds) > 1 else ""
        lines.append(f"| {cell.size:,} | {cell.label} | {cell.median:.2f} s{spread} | {cell.baseline} | {cell.target} | "
                     f"{local_text(cell)} | {stages_text(cell.builds)} | {pss:,.0f} MB | {cell.note} |")
    if bench.cold:
        lines += ["", "## Cold builds (tools alternated run by run)", "",
                  "| articles | tool | cold build | peak PSS, all processes | largest RSS | stages (s) |",
                  "|---:|---|---:|---:|---:|---|"]
        for (size, name), builds in bench.cold.items():
            stages = stages_text(builds) if name.startswith("sitegen") else "—"
            lines.append(f"| {size:,} | {name} | {statistics.median(b.seconds for b in builds):.2f} s | "
                         f"{max(b.pss_mb for b in builds):,.0f} MB | {max(b.rss_mb for b in builds):,.0f} MB | {stages} |")
        lines += ["", "| articles | ratio (lower is better) | measured | issue's today | issue's target |",
                  "|---:|---|---:|---:|---:|"]
        for size in sizes:
            med = {name: statistics.median(b.seconds for b in builds)
                   for (s, name), builds in bench.cold.items() if s == size}
            if "Hugo" not in med:
                continue
            hugo_pagefind = statistics.median(h.seconds + p.seconds for h, p in
                                              zip(bench.cold[(size, "Hugo")], bench.cold[(size, "Pagefind over Hugo's output")]))
            for key, label, ours, theirs in (
                    ("ratio-pagefind", "sitegen (search) / (Hugo + Pagefind)", med["sitegen"], hugo_pagefind),
                    ("ratio-nosearch", "sitegen (search = false) / Hugo", med["sitegen (no search)"], med["Hugo"]),
                    ("ratio-hugo", "sitegen (search) / Hugo", med["sitegen"], med["Hugo"])):
                baseline, goal = target(key, size)
                lines.append(f"| {size:,} | {label} | {ours / theirs:.2f}× ({ours:.1f} s / {theirs:.1f} s) | "
                             f"{baseline} | {goal} |")
        memory = [(s, b) for (s, name), bs in bench.cold.items() if name == "sitegen" for b in bs]
    else:
        memory = [(c.size, b) for c in bench.cells if c.row == "memory" for b in c.builds]
    if memory:
        lines += ["", "## Memory of a cold build (sitegen, search on)", "",
                  "| articles | peak PSS, all processes together | largest single RSS | issue's today | issue's target |",
                  "|---:|---:|---:|---:|---:|"]
        for size in sorted({s for s, _ in memory}):
            baseline, goal = target("memory", size)
            builds = [b for s, b in memory if s == size]
            lines.append(f"| {size:,} | {max(b.pss_mb for b in builds):,.0f} MB | {max(b.rss_mb for b in builds):,.0f} MB "
                         f"| {baseline} | {goal} |")
    if bench.equivalence:
        lines += ["", "## Equivalence at scale (incremental output vs a clean `--no-cache` build, byte for byte)", ""]
        lines += [f"- {line}" for line in bench.equivalence]
    notes = HERE / "INCREMENTAL_NOTES.md"
    if notes.exists() and args.results.resolve() == (HERE / "INCREMENTAL_RESULTS.md").resolve():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    args.results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.results}")


def git_head() -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="runs per cell (default 3)")
    ap.add_argument("--rows", default=",".join(ROWS), help=f"comma-separated subset of {','.join(ROWS)}")
    ap.add_argument("--seed", type=int, default=15, help="seed of the edited articles and edits (default 15)")
    ap.add_argument("--equivalence", type=int, default=20, metavar="K", help="random edits in the equivalence row (default 20)")
    ap.add_argument("--compare-every", type=int, default=5, metavar="M", help="clean build after every M-th edit (default 5)")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default /tmp/sitegen-bench)")
    ap.add_argument("--results", type=Path, default=HERE / "INCREMENTAL_RESULTS.md", help="the Markdown report")
    args = ap.parse_args(argv)
    args.rows = [r for r in args.rows.split(",") if r]
    if unknown := set(args.rows) - set(ROWS):
        ap.error(f"unknown rows: {', '.join(sorted(unknown))}")
    work = (args.work or Path(tempfile.gettempdir()) / "sitegen-bench").resolve()
    if REPO in work.parents or work == REPO:
        sys.exit("--work must be outside the repository")
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    command = "bench/incremental.py " + " ".join(argv if argv is not None else sys.argv[1:])
    bench = Bench(args, work)
    for size in sizes:
        bench.size(size)
    write_results(bench, args, sizes, command)
    return 1 if any("differ" in line or "only in" in line for line in bench.equivalence) else 0


if __name__ == "__main__":
    sys.exit(main())
