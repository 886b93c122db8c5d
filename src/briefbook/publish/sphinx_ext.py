"""briefbook's Sphinx extension: what every page of the report carries.

- **Provenance.** The report's version, the git commit it was built from, the
  fingerprint of the seeds folder and the build date, so a brief can cite an
  exact build. ``briefbook build`` writes them as ``briefbook_provenance``.
  They name the build that last *wrote* the page: a rebuild rewrites only the
  pages whose content changed (a new article does not rewrite the other 499),
  so an unchanged page keeps the build it has read the same since. A change of
  briefbook's code rebuilds every page (:func:`briefbook.publish.build.build`).
- **Cite this page.** A formatted reference and a BibTeX entry built from the
  page's canonical address (``html.baseurl``), its title and the provenance.
- **Escaped page titles.** The theme prints ``pagetitle`` raw; titles of
  article pages are seed text.
- **A short sidebar.** The navigation lists the chapters and the appendix,
  not every article under it: the theme renders the whole sidebar into each
  page, so listing n articles costs n x n (a 500-article report spent three
  quarters of its site build there). The appendix page lists the articles.
- **De-duplicated scripts.** With this version set, sphinx-thebe and
  sphinx-togglebutton register their inline configuration twice, and the
  second ``const THEBE_JS_URL`` is a script error on every page.
"""

from __future__ import annotations

import html
import re
from typing import Any

_KEY_SAFE = re.compile(r"[^a-z0-9]+")


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


def page_url(baseurl: str, pagename: str) -> str:
    """The canonical address of a page (relative when no base URL is configured)."""
    path = f"{pagename}.html"
    return f"{baseurl.rstrip('/')}/{path}" if baseurl else path


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}%&#$_^~\\])", lambda m: "\\" + m.group(1) if m.group(1) not in "{}\\" else "", text)


#: Stands for the access date in a reference until it is rendered: the build date, then the reader's today.
ACCESSED = "\x00accessed\x00"
#: The access date is the day the page is read, set in the reader's browser (the build date without script).
ACCESS_DATE_JS = ("document.querySelectorAll('.briefbook-accessed').forEach(function(e)"
                  "{e.textContent=new Date().toISOString().slice(0,10);});")


def cite_block(title: str, book_title: str, author: str, url: str, provenance: dict[str, str], pagename: str) -> str:
    """The HTML of the "Cite this page" block (every value escaped)."""
    version = provenance.get("version", "")
    date = provenance.get("build_date", "")
    year = date[:4]
    commit = provenance.get("commit", "")
    fingerprint = provenance.get("seeds_fingerprint", "")
    reference = (
        f"{author} ({year}). “{title}”. In: {book_title}. Version {version}, built {date}"
        f" from seeds {fingerprint}{f' at commit {commit[:12]}' if commit else ''}. {url}. Accessed {ACCESSED}."
    )
    key = _KEY_SAFE.sub("-", f"briefbook {year} {pagename}".lower()).strip("-")
    bibtex = "\n".join([
        f"@misc{{{key},",
        f"  author = {{{_bibtex_escape(author)}}},",
        f"  title = {{{_bibtex_escape(title)}}},",
        f"  howpublished = {{{_bibtex_escape(book_title)}}},",
        f"  year = {{{year}}},",
        f"  version = {{{_bibtex_escape(version)}}},",
        f"  url = {{{url}}},",
        f"  urldate = {{{ACCESSED}}},",
        f"  note = {{Built {date} from seeds fingerprint {fingerprint}"
        + (f", commit {commit[:12]}" if commit else "") + "}",
        "}",
    ])
    accessed = f'<span class="briefbook-accessed">{html.escape(date)}</span>'
    # in div.highlight, as code blocks are, so sphinx-copybutton gives each a copy button
    return (
        '<section class="briefbook-cite" id="cite-this-page">'
        "<h2>Cite this page</h2>"
        f'<div class="highlight"><pre class="briefbook-reference">'
        f'{html.escape(reference).replace(ACCESSED, accessed)}</pre></div>'
        f'<div class="highlight"><pre class="briefbook-bibtex">{html.escape(bibtex).replace(ACCESSED, accessed)}</pre></div>'
        f"<script>{ACCESS_DATE_JS}</script>"
        "</section>"
    )


