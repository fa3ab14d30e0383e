import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error

from features import FEATURES, ShowCompletionEncoder, add_basic_features

cfg = yaml.safe_load(open("config.yaml"))
np.random.seed(cfg["seed"])

listens = pd.read_parquet(cfg["data"]["listens"])
episodes = pd.read_parquet(cfg["data"]["episodes"])
df = listens.merge(episodes, on=["episode_id", "show_id"], how="left")
df["listened_at"] = pd.to_datetime(df["listened_at"])
df["published_at"] = pd.to_datetime(df["published_at"])
df = add_basic_features(df)

val_start, test_start = pd.Timestamp(cfg["split"]["val_start"]), pd.Timestamp(cfg["split"]["test_start"])
train = df[df["listened_at"] < val_start]
val = df[(df["listened_at"] >= val_start) & (df["listened_at"] < test_start)]
test = df[df["listened_at"] >= test_start]

enc = ShowCompletionEncoder(cfg["encoding"]["smoothing"]).fit(train)
train, val, test = enc.transform(train), enc.transform(val), enc.transform(test)

params = {**cfg["lgbm"], "seed": cfg["seed"]}
dtrain = lgb.Dataset(train[FEATURES], train["completion"])
dval = lgb.Dataset(val[FEATURES], val["completion"], reference=dtrain)
booster = lgb.train(params, dtrain, num_boost_round=cfg["num_boost_round"], valid_sets=[dval],
                    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(500)])

pred = booster.predict(test[FEATURES], num_iteration=booster.best_iteration)
print(f"rows train/val/test: {len(train)}/{len(val)}/{len(test)}  best_iter {booster.best_iteration}")
print(f"test MAE {mean_absolute_error(test['completion'], pred):.4f}  "
      f"(show-prior baseline {mean_absolute_error(test['completion'], test['show_completion_te']):.4f})")
booster.save_model("completion_lgbm.txt", num_iteration=booster.best_iteration)
