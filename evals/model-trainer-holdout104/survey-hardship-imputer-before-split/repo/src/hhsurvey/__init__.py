"""Household survey panel: material hardship model."""
__version__ = "0.3.0"
