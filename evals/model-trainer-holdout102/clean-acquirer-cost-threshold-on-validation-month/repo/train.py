"""Acquirer payment fraud model: XGBoost + cost-based decline threshold.

The threshold is the cheapest one on the validation month (July); August is scored once with it.
"""
import json
from pathlib import Path

import numpy as np
import xgboost as xgb
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score

from src.costs import expected_cost, pick_threshold
from src.data import load_payments, split_by_time

cfg = yaml.safe_load(Path("config/model.yaml").read_text())
costs = yaml.safe_load(Path("config/costs.yaml").read_text())
out_dir = Path("artifacts/acquirer_xgb")
out_dir.mkdir(parents=True, exist_ok=True)

df = load_payments(cfg["data_path"])
train, valid, test = split_by_time(df, **cfg["split"])
features = cfg["features"]

X_train, y_train = train[features], train["is_fraud"].to_numpy()
X_valid, y_valid = valid[features], valid["is_fraud"].to_numpy()
X_test, y_test = test[features], test["is_fraud"].to_numpy()
print(f"train {len(train):,} / valid {len(valid):,} / test {len(test):,}")

params = dict(cfg["xgboost"])
params["scale_pos_weight"] = float((y_train == 0).sum() / (y_train == 1).sum())
model = xgb.XGBClassifier(**params)
model.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], verbose=200)

valid_scores = model.predict_proba(X_valid)[:, 1]
threshold, cost_curve = pick_threshold(y_valid, valid_scores, valid["amount_eur"].to_numpy(), costs)


def rules_engine(frame):
    """Current production rules, used as the baseline."""
    flag = ((frame["amount_eur"] > 800) & (frame["is_3ds_authenticated"] == 0)) | (frame["card_txn_count_24h"] >= 8)
    return flag.astype(float).to_numpy()


test_scores = model.predict_proba(X_test)[:, 1]
test_amounts = test["amount_eur"].to_numpy()
flagged = test_scores >= threshold
report = {
    "best_iteration": int(model.best_iteration),
    "threshold_from_valid": threshold,
    "test_pr_auc": float(average_precision_score(y_test, test_scores)),
    "test_roc_auc": float(roc_auc_score(y_test, test_scores)),
    "test_alert_rate": float(flagged.mean()),
    "test_fraud_caught_eur": float(test_amounts[flagged & (y_test == 1)].sum()),
    "test_cost_model_eur": expected_cost(y_test, test_scores, test_amounts, threshold, costs),
    "test_cost_rules_eur": expected_cost(y_test, rules_engine(test), test_amounts, 0.5, costs),
    "test_cost_no_model_eur": expected_cost(y_test, np.zeros_like(test_scores), test_amounts, 1.0, costs),
}
report["test_savings_vs_rules_eur"] = report["test_cost_rules_eur"] - report["test_cost_model_eur"]
print(json.dumps(report, indent=2))

model.save_model(out_dir / "model.json")
(out_dir / "report.json").write_text(json.dumps(report, indent=2))
(out_dir / "valid_cost_curve.json").write_text(json.dumps(cost_curve))
