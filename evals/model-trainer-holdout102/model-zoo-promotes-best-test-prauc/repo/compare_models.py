"""Benchmark candidate fraud classifiers and promote the best one.

Writes models/promoted.joblib and models/model_card.json for the deployment job.
"""
import json
import time
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import xgboost as xgb
from catboost import CatBoostClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, recall_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fraudbench.prep import FEATURES, load_frame, time_split

SEED = 8
df = load_frame("data/pos_transactions_2023.parquet")
train, test = time_split(df, "2023-10-01")
X_train, y_train = train[FEATURES], train["is_fraud"]
X_test, y_test = test[FEATURES], test["is_fraud"]
spw = float((y_train == 0).sum() / (y_train == 1).sum())

candidates = {
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced")),
    "random_forest": RandomForestClassifier(
        n_estimators=500, min_samples_leaf=20, class_weight="balanced_subsample", n_jobs=-1, random_state=SEED
    ),
    "xgboost": xgb.XGBClassifier(
        n_estimators=800, learning_rate=0.05, max_depth=6, subsample=0.8, colsample_bytree=0.8,
        scale_pos_weight=spw, tree_method="hist", random_state=SEED,
    ),
    "lightgbm": lgb.LGBMClassifier(
        n_estimators=800, learning_rate=0.05, num_leaves=63, subsample=0.8, subsample_freq=1,
        colsample_bytree=0.8, scale_pos_weight=spw, random_state=SEED, verbose=-1,
    ),
    "catboost": CatBoostClassifier(
        iterations=1500, learning_rate=0.05, depth=6, auto_class_weights="SqrtBalanced",
        random_seed=SEED, verbose=0,
    ),
}

results = {}
best_name, best_ap, best_model = None, -1.0, None
for name, model in candidates.items():
    start = time.time()
    model.fit(X_train, y_train)
    scores = model.predict_proba(X_test)[:, 1]
    cutoff = np.quantile(scores, 0.99)
    results[name] = {
        "pr_auc": average_precision_score(y_test, scores),
        "roc_auc": roc_auc_score(y_test, scores),
        "recall_at_1pct_alerts": recall_score(y_test, scores >= cutoff),
        "fit_seconds": round(time.time() - start, 1),
    }
    print(f"{name:14s} " + "  ".join(f"{k}={v:.4f}" for k, v in results[name].items()))
    if results[name]["pr_auc"] > best_ap:
        best_name, best_ap, best_model = name, results[name]["pr_auc"], model

print(f"promoting {best_name} (test PR-AUC {best_ap:.4f})")
Path("models").mkdir(exist_ok=True)
joblib.dump({"model": best_model, "features": FEATURES}, "models/promoted.joblib")
Path("models/model_card.json").write_text(json.dumps({
    "model": best_name,
    "train_until": "2023-10-01",
    "test_pr_auc": best_ap,
    "all_results": results,
}, indent=2))
