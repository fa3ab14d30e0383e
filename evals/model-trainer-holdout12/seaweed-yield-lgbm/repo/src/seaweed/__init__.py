"""Kelp / sugar-kelp longline yield modelling."""
__version__ = "0.3.1"
