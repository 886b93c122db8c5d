"""The site's own copy of vega, vega-lite and vega-embed, so charts draw offline.

``vl_convert`` ships the three libraries as one script. It is written into the
book's ``_static`` folder at build time (not committed: it is a build product
of a pinned package). It is wrapped in a function scope because its top-level
names otherwise collide with globals of the Sphinx theme; the bundle's own
snippet puts ``vegaEmbed`` on ``window``, which is all the charts need.
"""

from __future__ import annotations

from pathlib import Path

import vl_convert

BUNDLE_NAME = "vega-bundle.js"


def write_vega_bundle(static_dir: Path) -> Path:
    """Write the wrapped bundle into ``static_dir`` unless one from the same vl-convert is there."""
    static_dir.mkdir(parents=True, exist_ok=True)
    path = static_dir / BUNDLE_NAME
    header = "/* vega, vega-lite and vega-embed, bundled by vl-convert " + vl_convert.__version__ + " */\n"
    if path.is_file():
        with path.open(encoding="utf-8") as existing:
            if existing.readline() == header:
                return path  # bundling takes seconds; the same vl-convert gives the same bundle
    path.write_text(header + "(function(){\n" + vl_convert.javascript_bundle() + "\n})();\n", encoding="utf-8")
    return path
