"""The `sitegen` command: thin click commands over plain functions (tests call those directly).

Heavy modules (numpy, Jinja, Markdown) are imported inside the commands, so that `sitegen build`
with nothing to do answers in a fraction of a second.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .errors import BuildFailed, Problem

KIND_NAMES = {
    "article": "bài viết", "category": "trang chuyên mục", "tag": "trang chủ đề", "author": "trang tác giả",
    "archive": "lưu trữ", "archive_year": "lưu trữ năm", "archive_month": "lưu trữ tháng",
    "redirect": "chuyển hướng", "home": "trang chủ", "tags": "danh sách chủ đề", "authors": "danh sách tác giả",
    "not_found": "trang 404", "search": "tìm kiếm", "feeds": "trang RSS", "page": "trang giới thiệu",
    "corrections": "trang cải chính", "withdrawn": "bài đã gỡ",
}
STAGE_NAMES = {"read": "Đọc bài viết", "render": "Dựng trang"}


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def fail(exc: BuildFailed) -> None:
    print_problems(exc.problems)
    errors = sum(1 for p in exc.problems if p.severity == "error")
    click.secho(f"Build failed: {errors} error(s). Nothing was written; output/ is as it was.", fg="red", err=True)
    sys.exit(EXIT_CONTENT)


def summary_line(report) -> str:
    """One closing line, like Hugo's: pages by kind, what was held back, time per stage."""
    kinds = ", ".join(f"{n} {KIND_NAMES.get(k, k)}" for k, n in sorted(report.pages_by_kind.items(), key=lambda kv: (-kv[1], kv[0])))
    skipped = []
    if report.skipped_drafts:
        skipped.append(f"{report.skipped_drafts} draft(s)")
    if report.skipped_future:
        skipped.append(f"{report.skipped_future} scheduled")
    note = f"; not published: {', '.join(skipped)}" if skipped else ""
    if report.up_to_date:
        return (f"Up to date: nothing changed since the last build ({report.pages} pages from {report.articles} "
                f"articles{note} in {report.output_dir}); checked in {report.total_seconds:.2f} s.")
    stages = " · ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items())
    return (f"Built {report.pages} pages ({kinds}) from {report.articles} articles{note} into {report.output_dir} "
            f"in {report.total_seconds:.2f} s [{stages}]; {report.changed} of {report.files} files changed "
            f"({report.parsed} articles read, {report.rendered} pages rendered afresh).")


@contextmanager
def interrupt_after_commit() -> Iterator[None]:
    """While a build moves its files into output/, Ctrl-C waits for the move to finish: output/ then
    holds either the last build or the new one, never half of each."""
    interrupted: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: interrupted.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted:
        raise KeyboardInterrupt


@contextmanager
def progress_bar(enabled: bool) -> Iterator:
    """A progress bar on a terminal (rich); nothing in CI logs or pipes."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True, console=None) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, advance: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(STAGE_NAMES.get(stage, stage), total=total or None)
            if total:
                bar.update(tasks[stage], total=total)
            bar.advance(tasks[stage], advance)
        yield update


EXIT_CONTENT = 1
"""The site's input has errors (or the disk refused a write): the editor can fix it."""
EXIT_INTERNAL = 70
"""EX_SOFTWARE: sitegen itself failed, whatever the input; CI tells this crash from a content error."""
EXIT_INTERRUPTED = 130
"""128 + SIGINT, as shells report Ctrl-C."""

ENVIRONMENT_ERRORS = {
    errno.EACCES: "check the permissions (`ls -l`): sitegen reads the site folder and writes output/ and "
                  ".sitegen-cache/; or build elsewhere with --output DIR",
    errno.EPERM: "check the permissions (`ls -l`) and that no other program holds the file",
    errno.EROFS: "the disk is mounted read-only: build to another folder with --output DIR",
    errno.ENOSPC: "the disk is full: free some space (or build to another disk with --output DIR), then build again",
    errno.EDQUOT: "your disk quota is used up: free some space, then build again",
    errno.ENAMETOOLONG: "a file name is too long for this disk: shorten the folder names or the `slug:`",
    errno.EIO: "the disk reported a read or write error: check it, then build again",
    errno.ENOENT: "a file vanished while sitegen worked (another program moving files?): build again",
    errno.ENOTDIR: "a file stands where sitegen expects a folder: move it away",
    errno.EISDIR: "a folder stands where sitegen expects a file: move it away",
    errno.EMFILE: "too many open files: raise the limit (`ulimit -n 4096`) or build with fewer --jobs",
}
"""OSErrors that come from the machine, not from sitegen, and what to do about each."""


