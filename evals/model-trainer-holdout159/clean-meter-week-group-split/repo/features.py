import numpy as np
import pandas as pd

PEAK_HOURS = range(17, 21)
NIGHT_HOURS = range(0, 6)


def weekly_features(reads: pd.DataFrame, min_valid: int) -> pd.DataFrame:
    """One row per (meter_id, week) built only from that meter's own readings in that week."""
    r = reads.copy()
    r["week"] = r["ts"].dt.to_period("W-SUN")
    r["hour"] = r["ts"].dt.hour
    r["is_peak"] = r["hour"].isin(PEAK_HOURS)
    r["is_night"] = r["hour"].isin(NIGHT_HOURS)
    r["is_weekend"] = r["ts"].dt.dayofweek >= 5

    g = r.groupby(["meter_id", "week"])
    f = pd.DataFrame({
        "n_valid": g["kwh"].count(),
        "kwh_total": g["kwh"].sum(),
        "kwh_mean": g["kwh"].mean(),
        "kwh_std": g["kwh"].std(),
        "kwh_p95": g["kwh"].quantile(0.95),
        "zero_share": g["kwh"].apply(lambda s: (s <= 0.001).mean()),
        "peak_share": r[r["is_peak"]].groupby(["meter_id", "week"])["kwh"].sum(),
        "night_share": r[r["is_night"]].groupby(["meter_id", "week"])["kwh"].sum(),
        "weekend_share": r[r["is_weekend"]].groupby(["meter_id", "week"])["kwh"].sum(),
    })
    for col in ["peak_share", "night_share", "weekend_share"]:
        f[col] = f[col].fillna(0) / (f["kwh_total"] + 1e-6)
    f["load_factor"] = f["kwh_mean"] / (r.groupby(["meter_id", "week"])["kwh"].max() + 1e-6)
    f["log_total"] = np.log1p(f["kwh_total"])
    f = f[f["n_valid"] >= min_valid].drop(columns=["n_valid", "kwh_total"])
    return f.reset_index()


FEATURE_COLS = ["kwh_mean", "kwh_std", "kwh_p95", "zero_share", "peak_share", "night_share",
                "weekend_share", "load_factor", "log_total"]
