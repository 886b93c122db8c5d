"""What the claims analysis declares to the pipeline: one step, ``statements``, that needs nothing
but the parsed corpus."""

from briefbook.analysis import Context, Step
from briefbook.claims.extract import extract_statements
from briefbook.claims.schema import STATEMENTS


def statements(ctx: Context):
    return extract_statements(ctx.corpus, ctx.parsed)


STEPS = (Step(STATEMENTS, statements),)
