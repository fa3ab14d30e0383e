"""Novelty detection on card transactions with LocalOutlierFactor.

The detector is trained on legitimate transactions only and evaluated on a
held-out slice that contains the confirmed fraud cases from the chargeback feed.
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import (
    average_precision_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.neighbors import LocalOutlierFactor
from sklearn.preprocessing import StandardScaler

SEED = 2024
FEATURES = [
    "amount",
    "hour_of_day",
    "merchant_risk_score",
    "txn_count_24h",
    "amount_vs_avg_30d",
    "distance_from_home_km",
    "is_foreign",
    "card_age_days",
]


def load_transactions(path: Path) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df.dropna(subset=["is_fraud"])
    df["hour_of_day"] = pd.to_datetime(df["event_ts"]).dt.hour
    df["is_foreign"] = (df["merchant_country"] != df["card_country"]).astype(int)
    return df


def evaluate(y_true, scores, preds):
    return {
        "roc_auc": roc_auc_score(y_true, scores),
        "avg_precision": average_precision_score(y_true, scores),
        "precision": precision_score(y_true, preds, zero_division=0),
        "recall": recall_score(y_true, preds, zero_division=0),
        "n_test": int(len(y_true)),
        "n_fraud_test": int(y_true.sum()),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("data/transactions_2024q1.parquet"))
    parser.add_argument("--out", type=Path, default=Path("artifacts/lof"))
    parser.add_argument("--n-neighbors", type=int, default=35)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    df = load_transactions(args.data)
    X = df[FEATURES].to_numpy(dtype=float)
    y = df["is_fraud"].to_numpy().astype(int)
    print(f"{len(df):,} transactions, fraud rate {y.mean():.4%}")

    scaler = StandardScaler()
    X = scaler.fit_transform(X)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=SEED
    )

    X_train_normal = X_train[y_train == 0]
    contamination = max(float(y_train.mean()), 1e-3)
    lof = LocalOutlierFactor(
        n_neighbors=args.n_neighbors,
        novelty=True,
        contamination=contamination,
        n_jobs=-1,
    )
    lof.fit(X_train_normal)

    scores = -lof.score_samples(X_test)
    preds = (lof.predict(X_test) == -1).astype(int)
    metrics = evaluate(y_test, scores, preds)
    print(json.dumps(metrics, indent=2))

    joblib.dump({"scaler": scaler, "lof": lof, "features": FEATURES}, args.out / "lof.joblib")
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
