"""Ctrl-C stops a build at once: one line, exit code 130, and the last good site kept.

Ctrl-C in a terminal sends SIGINT to the whole foreground process group: the
build, its notebook workers and jupyter-book alike. The build runs here in a
session of its own and gets SIGINT the same way, at a known stage.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.book

#: The requirement is 2 s from Ctrl-C to exit; 1 s more absorbs a loaded test
#: machine (the interpreter's teardown with spaCy loaded, reaping the workers).
#: A build that waits for its queued notebooks took 10-16 s: still far outside.
STOP_WITHIN = 3.0


def _previous_site(out: Path) -> dict[Path, bytes]:
    """A stand-in for the last good site in ``out/html``; returns its files and bytes."""
    site = out / "html"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<html><body>the last good site</body></html>\n", encoding="utf-8")
    (site / "MARKER").write_text("left by the previous build\n", encoding="utf-8")
    return _files(site)


def _files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _as_a_foreground_job() -> None:
    """SIGINT as a terminal's foreground job has it. A test run started in the background of a shell
    without job control (``make test &`` in a script) inherits SIGINT ignored, and so would the build:
    Python then installs no handler of its own, and the Ctrl-C this test sends would be ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt(out: Path, ready: Callable[[list[str]], bool], wait: float,
               ) -> tuple[subprocess.Popen, list[str], float, list[str]]:
    """Start a build into ``out``, send SIGINT to its group once ``ready(stderr lines)``.

    Returns the finished process, its stderr lines, the seconds from the signal
    to its exit and the lines printed before the signal.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "briefbook.cli", "build", "--seeds", str(SEEDS), "--out", str(out), "--root", str(ROOT)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=_as_a_foreground_job,
    )
    lines: list[str] = []

    def read() -> None:
        for line in process.stderr:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + wait
        while not ready(list(lines)):
            assert process.poll() is None, f"the build ended before the stage was reached:\n{''.join(lines)}"
            assert time.monotonic() < deadline, f"stage not reached in {wait:.0f}s:\n{''.join(lines)}"
            time.sleep(0.02)
        before = list(lines)
        os.killpg(process.pid, signal.SIGINT)
        sent = time.monotonic()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running 30 s after SIGINT:\n{''.join(lines)}")
        elapsed = time.monotonic() - sent
        reader.join(10)
        return process, [l.rstrip("\n") for l in lines], elapsed, before
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def _assert_stopped(process, lines: list[str], elapsed: float, out: Path, before: dict[Path, bytes]) -> None:
    stderr = "\n".join(lines)
    assert process.returncode == 130, stderr
    assert elapsed <= STOP_WITHIN, f"stopped {elapsed:.1f}s after SIGINT:\n{stderr}"
    assert "Traceback" not in stderr and "site ready" not in stderr, stderr
    told = [l for l in lines if l.startswith("briefbook: interrupted")]
    assert len(told) == 1 and told[0] == lines[-1] and str(out / "html") in told[0], stderr
    assert _files(out / "html") == before
    # Nothing of the build goes on running: its workers (and jupyter-book) are in its group.
    deadline = time.monotonic() + 3
    while True:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "processes of the build still run after it exited"
        time.sleep(0.05)


def test_ctrl_c_while_notebooks_run_stops_at_once_and_keeps_the_site(tmp_path):
    out = tmp_path / "out"
    before = _previous_site(out)
    started: list[float] = []

    def notebooks_running(lines: list[str]) -> bool:
        # papermill writes a notebook's output file when it starts running it;
        # a second more and kernels are executing cells.
        running = any(l.startswith("briefbook: running ") for l in lines)
        if not started and running and list((out / "source" / "book").glob("*.ipynb")):
            started.append(time.monotonic())
        return bool(started) and time.monotonic() - started[0] > 1.0

    process, lines, elapsed, printed = _interrupt(out, notebooks_running, wait=180)

    assert not any(l.startswith("briefbook: building the site") for l in printed), "notebooks over before the signal"
    _assert_stopped(process, lines, elapsed, out, before)


def test_ctrl_c_during_extraction_stops_at_once_and_keeps_the_site(tmp_path):
    out = tmp_path / "out"
    before = _previous_site(out)

    # The signal follows the first progress line at once; the extraction after it
    # (loading the NLP model, parsing every article, nothing cached) takes over a second.
    process, lines, elapsed, _ = _interrupt(
        out, lambda lines: any(l.startswith("briefbook: reading seeds") for l in lines), wait=60)

    assert not any(l.startswith("briefbook: extraction") for l in lines), "the extraction was over before the signal"
    _assert_stopped(process, lines, elapsed, out, before)
