import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


def load(cfg):
    df = pd.read_csv(cfg["data_path"])
    df = df[df["Landsize"] < 50_000]  # a handful of rural parcels with farmland areas
    df["Landsize"] = np.log1p(df["Landsize"])
    return df


def split_data(df, cfg):
    X = df[cfg["numeric"] + cfg["categorical"]]
    y = np.log(df[cfg["target"]])
    return train_test_split(X, y, test_size=cfg["test_size"])
