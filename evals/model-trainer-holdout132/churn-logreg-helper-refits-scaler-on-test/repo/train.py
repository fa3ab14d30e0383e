"""Logistic-regression churn baseline for Kart Rush (weekly snapshots).

Interpretable model the live-ops team can read coefficients from.
Train weeks 1-8 of the season, skip week 9 (label window overlaps), test weeks 10-11.
"""
import argparse

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from preprocessing import build_matrix

TARGET = "churned_next_7d"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/season7_weekly_snapshots.parquet")
    ap.add_argument("--C", type=float, default=0.5)
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    train_df = df[df["season_week"].between(1, 8)]
    test_df = df[df["season_week"].between(10, 11)]
    print(f"train {len(train_df):,} rows, churn {train_df[TARGET].mean():.3f}")
    print(f"test  {len(test_df):,} rows, churn {test_df[TARGET].mean():.3f}")

    X_train, names = build_matrix(train_df)
    X_test, _ = build_matrix(test_df)

    clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced", random_state=0)
    clf.fit(X_train, train_df[TARGET])

    p = clf.predict_proba(X_test)[:, 1]
    print(f"test ROC AUC {roc_auc_score(test_df[TARGET], p):.4f}")
    print(f"test PR AUC  {average_precision_score(test_df[TARGET], p):.4f}")

    coefs = pd.Series(clf.coef_[0], index=names).sort_values()
    print("\nstrongest churn drivers:\n", coefs.tail(8).round(3))
    print("\nstrongest retention drivers:\n", coefs.head(8).round(3))


if __name__ == "__main__":
    main()
