"""Field-recording event classifier (8 classes) with a small Keras CNN.

Clips are 5 s windows cut from longer field recordings, so every split is
grouped by recording_id to keep windows of one recording on one side.
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from tensorflow import keras
from tensorflow.keras import layers

from audio_features import clip_features


def grouped_holdout(y, groups, n_splits, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return next(sgkf.split(np.zeros(len(y)), y, groups))


def build_model(input_shape, n_classes):
    inp = keras.Input(shape=input_shape)
    x = inp
    for f in (32, 64, 128):
        x = layers.Conv2D(f, 3, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.3)(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inp, out)
    model.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def report(name, y_true, y_pred):
    return {
        "model": name,
        "accuracy": accuracy_score(y_true, y_pred),
        "balanced_accuracy": balanced_accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }


def main(cfg_path="config.json"):
    cfg = json.loads(Path(cfg_path).read_text())
    keras.utils.set_random_seed(cfg["seed"])

    meta = pd.read_csv(cfg["metadata"])
    classes = sorted(meta["label"].unique())
    y = meta["label"].map({c: i for i, c in enumerate(classes)}).to_numpy()
    groups = meta["recording_id"].to_numpy()
    X = np.stack([clip_features(Path(cfg["audio_dir"]) / f, cfg) for f in meta["file"]])[..., None]

    dev_idx, test_idx = grouped_holdout(y, groups, cfg["n_splits"], cfg["seed"])
    tr_rel, val_rel = grouped_holdout(y[dev_idx], groups[dev_idx], cfg["n_splits"], cfg["seed"])
    tr_idx, val_idx = dev_idx[tr_rel], dev_idx[val_rel]
    assert not set(groups[tr_idx]) & set(groups[test_idx])

    model = build_model(X.shape[1:], len(classes))
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    model.fit(
        X[tr_idx], y[tr_idx],
        validation_data=(X[val_idx], y[val_idx]),
        epochs=cfg["epochs"],
        batch_size=cfg["batch_size"],
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["patience"], restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(cfg["checkpoint"], monitor="val_loss", save_best_only=True),
        ],
        verbose=2,
    )

    pooled = X[..., 0].mean(axis=2)
    results = [report("majority", y[test_idx],
                      DummyClassifier().fit(pooled[tr_idx], y[tr_idx]).predict(pooled[test_idx]))]
    logreg = LogisticRegression(max_iter=3000, random_state=cfg["seed"]).fit(pooled[tr_idx], y[tr_idx])
    results.append(report("logreg_pooled_mel", y[test_idx], logreg.predict(pooled[test_idx])))
    results.append(report("cnn", y[test_idx], model.predict(X[test_idx], verbose=0).argmax(axis=1)))
    print(pd.DataFrame(results).to_string(index=False))


if __name__ == "__main__":
    main(*sys.argv[1:])
