"""Feature helpers.

High-cardinality keys (route, carrier x hour) are summarised by their historical late rate,
shrunk toward the global mean so that thin routes do not get extreme values.
"""
import polars as pl


def _smoothed_rate(df: pl.DataFrame, keys: list[str], label: str, alpha: float, name: str) -> pl.DataFrame:
    prior = df[label].mean()
    stats = df.group_by(keys).agg(
        pl.col(label).sum().alias("_hits"),
        pl.len().alias("_n"),
    ).with_columns(
        ((pl.col("_hits") + alpha * prior) / (pl.col("_n") + alpha)).alias(name)
    ).drop("_hits", "_n")
    return df.join(stats, on=keys, how="left")


def add_history_rates(df: pl.DataFrame, label: str, alpha: float) -> pl.DataFrame:
    df = _smoothed_rate(df, ["origin", "dest"], label, alpha, "route_late_rate")
    df = _smoothed_rate(df, ["carrier", "dep_hour"], label, alpha, "carrier_hour_late_rate")
    df = _smoothed_rate(df, ["origin"], label, alpha, "origin_late_rate")
    return df


RATE_COLS = ["route_late_rate", "carrier_hour_late_rate", "origin_late_rate"]
