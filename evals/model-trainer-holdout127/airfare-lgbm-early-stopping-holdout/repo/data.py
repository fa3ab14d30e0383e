import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


def load_fares(cfg: dict) -> pd.DataFrame:
    df = pd.read_csv(cfg["data_path"])
    df = df.drop(columns=["Unnamed: 0", "flight"], errors="ignore")
    for col in cfg["categorical"]:
        df[col] = df[col].astype("category")
    return df


def make_xy(df: pd.DataFrame, cfg: dict):
    X = df[cfg["categorical"] + cfg["numeric"]]
    y = df[cfg["target"]].astype(float)
    if cfg["log_target"]:
        y = np.log1p(y)
    return X, y


def split(X, y, cfg: dict):
    """Random split stratified on cabin class (economy/business fares differ ~10x)."""
    return train_test_split(
        X, y,
        test_size=cfg["holdout_size"],
        random_state=cfg["seed"],
        stratify=X["class"],
    )
