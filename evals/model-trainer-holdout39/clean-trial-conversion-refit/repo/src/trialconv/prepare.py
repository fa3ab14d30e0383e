from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from .settings import settings


def main() -> None:
    s = settings()
    df = pd.read_parquet(s["raw"])
    df["api_calls_log"] = np.log1p(df["api_calls_first_week"])
    for col in s["cat_features"]:
        df[col] = df[col].fillna("unknown").astype(str)

    dev, test = train_test_split(df, test_size=s["test_size"], stratify=df[s["target"]], random_state=s["seed"])
    train, valid = train_test_split(dev, test_size=s["valid_size"], stratify=dev[s["target"]], random_state=s["seed"])
    out = Path(s["splits"])
    out.mkdir(parents=True, exist_ok=True)
    for name, part in (("train", train), ("valid", valid), ("test", test)):
        part.to_parquet(out / f"{name}.parquet", index=False)
