"""Hybrid monitoring: rule alerts + top-N ML alerts per month among customers no rule fired on."""
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score

from scenarios import run_scenarios

cfg = json.load(open("config.json"))
label = cfg["label"]

df = pd.read_parquet(cfg["data_path"])
df["month"] = pd.PeriodIndex(df["month"], freq="M")
rules = run_scenarios(df, cfg["rule_thresholds"])
df = df.join(rules)

features = [
    "cash_in_total", "cash_out_total", "inbound_total", "outbound_total", "hrj_wire_total",
    "n_counterparties", "n_new_counterparties", "pct_round_amounts", "tenure_months",
    "risk_rating_num", "n_alerts_prev_6m", "balance_eom",
] + list(rules.columns)

test_start = pd.Period(cfg["test_start_month"], freq="M")
train, test = df[df["month"] < test_start], df[df["month"] >= test_start].copy()

clf = HistGradientBoostingClassifier(**cfg["model"], class_weight="balanced", random_state=cfg["seed"])
clf.fit(train[features], train[label])
test["ml_score"] = clf.predict_proba(test[features])[:, 1]
print("test PR AUC (ML score alone):", round(average_precision_score(test[label], test["ml_score"]), 4))

# ML alerts: fixed monthly capacity among customers that no rule caught
n_ml = cfg["ml_alerts_per_month"]
no_rule = test[test["any_rule"] == 0]
ml_alert_idx = no_rule.groupby("month")["ml_score"].nlargest(n_ml).index.get_level_values(-1)
test["ml_alert"] = test.index.isin(ml_alert_idx).astype(int)
test["hybrid_alert"] = np.maximum(test["any_rule"], test["ml_alert"])

y = test[label]
for name in ["any_rule", "hybrid_alert"]:
    flagged = test[name] == 1
    print(f"{name:13s} alerts={int(flagged.sum()):6d}  precision={y[flagged].mean():.3f}  "
          f"recall={y[flagged].sum() / y.sum():.3f}")
print("SARs found only by ML:", int(y[(test["ml_alert"] == 1)].sum()))
