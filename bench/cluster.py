"""Cold builds with the local pool and with a Dask LocalCluster: what the cluster costs on one machine.

    python bench/cluster.py -n 1000 [--jobs 2] [--rounds 1] [--corpus DIR]

Generates (once) a corpus with ../shared/bench/gen_corpus.py (`-n N --images`), then builds it cold
— no .sitegen-cache/, a new output folder, a new `sitegen` process — alternately with the local
fork pool (`--jobs N`) and with `--scheduler local` (a LocalCluster of N worker processes, started by
the build and counted in its time), and with a cluster started before the builds (`dask scheduler`
and N `dask worker --nthreads 1 --preload sitegen.cluster`, as a newsroom would keep running), and
checks the outputs are byte for byte the same.  Prints the best wall time of each, the stages of the
build's closing line, and the overhead of the cluster.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.output_guard import releases_dir  # noqa: E402
GEN_CORPUS = REPO.parent / "shared" / "bench" / "gen_corpus.py"


def corpus(n: int, folder: Path) -> Path:
    if not (folder / "config.toml").exists():
        subprocess.run([sys.executable, str(GEN_CORPUS), "-n", str(n), "--images", "--out", str(folder), "--force"],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


def cold_build(site: Path, output: Path, jobs: int, scheduler: str | None) -> tuple[float, dict[str, float]]:
    """(wall seconds, stage -> seconds) of one cold build in a new process."""
    shutil.rmtree(site / ".sitegen-cache", ignore_errors=True)
    if output.is_symlink():
        output.unlink()
    shutil.rmtree(releases_dir(output), ignore_errors=True)
    command = [sys.executable, "-m", "sitegen.cli", "build", "--source", str(site), "--output", str(output),
               "--jobs", str(jobs), "--no-progress"] + (["--scheduler", scheduler] if scheduler else [])
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"build failed ({' '.join(command)}):\n{done.stderr}")
    stages = dict((k, float(v)) for k, v in re.findall(r"(\w+) ([\d.]+)s", done.stdout.rsplit("[", 1)[-1]))
    return seconds, stages


def running_cluster(workers: int) -> tuple[str, list[subprocess.Popen]]:
    """A scheduler and `workers` workers in processes of their own: (address, processes)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dask = str(Path(sys.executable).parent / "dask")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet)]
    address = f"tcp://127.0.0.1:{port}"
    time.sleep(3)
    processes += [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-dashboard",
                                    "--preload", "sitegen.cluster"], **quiet) for _ in range(workers)]
    from distributed import Client
    with Client(address, timeout=30) as client:
        client.wait_for_workers(workers, timeout=60)
    return address, processes


def same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in compared.common_dirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="local/cluster pairs, alternated")
    parser.add_argument("--corpus", type=Path, default=None, help="where the corpus is kept (default: a temp folder)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sitegen-cluster-bench-"))
    site = corpus(args.articles, args.corpus or work / f"corpus-{args.articles}")
    runs: dict[str, list[tuple[float, dict[str, float]]]] = {"local": [], "cluster": [], "running": []}
    address, processes = running_cluster(args.jobs)
    try:
        for _ in range(args.rounds):
            runs["local"].append(cold_build(site, work / "out-local", args.jobs, None))
            runs["cluster"].append(cold_build(site, work / "out-cluster", args.jobs, "local"))
            runs["running"].append(cold_build(site, work / "out-running", args.jobs, address))
        identical = same_tree(work / "out-local", work / "out-cluster") and same_tree(work / "out-local", work / "out-running")
    finally:
        shutil.rmtree(site / ".sitegen-cache", ignore_errors=True)
        for process in reversed(processes):
            process.terminate()
            process.wait(30)

    print(f"{args.articles} articles, cold, --jobs {args.jobs}, {os.cpu_count()} cores, {args.rounds} round(s); "
          f"outputs byte-identical: {'yes' if identical else 'NO'}")
    best = {mode: min(r, key=lambda run: run[0]) for mode, r in runs.items()}
    stage_names = [s for s in best["cluster"][1] if s != "check"]
    print("| | wall | " + " | ".join(stage_names) + " |")
    print("|---|---:|" + "---:|" * len(stage_names))
    for mode, (seconds, stages) in best.items():
        label = {"local": "local pool (fork)", "cluster": f"--scheduler local ({args.jobs} workers, started by the build)",
                 "running": f"--scheduler tcp:// ({args.jobs} workers already running)"}[mode]
        print(f"| {label} | {seconds:.1f} s | " + " | ".join(f"{stages.get(s, 0):.2f}" for s in stage_names) + " |")
    local, cluster, running = best["local"][0], best["cluster"][0], best["running"][0]
    print(f"overhead of --scheduler local: {cluster - local:+.1f} s ({cluster / local:.2f}x), "
          f"of which starting it: {best['cluster'][1].get('cluster', 0):.1f} s; "
          f"of a running cluster: {running - local:+.1f} s ({running / local:.2f}x)")
    if not identical:
        sys.exit(1)


if __name__ == "__main__":
    main()
