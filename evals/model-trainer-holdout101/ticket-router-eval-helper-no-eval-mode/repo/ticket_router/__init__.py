"""Support-ticket routing classifier (fine-tuned transformer)."""

__version__ = "0.3.1"
