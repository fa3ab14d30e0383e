import pandas as pd
from sklearn.model_selection import train_test_split

NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
CATEGORICAL = ["species", "island"]


def load(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=["sex"])
    df["is_male"] = (df["sex"].str.lower() == "male").astype(int)
    return df


def split(df, test_size, seed):
    return train_test_split(df[NUMERIC + CATEGORICAL], df["is_male"], test_size=test_size,
                            stratify=df["is_male"], random_state=seed)
