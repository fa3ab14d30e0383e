"""Cross-validation splitters selectable from config."""
from __future__ import annotations

from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit

SPLITTERS = {
    "kfold": KFold,
    "stratified": StratifiedKFold,
    "group": GroupKFold,
    "timeseries": TimeSeriesSplit,
}


def build_splitter(spec: dict):
    name = spec["name"]
    if name not in SPLITTERS:
        raise ValueError(f"unknown cv '{name}', choose from {sorted(SPLITTERS)}")
    return SPLITTERS[name](**spec.get("params", {}))
