"""Next-day unit sales per (store, item) with LightGBM.

The forecast is produced every night for the following day, so every feature below may only
use sales up to and including the previous day. Lags and rolling windows are built on the full
history *before* the date cut-off on purpose: shift() makes each row look strictly backwards.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

SEED = 2023
TRAIN_END = "2017-06-30"
VALID_END = "2017-09-30"   # Jul-Sep: early stopping; Oct-Dec: final test

sales = pd.read_csv("data/train.csv", parse_dates=["date"])
sales = sales.sort_values(["store", "item", "date"]).reset_index(drop=True)

g = sales.groupby(["store", "item"])["sales"]
for k in (1, 2, 7, 14, 28, 364):
    sales[f"lag_{k}"] = g.shift(k)
for w in (7, 28, 91):
    sales[f"rmean_{w}"] = g.transform(lambda s: s.shift(1).rolling(w, min_periods=w // 2).mean())
sales["rstd_28"] = g.transform(lambda s: s.shift(1).rolling(28, min_periods=14).std())
sales["dow"] = sales["date"].dt.dayofweek
sales["month"] = sales["date"].dt.month
sales["dom"] = sales["date"].dt.day
sales["store"] = sales["store"].astype("category")
sales["item"] = sales["item"].astype("category")
sales = sales.dropna(subset=["lag_364"])

FEATS = [c for c in sales.columns if c not in ("date", "sales")]

train = sales[sales["date"] <= TRAIN_END]
valid = sales[(sales["date"] > TRAIN_END) & (sales["date"] <= VALID_END)]
test = sales[sales["date"] > VALID_END]
print(f"train {train.date.min().date()}..{train.date.max().date()}  valid ..{valid.date.max().date()}  "
      f"test ..{test.date.max().date()}")

model = lgb.LGBMRegressor(objective="regression_l1", n_estimators=5000, learning_rate=0.03, num_leaves=127,
                          min_child_samples=100, colsample_bytree=0.7, subsample=0.7, subsample_freq=1,
                          random_state=SEED, verbose=-1)
model.fit(train[FEATS], train["sales"], eval_set=[(valid[FEATS], valid["sales"])],
          callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)])


def smape(a, f):
    a, f = np.asarray(a, float), np.asarray(f, float)
    denom = np.abs(a) + np.abs(f)
    return 200 * np.mean(np.where(denom == 0, 0, np.abs(a - f) / np.where(denom == 0, 1, denom)))


preds = {"seasonal naive (lag 7)": test["lag_7"], "lightgbm": model.predict(test[FEATS])}
for name, p in preds.items():
    print(f"{name:24s} MAE {mean_absolute_error(test['sales'], p):6.3f}  "
          f"RMSE {mean_squared_error(test['sales'], p) ** 0.5:6.3f}  SMAPE {smape(test['sales'], p):6.2f}")
