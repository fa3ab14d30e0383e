import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

CATEGORICAL = ["plan", "billing_cycle", "acquisition_channel", "country"]


def build_preprocessor(numeric_cols):
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    categorical = OneHotEncoder(handle_unknown="ignore", min_frequency=50, sparse_output=False)
    return ColumnTransformer([("num", numeric, numeric_cols), ("cat", categorical, CATEGORICAL)])


def load_splits(cfg):
    df = pd.read_csv(cfg["data_path"])
    y = df[cfg["target"]].astype(np.float32).to_numpy()
    X = df.drop(columns=[cfg["target"], "customer_id"])
    numeric_cols = [c for c in X.columns if c not in CATEGORICAL]

    X_tmp, X_test, y_tmp, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"])
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=cfg["val_size"], stratify=y_tmp, random_state=cfg["seed"])

    pre = build_preprocessor(numeric_cols)
    X_train = pre.fit_transform(X_train).astype(np.float32)
    X_val = pre.transform(X_val).astype(np.float32)
    X_test = pre.transform(X_test).astype(np.float32)
    return (X_train, y_train), (X_val, y_val), (X_test, y_test), pre


def make_loader(X, y, batch_size, shuffle, generator=None):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=generator)
