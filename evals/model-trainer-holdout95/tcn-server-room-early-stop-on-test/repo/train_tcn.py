"""Server-room inlet temperature forecaster: next 30 minutes at 1-minute resolution from the BMS feed."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf

CFG = json.loads(Path("config.json").read_text())
tf.keras.utils.set_random_seed(CFG["seed"])

SENSORS = ["inlet_temp", "outlet_temp", "rack_power_kw", "crac_supply_temp", "fan_speed_pct"]


def load_bms(path):
    df = pd.read_parquet(path)
    df = df.pivot_table(index="ts", columns="point", values="value").sort_index()
    df = df[SENSORS].resample("1min").mean().interpolate(limit=5).dropna()
    return df


def windows(arr, lookback, horizon, target=0, stride=1):
    idx = range(lookback, len(arr) - horizon + 1, stride)
    X = np.stack([arr[i - lookback:i] for i in idx]).astype("float32")
    y = np.stack([arr[i:i + horizon, target] for i in idx]).astype("float32")
    return X, y


def build_tcn(lookback, n_features, horizon, filters, kernel_size, dilations, norm):
    inp = tf.keras.Input(shape=(lookback, n_features))
    x = norm(inp)
    for d in dilations:
        res = x
        x = tf.keras.layers.Conv1D(filters, kernel_size, padding="causal", dilation_rate=d, activation="relu")(x)
        x = tf.keras.layers.SpatialDropout1D(0.1)(x)
        if res.shape[-1] != filters:
            res = tf.keras.layers.Conv1D(filters, 1)(res)
        x = tf.keras.layers.Add()([x, res])
    x = tf.keras.layers.Lambda(lambda t: t[:, -1, :])(x)
    out = tf.keras.layers.Dense(horizon)(x)
    return tf.keras.Model(inp, out)


def main():
    df = load_bms(CFG["data_path"])
    arr = df.to_numpy()
    split = int(len(arr) * 0.8)
    L, H = CFG["lookback"], CFG["horizon"]
    X_train, y_train = windows(arr[:split], L, H, stride=CFG["stride"])
    X_test, y_test = windows(arr[split - L:], L, H, stride=CFG["stride"])
    print(f"train windows {len(X_train)}, test windows {len(X_test)}")

    norm = tf.keras.layers.Normalization(axis=-1)
    norm.adapt(X_train.reshape(-1, X_train.shape[-1]))

    model = build_tcn(L, len(SENSORS), H, CFG["filters"], CFG["kernel_size"], CFG["dilations"], norm)
    model.compile(optimizer=tf.keras.optimizers.Adam(CFG["lr"]), loss="huber", metrics=["mae"])
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=CFG["patience"], restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(CFG["checkpoint"], monitor="val_loss", save_best_only=True,
                                           save_weights_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
    ]
    model.fit(
        X_train, y_train,
        validation_data=(X_test, y_test),
        epochs=CFG["epochs"],
        batch_size=CFG["batch_size"],
        callbacks=callbacks,
        verbose=2,
    )

    pred = model.predict(X_test, batch_size=1024)
    persistence = np.repeat(X_test[:, -1:, 0], H, axis=1)
    for name, p in [("tcn", pred), ("persistence", persistence)]:
        err = p - y_test
        print(
            f"{name:12s} MAE={np.abs(err).mean():.3f}C RMSE={np.sqrt((err ** 2).mean()):.3f}C "
            f"MAE@+30min={np.abs(err[:, -1]).mean():.3f}C"
        )
    model.save(CFG["export_path"])


if __name__ == "__main__":
    main()
