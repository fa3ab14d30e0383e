"""Data module: loads the customer snapshot and produces train/val/test arrays."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from churnlab.features import build_preprocessor


@dataclass
class Split:
    X: np.ndarray
    y: np.ndarray

    def __len__(self) -> int:
        return len(self.y)


@dataclass
class ChurnDataModule:
    path: str
    target: str
    numeric: list[str]
    categorical: list[str]
    test_size: float = 0.2
    val_size: float = 0.1
    seed: int = 42
    splits: dict[str, Split] = field(default_factory=dict)

    @classmethod
    def from_config(cls, cfg: dict) -> "ChurnDataModule":
        d = cfg["data"]
        return cls(
            path=d["path"],
            target=d["target"],
            numeric=list(d["numeric"]),
            categorical=list(d["categorical"]),
            test_size=d["test_size"],
            val_size=d["val_size"],
            seed=cfg["seed"],
        )

    def load_frame(self) -> pd.DataFrame:
        df = pd.read_csv(Path(self.path))
        df = df.drop_duplicates(subset="customer_id", keep="last")
        df = df[df["tenure_days"] >= 0].reset_index(drop=True)
        return df

    def setup(self) -> None:
        df = self.load_frame()
        y = df[self.target].astype(int).to_numpy()
        self.preprocessor = build_preprocessor(self.numeric, self.categorical)
        X = self.preprocessor.fit_transform(df[self.numeric + self.categorical])

        X_trval, X_test, y_trval, y_test = train_test_split(
            X, y, test_size=self.test_size, stratify=y, random_state=self.seed
        )
        rel_val = self.val_size / (1.0 - self.test_size)
        X_train, X_val, y_train, y_val = train_test_split(
            X_trval, y_trval, test_size=rel_val, stratify=y_trval, random_state=self.seed
        )
        self.splits = {
            "train": Split(X_train, y_train),
            "val": Split(X_val, y_val),
            "test": Split(X_test, y_test),
        }

    def feature_names(self) -> list[str]:
        return list(self.preprocessor.get_feature_names_out())

    def summary(self) -> dict[str, float]:
        return {f"{k}_rows": len(v) for k, v in self.splits.items()} | {
            f"{k}_pos_rate": float(v.y.mean()) for k, v in self.splits.items()
        }
