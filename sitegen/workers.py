"""Work spread over the cores: forked worker processes that inherit what the parent set up.

Stages put the data their workers need in a module global before the pool forks, so only small
arguments (paths, indices) travel to the workers; results come back pickled.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

Mapper = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]


@contextmanager
def forked_map(jobs: int, worth_it: bool = True, chunksize: int = 1) -> Iterator[Mapper]:
    """A `map` whose calls run in `jobs` forked workers, results in order; the plain built-in map
    (in this process) when `jobs` is 1, the work is too small to be `worth_it`, or fork is missing."""
    if jobs <= 1 or not worth_it or "fork" not in multiprocessing.get_all_start_methods():
        yield map
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        yield lambda function, items: pool.map(function, items, chunksize=chunksize)
