"""Daily injury-collision counts for the northern police district.

Produces out-of-fold estimates of forecast error for the staffing dashboard.
"""
import logging

import holidays
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance
from sklearn.model_selection import KFold
from xgboost import XGBRegressor

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("collisions")

CFG = {
    "csv": "exports/collisions_daily_2015_2023.csv",
    "seed": 11,
    "lags": [1, 2, 7, 14, 28],
    "rolls": [7, 28],
    "cv": {"n_splits": 5, "shuffle": True},
    "xgb": dict(n_estimators=700, max_depth=5, learning_rate=0.03, subsample=0.9,
                colsample_bytree=0.8, objective="count:poisson"),
}


def load_daily(path):
    raw = pd.read_csv(path, parse_dates=["date"])
    daily = raw.set_index("date").asfreq("D")
    daily["collisions"] = daily["collisions"].fillna(0)
    daily[["precip_mm", "tmin_c", "snow_cm"]] = daily[["precip_mm", "tmin_c", "snow_cm"]].ffill()
    return daily


def calendar_and_lags(daily, lags, rolls):
    f = daily.copy()
    hol = holidays.country_holidays("DE", subdiv="NI", years=range(2015, 2024))
    f["dow"] = f.index.dayofweek
    f["month"] = f.index.month
    f["is_holiday"] = f.index.map(lambda d: d in hol).astype(int)
    f["dark_commute"] = f.index.month.isin([11, 12, 1, 2]).astype(int)
    for k in lags:
        f[f"lag_{k}"] = f["collisions"].shift(k)
    for w in rolls:
        f[f"roll_{w}"] = f["collisions"].shift(1).rolling(w).mean()
    return f.dropna()


def evaluate_oof(model, X, y, folds):
    oof = np.zeros(len(y))
    for k, (a, b) in enumerate(folds.split(X)):
        model.fit(X.iloc[a], y.iloc[a])
        oof[b] = model.predict(X.iloc[b])
        log.info("fold %d MAE %.3f", k, mean_absolute_error(y.iloc[b], oof[b]))
    return oof


def main():
    daily = load_daily(CFG["csv"])
    frame = calendar_and_lags(daily, CFG["lags"], CFG["rolls"])
    y = frame.pop("collisions")
    X = frame

    splitter = KFold(**CFG["cv"], random_state=CFG["seed"])
    model = XGBRegressor(**CFG["xgb"], random_state=CFG["seed"])
    oof = evaluate_oof(model, X, y, splitter)

    seasonal_naive = X["lag_7"].to_numpy()
    log.info("XGB      MAE %.3f  Poisson dev %.3f", mean_absolute_error(y, oof), mean_poisson_deviance(y, np.clip(oof, 1e-6, None)))
    log.info("naive-7  MAE %.3f  Poisson dev %.3f", mean_absolute_error(y, seasonal_naive),
             mean_poisson_deviance(y, np.clip(seasonal_naive, 1e-6, None)))

    model.fit(X, y)
    model.save_model("collisions_xgb.json")


if __name__ == "__main__":
    main()
