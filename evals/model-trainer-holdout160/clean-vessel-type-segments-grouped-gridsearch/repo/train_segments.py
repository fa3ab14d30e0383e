"""Vessel class from 24 h AIS track segments.

Several segments come from the same vessel, so every split here is grouped by MMSI:
a vessel is either entirely in train or entirely in test.
"""
import json

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 8
SEGMENTS = "data/segments_24h_2023.parquet"

NUMERIC = [
    "sog_mean", "sog_std", "sog_p05", "sog_p95", "cog_change_mean", "cog_change_p90",
    "frac_stationary", "straightness", "dist_travelled_nm", "max_dist_from_start_nm",
    "n_reports", "median_gap_min", "length", "width", "draught",
]


def segment_extras(seg):
    seg = seg.copy()
    seg["log_n_reports"] = np.log1p(seg["n_reports"])
    seg["speed_spread"] = seg["sog_p95"] - seg["sog_p05"]
    seg["aspect"] = seg["length"] / seg["width"]
    seg.loc[~np.isfinite(seg["aspect"]), "aspect"] = np.nan
    return seg


seg = segment_extras(pd.read_parquet(SEGMENTS))
seg = seg[seg["n_reports"] >= 20]
features = NUMERIC + ["log_n_reports", "speed_spread", "aspect"]
X, y, groups = seg[features], seg["vessel_class"], seg["mmsi"]

holdout = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr, te = next(holdout.split(X, y, groups))
X_tr, X_te, y_tr, y_te, g_tr = X.iloc[tr], X.iloc[te], y.iloc[tr], y.iloc[te], groups.iloc[tr]
print(f"train: {g_tr.nunique()} vessels / {len(tr)} segments; test: {groups.iloc[te].nunique()} vessels")

pipe = Pipeline([
    ("impute", SimpleImputer(strategy="median")),
    ("scale", StandardScaler()),
    ("clf", LogisticRegression(max_iter=5000, class_weight="balanced")),
])
search = GridSearchCV(
    pipe,
    param_grid={"clf__C": [0.01, 0.1, 1.0, 10.0], "impute__strategy": ["median", "mean"]},
    cv=GroupKFold(n_splits=5),
    scoring="f1_macro",
    n_jobs=-1,
)
search.fit(X_tr, y_tr, groups=g_tr)
print("best params:", search.best_params_, "cv macro-F1:", round(search.best_score_, 4))

pred = search.predict(X_te)
print(classification_report(y_te, pred, digits=3))
test_f1 = f1_score(y_te, pred, average="macro")

with open("metrics.json", "w") as f:
    json.dump({"cv_macro_f1": search.best_score_, "test_macro_f1": test_f1, **search.best_params_}, f, indent=2)
