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
- The browser side is the `livereload` package (its server, websocket and script).  Its own change
  detection is not used: it drops changes that follow each other within seconds and reloads once per
  changed file; here a build reloads once.
"""

from __future__ import annotations

import errno
import html
import os
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

import click
from livereload import Server
from livereload.handlers import StaticFileHandler
from livereload.watcher import Watcher
from tornado import ioloop, web

from .build import BuildOptions, BuildReport, build
from .cache import CACHE_DIR
from .config import load_config
from .content import ArticleReader
from .errors import BuildFailed, Problem

PREVIEW_FOLDER = "serve"


class Preview:
    """The preview server's state: the latest build, its problems, and the lock readers wait on."""

    def __init__(self, site_dir: Path, drafts: bool, jobs: int, log: Callable[[str], None] = click.echo):
        self.site_dir = site_dir
        self.cache_dir = site_dir / CACHE_DIR
        self.output_dir = self.cache_dir / PREVIEW_FOLDER
        # A build of the same site started by hand finishes first: the preview waits for it.
        self.options = BuildOptions(drafts=drafts, future=drafts, jobs=jobs, wait=600.0)
        self.log = log
        self.readers = threading.Lock()
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
            report = build(self.site_dir, self.output_dir, self.options, commit_guard=lambda: self.readers)
        except BuildFailed as exc:
            self.problems = exc.problems
            for problem in exc.problems:
                self.log(str(problem))
            self.log(f"Build failed: {len(exc.problems)} problem(s). The pages show them until a save fixes them.")
            return False
        self.problems = []
        self.report = report
        if report.state is not None:
            self.base_path = report.state.config.base_path
            self.reader = ArticleReader(report.state.config, self.site_dir, self.site_dir / "content")
        self.log(f"Built in {time.perf_counter() - start:.2f} s: {report.changed} file(s) changed.")
        return True

    def preview(self, changed: set[Path]) -> bool:
        """Show edits of existing articles at once, from the previous build; True if it did."""
        state = self.report.state if self.report else None
        if self.problems or state is None or self.reader is None:
            return False
        sources = {a.source: i for i, a in enumerate(state.site.articles)}
        pages = {page.source: page for page in state.pages if page.page_kind == "article"}
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
                view = state.planner.view_of(new, parsed.body.html)
                page = state.planner.article_page(new, view, pages[source].context["related"])
                data = state.renderer.render(page, state.planner.site_view)
            except (KeyError, BuildFailed):  # a new tag or author, a template error: the build will tell
                continue
            target = self.output_dir / page.output_file
            temporary = target.with_name(target.name + ".preview")
            temporary.write_bytes(data)
            with self.readers:
                os.replace(temporary, target)
            shown += 1
        return shown > 0

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
        paths += [self.site_dir / name for name in ("content", "templates", "static", "themes")
                  if (self.site_dir / name).exists()]
        return paths

    def watch(self, stop: threading.Event) -> None:
        """Rebuild on every batch of changes until `stop` is set."""
        from watchfiles import watch

        ignored = (str(self.cache_dir), str(self.site_dir / "output"))
        for batch in watch(*self.watched(), stop_event=stop, debounce=1600, step=50,
                           watch_filter=lambda _, path: not path.startswith(ignored)
                           and not os.path.basename(path).startswith((".", "~")) and not path.endswith("~")):
            changed = {Path(path) for _, path in batch}
            self.log("Changed: " + ", ".join(sorted(os.path.relpath(p, self.site_dir) for p in changed)[:5])
                     + (" …" if len(changed) > 5 else ""))
            self.handle(changed)


