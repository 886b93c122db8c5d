"""What the chronology declares to the pipeline: ``article_dates`` (when each article was
written), then ``events``, which counts relative dates from those article dates."""

from briefbook.analysis import Context, Step
from briefbook.chronology.article_dates import article_dates as date_articles
from briefbook.chronology.events import extract_events
from briefbook.chronology.schema import ARTICLE_DATES, EVENTS


def article_dates(ctx: Context):
    return date_articles(ctx.reading)


def events(ctx: Context):
    return extract_events(ctx.reading, ctx.tables["article_dates"])


STEPS = (
    Step(ARTICLE_DATES, article_dates),
    Step(EVENTS, events, needs=("article_dates",)),
)
