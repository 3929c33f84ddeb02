"""The long fuzzing run: hostile articles through the real `sitegen` command, each with a time limit.

    python bench/fuzz.py --cases 2000 [--seed 1] [--timeout 60] [--keep DIR]

Same strategies and properties as tests/test_fuzz.py (tests/fuzzing.py), but through the command in
a child process, so that a hang is counted instead of stalling the run: `sitegen build` and
`sitegen check` must exit 0 or 1 within the timeout, output/ must be byte for byte as it was after a
failed build, and `check` must fail exactly when the build does.  Prints the cases, the builds that
passed and failed, each kind of violation with its first reproducer (kept in --keep DIR), and the
slowest case.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from fuzzing import HOSTILE_FILE, article_file, write_good_site  # noqa: E402


def png() -> bytes:
    from conftest import png as tiny_png
    return tiny_png()


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def sitegen(site: Path, timeout: float, *args: str) -> tuple[int | None, str, float]:
    """(exit code or None on a hang, stderr, seconds)."""
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "sitegen.cli", *args], cwd=site, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", time.perf_counter() - started
    return done.returncode, done.stderr, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per command before it counts as a hang")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "sitegen-fuzz-findings")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sitegen-fuzz-"))
    good = work / "good"
    write_good_site(good, png())
    code, stderr, _ = sitegen(good, args.timeout, "build", "--no-cache", "--drafts", "--future")
    assert code == 0, stderr
    good_output = files_of(good / "output")
    tally: Counter = Counter()
    findings: dict[str, Path] = {}
    slowest = (0.0, None)

    def finding(kind: str, data: bytes, detail: str) -> None:
        tally[kind] += 1
        if kind not in findings:
            folder = args.keep / kind
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "article.md").write_bytes(data)
            (folder / "details.txt").write_text(detail, encoding="utf-8")
            findings[kind] = folder

    @seed(args.seed)
    @settings(max_examples=args.cases, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(data=article_file())
    def case(data: bytes) -> None:
        nonlocal slowest
        site = work / "case"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(good, site, symlinks=True)  # output/ is a link into .output-releases/
        (site / HOSTILE_FILE).write_bytes(data)
        tally["cases"] += 1
        built, build_err, seconds = sitegen(site, args.timeout, "build", "--no-cache", "--drafts", "--future")
        checked, check_err, check_seconds = sitegen(site, args.timeout, "check", "--no-strict")
        if seconds + check_seconds > slowest[0]:
            slowest = (seconds + check_seconds, data)
        for command, exit_code, err in (("build", built, build_err), ("check", checked, check_err)):
            if exit_code is None:
                finding(f"hang-{command}", data, f"no answer in {args.timeout} s")
            elif exit_code not in (0, 1) or "Traceback" in err:
                finding(f"traceback-{command}", data, err)
        if built == 1:
            tally["build failed"] += 1
            if files_of(site / "output") != good_output:
                finding("output-changed", data, build_err)
        elif built == 0:
            tally["build passed"] += 1
        if built in (0, 1) and checked in (0, 1) and built != checked:
            finding("check-disagrees", data, f"build exit {built}, check exit {checked}\n{build_err}\n{check_err}")
        if tally["cases"] % 50 == 0:
            print(f"... {tally['cases']} cases, {sum(n for k, n in tally.items() if k.startswith(('hang', 'traceback')))}"
                  " tracebacks or hangs so far", flush=True)

    try:
        case()
    except KeyboardInterrupt:
        print("interrupted: the figures below are for the cases run so far")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    tracebacks = tally["traceback-build"] + tally["traceback-check"]
    hangs = tally["hang-build"] + tally["hang-check"]
    print(f"cases: {tally['cases']} (build passed {tally['build passed']}, failed {tally['build failed']})")
    print(f"tracebacks: {tracebacks}  hangs: {hangs}  output changed after a failure: {tally['output-changed']}  "
          f"check disagrees with build: {tally['check-disagrees']}")
    print(f"slowest case: {slowest[0]:.2f} s for build + check ({len(slowest[1] or b''):,} bytes)")
    for kind, folder in sorted(findings.items()):
        print(f"  {kind}: {tally[kind]}, first reproducer in {folder}")


if __name__ == "__main__":
    main()
