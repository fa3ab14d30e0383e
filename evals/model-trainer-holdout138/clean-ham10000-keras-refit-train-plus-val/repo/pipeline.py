"""Data + model builders for the HAM10000 malignant-vs-benign Keras model."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.model_selection import StratifiedGroupKFold

MALIGNANT = {"mel", "bcc", "akiec"}
IMG = 260
ROOT = "data/HAM10000"


def load_splits(seed):
    df = pd.read_csv(f"{ROOT}/HAM10000_metadata.csv")
    df["y"] = df["dx"].isin(MALIGNANT).astype("int32")
    df["path"] = f"{ROOT}/images/" + df["image_id"] + ".jpg"
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    folds = [idx for _, idx in sgkf.split(df, df["y"], groups=df["lesion_id"])]
    test = df.iloc[folds[0]]
    val = df.iloc[folds[1]]
    train = df.iloc[np.concatenate(folds[2:])]
    return train, val, test


def make_ds(df, training, seed, batch=32):
    def load(path, y):
        img = tf.image.resize(tf.io.decode_jpeg(tf.io.read_file(path), channels=3), (IMG, IMG))
        return img, y

    ds = tf.data.Dataset.from_tensor_slices((df["path"].values, df["y"].values))
    if training:
        ds = ds.shuffle(len(df), seed=seed)
    return ds.map(load, num_parallel_calls=tf.data.AUTOTUNE).batch(batch).prefetch(tf.data.AUTOTUNE)


def build_model(lr=3e-4):
    aug = keras.Sequential([keras.layers.RandomFlip(), keras.layers.RandomRotation(0.5), keras.layers.RandomContrast(0.15)])
    inp = keras.Input((IMG, IMG, 3))
    x = keras.applications.efficientnet.preprocess_input(aug(inp))
    base = keras.applications.EfficientNetB2(include_top=False, weights="imagenet", pooling="avg")
    x = keras.layers.Dropout(0.3)(base(x))
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inp, out)
    model.compile(keras.optimizers.Adam(lr), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.Recall(name="sens")])
    return model


def class_weights(y):
    pos = float(np.mean(y))
    return {0: 0.5 / (1 - pos), 1: 0.5 / pos}
