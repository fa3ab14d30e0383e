"""Route inbound support e-mails: does this message need a human agent (1) or can automation answer (0)?

Features are frozen multilingual-e5 embeddings; the classifier is LightGBM. After the held-out
evaluation the model is refit on every labelled e-mail for the production artifact.
"""
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 77
ARTIFACTS = Path("artifacts/email-router")
PARAMS = dict(n_estimators=3000, learning_rate=0.03, num_leaves=31, min_child_samples=40,
              subsample=0.8, subsample_freq=1, colsample_bytree=0.5, reg_lambda=1.0,
              random_state=SEED, verbose=-1)


def embed(texts):
    encoder = SentenceTransformer("intfloat/multilingual-e5-base")
    return encoder.encode([f"query: {t}" for t in texts], batch_size=64, normalize_embeddings=True)


def evaluate(y, scores, threshold):
    pred = (scores >= threshold).astype(int)
    return {"roc_auc": roc_auc_score(y, scores), "pr_auc": average_precision_score(y, scores),
            "f1": f1_score(y, pred), "recall": recall_score(y, pred)}


def main():
    emails = pd.read_parquet("data/support_emails_labelled.parquet")
    emails = emails.dropna(subset=["subject", "body"]).drop_duplicates(subset=["message_id"])
    X = embed((emails["subject"] + "\n" + emails["body"]).tolist())
    y = emails["needs_agent"].astype(int).to_numpy()

    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=0.15, stratify=y_trval, random_state=SEED
    )

    logreg = LogisticRegression(C=1.0, max_iter=3000, random_state=SEED).fit(X_train, y_train)

    model = lgb.LGBMClassifier(**PARAMS)
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], eval_metric="average_precision",
              callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)])

    val_scores = model.predict_proba(X_val)[:, 1]
    prec, rec, thr = precision_recall_curve(y_val, val_scores)
    ok = rec[:-1] >= 0.95
    threshold = float(thr[ok][np.argmax(prec[:-1][ok])]) if ok.any() else 0.5

    report = {
        "threshold": threshold,
        "best_iteration": int(model.best_iteration_),
        "lightgbm_test": evaluate(y_test, model.predict_proba(X_test)[:, 1], threshold),
        "logreg_test": evaluate(y_test, logreg.predict_proba(X_test)[:, 1], threshold),
    }
    print(json.dumps(report, indent=2))

    final_params = {**PARAMS, "n_estimators": int(model.best_iteration_ * 1.1)}
    final_model = lgb.LGBMClassifier(**final_params).fit(X, y)

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": final_model, "threshold": threshold}, ARTIFACTS / "router.joblib")
    (ARTIFACTS / "holdout_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
