"""Customer churn model package."""

__version__ = "0.7.2"
