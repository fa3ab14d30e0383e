import pandas as pd
from sklearn.model_selection import train_test_split


def load_claims(cfg: dict) -> pd.DataFrame:
    df = pd.read_parquet(cfg["data"]["path"])
    df = df[df[cfg["data"]["target"]] >= 0]
    for col in cfg["features"]["categorical"]:
        df[col] = df[col].astype("category")
    return df


def split(df: pd.DataFrame, cfg: dict, seed: int):
    d = cfg["data"]
    dev, test = train_test_split(df, test_size=d["test_size"], random_state=seed)
    train, valid = train_test_split(dev, test_size=d["valid_size"] / (1 - d["test_size"]), random_state=seed)
    return train, valid, test
