"""Mutation testing of sitegen's core modules: how many small deliberate breaks do the tests see?

    .venv/bin/pip install mutmut==3.8.1          # not a test dependency: only this script needs it
    .venv/bin/python bench/mutation.py site related planner     # modules of sitegen/, default: all of CORE
    .venv/bin/python bench/mutation.py --report-only site related pages   # tables from the last run
    .venv/bin/python bench/mutation.py --sample 60 --seed 1      # 60 mutants drawn per module (see below)

--sample N runs N mutants drawn at random from each module's (with --seed: the same draw every
time, so a run after new tests re-runs the same mutants) instead of all of them: the complete run
of the core modules is about 4,000 mutants, days of one core, while the kill rate of a uniform
sample of 60 is known to about +-8 points (the table gives the 95 % Wilson interval).  Random
mutant sampling is the standard way to measure a suite's mutation score when the full run does
not fit (Wong & Mathur 1995; Zhang et al., "Operator-based and random mutant selection", 2013).

mutmut 3 writes a copy of the project with every mutant of every function built in (selected at run
time by an environment variable) and forks one test process per mutant, running only the tests that
call the mutated function, fastest first, stopping at the first failure.  This script runs it in a
scratch copy of the repository (.mutation/, ignored by git) so that mutmut's own folder and settings
stay out of the work tree, against the pure-Python tests only, and prints per module: mutants,
killed, survived, timeout, kill rate (of the mutants checked: "not checked" are those a run stopped
before reaching).  The kill rate leaves out the mutants listed in EQUIVALENT
(bench/MUTATION.md says why each is equivalent: no input can tell it from the original).
The survivors' diffs are printed with --survivors; bench/MUTATION.md holds the results and the review.

Why mutmut and not cosmic-ray: cosmic-ray runs the whole test command once per mutant (a fresh
interpreter importing numpy, scipy and Jinja each time, and every test), which on two cores is hours
for the ~1,500 mutants of these modules; mutmut 3 forks from an interpreter that has already
imported everything and runs only the covering tests.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORE = ("content", "article_reader", "article_media", "front_matter", "site", "related", "related_matrix", "related_features",
        "related_step", "related_reasons", "output", "output_guard", "freshness", "cache", "cache_trust",
        "output_records", "planner", "listings", "article_views")
SLOW_MARKERS = r"vnu|axe|sync_playwright|new_page|new_context"
"""What a test (or a helper of its module it calls) names when it runs the Nu HTML checker, axe-core
or Chromium; a test with the `browser` fixture drives Chromium too.  Such tests are left out one by
one (HOOKS), not their whole file: a file that has one browser test holds the build tests of its
feature (the gallery, the podcast, the banner), and leaving it out left those features unwatched."""
SLOW_FILES = {
    "test_incremental.py": "a Hypothesis state machine of edits: over a minute for every surviving mutant",
    "test_sample_portal.py": "builds the sample portal through the CLI in a child process, which imports the "
                             "unmutated sitegen: it cannot kill a mutant",
    "test_check_new.py": "mostly the CLI in child processes (unmutated sitegen), and check.py is not mutated",
    "test_atomic_publish.py": "builds through the CLI in child processes (the unmutated sitegen, reading the "
                              "repository's themes) and compares them with in-process builds (the scratch copy's "
                              "themes): while the themes are being edited they differ and mutmut's clean run fails",
    "test_cluster.py": "Dask workers and the CLI in child processes: the CLI runs the unmutated sitegen, whose "
                       "code_version differs from the workers' (mutmut's copy), so it refuses them and mutmut's "
                       "clean run fails; a cluster build is compared byte for byte with a local one, which the "
                       "other tests cover",
}
DESELECTED = {
    "tests/test_cache_trust.py::test_a_damaged_cache_is_said_and_rebuilt_never_published":
        "builds in-process, then in a child process: the child's sitegen (unmutated source) has another "
        "code_version than the mutated copy, drops the whole cache as foreign and never sees the damaged row, "
        "so the test fails even with no mutant active and mutmut cannot start",
    "tests/test_bad_input.py::test_ctrl_c_is_exit_130_and_output_stays":
        "the CLI in a child process (unmutated sitegen: cannot kill a mutant), interrupted on a timer: "
        "failed mutmut's clean run on the loaded machine",
}
"""Tests that cannot pass under mutmut's copy of the sources, and why."""
FIRST = {
    "output": ("test_mutants_output", "test_publish_mutants", "test_output", "test_atomic_publish", "test_publish_guards"),
    "output_guard": ("test_mutants_output", "test_publish_mutants", "test_output", "test_atomic_publish",
                     "test_publish_guards"),
    "cache": ("test_mutants_cache", "test_cache_trust", "test_output", "test_publish_guards"),
    "cache_trust": ("test_mutants_cache", "test_cache_trust", "test_output", "test_publish_guards"),
    "output_records": ("test_mutants_cache", "test_cache_trust", "test_output", "test_publish_guards"),
    "freshness": ("test_mutants_freshness", "test_publish_guards"),
    "related": ("test_mutants_related", "test_related", "test_related_order"),
    "related_matrix": ("test_mutants_related", "test_related", "test_related_headline_names", "test_related_step"),
    "related_features": ("test_mutants_related", "test_related", "test_related_order"),
    "related_step": ("test_related_step", "test_related", "test_incremental"),
    "related_reasons": ("test_mutants_related", "test_related", "test_related_order"),
    "article_reader": ("test_bad_input", "test_vietnamese", "test_raw_html"),
    "article_media": ("test_bad_input", "test_vietnamese", "test_raw_html"),
    "front_matter": ("test_bad_input", "test_check_new"),
    "planner": ("test_pages", "test_page_addresses", "test_feeds_sitemaps_meta", "test_article_boxes"),
    "listings": ("test_pages", "test_page_addresses", "test_feeds_sitemaps_meta", "test_article_boxes"),
    "article_views": ("test_pages", "test_page_addresses", "test_feeds_sitemaps_meta", "test_article_boxes"),
    "site": ("test_term_names", "test_pages"),
    "content": ("test_bad_input", "test_pages", "test_withdrawn"),
}
"""Per module, the test files a mutant of it runs first.  mutmut runs a mutant's covering tests
fastest first and stops at the first failure; these files hold the tests most likely to fail, so a
killed mutant is known after seconds instead of after every fast build test.  The order changes no
verdict: a survivor passes all its tests in any order, a killed mutant fails one of them."""
HOOKS = f"""

# Added by bench/mutation.py (scratch copy only).
def pytest_collection_modifyitems(config, items):
    import inspect, os, re
    # Leave out the tests that drive Chromium or run the Nu checker / axe-core (bench/mutation.py
    # SLOW_MARKERS): minutes per mutant.
    slow = re.compile({SLOW_MARKERS!r})
    def source(obj):
        try:
            return inspect.getsource(obj)
        except (OSError, TypeError):
            return ""
    helpers = {{}}
    def is_slow(item):
        function = getattr(item, "function", None)
        if function is None:
            return False
        if "browser" in getattr(item, "fixturenames", ()):
            return True
        module = inspect.getmodule(function)
        if module.__name__ not in helpers:
            helpers[module.__name__] = [name for name, value in vars(module).items() if inspect.isfunction(value)
                                        and not name.startswith("test_") and slow.search(source(value))]
        text = source(function)
        return bool(slow.search(text)) or any(re.search(rf"\\b{{name}}\\(", text) for name in helpers[module.__name__])
    left_out = [item for item in items if is_slow(item)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]
    # Under a mutant, run the test files most likely to kill it first (bench/mutation.py FIRST);
    # this changes no verdict, only how soon it is known.
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if not mutant.startswith("sitegen."):
        return
    first = {FIRST!r}.get(mutant.split(".")[1], ())
    rank = lambda item: next((n for n, name in enumerate(first) if f"/{{name}}.py::" in f"/{{item.nodeid}}"), len(first))
    items.sort(key=rank)
"""
EXIT_STATUS = {1: "killed", 3: "killed", 0: "survived", 36: "timeout", -24: "timeout", 24: "timeout",
               152: "timeout", 255: "timeout", 33: "no tests", 5: "no tests", None: "not checked"}
