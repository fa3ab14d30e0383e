"""SHIPS-style predictors for 24 h intensity change of tropical cyclones (6-hourly fixes)."""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

PREDICTORS = [
    "vmax_kt", "dvmax_12h", "lat", "lon_sin", "lon_cos", "sst_c", "ohc_kjcm2",
    "shear_850_200_kt", "rh_700_500", "mpi_kt", "dist_land_km", "storm_speed_kt",
]
TARGET = "dvmax_24h"


@dataclass
class Normalizer:
    mean: np.ndarray
    std: np.ndarray

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return (x - self.mean) / self.std

    def state_dict(self) -> dict:
        return {"mean": self.mean.tolist(), "std": self.std.tolist()}


def fit_normalizer(frame: pd.DataFrame) -> Normalizer:
    x = frame[PREDICTORS].to_numpy(dtype=np.float32)
    return Normalizer(x.mean(axis=0), x.std(axis=0) + 1e-6)


def load_seasons(path: str, first: int, last: int) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["lon_sin"] = np.sin(np.deg2rad(df["lon"]))
    df["lon_cos"] = np.cos(np.deg2rad(df["lon"]))
    df = df.dropna(subset=PREDICTORS + [TARGET])
    return df[(df["season"] >= first) & (df["season"] <= last)].reset_index(drop=True)


class IntensityFixes(Dataset):
    def __init__(self, frame: pd.DataFrame, normalizer: Normalizer):
        x = frame[PREDICTORS].to_numpy(dtype=np.float32)
        self.x = torch.from_numpy(normalizer(x).astype(np.float32))
        self.y = torch.from_numpy(frame[TARGET].to_numpy(dtype=np.float32)).unsqueeze(1)
        self.storm = frame["storm_id"].to_numpy()

    def __len__(self) -> int:
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
