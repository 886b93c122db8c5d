"""The front page's brief: the numbers, dates and claims an analyst quotes, computed from the tables.

Like an encyclopedia's infobox, it comes before anything about the corpus: the
reconciled toll of each kind (best figure, range, who gave it and as of when),
the key dates of the merged timeline and the claims most outlets carry. Each item
links to the row that supports it (the reconciled group, the timeline entry, the
claim) and, for a figure, to the paragraph of the report it comes from, so every
number on the page can be checked in one click. Nothing here names an event:
which rows lead is decided by the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefbook.chronology.timeline import planned_entries
from briefbook.corpus.outlets import with_source_name
from briefbook.figures.classify import FOREIGN
from briefbook.figures.summary import as_of, range_words, standing_articles, subject
from briefbook.language.attribution import NO_SPEAKER
from briefbook.language.dates import date_words
from briefbook import views
from briefbook.views import Views
from briefbook.publish.render import article_href, safe_id

#: The kinds of figure the brief states, in the order an analyst quotes them.
CATEGORIES = ("killed", "injured", "detained", "deployed")
#: How many claims and turning points the brief lists at most.
MOST_CLAIMS, LEAST_CLAIMS, TURNING_POINTS = 5, 3, 3
#: Words of a claim shown on the front page (the claims page has the whole wording).
CLAIM_WORDS = 40
#: Claims of one speaker the brief lists at most: five claims of one witness are no overview.
PER_SPEAKER = 2
#: Days before the first article a happening still belongs to the story: earlier dates the articles
#: mention (an anniversary, a war years ago) are background, left to the Chronology chapter.
LEAD_DAYS = 14


@dataclass(frozen=True)
class Fact:
    """One line of the infobox: a reconciled figure with its range, source, date and evidence."""

    label: str  # "People killed"
    value: str  # "91"
    details: tuple[str, ...]  # "range 84 to 95", "given by … in …", "as of 19 January 2024", …
    href: str  # the reconciled group's row on the casualties page
    evidence: str  # the best report's paragraph in the appendix


@dataclass(frozen=True)
class KeyDate:
    day: str  # "13 March 2029"
    what: str  # the entry's label
    sources: str  # "3 sources"
    href: str


@dataclass(frozen=True)
class KeyClaim:
    speaker: str
    wording: str
    outlets: str  # "carried by 3 outlets: A; B; C"
    href: str
    quoted: bool = True  # the speaker's own words (a direct statement); False: the writer's report of them
    carried: int = 1  # outlets that carry it


@dataclass(frozen=True)
class Brief:
    facts: list[Fact]
    dates: list[KeyDate]
    claims: list[KeyClaim]


def _n(value) -> str:
    return f"{int(value):,}"


def _lead(rows: pd.DataFrame) -> pd.Series:
    """The group a category's headline states: people of every kind where counted, else the most reported
    (the larger count on a tie: 'hundreds of guards injured' before 'one child injured')."""
    people = rows[rows["who"] == "people"]
    if len(people):
        return people.iloc[0]
    return rows.assign(_best=rows["best"].astype(float)).sort_values(
        ["reports", "_best"], ascending=False, kind="stable").iloc[0]


def _best_report(row: pd.Series, figures: pd.DataFrame) -> pd.Series | None:
    best = figures[figures["figure_id"] == row["best_figure_id"]]
    return best.iloc[0] if len(best) else None


def fact(row: pd.Series, figures: pd.DataFrame, others: pd.DataFrame) -> Fact:
    """The infobox line of one reconciled group (``figures`` with their source names); ``others`` are the
    category's other groups, listed after it."""
    best = _best_report(row, figures)
    vague = best is not None and bool(best.get("vague", False))
    value = str(best["text"]) if vague else _n(row["best"])
    details = [spread(row["low"], row["high"], len(row["standing_ids"]) - len(row.get("outlier_ids", [])),
                      int(row["reports"]), standing_articles(row, figures))]
    if best is not None:
        who = best.get("attribution")
        who = who.strip() if isinstance(who, str) else ""
        where = best["outlet"]
        details.append(f"credited to {who}; reported in {where}" if who else f"reported in {where}")
    details.append(as_of(row["best_reported_on"], best.get("reported_on_how", "") if best is not None else ""))
    off = figures[figures["figure_id"].isin(list(row.get("outlier_ids", [])))]
    if len(off):
        details.append("set aside as outliers: " + ", ".join(dict.fromkeys(
            range_words(lo, hi) for lo, hi in zip(off["low"], off["high"]))))
    also = [f"{subject(o.category, o.who) if o.who != FOREIGN else o.nationality + ' nationals'}: "
            f"{_n(o.best)}" for o in others.itertuples(index=False) if pd.notna(o.best)]
    if also:
        details.append("also counted: " + "; ".join(also))
    label = subject(row["category"], row["who"])
    return Fact(
        label=label[:1].upper() + label[1:], value=value, details=tuple(details),
        href=f"casualties.html#{safe_id(row['group_id'])}",
        evidence=article_href(best["doc_id"], best["anchor"]) if best is not None else "",
    )


