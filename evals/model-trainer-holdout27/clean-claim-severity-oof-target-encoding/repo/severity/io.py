import json

import pandas as pd
from sklearn.model_selection import train_test_split


def settings(path="settings.json") -> dict:
    with open(path) as fh:
        return json.load(fh)


def load_claims(s: dict) -> pd.DataFrame:
    df = pd.read_parquet(s["claims_path"])
    df = df[df[s["target"]] > 0].reset_index(drop=True)
    for c in s["low_card"]:
        df[c] = df[c].astype("category")
    return df


def partition(df: pd.DataFrame, s: dict):
    dev, test = train_test_split(df, test_size=s["test_fraction"], random_state=s["seed"])
    train, valid = train_test_split(dev, test_size=s["valid_fraction"], random_state=s["seed"])
    return train.reset_index(drop=True), valid.reset_index(drop=True), test.reset_index(drop=True)
