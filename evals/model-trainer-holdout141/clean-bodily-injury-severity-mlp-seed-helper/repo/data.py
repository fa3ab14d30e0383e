import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import TensorDataset


def load_and_split(cfg):
    df = pd.read_parquet(cfg["data"])
    df["settlement_date"] = pd.to_datetime(df["settlement_date"])
    df["notification_date"] = pd.to_datetime(df["notification_date"])
    df["initial_reserve_log"] = np.log1p(df["initial_reserve"])
    df["target"] = np.log(df["settled_amount"])
    t0, t1 = pd.Timestamp(cfg["train_end"]), pd.Timestamp(cfg["valid_end"])
    train = df[df["notification_date"] < t0]
    valid = df[(df["notification_date"] >= t0) & (df["notification_date"] < t1)]
    test = df[df["notification_date"] >= t1]
    return train, valid, test


def make_preprocessor(cfg):
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), cfg["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cfg["categorical"]),
    ])


def to_dataset(prep, frame, cfg):
    X = torch.tensor(prep.transform(frame[cfg["numeric"] + cfg["categorical"]]), dtype=torch.float32)
    y = torch.tensor(frame["target"].values, dtype=torch.float32)
    return TensorDataset(X, y)
