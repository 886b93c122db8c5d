"""The table the casualties analysis writes (``figures.csv``), declared."""

from briefbook.schema import table

FIGURES = table("figures", "one number phrase that counts people or materiel of the event", [
    ("figure_id", "string", "stable id from the figure's place in its article (fg-…)"),
    ("doc_id", "string", "the article (documents.doc_id)"),
    ("file", "string", "the article's file name"),
    ("outlet", "string", "the article's outlet, where known"),
    ("paragraph", "integer", "paragraph number in the article, from 1"),
    ("anchor", "string", "id of that paragraph on the article's page"),
    ("start", "integer", "character offset of the number phrase in the article as read"),
    ("end", "integer", "character offset just past it"),
    ("text", "string", "the number phrase as printed ('2,000', 'hundreds')"),
    ("category", "string", "killed, injured, detained, deployed, equipment or other"),
    ("who", "string", "the group counted (people, civilians, security_forces, troops, foreign nationals, …)"),
    ("low", "integer", "lowest count the phrase allows (empty: open below)"),
    ("high", "integer", "highest count the phrase allows (empty: open above)"),
    ("vague", "boolean", "a magnitude word ('hundreds') rather than a count"),
    ("qualifier", "string", "strongest of unconfirmed, update, earlier and the hedge"),
    ("modifier", "string", "the hedge before the number (more_than, at_least, about, nearly, up_to, none)"),
    ("counted", "string", "the noun the number counts, as written"),
    ("attribution", "string", "who the text credits the figure to (empty: uncredited)"),
    ("reported_on", "date", "the day the figure was given (empty: undated)"),
    ("reported_on_how", "string", "how that day was found"),
    ("category_how", "string", "which cue set the category (verb, noun, sentence, antecedent, negated, default)"),
    ("part_of", "string", "figure_id of the figure this one is a part of ('four of them')"),
    ("sentence", "string", "the sentence the figure is in"),
    ("standing", "boolean", "marked by an analyst's correction as the figure its group stands at"),
    ("corrected", "string", "what an analyst's correction changed in this row (empty: as extracted)"),
], primary_key=("figure_id",))

COLUMNS = FIGURES.names
