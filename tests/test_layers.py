"""The house reads top-down: corpus -> nlp -> language -> analyses -> pipeline -> report / publish.

Every ``import`` in the package, including those inside functions, is read
from the source (nothing is imported to run this test), so a late import that
runs back up a layer is caught as surely as one at the top of a file.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefbook"

#: Layer of each top-level part of the package; a module may import only its own layer or lower ones.
LAYERS = {
    "errors": 0, "resources": 0, "schema": 0, "scoring": 0,
    "corpus": 1,
    "nlp": 2, "parsing": 2,
    "language": 3,
    "analysis": 4, "entities": 4, "charting": 4,
    "claims": 5, "figures": 5, "chronology": 5,
    "pipeline": 6, "corrected": 6,
    "extract": 7, "evaluation": 7,
    "publish": 7,
    "report": 8, "findings": 8, "briefing": 8, "views": 8, "sources": 8, "methods": 8, "review": 8,
    "cli": 9, "bench": 9,
    "__init__": 0,
}
ANALYSES = {"claims", "figures", "chronology"}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("briefbook")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefbook") and not node.level:
            found.add(node.module)
            # "from briefbook.chronology import dates" names a module, not only a package
            found |= {f"{node.module}.{a.name}" for a in node.names
                      if (PACKAGE.parent / node.module.replace(".", "/") / f"{a.name}.py").is_file()}
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {i for i in _imports(path) if i in modules and i != name} for name, path in modules.items()}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_part_of_the_package_has_a_layer():
    assert {_part(m) for m in _graph()} <= set(LAYERS)


def test_no_import_runs_back_up_a_layer():
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in _graph().items() for target in targets
        if LAYERS[_part(target)] > LAYERS[_part(module)]
    )
    assert upward == []


def test_no_analysis_imports_another_analysis_the_pipeline_or_publish():
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in _graph().items() if _part(module) in ANALYSES
        for target in targets
        if _part(target) != _part(module) and (_part(target) in ANALYSES or _part(target) in
                                                ("pipeline", "extract", "evaluation", "publish", "report"))
    )
    assert wrong == []


def test_the_import_graph_has_no_cycle():
    graph = _graph()
    # a package's __init__ re-exporting its own modules is not a cycle of the house
    graph = {m: {t for t in ts if not (t.startswith(m + ".") or m.startswith(t + ".") and t == _package(m))}
             for m, ts in graph.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target):] + [target]) if target in path else target)
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def _package(module: str) -> str:
    return module.rsplit(".", 1)[0]


@pytest.mark.parametrize("layer", ["language", "corpus"])
def test_the_lower_layers_know_nothing_of_the_analyses(layer):
    assert not any(
        _part(t) in ANALYSES for m, ts in _graph().items() if _part(m) == layer for t in ts
    )
