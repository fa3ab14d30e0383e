"""Demand forecasting for the chimney sweep booking desk."""
