"""Feature construction for the 30-day readmission model (Medicare FFS index stays)."""
import numpy as np
import pandas as pd

NUMERIC = [
    "age", "los_days", "n_ed_visits_6m", "n_inpatient_12m", "elixhauser_score",
    "n_active_meds", "hcc_score",
]
BINARY = ["dual_eligible", "discharged_snf", "discharged_home_health", "weekend_discharge"]


def smoothed_target_mean(df: pd.DataFrame, col: str, target: str, m: float) -> pd.Series:
    """Empirical-Bayes shrunk event rate per level (m = pseudo-count toward the global rate)."""
    prior = df[target].mean()
    stats = df.groupby(col)[target].agg(["sum", "count"])
    rate = (stats["sum"] + m * prior) / (stats["count"] + m)
    return df[col].map(rate).fillna(prior)


def build_features(df: pd.DataFrame, cfg: dict) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    for c in NUMERIC:
        out[c] = df[c]
    for c in BINARY:
        out[c] = df[c].astype(int)
    out["los_days"] = np.log1p(out["los_days"])
    out["hcc_score"] = out["hcc_score"].clip(upper=10)

    target = cfg["data"]["outcome"]
    m = cfg["encoding"]["smoothing"]
    for col in cfg["encoding"]["high_cardinality"]:
        out[f"{col}_risk"] = smoothed_target_mean(df, col, target, m)
    return out
