"""Downscale ERA5 100 m / 10 m wind to hourly mast wind speed at three onshore sites."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit, train_test_split

SEED = 99
OUT = Path("runs/wind_xgb")
TEST_START = "2021-01-01"


def physical_features(df):
    """Unit conversions and derived quantities; row-wise, no fitted statistics."""
    df = df.copy()
    df["ws10"] = np.hypot(df["u10"], df["v10"])
    df["ws100"] = np.hypot(df["u100"], df["v100"])
    df["wdir100_sin"] = df["u100"] / df["ws100"].clip(lower=0.1)
    df["wdir100_cos"] = df["v100"] / df["ws100"].clip(lower=0.1)
    df["shear_alpha"] = np.log(df["ws100"].clip(lower=0.1) / df["ws10"].clip(lower=0.1)) / np.log(10.0)
    df["t2m_C"] = df["t2m"] - 273.15
    df["sp_hPa"] = df["sp"] / 100.0
    df["blh_log"] = np.log10(df["blh"].clip(lower=10))
    hour = df["time"].dt.hour
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * hour / 24), np.cos(2 * np.pi * hour / 24)
    df["ws100_prev"] = df.groupby("site")["ws100"].shift(1)
    df["ws100_next"] = df.groupby("site")["ws100"].shift(-1)
    return df.dropna(subset=["ws100_prev", "ws100_next"])


def scores(y, p):
    return {"rmse": float(np.sqrt(mean_squared_error(y, p))), "mae": float(mean_absolute_error(y, p)),
            "bias": float(np.mean(p - y)), "corr": float(np.corrcoef(y, p)[0, 1])}


df = pd.read_parquet("data/era5_mast_hourly_2015_2023.parquet")
df = df.sort_values(["time", "site"]).reset_index(drop=True)
df = physical_features(df)
df = pd.get_dummies(df, columns=["site"], dtype=float)
FEATS = [c for c in df.columns if c not in ("time", "ws_mast", "u10", "v10", "u100", "v100", "t2m", "sp", "blh")]

trainval = df[df["time"] < TEST_START]
test = df[df["time"] >= TEST_START]
train, val = train_test_split(trainval, test_size=0.15, shuffle=False)
print(f"train ..{train['time'].max():%Y-%m}  val ..{val['time'].max():%Y-%m}  test {test['time'].min():%Y-%m}..")

# rolling-origin CV on the training years to pick the depth
cv_rmse = {}
for depth in (4, 6, 8):
    fold_rmse = []
    for tr_i, va_i in TimeSeriesSplit(n_splits=4, gap=24).split(train):
        m = xgb.XGBRegressor(n_estimators=400, learning_rate=0.05, max_depth=depth, subsample=0.8,
                             colsample_bytree=0.8, random_state=SEED, n_jobs=2)
        m.fit(train.iloc[tr_i][FEATS], train.iloc[tr_i]["ws_mast"])
        fold_rmse.append(scores(train.iloc[va_i]["ws_mast"], m.predict(train.iloc[va_i][FEATS]))["rmse"])
    cv_rmse[depth] = float(np.mean(fold_rmse))
best_depth = min(cv_rmse, key=cv_rmse.get)
print("time-series CV RMSE by depth:", cv_rmse)

model = xgb.XGBRegressor(n_estimators=3000, learning_rate=0.03, max_depth=best_depth, subsample=0.8,
                         colsample_bytree=0.8, early_stopping_rounds=100, random_state=SEED, n_jobs=2)
model.fit(train[FEATS], train["ws_mast"], eval_set=[(val[FEATS], val["ws_mast"])], verbose=500)

baseline = LinearRegression().fit(train[["ws100"]], train["ws_mast"])
results = {"best_depth": best_depth, "best_iteration": int(model.best_iteration),
           "era5_linear": scores(test["ws_mast"], baseline.predict(test[["ws100"]])),
           "xgb": scores(test["ws_mast"], model.predict(test[FEATS]))}
print(json.dumps(results, indent=2))
OUT.mkdir(parents=True, exist_ok=True)
model.save_model(OUT / "xgb_wind.json")
(OUT / "metrics.json").write_text(json.dumps(results, indent=2))
