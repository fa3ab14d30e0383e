"""LSTM autoencoder for the SWaT water-treatment testbed.

Normal run -> chronological train / validation; attack run -> test.
"""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
from tensorflow.keras import layers


def read_swat(path, downsample):
    df = pd.read_csv(path, skipinitialspace=True)
    df.columns = [c.strip() for c in df.columns]
    df["Timestamp"] = pd.to_datetime(df["Timestamp"], dayfirst=True)
    df = df.sort_values("Timestamp").iloc[::downsample]
    label = (df.pop("Normal/Attack").str.replace(" ", "") == "Attack").astype(int)
    return df.drop(columns=["Timestamp"]), label


def windows(values, window):
    idx = np.arange(window)[None, :] + np.arange(len(values) - window + 1)[:, None]
    return values[idx]


def build_model(window, n_features, units, latent):
    inp = keras.Input((window, n_features))
    x = layers.LSTM(units, return_sequences=True)(inp)
    x = layers.LSTM(latent)(x)
    x = layers.RepeatVector(window)(x)
    x = layers.LSTM(units, return_sequences=True)(x)
    out = layers.TimeDistributed(layers.Dense(n_features))(x)
    model = keras.Model(inp, out)
    model.compile(keras.optimizers.Adam(1e-3), loss="mse")
    return model


def errors(model, W):
    return np.mean((model.predict(W, batch_size=2048, verbose=0) - W) ** 2, axis=(1, 2))


def scores_report(y, score, threshold):
    pred = (score > threshold).astype(int)
    return {"roc_auc": roc_auc_score(y, score), "pr_auc": average_precision_score(y, score),
            "precision": precision_score(y, pred, zero_division=0),
            "recall": recall_score(y, pred, zero_division=0), "f1": f1_score(y, pred, zero_division=0)}


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); tf.random.set_seed(cfg["seed"])
    out = Path(cfg["out_dir"]); out.mkdir(parents=True, exist_ok=True)

    normal, _ = read_swat(cfg["normal_csv"], cfg["downsample"])
    normal = normal.iloc[cfg["warmup_rows"] // cfg["downsample"]:]
    attack, attack_label = read_swat(cfg["attack_csv"], cfg["downsample"])

    train_df, val_df = train_test_split(normal, test_size=cfg["val_fraction"], shuffle=False)
    scaler = MinMaxScaler().fit(train_df)
    w = cfg["window"]
    W_train = windows(scaler.transform(train_df).astype("float32"), w)
    W_val = windows(scaler.transform(val_df).astype("float32"), w)
    W_test = windows(scaler.transform(attack[train_df.columns]).clip(-1, 2).astype("float32"), w)
    y_test = windows(attack_label.to_numpy()[:, None], w).max(axis=(1, 2))

    model = build_model(w, W_train.shape[-1], cfg["lstm_units"], cfg["latent"])
    model.fit(
        W_train, W_train,
        validation_data=(W_val, W_val),
        epochs=cfg["epochs"], batch_size=cfg["batch_size"], shuffle=True,
        callbacks=[
            keras.callbacks.EarlyStopping(patience=cfg["patience"], restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(str(out / "lstm_ae.keras"), save_best_only=True),
        ],
        verbose=2,
    )

    val_err = errors(model, W_val)
    threshold = float(np.quantile(val_err, cfg["threshold_quantile"]))

    # baseline: largest per-sensor deviation from the training mean, in training std units
    mu, sd = W_train[:, -1].mean(axis=0), W_train[:, -1].std(axis=0) + 1e-6
    base_val = np.abs((W_val[:, -1] - mu) / sd).max(axis=1)
    base_test = np.abs((W_test[:, -1] - mu) / sd).max(axis=1)

    results = {
        "lstm_ae": scores_report(y_test, errors(model, W_test), threshold),
        "zscore_baseline": scores_report(y_test, base_test, float(np.quantile(base_val, cfg["threshold_quantile"]))),
        "threshold": threshold,
    }
    print(json.dumps(results, indent=2))
    (out / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
