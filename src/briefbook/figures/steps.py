"""What the casualties analysis declares to the pipeline: one step, ``figures``.

It needs the chronology's article dates (a figure with no date in its sentence
takes its article's) and the claims' statements (a figure in a statement is
credited to that statement's resolved speaker).
"""

from briefbook.analysis import Context, Step
from briefbook.figures.extract import extract_figures
from briefbook.figures.schema import FIGURES


def figures(ctx: Context):
    return extract_figures(ctx.reading, ctx.tables["article_dates"], ctx.tables["statements"])


STEPS = (Step(FIGURES, figures, needs=("article_dates", "statements")),)
