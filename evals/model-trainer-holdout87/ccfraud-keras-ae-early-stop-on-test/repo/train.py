"""Credit-card fraud detection with a Keras autoencoder trained on genuine transactions."""
import json
from pathlib import Path

import numpy as np
import tensorflow as tf
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from tensorflow import keras

from ccfraud.data import load_creditcard, prepare_splits
from ccfraud.model import build_autoencoder


def mse_per_row(model, X):
    return np.mean((model.predict(X, batch_size=4096, verbose=0) - X) ** 2, axis=1)


def main():
    cfg = json.loads(Path("settings.json").read_text())
    keras.utils.set_random_seed(cfg["seed"])
    model_dir = Path(cfg["model_dir"])
    model_dir.mkdir(parents=True, exist_ok=True)

    df = load_creditcard(cfg["csv_path"])
    splits = prepare_splits(df, cfg["test_size"], cfg["seed"])
    X_train, X_test, y_test = splits["X_train"], splits["X_test"], splits["y_test"]

    ae = build_autoencoder(X_train.shape[1], tuple(cfg["encoding_dims"]), cfg["l1_activity"])
    history = ae.fit(
        X_train,
        X_train,
        epochs=cfg["epochs"],
        batch_size=cfg["batch_size"],
        shuffle=True,
        validation_data=(X_test, X_test),
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["patience"], restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(str(model_dir / "ae.keras"), monitor="val_loss", save_best_only=True),
        ],
        verbose=2,
    )
    print(f"stopped after {len(history.history['loss'])} epochs")

    train_err = mse_per_row(ae, X_train)
    threshold = float(np.percentile(train_err, cfg["threshold_percentile"]))
    test_err = mse_per_row(ae, X_test)
    flagged = (test_err > threshold).astype(int)

    iso = IsolationForest(n_estimators=200, random_state=cfg["seed"]).fit(X_train)
    iso_scores = -iso.score_samples(X_test)

    report = {
        "autoencoder": {
            "roc_auc": roc_auc_score(y_test, test_err),
            "pr_auc": average_precision_score(y_test, test_err),
            "precision": precision_score(y_test, flagged, zero_division=0),
            "recall": recall_score(y_test, flagged, zero_division=0),
        },
        "isolation_forest": {
            "roc_auc": roc_auc_score(y_test, iso_scores),
            "pr_auc": average_precision_score(y_test, iso_scores),
        },
        "threshold": threshold,
    }
    print(json.dumps(report, indent=2))
    (model_dir / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
