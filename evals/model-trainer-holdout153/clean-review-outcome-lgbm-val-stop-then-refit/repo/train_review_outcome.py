"""Predict whether a Gerrit change will be merged or abandoned (Qt + Eclipse review data).

Chronological train / validation / test periods. The validation period picks the number of
boosting rounds and the decision threshold; the final model is refit on train+validation.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_recall_curve, roc_auc_score

FEATURES = [
    "insertions", "deletions", "num_files", "num_dirs", "msg_len", "has_test_change",
    "author_changes_before", "author_merged_ratio_before", "author_days_active",
    "num_reviewers_added", "is_revert", "touches_build_files", "branch_is_master",
]
PARAMS = dict(objective="binary", learning_rate=0.05, num_leaves=31, min_child_samples=40,
              subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=2.0,
              n_estimators=3000, random_state=1234, verbose=-1)


def chronological_split(df, val_frac=0.15, test_frac=0.15):
    df = df.sort_values("created").reset_index(drop=True)
    n = len(df)
    i_val, i_test = int(n * (1 - val_frac - test_frac)), int(n * (1 - test_frac))
    return df.iloc[:i_val], df.iloc[i_val:i_test], df.iloc[i_test:]


def best_f1_threshold(y, proba):
    prec, rec, thr = precision_recall_curve(y, proba)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-9, None)
    return float(thr[np.argmax(f1[:-1])])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/gerrit_changes_qt_eclipse.csv")
    ap.add_argument("--out", default="results/review_outcome.json")
    args = ap.parse_args()

    df = pd.read_csv(args.data, parse_dates=["created"])
    df = df[df["status"].isin(["MERGED", "ABANDONED"])]
    df["abandoned"] = (df["status"] == "ABANDONED").astype(int)
    for c in ["insertions", "deletions", "msg_len", "author_changes_before"]:
        df[c] = np.log1p(df[c])

    train, val, test = chronological_split(df)
    print({k: (len(d), round(d["abandoned"].mean(), 3)) for k, d in
           [("train", train), ("val", val), ("test", test)]})

    model = lgb.LGBMClassifier(**PARAMS)
    model.fit(train[FEATURES], train["abandoned"],
              eval_set=[(val[FEATURES], val["abandoned"])], eval_metric="auc",
              callbacks=[lgb.early_stopping(150, verbose=False)])
    n_rounds = model.best_iteration_
    val_proba = model.predict_proba(val[FEATURES], num_iteration=n_rounds)[:, 1]
    threshold = best_f1_threshold(val["abandoned"], val_proba)
    print(f"rounds={n_rounds} val_auc={roc_auc_score(val['abandoned'], val_proba):.4f} "
          f"threshold={threshold:.3f}")

    trval = pd.concat([train, val])
    final = lgb.LGBMClassifier(**{**PARAMS, "n_estimators": n_rounds})
    final.fit(trval[FEATURES], trval["abandoned"])

    test_proba = final.predict_proba(test[FEATURES])[:, 1]
    res = {
        "n_rounds": int(n_rounds),
        "threshold": threshold,
        "test_auc": roc_auc_score(test["abandoned"], test_proba),
        "test_f1_abandoned": f1_score(test["abandoned"], test_proba >= threshold),
    }
    print(json.dumps(res, indent=2))
    with open(args.out, "w") as fh:
        json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
