"""Conversion reward model r(x, offer) for the checkout offer bandit.

Logged traffic comes from the softmax logging policy; conversions are rare,
so the minority class is oversampled before fitting the gradient-boosted model.
"""
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from imblearn.over_sampling import RandomOverSampler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from offer_features import encode

with open("config.json") as f:
    CFG = json.load(f)
SEED = CFG["seed"]
np.random.seed(SEED)


def report(name, y, p):
    out = {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
           "log_loss": log_loss(y, p)}
    print(f"{name:>10}: " + "  ".join(f"{k}={v:.4f}" for k, v in out.items()))
    return out


logs = pd.read_parquet(CFG["logs"])
logs = logs[logs["offer"].isin(CFG["arms"])].reset_index(drop=True)
print(f"rounds={len(logs):,}  conversion rate={logs['converted'].mean():.3%}")
print(logs.groupby("offer")["converted"].agg(["mean", "size"]))

X = encode(logs, CFG)
y = logs["converted"].astype(int)

ros = RandomOverSampler(sampling_strategy=0.2, random_state=SEED)
X_bal, y_bal = ros.fit_resample(X, y)
print(f"after oversampling: {len(X_bal):,} rows, positive share {y_bal.mean():.2%}")

X_train, X_test, y_train, y_test = train_test_split(
    X_bal, y_bal, test_size=CFG["test_size"], stratify=y_bal, random_state=SEED
)
X_tr, X_val, y_tr, y_val = train_test_split(
    X_train, y_train, test_size=0.15, stratify=y_train, random_state=SEED
)

params = dict(CFG["xgb"])
model = xgb.XGBClassifier(**params, eval_metric="aucpr", random_state=SEED, n_jobs=-1)
model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=250)

logreg = LogisticRegression(max_iter=2000, C=0.5).fit(X_train, y_train)

metrics = {
    "logreg": report("logreg", y_test, logreg.predict_proba(X_test)[:, 1]),
    "xgb": report("xgb", y_test, model.predict_proba(X_test)[:, 1]),
}
model.save_model("conversion_rm.ubj")
with open("conversion_rm_metrics.json", "w") as f:
    json.dump(metrics, f, indent=2)
