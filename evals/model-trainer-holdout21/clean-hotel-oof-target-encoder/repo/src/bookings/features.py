import pandas as pd

HIGH_CARD = ["agent", "company", "country"]
LOW_CARD = ["hotel", "meal", "market_segment", "distribution_channel", "deposit_type", "customer_type"]
NUMERIC = ["lead_time", "stays_weekend_nights", "stays_week_nights", "adults", "children",
           "previous_cancellations", "booking_changes", "adr", "total_special_requests"]


def basic_columns(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["total_nights"] = out["stays_weekend_nights"] + out["stays_week_nights"]
    out[HIGH_CARD] = out[HIGH_CARD].fillna("none").astype(str)
    for c in LOW_CARD:
        out[c] = out[c].astype("category")
    return out[NUMERIC + ["total_nights"] + HIGH_CARD + LOW_CARD]
