import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler

NUMERIC = ["living_area", "lot_area", "year_built", "year_remod", "bedrooms",
           "bathrooms", "garage_cars", "overall_quality", "overall_condition"]
CATEGORICAL = ["neighborhood", "building_type", "house_style", "exterior"]
TARGET = "sale_price"


def standardize(frame: pd.DataFrame, cols) -> pd.DataFrame:
    scaler = StandardScaler()
    out = frame.copy()
    out[cols] = scaler.fit_transform(out[cols])
    return out


def build_vocab(frame: pd.DataFrame, cols):
    """Category -> index maps from the training frame; index 0 is reserved for unseen values."""
    return {c: {v: i + 1 for i, v in enumerate(sorted(frame[c].dropna().unique()))} for c in cols}


def to_tensors(frame: pd.DataFrame, vocab):
    num = torch.tensor(frame[NUMERIC].to_numpy(np.float32))
    cat = torch.stack([torch.tensor(frame[c].map(vocab[c]).fillna(0).astype(int).to_numpy())
                       for c in CATEGORICAL], dim=1)
    y = torch.tensor(np.log1p(frame[TARGET].to_numpy(np.float32)))
    return num, cat, y
