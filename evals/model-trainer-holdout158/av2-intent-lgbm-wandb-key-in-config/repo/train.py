import argparse

import lightgbm as lgb
import numpy as np
import wandb
import yaml
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.model_selection import GroupShuffleSplit

from features import load_table, split_xy

ap = argparse.ArgumentParser()
ap.add_argument("--config", default="config.yaml")
args = ap.parse_args()
cfg = yaml.safe_load(open(args.config))
dc, seed = cfg["data"], cfg["lgbm"]["seed"]

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

train_df = load_table(dc["train_features"])
test_df = load_table(dc["test_features"])  # official AV2 val scenarios, held out

# carve an early-stopping set out of the training scenarios
gss = GroupShuffleSplit(n_splits=1, test_size=cfg["es_fraction"], random_state=seed)
fit_idx, es_idx = next(gss.split(train_df, groups=train_df[dc["group"]]))
X_fit, y_fit = split_xy(train_df.iloc[fit_idx], dc["target"])
X_es, y_es = split_xy(train_df.iloc[es_idx], dc["target"])
X_test, y_test = split_xy(test_df, dc["target"])

booster = lgb.train(
    cfg["lgbm"],
    lgb.Dataset(X_fit, y_fit),
    num_boost_round=cfg["num_boost_round"],
    valid_sets=[lgb.Dataset(X_es, y_es)],
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
)

proba = booster.predict(X_test, num_iteration=booster.best_iteration)
pred = np.argmax(proba, axis=1)
metrics = {
    "test/logloss": log_loss(y_test, proba, labels=[0, 1, 2, 3]),
    "test/accuracy": accuracy_score(y_test, pred),
    "test/macro_f1": f1_score(y_test, pred, average="macro"),
    "best_iteration": booster.best_iteration,
}
print(metrics)
wandb.log(metrics)
booster.save_model("av2_intent_lgbm.txt")
run.finish()
