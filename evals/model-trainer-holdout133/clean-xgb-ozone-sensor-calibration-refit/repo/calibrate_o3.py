"""
Ozone calibration for metal-oxide (MiCS-2614) + electrochemical (OX-B431) pods against the
co-located UV photometric analyser. Hourly averages.
"""
import json
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from splits import chronological, describe

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
np.random.seed(cfg["seed"])

df = pd.read_csv(cfg["csv"], parse_dates=["hour_utc"]).sort_values("hour_utc")
df = df.dropna(subset=["o3_ref_ppb", "mox_rs_kohm", "ox_we_mv", "ox_ae_mv", "temp_c", "rh"])
df["ln_rs"] = np.log(df["mox_rs_kohm"])
df["ox_net"] = df["ox_we_mv"] - df["ox_ae_mv"]
df["abs_hum"] = df["rh"] * 6.112 * np.exp(17.67 * df["temp_c"] / (df["temp_c"] + 243.5)) * 2.1674 / (273.15 + df["temp_c"])
df["hour"] = df["hour_utc"].dt.hour
FEATS = ["ln_rs", "ox_net", "no2_we_mv", "temp_c", "rh", "abs_hum", "hour"]

train, val, test = chronological(df, "hour_utc", cfg["val_days"], cfg["test_days"])
for n, p in (("train", train), ("val", val), ("test", test)):
    describe(n, p, "hour_utc")

params = dict(cfg["xgb"], random_state=cfg["seed"])

# 1) pick the number of trees on the validation block
probe = xgb.XGBRegressor(**params, n_estimators=5000, early_stopping_rounds=150)
probe.fit(train[FEATS], train["o3_ref_ppb"], eval_set=[(val[FEATS], val["o3_ref_ppb"])], verbose=500)
n_trees = probe.best_iteration + 1
print("trees:", n_trees, "val RMSE:", round(probe.best_score, 3))

# 2) refit on train+val with that tree count, then one look at the test block
train_val = pd.concat([train, val])
final = xgb.XGBRegressor(**params, n_estimators=n_trees)
final.fit(train_val[FEATS], train_val["o3_ref_ppb"])

pred = final.predict(test[FEATS])
report = {
    "n_trees": int(n_trees),
    "test_rmse": float(np.sqrt(mean_squared_error(test["o3_ref_ppb"], pred))),
    "test_mae": float(mean_absolute_error(test["o3_ref_ppb"], pred)),
    "test_r2": float(r2_score(test["o3_ref_ppb"], pred)),
    "test_mean_bias": float((pred - test["o3_ref_ppb"]).mean()),
}
print(json.dumps(report, indent=2))
final.save_model(cfg["model_out"])
