"""Loading / balancing utilities for the bank term-deposit campaign data."""
import pandas as pd
from sklearn.utils import resample

TARGET = "subscribed"


def load_bank(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, sep=";")
    df[TARGET] = (df.pop("y") == "yes").astype(int)
    # call duration is only known after the call ends -> not usable for targeting
    df = df.drop(columns=["duration"])
    df["contacted_before"] = (df["pdays"] != 999).astype(int)
    df.loc[df["pdays"] == 999, "pdays"] = -1
    for col in df.select_dtypes("object").columns:
        df[col] = df[col].astype("category")
    return df


def upsample_minority(df: pd.DataFrame, target: str = TARGET, ratio: float = 1.0, seed: int = 0) -> pd.DataFrame:
    """Duplicate minority-class rows (with replacement) until minority/majority == ratio."""
    majority = df[df[target] == 0]
    minority = df[df[target] == 1]
    boosted = resample(minority, replace=True, n_samples=int(len(majority) * ratio), random_state=seed)
    return pd.concat([majority, boosted]).sample(frac=1.0, random_state=seed).reset_index(drop=True)
