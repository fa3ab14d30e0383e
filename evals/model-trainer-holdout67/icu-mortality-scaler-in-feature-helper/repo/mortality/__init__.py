"""First-24h ICU mortality model (MIMIC-IV derived tables)."""