class _Sitegen(click.Group):
    """The command group; turns whatever escapes a command into a message and an exit code:
    1 for the site's or the disk's problems, 130 for Ctrl-C, 70 (and the traceback) for sitegen's bugs."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BuildFailed as exc:
            fail(exc)
        except KeyboardInterrupt:
            click.echo("Interrupted. output/ holds the last complete build.", err=True)
            # A Ctrl-C that lands inside an exec() of source text (dataclasses make their methods so,
            # while a stage's module is imported) leaves CPython's "unhandled KeyboardInterrupt" flag
            # set although we handled it, and the interpreter would then end by killing itself with
            # SIGINT instead of exiting 130.  Running source text again clears the flag.
            exec("None")
            sys.exit(EXIT_INTERRUPTED)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # the reader of our output went away (`sitegen check | head`): click handles it
            if exc.errno not in ENVIRONMENT_ERRORS:
                internal_error()
            where = " -> ".join(str(name) for name in (exc.filename, exc.filename2) if name) or "a file"
            click.echo(f"{where}: error: {exc.strerror or exc}\n    -> {ENVIRONMENT_ERRORS[exc.errno]}", err=True)
            click.secho("Build failed: the disk refused sitegen's work (see above).", fg="red", err=True)
            sys.exit(EXIT_CONTENT)
        except Exception:
            internal_error()


def internal_error() -> None:
    """Exit with the traceback of the exception being handled, marked as sitegen's fault (exit 70)."""
    click.secho("Internal error: this is a bug in sitegen (please report it, with the details below)",
                fg="red", err=True)
    click.echo(f"sitegen {__version__}, Python {sys.version.split()[0]}, {sys.platform}", err=True)
    click.echo(traceback.format_exc(), err=True)
    sys.exit(EXIT_INTERNAL)


source_option = click.option(
    "--source", "-s", type=click.Path(file_okay=False, path_type=Path), default=".",
    help="The site folder (holding config.toml and content/). Default: the current folder.")
"""`--source`, the same for every command."""


@click.group(cls=_Sitegen, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitegen")
def main() -> None:
    """sitegen: build a Vietnamese news portal from Markdown articles."""


@main.command("build")
@source_option
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site. Default: output/ in the site folder.")
@click.option("--drafts/--no-drafts", default=False, show_default=True, help="Also publish articles with draft: true.")
@click.option("--future/--no-future", default=False, show_default=True, help="Also publish articles dated after now.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=os.cpu_count() or 1, show_default=True,
              help="Worker processes for reading and rendering.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse earlier builds' work from .sitegen-cache/ (the output is the same either way).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar. Default: only when the terminal is interactive.")
@click.option("--force", is_flag=True, default=False,
              help="Publish even where the output folder holds files sitegen did not make: they are moved aside, never deleted.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Read, rank and render on a Dask cluster: its scheduler (tcp://host:8786), or 'local' for "
                   "--jobs worker processes here. Needs `pip install 'sitegen[cluster]'`; see docs/cluster.md.")
def build_command(source: Path, output: Path | None, drafts: bool, future: bool, jobs: int, cache: bool,
                  progress: bool | None, force: bool, scheduler: str | None) -> None:
    """Build the site into output/."""
    from .build import BuildOptions, build  # light: the pipeline itself loads only if there is work

    show = sys.stderr.isatty() and not os.environ.get("CI") if progress is None else progress
    try:
        with progress_bar(show) as update:
            report = build(source, output, BuildOptions(drafts=drafts, future=future, jobs=jobs, cache=cache, force=force,
                                                        scheduler=scheduler), update,
                           commit_guard=interrupt_after_commit)
    except BuildFailed as exc:
        fail(exc)
    print_problems(report.warnings)
    click.echo(summary_line(report))
    if scheduler is None:
        _leave_at_once()


def _leave_at_once() -> None:
    """End the process without freeing what the build held, one object at a time: the archive's
    articles, views and pages are millions of objects, and tearing them down took 0.3 s of a
    one-edit rebuild of 10,000 articles.  Everything is written and published by now, the cache
    closed and the workers gone; only the terminal's buffers are left to flush.  (A Dask client
    has its own clean-up at exit: builds on a cluster end the usual way.)"""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


@main.command("serve")
@source_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. 127.0.0.1 keeps the preview on this computer; 0.0.0.0 opens it to the network.")
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--drafts/--no-drafts", default=True, show_default=True,
              help="Show drafts and scheduled articles (marked as such). --no-drafts previews exactly what will be published.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=os.cpu_count() or 1, show_default=True,
              help="Worker processes for the first build.")
