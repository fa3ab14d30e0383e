import json
from pathlib import Path

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score

from features import CATEGORICAL, RATE_COLS, add_order_features, add_return_rate_features, encode_categoricals

cfg = yaml.safe_load(open("config.yaml"))
target = cfg["target"]

lines = pd.read_parquet(cfg["data"]["order_lines"])
lines = lines[lines["order_status"] == "delivered"]

df = add_order_features(lines)
df = add_return_rate_features(df, target=target)
df = encode_categoricals(df)

features = (
    CATEGORICAL
    + [f"{c}_return_rate" for c in RATE_COLS]
    + ["order_dow", "order_month", "discount_pct", "log_paid_price",
       "items_in_basket", "multi_size_basket", "is_first_order", "customer_tenure_days"]
)

cutoff = pd.Timestamp(cfg["data"]["cutoff_date"])
train = df[df["order_date"] < cutoff]
test = df[df["order_date"] >= cutoff]
print(f"train lines: {len(train):,}  test lines: {len(test):,}")
print(f"return rate train={train[target].mean():.3f} test={test[target].mean():.3f}")

model = lgb.LGBMClassifier(objective="binary", **cfg["model"])
model.fit(train[features], train[target], categorical_feature=CATEGORICAL)

proba = model.predict_proba(test[features])[:, 1]
metrics = {
    "roc_auc": roc_auc_score(test[target], proba),
    "pr_auc": average_precision_score(test[target], proba),
    "base_rate": float(test[target].mean()),
}
print(json.dumps(metrics, indent=2))

out = Path(cfg["output_dir"])
out.mkdir(parents=True, exist_ok=True)
model.booster_.save_model(str(out / "model.txt"))
json.dump(metrics, open(out / "metrics.json", "w"), indent=2)
