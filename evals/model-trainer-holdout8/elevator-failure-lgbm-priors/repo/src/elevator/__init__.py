"""Elevator unit failure risk model (next-quarter)."""
__version__ = "0.3.1"
