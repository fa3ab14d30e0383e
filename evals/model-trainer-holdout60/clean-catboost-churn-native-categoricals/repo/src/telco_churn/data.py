import pandas as pd
from sklearn.model_selection import train_test_split


def load_frame(cfg: dict) -> pd.DataFrame:
    df = pd.read_csv(cfg["data"]["path"])
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce")
    df[cfg["data"]["target"]] = (df[cfg["data"]["target"]].astype(str).str.lower() == "yes").astype(int)
    for col in cfg["features"]["categorical"]:
        df[col] = df[col].fillna("NA").astype(str)
    return df


def three_way_split(df: pd.DataFrame, cfg: dict):
    target, sp = cfg["data"]["target"], cfg["split"]
    train_val, test = train_test_split(
        df, test_size=sp["test_size"], stratify=df[target], random_state=sp["seed"]
    )
    train, valid = train_test_split(
        train_val, test_size=sp["valid_size"], stratify=train_val[target], random_state=sp["seed"]
    )
    return train, valid, test
