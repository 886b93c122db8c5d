"""briefbook: turn a folder of news articles into a citable research report."""

__version__ = "0.1.0"
