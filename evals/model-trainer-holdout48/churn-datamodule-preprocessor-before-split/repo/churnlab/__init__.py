"""churnlab: small experiment harness for the retention team's churn models."""
__version__ = "0.4.1"
