import argparse
import json

import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

from features import NUM_COLS, engineer, fit_scaler, to_inputs


def build_model(n_store, n_sku, n_num):
    num_in = keras.Input(shape=(n_num,), name="num")
    store_in = keras.Input(shape=(), dtype="int32", name="store")
    sku_in = keras.Input(shape=(), dtype="int32", name="sku")
    s = keras.layers.Embedding(n_store, 8)(store_in)
    k = keras.layers.Embedding(n_sku, 16)(sku_in)
    x = keras.layers.Concatenate()([num_in, s, k])
    x = keras.layers.Dense(128, activation="relu")(x)
    x = keras.layers.Dropout(0.2)(x)
    x = keras.layers.Dense(64, activation="relu")(x)
    out = keras.layers.Dense(1)(x)
    return keras.Model([num_in, store_in, sku_in], out)


def main(a):
    tf.keras.utils.set_random_seed(a.seed)
    panel = pd.read_parquet(a.panel)
    panel["week_start"] = pd.to_datetime(panel["week_start"])
    panel = engineer(panel)
    scaler = fit_scaler(panel)

    train = panel[panel["week_start"] < a.val_start]
    val = panel[(panel["week_start"] >= a.val_start) & (panel["week_start"] < a.test_start)]
    test = panel[panel["week_start"] >= a.test_start]

    model = build_model(panel["store_idx"].max() + 1, panel["sku_idx"].max() + 1, len(NUM_COLS))
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])
    model.fit(
        to_inputs(train, scaler), train["log_units"].to_numpy(),
        validation_data=(to_inputs(val, scaler), val["log_units"].to_numpy()),
        epochs=40, batch_size=2048,
        callbacks=[keras.callbacks.EarlyStopping(patience=4, restore_best_weights=True)],
        verbose=2,
    )

    pred = np.expm1(model.predict(to_inputs(test, scaler), batch_size=8192).ravel())
    wape = float(np.abs(test["units_sold"] - pred).sum() / test["units_sold"].sum())
    print(f"test WAPE {wape:.3f}")

    model.save(a.out)
    json.dump({"test_wape": wape, "val_start": a.val_start, "test_start": a.test_start},
              open(a.out.replace(".keras", "_metrics.json"), "w"))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--panel", default="data/otc_store_sku_weekly.parquet")
    p.add_argument("--val-start", default="2023-09-04")
    p.add_argument("--test-start", default="2024-01-01")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", default="models/otc_price_response.keras")
    main(p.parse_args())
