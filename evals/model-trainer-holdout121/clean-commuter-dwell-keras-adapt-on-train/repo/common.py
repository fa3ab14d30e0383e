import json

import numpy as np
import pandas as pd
import tensorflow as tf


def load_config(path="config.json"):
    with open(path) as f:
        return json.load(f)


def set_seeds(seed):
    tf.keras.utils.set_random_seed(seed)  # python, numpy and tf in one call
    tf.config.experimental.enable_op_determinism()


def load_events(cfg):
    df = pd.read_parquet(cfg["data_path"])
    df["arrived_at"] = pd.to_datetime(df["arrived_at"])
    hour = df["arrived_at"].dt.hour + df["arrived_at"].dt.minute / 60
    df["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    df["is_peak"] = hour.between(6.5, 9.5) | hour.between(16, 19)
    df["is_peak"] = df["is_peak"].astype("float32")
    for c in cfg["categorical"]:
        df[c] = df[c].astype(str)
    return df.sort_values("arrived_at").reset_index(drop=True)


def to_inputs(df, cfg):
    x = {c: df[c].to_numpy()[:, None] for c in cfg["categorical"]}
    x["numeric"] = df[cfg["numeric"]].to_numpy(dtype="float32")
    return x
