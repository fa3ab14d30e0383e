"""Next-hour volume forecast per intent for the support assistant (capacity planning)."""
import itertools
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit

from features import hourly_counts, make_supervised

cfg = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "forecast_config.yaml"))

events = pd.read_parquet(cfg["events_path"], columns=["ts", "intent"])
events["ts"] = pd.to_datetime(events["ts"], utc=True)
wide = hourly_counts(events, cfg["intents"], cfg["freq"])
data = make_supervised(wide, cfg["lags"], cfg["rolling_windows"])

cutoff = data.index.max() - pd.Timedelta(days=cfg["holdout_days"])
train, test = data[data.index <= cutoff], data[data.index > cutoff]
FEATS = [c for c in data.columns if c != "y"]
print(f"train {train.index.min()} .. {train.index.max()}  test {test.index.min()} .. {test.index.max()}")

times = np.sort(train.index.unique())
tscv = TimeSeriesSplit(n_splits=cfg["cv_splits"])


def cv_mae(params):
    maes = []
    for tr_t, va_t in tscv.split(times):
        tr = train[train.index.isin(times[tr_t])]
        va = train[train.index.isin(times[va_t])]
        m = lgb.LGBMRegressor(n_estimators=cfg["n_estimators"], objective="poisson",
                              random_state=cfg["seed"], verbose=-1, **params)
        m.fit(tr[FEATS], tr["y"])
        maes.append(mean_absolute_error(va["y"], m.predict(va[FEATS])))
    return float(np.mean(maes))


grid = [dict(zip(cfg["param_grid"], v)) for v in itertools.product(*cfg["param_grid"].values())]
scores = [(cv_mae(p), p) for p in grid]
best_mae, best_params = min(scores, key=lambda t: t[0])
print(f"best CV MAE {best_mae:.3f} with {best_params}")

model = lgb.LGBMRegressor(n_estimators=cfg["n_estimators"], objective="poisson",
                          random_state=cfg["seed"], verbose=-1, **best_params)
model.fit(train[FEATS], train["y"])

pred = model.predict(test[FEATS])
report = pd.DataFrame({
    "intent": test["intent"].values,
    "abs_err_model": np.abs(test["y"].values - pred),
    "abs_err_naive_24h": np.abs(test["y"].values - test["lag_24"].values),
}).groupby("intent", observed=True).mean()
print(report.round(3))
print(f"overall holdout MAE {mean_absolute_error(test['y'], pred):.3f}")
model.booster_.save_model("models/intent_volume_lgbm.txt")
