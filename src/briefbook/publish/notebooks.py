"""Run the chapter templates with papermill, in parallel processes.

Each template in ``notebooks/`` is executed with the build's parameters into
the book's source folder. A failure is reported with the notebook, the cell
and the error's last line; the half-executed notebook papermill leaves behind
is deleted so it can never reach the site.

Ctrl-C belongs to the parent process: it stops the pool at once (see
:func:`_stop`). The workers are spawned with SIGINT blocked and then ignore it,
so none prints a traceback of its own, not even one still starting up. The
notebooks of an interrupted run get no stamp, so the next build runs them again.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from briefbook.errors import BriefbookError


@dataclass(frozen=True)
class NotebookRun:
    template: Path
    output: Path
    seconds: float


def _hide_parameters(path: Path) -> None:
    """Tag papermill's injected parameters cell ``remove-cell``: it holds machine paths. And number the
    executed cells from 1, as a fresh kernel would: a kernel reused for several notebooks counts on."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    count = 0
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags", [])
        if ("injected-parameters" in tags or "parameters" in tags) and "remove-cell" not in tags:
            cell["metadata"]["tags"] = tags + ["remove-cell"]
        if cell.get("cell_type") == "code" and cell.get("execution_count") is not None:
            count += 1
            cell["execution_count"] = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = count
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


#: The kernel this process runs its notebooks in (a worker of :func:`_run`), kept from one notebook to the
#: next: starting a kernel and importing pandas, Altair, spaCy and briefbook in it cost some 3 s per
#: notebook, most of a rebuild's notebook stage. Its namespace is emptied before each notebook.
_KERNEL = None


def _kernel(reuse: bool):
    """The kernel manager to run the next notebook with: this process's, emptied, when ``reuse``
    (None otherwise: papermill starts a kernel of its own and shuts it down after)."""
    global _KERNEL
    if not reuse:
        return None
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    if _KERNEL is not None and _KERNEL.has_kernel:
        try:
            if run_sync(_KERNEL.is_alive)():
                client = _KERNEL.blocking_client()
                client.start_channels()
                try:
                    client.wait_for_ready(timeout=30)
                    client.execute_interactive("%reset -f", timeout=30, store_history=False)
                    return _KERNEL
                finally:
                    client.stop_channels()
        except Exception:  # a kernel that does not answer is replaced
            pass
        try:
            run_sync(_KERNEL.shutdown_kernel)(now=True)
        except Exception:
            pass
    _KERNEL = AsyncKernelManager(kernel_name="python3")  # nbclient starts it on the first notebook
    return _KERNEL


#: What every chapter imports: loaded into a kernel while the build extracts (:func:`_warm`).
WARM_IMPORTS = "import pandas, altair\nimport briefbook.report, briefbook.briefing, briefbook.views, briefbook.sources"


def _warm() -> None:
    """Start this worker's kernel and import what the chapters import in it, before any chapter is due.

    Run while the build extracts, on the core extraction leaves free: a kernel's start and its first
    imports (some 3 s a worker) are then done by the time the chapters run. A warm-up that fails
    leaves the worker cold: its first chapter starts a kernel, as without one (:func:`_kernel`)."""
    from jupyter_core.utils import run_sync

    km = _kernel(True)
    if km.has_kernel:
        return  # this worker was warmed already (it took two warm-ups)
    run_sync(km.start_kernel)()
    client = km.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        client.execute_interactive(WARM_IMPORTS, timeout=120, store_history=False)
    finally:
        client.stop_channels()


def run_one(template: Path, output: Path, parameters: dict, reuse_kernel: bool = False) -> NotebookRun:
    """Execute one template (in this process); raises BriefbookError naming notebook and cell.

    ``reuse_kernel``: run it in this process's kernel (:func:`_kernel`), emptied of the last notebook's
    names, rather than in a new one."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        km = _kernel(reuse_kernel)
        pm.execute_notebook(
            str(template), str(output), parameters=parameters, progress_bar=False,
            kernel_name="python3", cwd=str(output.parent), log_output=False,
            **({"km": km} if km is not None else {}),
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
        return run_one(template, output, parameters, reuse_kernel=True)
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
    pool: "Workers | None" = None,
) -> list[NotebookRun]:
    """Run every template into ``out_dir``, showing progress; raise on the first failure (after all finish).

    With a ``stamp`` (the data and code versions), a template whose output is
    already there from the same inputs is not run again: a rebuild with nothing
    changed does not re-execute any notebook. ``pool``: :class:`Workers` started
    (and warmed) earlier in the build, else a pool is started here.
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
        runs = _run(todo, out_dir, parameters, workers, pool) if todo else []
        for t in todo:
            _stamp_path(out_dir / t.name).write_text(fresh[t])
        return runs
    return _run(templates, out_dir, parameters, workers, pool)


