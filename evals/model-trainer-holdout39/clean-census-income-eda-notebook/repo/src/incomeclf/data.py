import numpy as np
import pandas as pd


def load(path: str, target: str) -> pd.DataFrame:
    df = pd.read_csv(path, na_values=["?"], skipinitialspace=True)
    df.columns = [c.strip().replace("-", "_") for c in df.columns]
    df[target] = (df.pop("income").str.rstrip(".") == ">50K").astype(int)
    # row-wise, parameter-free transforms; safe to apply before splitting
    df["capital_gain"] = np.log1p(df["capital_gain"])
    df["capital_loss"] = np.log1p(df["capital_loss"])
    return df
