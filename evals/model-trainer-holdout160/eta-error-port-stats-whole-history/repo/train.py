import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

from features import NUMERIC, add_port_stats, add_vessel_state, clean

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))

df = pd.read_parquet(cfg["data_path"])
for col in ["snapshot_time", "reported_eta", "actual_arrival"]:
    df[col] = pd.to_datetime(df[col], utc=True)
df["eta_error_h"] = (df["actual_arrival"] - df["reported_eta"]).dt.total_seconds() / 3600

df = clean(df)
df = add_vessel_state(df)
df = add_port_stats(df)
for c in cfg["categorical"]:
    df[c] = df[c].astype("category")
features = NUMERIC + cfg["categorical"]

test_start = pd.Timestamp(cfg["test_start"], tz="UTC")
voyage_start = df.groupby("voyage_id")["snapshot_time"].transform("min")
train = df[voyage_start < test_start]
test = df[voyage_start >= test_start]
print(f"train {len(train):,} rows / test {len(test):,} rows")

model = lgb.LGBMRegressor(**cfg["lgbm"], objective="huber", alpha=6.0, random_state=cfg["seed"], verbose=-1)
model.fit(train[features], train["eta_error_h"])

pred = model.predict(test[features])
mae_model = mean_absolute_error(test["eta_error_h"], pred)
mae_raw = mean_absolute_error(test["eta_error_h"], np.zeros(len(test)))
print(f"MAE of raw AIS ETA        {mae_raw:.2f} h")
print(f"MAE of corrected ETA      {mae_model:.2f} h")

for lo, hi in [(6, 24), (24, 48), (48, 72)]:
    m = test["horizon_h"].between(lo, hi)
    print(f"  horizon {lo:>2}-{hi:<2} h: {mean_absolute_error(test.loc[m, 'eta_error_h'], pred[m]):.2f} h")

model.booster_.save_model(cfg["model_out"])
