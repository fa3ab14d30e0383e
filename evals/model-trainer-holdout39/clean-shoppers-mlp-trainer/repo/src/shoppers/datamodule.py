import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, PowerTransformer
from torch.utils.data import DataLoader, TensorDataset


class ShopperData:
    """Owns the splits and the feature transformer. The transformer is fitted in setup() on the
    training frame only and re-used, frozen, for validation and test."""

    def __init__(self, cfg: dict, generator: torch.Generator):
        self.cfg = cfg
        self.generator = generator
        self.pre = ColumnTransformer([
            ("num", PowerTransformer(method="yeo-johnson"), cfg["numeric"]),
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cfg["categorical"]),
        ])
        self.frames: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def setup(self) -> None:
        cfg = self.cfg
        df = pd.read_csv(cfg["csv"])
        y = df.pop(cfg["target"]).astype(np.float32)
        X = df[cfg["numeric"] + cfg["categorical"]].astype({c: str for c in cfg["categorical"]})

        X_rest, X_test, y_rest, y_test = train_test_split(
            X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"])
        X_train, X_val, y_train, y_val = train_test_split(
            X_rest, y_rest, test_size=cfg["val_size"] / (1 - cfg["test_size"]),
            stratify=y_rest, random_state=cfg["seed"])

        self.pre.fit(X_train)
        for name, (Xs, ys) in {"train": (X_train, y_train), "val": (X_val, y_val),
                               "test": (X_test, y_test)}.items():
            self.frames[name] = (self.pre.transform(Xs).astype(np.float32), ys.to_numpy())

    @property
    def n_features(self) -> int:
        return self.frames["train"][0].shape[1]

    def loader(self, name: str) -> DataLoader:
        X, y = self.frames[name]
        ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
        return DataLoader(ds, batch_size=self.cfg["batch_size"], shuffle=(name == "train"),
                          generator=self.generator)
