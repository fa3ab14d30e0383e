import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import GroupShuffleSplit

PATTERNS = ["Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random", "Scratch", "none"]


def load_wafers(path):
    df = pd.read_pickle(path)
    df["pattern"] = df["failureType"].apply(lambda v: v[0][0] if len(v) > 0 else None)
    df = df.dropna(subset=["pattern"]).reset_index(drop=True)
    df["y"] = df["pattern"].map(PATTERNS.index)
    return df


def maps_to_array(maps, size):
    out = np.zeros((len(maps), size, size, 1), dtype=np.float32)
    for i, m in enumerate(maps):
        t = tf.image.resize(m[..., None].astype(np.float32), (size, size), method="nearest")
        out[i] = t.numpy() / 2.0  # die states 0/1/2 -> 0/0.5/1
    return out


def lot_split(df, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df["lotName"]))
    return df.iloc[a].reset_index(drop=True), df.iloc[b].reset_index(drop=True)
