"""Landslide susceptibility / detection at slope-unit level.

Positives (mapped landslides after the 2021 monsoon) are ~3% of slope units.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve,
                             precision_score, recall_score, roc_auc_score)
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

CFG = yaml.safe_load(Path("landslide.yaml").read_text())
SEED = CFG["seed"]


def build(kind):
    if kind == "logreg":
        clf = LogisticRegression(C=0.5, max_iter=5000)
    else:
        clf = lgb.LGBMClassifier(random_state=SEED, verbose=-1, **CFG["lgbm"])
    return Pipeline([
        ("scale", StandardScaler()),
        ("smote", SMOTE(sampling_strategy=CFG["smote_ratio"], k_neighbors=5, random_state=SEED)),
        ("clf", clf),
    ])


def f1_optimal_threshold(y, prob):
    prec, rec, thr = precision_recall_curve(y, prob)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
    return float(thr[np.nanargmax(f1)])


def main():
    df = pd.read_parquet(CFG["table"])
    feats = CFG["features"]
    X, y = df[feats].to_numpy(), df["landslide"].to_numpy()
    groups = df["catchment_id"].to_numpy()
    print(f"{len(y)} slope units, positive rate {y.mean():.3%}, {len(np.unique(groups))} catchments")

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    dev, test = next(outer.split(X, y, groups))
    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED + 1)

    results = {}
    for kind in ["logreg", "lgbm"]:
        oof = cross_val_predict(build(kind), X[dev], y[dev], groups=groups[dev], cv=cv,
                                method="predict_proba")[:, 1]
        thr = f1_optimal_threshold(y[dev], oof)
        model = build(kind).fit(X[dev], y[dev])
        prob = model.predict_proba(X[test])[:, 1]
        pred = (prob >= thr).astype(int)
        results[kind] = {
            "threshold_from_oof": thr,
            "oof_pr_auc": average_precision_score(y[dev], oof),
            "test_pr_auc": average_precision_score(y[test], prob),
            "test_roc_auc": roc_auc_score(y[test], prob),
            "test_f1": f1_score(y[test], pred),
            "test_precision": precision_score(y[test], pred, zero_division=0),
            "test_recall": recall_score(y[test], pred),
        }
        print(kind, {k: round(v, 4) for k, v in results[kind].items()})
    results["test_positive_rate"] = float(y[test].mean())
    Path(CFG["report"]).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
