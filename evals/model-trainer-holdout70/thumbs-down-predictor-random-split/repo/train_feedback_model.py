"""Train the negative-feedback predictor that flags conversations for the weekly quality review.

The model scores new conversations each day so reviewers see the ones most likely to get a thumbs-down.
"""
import json

import numpy as np
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split

from feedback.features import CATEGORICAL, NUMERIC, add_history_features, feature_frame, load_events

SEED = 3

events = load_events("data/assistant_feedback_events.parquet")
events = add_history_features(events)
print(f"{len(events)} turns from {events['created_at'].min():%Y-%m-%d} to {events['created_at'].max():%Y-%m-%d}, "
      f"down-rate {events['thumbs_down'].mean():.3f}")

X, y = feature_frame(events)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.2, stratify=y_train, random_state=SEED)

baseline = LogisticRegression(max_iter=1000, class_weight="balanced")
baseline.fit(X_tr[["user_prev_down_rate", "model_down_rate_7d", "latency_s"]], y_tr)
base_scores = baseline.predict_proba(X_test[["user_prev_down_rate", "model_down_rate_7d", "latency_s"]])[:, 1]

model = CatBoostClassifier(
    iterations=3000,
    learning_rate=0.05,
    depth=6,
    eval_metric="PRAUC",
    auto_class_weights="Balanced",
    random_seed=SEED,
    early_stopping_rounds=150,
    verbose=200,
)
model.fit(Pool(X_tr, y_tr, cat_features=CATEGORICAL), eval_set=Pool(X_val, y_val, cat_features=CATEGORICAL),
          use_best_model=True)

val_scores = model.predict_proba(Pool(X_val, cat_features=CATEGORICAL))[:, 1]
prec, rec, thr = precision_recall_curve(y_val, val_scores)
f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1s)])

test_scores = model.predict_proba(Pool(X_test, cat_features=CATEGORICAL))[:, 1]
report = {
    "baseline_roc_auc": roc_auc_score(y_test, base_scores),
    "baseline_pr_auc": average_precision_score(y_test, base_scores),
    "catboost_roc_auc": roc_auc_score(y_test, test_scores),
    "catboost_pr_auc": average_precision_score(y_test, test_scores),
    "catboost_f1_at_val_threshold": f1_score(y_test, (test_scores >= threshold).astype(int)),
    "threshold": threshold,
}
print(json.dumps(report, indent=2))
model.save_model("models/feedback_catboost.cbm")
with open("models/feedback_threshold.json", "w") as fh:
    json.dump({"threshold": threshold, "features": NUMERIC + CATEGORICAL}, fh)
