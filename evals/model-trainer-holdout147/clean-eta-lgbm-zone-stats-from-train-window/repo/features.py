"""Feature helpers for the same-day courier ETA model."""
import numpy as np
import pandas as pd


def add_basic_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    ts = out["pickup_ts"]
    out["pickup_hour"] = ts.dt.hour
    out["pickup_dow"] = ts.dt.dayofweek
    out["log_route_km"] = np.log1p(out["route_km"])
    out["parcels_per_stop"] = out["parcels_on_vehicle"] / out["stops_remaining"].clip(lower=1)
    out["is_rush"] = out["pickup_hour"].between(7, 9) | out["pickup_hour"].between(16, 18)
    out["is_rush"] = out["is_rush"].astype(int)
    return out


class ZoneStats:
    """Shrunk per-zone mean/p90 delivery minutes, learned from one frame and mapped onto others."""

    def __init__(self, target: str, prior_weight: int = 30):
        self.target = target
        self.prior_weight = prior_weight

    def fit(self, df: pd.DataFrame) -> "ZoneStats":
        self.global_mean_ = df[self.target].mean()
        self.global_p90_ = df[self.target].quantile(0.9)
        g = df.groupby("dest_zone")[self.target]
        n = g.size()
        w = n / (n + self.prior_weight)
        self.zone_mean_ = w * g.mean() + (1 - w) * self.global_mean_
        self.zone_p90_ = w * g.quantile(0.9) + (1 - w) * self.global_p90_
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        out = df.copy()
        out["zone_mean_min"] = out["dest_zone"].map(self.zone_mean_).fillna(self.global_mean_)
        out["zone_p90_min"] = out["dest_zone"].map(self.zone_p90_).fillna(self.global_p90_)
        return out
