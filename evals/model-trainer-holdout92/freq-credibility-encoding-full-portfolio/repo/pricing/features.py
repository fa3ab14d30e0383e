"""Feature engineering for the motor TPL claim frequency model."""
import numpy as np
import pandas as pd

AGE_BINS = [17, 21, 25, 30, 40, 50, 60, 70, 120]


def band_driver_age(age: pd.Series) -> pd.Series:
    return pd.cut(age, bins=AGE_BINS, right=True).astype(str)


def credibility_encode(df, col, claims="claim_count", exposure="exposure", k=500.0):
    """Buhlmann-Straub style credibility-weighted frequency relativity for a high-cardinality factor.

    Levels with little exposure are shrunk towards the portfolio frequency; k is the
    exposure at which a level gets 50% credibility.
    """
    portfolio_freq = df[claims].sum() / df[exposure].sum()
    grp = df.groupby(col, observed=True).agg(n_claims=(claims, "sum"), expo=(exposure, "sum"))
    z = grp["expo"] / (grp["expo"] + k)
    level_freq = grp["n_claims"] / grp["expo"]
    blended = z * level_freq + (1.0 - z) * portfolio_freq
    return (blended / portfolio_freq).rename(f"{col}_cred")


def add_rating_features(df: pd.DataFrame, cred_cols, k: float) -> pd.DataFrame:
    out = df.copy()
    out["driver_age_band"] = band_driver_age(out["driver_age"])
    out["log_density"] = np.log1p(out["density"])
    out["vehicle_age_capped"] = out["vehicle_age"].clip(upper=20)
    for col in cred_cols:
        relativities = credibility_encode(out, col, k=k)
        out[f"{col}_cred"] = out[col].map(relativities).astype(float).fillna(1.0)
    return out