EQUIVALENT: dict[str, str] = {
    "sitegen.site.xǁSiteǁauthor__mutmut_2":
        "`if name or True`: variant_key('') is '', and no author has the key '' (_terms skips empty keys)",
    "sitegen.site.xǁSiteǁ_terms__mutmut_19":
        "counting each spelling +2 instead of +1 doubles every count: the ranking of spellings is the same",
    "sitegen.output.xǁOutputWriterǁ_as_recorded__mutmut_1":
        "`or` -> `and`: every caller passes a record already checked not None, and a None path only "
        "when there is no live tree, when `previous` is empty so no record reaches it",
    "sitegen.output.xǁOutputWriterǁ_as_recorded__mutmut_4":
        "`return True` when path or record is None: never reached (same reason as _mutmut_1)",
    **{f"sitegen.cache.x_set_aside__mutmut_{n}":
       "a -wal/-shm file of another name is left beside the new cache: SQLite ignores a log that is not its "
       "database's (checked with a garbage one and with a valid log of another database), so no build differs"
       for n in (5, 6, 7, 8)},
    "sitegen.cache.x_set_aside__mutmut_19":
        "`exists() and is_symlink()`: a file or link left at cache.sqlite.damaged is replaced by os.rename anyway",
    "sitegen.cache.xǁOutputRecordǁsealed__mutmut_14":
        "the filler sealed for a record without page key (b'' -> b'XXXX') is the same when written and checked",
    "sitegen.freshness.x_input_fingerprint__mutmut_2":
        "`newest = 1`: every watched file's stamps are far above 1 ns; with no file the racy test is false either way",
    "sitegen.freshness.x_input_fingerprint__mutmut_5":
        "a 17-byte fingerprint: it is only ever compared with one the same code made",
    **{f"sitegen.freshness.x_input_fingerprint__mutmut_{n}":
       "the constant hashed for a missing config.toml (the build then fails on the missing file anyway)"
       for n in (14, 15)},
    **{f"sitegen.output.xǁOutputWriterǁcopy__mutmut_{n}":
       "the prefix that marks a copied file's key: only compared with keys the same code made"
       for n in (4, 5)},
    **{f"sitegen.output.xǁOutputWriterǁcopy__mutmut_{n}":
       "a copied file never taken as intact: it is read and written again, and `put` finds the live file holds "
       "those bytes, so the same file (inode, mtime) is published; only the re-read is lost"
       for n in (6, 7)},
    **{f"sitegen.output.xǁOutputWriterǁpublish__mutmut_{n}":
       "the temporary name of the new link in the releases folder: any name not otherwise used works" for n in (4, 5)},
    "sitegen.output.xǁOutputWriterǁ_prepare__mutmut_21":
        "the records of a standby tree whose folder is gone taken as known: every file they name is then "
        "missing from the disk, so `_standby_holds` finds none, each is placed anew, and the stale ones "
        "`_unlink` finds already gone: the same tree",
    "sitegen.output.xǁOutputWriterǁ_standby_holds__mutmut_7":
        "`<` for `<=` 64 MiB: a file of exactly 64 MiB in a standby of unknown content is linked again "
        "instead of read and kept: the same bytes published",
    **{f"sitegen.cache.xǁBuildCacheǁ_rows_in__mutmut_{n}":
       "batches of another size (a step of 1 asks overlapping batches, 501 one more key each): both callers "
       "build a dict of the rows, so the same result, only slower" for n in (10, 15)},
    "sitegen.output_records.xǁOutputRecordsǁ_output_chunks__mutmut_7":
        "the query in capitals: SQLite's keywords and (unquoted) names are the same in any case",
    "sitegen.content.x_find_article_files__mutmut_134":
        "the errno of the error made for a link to nothing: unreadable_problem reads only its strerror",
    "sitegen.output.xǁOutputWriterǁ_remove_unpublished__mutmut_5":
        "`follow_symlinks=None` for False: os.scandir's is_dir takes any false value alike",
    "sitegen.related_features.x_text_features__mutmut_36":
        "np.fromiter without its count: the same array, allocated as it grows",
    "sitegen.related_reasons.x_explain__mutmut_47":
        "the stand-in for a shared feature without a phrase: never used, every shared feature is one of the "
        "article's own and feature_phrases reads the same title, sapo and body its features were made of",
    "sitegen.article_media.xǁMediaFilesǁphoto_at__mutmut_1":
        "the default caption of a photo only the body shows (the one caller that omits it): no output reads it, "
        "the body's figure is captioned from the Markdown",
    "sitegen.article_reader.xǁArticleReaderǁ_article__mutmut_130":
        "the separator of the list of layouts: there is one layout besides the standard (emagazine), so none is printed",
    "sitegen.article_reader.xǁArticleReaderǁ_article__mutmut_391":
        "the hint of the last guard against a RecursionError in Markdown: body_limits refuses every body "
        "nested deep enough to reach it first (no input found that gets there)",
    "sitegen.front_matter.x_read_front_matter__mutmut_43":
        "None for the empty hint of a YAML error without a position: a problem prints its hint only when it "
        "has one, and both are none",
    "sitegen.output_guard.xǁOutputLockǁacquire__mutmut_24":
        "`>` for `>=` at the lock's deadline: equal only if the monotonic clock has not moved since the "
        "deadline was set, and then one more try 0.1 s later finds the lock as held",
    "sitegen.output.xǁOutputWriterǁpublish__mutmut_25":
        "store_outputs without `before` rewrites every row of the tree instead of the changed ones: the same records",
}
"""mutant name -> why no build can tell it from the original (from the review of the survivors)."""


