"""What the claims analysis declares to the pipeline: one step, ``statements``. It needs the
chronology's article dates: each statement's occasion, so remarks on two occasions a week or more
apart are never grouped as one claim."""

from briefbook.analysis import Context, Step
from briefbook.claims.extract import extract_statements
from briefbook.claims.schema import STATEMENTS


def statements(ctx: Context):
    return extract_statements(ctx.reading, ctx.tables["article_dates"])


STEPS = (Step(STATEMENTS, statements, needs=("article_dates",)),)
