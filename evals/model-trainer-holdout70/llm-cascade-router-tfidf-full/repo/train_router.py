"""Router that predicts whether the 8B model's answer will be judged correct, so easy prompts skip the 70B model.

Labels come from the offline judge run: small_model_correct = 1 when the LLM judge graded the 8B answer as correct.
"""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

from router.features import build_features

SEED = 99

judged = pd.read_json("data/judged_prompts.jsonl", lines=True)
judged = judged.drop_duplicates(subset="prompt").reset_index(drop=True)
y = judged["small_model_correct"].to_numpy()
print(f"{len(judged)} prompts, small model correct on {y.mean():.1%}")

X, vectorizer = build_features(judged["prompt"].tolist())

idx = np.arange(len(judged))
idx_train, idx_test = train_test_split(idx, test_size=0.2, stratify=y, random_state=SEED)
idx_tr, idx_val = train_test_split(idx_train, test_size=0.15, stratify=y[idx_train], random_state=SEED)

model = XGBClassifier(
    n_estimators=2000,
    learning_rate=0.05,
    max_depth=6,
    subsample=0.8,
    colsample_bytree=0.5,
    eval_metric="aucpr",
    early_stopping_rounds=100,
    random_state=SEED,
    n_jobs=-1,
)
model.fit(X[idx_tr], y[idx_tr], eval_set=[(X[idx_val], y[idx_val])], verbose=100)

val_p = model.predict_proba(X[idx_val])[:, 1]
prec, rec, thr = precision_recall_curve(y[idx_val], val_p)
ok = np.where(prec[:-1] >= 0.95)[0]
threshold = float(thr[ok[0]]) if len(ok) else 0.99

test_p = model.predict_proba(X[idx_test])[:, 1]
length_score = -judged.loc[idx_test, "prompt"].str.len().to_numpy()
routed = test_p >= threshold
metrics = {
    "router_roc_auc": roc_auc_score(y[idx_test], test_p),
    "router_pr_auc": average_precision_score(y[idx_test], test_p),
    "router_f1": f1_score(y[idx_test], routed.astype(int)),
    "length_baseline_roc_auc": roc_auc_score(y[idx_test], length_score),
    "share_routed_to_small": float(routed.mean()),
    "small_model_accuracy_on_routed": float(y[idx_test][routed].mean()) if routed.any() else None,
    "threshold": threshold,
}
print(json.dumps(metrics, indent=2))
joblib.dump({"model": model, "vectorizer": vectorizer, "threshold": threshold}, "artifacts/router.joblib")
