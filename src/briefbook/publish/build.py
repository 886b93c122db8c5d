"""``briefbook build``: from a seeds folder to a published site, all or nothing.

Steps: load and validate the seeds, extract (cached), write the article pages
and the offline chart library, run the chapter notebooks, then build the book
with warnings as errors into a work folder, whose Sphinx environment is kept
between builds so that only changed pages are read and written
(:func:`fresh_environment`). Only when every step succeeded is
the new site moved into place, so a failed build leaves the last good site
untouched. So does a stopped one (Ctrl-C, SIGTERM): nothing needs undoing, the
build has only to stop promptly, notebooks and jupyter-book included.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefbook.errors import BriefbookError
from briefbook.extract import cache_folder, cached_extract, code_version, read_tables, stale_corrections
from briefbook.publish import appendix, bibliography, downloads, limits, notebooks, static

#: Chapter templates in reading order; each must be listed in _toc.yml as book/<name>.
CHAPTERS = ("intro", "claims", "casualties", "chronology", "sources", "methods", "corrections", "review")


@dataclass
class BuildResult:
    site: Path
    timings: dict[str, float] = field(default_factory=dict)


def _progress(message: str) -> None:
    print(f"briefbook: {message}", file=sys.stderr, flush=True)


def chapter_templates(root: Path) -> list[Path]:
    """The templates present in ``notebooks/``, in reading order."""
    return [root / "notebooks" / f"{name}.ipynb" for name in CHAPTERS if (root / "notebooks" / f"{name}.ipynb").is_file()]


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` unless the file already holds it (keeps Sphinx's incremental build warm)."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def provenance(root: Path, fingerprint: str) -> dict[str, str]:
    """What identifies this build: version, commit, seeds fingerprint and date (day precision)."""
    from briefbook import __version__

    commit = ""
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10)
        if result.returncode == 0:
            commit = result.stdout.strip()
            dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                                   capture_output=True, text=True, timeout=10).stdout.strip()
            commit += "+changes" if dirty else ""
    except (OSError, subprocess.SubprocessError):
        pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    today = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()
    return {"version": __version__, "commit": commit, "seeds_fingerprint": fingerprint, "build_date": today.isoformat()}


def stage_source(root: Path, source: Path, title: str, build_info: dict[str, str], baseurl: str | None = None) -> None:
    """Lay out the book's source in ``source``: config with the corpus's title, toc, committed pages.

    The project's ``book/`` folder holds only what is committed (style sheets,
    extensions); everything generated goes to the staged copy, so building on
    other seeds never touches the repository.
    """
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = title
    if baseurl is not None:
        config.setdefault("html", {})["baseurl"] = baseurl
    if not (config.get("html") or {}).get("baseurl"):
        _progress("note: no --baseurl and no html.baseurl in _config.yml: cite blocks give addresses relative "
                  "to the site")
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config["briefbook_provenance"] = build_info
    write_if_changed(source / "_config.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode())
    write_if_changed(source / "_toc.yml", (root / "_toc.yml").read_bytes())
    for path in sorted((root / "book").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            write_if_changed(source / "book" / path.relative_to(root / "book"), path.read_bytes())


def write_article_pages(tables: dict, source: Path, templates: list[Path]) -> set[str] | None:
    """The appendix and its bibliography, after the chapters: past a size only the articles a chapter links
    to are pages of the book (:mod:`briefbook.publish.appendix`). Returns those articles' ids (None: every
    article is a page)."""
    documents = tables["documents"]
    paged = appendix.paged_articles(documents, appendix.linked_articles(
        source / "book" / f"{t.stem}.ipynb" for t in templates))
    appendix.write_appendix(tables, source / "book" / "articles", paged,
                            extra=source / "book" / appendix.EXTRA / "book" / "articles")
    bibliography.write_bibliography(documents if paged is None else documents[documents["doc_id"].isin(paged)],
                                    source / "book" / "references.bib")
    return paged


def site_digest(source: Path, code: str) -> str:
    """A hash of every staged file (names and bytes) and of the package's code version.

    Equal digests build equal sites: the code version covers what shapes a page
    without being staged (the Sphinx extension, the renderers).
    """
    digest = hashlib.sha256(code.encode())
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(source)).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def fresh_environment(work: Path, code: str) -> None:
    """Keep Sphinx's environment in ``work`` between builds only while briefbook's code is the same.

    Sphinx then reads and writes only the pages whose source changed. It cannot see a change in
    what renders a page without being staged (this package's Sphinx extension, its renderers), so a
    new code version starts from an empty environment and every page is written again.
    """
    stamp = work / "CODE_VERSION"
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != code:
        shutil.rmtree(work / "_build", ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        stamp.write_text(code, encoding="utf-8")


def run_jupyter_book(source: Path, work: Path) -> None:
    """``jupyter-book build`` with warnings as errors; raises with the first problems on failure."""
    command = [
        str(Path(sys.executable).with_name("jupyter-book")), "build", str(source), "--path-output", str(work),
        "-W", "-n", "--keep-going", "--quiet",
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=source)
    if result.returncode != 0:
        output = (result.stderr + "\n" + result.stdout).splitlines()
        lines = [l for l in output if "WARNING" in l or "ERROR" in l or "Error:" in l]
        detail = lines[0] if lines else (result.stderr.strip().splitlines() or ["unknown error"])[-1]
        detail = re.sub(r"\x1b\[[0-9;]*m", "", detail)
        raise BriefbookError("jupyter-book build", f"failed ({len(lines)} problems); first: {detail.strip()}")


def publish(work_html: Path, site: Path) -> None:
    """Replace ``site`` by a copy of ``work_html``, swapping in one rename.

    Ctrl-C or SIGTERM between the two renames would leave no site at all (and
    the next build deletes ``.old``): the swap holds them until it is done.
    """
    fresh = site.with_name(site.name + ".new")
    old = site.with_name(site.name + ".old")
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(work_html, fresh)
    shutil.rmtree(old, ignore_errors=True)
    with notebooks.signals_deferred():
        if site.exists():
            site.rename(old)
        fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def build(
    seeds_dir: Path, root: Path, out: Path, title: str | None = None, workers: int | None = None,
    baseurl: str | None = None, scheduler: str | None = None,
) -> BuildResult:
    """Build the report on ``seeds_dir`` into ``out/html``."""
    from briefbook.entities import report_title

    root, out, seeds_dir = root.resolve(), out.resolve(), seeds_dir.resolve()
    timings: dict[str, float] = {}
    start = time.perf_counter()
    limits.check()  # a bad setting is told before any work is done
    _progress(f"reading seeds in {seeds_dir}")
    code = code_version()
    templates = chapter_templates(root)
    # The chapters run in kernels started while the articles are read: a new corpus is a few seconds
    # of extraction on one core, time enough for the other to start them (notebooks.Workers).
    warm = not (cache_folder(seeds_dir, out / "cache", code) / "COMPLETE").is_file()
    source = out / "source"
    # Where the chapters save each table's and chart's data: set before the workers (and their kernels)
    # start, since they take this process's environment as it is then.
    os.environ["BRIEFBOOK_DOWNLOADS"] = str(source / "book" / "_static" / "downloads")
    with (notebooks.Workers(workers or max(1, min(len(templates), os.cpu_count() or 1)), warm=True)
          if warm else contextlib.nullcontext()) as pool:
        extracted, corpus, stage_times = cached_extract(seeds_dir, out / "cache", code, scheduler)
        timings.update(stage_times)
        timings["extract_total"] = time.perf_counter() - start
        _progress("extraction " + ("done" if corpus is not None else "unchanged (cache)")
                  + f" in {timings['extract_total']:.1f}s")
        tables = read_tables(extracted)
        for kept in ("skipped",):
            for row in tables[kept].itertuples():
                _progress(f"note: {row.file}: {row.reason}")
        for line in stale_corrections(tables):
            _progress(line)

        start = time.perf_counter()
        title = title or report_title(tables["entities"])
        fingerprint = json.loads((extracted / "COMPLETE").read_text(encoding="utf-8"))["fingerprint"]
        stage_source(root, source, title, provenance(root, fingerprint), baseurl)
        downloads.write_data_files(extracted, source / "book" / "_static" / "data")
        static.write_vega_bundle(source / "book" / "_static")
        parameters = {
            "seeds_dir": str(seeds_dir), "cache_dir": str(extracted),
            "tests_dir": str(root / "tests"), "annotated_seeds_dir": str(root / "seeds"),
        }
        stamp = f"{extracted.name}:{code}"
        notebooks.run_all(templates, source / "book", parameters, workers=workers, stamp=stamp, pool=pool)
    write_article_pages(tables, source, templates)
    timings["notebooks"] = time.perf_counter() - start

    start = time.perf_counter()
    site, stamp_file = out / "html", out / ".work" / "SOURCE_DIGEST"
    digest = site_digest(source, code)
    if (site / "index.html").is_file() and stamp_file.is_file() and stamp_file.read_text() == digest:
        _progress("site unchanged: its pages, data, configuration and code are the same as the last build's")
    else:
        _progress("building the site (jupyter-book, warnings as errors)")
        stamp_file.unlink(missing_ok=True)
        fresh_environment(out / ".work", code)
        run_jupyter_book(source, out / ".work")
        publish(out / ".work" / "_build" / "html", site)
        stamp_file.write_text(digest)
    timings["site"] = time.perf_counter() - start
    _progress(f"site ready: {site / 'index.html'}")
    return BuildResult(site, timings)

