"""Normal-behaviour model for the gearbox bearing temperature of WTG-07.

A sequence model predicts the bearing temperature from the other SCADA channels over
the previous 6 hours; persistent positive residuals are later used as a fault indicator.
"""
import tomllib

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import mean_absolute_error, mean_squared_error

with open("settings.toml", "rb") as fh:
    CFG = tomllib.load(fh)


def make_windows(frame: pd.DataFrame, inputs, target, window):
    x = frame[inputs].to_numpy(dtype="float32")
    y = frame[target].to_numpy(dtype="float32")
    idx = np.arange(window, len(frame))
    X = np.stack([x[i - window : i] for i in idx])
    return X, y[idx], y[idx - 1]


def build_model(n_inputs, cfg, norm):
    inp = tf.keras.Input(shape=(cfg["window"], n_inputs))
    h = norm(inp)
    h = tf.keras.layers.LSTM(cfg["units"], return_sequences=True)(h)
    h = tf.keras.layers.Dropout(cfg["dropout"])(h)
    h = tf.keras.layers.LSTM(cfg["units"] // 2)(h)
    out = tf.keras.layers.Dense(1)(h)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(cfg["learning_rate"]), loss="mse", metrics=["mae"])
    return model


def main():
    dcfg, mcfg = CFG["data"], CFG["model"]
    tf.keras.utils.set_random_seed(mcfg["seed"])

    scada = pd.read_parquet(dcfg["scada_file"]).set_index("timestamp").sort_index()
    scada = scada[(scada["active_power"] > 50) & scada["status_code"].eq(0)]
    scada = scada[dcfg["inputs"] + [dcfg["target"]]].interpolate(limit=3).dropna()

    train_df = scada[scada.index < dcfg["test_start"]]
    test_df = scada[scada.index >= dcfg["test_start"]]
    X_train, y_train, _ = make_windows(train_df, dcfg["inputs"], dcfg["target"], mcfg["window"])
    X_test, y_test, y_test_prev = make_windows(test_df, dcfg["inputs"], dcfg["target"], mcfg["window"])

    norm = tf.keras.layers.Normalization(axis=-1)
    norm.adapt(X_train.reshape(-1, X_train.shape[-1]))
    model = build_model(X_train.shape[-1], mcfg, norm)

    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=mcfg["patience"], restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/nbm_wtg07.keras", monitor="val_loss", save_best_only=True),
    ]
    model.fit(
        X_train,
        y_train,
        validation_data=(X_test, y_test),
        epochs=mcfg["epochs"],
        batch_size=mcfg["batch_size"],
        callbacks=callbacks,
        verbose=2,
    )

    pred = model.predict(X_test, batch_size=1024).ravel()
    print(f"NBM         MAE={mean_absolute_error(y_test, pred):.3f}  RMSE={np.sqrt(mean_squared_error(y_test, pred)):.3f}")
    print(f"persistence MAE={mean_absolute_error(y_test, y_test_prev):.3f}  "
          f"RMSE={np.sqrt(mean_squared_error(y_test, y_test_prev)):.3f}")


if __name__ == "__main__":
    main()
