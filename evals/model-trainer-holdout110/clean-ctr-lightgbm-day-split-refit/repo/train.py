"""Feed CTR model: LightGBM with early stopping on a held-out day, refit, and last-day test."""
import json
import sys
from pathlib import Path

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score

from features import as_categories, load, split_by_day

cfg = json.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "config.json").read_text())
label = cfg["label"]
feats = cfg["categorical"] + cfg["numeric"] + ["hour", "weekday"]

df = load(cfg)
train, valid, test = split_by_day(df, cfg["time_col"])
train, valid, test = as_categories([train, valid, test], cfg["categorical"])
print({name: (len(f), round(f[label].mean(), 4)) for name, f in [("train", train), ("valid", valid), ("test", test)]})

# 1) number of rounds from the validation day
dtrain = lgb.Dataset(train[feats], train[label])
dvalid = lgb.Dataset(valid[feats], valid[label], reference=dtrain)
probe = lgb.train(
    cfg["params"], dtrain, num_boost_round=cfg["max_rounds"],
    valid_sets=[dvalid], valid_names=["valid"],
    callbacks=[lgb.early_stopping(cfg["early_stopping"]), lgb.log_evaluation(250)],
)
n_rounds = probe.best_iteration
valid_ll = probe.best_score["valid"]["binary_logloss"]

# 2) refit on train + valid with that many rounds
train_valid = pd.concat([train, valid])
train_valid, test = as_categories([train_valid, test], cfg["categorical"])
final = lgb.train(cfg["params"], lgb.Dataset(train_valid[feats], train_valid[label]), num_boost_round=n_rounds)

# 3) last day, scored once
p = final.predict(test[feats])
metrics = {
    "rounds": n_rounds,
    "valid_logloss": valid_ll,
    "test_auc": roc_auc_score(test[label], p),
    "test_logloss": log_loss(test[label], p),
    "test_logloss_prior": log_loss(test[label], [train_valid[label].mean()] * len(test)),
}
print(json.dumps(metrics, indent=2))

out = Path(cfg["out_dir"])
out.mkdir(parents=True, exist_ok=True)
final.save_model(str(out / "model.txt"))
(out / "metrics.json").write_text(json.dumps(metrics, indent=2))
