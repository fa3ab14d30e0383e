"""Cluster-level Plasmodium falciparum prevalence modelling."""
__version__ = "0.3.1"
