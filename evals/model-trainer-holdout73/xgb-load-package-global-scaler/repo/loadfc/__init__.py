"""Hourly zonal load forecasting utilities."""
