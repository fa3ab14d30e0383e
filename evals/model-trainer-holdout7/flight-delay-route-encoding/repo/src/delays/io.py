import polars as pl


def load_flights(path: str, target: str, threshold: int) -> pl.DataFrame:
    df = pl.read_parquet(path)
    df = df.filter(pl.col("cancelled") == 0).filter(pl.col("diverted") == 0)
    return df.with_columns(
        (pl.col(target) > threshold).cast(pl.Int8).alias("is_late"),
        pl.col("fl_date").str.to_date().alias("fl_date"),
        (pl.col("crs_dep_time") // 100).alias("dep_hour"),
    ).with_columns(
        pl.col("fl_date").dt.month().alias("month"),
        pl.col("fl_date").dt.weekday().alias("day_of_week"),
    )
