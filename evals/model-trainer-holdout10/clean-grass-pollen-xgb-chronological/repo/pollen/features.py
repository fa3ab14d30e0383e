"""Next-day pollen features. Everything is either a past value (shifted) or a weather *forecast* for the target day."""
import numpy as np
import pandas as pd


def add_features(daily: pd.DataFrame) -> pd.DataFrame:
    df = daily.sort_values(["station", "date"]).copy()
    df["log_pollen"] = np.log1p(df["pollen"])
    by = df.groupby("station", group_keys=False)
    df["target"] = by["log_pollen"].shift(-1)                    # tomorrow
    df["lag0"] = df["log_pollen"]
    df["lag1"] = by["log_pollen"].shift(1)
    df["lag2"] = by["log_pollen"].shift(2)
    df["mean_past7"] = by["log_pollen"].apply(lambda s: s.rolling(7, min_periods=4).mean())
    df["gdd_cum"] = by["tmean_c"].apply(lambda s: s.clip(lower=5).sub(5).groupby(df.loc[s.index, "date"].dt.year).cumsum())
    for col in ["fc_tmax_c", "fc_precip_mm", "fc_wind_ms", "fc_rh_pct"]:
        df[col + "_next"] = by[col].shift(-1)                     # forecast issued today for tomorrow
    doy = df["date"].dt.dayofyear
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    df["station_code"] = df["station"].astype("category").cat.codes
    return df.dropna(subset=["target", "lag2", "mean_past7"])


FEATURES = ["lag0", "lag1", "lag2", "mean_past7", "gdd_cum", "fc_tmax_c_next", "fc_precip_mm_next",
            "fc_wind_ms_next", "fc_rh_pct_next", "doy_sin", "doy_cos", "station_code"]
