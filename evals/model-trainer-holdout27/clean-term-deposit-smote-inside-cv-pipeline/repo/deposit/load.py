import pandas as pd
from sklearn.model_selection import train_test_split


def read_campaigns(p) -> pd.DataFrame:
    df = pd.read_csv(p.csv_path, sep=";")
    df[p.target] = (df["y"] == "yes").astype(int)
    return df.drop(columns=["y"])


def holdout(df, p):
    return train_test_split(df, test_size=p.test_fraction, stratify=df[p.target], random_state=p.seed)
