"""ESC-50 benchmark: handcrafted descriptors, official 5-fold cross-validation protocol from esc50.csv."""
import json
import os

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import PredefinedSplit, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import load_or_extract

cfg = json.load(open("config.json"))
root = cfg["esc50_root"]
meta = pd.read_csv(os.path.join(root, "meta", "esc50.csv"))
X = load_or_extract(meta, os.path.join(root, "audio"), cfg["cache"], cfg["sample_rate"], cfg["n_mfcc"])
y = meta["target"].to_numpy()
folds = PredefinedSplit(test_fold=meta["fold"].to_numpy() - 1)
print(f"{len(y)} clips, {len(np.unique(y))} classes, folds: {sorted(meta['fold'].unique())}")

rs = cfg["random_state"]
candidates = {
    "majority": DummyClassifier(strategy="most_frequent"),
    "stratified-random": DummyClassifier(strategy="stratified", random_state=rs),
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(random_state=rs, **cfg["models"]["logreg"])),
    "random_forest": make_pipeline(StandardScaler(),
                                   RandomForestClassifier(random_state=rs, n_jobs=-1, **cfg["models"]["random_forest"])),
}

rows = []
for name, est in candidates.items():
    res = cross_validate(est, X, y, cv=folds, scoring=["accuracy", "f1_macro", "balanced_accuracy"], n_jobs=1)
    for k, fold_id in enumerate(sorted(meta["fold"].unique())):
        rows.append({"model": name, "fold": fold_id,
                     "accuracy": res["test_accuracy"][k],
                     "macro_f1": res["test_f1_macro"][k],
                     "balanced_acc": res["test_balanced_accuracy"][k]})

table = pd.DataFrame(rows)
summary = table.groupby("model")[["accuracy", "macro_f1", "balanced_acc"]].agg(["mean", "std"]).round(4)
print(summary)
os.makedirs("results", exist_ok=True)
table.to_csv("results/esc50_fold_scores.csv", index=False)
summary.to_csv("results/esc50_summary.csv")
