import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "grocery_stores_per_1k", "supercenters_per_1k", "convenience_stores_per_1k",
    "fast_food_per_1k", "full_service_rest_per_1k", "snap_participation_pct",
    "low_access_pct", "rec_facilities_per_1k", "pct_physically_inactive",
    "median_income_log", "pct_poverty", "pct_65_plus", "pct_rural", "pct_black_nh", "pct_hispanic",
]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype={"fips": str})
    df["state"] = df["fips"].str[:2]
    df["median_income_log"] = np.log(df["median_income"])
    return df.dropna(subset=FEATURES + ["adult_obesity_pct"]).reset_index(drop=True)


def state_split(df: pd.DataFrame, frac: float, seed: int):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df["state"]))
    return df.iloc[a].reset_index(drop=True), df.iloc[b].reset_index(drop=True)


def tensors(df, scaler, target):
    X = torch.tensor(scaler.transform(df[FEATURES]), dtype=torch.float32)
    y = torch.tensor(df[target].to_numpy(), dtype=torch.float32)
    return X, y


def build_loaders(train, val, test, target, batch_size, seed):
    scaler = StandardScaler().fit(train[FEATURES])
    g = torch.Generator().manual_seed(seed)
    train_dl = DataLoader(TensorDataset(*tensors(train, scaler, target)), batch_size=batch_size, shuffle=True, generator=g)
    val_dl = DataLoader(TensorDataset(*tensors(val, scaler, target)), batch_size=1024)
    test_dl = DataLoader(TensorDataset(*tensors(test, scaler, target)), batch_size=1024)
    return train_dl, val_dl, test_dl, scaler
