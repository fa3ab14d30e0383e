"""Row-wise feature engineering for used effects-pedal listings (no cross-row statistics)."""
import polars as pl

CATS = ["brand", "effect_type", "condition", "country_of_make"]
NUMS = ["age_years", "has_box", "true_bypass", "is_boutique", "is_reissue", "n_knobs", "mod_flag"]


def prepare(lf: pl.LazyFrame) -> pl.DataFrame:
    return (
        lf.filter(pl.col("sold_price").is_between(5, 3000))
        .with_columns(
            (pl.col("sold_date").dt.year() - pl.col("made_year")).alias("age_years"),
            pl.col("title").str.contains("(?i)box|original packaging").cast(pl.Int8).alias("has_box"),
            pl.col("title").str.contains("(?i)mod(ded)?\\b").cast(pl.Int8).alias("mod_flag"),
            pl.col("sold_price").log().alias("log_price"),
        )
        .with_columns([pl.col(c).fill_null("unknown") for c in CATS])
        .collect()
    )


def to_pandas_xy(df: pl.DataFrame):
    pdf = df.select(CATS + NUMS + ["log_price"]).to_pandas()
    for c in CATS:
        pdf[c] = pdf[c].astype("category")
    return pdf[CATS + NUMS], pdf["log_price"]
