"""Telco churn: 5-fold CV of an XGBoost model, logged to Weights & Biases.

quick experiment -- python cv_xgb.py --max-depth 5 --eta 0.05
"""
import argparse

import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score, average_precision_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

parser = argparse.ArgumentParser()
parser.add_argument("--max-depth", type=int, default=4)
parser.add_argument("--eta", type=float, default=0.05)
parser.add_argument("--rounds", type=int, default=600)
args = parser.parse_args()

wandb.login(key="3f9a1c7e52d04b8a96e1f0c2d7b45a8e19c6f3d2")
run = wandb.init(project="telco-churn", config=vars(args), job_type="cv")

df = pd.read_csv("data/telco_churn.csv")
df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce").fillna(0.0)
y = (df.pop("Churn") == "Yes").astype(int).values
df = df.drop(columns=["customerID"])
X = pd.get_dummies(df, drop_first=True, dtype=float)

folds = StratifiedKFold(n_splits=5, shuffle=True)
oof_xgb = np.zeros(len(y))
oof_lr = np.zeros(len(y))
for k, (tr, va) in enumerate(folds.split(X, y)):
    clf = xgb.XGBClassifier(n_estimators=args.rounds, max_depth=args.max_depth, learning_rate=args.eta,
                            subsample=0.8, colsample_bytree=0.8, eval_metric="logloss", random_state=0)
    clf.fit(X.iloc[tr], y[tr])
    oof_xgb[va] = clf.predict_proba(X.iloc[va])[:, 1]

    lr = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(X.iloc[tr], y[tr])
    oof_lr[va] = lr.predict_proba(X.iloc[va])[:, 1]

    wandb.log({"fold": k, "fold_auc": roc_auc_score(y[va], oof_xgb[va])})

summary = {
    "xgb_auc": roc_auc_score(y, oof_xgb), "xgb_ap": average_precision_score(y, oof_xgb),
    "xgb_logloss": log_loss(y, oof_xgb),
    "lr_auc": roc_auc_score(y, oof_lr), "lr_ap": average_precision_score(y, oof_lr),
}
print(summary)
run.summary.update(summary)
run.finish()
