"""Hotel search click model (CatBoost on raw categorical ids)."""
import json
from pathlib import Path

import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import log_loss, roc_auc_score

from data import chrono_split, load

cfg = yaml.safe_load(Path("config.yaml").read_text())
label, time_col = cfg["data"]["label"], cfg["data"]["time_col"]
cat_cols, num_cols = cfg["features"]["cat"], cfg["features"]["num"]
cols = cat_cols + num_cols

df = load(cfg)
train, valid, test = chrono_split(df, time_col, cfg["data"]["valid_days"], cfg["data"]["test_days"])
for name, part in [("train", train), ("valid", valid), ("test", test)]:
    print(f"{name:5s} {part[time_col].min()} -> {part[time_col].max()}  n={len(part):,}  ctr={part[label].mean():.4f}")

train_pool = Pool(train[cols], train[label], cat_features=cat_cols)
valid_pool = Pool(valid[cols], valid[label], cat_features=cat_cols)
test_pool = Pool(test[cols], test[label], cat_features=cat_cols)

model = CatBoostClassifier(**cfg["catboost"])
model.fit(train_pool, eval_set=valid_pool, use_best_model=True, verbose=250)

p = model.predict_proba(test_pool)[:, 1]
metrics = {
    "best_iteration": model.get_best_iteration(),
    "valid_auc": model.get_best_score()["validation"]["AUC"],
    "test_auc": roc_auc_score(test[label], p),
    "test_logloss": log_loss(test[label], p),
}
print(json.dumps(metrics, indent=2))

importance = model.get_feature_importance(prettified=True)
print(importance.head(10).to_string(index=False))

out = Path(cfg["output_dir"])
out.mkdir(parents=True, exist_ok=True)
model.save_model(str(out / "model.cbm"))
(out / "metrics.json").write_text(json.dumps(metrics, indent=2))
