"""Loaders for the UCI classification datasets used in Chapter 3.

All files are the raw CSV exports kept under data/uci/ (see data/README.md for sources).
"""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import LabelEncoder, StandardScaler

DATA_DIR = "data/uci"

UCI_SPECS = {
    "breast-cancer-wisconsin": {"file": "wdbc.csv", "target": "diagnosis", "drop": ["id"]},
    "pima-diabetes": {"file": "pima.csv", "target": "Outcome", "drop": []},
    "ionosphere": {"file": "ionosphere.csv", "target": "class", "drop": []},
    "sonar": {"file": "sonar.csv", "target": "label", "drop": []},
    "heart-cleveland": {"file": "processed.cleveland.csv", "target": "num", "drop": []},
    "wine-quality-red": {"file": "winequality-red.csv", "target": "quality", "drop": []},
}


def _read(name):
    spec = UCI_SPECS[name]
    df = pd.read_csv(f"{DATA_DIR}/{spec['file']}", na_values=["?"])
    df = df.drop(columns=spec["drop"])
    y = LabelEncoder().fit_transform(df.pop(spec["target"]))
    return df.astype(float), y


def load_uci(name):
    """Return (X, y) as numpy arrays, ready for the estimators in benchmark.py."""
    X, y = _read(name)
    X = SimpleImputer(strategy="mean").fit_transform(X)
    X = StandardScaler().fit_transform(X)
    return X.astype(np.float32), y


def describe(names):
    rows = []
    for name in names:
        X, y = _read(name)
        rows.append({
            "dataset": name,
            "n": len(y),
            "d": X.shape[1],
            "classes": len(np.unique(y)),
            "missing": int(X.isna().sum().sum()),
        })
    return pd.DataFrame(rows)
