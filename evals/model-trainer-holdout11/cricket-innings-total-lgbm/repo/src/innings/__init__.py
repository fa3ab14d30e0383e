"""First-innings total projection for T20 matches."""
