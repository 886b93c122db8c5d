"""Loading a folder of seed articles: reading, cleaning, identity and metadata.

The first layer of the house: it knows files and text, nothing of parsing or of the analyses. Its
``metadata`` module reads what a page says of itself (datelines, dates under the title, outlets), its
``tables`` module declares and builds the corpus tables, and ``outlets`` names a source one way.
"""

from briefbook.corpus.load import fingerprint, load_corpus, read_document, seed_files
from briefbook.corpus.model import Corpus, Document, Duplicate, Paragraph, Removed, Skipped, paragraph_anchor

__all__ = [
    "Corpus", "Document", "Duplicate", "Paragraph", "Removed", "Skipped",
    "fingerprint", "load_corpus", "paragraph_anchor", "read_document", "seed_files",
]
