"""Dask distributed as the place a build's per-item work runs (`sitegen build --scheduler ...`).

`DaskWorkers` is the other implementation of `workers.Workers`: a stage's context is shipped to
every worker of the cluster once (`Client.scatter(..., broadcast=True)`), its items go in batches
of a few hundred per task, and the results come back to this process — the coordinator — in
order.  The coordinator keeps the cache and makes every write to output/ and to the cache, so the
output is byte for byte a local build's.

What a worker needs besides what is shipped: the same sitegen (and Python packages) as the
coordinator, and the site folder at the same path (a shared filesystem, or the same checkout):
articles are read, and their photos checked, where the coordinator's paths say.  Templates travel
with the renderer (`templates.Renderer.__reduce__`), so a worker's installed theme files do not matter.

Dask is imported only here, and this module only when `--scheduler` is given.
"""

from __future__ import annotations

import io
import pickle
import socket
import threading
from concurrent.futures import CancelledError
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from . import __version__
from .cache import BuildCache
from .digests import code_version
from .errors import BuildFailed, Problem
from .workers import Mapper

BATCH = 256
"""Items per task: a task costs a round trip through the scheduler (milliseconds), an item (an
article read, a page rendered) about a millisecond of work: hundreds per task keep the overhead small."""
CONNECT_TIMEOUT = 10
"""Seconds to wait for the scheduler to answer."""

_one_at_a_time = threading.Lock()
"""A worker may run several threads; the contexts (a Markdown parser, a Jinja environment) are used
by one task at a time, as in a local worker process."""


class DaskWorkers:
    """The workers of a Dask cluster, through one client for the whole build."""

    shares_memory = False

    def __init__(self, client: Any, cluster: Any = None):
        self.client = client
        self.cluster = cluster
        """The LocalCluster this build started (`--scheduler local`), closed with it."""

    @classmethod
    def connect(cls, scheduler: str, jobs: int) -> "DaskWorkers":
        """`scheduler`: "local" for a cluster of `jobs` worker processes on this machine, else the
        scheduler's address (tcp://host:8786)."""
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise BuildFailed([Problem("--scheduler", "Dask is not installed, so sitegen cannot use a cluster",
                                       "install it with `pip install 'sitegen[cluster]'`, or build without --scheduler")]) from None
        if scheduler == "local":
            import logging

            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR, preload=["sitegen.cluster"])
            client = Client(cluster)
            try:
                _same_code(client, scheduler)
            except BaseException:
                cluster.close()
                raise
            return cls(client, cluster)
        _reachable(scheduler)
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise _unreachable(scheduler, str(exc)) from None
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT * 3)
        except TimeoutError:
            client.close()
            raise BuildFailed([Problem("--scheduler", f"the Dask scheduler at {scheduler} has no workers",
                                       "start them on each machine: `dask worker " + scheduler + " --nthreads 1` "
                                       "(see docs/cluster.md)")]) from None
        _same_code(client, scheduler)
        return cls(client)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    @contextmanager
    def over(self, context: Any, worth_it: bool = True, chunksize: int = 1, batch: int = BATCH) -> Iterator[Mapper]:
        """A Mapper whose tasks see `context`, sent to every worker once.  `worth_it` and `chunksize`
        are the local pool's: on a cluster the user asked for, every stage runs there."""
        [shipped] = self.client.scatter([_Shipped(context)], broadcast=True, hash=False)
        try:
            yield lambda function, items: self._map(function, shipped, items, max(1, batch))
        finally:
            self.client.cancel([shipped])

    def _map(self, function: Callable[[Any, Any], Any], shipped: Any, items: Iterable[Any], batch: int) -> Iterator[Any]:
        from distributed import KilledWorker
        from distributed.comm import CommClosedError

        # A window of tasks in flight (a few per worker): items are made as they are sent (a batch
        # may carry article bodies), and results are taken in order as they come.
        window = 8 * max(1, len(self.client.scheduler_info().get("workers", {})))
        pending: list[Any] = []
        batches = _batches(items, batch)
        try:
            for chunk in batches:
                pending.append(self.client.submit(_run_batch, function, shipped, chunk, pure=False))
                if len(pending) >= window:
                    yield from pending.pop(0).result()
            while pending:
                yield from pending.pop(0).result()
        except (KilledWorker, CancelledError):
            # A task is tried again on another worker (`distributed.scheduler.allowed-failures`
            # times); here every try died, or the cluster lost what this stage shipped to it.
            raise BuildFailed([Problem("--scheduler", "a Dask worker died while working for this build",
                                       "check the workers' logs (out of memory? a machine gone?), then build again: "
                                       "output/ is as it was")]) from None
        except CommClosedError as exc:  # (what a task itself raises comes back as it is, as from local workers)
            raise BuildFailed([Problem("--scheduler", f"lost the Dask scheduler during the build: {exc}",
                                       "check the scheduler, then build again: output/ is as it was")]) from None
        finally:
            if pending:
                self.client.cancel(pending)


