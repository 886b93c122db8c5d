"""The site's own copy of vega, vega-lite and vega-embed, so charts draw offline.

``vl_convert`` ships the three libraries as one script. It is written into the
book's ``_static`` folder at build time (not committed: it is a build product
of a pinned package). It is wrapped in a function scope because its top-level
names otherwise collide with globals of the Sphinx theme; the bundle's own
snippet puts ``vegaEmbed`` on ``window``, which is all the charts need.
"""

from __future__ import annotations

import os
from pathlib import Path

import vl_convert

BUNDLE_NAME = "vega-bundle.js"
FOOTER = "\n})();\n"  # closes the function scope; a bundle without it was cut off


def _complete(path: Path, header: str) -> bool:
    """The bundle at ``path`` comes from this vl-convert and was written to its end."""
    with path.open("rb") as existing:
        if existing.readline() != header.encode():
            return False
        existing.seek(0, 2)
        if existing.tell() < len(header) + len(FOOTER):
            return False
        existing.seek(-len(FOOTER), 2)
        return existing.read() == FOOTER.encode()


def write_vega_bundle(static_dir: Path) -> Path:
    """Write the wrapped bundle into ``static_dir`` unless a complete one from the same vl-convert is there.

    Written to a temporary file and renamed, so a build stopped half-way never
    leaves a cut-off bundle that a later build would take for a good one.
    """
    static_dir.mkdir(parents=True, exist_ok=True)
    path = static_dir / BUNDLE_NAME
    header = "/* vega, vega-lite and vega-embed, bundled by vl-convert " + vl_convert.__version__ + " */\n"
    if path.is_file() and _complete(path, header):
        return path  # bundling takes seconds; the same vl-convert gives the same bundle
    partial = path.with_name(f".{BUNDLE_NAME}.{os.getpid()}.tmp")
    try:
        partial.write_text(header + "(function(){\n" + vl_convert.javascript_bundle() + FOOTER, encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
