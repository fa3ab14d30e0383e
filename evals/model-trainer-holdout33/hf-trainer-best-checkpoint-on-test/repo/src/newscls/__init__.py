"""AG News topic classification with a fine-tuned DistilBERT."""
__version__ = "0.3.0"
