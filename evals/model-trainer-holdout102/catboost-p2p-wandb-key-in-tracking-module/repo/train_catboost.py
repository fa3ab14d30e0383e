"""P2P payment fraud: CatBoost with native categorical handling."""
import json
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from src.tracking import log_split_metrics, start_run

cfg = json.loads(Path("params.json").read_text())
num_cols, cat_cols = cfg["numeric"], cfg["categorical"]

df = pd.read_parquet(cfg["data_path"])
df["created_at"] = pd.to_datetime(df["created_at"])
df[cat_cols] = df[cat_cols].fillna("missing").astype(str)
train = df[df.created_at < cfg["train_end"]]
valid = df[(df.created_at >= cfg["train_end"]) & (df.created_at < cfg["valid_end"])]
test = df[(df.created_at >= cfg["valid_end"]) & (df.created_at < cfg["test_end"])]

run = start_run(cfg, name=f"catboost-{datetime.now():%Y%m%d-%H%M}")


def metrics_at(y, scores, threshold):
    flag = scores >= threshold
    return {
        "pr_auc": average_precision_score(y, scores),
        "roc_auc": roc_auc_score(y, scores),
        "precision": float(y[flag].mean()) if flag.any() else 0.0,
        "recall": float(y[flag].sum() / y.sum()),
    }


def threshold_for(y, scores, min_precision):
    p, r, t = precision_recall_curve(y, scores)
    ok = p[:-1] >= min_precision
    return float(t[ok][np.argmax(r[:-1][ok])]) if ok.any() else float(t[-1])


feats = num_cols + cat_cols
train_pool = Pool(train[feats], train.is_fraud, cat_features=cat_cols)
valid_pool = Pool(valid[feats], valid.is_fraud, cat_features=cat_cols)
test_pool = Pool(test[feats], test.is_fraud, cat_features=cat_cols)

model = CatBoostClassifier(**cfg["catboost"], verbose=250)
model.fit(train_pool, eval_set=valid_pool, use_best_model=True)

y_valid, y_test = valid.is_fraud.to_numpy(), test.is_fraud.to_numpy()
valid_scores = model.predict_proba(valid_pool)[:, 1]
test_scores = model.predict_proba(test_pool)[:, 1]
thr = threshold_for(y_valid, valid_scores, cfg["min_precision"])

baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
baseline.fit(train[num_cols].fillna(0), train.is_fraud)
base_valid = baseline.predict_proba(valid[num_cols].fillna(0))[:, 1]
base_test = baseline.predict_proba(test[num_cols].fillna(0))[:, 1]
prior = DummyClassifier(strategy="prior").fit(train[num_cols], train.is_fraud)

results = {
    "catboost": metrics_at(y_test, test_scores, thr),
    "logreg": metrics_at(y_test, base_test, threshold_for(y_valid, base_valid, cfg["min_precision"])),
    "prior_pr_auc": average_precision_score(y_test, prior.predict_proba(test[num_cols])[:, 1]),
}
for name in ("catboost", "logreg"):
    log_split_metrics(run, f"test_{name}", results[name])
run.summary["threshold"] = thr
run.summary["best_iteration"] = model.get_best_iteration()
print(json.dumps(results, indent=2, default=float))

Path("models").mkdir(exist_ok=True)
model.save_model("models/p2p_catboost.cbm")
run.finish()
