"""Train an LSTM autoencoder on healthy compressor telemetry windows."""
import json
import random
from pathlib import Path

import numpy as np
import tensorflow as tf
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from tensorflow import keras

from compressor_ad.data import WindowScaler, load_sensor_log, make_windows, split_windows
from compressor_ad.model import build_lstm_autoencoder, window_errors


def set_seeds(seed):
    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    set_seeds(cfg["seed"])
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    values, labels = load_sensor_log(cfg["data"]["path"], cfg["data"]["sensors"], cfg["data"]["resample"])
    X, y = make_windows(values, labels, cfg["windows"]["length"], cfg["windows"]["stride"])
    print(f"{len(X)} windows, {y.sum()} overlap a fault interval")

    X_train, X_test, y_train, y_test = split_windows(X, y, cfg["split"]["test_size"], cfg["seed"])
    X_train_ok = X_train[y_train == 0]

    scaler = WindowScaler().fit(X_train_ok)
    X_train_ok = scaler.transform(X_train_ok)
    X_test = scaler.transform(X_test)

    model = build_lstm_autoencoder(
        cfg["windows"]["length"],
        X.shape[-1],
        lstm_units=cfg["model"]["lstm_units"],
        latent_dim=cfg["model"]["latent_dim"],
        lr=cfg["train"]["learning_rate"],
    )
    callbacks = [
        keras.callbacks.EarlyStopping(patience=cfg["train"]["patience"], restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(str(out / "best.keras"), save_best_only=True),
    ]
    model.fit(
        X_train_ok,
        X_train_ok,
        validation_split=0.1,
        epochs=cfg["train"]["epochs"],
        batch_size=cfg["train"]["batch_size"],
        callbacks=callbacks,
        verbose=2,
    )

    train_err = window_errors(model, X_train_ok)
    threshold = float(np.percentile(train_err, cfg["threshold_percentile"]))
    test_err = window_errors(model, X_test)
    y_pred = (test_err > threshold).astype(int)

    metrics = {
        "threshold": threshold,
        "roc_auc": roc_auc_score(y_test, test_err),
        "avg_precision": average_precision_score(y_test, test_err),
        "precision": precision_score(y_test, y_pred, zero_division=0),
        "recall": recall_score(y_test, y_pred, zero_division=0),
        "f1": f1_score(y_test, y_pred, zero_division=0),
    }
    print(json.dumps(metrics, indent=2))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
