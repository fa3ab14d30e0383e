from datetime import date

import polars as pl


def by_period(points: pl.DataFrame, train_end: str, val_end: str):
    """Chronological split on match date: train < train_end < val <= val_end < test."""
    t_end, v_end = date.fromisoformat(train_end), date.fromisoformat(val_end)
    train = points.filter(pl.col("match_date") <= t_end)
    val = points.filter((pl.col("match_date") > t_end) & (pl.col("match_date") <= v_end))
    test = points.filter(pl.col("match_date") > v_end)
    return train, val, test
