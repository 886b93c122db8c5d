"""The project's own files: pins that agree, clean notebook templates, documented parameters."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)")
TEMPLATES = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_environment_yml_has_the_pins_of_the_lock():
    lock = {m.group(1).lower(): m.group(2) for line in (ROOT / "requirements.lock").read_text().splitlines()
            if (m := PIN.match(line))}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda = {m.group(1).lower(): m.group(2) for item in pip if (m := PIN.match(item))}
    assert lock and conda == lock


def test_every_locked_package_is_hash_pinned():
    text = (ROOT / "requirements.lock").read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 3)[3])
    assert all("--hash=sha256:" in e for e in entries if PIN.match(e))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_templates_are_committed_without_outputs(template):
    nb = json.loads(template.read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert not cell["outputs"] and cell["execution_count"] is None


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.stem)
def test_templates_document_their_parameters_and_hide_them(template):
    nb = json.loads(template.read_text())
    params = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1 and "remove-cell" in params[0]["metadata"]["tags"]
    assignments = [l for l in "".join(params[0]["source"]).splitlines() if re.match(r"^\w+ = ", l)]
    assert {"seeds_dir", "cache_dir"} <= {l.split(" = ")[0] for l in assignments}
    assert all("  # " in l for l in assignments), "every parameter needs a comment saying what it is"


def test_every_template_is_in_the_table_of_contents():
    toc = (ROOT / "_toc.yml").read_text()
    for template in TEMPLATES:
        assert f"book/{template.stem}" in toc, template.name


def test_corpus_words_are_not_in_the_code():
    """A guard for the house rule; the real defence is review."""
    seeds_words = {"tokayev", "putin", "kazakh", "almaty", "csto", "interfax", "zhanaozen"}
    for path in (ROOT / "src").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        assert not [w for w in seeds_words if w in text], path
