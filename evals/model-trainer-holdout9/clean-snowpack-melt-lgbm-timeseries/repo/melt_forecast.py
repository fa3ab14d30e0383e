"""Forecast next-day snow-water-equivalent loss (mm) at SNOTEL-style stations, for the spring runoff model."""
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import ParameterGrid, TimeSeriesSplit

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("melt")
SEED = 8

TRAIN_END = "2019-09-30"   # water years up to WY2019
VALID_END = "2021-09-30"   # WY2020-2021 for early stopping
# WY2022 onwards is the test period


def make_features(daily: pd.DataFrame) -> pd.DataFrame:
    daily = daily.sort_values(["station_id", "date"]).copy()
    g = daily.groupby("station_id")
    daily["target_melt"] = (daily["swe_mm"] - g["swe_mm"].shift(-1)).clip(lower=0)
    for lag in (1, 2, 3, 7):
        daily[f"swe_lag{lag}"] = g["swe_mm"].shift(lag - 1)
        daily[f"tmax_lag{lag}"] = g["tmax_c"].shift(lag - 1)
    daily["tmax_roll5"] = g["tmax_c"].transform(lambda s: s.rolling(5, min_periods=1).mean())
    daily["melt_roll7"] = g["target_melt"].transform(lambda s: s.shift(1).rolling(7, min_periods=1).mean())
    daily["doy"] = daily["date"].dt.dayofyear
    daily["elev_band"] = (daily["elevation_m"] // 250).astype(int)
    return daily.dropna(subset=["target_melt", "swe_lag7", "melt_roll7"])


FEATURES = ["swe_lag1", "swe_lag2", "swe_lag3", "swe_lag7", "tmax_lag1", "tmax_lag2", "tmax_lag3",
            "tmax_lag7", "tmax_roll5", "melt_roll7", "tmin_c", "precip_mm", "solar_wm2", "doy",
            "elevation_m", "elev_band", "aspect_deg"]


def main():
    np.random.seed(SEED)
    raw = pd.read_csv("data/station_daily.csv", parse_dates=["date"])
    data = make_features(raw)

    train = data[data["date"] <= TRAIN_END].sort_values("date")
    valid = data[(data["date"] > TRAIN_END) & (data["date"] <= VALID_END)]
    test = data[data["date"] > VALID_END]
    log.info("train %d / valid %d / test %d rows", len(train), len(valid), len(test))

    # small grid, scored with forward-chaining folds inside the training period
    tscv = TimeSeriesSplit(n_splits=4, gap=7)
    grid = ParameterGrid({"num_leaves": [15, 31, 63], "learning_rate": [0.03, 0.08], "min_child_samples": [20, 60]})
    results = []
    for params in grid:
        fold_mae = []
        for fit_idx, val_idx in tscv.split(train):
            m = lgb.LGBMRegressor(n_estimators=400, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                                  random_state=SEED, verbose=-1, **params)
            m.fit(train.iloc[fit_idx][FEATURES], train.iloc[fit_idx]["target_melt"])
            fold_mae.append(mean_absolute_error(train.iloc[val_idx]["target_melt"],
                                                m.predict(train.iloc[val_idx][FEATURES])))
        results.append((np.mean(fold_mae), params))
    best_mae, best_params = min(results, key=lambda r: r[0])
    log.info("best forward-chaining MAE %.3f with %s", best_mae, best_params)

    model = lgb.LGBMRegressor(n_estimators=3000, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                              random_state=SEED, verbose=-1, **best_params)
    model.fit(train[FEATURES], train["target_melt"],
              eval_set=[(valid[FEATURES], valid["target_melt"])], eval_metric="l1",
              callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)])

    pred = model.predict(test[FEATURES])
    persistence = test["melt_roll7"]
    for name, p in [("lgbm", pred), ("7-day mean persistence", persistence)]:
        log.info("TEST %-24s MAE %.3f RMSE %.3f", name, mean_absolute_error(test["target_melt"], p),
                 mean_squared_error(test["target_melt"], p) ** 0.5)
    model.booster_.save_model("models/melt_lgbm.txt")


if __name__ == "__main__":
    main()
