import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

FEATURES = ["lidar_canopy_height_mean", "lidar_canopy_height_sd", "ndvi_max", "ndvi_amplitude",
            "hs_spectral_diversity", "elevation", "slope", "mat_c", "map_mm", "soil_ph", "nlcd_class_code"]


def load_plots(path, target):
    df = pd.read_parquet(path)
    df = df[df["plotType"] == "distributed"].dropna(subset=FEATURES + [target])
    df["map_mm"] = np.log(df["map_mm"])
    df["nlcd_class_code"] = df["nlcd_class_code"].astype("category")
    return df.reset_index(drop=True)


def site_split(df, group, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df[group]))
    return df.iloc[a].reset_index(drop=True), df.iloc[b].reset_index(drop=True)
