"""Loading and splitting of the pet-insurance policy table."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import GroupShuffleSplit


def load_policies(cfg: dict) -> pd.DataFrame:
    df = pd.read_parquet(cfg["data"]["path"])
    df = df[df[cfg["data"]["exposure"]] > 0].copy()
    for col in cfg["features"]["categorical"]:
        df[col] = df[col].astype("category")
    return df


def split_by_household(df: pd.DataFrame, holdout_fraction: float, seed: int):
    """Keep all pets of a household on the same side of the split."""
    splitter = GroupShuffleSplit(n_splits=1, test_size=holdout_fraction, random_state=seed)
    train_idx, test_idx = next(splitter.split(df, groups=df["household_id"]))
    return df.iloc[train_idx].copy(), df.iloc[test_idx].copy()


def to_dmatrix(df: pd.DataFrame, cfg: dict) -> xgb.DMatrix:
    feats = cfg["features"]["categorical"] + cfg["features"]["numeric"]
    return xgb.DMatrix(
        df[feats],
        label=df[cfg["data"]["target"]],
        base_margin=np.log(df[cfg["data"]["exposure"]]),
        enable_categorical=True,
    )
