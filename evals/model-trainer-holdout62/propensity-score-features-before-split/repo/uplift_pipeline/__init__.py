"""Retention-offer uplift modelling utilities."""
