import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler


def build_segmenter(cfg, seed):
    """log1p on the heavy-tailed columns -> standardise -> k-means."""
    seg = cfg["segmentation"]
    cols = seg["cols"]
    log_idx = [cols.index(c) for c in seg["log_cols"]]
    raw_idx = [i for i in range(len(cols)) if i not in log_idx]
    prep = ColumnTransformer([
        ("log", FunctionTransformer(np.log1p), log_idx),
        ("raw", "passthrough", raw_idx),
    ])
    return Pipeline([
        ("prep", prep),
        ("scale", StandardScaler()),
        ("km", KMeans(n_clusters=seg["n_clusters"], n_init=20, random_state=seed)),
    ])


def add_segment(df: pd.DataFrame, segmenter, cols) -> pd.DataFrame:
    out = df.copy()
    out["segment"] = segmenter.predict(df[cols].values)
    return out


def segment_dummies(df: pd.DataFrame, n_clusters: int) -> pd.DataFrame:
    d = pd.get_dummies(pd.Categorical(df["segment"], categories=range(n_clusters)), prefix="seg", dtype=int)
    d.index = df.index
    return d
