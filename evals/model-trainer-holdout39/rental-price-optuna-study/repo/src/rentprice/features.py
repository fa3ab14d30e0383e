import numpy as np
import pandas as pd


def engineer(df: pd.DataFrame, categorical: list[str]) -> pd.DataFrame:
    out = df.copy()
    out["log_price"] = np.log1p(out["price"])
    out["beds_per_guest"] = out["beds"] / out["accommodates"].clip(lower=1)
    out["baths_per_bedroom"] = out["bathrooms"] / out["bedrooms"].clip(lower=1)
    for col in categorical:
        out[col] = out[col].astype("category")
    return out.drop(columns=["price"])


def feature_names(cfg: dict) -> list[str]:
    return cfg["numeric"] + cfg["categorical"] + ["beds_per_guest", "baths_per_bedroom"]
