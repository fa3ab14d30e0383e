import polars as pl

BASE = ["first_serve", "surface_code", "set_no", "game_score_diff", "is_break_point", "server_height_cm",
        "returner_rank_log", "court_speed_index", "altitude_m"]


def server_ace_table(train: pl.DataFrame, prior_weight: float) -> tuple[pl.DataFrame, float]:
    """Smoothed ace rate per server, learned from the training period only."""
    global_rate = train["is_ace"].mean()
    table = (
        train.group_by("server_id")
        .agg(pl.col("is_ace").sum().alias("aces"), pl.len().alias("serves"))
        .with_columns(((pl.col("aces") + prior_weight * global_rate) / (pl.col("serves") + prior_weight))
                      .alias("server_ace_rate"))
        .select("server_id", "server_ace_rate")
    )
    return table, global_rate


def attach(frame: pl.DataFrame, table: pl.DataFrame, global_rate: float) -> pl.DataFrame:
    return frame.join(table, on="server_id", how="left").with_columns(
        pl.col("server_ace_rate").fill_null(global_rate)
    )


FEATURES = BASE + ["server_ace_rate"]
