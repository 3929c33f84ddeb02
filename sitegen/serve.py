"""`sitegen serve`: preview the site while editing, every open tab reloading by itself.

How it stays fast and never shows half a build:

- The site is built into a folder of its own in the cache (never output/), with drafts and
  scheduled articles shown and marked, unless --no-drafts.
- Changes are watched with watchfiles (inotify where available); a burst of saves is gathered
  into one batch, and changes arriving during a rebuild wait for the next one: the last change is
  never lost.  The watcher only hands batches over; one loop rebuilds.
- When only existing articles changed, their pages are rendered again at once from the previous
  build (their "Chuyên mục khác" lists as they were) and the browser reloads: the edit shows in a
  fraction of a second.  Then the full build runs — the same incremental build as `sitegen build`
  — and the browser reloads once more with the exact result.
- Readers are held back while a build moves its files into place, so each request sees one
  complete build.  A build that fails keeps the server running: the terminal and every page show
  the problems (file, line, what is wrong) until a save fixes them.
- What the browser talks to — the pages over HTTP, livereload's websocket, one reload per build
  reaching every open tab — is `preview_server.py`.
"""

from __future__ import annotations

import errno
import os
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Callable

from .article_reader import ArticleReader
from .build import BuildOptions, BuildReport, build
from .cache import CACHE_DIR
from .config_toml import load_config
from .errors import BuildFailed, Problem
from .freshness import WATCHED
from .preview_server import PreviewServer, Reloads

PREVIEW_FOLDER = "serve"


class Preview:
    """The preview server's state: the latest build, its problems, and the lock readers wait on."""

    def __init__(self, site_dir: Path, drafts: bool, jobs: int, log: Callable[[str], None] = partial(print, flush=True)):
        self.site_dir = site_dir
        self.cache_dir = site_dir / CACHE_DIR
        self.output_dir = self.cache_dir / PREVIEW_FOLDER
        # A build of the same site started by hand finishes first: the preview waits for it.
        self.options = BuildOptions(drafts=drafts, future=drafts, jobs=jobs, wait=600.0,
                                    compiled_templates={})  # one theme compiled for all the server's builds
        self.log = log
        self.readers = threading.Lock()
        self.generation = 0  # how many times the pages changed: the number a page's cookie carries
        self.cookie = "sitegen-preview"  # one per port (cookies are not): set by `serve`
        self.problems: list[Problem] = []
        self.report: BuildReport | None = None
        self.reader: ArticleReader | None = None
        self.base_path = "/"
        self.notify: Callable[[], None] = lambda: None

    # --- building ----------------------------------------------------------------------------------

    def rebuild(self) -> bool:
        """The full (incremental) build; True if it succeeded."""
        start = time.perf_counter()
        try:
            report = build(self.site_dir, self.output_dir, self.options, commit_guard=self.changing_pages)
        except BuildFailed as exc:
            with self.changing_pages():  # every page now shows the problems
                self.problems = exc.problems
            for problem in exc.problems:
                self.log(str(problem))
            self.log(f"Build failed: {len(exc.problems)} problem(s). The pages show them until a save fixes them.")
            return False
        if self.problems:
            with self.changing_pages():
                self.problems = []
        self.report = report
        if report.state is not None:
            self.base_path = report.state.config.base_path
            self.reader = ArticleReader(report.state.config, self.site_dir, self.site_dir / "content")
        for warning in report.warnings:  # what the raw-HTML policy cut, unknown fields...: as `build` prints them
            self.log(str(warning))
        self.log(f"Built in {time.perf_counter() - start:.2f} s: {report.changed} file(s) changed.")
        return True

    def preview(self, changed: set[Path]) -> bool:
        """Show edits of existing articles at once, from the previous build; True if it did."""
        state = self.report.state if self.report else None
        if self.problems or state is None or self.reader is None:
            return False
        sources = {a.source: i for i, a in enumerate(state.site.articles)}
        shown = 0
        for path in changed:
            source = os.path.relpath(path, self.site_dir).replace(os.sep, "/")
            if source not in sources or not path.is_file():
                continue
            parsed = self.reader.read(path, source)
            old = state.site.articles[sources[source]]
            new = parsed.article
            if new is None or parsed.body is None:
                continue
            if state.site.address_of(new) != state.site.path_of(old):
                continue  # a new address: only the full build can place it
            try:
                output_file, data = state.render_edited(new, parsed.body.html)
            except (KeyError, BuildFailed):  # a new tag or author, a template error: the build will tell
                continue
            target = self.output_dir / output_file
            temporary = target.with_name(target.name + ".preview")
            temporary.write_bytes(data)
            with self.changing_pages():
                os.replace(temporary, target)
            shown += 1
        return shown > 0

    @contextmanager
    def changing_pages(self):
        """Held while the pages readers see change: no request is answered meanwhile."""
        with self.readers:
            try:
                yield
            finally:
                self.generation += 1

    def handle(self, changes: set[Path]) -> None:
        """One batch of saved files: the quick preview if it applies, then the exact build."""
        present = {p for p in changes if p.exists()}  # editors' temporary files come and go
        articles = {p for p in present if p.suffix.lower() in (".md", ".markdown")}
        if present and articles == present and self.preview(articles):
            self.notify()
        if self.rebuild() or self.problems:
            self.notify()

    # --- watching ----------------------------------------------------------------------------------

    def watched(self) -> list[Path]:
        paths = [self.site_dir / "config.toml"]
        paths += [self.site_dir / name for name in WATCHED if (self.site_dir / name).exists()]
        return paths

    def watch(self, stop: threading.Event, ready: threading.Event) -> None:
        """Rebuild on every batch of changes until `stop` is set; `ready` is set once saves are seen."""
        from watchfiles import watch

        ignored = (str(self.cache_dir), str(self.site_dir / "output"))
        # The first (empty) batch comes after the watches are in place: until then a save would be
        # missed, so the server is not announced before it.
        for batch in watch(*self.watched(), stop_event=stop, debounce=1600, step=50,
                           rust_timeout=250, yield_on_timeout=True,
                           watch_filter=lambda _, path: not path.startswith(ignored)
                           and not os.path.basename(path).startswith((".", "~")) and not path.endswith("~")):
            ready.set()
            if not batch:
                continue
            changed = {Path(path) for _, path in batch}
            self.log("Changed: " + ", ".join(sorted(os.path.relpath(p, self.site_dir) for p in changed)[:5])
                     + (" …" if len(changed) > 5 else ""))
            self.handle(changed)


