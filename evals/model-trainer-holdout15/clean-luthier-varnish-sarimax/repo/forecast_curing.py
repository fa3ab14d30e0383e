"""Forecast the mean curing time (hours to touch-hard) of oil-varnish coats applied each day
in the workshop, so coat schedules for violins in the queue can be planned a week ahead.

Daily series, 2019-01-01 .. 2024-06-30. Exogenous: cabinet UV hours, humidity, temperature.
"""
import argparse
import logging

import numpy as np
import polars as pl
import statsmodels.api as sm
from statsmodels.tsa.statespace.sarimax import SARIMAX

log = logging.getLogger("varnish")

EXOG = ["uv_hours", "rh_mean", "temp_mean", "rh_mean_lag1", "coats_applied"]


def load(path: str) -> pl.DataFrame:
    daily = (
        pl.read_csv(path, try_parse_dates=True)
        .sort("date")
        .group_by_dynamic("date", every="1d")
        .agg(pl.col("cure_hours").mean(), pl.col("uv_hours").mean(), pl.col("rh").mean().alias("rh_mean"),
             pl.col("temp_c").mean().alias("temp_mean"), pl.len().alias("coats_applied"))
        .upsample("date", every="1d")
        .with_columns(pl.all().exclude("date").forward_fill())
        # lagged / backward-looking only: uses yesterday's reading, never tomorrow's
        .with_columns(pl.col("rh_mean").shift(1).alias("rh_mean_lag1"))
        .drop_nulls()
    )
    return daily


def mae(a, b):
    return float(np.mean(np.abs(np.asarray(a) - np.asarray(b))))


def rmse(a, b):
    return float(np.sqrt(np.mean((np.asarray(a) - np.asarray(b)) ** 2)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/varnish_coats.csv")
    ap.add_argument("--cutoff", default="2023-07-01", help="first day of the test period")
    ap.add_argument("--val-start", default="2023-01-01")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    daily = load(args.data)
    cutoff = pl.lit(args.cutoff).str.to_date()
    val_start = pl.lit(args.val_start).str.to_date()
    fit_df = daily.filter(pl.col("date") < val_start)
    val_df = daily.filter((pl.col("date") >= val_start) & (pl.col("date") < cutoff))
    test_df = daily.filter(pl.col("date") >= cutoff)
    log.info("fit=%d val=%d test=%d days", len(fit_df), len(val_df), len(test_df))

    # choose the SARIMA order on the validation period
    candidates = [((1, 0, 1), (1, 0, 1, 7)), ((2, 0, 1), (1, 0, 1, 7)), ((1, 1, 1), (0, 1, 1, 7))]
    scores = {}
    for order, seas in candidates:
        res = SARIMAX(fit_df["cure_hours"].to_numpy(), exog=sm.add_constant(fit_df.select(EXOG).to_numpy()),
                      order=order, seasonal_order=seas).fit(disp=False)
        fc = res.forecast(len(val_df), exog=sm.add_constant(val_df.select(EXOG).to_numpy(), has_constant="add"))
        scores[(order, seas)] = mae(val_df["cure_hours"], fc)
        log.info("order=%s seasonal=%s val MAE=%.2f AIC=%.1f", order, seas, scores[(order, seas)], res.aic)
    order, seas = min(scores, key=scores.get)

    # refit on everything before the cutoff, forecast the test period once
    dev_df = pl.concat([fit_df, val_df])
    final = SARIMAX(dev_df["cure_hours"].to_numpy(), exog=sm.add_constant(dev_df.select(EXOG).to_numpy()),
                    order=order, seasonal_order=seas).fit(disp=False)
    pred = final.forecast(len(test_df), exog=sm.add_constant(test_df.select(EXOG).to_numpy(), has_constant="add"))

    # seasonal-naive baseline: same weekday of the last week before the cutoff
    last_week = dev_df["cure_hours"].to_numpy()[-7:]
    naive = np.resize(last_week, len(test_df))
    y = test_df["cure_hours"].to_numpy()
    log.info("SARIMAX %s%s test MAE=%.2f RMSE=%.2f | seasonal-naive MAE=%.2f RMSE=%.2f",
             order, seas, mae(y, pred), rmse(y, pred), mae(y, naive), rmse(y, naive))


if __name__ == "__main__":
    main()
