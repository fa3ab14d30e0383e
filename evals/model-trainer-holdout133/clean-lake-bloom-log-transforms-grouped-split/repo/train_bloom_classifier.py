"""
Predict cyanobacterial bloom risk (chl-a >= 20 ug/L) from routine lake-survey chemistry.
Data: state lake monitoring program, 2008-2022, one row per sampling visit.

usage: python train_bloom_classifier.py data/lake_surveys.csv --seed 19
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

CHLA_BLOOM = 20.0
LOG_COLS = ["tp_ug_l", "tn_ug_l", "srp_ug_l", "nh4_ug_l", "conductivity_us_cm", "turbidity_ntu"]
FEATURES = [f"log_{c}" for c in LOG_COLS] + [
    "secchi_m", "water_temp_c", "ph", "do_sat_pct", "log_tn_tp", "max_depth_m", "doy_sin", "doy_cos"
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop(columns=["sample_id", "collector", "lab_batch", "comments"], errors="ignore")
    df = df[df["qc_flag"].isin(["A", "P"])]                # accepted / provisional results only
    df = df[df["sample_depth_m"] <= 2.0].copy()             # epilimnion grabs only
    for c in LOG_COLS:
        df[f"log_{c}"] = np.log10(df[c].clip(lower=0) + 1.0)
    df["log_tn_tp"] = np.log10((df["tn_ug_l"] + 1.0) / (df["tp_ug_l"] + 1.0))
    doy = pd.to_datetime(df["sample_date"]).dt.dayofyear
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    df["bloom"] = (df["chla_ug_l"] >= CHLA_BLOOM).astype(int)
    return df.dropna(subset=["chla_ug_l"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()

    df = prepare(pd.read_csv(args.csv))
    X, y, lakes = df[FEATURES], df["bloom"], df["lake_id"]
    print(f"{len(df)} visits, {lakes.nunique()} lakes, bloom rate {y.mean():.3f}")

    # whole lakes go to test; class balance kept similar across folds
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
    tr_idx, te_idx = next(sgkf.split(X, y, groups=lakes))
    X_tr, X_te, y_tr, y_te = X.iloc[tr_idx], X.iloc[te_idx], y.iloc[tr_idx], y.iloc[te_idx]
    assert set(lakes.iloc[tr_idx]).isdisjoint(lakes.iloc[te_idx])

    clf = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=400,
        max_leaf_nodes=15,
        min_samples_leaf=30,
        l2_regularization=1.0,
        class_weight="balanced",
        early_stopping=True,
        validation_fraction=0.15,
        random_state=args.seed,
    )
    clf.fit(X_tr, y_tr)

    proba = clf.predict_proba(X_te)[:, 1]
    pred = (proba >= 0.5).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y_te, proba),
        "pr_auc": average_precision_score(y_te, proba),
        "balanced_acc": balanced_accuracy_score(y_te, pred),
        "f1": f1_score(y_te, pred),
        "test_bloom_rate": float(y_te.mean()),
        "n_iter": int(clf.n_iter_),
    }
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in metrics.items()}, indent=2))


if __name__ == "__main__":
    main()
