"""Heat-pump electricity forecast (next 24 h) for the demand-response scheduler.

Stage 1 estimates generalisation on a held-out final quarter; stage 2 retrains on all history
with the epoch count found in stage 1 and exports the production model.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.preprocessing import StandardScaler

SEED = 8
LOOKBACK, HORIZON = 72, 24
FEATURES = ["hp_kwh", "t_out", "t_flow_set", "dhw_demand_flag", "hour_sin", "hour_cos"]
OUT = Path("export")


def load(path="data/hp_cluster_hourly.csv"):
    df = pd.read_csv(path, parse_dates=["ts"], index_col="ts").asfreq("1h")
    df["hp_kwh"] = df["hp_kwh"].interpolate(limit=2)
    df["hour_sin"] = np.sin(2 * np.pi * df.index.hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df.index.hour / 24)
    return df[FEATURES].dropna()


def windows(arr):
    n = len(arr) - LOOKBACK - HORIZON + 1
    X = np.stack([arr[i:i + LOOKBACK] for i in range(n)]).astype("float32")
    y = np.stack([arr[i + LOOKBACK:i + LOOKBACK + HORIZON, 0] for i in range(n)]).astype("float32")
    return X, y


def build():
    model = tf.keras.Sequential([
        tf.keras.layers.Input(shape=(LOOKBACK, len(FEATURES))),
        tf.keras.layers.Conv1D(32, 5, padding="causal", activation="relu"),
        tf.keras.layers.LSTM(64),
        tf.keras.layers.Dropout(0.2),
        tf.keras.layers.Dense(HORIZON),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])
    return model


def kwh_metrics(y, p):
    return {"MAE": float(np.abs(p - y).mean()), "RMSE": float(np.sqrt(((p - y) ** 2).mean())),
            "peak_hour_MAE": float(np.abs(p.max(1) - y.max(1)).mean())}


def stage1_holdout(df):
    n = len(df)
    i_val, i_test = int(n * 0.65), int(n * 0.8)
    scaler = StandardScaler().fit(df.iloc[:i_val])
    arr = scaler.transform(df)
    X_tr, y_tr = windows(arr[:i_val])
    X_va, y_va = windows(arr[i_val - LOOKBACK:i_test])
    X_te, y_te = windows(arr[i_test - LOOKBACK:])

    model = build()
    hist = model.fit(
        X_tr, y_tr, validation_data=(X_va, y_va), epochs=150, batch_size=64, verbose=2,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint(str(OUT / "stage1_best.keras"), monitor="val_loss", save_best_only=True),
        ],
    )
    best_epoch = int(np.argmin(hist.history["val_loss"])) + 1

    mu, sd = scaler.mean_[0], scaler.scale_[0]
    y_true = y_te * sd + mu
    report = {
        "model": kwh_metrics(y_true, model.predict(X_te, verbose=0) * sd + mu),
        "yesterday": kwh_metrics(y_true, X_te[:, -24:, 0] * sd + mu),
        "best_epoch": best_epoch,
    }
    return report


def stage2_production(df, epochs):
    scaler = StandardScaler().fit(df)
    X, y = windows(scaler.transform(df))
    model = build()
    model.fit(X, y, epochs=epochs, batch_size=64, verbose=2)
    model.save(OUT / "hp_forecaster.keras")
    joblib.dump(scaler, OUT / "hp_scaler.joblib")


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    tf.keras.utils.set_random_seed(SEED)
    data = load()
    report = stage1_holdout(data)
    print(json.dumps(report, indent=2))
    (OUT / "holdout_report.json").write_text(json.dumps(report, indent=2))
    tf.keras.utils.set_random_seed(SEED)
    stage2_production(data, epochs=report["best_epoch"])
