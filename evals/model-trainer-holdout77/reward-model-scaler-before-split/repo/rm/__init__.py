"""Reward model r(x, a) for direct-method and doubly-robust off-policy evaluation."""
