"""Load clip-level OpenL3 embeddings and FSD50K multi-hot labels."""
import numpy as np
import pandas as pd


def load_vocabulary(path):
    vocab = pd.read_csv(path, header=None, names=["idx", "label", "mid"])
    return vocab["label"].tolist()


def multi_hot(labels_col, vocab):
    index = {name: i for i, name in enumerate(vocab)}
    Y = np.zeros((len(labels_col), len(vocab)), dtype=np.int8)
    for r, labels in enumerate(labels_col):
        for name in labels.split(","):
            Y[r, index[name]] = 1
    return Y


def load_split(emb_path, gt_path, vocab):
    emb = pd.read_parquet(emb_path)
    gt = pd.read_csv(gt_path)
    df = gt.merge(emb, left_on="fname", right_on="fname", how="inner")
    feat_cols = [c for c in emb.columns if c.startswith("e")]
    X = df[feat_cols].to_numpy(dtype=np.float32)
    Y = multi_hot(df["labels"], vocab)
    return df, X, Y
