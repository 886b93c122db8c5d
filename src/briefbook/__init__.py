"""briefbook: turn a folder of news articles into a citable research report.

The package reads top-down; each layer imports only the ones above it in this list:

1. :mod:`briefbook.corpus` — the folder read: articles, paragraphs, boilerplate, metadata, datelines;
2. :mod:`briefbook.nlp` — one spaCy parse of every paragraph;
3. :mod:`briefbook.language` — the shared language work: who said it, when it happened, likeness, ids;
4. the analyses :mod:`briefbook.claims`, :mod:`briefbook.figures`, :mod:`briefbook.chronology`, each
   declaring its tables (``schema.py``) and its steps (``steps.py``, see :mod:`briefbook.analysis`);
5. :mod:`briefbook.pipeline` — the steps in the order their needs set, one context, fault isolation;
6. :mod:`briefbook.extract`, :mod:`briefbook.evaluation`, :mod:`briefbook.publish`, then the report
   helpers (:mod:`briefbook.report`, :mod:`briefbook.findings`, :mod:`briefbook.sources`) and the CLI.
"""

__version__ = "0.1.0"
