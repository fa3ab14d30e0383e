"""Data preparation for the benefit take-up model."""
import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import TensorDataset


def split_frame(df: pd.DataFrame, target: str, seed: int):
    train, temp = train_test_split(df, test_size=0.3, stratify=df[target], random_state=seed)
    valid, test = train_test_split(temp, test_size=0.5, stratify=temp[target], random_state=seed)
    return train, valid, test


def make_preprocessor(numeric, categorical) -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20, sparse_output=False), categorical),
        ]
    )


def to_dataset(pre: ColumnTransformer, frame: pd.DataFrame, cols, target: str) -> TensorDataset:
    X = pre.transform(frame[cols]).astype(np.float32)
    y = frame[target].to_numpy(dtype=np.float32)
    return TensorDataset(torch.from_numpy(X), torch.from_numpy(y))


def build_datasets(cfg: dict):
    df = pd.read_parquet(cfg["data_path"])
    cols = cfg["numeric"] + cfg["categorical"]
    train, valid, test = split_frame(df, cfg["target"], cfg["seed"])
    pre = make_preprocessor(cfg["numeric"], cfg["categorical"]).fit(train[cols])
    return (
        to_dataset(pre, train, cols, cfg["target"]),
        to_dataset(pre, valid, cols, cfg["target"]),
        to_dataset(pre, test, cols, cfg["target"]),
        pre,
    )
