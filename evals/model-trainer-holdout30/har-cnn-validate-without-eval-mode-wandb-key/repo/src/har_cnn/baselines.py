"""Cheap reference models on per-window summary statistics."""
from __future__ import annotations

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def summary_features(windows: np.ndarray) -> np.ndarray:
    return np.concatenate([windows.mean(axis=2), windows.std(axis=2), windows.min(axis=2), windows.max(axis=2)], axis=1)


def run_baselines(x_tr, y_tr, x_va, y_va, seed: int) -> dict:
    f_tr, f_va = summary_features(x_tr), summary_features(x_va)
    out = {}
    majority = DummyClassifier(strategy="most_frequent").fit(f_tr, y_tr)
    out["majority_val_macro_f1"] = f1_score(y_va, majority.predict(f_va), average="macro")
    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, C=1.0, random_state=seed)).fit(f_tr, y_tr)
    out["logreg_val_macro_f1"] = f1_score(y_va, logreg.predict(f_va), average="macro")
    return out