def dask_setup(worker: Any) -> None:
    """`dask worker --preload sitegen.cluster`: the pipeline's modules (numpy, scipy, Jinja, Markdown,
    Pillow) are loaded as the worker starts, not by the first task of every stage."""
    from . import library, photo_plan, related, rendering, renditions, templates  # noqa: F401


def _code_version() -> str:
    return code_version()


def _same_code(client: Any, scheduler: str) -> None:
    """Every worker runs this very sitegen (version and source): a worker with other code would
    make other bytes than the page keys promise."""
    mine = code_version()
    others = sorted(address for address, version in client.run(_code_version).items() if version != mine)
    if others:
        client.close()
        raise BuildFailed([Problem("--scheduler", f"{len(others)} Dask worker(s) run another sitegen than this one "
                                                  f"({__version__}, or the same version with other code): {', '.join(others)}",
                                   "install the same sitegen on every worker machine and restart the workers")])


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_batch(function: Callable[[Any, Any], Any], shipped: Any, chunk: list[Any]) -> list[Any]:
    """On a worker: `function(context, item)` for every item of the batch."""
    context = shipped.context if isinstance(shipped, _Shipped) else shipped
    with _one_at_a_time:
        return [function(context, item) for item in chunk]


class _Shipped:
    """A stage's context on its way to the workers, pickled once (the cache stays here)."""

    def __init__(self, context: Any):
        self.context = context

    def __reduce__(self):
        buffer = io.BytesIO()
        _travel_pickler()(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(self.context)
        return _landed, (buffer.getvalue(),)


def _landed(data: bytes) -> _Shipped:
    return _Shipped(pickle.loads(data))


def _travel_pickler() -> type:
    import cloudpickle  # comes with Dask; pickles the page plan's lambdas too

    class Travel(cloudpickle.Pickler):
        """Pickles a context for another machine: what refers to the coordinator's cache (an SQLite
        connection, there only) arrives as `_CacheStaysHome`, which refuses to be used."""

        def reducer_override(self, obj: Any):
            if type(obj) is BuildCache:
                return _CacheStaysHome, ()
            return super().reducer_override(obj)

    return Travel


class _CacheStaysHome:
    """The build cache, on a worker: never there (the coordinator ships what the cache holds with
    the items that need it), so any use of it is a bug in sitegen, said loudly."""

    def __getattr__(self, name: str):
        raise RuntimeError(f"internal error: a cluster worker asked the build cache for {name!r}; "
                           "what the cache holds must travel with the work items")

    def __reduce__(self):
        return _CacheStaysHome, ()


def _reachable(scheduler: str) -> None:
    """Fail at once, and clearly, when nothing listens at the scheduler's address (Dask itself would
    retry until its timeout, then raise a traceback-shaped message)."""
    parts = urlsplit(scheduler if "://" in scheduler else f"tcp://{scheduler}")
    try:
        port = parts.port or 8786
    except ValueError:
        port = None
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or port is None:
        raise BuildFailed([Problem("--scheduler", f"{scheduler!r} is not a Dask scheduler's address",
                                   "write it as tcp://HOST:8786 (what `dask scheduler` prints), or --scheduler local")])
    try:
        with socket.create_connection((parts.hostname, port), timeout=CONNECT_TIMEOUT):
            pass
    except OSError as exc:
        raise _unreachable(scheduler, exc.strerror or str(exc)) from None


def _unreachable(scheduler: str, reason: str) -> BuildFailed:
    return BuildFailed([Problem("--scheduler", f"cannot reach the Dask scheduler at {scheduler}: {reason}",
                                "start it (`dask scheduler`, then `dask worker tcp://HOST:8786` on each machine), "
                                "check the address and the firewall, or build without --scheduler (or with --scheduler local)")])
