"""Churn modelling from product activity logs."""
