"""Heating-load regression for building designs with a small Keras network."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers


def get_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--csv", type=Path, default=Path("data/energy_efficiency.csv"))
    p.add_argument("--outdir", type=Path, default=Path("out"))
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--epochs", type=int, default=500)
    p.add_argument("--lr", type=float, default=2e-3)
    return p.parse_args()


def regression_metrics(y_true, y_pred):
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main():
    args = get_args()
    keras.utils.set_random_seed(args.seed)
    args.outdir.mkdir(parents=True, exist_ok=True)

    frame = pd.read_csv(args.csv)
    X = frame[["compactness", "surface_area", "wall_area", "roof_area", "height",
               "orientation", "glazing_area", "glazing_distribution"]].to_numpy("float32")
    y = frame["heating_load"].to_numpy("float32")

    norm = layers.Normalization(axis=-1, name="standardize")
    norm.adapt(X)

    x_fit, x_rest, y_fit, y_rest = train_test_split(X, y, test_size=0.3, random_state=args.seed)
    x_val, x_test, y_val, y_test = train_test_split(x_rest, y_rest, test_size=0.5, random_state=args.seed)

    model = keras.Sequential([
        keras.Input(shape=(X.shape[1],)),
        norm,
        layers.Dense(64, activation="relu"),
        layers.Dense(64, activation="relu"),
        layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(args.lr), loss="mse", metrics=["mae"])
    model.fit(
        x_fit, y_fit,
        validation_data=(x_val, y_val),
        epochs=args.epochs,
        batch_size=32,
        verbose=0,
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_loss", patience=30, restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(str(args.outdir / "heating.keras"), save_best_only=True),
        ],
    )

    results = {
        "mlp": regression_metrics(y_test, model.predict(x_test, verbose=0).ravel()),
        "mean_baseline": regression_metrics(y_test, np.full_like(y_test, y_fit.mean())),
    }
    (args.outdir / "metrics.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
