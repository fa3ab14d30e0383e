"""Non-renewal propensity for motor renewal offers, tracked in Weights & Biases."""
import json
import os

import numpy as np
import pandas as pd
import wandb
from catboost import CatBoostClassifier, Pool
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

cfg = json.load(open("params.json"))
wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project="renewal-propensity", config=cfg, job_type="train")

df = pd.read_parquet(cfg["data"])
features = cfg["categorical"] + cfg["numeric"]
X, y = df[features], df[cfg["target"]].astype(int)
print(f"non-renewal rate {y.mean():.1%} over {len(df):,} offers")

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=cfg["seed"])
X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=cfg["seed"])

model = CatBoostClassifier(**cfg["catboost"], random_seed=cfg["seed"], verbose=250)
model.fit(
    Pool(X_tr, y_tr, cat_features=cfg["categorical"]),
    eval_set=Pool(X_val, y_val, cat_features=cfg["categorical"]),
    use_best_model=True,
)

logit = make_pipeline(
    make_column_transformer(
        (OneHotEncoder(handle_unknown="ignore", min_frequency=30), cfg["categorical"]),
        (StandardScaler(), cfg["numeric"]),
    ),
    LogisticRegression(max_iter=3000, C=0.3),
).fit(X_tr, y_tr)

prec, rec, thr = precision_recall_curve(y_val, model.predict_proba(X_val)[:, 1])
ok = prec[:-1] >= cfg["min_precision_for_outreach"]
threshold = float(thr[ok][np.argmax(rec[:-1][ok])]) if ok.any() else 0.5

metrics = {}
for name, est in [("logit_baseline", logit), ("catboost", model)]:
    p = est.predict_proba(X_test)[:, 1]
    metrics[f"{name}/roc_auc"] = roc_auc_score(y_test, p)
    metrics[f"{name}/pr_auc"] = average_precision_score(y_test, p)
    metrics[f"{name}/brier"] = brier_score_loss(y_test, p)

p_test = model.predict_proba(X_test)[:, 1]
flag = p_test >= threshold
metrics["catboost/threshold"] = threshold
metrics["catboost/outreach_rate"] = float(flag.mean())
metrics["catboost/recall_at_threshold"] = float(y_test[flag].sum() / y_test.sum())
metrics["catboost/precision_at_threshold"] = float(y_test[flag].mean()) if flag.any() else 0.0
metrics["catboost/best_iteration"] = model.get_best_iteration()
print(json.dumps(metrics, indent=2))

wandb.log(metrics)
model.save_model("renewal_catboost.cbm")
artifact = wandb.Artifact("renewal-catboost", type="model")
artifact.add_file("renewal_catboost.cbm")
run.log_artifact(artifact)
run.finish()
