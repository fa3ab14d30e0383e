"""Cancellation-risk model for the booking engine."""
__version__ = "0.3.1"
