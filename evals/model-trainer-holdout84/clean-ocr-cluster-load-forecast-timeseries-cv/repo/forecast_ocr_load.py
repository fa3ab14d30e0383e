"""Hourly forecast of pages arriving at the OCR cluster (drives worker autoscaling 24h ahead)."""
import itertools
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit

SEED = 123
HORIZON = 24          # hours ahead
HOLDOUT_DAYS = 28
np.random.seed(SEED)


def load_hourly(path="data/ocr_cluster/page_arrivals.csv"):
    raw = pd.read_csv(path, parse_dates=["ts"])
    s = raw.set_index("ts")["pages"].resample("h").sum()
    return s.asfreq("h", fill_value=0)


def make_frame(s):
    df = pd.DataFrame({"y": s})
    # all lags are >= HORIZON so every feature is known 24h before the target hour
    for lag in (24, 48, 72, 168, 336):
        df[f"lag_{lag}"] = s.shift(lag)
    base = s.shift(HORIZON)
    df["roll_mean_24"] = base.rolling(24).mean()
    df["roll_mean_168"] = base.rolling(168).mean()
    df["roll_max_24"] = base.rolling(24).max()
    df["hour"] = df.index.hour
    df["dow"] = df.index.dayofweek
    df["is_month_end"] = df.index.is_month_end.astype(int)
    return df.dropna()


def rmse(a, b):
    return float(np.sqrt(mean_squared_error(a, b)))


frame = make_frame(load_hourly())
cutoff = frame.index.max() - pd.Timedelta(days=HOLDOUT_DAYS)
train, test = frame[frame.index <= cutoff], frame[frame.index > cutoff]
features = [c for c in frame.columns if c != "y"]
print(f"train {train.index.min()} .. {train.index.max()}  test {test.index.min()} .. {test.index.max()}")

grid = {"num_leaves": [15, 63], "learning_rate": [0.03, 0.1], "min_child_samples": [20, 80]}
tscv = TimeSeriesSplit(n_splits=5, test_size=24 * 14, gap=HORIZON)
cv_scores = {}
for values in itertools.product(*grid.values()):
    params = dict(zip(grid.keys(), values))
    maes = []
    for tr_idx, va_idx in tscv.split(train):
        tr, va = train.iloc[tr_idx], train.iloc[va_idx]
        m = lgb.LGBMRegressor(n_estimators=600, objective="poisson", random_state=SEED, verbose=-1, **params)
        m.fit(tr[features], tr["y"])
        maes.append(mean_absolute_error(va["y"], m.predict(va[features])))
    cv_scores[json.dumps(params)] = float(np.mean(maes))

best_params = json.loads(min(cv_scores, key=cv_scores.get))
print("best params by time-series CV:", best_params, round(cv_scores[json.dumps(best_params)], 2))

model = lgb.LGBMRegressor(n_estimators=600, objective="poisson", random_state=SEED, verbose=-1, **best_params)
model.fit(train[features], train["y"])
pred = model.predict(test[features])
naive = test["lag_168"].to_numpy()   # same hour last week

print(f"seasonal naive  MAE {mean_absolute_error(test['y'], naive):8.1f}  RMSE {rmse(test['y'], naive):8.1f}")
print(f"lightgbm        MAE {mean_absolute_error(test['y'], pred):8.1f}  RMSE {rmse(test['y'], pred):8.1f}")
model.booster_.save_model("models/ocr_load_lgbm.txt")
