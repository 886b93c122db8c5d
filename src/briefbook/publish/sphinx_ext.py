"""briefbook's Sphinx extension: small fixes and additions to every page of the site.

- De-duplicates the page's scripts. With this version set, sphinx-thebe and
  sphinx-togglebutton register their inline configuration twice, and the
  second ``const THEBE_JS_URL`` is a script error on every page.
"""

from __future__ import annotations

from typing import Any


def _script_key(script: Any) -> tuple:
    filename = getattr(script, "filename", script)
    attributes = tuple(sorted((k, str(v)) for k, v in getattr(script, "attributes", {}).items()))
    return (str(filename or ""), attributes)  # inline scripts come as None or ""


def dedupe_scripts(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple] = set()
    unique = []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app) -> dict:
    # Early: a theme handler returns a template name, which ends the event for later handlers.
    app.connect("html-page-context", dedupe_scripts, priority=200)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
