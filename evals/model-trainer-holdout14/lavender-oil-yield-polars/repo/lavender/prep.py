import polars as pl

NUMERIC = ["flower_mass_kg", "stem_length_cm", "harvest_doy", "distill_minutes", "steam_temp_c",
           "field_altitude_m", "days_since_rain", "bud_open_pct"]


def load(path: str) -> pl.DataFrame:
    return (
        pl.read_csv(path, try_parse_dates=True)
        .filter(pl.col("oil_ml").is_not_null())
        .with_columns(
            (pl.col("harvest_date").dt.ordinal_day()).alias("harvest_doy"),
            pl.col("cultivar").cast(pl.Categorical),
        )
    )


def standardise(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(
        [pl.col(c).fill_null(pl.col(c).median()) for c in NUMERIC]
    ).with_columns(
        [((pl.col(c) - pl.col(c).mean()) / pl.col(c).std()).alias(c) for c in NUMERIC]
    )


def one_hot(df: pl.DataFrame) -> pl.DataFrame:
    return df.to_dummies(columns=["cultivar"])
