import numpy as np
import pandas as pd

NUMERIC = ["depth_m", "bottom_temp", "bottom_sal", "haul_dur_min", "door_spread_m",
           "shoot_lat", "shoot_lon", "doy"]


def clean_hauls(df, species):
    """Keep valid standard GOV hauls and compute the numbers-per-hour index for one species."""
    df = df[(df["haul_val"] == "V") & (df["gear"] == "GOV")].copy()
    df = df[df["species"] == species]
    df["doy"] = pd.to_datetime(df["haul_date"]).dt.dayofyear
    df["cpue_n_h"] = df["total_number"] / (df["haul_dur_min"] / 60.0)
    df["log_cpue"] = np.log1p(df["cpue_n_h"])
    return df.dropna(subset=NUMERIC + ["log_cpue"])


def add_spatial_features(df):
    """Habitat descriptors per statistical rectangle."""
    df = df.copy()
    df["rect_mean_log_cpue"] = df.groupby("stat_rec")["log_cpue"].transform("mean")
    df["rect_depth_anom"] = df["depth_m"] - df.groupby("stat_rec")["depth_m"].transform("median")
    df["rect_n_hauls"] = df.groupby("stat_rec")["haul_id"].transform("count")
    df["sub_area"] = df["stat_rec"].str[:2].astype(int)
    return df


FEATURES = NUMERIC + ["rect_mean_log_cpue", "rect_depth_anom", "rect_n_hauls", "sub_area"]
