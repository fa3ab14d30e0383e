import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset


def normalise_per_customer(X):
    """Scale each customer's series by its own 99th percentile so that
    households and small commercial meters live on the same range."""
    X = np.nan_to_num(X, nan=0.0)
    scale = np.percentile(X, 99, axis=1, keepdims=True)
    return np.clip(X / (scale + 1e-6), 0.0, 3.0).astype(np.float32)


def make_loaders(cfg):
    d = cfg["data"]
    arr = np.load(d["path"])
    X = normalise_per_customer(arr["X"][:, : d["n_days"]])
    y = arr["y"].astype(np.float32)

    seed = cfg["train"]["seed"]
    X_tmp, X_test, y_tmp, y_test = train_test_split(
        X, y, test_size=d["test_size"], stratify=y, random_state=seed
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=d["val_size"] / (1 - d["test_size"]),
        stratify=y_tmp, random_state=seed,
    )

    def loader(a, b, shuffle):
        ds = TensorDataset(torch.from_numpy(a).unsqueeze(1), torch.from_numpy(b))
        return DataLoader(ds, batch_size=cfg["train"]["batch_size"], shuffle=shuffle)

    return (
        loader(X_train, y_train, True),
        loader(X_val, y_val, False),
        loader(X_test, y_test, False),
    )