def provenance_line(provenance: dict[str, str]) -> str:
    """The footer line naming the build that last wrote the page (see the module docstring)."""
    text = (f"This page was last written by briefbook version {provenance.get('version', '')}"
            f" on {provenance.get('build_date', '')}"
            f" (commit {provenance.get('commit', '')[:12] or 'unknown'})"
            f" from seeds fingerprint {provenance.get('seeds_fingerprint', '')}.")
    return f'<p class="briefbook-provenance" id="provenance">{html.escape(text)}</p>'


def add_cite_block(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None or "body" not in context:
        return  # search, genindex and redirect pages are not cited
    provenance = dict(app.config.briefbook_provenance or {})
    title = re.sub(r"<[^>]+>", "", context.get("title", "")) or pagename
    title = html.unescape(title)
    url = page_url(app.config.html_baseurl or "", pagename)
    context["body"] += provenance_line(provenance) + cite_block(
        title, app.config.html_title or app.config.project, app.config.author, url, provenance, pagename)


def escape_pagetitle(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Escape the page title the theme prints raw.

    sphinx-book-theme sets ``pagetitle`` to the title's plain text and writes it
    unescaped into its print header; an article headline is seed text, so a
    ``<script>`` in it would run. It must run after the theme's handler.
    """
    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"], quote=True)


_DATA_LINK = re.compile(r'href="([^"]*_static/downloads/([\w.-]+)\.csv)"')


def reader_downloads(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The page's download menu offers what a reader wants: the page as PDF and the data of each of its
    tables and charts (CSV), never the notebook or source file the page was built from.

    Runs after the theme's header buttons are made (priority 501) and rewrites their download group.
    """
    for group in context.get("header_buttons", []):
        if group.get("label") != "download-buttons":
            continue
        keep = [b for b in group.get("buttons", []) if b.get("label") == "download-pdf-button"]
        for button in keep:
            button["text"], button["tooltip"] = "PDF of this page", "Print this page to PDF"
        seen = set()
        for url, name in _DATA_LINK.findall(context.get("body", "")):
            if name not in seen:
                seen.add(name)
                keep.append({"type": "link", "url": url, "text": f"{name}.csv", "icon": "fas fa-table",
                             "tooltip": "Download this data (CSV)", "label": f"download-data-{name}"})
        group["buttons"] = keep
        group["tooltip"] = "Download this page as PDF, or its data"


#: Levels of the table of contents the sidebar shows (1: parts and chapters; the articles sit one below).
SIDEBAR_DEPTH = 1


def short_sidebar(app, config) -> None:
    """Show :data:`SIDEBAR_DEPTH` levels in the sidebar unless the book's configuration says otherwise.

    Set here, merged into the theme options Jupyter Book derived from
    ``_config.yml``: a ``html_theme_options`` under ``sphinx.config`` would
    replace those options instead of adding to them.
    """
    options = dict(config.html_theme_options or {})
    options.setdefault("max_navbar_depth", SIDEBAR_DEPTH)
    config.html_theme_options = options


def setup(app) -> dict:
    # "": a new provenance alone rewrites no page (see the module docstring)
    app.add_config_value("briefbook_provenance", {}, "")
    app.connect("config-inited", short_sidebar)
    # Early: a theme handler returns a template name, which ends the event for later handlers.
    app.connect("html-page-context", dedupe_scripts, priority=200)
    app.connect("html-page-context", add_cite_block, priority=201)
    app.connect("html-page-context", reader_downloads, priority=600)
    app.connect("html-page-context", escape_pagetitle, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
