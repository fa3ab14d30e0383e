from dataclasses import dataclass

import pandas as pd
from sklearn.model_selection import train_test_split

CAT_FEATURES = ["apple_blend", "yeast_strain", "vessel", "orchard"]
NUM_FEATURES = ["og", "ph", "yan_mg_l", "cellar_temp_c", "pitch_rate", "days_since_press", "sulphite_ppm"]
TARGET = "stalled"


@dataclass
class Splits:
    X_train: pd.DataFrame
    y_train: pd.Series
    X_valid: pd.DataFrame
    y_valid: pd.Series
    X_test: pd.DataFrame
    y_test: pd.Series


def load_batches(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df.dropna(subset=[TARGET])
    for c in CAT_FEATURES:
        df[c] = df[c].fillna("unknown").astype(str)
    return df


def make_splits(df: pd.DataFrame, seed: int) -> Splits:
    X, y = df[CAT_FEATURES + NUM_FEATURES], df[TARGET].astype(int)
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_rest, y_rest, test_size=0.2, stratify=y_rest, random_state=seed)
    return Splits(X_train, y_train, X_valid, y_valid, X_test, y_test)