def serve_command(source: Path, host: str, port: int, drafts: bool, jobs: int) -> None:
    """Preview the site: build, serve, and rebuild and reload the browser on every save."""
    from .serve import serve

    try:
        serve(source, host, port, drafts, jobs)
    except BuildFailed as exc:  # the port is taken
        print_problems(exc.problems)
        sys.exit(EXIT_CONTENT)


@main.command("check")
@source_option
@click.option("--strict/--no-strict", default=False, show_default=True, help="Fail on warnings too.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one document for machines (CI, editors' tools).")
def check_command(source: Path, strict: bool, output_format: str) -> None:
    """Check every article without building: errors a build would refuse, and warnings."""
    import json

    from .check import check_site

    report = check_site(source)
    if output_format == "json":
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print_problems(report.problems)
        verdict = "OK" if not report.errors and not (strict and report.warnings) else "FAILED"
        click.echo(f"{verdict}: {report.articles} articles checked, {len(report.errors)} error(s), "
                   f"{len(report.warnings)} warning(s).", err=verdict != "OK")
    if report.errors or (strict and report.warnings):
        sys.exit(1)


@main.command("next-change")
@source_option
@click.option("--timestamp", is_flag=True, help="Print only the Unix timestamp (nothing when never), for scripts.")
def next_change_command(source: Path, timestamp: bool) -> None:
    """When the output will next change with no file changed: a scheduled article going live, a notice
    expiring, an article leaving the news sitemap.  Build again then (see README, "Timed publishing")."""
    from .questions import next_change
    from .vietnamese import format_date_vn

    moment = next_change(source)
    if timestamp:
        if moment is not None:
            click.echo(int(moment.timestamp()))
    elif moment is None:
        click.echo("never: no scheduled article, expiry or news-sitemap change is pending")
    else:
        click.echo(f"{moment.isoformat(timespec='seconds')} {int(moment.timestamp())} ({format_date_vn(moment)})")


@main.command("related")
@click.argument("name")
@source_option
def related_command(name: str, source: Path) -> None:
    """Show the picks of an article's "Chuyên mục khác" and why: shared words and names, shared tags,
    category, days apart.  NAME is the article's file, slug or address."""
    from .questions import explain_related
    from .vietnamese import format_date_vn

    try:
        shown = explain_related(source, name)
    except BuildFailed as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_CONTENT)
    article, names = shown.article, shown.category_names
    click.echo(f'"Chuyên mục khác" of {article.source}\n  {article.title} · {names[article.category]} · '
               f"{format_date_vn(article.date)}")
    for number, (pick, reason) in enumerate(shown.picks, 1):
        click.echo(f"\n{number}. {pick.title}  (score {reason.score:.3f})")
        category = ("same category" if reason.same_category else "another category") + f" ({names[pick.category]})"
        click.echo(f"   {pick.source} · {category} · {_days(reason.days_apart)}")
        if reason.phrases:
            click.echo("   shared words: " + ", ".join(f"{p} ({v:.3f})" for p, v in reason.phrases[:8])
                       + (f" and {len(reason.phrases) - 8} more" if len(reason.phrases) > 8 else ""))
        if reason.tags:
            click.echo("   shared tags: " + ", ".join(f"{t} ({v:.3f})" for t, v in reason.tags))
        if reason.other_names:
            click.echo("   counted less: both name people or places, and none of them the same")
        if not reason.phrases and not reason.tags:
            click.echo("   filled in: shares no distinctive word or tag" +
                       ("; among the newest of the same category" if reason.same_category else ""))
        if pick.source in shown.editor_picked:
            click.echo('   not shown in this box: the editor picked it for "Tin liên quan" (related:)')


