"""Chapter notebooks run by papermill: a worker's kernel is kept from one notebook to the next, emptied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbook.publish import notebooks


def _notebook(path: Path, *cells: str) -> Path:
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [],
                     "source": [source]} for i, source in enumerate(cells)],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _printed(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [o["text"] if isinstance(o["text"], str) else "".join(o["text"])
            for c in nb["cells"] for o in c["outputs"] if o.get("name") == "stdout"]


@pytest.fixture
def kept_kernel():
    yield
    from jupyter_core.utils import run_sync

    if notebooks._KERNEL is not None and notebooks._KERNEL.has_kernel:
        run_sync(notebooks._KERNEL.shutdown_kernel)(now=True)
    notebooks._KERNEL = None


def test_a_kept_kernel_runs_the_next_notebook_with_none_of_the_last_one_s_names(tmp_path, kept_kernel):
    first = _notebook(tmp_path / "first.ipynb", "import os\nleftover = 1\nprint(os.getpid())")
    second = _notebook(tmp_path / "second.ipynb", "import os\nprint(os.getpid())", "print('leftover' in dir())")
    notebooks.run_one(first, tmp_path / "out" / "first.ipynb", {}, reuse_kernel=True)
    notebooks.run_one(second, tmp_path / "out" / "second.ipynb", {}, reuse_kernel=True)
    (pid,), (again, leftover) = _printed(tmp_path / "out" / "first.ipynb"), _printed(tmp_path / "out" / "second.ipynb")
    assert again == pid  # the same kernel: no start, no imports again
    assert leftover.strip() == "False"
    # numbered as a fresh kernel numbers them, so a page does not change with the order notebooks ran in
    cells = json.loads((tmp_path / "out" / "second.ipynb").read_text(encoding="utf-8"))["cells"]
    assert [c["execution_count"] for c in cells if c["cell_type"] == "code"] == [1, 2]


def test_a_kernel_that_died_is_replaced(tmp_path, kept_kernel):
    dying = _notebook(tmp_path / "dying.ipynb", "import os\nprint(os.getpid())\nos._exit(1)")
    with pytest.raises(Exception):
        notebooks.run_one(dying, tmp_path / "out" / "dying.ipynb", {}, reuse_kernel=True)
    after = _notebook(tmp_path / "after.ipynb", "print('ran')")
    notebooks.run_one(after, tmp_path / "out" / "after.ipynb", {}, reuse_kernel=True)
    assert _printed(tmp_path / "out" / "after.ipynb") == ["ran\n"]


@pytest.mark.parametrize("warm", [True, False])
def test_workers_started_warm_run_chapters_in_kernels_that_imported_briefbook_already(tmp_path, warm):
    probe = _notebook(tmp_path / "probe.ipynb", "import sys\nprint('briefbook.views' in sys.modules)")
    with notebooks.Workers(1, warm=warm) as pool:
        notebooks.run_all([probe], tmp_path / "out", {}, pool=pool)
    assert _printed(tmp_path / "out" / "probe.ipynb") == [f"{warm}\n"]


def test_workers_stopped_by_an_error_leave_no_thread_to_race_the_exit():
    """A build refused while its workers warm up stops them at once; the pool's manager thread must be
    gone by then, or Python's exit hook races it for a closed pipe and prints a traceback after the
    build's one-line error."""
    from briefbook.publish.notebooks import Workers

    joined = []
    with pytest.raises(RuntimeError):
        with Workers(2, warm=True) as pool:
            manager = pool.pool._executor_manager_thread
            assert manager is not None  # the warm-up started the pool and its manager
            join = manager.join
            manager.join = lambda *args, **kwargs: (joined.append(True), join(*args, **kwargs))
            raise RuntimeError("no readable article")
    assert joined and not manager.is_alive()  # waited for, not left to race the exit
