"""Property-based fuzzing of front matter and bodies (a bounded run; bench/fuzz.py runs it long).

For every generated article added to a good site: the build succeeds or raises BuildFailed (never
another exception), within a time bound; after a failure output/ is byte for byte the good build's;
and `check_site` reports errors exactly when the build fails.  Derandomized, so a failure here
fails the same way on every machine; no example database is written into the repository.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import NOW, png
from fuzzing import HOSTILE_FILE, article_file, write_good_site

from sitegen.build import BuildOptions, build
from sitegen.check import check_site
from sitegen.errors import BuildFailed

TIME_BOUND = 20.0
"""Seconds for one build and one check of the small site; the body limits keep real cases under 3."""
OPTIONS = BuildOptions(now=NOW, jobs=1, cache=False, drafts=True, future=True)
"""Drafts and scheduled articles published, as `check` reads them."""


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_site():
    """A good site, built once; each example starts from a copy of it, output/ included."""
    root = Path(tempfile.mkdtemp(prefix="sitegen-fuzz-")) / "site"
    write_good_site(root, png())
    build(root, None, OPTIONS)
    yield root, files_of(root / "output")
    shutil.rmtree(root.parent)


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(data=article_file())
def test_hostile_article_fails_cleanly_or_builds(good_site, data):
    root, good_output = good_site
    site = root.parent / "case"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(root, site, symlinks=True)  # output/ is a link into .output-releases/
    (site / HOSTILE_FILE).write_bytes(data)
    started = time.perf_counter()
    try:
        build(site, None, OPTIONS)
        failed = False
    except BuildFailed as exc:
        failed = True
        assert exc.problems and all(p.file and p.message for p in exc.problems)
    elapsed = time.perf_counter() - started
    if failed:
        assert files_of(site / "output") == good_output, "a failed build changed output/"
    report = check_site(site, OPTIONS)
    assert time.perf_counter() - started < TIME_BOUND, f"build took {elapsed:.1f} s"
    assert bool(report.errors) == failed, (
        f"check found {len(report.errors)} error(s) but the build {'failed' if failed else 'succeeded'}: "
        + "; ".join(str(p) for p in report.errors))
