"""Rolling-origin backtest of SARIMAX vs seasonal naive for cluster-level hourly PRB load,
then refit on everything and write the 7-day production forecast."""
import argparse
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore", category=UserWarning)

ORDER = (1, 0, 1)
SEASONAL = (1, 1, 1, 24)


def exog_for(index: pd.DatetimeIndex) -> pd.DataFrame:
    return pd.DataFrame({"weekend": (index.dayofweek >= 5).astype(float)}, index=index)


def fit_forecast(history: pd.Series, steps: int) -> pd.Series:
    res = SARIMAX(
        history, exog=exog_for(history.index), order=ORDER, seasonal_order=SEASONAL,
        enforce_stationarity=False, enforce_invertibility=False,
    ).fit(disp=False, maxiter=300)
    fut = pd.date_range(history.index[-1] + pd.Timedelta(hours=1), periods=steps, freq="h")
    return res.forecast(steps=steps, exog=exog_for(fut))


def mae(a, b):
    return float(np.mean(np.abs(np.asarray(a) - np.asarray(b))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/cluster_prb_hourly.csv")
    ap.add_argument("--cluster", default="CL_NORTH_07")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--horizon-h", type=int, default=168)
    args = ap.parse_args()

    df = pd.read_csv(args.data, parse_dates=["timestamp"])
    y = (
        df[df["cluster_id"] == args.cluster]
        .set_index("timestamp")["prb_util_dl_mean"]
        .sort_index()
        .asfreq("h")
        .ffill(limit=2)
        .dropna()
    )
    H = args.horizon_h
    end = len(y)
    origins = [end - H * k for k in range(args.folds, 0, -1)]

    rows = []
    for origin in origins:
        history = y.iloc[:origin]
        actual = y.iloc[origin:origin + H]
        fc = fit_forecast(history, len(actual))
        snaive = history.iloc[-168:].to_numpy()[: len(actual)]
        rows.append({
            "origin": y.index[origin],
            "mae_sarimax": mae(actual, fc),
            "mae_snaive": mae(actual, snaive),
            "bh_err": float(fc.max() - actual.max()),
        })
        print(rows[-1])

    bt = pd.DataFrame(rows)
    print(bt.round(3).to_string(index=False))
    print(f"mean MAE sarimax {bt['mae_sarimax'].mean():.3f}  snaive {bt['mae_snaive'].mean():.3f}")
    bt.to_csv(f"backtest_{args.cluster}.csv", index=False)

    prod = fit_forecast(y, H)
    prod.rename("prb_util_dl_forecast").to_csv(f"forecast_{args.cluster}.csv")


if __name__ == "__main__":
    main()
