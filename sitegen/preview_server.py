"""The preview's web server: the latest build's files over HTTP, and livereload's websocket that
reloads every open tab.

`serve.py` runs the preview (build, watch, rebuild); this module is what a browser talks to:

- The browser side is the `livereload` package (its server, websocket and script).  Its own change
  detection is not used: it drops changes that follow each other within seconds and reloads once per
  changed file; here the build loop pushes one reload per build (`Reloads`).  A reload pushed while
  a tab is between two pages (its old socket closing, its new one not yet open) reaches nobody, so
  every page served carries the number of the build it shows in a cookie, and a tab that connects
  holding an older number is reloaded at once (`_Reloading`).
- A request is answered only while no build is moving its files into place (`Preview.readers`), so
  each one sees one complete build; while the build fails, every page is the list of its problems
  (`problems_page`).
- Only requests naming the address it listens on are answered (`host_allowed`): a page elsewhere
  cannot read the preview, drafts included, through DNS rebinding.
"""

from __future__ import annotations

import html
import json
import ipaddress
from typing import TYPE_CHECKING, Callable

from livereload import Server
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.server import LiveScriptInjector
from livereload.watcher import Watcher
from tornado import ioloop, web

if TYPE_CHECKING:  # serve.py imports this module, not the other way round
    from .errors import Problem
    from .serve import Preview


RELOAD_NOW = "__livereload__"
"""What livereload's watcher returns to have browsers reload at once, whatever changed before."""


class Reloads(Watcher):
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


class PreviewServer(Server):
    def __init__(self, preview: Preview, reloads: Reloads, host: str):
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
