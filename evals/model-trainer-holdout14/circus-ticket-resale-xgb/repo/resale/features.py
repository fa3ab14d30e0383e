import numpy as np
import pandas as pd

CAT_COLS = ["venue_city", "seat_zone", "show_name", "resale_platform"]


def build_frame(listings: pd.DataFrame) -> pd.DataFrame:
    df = listings.copy()
    df["days_before_show"] = (df["show_date"] - df["listed_at"]).dt.days
    df["weekend_show"] = df["show_date"].dt.dayofweek.isin([4, 5, 6]).astype(int)
    df["log_face"] = np.log1p(df["face_value_eur"])
    df["markup_ratio"] = df["resale_price_eur"] / df["face_value_eur"]
    for c in CAT_COLS:
        df[c] = df[c].astype("category")
    return df


FEATURES = ["days_before_show", "weekend_show", "log_face", "seats_in_lot", "ringside",
            "tour_leg", "capacity_pct_sold"] + CAT_COLS
TARGET = "markup_ratio"
