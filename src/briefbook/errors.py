"""The one exception type that reaches the user as a one-line message."""

from __future__ import annotations


class BriefbookError(Exception):
    """A problem with the user's input or build, told in one line.

    The command line prints ``briefbook: error: <message>`` and exits non-zero
    instead of showing a traceback; the message names the file and the problem.
    """

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):
        # Errors cross process boundaries (notebooks run in worker processes).
        return (type(self), (self.where, self.problem))
