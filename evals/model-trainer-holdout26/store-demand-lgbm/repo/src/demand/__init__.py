"""Daily store-level demand forecasting."""
__version__ = "0.3.1"
