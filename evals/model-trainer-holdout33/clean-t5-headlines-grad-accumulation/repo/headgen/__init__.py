"""Headline generation with a fine-tuned T5."""
