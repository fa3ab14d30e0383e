"""Predict at creation time whether a support ticket will be escalated to tier 2.

Inputs: text embedding of the first customer message + the customer's ticket history.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from history_features import TABULAR_COLS, add_calendar, add_customer_history

SEED = 99
np.random.seed(SEED)

tickets = pd.read_parquet("data/tickets_2022_2024.parquet")
tickets["created_at"] = pd.to_datetime(tickets["created_at"], utc=True)
tickets = add_calendar(add_customer_history(tickets))
print(tickets["created_at"].min(), "->", tickets["created_at"].max(), len(tickets), "tickets")

encoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")
text_emb = encoder.encode(tickets["first_message"].fillna("").tolist(), batch_size=256, normalize_embeddings=True)
X = np.hstack([tickets[TABULAR_COLS].to_numpy(dtype=np.float32), text_emb])
y = tickets["escalated"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.15, stratify=y_train, random_state=SEED)

baseline = LogisticRegression(max_iter=2000, class_weight="balanced")
baseline.fit(np.nan_to_num(X_tr[:, : len(TABULAR_COLS)]), y_tr)
base_scores = baseline.predict_proba(np.nan_to_num(X_test[:, : len(TABULAR_COLS)]))[:, 1]

model = xgb.XGBClassifier(
    n_estimators=2000,
    learning_rate=0.03,
    max_depth=6,
    subsample=0.8,
    colsample_bytree=0.5,
    scale_pos_weight=(y_tr == 0).sum() / max((y_tr == 1).sum(), 1),
    eval_metric="aucpr",
    early_stopping_rounds=100,
    random_state=SEED,
    n_jobs=-1,
)
model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=200)
scores = model.predict_proba(X_test)[:, 1]

metrics = {
    "baseline_roc_auc": roc_auc_score(y_test, base_scores),
    "baseline_pr_auc": average_precision_score(y_test, base_scores),
    "xgb_roc_auc": roc_auc_score(y_test, scores),
    "xgb_pr_auc": average_precision_score(y_test, scores),
    "best_iteration": int(model.best_iteration),
}
print(json.dumps(metrics, indent=2))
model.save_model("models/escalation_xgb.json")
