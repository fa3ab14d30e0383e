"""ELPV electroluminescence solar-cell images (300x300 grayscale, 2624 cells)."""
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf


def load_elpv(root, labels_file, defect_threshold):
    root = Path(root)
    df = pd.read_csv(root / labels_file, sep=r"\s+", names=["path", "probability", "type"])
    df["path"] = df["path"].map(lambda p: str(root / p))
    df["label"] = (df["probability"] >= defect_threshold).astype(np.int32)
    return df


def _load(path, label, size):
    img = tf.io.decode_png(tf.io.read_file(path), channels=1)
    img = tf.image.resize(img, (size, size))
    img = tf.image.grayscale_to_rgb(img)        # EfficientNet expects 3 channels in [0, 255]
    return img, label


def _augment(img, label):
    img = tf.image.random_flip_left_right(img)
    img = tf.image.random_flip_up_down(img)
    img = tf.image.random_brightness(img, max_delta=12.0)
    return img, label


def make_dataset(df, size, batch_size, training=False, seed=None):
    ds = tf.data.Dataset.from_tensor_slices((df["path"].values, df["label"].values))
    if training:
        ds = ds.shuffle(len(df), seed=seed, reshuffle_each_iteration=True)
    ds = ds.map(lambda p, y: _load(p, y, size), num_parallel_calls=tf.data.AUTOTUNE)
    if training:
        ds = ds.map(_augment, num_parallel_calls=tf.data.AUTOTUNE)
    return ds.batch(batch_size).prefetch(tf.data.AUTOTUNE)
