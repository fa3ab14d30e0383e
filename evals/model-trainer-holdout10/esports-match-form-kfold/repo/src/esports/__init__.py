"""Win-probability model for pro MOBA matches (team A perspective)."""
