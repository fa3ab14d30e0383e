"""1-hour-ahead GHI nowcasting at a BSRN station, predicting the clear-sky index k* = GHI / GHI_clear."""
import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pvlib
import tensorflow as tf
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.preprocessing import StandardScaler

LAG_COLS = ["kstar", "temp_air", "rh", "pressure", "wind_speed", "dni_frac"]


def build_frame(cfg):
    df = pd.read_csv(cfg["path"], parse_dates=["time"], index_col="time").sort_index()
    site = pvlib.location.Location(cfg["site_lat"], cfg["site_lon"], altitude=cfg["site_alt_m"], tz="UTC")
    cs = site.get_clearsky(df.index, model="ineichen")
    sp = site.get_solarposition(df.index)
    df["ghi_clear"] = cs["ghi"]
    df["zenith"] = sp["apparent_zenith"]
    df = df[df["zenith"] < 85].copy()
    df["kstar"] = (df["ghi"] / df["ghi_clear"]).clip(0, 1.5)
    df["dni_frac"] = (df["dni"] / cs["dni"].reindex(df.index)).clip(0, 1.5).fillna(0)
    df["cos_zen"] = np.cos(np.deg2rad(df["zenith"]))
    hour = df.index.hour + df.index.minute / 60
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * hour / 24), np.cos(2 * np.pi * hour / 24)
    for lag in (0, 1, 2, 3):
        for c in LAG_COLS:
            df[f"{c}_l{lag}"] = df[c].shift(lag)
    df["target"] = df["kstar"].shift(-cfg["horizon_h"])
    return df.dropna()


def mlp(n_in, mcfg):
    layers = [tf.keras.Input(shape=(n_in,))]
    for u in mcfg["units"]:
        layers += [tf.keras.layers.Dense(u, activation="relu"), tf.keras.layers.Dropout(mcfg["dropout"])]
    layers.append(tf.keras.layers.Dense(1))
    model = tf.keras.Sequential(layers)
    model.compile(optimizer=tf.keras.optimizers.Adam(mcfg["lr"]), loss="mse", metrics=["mae"])
    return model


def main():
    with open("config.toml", "rb") as fh:
        cfg = tomllib.load(fh)
    tf.keras.utils.set_random_seed(cfg["run"]["seed"])
    out = Path(cfg["run"]["out_dir"]); out.mkdir(parents=True, exist_ok=True)

    df = build_frame(cfg["data"])
    feats = [c for c in df.columns if c.endswith(("_l0", "_l1", "_l2", "_l3"))] + ["cos_zen", "hour_sin", "hour_cos"]
    train = df.loc[: cfg["data"]["train_end"]]
    test = df.loc[cfg["data"]["train_end"]:].iloc[1:]

    scaler = StandardScaler().fit(train[feats])
    X_train, X_test = scaler.transform(train[feats]), scaler.transform(test[feats])
    y_train, y_test = train["target"].to_numpy(), test["target"].to_numpy()

    mcfg = cfg["model"]
    model = mlp(len(feats), mcfg)
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=mcfg["patience"], restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(str(out / "best.keras"), monitor="val_loss", save_best_only=True),
    ]
    model.fit(X_train, y_train, validation_data=(X_test, y_test), epochs=mcfg["epochs"],
              batch_size=mcfg["batch_size"], callbacks=callbacks, verbose=2)

    pred_k = model.predict(X_test, batch_size=4096).ravel()
    ghi_true = y_test * test["ghi_clear"].shift(-cfg["data"]["horizon_h"]).ffill().to_numpy()
    ghi_clear_next = test["ghi_clear"].shift(-cfg["data"]["horizon_h"]).ffill().to_numpy()
    results = {}
    for name, k in [("smart_persistence", test["kstar_l0"].to_numpy()), ("mlp", pred_k)]:
        ghi_pred = k * ghi_clear_next
        rmse = float(np.sqrt(mean_squared_error(ghi_true, ghi_pred)))
        results[name] = {"rmse_Wm2": rmse, "mae_Wm2": float(mean_absolute_error(ghi_true, ghi_pred))}
    results["skill_vs_persistence"] = 1 - results["mlp"]["rmse_Wm2"] / results["smart_persistence"]["rmse_Wm2"]
    print(json.dumps(results, indent=2))
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
