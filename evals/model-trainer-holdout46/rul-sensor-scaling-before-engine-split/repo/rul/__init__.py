"""Remaining-useful-life modelling for the turbofan fleet."""
