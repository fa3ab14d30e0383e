import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split


def load_survey(cfg) -> pd.DataFrame:
    df = pd.read_csv(cfg["csv"])
    df["arrival_delay_min"] = df["arrival_delay_min"].fillna(df["departure_delay_min"])
    df[cfg["label"]] = (df["satisfaction"] == "satisfied").astype("int32")
    return df


def split(df: pd.DataFrame, cfg):
    y = df[cfg["label"]]
    dev, test = train_test_split(df, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"])
    train, val = train_test_split(
        dev, test_size=cfg["val_size"] / (1 - cfg["test_size"]), stratify=dev[cfg["label"]], random_state=cfg["seed"]
    )
    return train, val, test


def to_inputs(df: pd.DataFrame, cfg) -> dict:
    inputs = {"numeric": df[cfg["numeric"]].to_numpy("float32")}
    for c in cfg["categorical"]:
        inputs[c] = df[c].astype(str).to_numpy()
    return inputs


def as_dataset(df, cfg, shuffle: bool):
    ds = tf.data.Dataset.from_tensor_slices((to_inputs(df, cfg), df[cfg["label"]].to_numpy()))
    if shuffle:
        ds = ds.shuffle(len(df), seed=cfg["seed"])
    return ds.batch(cfg["train"]["batch_size"]).prefetch(tf.data.AUTOTUNE)
