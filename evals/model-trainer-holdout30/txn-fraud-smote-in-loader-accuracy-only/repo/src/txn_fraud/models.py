"""Model factory."""
from __future__ import annotations

from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier


def make_model(name: str, params: dict, seed: int):
    registry = {"rf": RandomForestClassifier, "extra_trees": ExtraTreesClassifier}
    if name not in registry:
        raise KeyError(f"unknown model {name}; choose from {sorted(registry)}")
    return registry[name](**params, n_jobs=-1, random_state=seed)
