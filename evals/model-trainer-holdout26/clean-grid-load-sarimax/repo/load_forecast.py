"""Daily peak-load forecasting for a regional grid operator with SARIMAX + temperature.

Holdout is the last 180 days; model orders are compared by AIC on the training window only.
"""
import argparse
import itertools
import json
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX
from statsmodels.tsa.stattools import adfuller

warnings.filterwarnings("ignore", category=UserWarning)

HOLDOUT_DAYS = 180


def load_daily(path):
    hourly = pd.read_csv(path, parse_dates=["timestamp"], index_col="timestamp").sort_index()
    daily = pd.DataFrame({
        "peak_mw": hourly["load_mw"].resample("D").max(),
        "temp_c": hourly["temp_c"].resample("D").mean(),
    }).asfreq("D").interpolate(limit=3)
    # deterministic, row-wise features (no fitted statistics)
    daily["log_peak"] = np.log(daily["peak_mw"])
    daily["cdd"] = (daily["temp_c"] - 18.0).clip(lower=0)
    daily["hdd"] = (15.5 - daily["temp_c"]).clip(lower=0)
    daily["is_weekend"] = (daily.index.dayofweek >= 5).astype(int)
    return daily.dropna()


def plot_history(daily, path):
    ax = daily["peak_mw"].plot(figsize=(12, 4), alpha=0.4, label="daily peak")
    daily["peak_mw"].rolling(28).mean().plot(ax=ax, label="28-day mean")
    ax.legend()
    plt.savefig(path, bbox_inches="tight")
    plt.close()


def metrics(actual, pred):
    err = actual - pred
    return {
        "mae": float(np.mean(np.abs(err))),
        "rmse": float(np.sqrt(np.mean(err ** 2))),
        "mape": float(np.mean(np.abs(err / actual)) * 100),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hourly", default="data/region_hourly_load.csv")
    ap.add_argument("--out", default="reports/sarimax_metrics.json")
    args = ap.parse_args()

    daily = load_daily(args.hourly)
    plot_history(daily, "reports/history.png")

    train = daily.iloc[:-HOLDOUT_DAYS]
    test = daily.iloc[-HOLDOUT_DAYS:]
    exog_cols = ["cdd", "hdd", "is_weekend"]

    adf_stat, adf_p, *_ = adfuller(train["log_peak"].diff(7).dropna())
    print(f"ADF on weekly-differenced training series: stat={adf_stat:.2f} p={adf_p:.4f}")

    best = None
    for p, q, P, Q in itertools.product([0, 1, 2], [0, 1, 2], [0, 1], [0, 1]):
        res = SARIMAX(train["log_peak"], exog=train[exog_cols], order=(p, 0, q),
                      seasonal_order=(P, 1, Q, 7)).fit(disp=False)
        if best is None or res.aic < best[0]:
            best = (res.aic, (p, 0, q), (P, 1, Q, 7))
    print("selected by training AIC:", best)

    model = SARIMAX(train["log_peak"], exog=train[exog_cols], order=best[1], seasonal_order=best[2]).fit(disp=False)
    fc = model.get_forecast(steps=len(test), exog=test[exog_cols])
    pred_mw = np.exp(fc.predicted_mean.to_numpy())

    # baselines: same weekday last week, and same day last year
    naive_week = daily["peak_mw"].shift(7).loc[test.index].to_numpy()
    naive_year = daily["peak_mw"].shift(364).loc[test.index].to_numpy()
    actual = test["peak_mw"].to_numpy()

    report = {
        "order": best[1], "seasonal_order": best[2],
        "sarimax": metrics(actual, pred_mw),
        "seasonal_naive_7": metrics(actual, naive_week),
        "seasonal_naive_364": metrics(actual, naive_year),
    }
    with open(args.out, "w") as fh:
        json.dump(report, fh, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
