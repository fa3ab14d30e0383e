"""Feature engineering for the booking cancellation model."""
import pandas as pd

MONTHS = {
    m: i
    for i, m in enumerate(
        ["January", "February", "March", "April", "May", "June", "July",
         "August", "September", "October", "November", "December"],
        start=1,
    )
}

# known after the fact / set by the front desk at check-in
LEAKY_COLS = ["reservation_status", "reservation_status_date", "assigned_room_type"]


def add_date_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["arrival_month"] = df["arrival_date_month"].map(MONTHS)
    df["arrival_date"] = pd.to_datetime(
        dict(
            year=df["arrival_date_year"],
            month=df["arrival_month"],
            day=df["arrival_date_day_of_month"],
        )
    )
    df["arrival_dow"] = df["arrival_date"].dt.dayofweek
    df["total_nights"] = df["stays_in_weekend_nights"] + df["stays_in_week_nights"]
    df["total_guests"] = df["adults"] + df["children"].fillna(0) + df["babies"]
    df["agent"] = df["agent"].fillna(0).astype(int).astype(str)
    df["country"] = df["country"].fillna("UNK")
    return df


def smoothed_target_encode(df: pd.DataFrame, cols, target: str, alpha: float = 20.0) -> pd.DataFrame:
    """Replace high-cardinality categoricals by a smoothed cancellation rate.

    Uses additive smoothing towards the global rate so rare agents/countries
    don't get extreme values.
    """
    out = df.copy()
    prior = df[target].mean()
    for col in cols:
        stats = df.groupby(col)[target].agg(["sum", "count"])
        enc = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
        out[f"{col}_te"] = df[col].map(enc).fillna(prior)
    return out
