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
  changed file; here a build reloads once.  A reload pushed while a tab is between two pages (its
  old socket closing, its new one not yet open) reaches nobody, so every page served carries the
  number of the build it shows in a cookie, and a tab that connects holding an older number is
  reloaded at once.
"""

from __future__ import annotations

import errno
import html
import json
import ipaddress
import os
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Callable

from livereload import Server
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.server import LiveScriptInjector
from livereload.watcher import Watcher
from tornado import ioloop, web

from .article_reader import ArticleReader
from .build import BuildOptions, BuildReport, build
from .cache import CACHE_DIR
from .config_toml import load_config
from .errors import BuildFailed, Problem
from .freshness import WATCHED

PREVIEW_FOLDER = "serve"


class Preview:
    """The preview server's state: the latest build, its problems, and the lock readers wait on."""

    def __init__(self, site_dir: Path, drafts: bool, jobs: int, log: Callable[[str], None] = partial(print, flush=True)):
        self.site_dir = site_dir
        self.cache_dir = site_dir / CACHE_DIR
        self.output_dir = self.cache_dir / PREVIEW_FOLDER
        # A build of the same site started by hand finishes first: the preview waits for it.
        self.options = BuildOptions(drafts=drafts, future=drafts, jobs=jobs, wait=600.0)
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


RELOAD_NOW = "__livereload__"
"""What livereload's watcher returns to have browsers reload at once, whatever changed before."""


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
            return RELOAD_NOW, None
        return None, None


def host_allowed(host_header: str | None, bound: str) -> bool:
    """Whether a request naming `host_header` may see the preview served on address `bound`.

    A web page elsewhere can point a name of its own at 127.0.0.1 (DNS rebinding) and then read the
    preview — drafts included — from the reader's browser; the browser still sends that name in
    `Host`.  So a preview on a loopback address answers only to loopback names (`localhost`,
    127.x.x.x, [::1]); one on a given address also to that address (or name); one on 0.0.0.0 or ::
    to any name: opening the preview to the network is then the user's own choice.  A request with
    no Host at all (HTTP/1.0 by hand) comes from no browser and is answered."""
    bound = bound.strip("[]").lower()
    if bound in ("", "0.0.0.0", "::"):
        return True
    if host_header is None:
        return True
    name = _host_name(host_header)
    return name is not None and (_is_loopback(name) or name == bound)


def _host_name(header: str) -> str | None:
    """"127.0.0.1:8000" -> "127.0.0.1", "[::1]:8000" -> "::1", "LocalHost." -> "localhost"."""
    header = header.strip().lower()
    if header.startswith("["):
        name, bracket, rest = header[1:].partition("]")
        return name if bracket and (not rest or rest[0] == ":" and rest[1:].isdigit()) else None
    name, colon, port = header.partition(":")
    if colon and not port.isdigit():
        return None
    return name.rstrip(".") or None


def _is_loopback(name: str) -> bool:
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _servable(path: str) -> bool:
    """A decoded request path that can name a file of the preview: no control characters (`%00`
    reached the file system as an error, a 500) and no `..` (tornado's 403 says less than a 400)."""
    return path.isprintable() and ".." not in path.split("/")


class _LocalHostsOnly(web.RequestHandler):
    """Refuses requests whose `Host` the preview must not answer (see `host_allowed`)."""

    def initialize(self, bound: str = "127.0.0.1", **kwargs) -> None:
        self.bound = bound
        super().initialize(**kwargs)

    def prepare(self):
        if not host_allowed(self.request.headers.get("Host"), self.bound):
            self.set_status(421)
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>421</title></head>'
                        "<body><p>Bản xem trước của sitegen chỉ trả lời ở địa chỉ nó đang chạy "
                        f"({html.escape(self.bound)}). This preview answers only for the address it "
                        "listens on; to open it to the network, start it with --host 0.0.0.0.</p></body></html>")


