"""24 h-ahead daily-max river stage at a flood-warning gauge.

Linear baseline the forecasting team can inspect coefficient by coefficient.
Split (chronological): train 2008-2016 | validation 2017-2019 | test 2020-2023.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ALPHAS = [0.01, 0.1, 1.0, 10.0, 100.0]


class StageForecaster:
    def __init__(self, lags=(0, 1, 2, 3, 6), rain_windows=(1, 2, 3, 5, 10)):
        self.lags = lags
        self.rain_windows = rain_windows

    def features(self, df):
        f = pd.DataFrame(index=df.index)
        for k in self.lags:
            f[f"stage_lag{k}"] = df["stage_max_m"].shift(k)
            f[f"up_stage_lag{k}"] = df["upstream_stage_max_m"].shift(k)
        for w in self.rain_windows:
            f[f"rain_{w}d"] = df["rain_catchment_mm"].rolling(w).sum()
        f["rain_fcst_24h"] = df["rain_fcst_next24h_mm"]  # NWP forecast issued on day t
        f["sin_doy"] = np.sin(2 * np.pi * df.index.dayofyear / 365.25)
        f["cos_doy"] = np.cos(2 * np.pi * df.index.dayofyear / 365.25)
        f["target"] = df["stage_max_m"].shift(-1)
        return f.dropna()

    @staticmethod
    def model(alpha):
        return make_pipeline(StandardScaler(), Ridge(alpha=alpha))


def xy(frame):
    return frame.drop(columns="target"), frame["target"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/gauge_daily.csv")
    ap.add_argument("--out", default="stage_ridge_report.json")
    args = ap.parse_args()

    raw = pd.read_csv(args.csv, parse_dates=["date"], index_col="date").sort_index().asfreq("D")
    fc = StageForecaster()
    data = fc.features(raw)

    train = data.loc["2008":"2016"]
    val = data.loc["2017":"2019"]
    test = data.loc["2020":"2023"]

    Xtr, ytr = xy(train)
    Xva, yva = xy(val)
    val_rmse = {}
    for a in ALPHAS:
        m = fc.model(a).fit(Xtr, ytr)
        val_rmse[a] = mean_squared_error(yva, m.predict(Xva)) ** 0.5
        print(f"alpha={a:<6} val RMSE {val_rmse[a]:.3f} m")
    best_alpha = min(val_rmse, key=val_rmse.get)

    Xtv, ytv = xy(pd.concat([train, val]))
    final = fc.model(best_alpha).fit(Xtv, ytv)

    Xte, yte = xy(test)
    pred = final.predict(Xte)
    report = {
        "best_alpha": best_alpha,
        "val_rmse": val_rmse[best_alpha],
        "test_rmse": mean_squared_error(yte, pred) ** 0.5,
        "test_mae": mean_absolute_error(yte, pred),
        "test_rmse_persistence": mean_squared_error(yte, Xte["stage_lag0"]) ** 0.5,
    }
    above = yte > yte.quantile(0.95)
    report["test_mae_high_stage"] = mean_absolute_error(yte[above], pred[above.values])
    print(json.dumps(report, indent=2))
    with open(args.out, "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
