"""Loading a folder of seed articles: reading, cleaning, identity and metadata."""

from briefbook.corpus.load import fingerprint, load_corpus, read_document, seed_files
from briefbook.corpus.model import Corpus, Document, Duplicate, Paragraph, Removed, Skipped, paragraph_anchor

__all__ = [
    "Corpus", "Document", "Duplicate", "Paragraph", "Removed", "Skipped",
    "fingerprint", "load_corpus", "paragraph_anchor", "read_document", "seed_files",
]
