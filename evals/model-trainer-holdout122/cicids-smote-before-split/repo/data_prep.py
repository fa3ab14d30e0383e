"""Loading + cleaning for CIC-IDS2017 MachineLearningCVE flow CSVs."""
import os

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE


def load_flows(cfg):
    frames = []
    for name in cfg["data"]["files"]:
        path = os.path.join(cfg["data"]["csv_dir"], name)
        part = pd.read_csv(path, low_memory=False)
        part.columns = part.columns.str.strip()  # CICFlowMeter headers have leading spaces
        frames.append(part)
    df = pd.concat(frames, ignore_index=True)
    return df


def clean_flows(df, cfg):
    df = df.drop(columns=[c for c in cfg["data"]["drop_cols"] if c in df.columns])
    # Flow Bytes/s and Flow Packets/s contain inf when Flow Duration == 0
    df = df.replace([np.inf, -np.inf], np.nan).dropna()
    df = df.drop_duplicates()
    label_col = cfg["data"]["label_col"]
    counts = df[label_col].value_counts()
    keep = counts[counts >= cfg["data"]["min_class_count"]].index
    df = df[df[label_col].isin(keep)].reset_index(drop=True)
    return df


def rebalance(X, y, cfg):
    if not cfg["balance"]["enabled"]:
        return X, y
    sm = SMOTE(k_neighbors=cfg["balance"]["k_neighbors"], random_state=cfg["seed"])
    X_res, y_res = sm.fit_resample(X, y)
    return X_res, y_res


def prepare_dataset(cfg):
    df = clean_flows(load_flows(cfg), cfg)
    label_col = cfg["data"]["label_col"]
    y = df[label_col].astype(str)
    X = df.drop(columns=[label_col]).astype(np.float32)
    X, y = rebalance(X, y, cfg)
    return X, y
