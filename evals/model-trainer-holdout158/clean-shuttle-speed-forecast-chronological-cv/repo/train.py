import itertools
import json

import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit, train_test_split

from lagfeats import add_features, load

cfg = json.load(open("config.json"))
df, feats = add_features(load(cfg["logs_glob"]), cfg["horizon_steps"])

# chronological holdout: the last 20% of samples (latest service days)
train, test = train_test_split(df, test_size=cfg["test_fraction"], shuffle=False)
print("train until", train["timestamp"].max(), "| test from", test["timestamp"].min())

tscv = TimeSeriesSplit(n_splits=cfg["n_cv_splits"], gap=cfg["horizon_steps"])
results = {}
for leaves, mcs in itertools.product(cfg["grid"]["num_leaves"], cfg["grid"]["min_child_samples"]):
    maes = []
    for fit_idx, val_idx in tscv.split(train):
        m = lgb.LGBMRegressor(n_estimators=cfg["n_estimators"], learning_rate=cfg["learning_rate"],
                              num_leaves=leaves, min_child_samples=mcs, random_state=cfg["seed"], verbose=-1)
        m.fit(train.iloc[fit_idx][feats], train.iloc[fit_idx]["target"])
        maes.append(mean_absolute_error(train.iloc[val_idx]["target"], m.predict(train.iloc[val_idx][feats])))
    results[(leaves, mcs)] = float(np.mean(maes))
    print(f"num_leaves={leaves:<4} min_child_samples={mcs:<4} CV MAE {results[(leaves, mcs)]:.4f}")

leaves, mcs = min(results, key=results.get)
final = lgb.LGBMRegressor(n_estimators=cfg["n_estimators"], learning_rate=cfg["learning_rate"],
                          num_leaves=leaves, min_child_samples=mcs, random_state=cfg["seed"], verbose=-1)
final.fit(train[feats], train["target"])
test_mae = mean_absolute_error(test["target"], final.predict(test[feats]))
persist_mae = mean_absolute_error(test["target"], test["speed_mps"])
print(f"test MAE {test_mae:.3f} m/s (persistence {persist_mae:.3f})")
final.booster_.save_model("route14_speed_lgbm.txt")
