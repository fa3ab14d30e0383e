"""Leaf disease classifier (PlantVillage subset)."""
