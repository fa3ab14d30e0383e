"""Fraud feature helpers."""
