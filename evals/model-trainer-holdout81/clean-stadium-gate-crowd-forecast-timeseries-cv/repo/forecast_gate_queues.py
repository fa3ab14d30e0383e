"""Forecast people queueing at stadium gates 10 minutes ahead from CCTV head counts.

Input: per-minute head counts from the crowd-counting model (CSRNet) on each gate camera, with the
fixture calendar. Rows are strictly time-ordered; evaluation is chronological.
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit

SEED = 2
HORIZON = 10
LAGS = [1, 2, 5, 10, 20, 30]
TEST_DAYS = 28


def make_features(df):
    parts = []
    for gate, g in df.sort_values("ts").groupby("gate_id"):
        g = g.set_index("ts").asfreq("1min")
        g["gate_id"] = gate
        s = g["head_count"].interpolate(limit=5)
        for lag in LAGS:
            g[f"lag_{lag}"] = s.shift(lag)
        g["roll_mean_15"] = s.shift(1).rolling(15).mean()
        g["same_time_last_week"] = s.shift(7 * 24 * 60 - HORIZON)
        g["minutes_to_kickoff"] = g["minutes_to_kickoff"].ffill()
        g["target"] = s.shift(-HORIZON)
        parts.append(g.reset_index())
    out = pd.concat(parts).dropna(subset=["target", "lag_30"]).sort_values("ts").reset_index(drop=True)
    out["gate_id"] = out["gate_id"].astype("category")
    return out


def report(name, y, p):
    r = {"mae": mean_absolute_error(y, p), "rmse": float(np.sqrt(mean_squared_error(y, p)))}
    print(f"{name:>22} MAE {r['mae']:7.2f} RMSE {r['rmse']:7.2f}")
    return r


def main():
    raw = pd.read_parquet("data/gate_headcounts.parquet")
    raw["ts"] = pd.to_datetime(raw["ts"])
    data = make_features(raw)
    feats = [c for c in data.columns if c.startswith(("lag_", "roll_"))] + [
        "same_time_last_week", "minutes_to_kickoff", "is_matchday", "gate_id"]

    cutoff = data["ts"].max() - pd.Timedelta(days=TEST_DAYS)
    train = data[data["ts"] <= cutoff - pd.Timedelta(minutes=HORIZON)]
    test = data[data["ts"] > cutoff]
    print(f"train {train.ts.min()} .. {train.ts.max()}  test {test.ts.min()} .. {test.ts.max()}")

    tscv = TimeSeriesSplit(n_splits=5, gap=HORIZON)
    candidates = [{"num_leaves": n, "min_child_samples": m} for n in (31, 63) for m in (50, 200)]
    cv_scores = []
    for params in candidates:
        fold_mae = []
        for tr_idx, va_idx in tscv.split(train):
            tr, va = train.iloc[tr_idx], train.iloc[va_idx]
            m = lgb.LGBMRegressor(n_estimators=2000, learning_rate=0.03, random_state=SEED, verbose=-1, **params)
            m.fit(tr[feats], tr["target"], eval_set=[(va[feats], va["target"])],
                  callbacks=[lgb.early_stopping(100, verbose=False)])
            fold_mae.append(mean_absolute_error(va["target"], m.predict(va[feats])))
        cv_scores.append((float(np.mean(fold_mae)), params))
    best_mae, best_params = min(cv_scores, key=lambda t: t[0])
    print("cv MAE by params:", cv_scores)

    n_val = int(len(train) * 0.1)
    fit_part, es_part = train.iloc[:-n_val], train.iloc[-n_val:]
    model = lgb.LGBMRegressor(n_estimators=3000, learning_rate=0.03, random_state=SEED, verbose=-1, **best_params)
    model.fit(fit_part[feats], fit_part["target"], eval_set=[(es_part[feats], es_part["target"])],
              callbacks=[lgb.early_stopping(100, verbose=False)])

    results = {
        "persistence": report("persistence", test["target"], test["lag_1"]),
        "seasonal_naive": report("same time last week", test["target"], test["same_time_last_week"]),
        "lightgbm": report("lightgbm", test["target"], model.predict(test[feats])),
        "cv_mae": best_mae,
        "params": best_params,
    }
    model.booster_.save_model("models/gate_queue_lgbm.txt")
    json.dump(results, open("models/gate_queue_metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
