"""Newsroom topic classification: baselines and transformer fine-tuning."""
