"""Shared by the web editing form's tests: the pinned packages fetched once per run, and the
form's own file format (sitegen/cms_admin/sitegen-format.js) run in Node, without a browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from sitegen.cms import format_settings
from sitegen.cms_package import CACHE_DIR, JS_YAML, PACKAGES, package_files, tarball
from sitegen.config_toml import load_config

REPO = Path(__file__).resolve().parent.parent
FORMAT_JS = REPO / "sitegen" / "cms_admin" / "sitegen-format.js"

_HARNESS = r"""
const fs = require("fs"), vm = require("vm");
const [yamlPath, formatPath, settingsJson] = process.argv.slice(1);
const registered = {};
const window = { SITEGEN_CMS: JSON.parse(settingsJson),
  CMS: { registerCustomFormat: (name, ext, f) => { registered[name] = f; }, registerEventListener: () => {} } };
const context = vm.createContext({ window, self: window, console });
vm.runInContext(fs.readFileSync(yamlPath, "utf8").replace(/^/, "var module; var exports; var define;\n"), context);
window.jsyaml = context.jsyaml || window.jsyaml;
vm.runInContext(fs.readFileSync(formatPath, "utf8"), context);
const format = registered["sitegen-md"];
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const out = cases.map(c => {
  if (c.op === "roundtrip") return format.toFile(format.fromFile(c.text));
  if (c.op === "edit") { const data = format.fromFile(c.text); Object.assign(data, c.changes); return format.toFile(data); }
  if (c.op === "new") return format.toFile(c.data);
  if (c.op === "save_error") { try { format.toFile(format.fromFile(c.text)); return null; } catch (e) { return e.message; } }
  if (c.op === "read") { const data = format.fromFile(c.text); delete data.__sitegen_source; return data; }
  if (c.op === "slug") return window.SITEGEN_FORMAT.slugify(c.text);
});
process.stdout.write(JSON.stringify(out));
"""


def seed_packages(site_dir: Path, cache: Path) -> None:
    """Put the pinned tarballs fetched once for the run into a site's own cache."""
    target = site_dir / CACHE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for package in PACKAGES:
        shutil.copy2(cache / package.tarball_name, target / package.tarball_name)


def fetch_packages(folder: Path) -> Path:
    """The pinned tarballs, downloaded (and checked) once into `folder`/.sitegen-cache/npm."""
    for package in PACKAGES:
        tarball(folder, package)
    return folder / CACHE_DIR


def run_format(site_dir: Path, cache: Path, cases: list[dict]) -> list:
    """Each case through sitegen-format.js in Node, with the settings `sitegen cms` gives the site."""
    yaml_js = site_dir / "js-yaml.min.js"
    if not yaml_js.exists():
        seed_packages(site_dir, cache)
        yaml_js.write_bytes(package_files(JS_YAML, tarball(site_dir, JS_YAML))["js-yaml.min.js"])
    config, _ = load_config(site_dir)
    done = subprocess.run(["node", "-e", _HARNESS, str(yaml_js), str(FORMAT_JS), json.dumps(format_settings(config))],
                          input=json.dumps(cases), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
