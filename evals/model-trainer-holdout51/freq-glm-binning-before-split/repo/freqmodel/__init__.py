"""Claim-frequency GLM for the motor TPL book."""
__version__ = "0.4.1"
