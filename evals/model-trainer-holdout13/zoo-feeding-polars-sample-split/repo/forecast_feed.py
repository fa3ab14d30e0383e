"""Forecast tomorrow's food intake (kg) per enclosure so the commissary can prep the right amount.

Source: keeper feeding logs, one row per enclosure per day, 2019-01 .. 2024-06.
"""
import argparse

import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

SEED = 99


def make_features(logs: pl.DataFrame) -> pl.DataFrame:
    logs = logs.sort(["enclosure", "day"])
    return (
        logs.with_columns(
            pl.col("day").dt.weekday().alias("weekday"),
            pl.col("day").dt.month().alias("month"),
            pl.col("intake_kg").shift(1).over("enclosure").alias("intake_lag1"),
            pl.col("intake_kg").shift(7).over("enclosure").alias("intake_lag7"),
            pl.col("intake_kg").shift(1).rolling_mean(14).over("enclosure").alias("intake_ma14"),
            pl.col("visitors").shift(1).over("enclosure").alias("visitors_lag1"),
            pl.col("max_temp_c").alias("temp_today"),
        )
        .with_columns(pl.col("intake_kg").shift(-1).over("enclosure").alias("target_next_day"))
        .drop_nulls()
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--logs", default="data/feeding_logs.parquet")
    args = ap.parse_args()

    logs = pl.read_parquet(args.logs).with_columns(pl.col("day").str.to_date())
    feats = make_features(logs).with_row_count("rid")

    train = feats.sample(fraction=0.8, shuffle=True, seed=SEED)
    test = feats.join(train.select("rid"), on="rid", how="anti")

    cols = ["weekday", "month", "intake_lag1", "intake_lag7", "intake_ma14", "visitors_lag1",
            "temp_today", "animal_count", "is_enrichment_day"]
    Xtr, ytr = train.select(cols).to_numpy(), train["target_next_day"].to_numpy()
    Xte, yte = test.select(cols).to_numpy(), test["target_next_day"].to_numpy()

    model = HistGradientBoostingRegressor(max_iter=500, learning_rate=0.05, l2_regularization=1.0,
                                          random_state=SEED).fit(Xtr, ytr)
    pred = model.predict(Xte)
    naive = test["intake_kg"].to_numpy()  # tomorrow = today

    print(f"MAE  model {mean_absolute_error(yte, pred):.2f} kg   naive {mean_absolute_error(yte, naive):.2f} kg")
    print(f"MAPE model {mean_absolute_percentage_error(yte, pred):.3f}   naive {mean_absolute_percentage_error(yte, naive):.3f}")


if __name__ == "__main__":
    main()
