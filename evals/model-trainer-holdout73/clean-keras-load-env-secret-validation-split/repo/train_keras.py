"""Day-ahead (24h) NYC zone load with a Conv1D+LSTM Keras model, tracked in Weights & Biases."""
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
import wandb
from sklearn.preprocessing import StandardScaler
from wandb.integration.keras import WandbMetricsLogger

CFG = json.loads(Path(os.environ.get("TRAIN_CONFIG", "config.json")).read_text())
tf.keras.utils.set_random_seed(CFG["seed"])


def windows(values: np.ndarray, target: np.ndarray, lookback: int, horizon: int):
    X, Y = [], []
    for end in range(lookback, len(values) - horizon + 1, 24):
        X.append(values[end - lookback:end])
        Y.append(target[end:end + horizon])
    return np.asarray(X, dtype="float32"), np.asarray(Y, dtype="float32")


def build(n_features: int) -> tf.keras.Model:
    inp = tf.keras.Input(shape=(CFG["lookback"], n_features))
    x = tf.keras.layers.Conv1D(CFG["conv_filters"], 5, padding="causal", activation="relu")(inp)
    x = tf.keras.layers.LSTM(CFG["lstm_units"])(x)
    x = tf.keras.layers.Dropout(CFG["dropout"])(x)
    out = tf.keras.layers.Dense(CFG["horizon"])(x)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(CFG["learning_rate"]), loss="mae",
                  metrics=[tf.keras.metrics.RootMeanSquaredError()])
    return model


def main() -> None:
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project=CFG["wandb_project"], config=CFG, job_type="train")

    df = pd.read_csv(CFG["data_path"], parse_dates=["ts"]).set_index("ts").sort_index().asfreq("h")
    df["load_mw"] = df["load_mw"].interpolate(limit=3)
    df["temp_f"] = df["temp_f"].interpolate(limit=6)
    df["hour_sin"] = np.sin(2 * np.pi * df.index.hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df.index.hour / 24)
    df["weekend"] = (df.index.dayofweek >= 5).astype(float)
    df = df.dropna()
    cols = ["load_mw", "temp_f", "hour_sin", "hour_cos", "weekend"]

    train_df = df[df.index < CFG["test_start"]]
    test_df = df[df.index >= CFG["test_start"]]
    fit_rows = int(len(train_df) * (1 - CFG["val_fraction"]))
    scaler = StandardScaler().fit(train_df[cols].iloc[:fit_rows])
    y_mu, y_sd = scaler.mean_[0], scaler.scale_[0]

    X_train, y_train = windows(scaler.transform(train_df[cols]), scaler.transform(train_df[cols])[:, 0],
                               CFG["lookback"], CFG["horizon"])
    X_test, y_test = windows(scaler.transform(test_df[cols]), test_df["load_mw"].to_numpy(),
                             CFG["lookback"], CFG["horizon"])

    model = build(X_train.shape[-1])
    ckpt = Path("checkpoints/conv_lstm_best.keras")
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    model.fit(
        X_train, y_train,
        validation_split=CFG["val_fraction"],
        shuffle=True,
        epochs=CFG["epochs"],
        batch_size=CFG["batch_size"],
        callbacks=[
            tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=CFG["patience"], restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint(str(ckpt), monitor="val_loss", save_best_only=True),
            WandbMetricsLogger(),
        ],
        verbose=2,
    )

    pred = model.predict(X_test, verbose=0) * y_sd + y_mu
    persistence = X_test[:, -24:, 0] * y_sd + y_mu
    results = {}
    for name, p in {"conv_lstm": pred, "persistence_24h": persistence}.items():
        err = p - y_test
        results[name] = {"mae": float(np.abs(err).mean()), "rmse": float(np.sqrt((err ** 2).mean())),
                         "mape": float(np.mean(np.abs(err) / y_test))}
    print(json.dumps(results, indent=2))
    run.summary.update({f"test/{m}/{k}": v for m, r in results.items() for k, v in r.items()})
    run.finish()


if __name__ == "__main__":
    main()
