"""`--scheduler`: reading, ranking and rendering on a Dask cluster give the local build's bytes.

One LocalCluster of two worker processes (separate processes, as other machines would be: nothing
reaches them but what is shipped) serves the whole module; starting one costs seconds.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import cloudpickle
import dask
import pytest
from distributed import Client, LocalCluster

import sitegen.rendering
from conftest import NOW, article, camera_photo
from sitegen.build import BuildOptions, build
from sitegen.errors import BuildFailed

CATEGORIES = ("Thời sự", "Kinh tế", "Văn hóa - Du lịch")
TOPICS = ("Lũ quét ở Đăk Glei", "Cà phê Đắk Hà được giá", "Lễ hội cồng chiêng Kon Tum", "Cầu treo Sa Thầy")


@pytest.fixture(scope="module")
def cluster():
    # A task whose worker dies is not tried again on another (the default is three times): the
    # test of a dying worker sees the build fail at once.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
            yield local


def paper_files() -> dict[str, str | bytes]:
    """Forty articles in three categories, sharing tags and authors; one with a lead photo that its
    body shows too, one with pasted HTML the policy cuts (a warning); the site overrides a template,
    extending the shipped one (templates travel to the workers)."""
    files: dict[str, str | bytes] = {
        "content/thoi-su/lu.jpg": camera_photo(),
        "templates/article.html": "{% extends '!default/article.html' %}\n"
                                  "{% block content %}<p class=\"site-own\">Báo của tỉnh</p>{{ super() }}{% endblock %}\n",
    }
    for i in range(40):
        topic = TOPICS[i % len(TOPICS)]
        category = CATEGORIES[i % len(CATEGORIES)]
        folder = "thoi-su" if i == 0 else f"muc-{i % 3}"
        fields = {"tags": f'["{topic.split()[0]}", "Kon Tum", "Tin {i % 5}"]', "author": f'"Phóng viên {i % 4}"',
                  "summary": f'"Tóm tắt {topic} số {i}."'}
        body = f"Mở đầu về {topic.lower()}, bài {i}.\n\n## Diễn biến\n\nNội dung chi tiết của bài {i} về {topic}."
        if i == 0:
            fields["image"] = "{src: lu.jpg, caption: Nước dâng cao, credit: MT}"
            body += "\n\n![](lu.jpg)\n\nKết."
        if i == 1:
            body += '\n\n<p onclick="alert(1)">Dán từ Word</p><script>alert(2)</script>'
        files[f"content/{folder}/bai-{i:02d}.md"] = article(
            title=f"{topic} ({i})", date=f"2024-{1 + i % 12:02d}-{1 + i % 27:02d} {7 + i % 12:02d}:15",
            category=category, body=body, **fields)
    return files


def tree(output) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def test_a_cluster_build_is_byte_for_byte_the_local_build(make_site, tmp_path, cluster):
    site = make_site(paper_files())
    local = build(site.root, tmp_path / "local", BuildOptions(now=NOW, jobs=2, cache_dir=tmp_path / "cache-local"))
    remote = build(site.root, tmp_path / "remote", BuildOptions(now=NOW, jobs=2, cache_dir=tmp_path / "cache-remote",
                                                                scheduler=cluster.scheduler_address))
    assert remote.parsed == local.parsed == 40 and remote.rendered == local.rendered > 40
    assert remote.warnings == local.warnings != []
    local_files, remote_files = tree(tmp_path / "local"), tree(tmp_path / "remote")
    assert len(local_files) > 100 and b'class="site-own"' in local_files["thoi-su/lu-quet-o-dak-glei-0-202401010715/index.html"]
    assert sorted(remote_files) == sorted(local_files)
    assert [name for name in local_files if remote_files[name] != local_files[name]] == []


def _dies_on_a_worker(job, item):
    if os.environ.get("SITEGEN_TEST_COORDINATOR") != str(os.getpid()):
        os._exit(1)  # a worker killed mid-build (out of memory, a machine gone)
    raise AssertionError("rendered on the coordinator: the cluster was not used")


def test_a_worker_dying_fails_the_build_and_leaves_output_whole(make_site, tmp_path, cluster, monkeypatch):
    site = make_site(paper_files())
    output = tmp_path / "output"
    build(site.root, output, BuildOptions(now=NOW, jobs=2))
    before = tree(output)
    site.write("content/muc-1/bai-01.md", article(title="Bài đã sửa", category="Kinh tế"))
    monkeypatch.setenv("SITEGEN_TEST_COORDINATOR", str(os.getpid()))
    monkeypatch.setattr(sitegen.rendering, "_render_page", _dies_on_a_worker)
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this module
    try:
        with pytest.raises(BuildFailed) as caught:
            build(site.root, output, BuildOptions(now=NOW, jobs=2, scheduler=cluster.scheduler_address))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert "a Dask worker died" in caught.value.problems[0].message
    assert tree(output) == before
    with Client(cluster) as client:  # the nannies start new workers for the tests after this one
        client.wait_for_workers(2, timeout=60)


def test_a_site_named_by_a_relative_path_builds_on_workers_started_elsewhere(make_site, tmp_path, cluster):
    # The workers' current folder is not the site's (`sitegen build` run in the site folder).
    site = make_site({f"content/bai-{i}.md": article(title=f"Tin số {i}", date=f"2024-06-{i + 1:02d} 08:00") for i in range(6)})
    run = site.cli("build", "--scheduler", cluster.scheduler_address, "--no-progress")
    assert run.returncode == 0, run.stderr
    local = build(site.root, tmp_path / "local", BuildOptions(now=None, jobs=1, cache=False))
    assert local.articles == 6 and tree(site.root / "output") == tree(tmp_path / "local")


def test_workers_running_other_code_are_refused(cluster, monkeypatch):
    import sitegen.cluster

    monkeypatch.setattr(sitegen.cluster, "code_version", lambda: "another sitegen")  # here, not on the workers
    with pytest.raises(BuildFailed) as caught:
        sitegen.cluster.DaskWorkers.connect(cluster.scheduler_address, 2)
    assert "2 Dask worker(s) run another sitegen than this one" in caught.value.problems[0].message


def test_an_unreachable_scheduler_is_one_clear_error_through_the_cli(make_site):
    site = make_site({"content/a.md": article()})
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = site.cli("build", "--scheduler", f"tcp://127.0.0.1:{port}", "--no-progress")
    assert run.returncode == 1
    assert f"error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in run.stderr
    assert "-> start it (`dask scheduler`" in run.stderr
    assert "Traceback" not in run.stderr and not (site.root / "output").exists()


def test_a_build_without_a_scheduler_does_not_import_dask(make_site):
    site = make_site({"content/a.md": article()})
    code = ("import sys; from pathlib import Path; from sitegen.build import build, BuildOptions; "
            "build(Path('.'), None, BuildOptions(jobs=2)); "
            "print(sorted(m for m in ('dask', 'distributed', 'sitegen.cluster') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], cwd=site.root, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