def spread(low, high, standing: int, reports: int, articles: int = 0) -> str:
    """How the standing reports of a figure range, and of how many: "range 84 to 95 (5 standing reports of 11)".

    The reports that do not stand (replaced, unconfirmed, vague, outliers) are counted so a
    reader sees a range of one report is not the whole story; the casualties row says why.
    ``articles``: how many articles the standing reports come from; reports that agree within one
    article (a headline, its lead and a quotation) are one account, not a confirmation.
    """
    of = f" of {reports}" if reports > standing else ""
    if standing <= 1:
        return f"range {range_words(low, high)} (one standing report{of})"
    if pd.notna(low) and pd.notna(high) and low == high:
        if articles == 1:
            return f"range {range_words(low, high)} ({standing} standing reports{of}, all in one article)"
        return f"range {range_words(low, high)} ({standing} standing reports{of} agree)"
    if pd.notna(low) and pd.isna(high):
        return f"range from {int(low):,}, open above ({standing} standing reports{of})"
    return f"range {range_words(low, high)} ({standing} standing reports{of})"


def facts(figures: pd.DataFrame, reconciled: pd.DataFrame, documents: pd.DataFrame) -> list[Fact]:
    """One line per kind of figure the tables have (killed, injured, detained, deployed), in that order;
    ``documents`` names each report's outlet."""
    figures = with_source_name(figures, documents)
    out = []
    for category in CATEGORIES:
        rows = reconciled[(reconciled["category"] == category) & reconciled["best"].notna()]
        own = rows[rows["who"] != FOREIGN]
        if own.empty:
            continue
        lead = _lead(own)
        out.append(fact(lead, figures, rows[rows["group_id"] != lead["group_id"]]))
    return out


def story_span(article_days) -> tuple[str, str] | None:
    """The days the story's happenings fall in: from :data:`LEAD_DAYS` before the first article to the last
    (None when no article's date is known: then no entry is left out)."""
    days = sorted(pd.Timestamp(str(d)) for d in article_days if d is not None and not pd.isna(d) and str(d))
    if not days:
        return None
    return (days[0] - pd.Timedelta(days=LEAD_DAYS)).strftime("%Y-%m-%d"), days[-1].strftime("%Y-%m-%d")


def _within(entries: pd.DataFrame, span: tuple[str, str] | None) -> pd.Series:
    if span is None:
        return pd.Series(True, index=entries.index)
    ends = entries["date_end"].where(entries["date_end"] != "", entries["date"])
    return (ends >= span[0]) & (entries["date"].str[:10] <= span[1])


def key_dates(entries: pd.DataFrame, events: pd.DataFrame, span: tuple[str, str] | None = None) -> list[KeyDate]:
    """The first and last dated happenings within ``span`` (see :func:`story_span`) and the most widely
    reported ones between them, in date order; plans and forecasts are no key dates."""
    dated = entries[(entries["date"] != "") & ~entries["timeline_id"].isin(planned_entries(events))]
    dated = dated[_within(dated, span)]
    if dated.empty:
        return []
    ends = {dated.index[0], dated.index[-1]}
    middle = dated.drop(index=list(ends))
    turning = middle[middle["n_sources"] > 1].sort_values(["n_sources", "date"], ascending=[False, True])
    chosen = dated.loc[sorted(ends | set(turning.index[:TURNING_POINTS]))].sort_values(["date", "timeline_id"])
    return [KeyDate(
        day=_when(e.date, getattr(e, "date_end", ""), getattr(e, "precision", "day")),
        what=e.label, sources=f"{e.n_sources} source{'s' if e.n_sources != 1 else ''}",
        href=f"chronology.html#{safe_id(e.timeline_id)}",
    ) for e in chosen.itertuples(index=False)]


