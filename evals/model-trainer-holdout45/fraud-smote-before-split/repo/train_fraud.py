"""Credit card fraud detection on the ULB European cardholder dataset.

Usage: python train_fraud.py --data data/creditcard.csv --out models/
"""
import argparse
import os

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    classification_report,
    confusion_matrix,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

RANDOM_STATE = 42


def load_data(path):
    df = pd.read_csv(path)
    df = df.drop(columns=["Time"]).drop_duplicates()
    scaler = StandardScaler()
    df["Amount"] = scaler.fit_transform(df[["Amount"]])
    return df


def report(name, y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    print(f"== {name} (threshold {threshold:.3f}) ==")
    print(f"ROC-AUC: {roc_auc_score(y_true, proba):.4f}  PR-AUC: {average_precision_score(y_true, proba):.4f}")
    print(confusion_matrix(y_true, pred))
    print(classification_report(y_true, pred, digits=4))


def pick_threshold(y_true, proba, min_precision=0.8):
    for t in np.arange(0.05, 0.96, 0.01):
        pred = proba >= t
        if pred.sum() and y_true[pred].mean() >= min_precision:
            return float(t)
    return 0.5


def main(args):
    df = load_data(args.data)
    X = df.drop(columns=["Class"])
    y = df["Class"]
    print(f"Fraud share: {y.mean():.4%} of {len(y):,} transactions")

    smote = SMOTE(sampling_strategy=0.1, k_neighbors=5, random_state=RANDOM_STATE)
    X_res, y_res = smote.fit_resample(X, y)
    print(f"After SMOTE: {len(y_res):,} rows, fraud share {y_res.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.2, stratify=y_res, random_state=RANDOM_STATE
    )
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_train, y_train, test_size=0.15, stratify=y_train, random_state=RANDOM_STATE
    )

    baseline = LogisticRegression(max_iter=1000)
    baseline.fit(X_tr, y_tr)

    model = XGBClassifier(
        n_estimators=800,
        max_depth=5,
        learning_rate=0.05,
        subsample=0.9,
        colsample_bytree=0.8,
        eval_metric="aucpr",
        early_stopping_rounds=50,
        random_state=RANDOM_STATE,
        n_jobs=-1,
    )
    model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=100)

    thr_base = pick_threshold(y_val.values, baseline.predict_proba(X_val)[:, 1])
    thr_xgb = pick_threshold(y_val.values, model.predict_proba(X_val)[:, 1])

    report("logistic baseline", y_test.values, baseline.predict_proba(X_test)[:, 1], thr_base)
    report("xgboost", y_test.values, model.predict_proba(X_test)[:, 1], thr_xgb)

    os.makedirs(args.out, exist_ok=True)
    joblib.dump(model, os.path.join(args.out, "xgb_fraud.joblib"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/creditcard.csv")
    parser.add_argument("--out", default="models")
    main(parser.parse_args())
