"""
Quarterly stock-out risk classifier for the replenishment planning team.

One row per SKU x DC with planning attributes at the start of the quarter; label is
whether the SKU had any stock-out day at that DC during the quarter.
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 13

NUMERIC = [
    "avg_weekly_demand",
    "demand_cv_13w",
    "supplier_lead_time_days",
    "lead_time_std_days",
    "supplier_otif_pct",
    "safety_stock_units",
    "reorder_point_units",
    "moq_units",
    "case_pack_qty",
    "weeks_of_supply",
    "n_substitutes",
    "promo_weeks_planned",
    "unit_cost",
]
FLAGS = ["is_seasonal", "is_imported", "single_source"]
TARGET = "had_stockout"


def load(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[df["sku_status"] == "ACTIVE"]
    df[FLAGS] = df[FLAGS].astype(int)
    # planners leave safety stock blank when it is managed manually -> treat as zero
    df["safety_stock_units"] = df["safety_stock_units"].fillna(0)
    df = df.dropna(subset=NUMERIC + [TARGET])
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("data/sku_dc_quarter_2023.csv"))
    ap.add_argument("--out-dir", type=Path, default=Path("artifacts"))
    ap.add_argument("--n-estimators", type=int, default=500)
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    np.random.seed(SEED)

    df = load(args.data)
    X = df[NUMERIC + FLAGS].to_numpy(dtype=float)
    y = df[TARGET].to_numpy()
    print(f"rows={len(y)}  positive rate={y.mean():.3%}")

    # stock-outs are rare (~6%), rebalance before training
    X_bal, y_bal = SMOTE(k_neighbors=5, random_state=SEED).fit_resample(X, y)

    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=SEED
    )

    clf = RandomForestClassifier(
        n_estimators=args.n_estimators,
        max_depth=14,
        min_samples_leaf=5,
        max_features="sqrt",
        n_jobs=-1,
        random_state=SEED,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
    }
    print(classification_report(y_test, pred, digits=3))
    print(json.dumps(metrics, indent=2))

    importances = pd.Series(clf.feature_importances_, index=NUMERIC + FLAGS).sort_values(ascending=False)
    print(importances.head(8).to_string())

    joblib.dump(clf, args.out_dir / "stockout_rf.joblib")
    (args.out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