class _Pages(_LocalHostsOnly, StaticFileHandler):
    """The preview's files under the site's base path; the problems page while the build fails."""

    def initialize(self, path: str, default_filename: str | None = None, preview: Preview | None = None,
                   bound: str = "127.0.0.1"):
        super().initialize(bound=bound, path=path, default_filename=default_filename)
        self.preview = preview

    async def get(self, path: str, include_body: bool = True) -> None:
        preview = self.preview
        assert preview is not None
        if not _servable(path):
            raise web.HTTPError(400)
        page = path.endswith((".html", "/")) or not path or "." not in path.rsplit("/", 1)[-1]
        with preview.readers:
            if page:
                self.set_cookie(preview.cookie, str(preview.generation), path="/", samesite="Strict")
            if not (page and preview.problems):
                await super().get(path, include_body)
                return
        self.set_status(500)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(problems_page(preview.problems))

    def write_error(self, status_code: int, **kwargs) -> None:
        page = self.preview.output_dir / "404.html" if self.preview else None
        if status_code == 404 and page and page.is_file():
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(page.read_bytes())
        else:
            super().write_error(status_code, **kwargs)


class _ToBase(_LocalHostsOnly):
    def initialize(self, base: str, bound: str = "127.0.0.1"):
        super().initialize(bound=bound)
        self.base = base

    def get(self, _path: str = "") -> None:
        self.redirect(self.base)


class _Reloading(LiveReloadHandler):
    """livereload's websocket, which also reloads a tab showing a page older than the latest change."""

    preview: Preview | None = None

    def on_message(self, message):
        super().on_message(message)
        preview = self.preview
        if preview is None or json.loads(message).get("command") != "info":
            return  # "info" ends livereload's handshake: the tab now listens for reloads
        shown = self.get_cookie(preview.cookie, "")
        if shown.isdigit() and int(shown) < preview.generation:
            self.send_message({"command": "reload", "path": "*", "liveCSS": False, "liveImg": False})


class _PreviewServer(Server):
    def __init__(self, preview: Preview, reloads: _Reloads, host: str):
        super().__init__(watcher=reloads)
        self.preview = preview
        self.host = host

    def application(self, port, host, liveport=None, debug=None, live_css=True):
        """livereload's application on one port, with the websocket of `_Reloading` and the client
        script loaded from this server (the preview is same-origin, whatever name it is opened by)."""
        reloading = type("Reloading", (_Reloading,), {"preview": self.preview})

        class Injector(LiveScriptInjector):
            script = f'<script async src="/livereload.js?port={port}"></script>'.encode()

        LiveReloadHandler.watcher = self.watcher
        LiveReloadHandler.live_css = False  # a change of the theme's CSS is a new build, new addresses
        handlers = [(r"/livereload", reloading), (r"/livereload.js", LiveReloadJSHandler)]
        app = web.Application(handlers=handlers + self.get_web_handlers(Injector.script), transforms=[Injector])
        app.listen(port, address=host)

    def get_web_handlers(self, script):
        base = self.preview.base_path
        handlers = [(rf"{base}(.*)", _Pages, {"path": str(self.preview.output_dir), "default_filename": "index.html",
                                               "preview": self.preview, "bound": self.host})]
        if base != "/":
            handlers.append((r"/(.*)", _ToBase, {"base": base, "bound": self.host}))
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
    reloads = _Reloads()
    preview.notify = reloads.push
    stop, watching = threading.Event(), threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(stop, watching), daemon=True, name="sitegen-watch")
    watcher.start()
    if not watching.wait(timeout=30):
        preview.log("Warning: the folders are not watched yet; saves may need a second save to show.")
    preview.log(f"Serving on http://{host}:{port}{preview.base_path} — press Ctrl+C to stop.")
    try:
        _PreviewServer(preview, reloads, host).serve(port=port, host=host, root=str(preview.output_dir), restart_delay=0)
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
