"""City-gate natural gas send-out: 24 h ahead hourly forecast with a GRU."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 17
LOOKBACK, HORIZON = 96, 24
COLUMNS = ["sendout_mwh", "t_air_c", "wind_ms", "hdd_fc", "is_workday"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["hour_start"], index_col="hour_start").sort_index()
    df = df.asfreq("1h")
    df["sendout_mwh"] = df["sendout_mwh"].interpolate(limit=2)
    df["hdd_fc"] = (15.5 - df["t_air_fc_c"]).clip(lower=0)
    df["is_workday"] = ((df.index.dayofweek < 5) & (df["holiday"] == 0)).astype(float)
    return df[COLUMNS].dropna()


def make_windows(arr: np.ndarray):
    idx = range(LOOKBACK, len(arr) - HORIZON + 1)
    X = np.stack([arr[i - LOOKBACK:i] for i in idx]).astype("float32")
    y = np.stack([arr[i:i + HORIZON, 0] for i in idx]).astype("float32")
    return X, y


def build_model(n_features: int) -> tf.keras.Model:
    model = tf.keras.Sequential([
        tf.keras.layers.Input(shape=(LOOKBACK, n_features)),
        tf.keras.layers.GRU(96, return_sequences=True, dropout=0.1),
        tf.keras.layers.GRU(48, dropout=0.1),
        tf.keras.layers.Dense(64, activation="relu"),
        tf.keras.layers.Dense(HORIZON),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])
    return model


def metrics(y_true, y_pred):
    err = y_pred - y_true
    return {"MAE": float(np.abs(err).mean()), "RMSE": float(np.sqrt((err ** 2).mean())),
            "MAPE": float(np.mean(np.abs(err) / np.clip(np.abs(y_true), 1.0, None)) * 100)}


def main(data_path: str, out_dir: Path):
    tf.keras.utils.set_random_seed(SEED)
    out_dir.mkdir(parents=True, exist_ok=True)
    X, y = make_windows(load(data_path).to_numpy())

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.15, shuffle=False)
    X_train, X_val, y_train, y_val = train_test_split(X_train, y_train, test_size=0.15, shuffle=False)
    # drop the first HORIZON windows after each cut so no target hour is shared across splits
    X_val, y_val = X_val[HORIZON:], y_val[HORIZON:]
    X_test, y_test = X_test[HORIZON:], y_test[HORIZON:]

    n_feat = X.shape[-1]
    x_scaler = StandardScaler().fit(X_train.reshape(-1, n_feat))
    y_scaler = StandardScaler().fit(y_train.reshape(-1, 1))
    sx = lambda a: x_scaler.transform(a.reshape(-1, n_feat)).reshape(a.shape)
    sy = lambda a: y_scaler.transform(a.reshape(-1, 1)).reshape(a.shape)
    inv_y = lambda a: y_scaler.inverse_transform(a.reshape(-1, 1)).reshape(a.shape)

    model = build_model(n_feat)
    history = model.fit(
        sx(X_train), sy(y_train),
        validation_data=(sx(X_val), sy(y_val)),
        epochs=120,
        batch_size=64,
        shuffle=True,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint(str(out_dir / "gru_best.keras"), monitor="val_loss", save_best_only=True),
        ],
        verbose=2,
    )

    y_gru = inv_y(model.predict(sx(X_test), verbose=0))
    y_yesterday = X_test[:, -24:, 0]
    y_flat = np.repeat(X_test[:, -1:, 0], HORIZON, axis=1)
    report = {
        "gru": metrics(y_test, y_gru),
        "same_hour_yesterday": metrics(y_test, y_yesterday),
        "last_value": metrics(y_test, y_flat),
        "epochs_trained": len(history.history["loss"]),
    }
    print(json.dumps(report, indent=2))
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/citygate_hourly.csv")
    ap.add_argument("--out", default="runs/gru")
    args = ap.parse_args()
    main(args.data, Path(args.out))
