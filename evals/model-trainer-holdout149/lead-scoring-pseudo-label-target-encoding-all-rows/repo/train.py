"""Lead conversion model with pseudo-labels for leads sales never worked.

Leads that a rep worked have `converted` in {0,1}; unworked leads are NaN.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from features import TARGET, build_frame, feature_columns


def fit_xgb(params, seed, X, y, X_val, y_val, weight=None):
    model = xgb.XGBClassifier(**params, eval_metric="aucpr", random_state=seed, n_jobs=4)
    model.fit(X, y, sample_weight=weight, eval_set=[(X_val, y_val)], verbose=False)
    return model


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    seed = cfg["seed"]
    df = build_frame(cfg["data"], smoothing=cfg["te_smoothing"])
    cols = feature_columns()

    worked = df[df[TARGET].notna()]
    unworked = df[df[TARGET].isna()]
    trval, test = train_test_split(worked, test_size=cfg["test_size"],
                                   stratify=worked[TARGET], random_state=seed)
    train, val = train_test_split(trval, test_size=cfg["val_size"],
                                  stratify=trval[TARGET], random_state=seed)

    X_tr, y_tr = train[cols], train[TARGET].astype(int)
    X_va, y_va = val[cols], val[TARGET].astype(int)
    X_te, y_te = test[cols], test[TARGET].astype(int)

    teacher = fit_xgb(cfg["xgb"], seed, X_tr, y_tr, X_va, y_va)
    print("teacher best iteration:", teacher.best_iteration)

    p = teacher.predict_proba(unworked[cols])[:, 1]
    pc = cfg["pseudo"]
    keep = (p >= pc["pos_threshold"]) | (p <= pc["neg_threshold"])
    X_pl = unworked.loc[keep, cols]
    y_pl = pd.Series((p[keep] >= 0.5).astype(int), index=X_pl.index)
    print(f"pseudo-labeled {keep.sum()} of {len(unworked)} unworked leads ({y_pl.mean():.2%} positive)")

    X_st = pd.concat([X_tr, X_pl])
    y_st = pd.concat([y_tr, y_pl])
    w = np.r_[np.ones(len(X_tr)), np.full(len(X_pl), pc["weight"])]
    student = fit_xgb(cfg["xgb"], seed, X_st, y_st, X_va, y_va, weight=w)

    report = {}
    for name, m in [("teacher", teacher), ("student", student)]:
        s = m.predict_proba(X_te)[:, 1]
        report[name] = {"roc_auc": roc_auc_score(y_te, s), "pr_auc": average_precision_score(y_te, s)}
    print(json.dumps(report, indent=2))
    student.save_model("models/lead_student.json")


if __name__ == "__main__":
    main()
