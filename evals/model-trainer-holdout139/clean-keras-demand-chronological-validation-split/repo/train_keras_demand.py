"""Keras demand model for the fuel-station convenience-store dynamic pricing pilot.

Store x SKU x week rows; target log1p(units). Test period = everything from --test-from.
"""
import argparse

import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

NUM = ["log_price", "log_price_vs_ref", "log_comp_price_gap", "promo_flag", "fuel_price_idx",
       "traffic_idx", "temp_c_avg", "is_holiday", "log_units_lag_1", "log_units_lag_52"]


def load(path):
    df = pd.read_parquet(path)
    df["week_start"] = pd.to_datetime(df["week_start"])
    df = df.sort_values(["week_start", "store_idx", "sku_idx"]).reset_index(drop=True)
    df["y"] = np.log1p(df["units_sold"])
    return df


def build(n_store, n_sku, norm):
    num = keras.Input(shape=(len(NUM),), name="num")
    store = keras.Input(shape=(1,), dtype="int32", name="store")
    sku = keras.Input(shape=(1,), dtype="int32", name="sku")
    x = norm(num)
    e1 = keras.layers.Flatten()(keras.layers.Embedding(n_store, 6)(store))
    e2 = keras.layers.Flatten()(keras.layers.Embedding(n_sku, 12)(sku))
    h = keras.layers.Concatenate()([x, e1, e2])
    h = keras.layers.Dense(128, activation="relu")(h)
    h = keras.layers.Dropout(0.2)(h)
    h = keras.layers.Dense(64, activation="relu")(h)
    h = keras.layers.Dropout(0.1)(h)
    out = keras.layers.Dense(1)(h)
    return keras.Model({"num": num, "store": store, "sku": sku}, out)


def inputs(d):
    return {"num": d[NUM].fillna(0).to_numpy("float32"),
            "store": d["store_idx"].to_numpy("int32"), "sku": d["sku_idx"].to_numpy("int32")}


def main(a):
    tf.keras.utils.set_random_seed(a.seed)
    df = load(a.panel)
    train = df[df["week_start"] < a.test_from]
    test = df[df["week_start"] >= a.test_from]

    norm = keras.layers.Normalization()
    norm.adapt(train[NUM].fillna(0).to_numpy("float32"))

    model = build(int(df["store_idx"].max()) + 1, int(df["sku_idx"].max()) + 1, norm)
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss="mse", metrics=["mae"])
    model.fit(
        inputs(train), train["y"].to_numpy("float32"),
        validation_split=0.1, shuffle=True,
        epochs=50, batch_size=1024,
        callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)],
        verbose=2,
    )

    pred_units = np.expm1(model.predict(inputs(test), batch_size=8192).ravel()).clip(min=0)
    wape = np.abs(test["units_sold"] - pred_units).sum() / test["units_sold"].sum()
    print(f"test WAPE ({a.test_from} onward): {wape:.3f}")
    model.save(a.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--panel", default="data/cstore_sku_weekly.parquet")
    ap.add_argument("--test-from", default="2024-03-04")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--out", default="models/cstore_demand.keras")
    main(ap.parse_args())
