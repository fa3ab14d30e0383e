"""IsolationForest screening of corporate-card expense lines.

Audit has labelled a sample of expense lines (policy violation / fraud = 1). The forest is
fit on unflagged lines only; the alert threshold is tuned on a validation slice and the
held-out test slice is scored once at the end.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest
from sklearn.metrics import (
    average_precision_score,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split

SEED = 404
DATA = Path("data/audited_expense_lines.parquet")
OUT = Path("artifacts/expense_iforest")
FEATURES = [
    "log_amount", "amount_round_100", "is_weekend", "hours_after_close",
    "days_to_submission", "n_lines_same_merchant_7d", "merchant_category_rarity",
    "employee_spend_ratio_90d", "receipt_missing",
]


def robust_z(values, median, mad):
    return np.abs(values - median) / (1.4826 * mad + 1e-9)


def sweep_threshold(y_true, scores):
    candidates = np.quantile(scores, np.linspace(0.80, 0.999, 300))
    f1s = [f1_score(y_true, scores >= t, zero_division=0) for t in candidates]
    best = int(np.argmax(f1s))
    return float(candidates[best]), float(f1s[best])


def report(y_true, scores, threshold):
    pred = (scores >= threshold).astype(int)
    return {
        "roc_auc": roc_auc_score(y_true, scores),
        "avg_precision": average_precision_score(y_true, scores),
        "precision": precision_score(y_true, pred, zero_division=0),
        "recall": recall_score(y_true, pred, zero_division=0),
        "f1": f1_score(y_true, pred, zero_division=0),
    }


def main():
    np.random.seed(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    df = pd.read_parquet(DATA)
    X, y = df[FEATURES].to_numpy(float), df["audit_flag"].to_numpy(int)

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(
        X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=SEED
    )

    forest = IsolationForest(
        n_estimators=500,
        max_samples=2048,
        contamination=max(float(y_train.mean()), 0.001),
        random_state=SEED,
        n_jobs=-1,
    )
    forest.fit(X_train[y_train == 0])

    val_scores = -forest.score_samples(X_val)
    threshold, val_f1 = sweep_threshold(y_val, val_scores)
    print(f"threshold={threshold:.4f} (val F1={val_f1:.3f})")

    # baseline: robust z-score on the amount column with train-only median/MAD
    amt_train = X_train[y_train == 0, FEATURES.index("log_amount")]
    med, mad = np.median(amt_train), np.median(np.abs(amt_train - np.median(amt_train)))
    base_val = robust_z(X_val[:, FEATURES.index("log_amount")], med, mad)
    base_threshold, _ = sweep_threshold(y_val, base_val)

    test_scores = -forest.score_samples(X_test)
    base_test = robust_z(X_test[:, FEATURES.index("log_amount")], med, mad)
    results = {
        "iforest": report(y_test, test_scores, threshold),
        "amount_robust_z": report(y_test, base_test, base_threshold),
        "n_test_flagged_by_audit": int(y_test.sum()),
    }
    print(json.dumps(results, indent=2))

    joblib.dump({"model": forest, "threshold": threshold, "features": FEATURES}, OUT / "model.joblib")
    (OUT / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
