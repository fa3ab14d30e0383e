"""Flight arrival-delay model (BTS on-time data)."""
