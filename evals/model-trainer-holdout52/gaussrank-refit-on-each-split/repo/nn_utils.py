"""Shared helpers for the tabular MLP experiments."""
import os
import random

import numpy as np
import tensorflow as tf
from sklearn.preprocessing import QuantileTransformer


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    os.environ["TF_DETERMINISTIC_OPS"] = "1"
    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)


def gauss_rank(frames, n_quantiles=1000, seed=0):
    """GaussRank scaling: map every column to a normal distribution by rank."""
    scaled = []
    for frame in frames:
        qt = QuantileTransformer(
            n_quantiles=n_quantiles, output_distribution="normal", random_state=seed
        )
        scaled.append(qt.fit_transform(frame).astype("float32"))
    return scaled


def build_mlp(n_features, hidden, dropout, lr):
    inputs = tf.keras.Input(shape=(n_features,))
    x = inputs
    for units in hidden:
        x = tf.keras.layers.Dense(units, activation="swish")(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.Dropout(dropout)(x)
    outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inputs, outputs)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(learning_rate=lr),
        loss="mse",
        metrics=[tf.keras.metrics.RootMeanSquaredError(name="rmse")],
    )
    return model
