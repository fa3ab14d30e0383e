import itertools
import json

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit
from xgboost import XGBRegressor

from features import build


def kge(obs, sim):
    r = np.corrcoef(obs, sim)[0, 1]
    return 1 - np.sqrt((r - 1) ** 2 + (sim.std() / obs.std() - 1) ** 2 + (sim.mean() / obs.mean() - 1) ** 2)


cfg = json.load(open("config.json"))
raw = pd.read_csv(cfg["data_file"], parse_dates=["date"], index_col="date").sort_index().asfreq("D")
raw = raw.ffill(limit=2)

data = build(raw, cfg["target"], cfg["horizon_days"], cfg["lags"], cfg["rain_windows"])
# the last `horizon` training rows would have targets inside the test period
train = data[data.index < pd.Timestamp(cfg["test_start"]) - pd.Timedelta(days=cfg["horizon_days"])]
test = data[data.index >= cfg["test_start"]]
X_tr, y_tr = train.drop(columns="y"), train["y"]
X_te, y_te = test.drop(columns="y"), test["y"]
print(f"train {X_tr.index.min().date()}..{X_tr.index.max().date()} ({len(X_tr)})  test {len(X_te)}")

tscv = TimeSeriesSplit(n_splits=cfg["cv_splits"], gap=cfg["cv_gap_days"])
grid = cfg["grid"]
scores = {}
for md, lr, mcw in itertools.product(grid["max_depth"], grid["learning_rate"], grid["min_child_weight"]):
    fold_mae = []
    for tr_idx, va_idx in tscv.split(X_tr):
        m = XGBRegressor(n_estimators=cfg["n_estimators"], max_depth=md, learning_rate=lr,
                         min_child_weight=mcw, subsample=0.8, random_state=cfg["seed"])
        m.fit(X_tr.iloc[tr_idx], y_tr.iloc[tr_idx])
        fold_mae.append(mean_absolute_error(y_tr.iloc[va_idx], m.predict(X_tr.iloc[va_idx])))
    scores[(md, lr, mcw)] = np.mean(fold_mae)
    print(f"depth={md} lr={lr} mcw={mcw}  CV MAE {scores[(md, lr, mcw)]:.1f}")

md, lr, mcw = min(scores, key=scores.get)
final = XGBRegressor(n_estimators=cfg["n_estimators"], max_depth=md, learning_rate=lr,
                     min_child_weight=mcw, subsample=0.8, random_state=cfg["seed"])
final.fit(X_tr, y_tr)
pred = final.predict(X_te)

persist = X_te["q_lag0"].values
print(f"best params: depth={md} lr={lr} mcw={mcw}")
print(f"test MAE  model {mean_absolute_error(y_te, pred):.1f}  persistence {mean_absolute_error(y_te, persist):.1f} m3/s")
print(f"test KGE  model {kge(y_te.values, pred):.3f}  persistence {kge(y_te.values, persist):.3f}")
