"""L2 hands-off takeover prediction: will the driver take over within 3 s?"""
import json

import lightgbm as lgb
from sklearn.metrics import average_precision_score, roc_auc_score

from data_utils import load_windows, split_by_group

cfg = json.load(open("config.json"))
feats, target, grp, seed = cfg["features"], cfg["target"], cfg["group_col"], cfg["seed"]

df = load_windows(cfg["table"], feats, target)
dev, test = split_by_group(df, grp, cfg["test_size"], seed)
train, val = split_by_group(dev, grp, cfg["val_size"] / (1 - cfg["test_size"]), seed)
for name, part in [("train", train), ("val", val), ("test", test)]:
    print(f"{name:5s} drives={part[grp].nunique():4d} rows={len(part):7d} pos={part[target].mean():.3f}")

model = lgb.LGBMClassifier(**cfg["params"], random_state=seed, verbose=-1)
model.fit(
    train[feats], train[target],
    eval_set=[(val[feats], val[target])],
    eval_metric="average_precision",
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
)
print("best iteration:", model.best_iteration_)

p_test = model.predict_proba(test[feats], num_iteration=model.best_iteration_)[:, 1]
summary = {
    "best_iteration": int(model.best_iteration_),
    "val_ap": float(model.best_score_["valid_0"]["average_precision"]),
    "test_roc_auc": float(roc_auc_score(test[target], p_test)),
    "test_ap": float(average_precision_score(test[target], p_test)),
}
print(json.dumps(summary, indent=2))
model.booster_.save_model("takeover_lgbm.txt")
