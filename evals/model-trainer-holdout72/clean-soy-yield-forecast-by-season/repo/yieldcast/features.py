import numpy as np
import pandas as pd

WEATHER = ["gdd_may_aug", "precip_jun_aug_mm", "tmax_jul_aug", "vpd_aug", "spi_aug"]
RS = ["ndvi_jul", "ndvi_aug", "evi_aug", "lst_day_aug", "sif_jul_aug"]
STATIC = ["soil_nccpi", "irrigated_frac", "soy_area_frac"]


def _trend_forecast(s, min_years=5):
    """Linear trend fitted on strictly earlier seasons, evaluated at the current year."""
    out = np.full(len(s), np.nan)
    years = s.index.get_level_values("year").to_numpy()
    vals = s.to_numpy()
    for i in range(len(s)):
        past = slice(0, i)
        if i >= min_years:
            coef = np.polyfit(years[past], vals[past], 1)
            out[i] = np.polyval(coef, years[i])
    return pd.Series(out, index=s.index)


def add_history_features(df):
    df = df.sort_values(["county_fips", "year"]).copy()
    g = df.groupby("county_fips")["yield_bu_ac"]
    df["yield_lag1"] = g.shift(1)
    df["yield_trail5"] = g.transform(lambda s: s.shift(1).rolling(5, min_periods=3).mean())
    df["trend_pred"] = (df.set_index(["county_fips", "year"])["yield_bu_ac"]
                        .groupby(level="county_fips", group_keys=False).apply(_trend_forecast)
                        .to_numpy())
    df["anomaly_lag1"] = df["yield_lag1"] - df["yield_trail5"]
    return df.dropna(subset=["yield_lag1", "yield_trail5", "trend_pred"])


def feature_columns(df):
    return WEATHER + RS + STATIC + ["yield_lag1", "yield_trail5", "trend_pred", "anomaly_lag1"]