def pure_python_tests() -> list[str]:
    chosen = []
    for path in sorted((REPO / "tests").glob("test_*.py")):
        if path.name in SLOW_FILES:
            continue
        chosen.append(f"tests/{path.name}")
    return chosen


def prepare(work: Path, modules: list[str], tests: list[str]) -> None:
    """A fresh scratch copy of the sources mutmut needs, with its settings."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    for name in ("sitegen", "tests", "themes", "content"):  # content: the sample portal some tests build
        shutil.copytree(REPO / name, work / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    shutil.copy(REPO / "config.toml", work / "config.toml")  # the sample portal's, with its content/
    with open(work / "tests" / "conftest.py", "a", encoding="utf-8") as conftest:
        conftest.write(HOOKS)
    lines = ["[mutmut]", "source_paths = sitegen/", "also_copy =", "    themes/", "    content/", "    config.toml",
             "only_mutate =", *(f"    sitegen/{m}.py" for m in modules),
             "pytest_add_cli_args_test_selection =", *(f"    {t}" for t in tests),
             "pytest_add_cli_args =", "    -p", "    no:cacheprovider",
             *(f"    --deselect={test}" for test in DESELECTED),
             # The tests time their own builds; a mutant that makes a build ten times slower is a hang.
             "timeout_multiplier = 10", "timeout_constant = 5", "use_git_change_detection = false", ""]
    (work / "setup.cfg").write_text("\n".join(lines), encoding="utf-8")


GENERATE = """
import os, mutmut.__main__ as m
m.set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
m.copy_src_dir(); m.copy_also_copy_files(); m.setup_source_paths(); m.store_lines_covered_by_tests()
m.create_mutants(1)
"""
"""mutmut 3.8.1's own first step, alone: every mutant written, none run (their names are then known)."""


