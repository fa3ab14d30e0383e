from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


@dataclass
class Splits:
    X_train: pd.DataFrame
    y_train: pd.Series
    X_valid: pd.DataFrame
    y_valid: pd.Series
    X_holdout: pd.DataFrame
    y_holdout: pd.Series


def load_leads(cfg: dict) -> pd.DataFrame:
    df = pd.read_csv(cfg["data_path"], parse_dates=["created_at"])
    df = df.drop_duplicates(subset="lead_id")
    df["n_touches_log"] = np.log1p(df["n_touches"].clip(lower=0))
    for col in cfg["categorical"]:
        df[col] = df[col].fillna("unknown").astype("category")
    return df


def make_splits(df: pd.DataFrame, cfg: dict) -> Splits:
    y = df[cfg["target"]].astype(int)
    X = df.drop(columns=cfg["drop"] + [cfg["target"]])
    X_rest, X_holdout, y_rest, y_holdout = train_test_split(
        X, y, test_size=cfg["splits"]["holdout_size"], stratify=y, random_state=cfg["seed"]
    )
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_rest, y_rest, test_size=cfg["splits"]["valid_size"], stratify=y_rest, random_state=cfg["seed"]
    )
    return Splits(X_train, y_train, X_valid, y_valid, X_holdout, y_holdout)
