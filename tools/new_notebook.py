"""Write a chapter template from a list of cells (kept so templates stay consistent).

Usage from Python: ``write(path, cells)`` where cells are ("md"|"code"|"params", source).
Templates are committed without outputs; `briefbook build` runs them with papermill.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

PARAMETERS = '''# Parameters: papermill replaces them; `briefbook build` passes absolute paths.
seeds_dir = "../seeds"  # the folder of seed articles the report is about
cache_dir = "../_build/cache"  # where extracted tables are cached (or one extraction of it)'''


def write(path: Path, cells: list[tuple[str, str]]) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in cells:
        if kind == "md":
            cell = nbformat.v4.new_markdown_cell(source.strip("\n"))
        elif kind == "params":
            cell = nbformat.v4.new_code_cell(source or PARAMETERS, metadata={"tags": ["parameters", "remove-cell"]})
        else:
            cell = nbformat.v4.new_code_cell(source.strip("\n"))
        cell["id"] = f"cell-{len(nb.cells) + 1}"  # stable ids keep diffs of templates small
        nb.cells.append(cell)
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit("import this module and call write()")
