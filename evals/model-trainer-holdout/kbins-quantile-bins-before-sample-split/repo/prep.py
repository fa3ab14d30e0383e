"""Feature preparation for the late-delivery model."""
import pandas as pd
from sklearn.preprocessing import KBinsDiscretizer

SKEWED = ["distance_km", "parcel_weight_kg", "courier_tenure_days", "stops_on_route"]
CATEGORICAL = ["region", "vehicle_type", "weekday", "is_weekend", "heavy"]


def add_flags(frame: pd.DataFrame) -> pd.DataFrame:
    """Row-wise flags with fixed cut-offs agreed with operations."""
    return frame.assign(
        is_weekend=frame["weekday"].isin([5, 6]).astype(int),
        heavy=(frame["parcel_weight_kg"] > 20).astype(int),
    )


def discretize(frame: pd.DataFrame, n_bins: int = 10) -> pd.DataFrame:
    """Quantile-bin the skewed numeric columns so the linear model can learn step effects."""
    binner = KBinsDiscretizer(n_bins=n_bins, encode="ordinal", strategy="quantile", subsample=None)
    binned = binner.fit_transform(frame[SKEWED])
    out = frame.drop(columns=SKEWED)
    for position, column in enumerate(SKEWED):
        out[f"{column}_bin"] = binned[:, position].astype(int)
    return out
