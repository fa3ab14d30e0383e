"""Fake job posting detector: frozen mpnet embeddings + XGBoost."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    f1_score,
    precision_recall_curve,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from features import build_features, load_encoder

SEED = 17
OUT_DIR = Path("models/job-fraud")


def scores(y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    return {
        "roc_auc": roc_auc_score(y_true, proba),
        "pr_auc": average_precision_score(y_true, proba),
        "precision": precision_score(y_true, pred, zero_division=0),
        "recall": recall_score(y_true, pred),
        "f1": f1_score(y_true, pred),
    }


def main():
    df = pd.read_csv("data/fake_job_postings.csv")
    print(df["fraudulent"].value_counts())
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["fraudulent"], random_state=SEED)
    train_df, val_df = train_test_split(
        train_df, test_size=0.2, stratify=train_df["fraudulent"], random_state=SEED
    )

    encoder = load_encoder()
    scaler = StandardScaler()
    X_train = build_features(train_df, encoder, scaler, fit=True)
    X_val = build_features(val_df, encoder, scaler)
    X_test = build_features(test_df, encoder, scaler, fit=True)
    y_train, y_val, y_test = (d["fraudulent"].to_numpy() for d in (train_df, val_df, test_df))

    baseline = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X_train, y_train)

    pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
    model = xgb.XGBClassifier(
        n_estimators=1500,
        learning_rate=0.03,
        max_depth=5,
        subsample=0.8,
        colsample_bytree=0.6,
        scale_pos_weight=pos_weight,
        eval_metric="aucpr",
        early_stopping_rounds=100,
        random_state=SEED,
        n_jobs=-1,
    )
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=100)

    val_proba = model.predict_proba(X_val)[:, 1]
    prec, rec, thr = precision_recall_curve(y_val, val_proba)
    f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[np.argmax(f1s)])

    report = {
        "threshold": threshold,
        "xgboost": scores(y_test, model.predict_proba(X_test)[:, 1], threshold),
        "logreg_baseline": scores(y_test, baseline.predict_proba(X_test)[:, 1], 0.5),
    }
    print(json.dumps(report, indent=2))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    model.save_model(OUT_DIR / "xgb.json")
    (OUT_DIR / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