class _Reloads(Watcher):
    """livereload's watcher, told by the build loop when to reload (once per build, never dropped)."""

    def __init__(self):
        super().__init__()
        self.pending = False
        self.loop: ioloop.IOLoop | None = None
        self.callback: Callable[[], None] | None = None

    def start(self, callback) -> bool:
        self.loop, self.callback = ioloop.IOLoop.current(), callback
        return True  # no polling: reloads are pushed

    def push(self) -> None:
        self.pending = True
        if self.loop and self.callback:
            self.loop.add_callback(self.callback)

    def examine(self):
        if self.pending:
            self.pending = False
            self.filepath = None
            return "__livereload__", None  # livereload sends this one at once, whatever came before
        return None, None


class _Pages(StaticFileHandler):
    """The preview's files under the site's base path; the problems page while the build fails."""

    def initialize(self, path: str, default_filename: str | None = None, preview: Preview | None = None):
        super().initialize(path, default_filename)
        self.preview = preview

    async def get(self, path: str, include_body: bool = True) -> None:
        preview = self.preview
        assert preview is not None
        if preview.problems and (path.endswith((".html", "/")) or not path or "." not in path.rsplit("/", 1)[-1]):
            self.set_status(500)
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(problems_page(preview.problems))
            return
        with preview.readers:
            await super().get(path, include_body)

    def write_error(self, status_code: int, **kwargs) -> None:
        page = self.preview.output_dir / "404.html" if self.preview else None
        if status_code == 404 and page and page.is_file():
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(page.read_bytes())
        else:
            super().write_error(status_code, **kwargs)


class _ToBase(web.RequestHandler):
    def initialize(self, base: str):
        self.base = base

    def get(self, _path: str = "") -> None:
        self.redirect(self.base)


class _PreviewServer(Server):
    def __init__(self, preview: Preview, reloads: _Reloads):
        super().__init__(watcher=reloads)
        self.preview = preview

    def get_web_handlers(self, script):
        base = self.preview.base_path
        handlers = [(rf"{base}(.*)", _Pages, {"path": str(self.preview.output_dir),
                                               "default_filename": "index.html", "preview": self.preview})]
        if base != "/":
            handlers.append((r"/(.*)", _ToBase, {"base": base}))
        return handlers


def problems_page(problems: list[Problem]) -> str:
    items = "".join(
        f"<li><code>{html.escape(p.location)}</code>: {html.escape(p.message)}"
        + (f"<br><em>{html.escape(p.hint)}</em>" if p.hint else "") + "</li>"
        for p in problems)
    return ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi nội dung - sitegen</title>'
            '<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}'
            'h1{color:#9b1111}li{margin:.75rem 0}code{background:#f4f1ec;padding:.1rem .3rem}</style></head>'
            f'<body><main><h1 id="loi-noi-dung">Chưa dựng được trang: {len(problems)} lỗi</h1>'
            "<p>Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại.</p>"
            f'<ol class="problems">{items}</ol></main></body></html>')


def serve(site_dir: Path, host: str, port: int, drafts: bool, jobs: int) -> None:
    """Build, serve on host:port, rebuild and reload on every change until interrupted."""
    preview = Preview(site_dir, drafts, jobs)
    preview.log(f"Building {site_dir.resolve()} for preview{' (drafts and scheduled articles shown)' if drafts else ''}…")
    try:
        preview.base_path = load_config(site_dir)[0].base_path
    except BuildFailed:
        pass  # the build below reports the problems; the server starts anyway and shows them
    preview.rebuild()
    preview.options = replace(preview.options, jobs=1)  # later builds run beside the server's threads
    reloads = _Reloads()
    preview.notify = reloads.push
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(stop,), daemon=True, name="sitegen-watch")
    watcher.start()
    preview.log(f"Serving on http://{host}:{port}{preview.base_path} — press Ctrl+C to stop.")
    try:
        _PreviewServer(preview, reloads).serve(port=port, host=host, root=str(preview.output_dir), restart_delay=0)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} on {host} is already in use (another `sitegen serve`?): "
                                       f"stop it, or choose another port with --port {port + 1}") from None
        raise
    finally:
        stop.set()
