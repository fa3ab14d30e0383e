"""Small helpers shared by the growth team's experiment notebooks."""
from __future__ import annotations

import os
import random
from pathlib import Path

import numpy as np
import yaml


def load_config(path: str | Path) -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)


def pick_threshold(y_true, proba, min_precision: float) -> float:
    """Highest-recall threshold whose precision on the given data is at least min_precision."""
    from sklearn.metrics import precision_recall_curve

    prec, rec, thr = precision_recall_curve(y_true, proba)
    ok = np.flatnonzero(prec[:-1] >= min_precision)
    if ok.size == 0:
        return float(thr[np.argmax(prec[:-1])])
    return float(thr[ok[np.argmax(rec[:-1][ok])]])
