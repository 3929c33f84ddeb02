"""The `sitegen` command: thin click commands over plain functions (tests call those directly)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .build import BuildOptions, BuildReport, build
from .errors import BuildFailed, Problem

KIND_NAMES = {
    "article": "bài viết", "category": "trang chuyên mục", "tag": "trang chủ đề", "author": "trang tác giả",
    "archive": "lưu trữ", "archive_year": "lưu trữ năm", "archive_month": "lưu trữ tháng",
    "redirect": "chuyển hướng", "home": "trang chủ",
}


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def fail(exc: BuildFailed) -> None:
    print_problems(exc.problems)
    errors = sum(1 for p in exc.problems if p.severity == "error")
    click.secho(f"Build failed: {errors} error(s). Nothing was written; output/ is as it was.", fg="red", err=True)
    sys.exit(1)


def summary_line(report: BuildReport) -> str:
    kinds = ", ".join(f"{n} {KIND_NAMES.get(k, k)}" for k, n in sorted(report.pages_by_kind.items(), key=lambda kv: -kv[1]))
    stages = " · ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items())
    skipped = []
    if report.skipped_drafts:
        skipped.append(f"{report.skipped_drafts} draft(s)")
    if report.skipped_future:
        skipped.append(f"{report.skipped_future} scheduled")
    note = f"; not published: {', '.join(skipped)}" if skipped else ""
    return (f"Built {report.pages} pages ({kinds}) from {report.articles} articles{note} into {report.output_dir} "
            f"in {report.total_seconds:.2f} s [{stages}]; {report.files - report.unchanged} files changed.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitegen")
def main() -> None:
    """sitegen: build a Vietnamese news portal from Markdown articles."""


@main.command("build")
@click.option("--source", "-s", type=click.Path(file_okay=False, path_type=Path), default=".",
              help="The site folder (holding config.toml and content/). Default: the current folder.")
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site. Default: output/ in the site folder.")
@click.option("--drafts/--no-drafts", default=False, help="Also publish articles with draft: true.")
@click.option("--future/--no-future", default=False, help="Also publish articles dated after now.")
def build_command(source: Path, output: Path | None, drafts: bool, future: bool) -> None:
    """Build the site into output/."""
    try:
        report = build(source, output, BuildOptions(drafts=drafts, future=future))
    except BuildFailed as exc:
        fail(exc)
    print_problems(report.warnings)
    click.echo(summary_line(report))


if __name__ == "__main__":
    main()
