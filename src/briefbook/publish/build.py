"""``briefbook build``: from a seeds folder to a published site, all or nothing.

Steps: load and validate the seeds, extract (cached), write the article pages
and the offline chart library, run the chapter notebooks, then build the book
with warnings as errors into a work folder. Only when every step succeeded is
the new site moved into place, so a failed build leaves the last good site
untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefbook.errors import BriefbookError
from briefbook.extract import cached_extract, read_tables
from briefbook.publish import appendix, notebooks, static

#: Chapter templates in reading order; each must be listed in _toc.yml as book/<name>.
CHAPTERS = ("intro", "sources", "claims", "casualties", "chronology", "methods")


@dataclass
class BuildResult:
    site: Path
    timings: dict[str, float] = field(default_factory=dict)


def _progress(message: str) -> None:
    print(f"briefbook: {message}", file=sys.stderr, flush=True)


def chapter_templates(root: Path) -> list[Path]:
    """The templates present in ``notebooks/``, in reading order."""
    return [root / "notebooks" / f"{name}.ipynb" for name in CHAPTERS if (root / "notebooks" / f"{name}.ipynb").is_file()]


def write_config(root: Path, out: Path, title: str) -> Path:
    """The book's config with the corpus's title, written beside the build."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = title
    path = out / "briefbook" / "_config.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def run_jupyter_book(root: Path, config: Path, work: Path) -> None:
    """``jupyter-book build`` with warnings as errors; raises with the first problems on failure."""
    command = [
        sys.executable, "-m", "jupyter_book", "build", str(root), "--path-output", str(work),
        "--config", str(config), "--toc", str(root / "_toc.yml"), "-W", "-n", "--keep-going", "--quiet",
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root)
    if result.returncode != 0:
        lines = [l for l in (result.stderr + result.stdout).splitlines() if "WARNING" in l or "ERROR" in l]
        detail = lines[0] if lines else (result.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise BriefbookError("jupyter-book build", f"failed ({len(lines)} problems); first: {detail.strip()}")


def publish(work_html: Path, site: Path) -> None:
    """Replace ``site`` by a copy of ``work_html``, swapping in one rename."""
    fresh = site.with_name(site.name + ".new")
    old = site.with_name(site.name + ".old")
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(work_html, fresh)
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def build(seeds_dir: Path, root: Path, out: Path, title: str | None = None, workers: int | None = None) -> BuildResult:
    """Build the report on ``seeds_dir`` into ``out/html``."""
    from briefbook.sources import report_title

    root, out, seeds_dir = root.resolve(), out.resolve(), seeds_dir.resolve()
    timings: dict[str, float] = {}
    start = time.perf_counter()
    _progress(f"reading seeds in {seeds_dir}")
    cache_folder, corpus, stage_times = cached_extract(seeds_dir, out / "cache")
    timings.update(stage_times)
    timings["extract_total"] = time.perf_counter() - start
    _progress("extraction " + ("done" if corpus is not None else "unchanged (cache)") + f" in {timings['extract_total']:.1f}s")
    tables = read_tables(cache_folder)
    for kept in ("skipped",):
        for row in tables[kept].itertuples():
            _progress(f"note: {row.file}: {row.reason}")

    start = time.perf_counter()
    appendix.write_appendix(tables, root / "book" / "articles")
    static.write_vega_bundle(root / "book" / "_static")
    templates = chapter_templates(root)
    parameters = {"seeds_dir": str(seeds_dir), "cache_dir": str(out / "cache")}
    notebooks.run_all(templates, root / "book", parameters, workers=workers)
    timings["notebooks"] = time.perf_counter() - start

    start = time.perf_counter()
    config = write_config(root, out, title or report_title(tables["documents"], _numeric(tables["entities"])))
    _progress("building the site (jupyter-book, warnings as errors)")
    run_jupyter_book(root, config, out / ".work")
    site = out / "html"
    publish(out / ".work" / "_build" / "html", site)
    timings["site"] = time.perf_counter() - start
    _progress(f"site ready: {site / 'index.html'}")
    return BuildResult(site, timings)


def _numeric(frame):
    frame = frame.copy()
    for column in ("mentions", "articles"):
        if column in frame:
            frame[column] = frame[column].astype(int)
    return frame
