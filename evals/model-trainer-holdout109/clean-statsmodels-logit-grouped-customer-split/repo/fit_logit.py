"""Consumer-loan application PD: statsmodels logit.

Customers can apply several times; all applications of a customer go to the same side of the split.
"""
import json

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import GroupShuffleSplit

from prep import TrainMedianImputer, clean

SEED = 61
TARGET = "bad_12m"
X_COLS = [
    "log_income", "debt_to_income", "bureau_score", "bureau_score_missing", "num_searches_6m",
    "num_active_loans", "months_at_bank", "young_applicant", "has_prior_arrears", "homeowner",
]

apps = clean(pd.read_csv("data/consumer_loan_apps.csv"))
print(f"{len(apps):,} applications from {apps['customer_id'].nunique():,} customers")

gss = GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=SEED)
dev_idx, val_idx = next(gss.split(apps, apps[TARGET], groups=apps["customer_id"]))
dev, val = apps.iloc[dev_idx], apps.iloc[val_idx]
assert set(dev["customer_id"]).isdisjoint(val["customer_id"])

imp = TrainMedianImputer().fit(dev)
dev, val = imp.transform(dev), imp.transform(val)

X_dev = sm.add_constant(dev[X_COLS].astype(float))
X_val = sm.add_constant(val[X_COLS].astype(float), has_constant="add")
res = sm.Logit(dev[TARGET], X_dev).fit(disp=0)
print(res.summary())

vif_like = np.diag(np.linalg.inv(np.corrcoef(dev[X_COLS].astype(float).T.values)))
print(pd.Series(vif_like, index=X_COLS).round(2).to_string())


def ks(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    return float(np.max(tpr - fpr))


p_dev, p_val = res.predict(X_dev), res.predict(X_val)
metrics = {
    "gini_dev": 2 * roc_auc_score(dev[TARGET], p_dev) - 1,
    "gini_val": 2 * roc_auc_score(val[TARGET], p_val) - 1,
    "ks_val": ks(val[TARGET], p_val),
    "mean_pd_val": float(p_val.mean()),
    "odr_val": float(val[TARGET].mean()),
}
print(json.dumps(metrics, indent=2))
res.save("consumer_logit.pickle")
