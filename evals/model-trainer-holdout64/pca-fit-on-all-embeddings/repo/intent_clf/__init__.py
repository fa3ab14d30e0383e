"""Intent classification on top of frozen sentence embeddings."""

__version__ = "0.3.1"