def _days(days: float) -> str:
    whole = round(days)
    return "the same day" if whole == 0 else "1 day apart" if whole == 1 else f"{whole:,} days apart"


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--category", "-c", default="",
              help="The dumps' category (by name or slug), and the one for posts whose category the site lacks.")
@click.option("--photos", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Photos: for dumps, a folder in page order (one subfolder per dump, named like it, or the folder "
                   "itself for one dump); for a WordPress export, its wp-content/uploads folder.")
@click.option("--profile", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Saved pages: a TOML [page] table of CSS selectors (title, date, author, sapo, body, category, drop).")
@click.option("--force", is_flag=True, help="Overwrite an imported article an editor has changed since.")
@source_option
def import_command(paths: tuple[Path, ...], category: str, photos: Path | None, profile: Path | None, force: bool,
                   source: Path) -> None:
    """Bring an old site's articles in, under content/<category>/<year>/: plain-text dumps of article
    pages (.txt, one article each), WordPress exports (.xml), saved pages (.html, as `wget --mirror`
    leaves them) and a Hugo site's pages (.md); files, or folders of them."""
    from .archive_import import import_archive

    try:
        report = import_archive(source, list(paths), category, photos, force, profile)
    except BuildFailed as exc:  # config.toml
        print_problems(exc.problems)
        sys.exit(EXIT_CONTENT)
    for name in report.written:
        click.echo(f"imported  {name}")
    for name in report.kept:
        click.echo(f"kept      {name}: changed since the import; nothing overwritten (--force to replace it)")
    for note in report.notes:
        click.echo(f"note      {note}")
    print_problems(report.problems)
    recovered = ", ".join(f"{name} {found}/{total}" for name, (found, total) in report.recovered.items())
    click.echo(f"{len(report.written)} imported, {len(report.unchanged)} unchanged, {len(report.kept)} kept, "
               f"{len(report.problems)} not imported" + (f"; recovered: {recovered}" if recovered else ""))
    if report.problems:
        sys.exit(EXIT_CONTENT)


@main.command("cms")
@source_option
def cms_command(source: Path) -> None:
    """Write the web editing form (Decap CMS) into static/admin/: its config.yml from config.toml,
    and its JavaScript, fetched once from the npm registry (pinned, checked) and kept in the site."""
    from .cms import generate_cms

    try:
        report = generate_cms(source)
    except BuildFailed as exc:
        print_problems(exc.problems)
        click.secho("sitegen cms: nothing was written.", fg="red", err=True)
        sys.exit(EXIT_CONTENT)
    print_problems(report.warnings)
    click.echo(f"Web editing form in {source / 'static' / 'admin'}: {len(report.written)} file(s) written, "
               f"{report.unchanged} unchanged. Local mode: run `npx decap-server` in the site folder, "
               "then `sitegen serve` and open http://127.0.0.1:8000/static/admin/")


@main.command("new")
@click.argument("title")
@click.option("--category", "-c", required=True, help='The category, by name or slug: --category "Kinh tế".')
@click.option("--author", "-a", default="", help="The author (default: default_author in config.toml).")
@source_option
@click.option("--port", default=8000, show_default=True, help="The port `sitegen serve` uses, for the preview address.")
def new_command(title: str, category: str, author: str, source: Path, port: int) -> None:
    """Create a new article (a draft) with its front matter filled in."""
    from .new import new_article

    try:
        created = new_article(source, title, category, author)
    except BuildFailed as exc:
        print_problems(exc.problems)
        sys.exit(1)
    click.echo(f"Created {created.path}")
    click.echo(f"Preview: run `sitegen serve`, then open http://127.0.0.1:{port}{created.address}")


if __name__ == "__main__":
    main()
