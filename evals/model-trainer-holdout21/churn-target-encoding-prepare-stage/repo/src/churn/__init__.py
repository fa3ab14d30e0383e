"""Subscriber churn model."""
__version__ = "0.3.1"
