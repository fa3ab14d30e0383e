"""Pilot home net load (consumption - PV export) at 15-min resolution, 6 h ahead.

Windows are generated lazily with keras.utils.timeseries_dataset_from_array; the three splits are index
ranges over one array, bounded so that no training target falls inside the validation/test periods.
"""
import argparse

import numpy as np
import pandas as pd
import tensorflow as tf
from numpy.lib.stride_tricks import sliding_window_view

SEED = 21
LOOKBACK = 96   # 24 h
HORIZON = 24    # 6 h
BATCH = 128
FEATURES = ["net_kw", "pv_kw", "t_out", "tod_sin", "tod_cos", "weekend"]


def load_home(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["ts"], index_col="ts").sort_index().asfreq("15min")
    df["net_kw"] = df["import_kw"] - df["export_kw"]
    tod = df.index.hour * 4 + df.index.minute // 15
    df["tod_sin"] = np.sin(2 * np.pi * tod / 96)
    df["tod_cos"] = np.cos(2 * np.pi * tod / 96)
    df["weekend"] = (df.index.dayofweek >= 5).astype("float32")
    return df[FEATURES].interpolate(limit=4).dropna()


def make_dataset(features, target, start, end, shuffle):
    y = sliding_window_view(target, HORIZON)[LOOKBACK:]
    x = features[: len(y) + LOOKBACK - 1]
    return tf.keras.utils.timeseries_dataset_from_array(
        x, y, sequence_length=LOOKBACK, batch_size=BATCH,
        shuffle=shuffle, seed=SEED, start_index=start, end_index=end,
    )


def build_model(norm: tf.keras.layers.Normalization) -> tf.keras.Model:
    inp = tf.keras.Input(shape=(LOOKBACK, len(FEATURES)))
    x = norm(inp)
    x = tf.keras.layers.Conv1D(32, 4, strides=2, activation="relu")(x)
    x = tf.keras.layers.LSTM(64)(x)
    x = tf.keras.layers.Dropout(0.2)(x)
    out = tf.keras.layers.Dense(HORIZON)(x)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss=tf.keras.losses.Huber(delta=1.0), metrics=["mae"])
    return model


def evaluate(model, ds):
    preds, persist, daily, trues = [], [], [], []
    for xb, yb in ds:
        preds.append(model(xb, training=False).numpy())
        persist.append(np.repeat(xb[:, -1:, 0].numpy(), HORIZON, axis=1))
        daily.append(xb[:, :HORIZON, 0].numpy())  # same quarter-hours 24 h earlier
        trues.append(yb.numpy())
    y = np.concatenate(trues)
    out = {}
    for name, p in [("conv_lstm", preds), ("persistence", persist), ("daily_naive", daily)]:
        err = np.concatenate(p) - y
        out[name] = {"MAE_kW": float(np.abs(err).mean()), "RMSE_kW": float(np.sqrt((err ** 2).mean()))}
    return out


def main(path: str) -> None:
    tf.keras.utils.set_random_seed(SEED)
    df = load_home(path)
    features = df.to_numpy("float32")
    target = df["net_kw"].to_numpy("float32")
    n = len(df)
    n_train, n_val = int(n * 0.7), int(n * 0.85)

    train_ds = make_dataset(features, target, 0, n_train - HORIZON, shuffle=True)
    val_ds = make_dataset(features, target, n_train - LOOKBACK, n_val - HORIZON, shuffle=False)
    test_ds = make_dataset(features, target, n_val - LOOKBACK, None, shuffle=False)

    norm = tf.keras.layers.Normalization(axis=-1)
    norm.adapt(features[:n_train])
    model = build_model(norm)
    model.fit(
        train_ds,
        validation_data=val_ds,
        epochs=80,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=7, restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint("checkpoints/netload.keras", monitor="val_loss", save_best_only=True),
        ],
        verbose=2,
    )
    for name, scores in evaluate(model, test_ds).items():
        print(f"{name:12s} " + "  ".join(f"{k}={v:.3f}" for k, v in scores.items()))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/pilot_home_07.csv")
    main(ap.parse_args().data)
