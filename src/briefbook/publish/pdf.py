"""The whole report as one PDF, printed by Debian's chromium from a single-page build.

Jupyter Book's own PDF builder downloads a browser and fails offline; instead
the staged book is built with the ``singlehtml`` builder and chromium prints
that page, after giving the charts time to draw.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from briefbook.errors import BriefbookError

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-pdf-header-footer",
    "--virtual-time-budget=15000", "--run-all-compositor-stages-before-draw",
]


def print_pdf(out: Path) -> Path:
    """Build ``out/source`` as one HTML page and print it to ``out/briefbook-report.pdf``."""
    out = out.resolve()
    source, work = out / "source", out / ".work-singlehtml"
    if not (source / "_config.yml").is_file():
        raise BriefbookError(str(out), "no staged book; run `briefbook build` first")
    chromium = shutil.which("chromium")
    if not chromium:
        raise BriefbookError("chromium", "not installed (apt-get install chromium)")
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(source), "--builder", "singlehtml",
               "--path-output", str(work), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True)
    folder = work / "_build" / "singlehtml"
    pages = sorted((folder / "book").glob("*.html")) if (folder / "book").is_dir() else []
    if result.returncode != 0 or not pages:
        raise BriefbookError("jupyter-book build --builder singlehtml", "failed")
    # The single page sits in book/ but its asset paths are written relative to the
    # site's root: print a copy placed at the root, where they resolve.
    page = folder / "report.html"
    page.write_text(pages[0].read_text(encoding="utf-8"), encoding="utf-8")
    pdf = out / "briefbook-report.pdf"
    # On Ctrl-C chromium's helper processes may still be writing the profile as it is removed.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        result = subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.as_uri()],
            capture_output=True, text=True, timeout=300,
        )
    if result.returncode != 0 or not pdf.is_file():
        raise BriefbookError("chromium", f"could not print the report ({result.returncode})")
    return pdf
