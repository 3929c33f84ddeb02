"""Work spread over workers: `function(context, item)` for every item, results in order.

A stage hands its workers one explicit *context* — the data every item needs (the reader, the
ranking's matrices, the page plan) — and a list of small items (paths, row numbers, page numbers).
`Workers` is the seam between a stage and where its work runs:

- `LocalWorkers` (the default): forked processes on this machine.  The context reaches them once,
  through the pool's initializer: with fork, a process's arguments are inherited, never pickled, so
  matrices of hundreds of megabytes cost nothing to hand over; only the items travel per task, and
  the results come back pickled.
- `sitegen.cluster.DaskWorkers` (`--scheduler`): processes of a Dask cluster, possibly on other
  machines; the context is shipped to each worker once per stage.

Stages ask one thing of where they run: `shares_memory`, whether workers see this process's memory
and files as they were when the stage began (forked workers do; a cluster's do not, and then what
only the coordinator holds — bodies kept in the cache, the staging tree — must travel with the items
or be written back by the coordinator).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import Any, Callable, ContextManager, Iterable, Iterator, Protocol

Mapper = Callable[[Callable[[Any, Any], Any], Iterable[Any]], Iterator[Any]]
"""mapped(function, items): function(context, item) for each item, results in order."""


class Workers(Protocol):
    """Where a stage's per-item work runs."""

    shares_memory: bool
    """Workers see the coordinator's memory and files as they were when the map began."""

    def over(self, context: Any, worth_it: bool = True, chunksize: int = 1, batch: int = 256) -> ContextManager[Mapper]:
        """A context manager giving a Mapper whose calls see `context`.  `worth_it`: the work is big
        enough to pay for spreading it over local processes; items per task: `chunksize` on local
        workers (few: the load stays even), `batch` on a cluster (many: a task costs a round trip
        through its scheduler)."""
        ...

    def close(self) -> None:
        """Let the workers go (at the end of a build)."""
        ...


class _WorkerSlot:
    """The context of a forked worker process.  Set once, by the pool's initializer, in the worker
    itself (the coordinator never sets it): a worker process serves one stage, then exits."""

    context: Any = None


_slot = _WorkerSlot()


def _install(context: Any) -> None:
    _slot.context = context


def _call(function: Callable[[Any, Any], Any], item: Any) -> Any:
    return function(_slot.context, item)


class LocalWorkers:
    """`jobs` forked processes on this machine, one pool per stage."""

    shares_memory = True

    def __init__(self, jobs: int):
        self.jobs = jobs

    @contextmanager
    def over(self, context: Any, worth_it: bool = True, chunksize: int = 1, batch: int = 256) -> Iterator[Mapper]:
        """In this process (no pool at all) when `jobs` is 1, the work is too small to be `worth_it`,
        or the platform cannot fork."""
        if self.jobs <= 1 or not worth_it or "fork" not in multiprocessing.get_all_start_methods():
            yield lambda function, items: (function(context, item) for item in items)
            return
        with ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_install, initargs=(context,)) as pool:
            yield lambda function, items: pool.map(partial(_call, function), items, chunksize=chunksize)

    def close(self) -> None:
        pass


def workers_for(jobs: "int | Workers") -> "Workers":
    """A stage's `jobs` argument as Workers: a number of local processes, or Workers as they are."""
    return LocalWorkers(jobs) if isinstance(jobs, int) else jobs


def forked_map(jobs: int, context: Any = None, worth_it: bool = True, chunksize: int = 1):
    """`LocalWorkers(jobs).over(context, ...)`: function(context, item) in `jobs` forked workers."""
    return LocalWorkers(jobs).over(context, worth_it, chunksize)
