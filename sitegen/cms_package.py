"""The web editing form's JavaScript: npm packages fetched once, checked against pinned digests,
and shipped inside the site (static/admin/), so the form never loads code from a CDN.

Why fetch the tarballs ourselves rather than run `npm install`: a newsroom's machine has Python (it
runs sitegen) but often no Node; and the registry's `dist.integrity` (sha512 of the tarball), pinned
here, is exactly what npm's lockfile would pin.  A tarball is kept in `.sitegen-cache/npm/` inside the
site, so `sitegen cms` runs offline once it has run online; nothing is read or written outside the site.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import io
import os
import posixpath
import tarfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import BuildFailed, Problem

REGISTRY = "https://registry.npmjs.org/"
CACHE_DIR = ".sitegen-cache/npm"
MAX_TARBALL_BYTES = 64 * 1024 * 1024
"""Decap CMS's tarball weighs 16 MB; a much larger answer is not the package."""


@dataclass(frozen=True)
class NpmPackage:
    """One npm package version, pinned by its registry integrity, and which of its files the site ships."""

    name: str
    version: str
    integrity: str
    """The registry's `dist.integrity`: "sha512-" and the base64 digest of the tarball."""
    folder: str
    """Where its files go, under static/admin/."""
    keep: Callable[[str], bool]
    """Whether a file of the tarball (its path under `package/`) is shipped."""

    @property
    def tarball_name(self) -> str:
        return f"{self.name}-{self.version}.tgz"

    @property
    def url(self) -> str:
        registry = os.environ.get("npm_config_registry") or os.environ.get("NPM_CONFIG_REGISTRY") or REGISTRY
        return f"{registry.rstrip('/')}/{self.name}/-/{self.tarball_name}"


def _decap_file(path: str) -> bool:
    # dist/ holds the bundle twice (cms.js and decap-cms.js, each with its lazily loaded chunks): one
    # name is enough.  Source maps are left out: 60 MB readers never need.
    name = posixpath.basename(path)
    return path.startswith("dist/") and (
        name.endswith(".decap-cms.js") or name in ("decap-cms.js", "decap-cms.js.LICENSE.txt") or name.endswith(".wasm"))


DECAP_CMS = NpmPackage(
    "decap-cms", "3.16.3",
    "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
    "decap-cms", _decap_file)
JS_YAML = NpmPackage(
    "js-yaml", "4.1.0",
    "sha512-wpxZs9NoxZaJESJGIZTyDEaYpl0FKSA+FB9aJiyemKhMwkxQg63h4T1KJgUGHpTqPDNRcmmYLugrRjJlBtWvRA==",
    "js-yaml", lambda path: path in ("dist/js-yaml.min.js", "LICENSE"))
PACKAGES = (DECAP_CMS, JS_YAML)
"""What static/admin/index.html loads: Decap CMS, and js-yaml for sitegen-format.js (Decap keeps its
own YAML parser to itself)."""


def _matches(data: bytes, integrity: str) -> bool:
    algorithm, _, expected = integrity.partition("-")
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == expected


def tarball(site_dir: Path, package: NpmPackage) -> bytes:
    """The package's tarball, from the site's cache or else the registry; always checked against
    the pinned integrity.  Raises BuildFailed (with how to fix) when it cannot be had."""
    cached = site_dir / CACHE_DIR / package.tarball_name
    if cached.is_file():
        data = cached.read_bytes()
        if _matches(data, package.integrity):
            return data
    where = f"{package.name}@{package.version}"
    try:
        with urllib.request.urlopen(package.url, timeout=60) as answer:
            data = answer.read(MAX_TARBALL_BYTES + 1)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:  # no network, a cut answer
        reason = getattr(exc, "reason", None) or exc
        raise BuildFailed([Problem(
            where, f"cannot download {package.url} ({reason})",
            f"connect this computer to the internet and run `sitegen cms` again (once is enough: the file is then "
            f"kept in {CACHE_DIR}/), or copy {package.tarball_name} there from a computer that has it "
            f"(`npm pack {where}` makes it)")]) from None
    if len(data) > MAX_TARBALL_BYTES or not _matches(data, package.integrity):
        raise BuildFailed([Problem(
            where, f"{package.url} did not give the pinned file (its sha512 differs from {package.integrity[:23]}…)",
            "a proxy or mirror altered it: try again on another network, or set npm_config_registry to a mirror "
            "you trust; sitegen never ships a file whose digest it does not know")])
    cached.parent.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_suffix(".part")
    temporary.write_bytes(data)
    temporary.replace(cached)
    return data


def package_files(package: NpmPackage, data: bytes) -> dict[str, bytes]:
    """The shipped files of a checked tarball, by name (flat: the bundle finds its chunks beside itself)."""
    files: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            path = member.name.removeprefix("package/")
            if member.isfile() and package.keep(path):
                extracted = archive.extractfile(member)
                if extracted is not None:
                    files[posixpath.basename(path)] = extracted.read()
    return files
