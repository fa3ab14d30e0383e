"""Loan default modelling helpers."""
