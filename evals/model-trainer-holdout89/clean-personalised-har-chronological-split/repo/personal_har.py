"""Subject-dependent ("personalised") HAR: each recording is split chronologically.

Protocol: inside every (subject, activity) recording the first 60 % of windows train the
model, the next 20 % are validation and the last 20 % are test. Windows overlap by 50 %,
so one window is dropped at each boundary to keep the three parts sample-disjoint.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, StandardScaler
from xgboost import XGBClassifier

SEED = 99
GAP = 1  # windows dropped at each boundary (window overlap = 50 %)


def chronological_parts(win: pd.DataFrame):
    """Split one recording's windows (already in time order) into train / val / test."""
    dev, test = train_test_split(win, test_size=0.2, shuffle=False)
    train, val = train_test_split(dev, test_size=0.25, shuffle=False)
    return train.iloc[:-GAP], val.iloc[GAP:-GAP], test.iloc[GAP:]


def split_all(windows: pd.DataFrame):
    parts = {"train": [], "val": [], "test": []}
    for _, rec in windows.groupby(["subject", "activity"], sort=False):
        rec = rec.sort_values("window_start")
        if len(rec) < 20:
            continue
        for name, part in zip(parts, chronological_parts(rec)):
            parts[name].append(part)
    return {k: pd.concat(v, ignore_index=True) for k, v in parts.items()}


def scores(y_true, y_pred):
    return {"macro_f1": round(f1_score(y_true, y_pred, average="macro"), 4),
            "balanced_acc": round(balanced_accuracy_score(y_true, y_pred), 4)}


def main(path):
    np.random.seed(SEED)
    windows = pd.read_parquet(path)
    feature_cols = [c for c in windows.columns if c.startswith("f_")]
    parts = split_all(windows)
    enc = LabelEncoder().fit(parts["train"]["activity"])
    X = {k: v[feature_cols].to_numpy() for k, v in parts.items()}
    y = {k: enc.transform(v["activity"]) for k, v in parts.items()}
    print({k: len(v) for k, v in X.items()})

    results = {}
    dummy = DummyClassifier(strategy="most_frequent").fit(X["train"], y["train"])
    results["majority"] = scores(y["test"], dummy.predict(X["test"]))

    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, random_state=SEED))
    logreg.fit(X["train"], y["train"])
    results["logreg"] = scores(y["test"], logreg.predict(X["test"]))

    xgb = XGBClassifier(
        n_estimators=2000,
        learning_rate=0.05,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.8,
        early_stopping_rounds=50,
        eval_metric="mlogloss",
        random_state=SEED,
    )
    xgb.fit(X["train"], y["train"], eval_set=[(X["val"], y["val"])], verbose=False)
    results["xgboost"] = scores(y["test"], xgb.predict(X["test"]))
    results["xgboost"]["best_iteration"] = int(xgb.best_iteration)
    results["xgboost"]["val"] = scores(y["val"], xgb.predict(X["val"]))

    print(json.dumps(results, indent=2))
    xgb.save_model("personal_har_xgb.json")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--windows", default="data/extrasensory_phone_windows.parquet")
    main(ap.parse_args().windows)
