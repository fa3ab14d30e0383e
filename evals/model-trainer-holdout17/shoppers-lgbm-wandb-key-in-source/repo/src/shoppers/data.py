import pandas as pd
from sklearn.model_selection import train_test_split

TARGET = "Revenue"
CATEGORICAL = ["Month", "VisitorType", "OperatingSystems", "Browser", "Region", "TrafficType"]


def load(path):
    df = pd.read_csv(path)
    df[TARGET] = df[TARGET].astype(int)
    df["Weekend"] = df["Weekend"].astype(int)
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    df["pages_total"] = df["Administrative"] + df["Informational"] + df["ProductRelated"]
    df["product_share"] = df["ProductRelated"] / df["pages_total"].clip(lower=1)
    return df


def three_way_split(df, seed, test_size=0.2, valid_size=0.15):
    rest, test = train_test_split(df, test_size=test_size, stratify=df[TARGET], random_state=seed)
    train, valid = train_test_split(rest, test_size=valid_size, stratify=rest[TARGET], random_state=seed)
    return train, valid, test
