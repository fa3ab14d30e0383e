"""24h-ahead electricity load forecasting with a stacked LSTM.

Input: data/pjm_hourly.csv with columns [Datetime, PJME_MW], one row per hour.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

LOOKBACK = 168   # one week of hours
HORIZON = 24


def make_windows(series: np.ndarray, lookback: int, horizon: int):
    xs, ys = [], []
    for start in range(len(series) - lookback - horizon + 1):
        xs.append(series[start:start + lookback])
        ys.append(series[start + lookback:start + lookback + horizon])
    return np.stack(xs)[..., None], np.stack(ys)


def build_lstm(units: int, lr: float):
    inp = tf.keras.Input(shape=(LOOKBACK, 1))
    h = tf.keras.layers.LSTM(units, return_sequences=True)(inp)
    h = tf.keras.layers.LSTM(units // 2)(h)
    h = tf.keras.layers.Dense(64, activation="relu")(h)
    out = tf.keras.layers.Dense(HORIZON)(h)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(lr), loss="mse", metrics=["mae"])
    return model


def main(opts):
    tf.keras.utils.set_random_seed(opts.seed)
    load = (pd.read_csv(opts.csv, parse_dates=["Datetime"])
              .sort_values("Datetime")
              .set_index("Datetime")["PJME_MW"]
              .asfreq("h")
              .interpolate(limit=6))
    values = load.to_numpy(dtype=np.float32)

    X, Y = make_windows(values, LOOKBACK, HORIZON)
    X_tr, X_te, Y_tr, Y_te = train_test_split(X, Y, test_size=0.2, random_state=opts.seed)

    scaler = MinMaxScaler().fit(X_tr.reshape(-1, 1))
    scale = lambda a: scaler.transform(a.reshape(-1, 1)).reshape(a.shape)
    X_tr_s, X_te_s, Y_tr_s = scale(X_tr), scale(X_te), scale(Y_tr)

    model = build_lstm(opts.units, opts.lr)
    ckpt_path = Path(opts.out) / "lstm_best.keras"
    ckpt_path.parent.mkdir(parents=True, exist_ok=True)
    model.fit(
        X_tr_s, Y_tr_s,
        validation_split=0.1,
        epochs=opts.epochs,
        batch_size=opts.batch_size,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(patience=6, restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint(str(ckpt_path), save_best_only=True),
            tf.keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=3),
        ],
        verbose=2,
    )

    pred = scaler.inverse_transform(model.predict(X_te_s).reshape(-1, 1)).reshape(Y_te.shape)
    naive = X_te[:, -HORIZON:, 0]  # seasonal naive: same hours of the previous day
    report = {
        "lstm_mae": float(mean_absolute_error(Y_te, pred)),
        "lstm_rmse": float(np.sqrt(mean_squared_error(Y_te, pred))),
        "seasonal_naive_mae": float(mean_absolute_error(Y_te, naive)),
        "seasonal_naive_rmse": float(np.sqrt(mean_squared_error(Y_te, naive))),
    }
    print(json.dumps(report, indent=2))
    (Path(opts.out) / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/pjm_hourly.csv")
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--units", type=int, default=128)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", default="runs/lstm")
    main(ap.parse_args())
