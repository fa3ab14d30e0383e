"""Feature engineering for daily station PM2.5: reanalysis meteorology and land use."""
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

MET_COLS = [
    f"{var}_{lvl}"
    for var in ("t", "u", "v", "rh")
    for lvl in ("1000hPa", "925hPa", "850hPa", "700hPa")
] + ["blh_m", "sp_hpa", "tp_mm", "ssrd_wm2"]

STATIC_COLS = [
    "elevation_m", "road_density_km_per_km2", "pct_impervious", "pct_cropland",
    "dist_to_major_road_m", "dist_to_power_plant_km", "pop_density_1km",
]


class MetPCA:
    """Standardise the correlated reanalysis fields and compress them with PCA."""

    def __init__(self, n_components: int = 8, seed: int = 0):
        self.scaler = StandardScaler()
        self.pca = PCA(n_components=n_components, random_state=seed)

    def fit(self, df: pd.DataFrame) -> "MetPCA":
        self.pca.fit(self.scaler.fit_transform(df[MET_COLS]))
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        comps = self.pca.transform(self.scaler.transform(df[MET_COLS]))
        names = [f"met_pc{i + 1}" for i in range(comps.shape[1])]
        return pd.DataFrame(comps, columns=names, index=df.index)


def calendar_features(df: pd.DataFrame) -> pd.DataFrame:
    doy = df["date"].dt.dayofyear
    return pd.DataFrame(
        {
            "doy_sin": np.sin(2 * np.pi * doy / 365.25),
            "doy_cos": np.cos(2 * np.pi * doy / 365.25),
            "dow": df["date"].dt.dayofweek,
        },
        index=df.index,
    )


def split_by_station(df: pd.DataFrame, frac: float, seed: int):
    rng = np.random.default_rng(seed)
    stations = np.sort(df["station_id"].unique())
    held_out = rng.choice(stations, size=int(round(frac * len(stations))), replace=False)
    mask = df["station_id"].isin(held_out)
    return df[~mask].copy(), df[mask].copy()
