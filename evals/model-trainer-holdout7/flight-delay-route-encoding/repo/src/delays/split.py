import polars as pl


def by_month(df: pl.DataFrame, valid_month: int, test_months: list[int]):
    """Chronological split: train < valid_month, valid == valid_month, test in test_months."""
    train = df.filter(pl.col("month") < valid_month)
    valid = df.filter(pl.col("month") == valid_month)
    test = df.filter(pl.col("month").is_in(test_months))
    return train, valid, test
