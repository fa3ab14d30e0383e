import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


def load_listings(path: str, target: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[(df[target] > 500) & (df[target] < 250_000)]
    df["log_price"] = np.log(df[target])
    return df.reset_index(drop=True)


def three_way_split(df: pd.DataFrame, test_size: float, val_size: float, seed: int):
    train_val, test = train_test_split(df, test_size=test_size, random_state=seed)
    rel_val = val_size / (1.0 - test_size)
    train, val = train_test_split(train_val, test_size=rel_val, random_state=seed)
    return train, val, test