def drawn(work: Path, modules: list[str], count: int, seed: int) -> list[str]:
    """`count` mutant names per module, drawn with `seed` from the mutants mutmut generated."""
    subprocess.run([str(REPO / ".venv" / "bin" / "python"), "-c", GENERATE], cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    names = []
    for module, statuses in results(work, modules).items():
        every = sorted(statuses)
        names += random.Random(f"{seed}:{module}").sample(every, min(count, len(every)))
    return names


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion `hits` of `n` (sound for small n and rates near 1)."""
    if not n:
        return 0.0, 1.0
    p = hits / n
    centre, half = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def results(work: Path, modules: list[str]) -> dict[str, dict[str, str]]:
    """module -> mutant name -> status, from mutmut's .meta files."""
    found = {}
    for module in modules:
        meta = work / "mutants" / "sitegen" / f"{module}.py.meta"
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        found[module] = {name: EXIT_STATUS.get(code, "suspicious") for name, code in codes.items()}
    return found


def table(found: dict[str, dict[str, str]]) -> list[str]:
    """One row per module.  "no tests": no selected test calls the mutated function, so nothing can
    kill it: counted as not killed (in the rate), unlike "not checked" (a run stopped before it)."""
    rows = ["| module | mutants | not checked | killed | survived | no tests | timeout | equivalent "
            "| kill rate (non-equivalent checked) | 95 % interval |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for module, statuses in found.items():
        count = lambda s: sum(1 for v in statuses.values() if v == s)
        equivalent_as = lambda s: sum(1 for name, v in statuses.items() if name in EQUIVALENT and v == s)
        killed, timeout, unchecked = count("killed"), count("timeout"), count("not checked")
        survived, untested = count("survived") - equivalent_as("survived"), count("no tests") - equivalent_as("no tests")
        equivalent = equivalent_as("survived") + equivalent_as("no tests")
        judged = killed + timeout + survived + untested
        rate = f"{100 * (killed + timeout) / judged:.1f} %" if judged else "-"
        low, high = wilson(killed + timeout, judged)
        rows.append(f"| sitegen/{module}.py | {len(statuses)} | {unchecked} | {killed} | {survived} | {untested} "
                    f"| {timeout} | {equivalent} | {rate} | {100 * low:.0f}-{100 * high:.0f} % |")
    return rows


def show(work: Path, name: str) -> str:
    return subprocess.run([str(REPO / ".venv/bin/mutmut"), "show", name], cwd=work, capture_output=True,
                          text=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=f"of {', '.join(CORE)} (default: all)")
    parser.add_argument("--work", type=Path, default=REPO / ".mutation", help="scratch folder (default .mutation/)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report-only", action="store_true", help="only read the results of the last run")
    parser.add_argument("--survivors", action="store_true", help="print the diff of every surviving mutant")
    parser.add_argument("--sample", type=int, metavar="N", help="run N mutants per module, drawn at random")
    parser.add_argument("--seed", type=int, default=1, help="of the draw (default 1)")
    args = parser.parse_args()
    # (argparse's `choices` rejects a list default given to nargs="*": checked here instead)
    unknown = [m for m in args.modules if m not in CORE]
    if unknown:
        parser.error(f"not a core module: {', '.join(unknown)} (choose from {', '.join(CORE)})")
    args.modules = args.modules or list(CORE)
    tests = pure_python_tests()
    started = time.time()
    if not args.report_only:
        prepare(args.work, args.modules, tests)
        mutmut = REPO / ".venv" / "bin" / "mutmut"
        if not mutmut.exists():
            sys.exit("mutmut is missing: .venv/bin/pip install mutmut==3.8.1")
        names = drawn(args.work, args.modules, args.sample, args.seed) if args.sample else []
        with open(args.work / "mutmut.log", "w", encoding="utf-8") as log:  # why a run stopped, if it did
            subprocess.run([str(mutmut), "run", "--max-children", str(args.max_children), *names], cwd=args.work,
                           stdout=log, stderr=subprocess.STDOUT)
    found = results(args.work, args.modules)
    print(f"tests: {' '.join(tests)}")
    if not args.report_only:
        print(f"time: {time.time() - started:.0f} s with {args.max_children} workers")
    print("\n".join(table(found)))
    if args.survivors:
        for module, statuses in found.items():
            for name, status in statuses.items():
                if status not in ("killed", "timeout", "not checked"):
                    print(f"\n## {name}: {status}{' (equivalent: ' + EQUIVALENT[name] + ')' if name in EQUIVALENT else ''}")
                    print(show(args.work, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
