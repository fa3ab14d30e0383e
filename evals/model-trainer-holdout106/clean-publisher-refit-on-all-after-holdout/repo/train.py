"""Digital news subscription churn model.

1. train / validation / test split, early stopping on validation
2. report held-out test metrics against a logistic baseline
3. refit on every labelled subscriber with the tuned number of trees for the production scorer
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

cfg = json.load(open("train_config.json"))
seed = cfg["seed"]

df = pd.read_parquet(cfg["data"])
y_all = df[cfg["target"]]
X_all = df.drop(columns=cfg["drop"] + [cfg["target"]])
X_all = pd.get_dummies(X_all, columns=["plan", "payment_method", "signup_source"], dtype=float)

X_trval, X_test, y_trval, y_test = train_test_split(
    X_all, y_all, test_size=cfg["test_size"], stratify=y_all, random_state=seed)
X_train, X_val, y_train, y_val = train_test_split(
    X_trval, y_trval, test_size=cfg["valid_size"], stratify=y_trval, random_state=seed)

model = xgb.XGBClassifier(**cfg["xgb"], early_stopping_rounds=cfg["early_stopping_rounds"],
                          eval_metric="aucpr", random_state=seed)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=250)
n_trees = model.best_iteration + 1

# retention team can send the save offer to a fixed share of the base: pick the score cut-off on validation
p_val = model.predict_proba(X_val)[:, 1]
cutoff = float(np.quantile(p_val, 1 - cfg["save_offer_share"]))

baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
baseline.fit(X_train.fillna(0), y_train)

p_test = model.predict_proba(X_test)[:, 1]
p_base = baseline.predict_proba(X_test.fillna(0))[:, 1]
flag = p_test >= cutoff
report = {
    "xgb_roc_auc": roc_auc_score(y_test, p_test),
    "xgb_pr_auc": average_precision_score(y_test, p_test),
    "logreg_roc_auc": roc_auc_score(y_test, p_base),
    "logreg_pr_auc": average_precision_score(y_test, p_base),
    "precision_at_offer_cutoff": precision_score(y_test, flag),
    "recall_at_offer_cutoff": recall_score(y_test, flag),
    "n_trees": n_trees,
    "cutoff": cutoff,
}
print(json.dumps(report, indent=2))

final = xgb.XGBClassifier(**{**cfg["xgb"], "n_estimators": n_trees}, eval_metric="aucpr", random_state=seed)
final.fit(X_all, y_all)
final.save_model(cfg["model_out"])
with open(cfg["model_out"].replace(".json", "_meta.json"), "w") as fh:
    json.dump({"features": list(X_all.columns), "cutoff": cutoff, "holdout": report}, fh, indent=2)
