import numpy as np
import pandas as pd


def read_sales(path: str, target: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[df[target].between(20_000, 3_000_000)]
    df["age_at_sale"] = df["sale_year"] - df["year_built"]
    df["log_price"] = np.log(df[target])
    return df.reset_index(drop=True)