class Workers:
    """The processes that run the chapters, started early so that their kernels are warm when needed.

    ``with Workers(n, warm=True):`` spawns ``n`` processes and has each start its kernel and import
    what the chapters import (:func:`_warm`) while the build goes on; :func:`run_all` then runs the
    chapters on them. Leaving the block stops them; on an exception (Ctrl-C, a failed extraction)
    at once (:func:`_stop`).
    """

    def __init__(self, workers: int, warm: bool = False):
        self.workers = workers
        # "spawn": a forked copy of this process (threads, zmq sockets, a loaded NLP model) is not safe.
        context = multiprocessing.get_context("spawn")
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, set())
        self.pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(mask,),
                                        mp_context=context)
        if warm:
            self.submit(*([_warm] * workers))

    def submit(self, *calls, args: tuple = ()) -> list:
        """Submit each of ``calls`` with ``args``. The workers (started by submit, and by the pool's
        thread it starts) are spawned with SIGINT blocked, which they inherit; a Ctrl-C meanwhile is
        held for this process and raised when unblocked, not lost."""
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            return [self.pool.submit(call, *args) for call in calls]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.pool.shutdown()
        else:
            _stop(self.pool)


def _run(templates: list[Path], out_dir: Path, parameters: dict, workers: int | None,
         pool: Workers | None = None) -> list[NotebookRun]:
    if pool is None:
        with Workers(workers or max(1, min(len(templates), os.cpu_count() or 1))) as own:
            return _run(templates, out_dir, parameters, workers, own)
    runs: list[NotebookRun] = []
    failures: list[BriefbookError] = []
    total = len(templates)
    _progress(f"running {total} notebooks in {pool.workers} processes: " + ", ".join(t.stem for t in templates))
    try:
        futures = {pool.submit(_run_one_safely, args=(t, out_dir / t.name, parameters))[0]: t for t in templates}
        for done, future in enumerate(as_completed(futures), start=1):
            result = future.result()
            if isinstance(result, BriefbookError):
                failures.append(result)
                _progress(f"[{done}/{total}] {futures[future].stem}: FAILED ({result.problem})")
            else:
                runs.append(result)
                _progress(f"[{done}/{total}] {result.template.stem}: done in {result.seconds:.1f}s")
    except BaseException:  # Ctrl-C above all
        _stop(pool.pool)
        raise
    if failures:
        raise failures[0]
    return sorted(runs, key=lambda r: r.template.name)


def _stop(pool: ProcessPoolExecutor, grace: float = 0.5) -> None:
    """End the pool now: drop the notebooks not started, end the workers running one.

    Leaving the pool the usual way (``with``, ``shutdown()``) runs every queued
    notebook first: that made a Ctrl-C look ignored, the build went on for ten
    seconds and more. SIGTERM ends a worker at once (nbclient's own handlers
    never apply: papermill runs its event loop in a thread); one still there
    after ``grace`` seconds is killed. A kernel whose worker is gone ends itself
    within a second (ipykernel polls its parent); its connection file in the
    temporary folder stays behind.
    """
    with signals_deferred():  # a second Ctrl-C must not leave the workers half stopped
        workers = list((pool._processes or {}).values())  # no public handle before Python 3.14
        manager = getattr(pool, "_executor_manager_thread", None)  # shutdown() forgets it
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()
        deadline = time.monotonic() + grace
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
        for worker in workers:
            if worker.is_alive():
                worker.kill()
                worker.join(1.0)
        # The pool's manager thread closes its wake-up pipe once it sees the workers gone; Python's
        # exit hook writes to that pipe, and racing the close it printed a traceback after a build's
        # one-line error ("Bad file descriptor"). Waiting for the thread here ends the race.
        if manager is not None:
            manager.join(grace + 2.0)


@contextmanager
def signals_deferred(signals: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM)) -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done, then act on them as usual.

    For steps that must not be cut in two (swapping the published site,
    stopping the workers). Python runs signal handlers in the main thread only;
    elsewhere the block runs unguarded.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {sig: signal.signal(sig, lambda signum, frame: caught.append(signum)) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, signal.SIG_DFL if handler is None else handler)
        for sig in dict.fromkeys(caught):
            signal.raise_signal(sig)


def _start_worker(mask: set[signal.Signals]) -> None:
    """Ignore Ctrl-C (the parent stops the pool), then take back the parent's signal mask."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    _quiet_kernels()


def _quiet_kernels() -> None:
    """Send the kernels' own stderr chatter to /dev/null; failures come back as exceptions."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def _progress(message: str) -> None:
    print(f"briefbook: {message}", file=sys.stderr, flush=True)
