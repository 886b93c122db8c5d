"""``make bench``: how long each stage takes and how much memory it needs, on 5 to 500 articles.

The corpora are generated (:mod:`briefbook.bench.corpus`) from sentence
templates with a fixed random seed, so every run measures the same text; each
measurement runs in its own process (:mod:`briefbook.bench.child`) so that its
peak memory is its own; :mod:`briefbook.bench.table` prints the result.
"""
