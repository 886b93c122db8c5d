"""Run the chapter templates with papermill, in parallel processes.

Each template in ``notebooks/`` is executed with the build's parameters into
the book's source folder. A failure is reported with the notebook, the cell
and the error's last line; the half-executed notebook papermill leaves behind
is deleted so it can never reach the site.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from briefbook.errors import BriefbookError


@dataclass(frozen=True)
class NotebookRun:
    template: Path
    output: Path
    seconds: float


def _hide_parameters(path: Path) -> None:
    """Tag papermill's injected parameters cell ``remove-cell``: it holds machine paths."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags", [])
        if ("injected-parameters" in tags or "parameters" in tags) and "remove-cell" not in tags:
            cell["metadata"]["tags"] = tags + ["remove-cell"]
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def run_one(template: Path, output: Path, parameters: dict) -> NotebookRun:
    """Execute one template (in this process); raises BriefbookError naming notebook and cell."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        pm.execute_notebook(
            str(template), str(output), parameters=parameters, progress_bar=False,
            kernel_name="python3", cwd=str(output.parent), log_output=False,
        )
    except PapermillExecutionError as err:
        output.unlink(missing_ok=True)
        last = (err.evalue or "").strip().splitlines()
        detail = f"{err.ename}: {last[-1] if last else ''}".strip()
        raise BriefbookError(str(template), f"failed in cell {err.exec_count or err.cell_index}: {detail}") from None
    except Exception as err:  # kernel died, bad JSON …
        output.unlink(missing_ok=True)
        raise BriefbookError(str(template), f"could not run: {type(err).__name__}: {err}".splitlines()[0]) from None
    _hide_parameters(output)
    return NotebookRun(template, output, time.perf_counter() - start)


def _run_one_safely(template: Path, output: Path, parameters: dict) -> NotebookRun | BriefbookError:
    try:
        return run_one(template, output, parameters)
    except BriefbookError as err:
        return err


def _stamp_path(output: Path) -> Path:
    return output.with_name(f".{output.stem}.stamp")


def input_stamp(template: Path, parameters: dict, stamp: str) -> str:
    """What a run depends on: the template, its parameters and the data and code versions."""
    digest = hashlib.sha256(template.read_bytes())
    digest.update(json.dumps(parameters, sort_keys=True).encode() + stamp.encode())
    return digest.hexdigest()


def run_all(
    templates: list[Path], out_dir: Path, parameters: dict, workers: int | None = None, stamp: str = "",
) -> list[NotebookRun]:
    """Run every template into ``out_dir``, showing progress; raise on the first failure (after all finish).

    With a ``stamp`` (the data and code versions), a template whose output is
    already there from the same inputs is not run again: a rebuild with nothing
    changed does not re-execute any notebook.
    """
    if stamp:
        fresh = {t: input_stamp(t, parameters, stamp) for t in templates}
        todo = [t for t in templates if not (
            (out_dir / t.name).is_file() and _stamp_path(out_dir / t.name).is_file()
            and _stamp_path(out_dir / t.name).read_text() == fresh[t])]
        if len(todo) < len(templates):
            _progress(f"{len(templates) - len(todo)} notebooks unchanged since the last build")
        for t in todo:
            _stamp_path(out_dir / t.name).unlink(missing_ok=True)
        runs = _run(todo, out_dir, parameters, workers) if todo else []
        for t in todo:
            _stamp_path(out_dir / t.name).write_text(fresh[t])
        return runs
    return _run(templates, out_dir, parameters, workers)


def _run(templates: list[Path], out_dir: Path, parameters: dict, workers: int | None) -> list[NotebookRun]:
    workers = workers or max(1, min(len(templates), os.cpu_count() or 1))
    runs: list[NotebookRun] = []
    failures: list[BriefbookError] = []
    total = len(templates)
    _progress(f"running {total} notebooks in {workers} processes: " + ", ".join(t.stem for t in templates))
    # "spawn": a forked copy of this process (threads, zmq sockets, a loaded NLP model) is not safe.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, initializer=_quiet_kernels, mp_context=context) as pool:
        futures = {
            pool.submit(_run_one_safely, t, out_dir / t.name, parameters): t for t in templates
        }
        for done, future in enumerate(as_completed(futures), start=1):
            result = future.result()
            if isinstance(result, BriefbookError):
                failures.append(result)
                _progress(f"[{done}/{total}] {futures[future].stem}: FAILED ({result.problem})")
            else:
                runs.append(result)
                _progress(f"[{done}/{total}] {result.template.stem}: done in {result.seconds:.1f}s")
    if failures:
        raise failures[0]
    return sorted(runs, key=lambda r: r.template.name)


def _quiet_kernels() -> None:
    """Send the kernels' own stderr chatter to /dev/null; failures come back as exceptions."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def _progress(message: str) -> None:
    print(f"briefbook: {message}", file=sys.stderr, flush=True)
