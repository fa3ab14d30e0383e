"""Forecast nights booked per day at the valley yurt site, 7+ days ahead (all lags >= 7)."""
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit

from yurts import config
from yurts.features import daily_features

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("yurts")

FEATS = ["dow", "doy_sin", "doy_cos", "is_bank_holiday", "nights_lag7", "nights_lag14", "nights_lag28",
         "nights_lag364", "nights_ma28_lag7", "forecast_rain_mm", "school_holiday"]


def scores(y, p):
    return mean_absolute_error(y, p), mean_squared_error(y, p) ** 0.5


def main():
    df = pd.read_csv(config.DATA, parse_dates=["date"])
    df = daily_features(df)

    cutoff = df["date"].max() - pd.Timedelta(days=config.HOLDOUT_DAYS)
    dev, holdout = df[df["date"] <= cutoff], df[df["date"] > cutoff]
    log.info("dev %s..%s  holdout %s..%s", dev.date.min().date(), dev.date.max().date(),
             holdout.date.min().date(), holdout.date.max().date())

    tscv = TimeSeriesSplit(n_splits=config.CV_SPLITS, gap=7)
    cv_mae = []
    for params in config.GRID:
        fold_mae = []
        for tr, va in tscv.split(dev):
            m = lgb.LGBMRegressor(objective="poisson", random_state=config.SEED, verbose=-1, **params)
            m.fit(dev.iloc[tr][FEATS], dev.iloc[tr]["nights_booked"])
            fold_mae.append(mean_absolute_error(dev.iloc[va]["nights_booked"], m.predict(dev.iloc[va][FEATS])))
        cv_mae.append(np.mean(fold_mae))
        log.info("%s  CV MAE %.2f", params, cv_mae[-1])

    best = config.GRID[int(np.argmin(cv_mae))]
    final = lgb.LGBMRegressor(objective="poisson", random_state=config.SEED, verbose=-1, **best)
    final.fit(dev[FEATS], dev["nights_booked"])

    mae, rmse = scores(holdout["nights_booked"], final.predict(holdout[FEATS]))
    s_mae, s_rmse = scores(holdout["nights_booked"], holdout["nights_lag7"])  # same weekday last week
    log.info("holdout  model MAE %.2f RMSE %.2f | seasonal-naive MAE %.2f RMSE %.2f", mae, rmse, s_mae, s_rmse)


if __name__ == "__main__":
    main()
