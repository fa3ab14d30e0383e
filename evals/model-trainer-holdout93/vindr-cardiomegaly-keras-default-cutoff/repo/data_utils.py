import os
import random

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split


def set_seeds(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)


def load_labels(csv_path: str) -> pd.DataFrame:
    df = pd.read_csv(csv_path)
    # radiologist labels are aggregated per image: positive if any reader marked cardiomegaly
    return df.groupby("image_id", as_index=False)["Cardiomegaly"].max().rename(columns={"Cardiomegaly": "label"})


def split_frame(df: pd.DataFrame, test_size: float, val_size: float, seed: int):
    dev, test = train_test_split(df, test_size=test_size, random_state=seed)
    train, val = train_test_split(dev, test_size=val_size / (1 - test_size), random_state=seed)
    return train.reset_index(drop=True), val.reset_index(drop=True), test.reset_index(drop=True)


def make_dataset(df: pd.DataFrame, image_dir: str, size: int, batch: int, training: bool) -> tf.data.Dataset:
    paths = [os.path.join(image_dir, f"{i}.png") for i in df["image_id"]]
    ds = tf.data.Dataset.from_tensor_slices((paths, df["label"].astype("float32").values))

    def _load(path, label):
        img = tf.io.decode_png(tf.io.read_file(path), channels=3)
        img = tf.image.resize(img, (size, size))
        img = tf.keras.applications.densenet.preprocess_input(img)
        return img, label

    if training:
        ds = ds.shuffle(len(paths), reshuffle_each_iteration=True)
    ds = ds.map(_load, num_parallel_calls=tf.data.AUTOTUNE)
    if training:
        ds = ds.map(lambda x, y: (tf.image.random_brightness(x, 0.1), y), num_parallel_calls=tf.data.AUTOTUNE)
    return ds.batch(batch).prefetch(tf.data.AUTOTUNE)
