import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def load_metabric(expr_path, label_path):
    expr = pd.read_parquet(expr_path)
    labels = pd.read_csv(label_path, index_col="patient_id")["pam50"]
    labels = labels[labels != "NC"]
    shared = expr.index.intersection(labels.index)
    return expr.loc[shared], labels.loc[shared]


def make_splits(expr, labels, val_size, test_size, seed):
    enc = LabelEncoder().fit(labels)
    y = enc.transform(labels)
    X_tmp, X_test, y_tmp, y_test = train_test_split(
        expr.to_numpy(np.float32), y, test_size=test_size, stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=val_size / (1 - test_size), stratify=y_tmp, random_state=seed)
    scaler = StandardScaler().fit(X_train)
    splits = {
        "train": (scaler.transform(X_train), y_train),
        "val": (scaler.transform(X_val), y_val),
        "test": (scaler.transform(X_test), y_test),
    }
    return splits, enc, scaler


def to_loader(X, y, batch_size, shuffle, seed=None):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.long))
    gen = torch.Generator().manual_seed(seed) if seed is not None else None
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen)
