"""The tables the chronology writes (``events.csv``, ``article_dates.csv``), declared."""

from briefbook.schema import table

EVENTS = table("events", "one date expression in an article's running text with the happening it dates", [
    ("event_id", "string", "stable id from the clause's place in its article (ev-…)"),
    ("doc_id", "string", "the article (documents.doc_id)"),
    ("paragraph", "integer", "paragraph number in the article, from 1"),
    ("anchor", "string", "id of that paragraph on the article's page"),
    ("date", "string", "YYYY-MM-DD (day or first day of a range), YYYY-MM (month), empty when unresolved"),
    ("date_end", "string", "last day of the date's range (YYYY-MM-DD), empty when unresolved"),
    ("precision", "string", "day, month, range, or empty when unresolved"),
    ("how", "string", "how the date was resolved (written out, counted from …, unresolved: …)"),
    ("date_text", "string", "the date expression as written"),
    ("date_start_offset", "integer", "character offset of the date expression in the article"),
    ("text", "string", "the clause stating the happening"),
    ("start", "integer", "character offset of the clause in the article as read"),
    ("end", "integer", "character offset just past the clause"),
    ("actor", "string", "subject of the clause"),
    ("verb", "string", "lemma of the clause's verb"),
    ("kind", "string", "kind of happening (lexicon chronology_kinds.yaml), else other"),
    ("keywords", "string", "content lemmas of the clause, space-separated (for merging)"),
    ("unresolved", "boolean", "the date could not be placed on the calendar"),
    ("planned", "boolean", "the clause looks forward (a plan or forecast)"),
    ("timeline_id", "string", "the timeline entry (one happening across articles) it is merged into"),
    ("corrected", "string", "what an analyst's correction changed in this row (empty: as extracted)"),
], primary_key=("event_id",))

ARTICLE_DATES = table("article_dates", "one article and the date relative dates in it count from", [
    ("doc_id", "string", "the article (documents.doc_id)"),
    ("date", "date", "the article's date (empty: not inferred)"),
    ("how", "string", "where the date comes from (manifest, dateline, same happening, …)"),
    ("confidence", "string", "high, medium or low"),
    ("evidence", "string", "the words or the other article the date was read from"),
], primary_key=("doc_id",))