def serve(site_dir: Path, host: str, port: int, drafts: bool, jobs: int) -> None:
    """Build, serve on host:port, rebuild and reload on every change until interrupted."""
    _refuse_busy_port(host, port)  # before the first build, which can take a while
    preview = Preview(site_dir, drafts, jobs)
    preview.cookie = f"sitegen-preview-{port}"
    preview.log(f"Building {site_dir.resolve()} for preview{' (drafts and scheduled articles shown)' if drafts else ''}…")
    try:
        preview.base_path = load_config(site_dir)[0].base_path
    except BuildFailed:
        pass  # the build below reports the problems; the server starts anyway and shows them
    preview.rebuild()
    preview.options = replace(preview.options, jobs=1)  # later builds run beside the server's threads
    reloads = Reloads()
    preview.notify = reloads.push
    stop, watching = threading.Event(), threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(stop, watching), daemon=True, name="sitegen-watch")
    watcher.start()
    if not watching.wait(timeout=30):
        preview.log("Warning: the folders are not watched yet; saves may need a second save to show.")
    preview.log(f"Serving on http://{host}:{port}{preview.base_path} — press Ctrl+C to stop.")
    try:
        PreviewServer(preview, reloads, host).serve(port=port, host=host, root=str(preview.output_dir), restart_delay=0)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:  # taken since the check above
            raise _busy(host, port) from None
        raise
    finally:
        stop.set()


def _refuse_busy_port(host: str, port: int) -> None:
    """BuildFailed when another program listens on host:port (bound as the server binds: reusing
    an address left in TIME_WAIT, like Tornado)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise _busy(host, port) from None
            raise


def _busy(host: str, port: int) -> BuildFailed:
    return BuildFailed([Problem("--port", f"port {port} on {host} is already in use (another `sitegen serve`?)",
                                f"stop it, or choose another port with --port {port + 1}")])
