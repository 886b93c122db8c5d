"""Access to the editable data files that ship with the package (lexicons, aliases).

A user can point ``BRIEFBOOK_DATA`` at a folder of their own copies: any file
found there replaces the packaged one of the same name, so lexicons can be
edited without touching the installed package.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from briefbook.errors import BriefbookError


def data_path(name: str) -> Path:
    """Where the data file ``name`` is read from (user override first)."""
    override = os.environ.get("BRIEFBOOK_DATA")
    if override and (Path(override) / name).is_file():
        return Path(override) / name
    return Path(str(resources.files("briefbook") / "data" / name))


@lru_cache(maxsize=None)
def _load(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BriefbookError(str(path), "data file not found") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark else ""
        raise BriefbookError(str(path), f"not valid YAML{line}") from None


def load_yaml(name: str) -> Any:
    """The parsed YAML data file ``name`` (cached per path)."""
    return _load(data_path(name))
