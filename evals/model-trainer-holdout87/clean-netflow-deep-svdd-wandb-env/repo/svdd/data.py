import numpy as np
import pandas as pd

DROP = ["Flow ID", "Source IP", "Destination IP", "Source Port", "Timestamp", "Label"]


def load_flows(path):
    df = pd.read_parquet(path)
    df.columns = [c.strip() for c in df.columns]
    df["Timestamp"] = pd.to_datetime(df["Timestamp"])
    df = df.sort_values("Timestamp").reset_index(drop=True)
    df = df.replace([np.inf, -np.inf], np.nan).dropna()
    return df


def to_xy(df, feature_cols):
    X = np.log1p(df[feature_cols].clip(lower=0).to_numpy(np.float64))
    y = (df["Label"].str.upper() != "BENIGN").astype(int).to_numpy()
    return X, y


def numeric_features(df):
    return [c for c in df.select_dtypes("number").columns if c not in DROP]