def _when(date: str, date_end: str, precision: str) -> str:
    """An entry's date as its precision allows: a day, a month, or a range of days ("23–29 March
    2015" for "last week": never one day the text did not give)."""
    if len(date) != 10 or precision != "range" or not date_end or date_end == date:
        return date_words(date)
    start, end = pd.Timestamp(date), pd.Timestamp(date_end)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{date_words(date_end)}"
    return f"{date_words(date)} \u2013 {date_words(date_end)}"


def _short(text: str, words: int = CLAIM_WORDS) -> str:
    parts = " ".join(str(text).split()).split(" ")
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"


def _carried(claim) -> str:
    """Where a claim is carried, counting independent origins: "carried by 2 outlets, one origin: AP,
    reprinted by 2"."""
    if claim.n_outlets <= 1:
        return f"in {claim.outlets} only"
    # the words shown are one outlet's: the others carry the claim, not necessarily these words
    words = f"; these words from {claim.wording_outlet}" if getattr(claim, "wording_outlet", "") else ""
    if claim.n_origins < claim.n_outlets:
        origins = "one origin" if claim.n_origins == 1 else f"{claim.n_origins} independent origins"
        return f"carried by {claim.n_outlets} outlets, {origins}: {claim.origins}{words}"
    return f"carried by {claim.n_outlets} outlets: {claim.outlets}{words}"


def key_claims(claims: pd.DataFrame) -> list[KeyClaim]:
    """The claims most carried across outlets (three to five), each with its speaker."""
    named = claims[~claims["speaker"].isin(NO_SPEAKER)]
    # on a tie the claim of a speaker quoted more; at most PER_SPEAKER claims of anyone
    # most carried by independent origins first: four reprints of one wire story are one report
    ranked = named.assign(_quoted=named.groupby("speaker")["n_statements"].transform("sum")).sort_values(
        ["n_origins", "n_outlets", "n_statements", "_quoted", "claim_id"], ascending=[False, False, False, False, True])
    ranked = ranked[ranked.groupby("speaker").cumcount() < PER_SPEAKER]
    shared = ranked[ranked["n_outlets"] > 1].head(MOST_CLAIMS)
    chosen = shared if len(shared) >= LEAST_CLAIMS else ranked.head(LEAST_CLAIMS)
    return [KeyClaim(
        speaker=c.speaker, wording=_short(c.wording), outlets=_carried(c),
        href=f"claims.html#{safe_id(c.claim_id)}", quoted=getattr(c, "kind", "direct") == "direct",
        carried=int(c.n_outlets),
    ) for c in chosen.itertuples(index=False)]


def article_days(tables: dict[str, pd.DataFrame]) -> pd.Series:
    """Each article's date as found (the page's own where no article-dates table was made): what
    :func:`story_span` reads."""
    article_dates = tables.get("article_dates", pd.DataFrame())
    if "date" in article_dates:
        return article_dates["date"]
    return tables["documents"].get("published", pd.Series(dtype=str))


def brief(tables: dict[str, pd.DataFrame], made: Views | None = None) -> Brief:
    """The front page's brief from the extraction's tables (an empty part where a table is);
    ``made``: the tables' views, when made already."""
    documents = tables["documents"]
    figures = tables.get("figures", pd.DataFrame())
    events = tables.get("events", pd.DataFrame())
    statements = tables.get("statements", pd.DataFrame())
    days = article_days(tables)
    made = made or views.make(tables)
    return Brief(
        facts=facts(figures, made.reconciled, documents) if not figures.empty else [],
        dates=key_dates(made.timeline, events, story_span(days)) if not events.empty else [],
        claims=key_claims(made.claims) if not statements.empty else [],
    )
