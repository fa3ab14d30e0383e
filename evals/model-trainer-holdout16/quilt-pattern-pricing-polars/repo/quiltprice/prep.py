import polars as pl

CAT_COLS = ["pattern_family", "fabric_line", "region"]


def clean(df: pl.DataFrame) -> pl.DataFrame:
    return (
        df.filter(pl.col("sale_price") > 0)
        .with_columns(
            (pl.col("width_cm") * pl.col("height_cm") / 1e4).alias("area_m2"),
            pl.col("listed_at").str.to_date().dt.month().alias("list_month"),
            pl.col("hand_quilted").cast(pl.Int8),
        )
    )


def add_pattern_price(df: pl.DataFrame) -> pl.DataFrame:
    """Smoothed mean price per pattern family; helps with the long tail of rare patterns."""
    prior = df["sale_price"].mean()
    stats = df.group_by("pattern_family").agg(
        pl.col("sale_price").mean().alias("pf_mean"), pl.len().alias("pf_n"))
    return (df.join(stats, on="pattern_family", how="left")
              .with_columns(((pl.col("pf_mean") * pl.col("pf_n") + prior * 20) / (pl.col("pf_n") + 20))
                            .alias("pattern_price_te"))
              .drop("pf_mean", "pf_n"))
