"""
Next-day electricity load (MWh) for the 14 substations.

data: sqlite export from the SCADA historian, one row per substation per day.
split is CHRONOLOGICAL:   train < 2023-01-01 <= valid < 2023-07-01 <= test
"""
import logging
import sqlite3

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit
from statsmodels.tsa.holtwinters import ExponentialSmoothing

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("load")

SEED = 4
DB = "data/scada_daily.sqlite"
VALID_START, TEST_START = pd.Timestamp("2023-01-01"), pd.Timestamp("2023-07-01")
LAGS = (1, 2, 3, 7, 14, 364)


def mape(y, p):
    y, p = np.asarray(y), np.asarray(p)
    return float(np.mean(np.abs(y - p) / np.clip(np.abs(y), 1e-6, None)) * 100)


def scores(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5, "mape": mape(y, p)}


def load():
    with sqlite3.connect(DB) as con:
        df = pd.read_sql_query(
            "SELECT day, substation, load_mwh, t_mean, t_min, t_max, is_holiday FROM daily_load ORDER BY substation, day",
            con, parse_dates=["day"])
    return df


def add_features(df):
    """only uses values strictly before `day` (shift >= 1) or calendar facts -> safe to run on the full frame"""
    df = df.sort_values(["substation", "day"]).copy()
    g = df.groupby("substation")["load_mwh"]
    for l in LAGS:
        df[f"lag_{l}"] = g.shift(l)
    df["roll7_mean"] = g.transform(lambda s: s.shift(1).rolling(7).mean())
    df["roll28_mean"] = g.transform(lambda s: s.shift(1).rolling(28).mean())
    df["roll28_max"] = g.transform(lambda s: s.shift(1).rolling(28).max())
    df["dow"] = df["day"].dt.dayofweek
    df["doy_sin"] = np.sin(2 * np.pi * df["day"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["day"].dt.dayofyear / 365.25)
    df["hdd"] = (18 - df["t_mean"]).clip(lower=0)     # heating degree days (forecast temp from met office feed)
    df["cdd"] = (df["t_mean"] - 22).clip(lower=0)
    df["sub_code"] = df["substation"].astype("category").cat.codes
    return df.dropna(subset=[f"lag_{l}" for l in LAGS] + ["roll28_mean"])


FEATS = [f"lag_{l}" for l in LAGS] + ["roll7_mean", "roll28_mean", "roll28_max", "dow", "doy_sin", "doy_cos",
                                      "hdd", "cdd", "t_min", "t_max", "is_holiday", "sub_code"]


def ets_forecast(train_s, horizon_index):
    """weekly-seasonal Holt-Winters per substation, refit on history only, multi-step over horizon"""
    fit = ExponentialSmoothing(train_s, trend="add", damped_trend=True, seasonal="add", seasonal_periods=7).fit()
    return pd.Series(fit.forecast(len(horizon_index)).values, index=horizon_index)


def main():
    np.random.seed(SEED)
    df = add_features(load())
    train = df[df["day"] < VALID_START]
    valid = df[(df["day"] >= VALID_START) & (df["day"] < TEST_START)]
    test = df[df["day"] >= TEST_START]
    log.info("train %s..%s | valid %s..%s | test %s..%s",
             train.day.min().date(), train.day.max().date(), valid.day.min().date(),
             valid.day.max().date(), test.day.min().date(), test.day.max().date())

    # --- tune num_leaves with expanding-window CV inside the training period
    tss = TimeSeriesSplit(n_splits=4, gap=7)
    days = np.sort(train["day"].unique())
    cv_res = {}
    for leaves in (15, 31, 63):
        fold_mae = []
        for tr_idx, va_idx in tss.split(days):
            tr = train[train["day"].isin(days[tr_idx])]
            va = train[train["day"].isin(days[va_idx])]
            m = lgb.LGBMRegressor(n_estimators=600, learning_rate=0.03, num_leaves=leaves, min_child_samples=30,
                                  subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1)
            m.fit(tr[FEATS], tr["load_mwh"])
            fold_mae.append(mean_absolute_error(va["load_mwh"], m.predict(va[FEATS])))
        cv_res[leaves] = float(np.mean(fold_mae))
    best_leaves = min(cv_res, key=cv_res.get)
    log.info("tscv MAE by num_leaves: %s -> %d", cv_res, best_leaves)

    # --- early stopping on the (later) validation period
    model = lgb.LGBMRegressor(n_estimators=5000, learning_rate=0.03, num_leaves=best_leaves, min_child_samples=30,
                              subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1)
    model.fit(train[FEATS], train["load_mwh"], eval_set=[(valid[FEATS], valid["load_mwh"])],
              eval_metric="l1", callbacks=[lgb.early_stopping(200, verbose=False)])
    n_iter = model.best_iteration_
    log.info("valid lgbm %s (best_iter=%d)", scores(valid["load_mwh"], model.predict(valid[FEATS])), n_iter)

    # --- refit on everything before TEST_START with the chosen size, forecast test once
    trva = pd.concat([train, valid])
    final = lgb.LGBMRegressor(n_estimators=n_iter, learning_rate=0.03, num_leaves=best_leaves, min_child_samples=30,
                              subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1)
    final.fit(trva[FEATS], trva["load_mwh"])
    p_lgb = final.predict(test[FEATS])

    # --- baselines on the same test days
    p_naive7 = test["lag_7"].values        # same weekday last week
    p_ets = pd.concat([
        ets_forecast(trva[trva.substation == s].set_index("day")["load_mwh"].asfreq("D").interpolate(),
                     test[test.substation == s].index)
        for s in test["substation"].unique()
    ]).reindex(test.index).values

    y_te = test["load_mwh"].values
    table = pd.DataFrame({"seasonal_naive": scores(y_te, p_naive7),
                          "holt_winters": scores(y_te, p_ets),
                          "lightgbm": scores(y_te, p_lgb)}).T
    print(table.round(3))
    final.booster_.save_model("models/load_lgbm.txt")


if __name__ == "__main__":
    main()
