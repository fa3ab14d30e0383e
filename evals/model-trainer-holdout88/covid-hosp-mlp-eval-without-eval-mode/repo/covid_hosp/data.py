"""County-week features for next-week COVID-19 hospital admissions per 100k."""
import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "cases_per_100k", "cases_per_100k_lag1", "cases_per_100k_lag2",
    "test_positivity", "admits_per_100k", "admits_per_100k_lag1",
    "pct_fully_vaccinated", "pct_boosted", "pct_65_plus",
    "icu_occupancy_pct", "workplace_mobility", "svi_overall",
]
TARGET = "admits_per_100k_next"


def load_frame(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df.sort_values(["fips", "week_end"])
    g = df.groupby("fips")
    df["cases_per_100k_lag1"] = g["cases_per_100k"].shift(1)
    df["cases_per_100k_lag2"] = g["cases_per_100k"].shift(2)
    df["admits_per_100k_lag1"] = g["admits_per_100k"].shift(1)
    df[TARGET] = g["admits_per_100k"].shift(-1)
    return df.dropna(subset=FEATURES + [TARGET]).reset_index(drop=True)


def time_split(df: pd.DataFrame, train_end: str, val_end: str):
    week = pd.to_datetime(df["week_end"])
    train = df[week <= train_end]
    val = df[(week > train_end) & (week <= val_end)]
    test = df[week > val_end]
    return train, val, test


def make_loaders(train, val, test, batch_size: int):
    scaler = StandardScaler().fit(train[FEATURES])
    loaders = []
    for part, shuffle in ((train, True), (val, False), (test, False)):
        X = torch.tensor(scaler.transform(part[FEATURES]), dtype=torch.float32)
        y = torch.tensor(np.log1p(part[TARGET].to_numpy()), dtype=torch.float32)
        loaders.append(DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=shuffle))
    return loaders, scaler
