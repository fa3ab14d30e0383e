import numpy as np
import pandas as pd
import tensorflow as tf


def build_preprocessing(train_df: pd.DataFrame, cat_cols, num_cols):
    """StringLookup per categorical + one Normalization over numerics, adapted on training rows."""
    lookups = {}
    for c in cat_cols:
        lk = tf.keras.layers.StringLookup(num_oov_indices=1, name=f"lookup_{c}")
        lk.adapt(train_df[c].astype(str).values)
        lookups[c] = lk
    norm = tf.keras.layers.Normalization(name="num_norm")
    norm.adapt(train_df[num_cols].values.astype("float32"))
    return lookups, norm


def to_dataset(df: pd.DataFrame, cat_cols, num_cols, target, batch_size, shuffle, seed):
    feats = {c: df[c].astype(str).values for c in cat_cols}
    feats["numeric"] = df[num_cols].values.astype("float32")
    ds = tf.data.Dataset.from_tensor_slices((feats, df[target].values.astype("float32")))
    if shuffle:
        ds = ds.shuffle(len(df), seed=seed)
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)


def positive_rate(y) -> float:
    return float(np.mean(y))
