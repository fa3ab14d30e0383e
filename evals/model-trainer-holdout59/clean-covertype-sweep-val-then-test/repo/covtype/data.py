import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

N_CONTINUOUS = 10  # elevation ... horizontal distance to fire points; the rest are one-hot


def load_covtype(path):
    df = pd.read_csv(path, header=None)
    X = df.iloc[:, :-1].values.astype(np.float32)
    y = df.iloc[:, -1].values.astype(np.int64) - 1
    return X, y


def split_and_scale(X, y, test_size, val_size, seed):
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=val_size / (1 - test_size), stratify=y_tmp, random_state=seed
    )
    scaler = StandardScaler().fit(X_train[:, :N_CONTINUOUS])
    for part in (X_train, X_val, X_test):
        part[:, :N_CONTINUOUS] = scaler.transform(part[:, :N_CONTINUOUS])
    return (X_train, y_train), (X_val, y_val), (X_test, y_test)


def make_loader(X, y, batch_size, shuffle, seed=0):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    g = torch.Generator().manual_seed(seed)
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=g if shuffle else None)
