"""Feature table construction for monthly streamflow regression (CAMELS-style basins)."""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DYNAMIC = ["prcp_mm", "tmax_c", "tmin_c", "srad_wm2", "swe_mm", "vp_pa", "pet_mm"]
STATIC = ["area_gages2", "elev_mean", "slope_mean", "frac_forest", "soil_depth_pelletier",
          "clay_frac", "aridity", "high_prec_freq", "baseflow_index"]


def add_lagged(df):
    df = df.sort_values(["gauge_id", "month"]).copy()
    g = df.groupby("gauge_id")
    for lag in (1, 2, 3):
        df[f"prcp_lag{lag}"] = g["prcp_mm"].shift(lag)
        df[f"swe_lag{lag}"] = g["swe_mm"].shift(lag)
    df["prcp_roll6"] = g["prcp_mm"].transform(lambda s: s.shift(1).rolling(6).sum())
    df["m_sin"] = np.sin(2 * np.pi * df["month"].dt.month / 12)
    df["m_cos"] = np.cos(2 * np.pi * df["month"].dt.month / 12)
    return df


def feature_columns():
    lags = [f"{v}_lag{k}" for v in ("prcp", "swe") for k in (1, 2, 3)]
    return DYNAMIC + STATIC + lags + ["prcp_roll6", "m_sin", "m_cos"]


def build_matrix(df):
    """Impute gaps (mostly SWE in rain-dominated basins) and standardise."""
    cols = feature_columns()
    prep = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    X = prep.fit_transform(df[cols])
    return pd.DataFrame(X, columns=cols, index=df.index)
