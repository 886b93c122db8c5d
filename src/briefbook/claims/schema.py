"""The table the claims analysis writes (``statements.csv``), declared."""

from briefbook.schema import table

STATEMENTS = table("statements", "one statement (direct quotation or reported speech) attributed to a speaker", [
    ("statement_id", "string", "stable id from the statement's place in its article (st-…)"),
    ("doc_id", "string", "the article (documents.doc_id)"),
    ("paragraph", "integer", "paragraph number in the article, from 1"),
    ("anchor", "string", "id of that paragraph on the article's page"),
    ("speaker", "string", "canonical speaker (name, organisation or role), or 'unattributed'"),
    ("speaker_kind", "string", "person, org, group, place or unknown"),
    ("speaker_text", "string", "how the text names the speaker at this statement"),
    ("speaker_aliases", "string", "every spelling merged into the speaker, ';'-separated"),
    ("kind", "string", "direct (inside quotation marks) or reported"),
    ("cue", "string", "the verb of saying or phrase that attributes it"),
    ("text", "string", "the statement's words as the article prints them"),
    ("start", "integer", "character offset of the statement in the article as read"),
    ("end", "integer", "character offset just past the statement"),
    ("frames", "string", "frames of the lexicon the wording evokes, ';'-separated"),
    ("frame_triggers", "string", "the words that evoked each frame"),
    ("occasion", "date", "the day the statement was reported on: its article's date (empty: undated)"),
    ("claim_id", "string", "the claim (same speaker, same proposition) the statement is grouped under"),
    ("corrected", "string", "what an analyst's correction changed in this row (empty: as extracted)"),
], primary_key=("statement_id",))

COLUMNS = STATEMENTS.names
