"""The shared language layer: what the three analyses read off a sentence the same way.

Claims, casualty figures and the chronology all need to know *who said it* and
*when it happened*; they ask this layer, so one sentence gets one answer and a
fix to the English lands once. Each module owns one step, over the spaCy parse
(:mod:`briefbook.nlp`) and the editable data files of ``briefbook/data``:

* :mod:`~briefbook.language.speech` — verbs of saying (one lexicon,
  ``speech_verbs.yaml``), their subjects and what they report, "according to X";
* :mod:`~briefbook.language.names` — how a speaker is named: persons, titles,
  roles, organisations, spelling variants and aliases;
* :mod:`~briefbook.language.attribution` — **how a speaker is resolved**: a
  mention ("he", "the minister", "Ms Ruiz") turned into one canonical speaker,
  across the corpus; figures are credited through the same answer;
* :mod:`~briefbook.language.joining` — one speaker however the outlets write it
  ("Chile Police" / "Chilean police"), once every article's speakers are resolved;
* :mod:`~briefbook.language.dates` — **how a date is read**: date expressions
  found and resolved against an anchor, and the one rule for the year of a
  date written without one;
* :mod:`~briefbook.language.similarity` — IDF-weighted word vectors, cosine and
  an inverted index for candidate pairs (timeline merging, claim grouping);
* :mod:`~briefbook.language.ids` — stable row ids from a row's place in its article;
* :mod:`~briefbook.language.words` — word lists shared by the modules above
  (determiners, title words, transliteration), read from ``language.yaml``.

The layer sits above :mod:`briefbook.corpus` and :mod:`briefbook.nlp` and below
the analyses; it imports neither an analysis nor the pipeline.
"""
