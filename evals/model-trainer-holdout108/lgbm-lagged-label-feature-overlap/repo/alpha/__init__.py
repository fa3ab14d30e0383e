"""Cross-sectional equity alpha research utilities."""
