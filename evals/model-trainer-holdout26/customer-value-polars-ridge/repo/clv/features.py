"""RFM-style customer features from the order lines table (polars)."""
import polars as pl


def customer_features(orders: pl.DataFrame, cutoff: str) -> pl.DataFrame:
    cutoff_dt = pl.lit(cutoff).str.to_date()
    hist = orders.filter(pl.col("order_date") < cutoff_dt)
    return (
        hist.group_by("customer_id")
        .agg(
            pl.col("order_id").n_unique().alias("n_orders"),
            pl.col("line_total").sum().alias("monetary"),
            pl.col("line_total").mean().alias("avg_line"),
            (cutoff_dt - pl.col("order_date").max()).dt.total_days().alias("recency_days"),
            (pl.col("order_date").max() - pl.col("order_date").min()).dt.total_days().alias("tenure_days"),
            pl.col("category").n_unique().alias("n_categories"),
            pl.col("channel").mode().first().alias("main_channel"),
            pl.col("region").first().alias("region"),
        )
    )


def future_revenue(orders: pl.DataFrame, cutoff: str, horizon_days: int = 90) -> pl.DataFrame:
    start = pl.lit(cutoff).str.to_date()
    end = start + pl.duration(days=horizon_days)
    return (
        orders.filter((pl.col("order_date") >= start) & (pl.col("order_date") < end))
        .group_by("customer_id")
        .agg(pl.col("line_total").sum().alias("revenue_next_90d"))
    )


def build_table(orders: pl.DataFrame, cutoff: str) -> pl.DataFrame:
    feats = customer_features(orders, cutoff)
    target = future_revenue(orders, cutoff)
    return feats.join(target, on="customer_id", how="left").with_columns(
        pl.col("revenue_next_90d").fill_null(0.0)
    )
