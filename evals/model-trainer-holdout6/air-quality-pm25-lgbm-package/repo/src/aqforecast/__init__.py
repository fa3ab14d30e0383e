"""Hourly PM2.5 forecasting for the municipal air-quality dashboard."""
__version__ = "0.3.1"
