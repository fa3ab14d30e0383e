"""Reproduction of Kachuee et al. (2018), 'ECG Heartbeat Classification: A Deep Transferable
Representation', on the MIT-BIH arrhythmia beats (Kaggle export: mitbih_train.csv / mitbih_test.csv).
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from tensorflow import keras
from tensorflow.keras import layers

CLASSES = ["N", "S", "V", "F", "Q"]


def load_beats(path):
    df = pd.read_csv(path, header=None)
    X = df.iloc[:, :187].values.astype("float32")[..., np.newaxis]
    y = df.iloc[:, 187].values.astype("int64")
    return X, y


def residual_block(x, filters=32):
    shortcut = x
    x = layers.Conv1D(filters, 5, padding="same", activation="relu")(x)
    x = layers.Conv1D(filters, 5, padding="same")(x)
    x = layers.Add()([x, shortcut])
    x = layers.Activation("relu")(x)
    return layers.MaxPooling1D(5, strides=2)(x)


def build_model(n_blocks=5, n_classes=5):
    inp = keras.Input(shape=(187, 1))
    x = layers.Conv1D(32, 5, padding="same")(inp)
    for _ in range(n_blocks):
        x = residual_block(x)
    x = layers.Flatten()(x)
    x = layers.Dense(32, activation="relu")(x)
    x = layers.Dense(32, activation="relu")(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", default="data/mitbih")
    parser.add_argument("--epochs", type=int, default=75)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="runs/ecg_resnet")
    args = parser.parse_args()

    tf.keras.utils.set_random_seed(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    X_train, y_train = load_beats(f"{args.data_dir}/mitbih_train.csv")
    X_test, y_test = load_beats(f"{args.data_dir}/mitbih_test.csv")
    print("train class counts:", np.bincount(y_train))

    model = build_model()
    model.compile(
        optimizer=keras.optimizers.Adam(args.lr),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(str(out / "best.keras"), monitor="val_loss", save_best_only=True),
        keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
        keras.callbacks.CSVLogger(str(out / "history.csv")),
    ]
    model.fit(
        X_train,
        y_train,
        validation_data=(X_test, y_test),
        epochs=args.epochs,
        batch_size=args.batch_size,
        callbacks=callbacks,
        verbose=2,
    )

    y_pred = model.predict(X_test, batch_size=1024).argmax(axis=1)
    report = classification_report(y_test, y_pred, target_names=CLASSES, digits=4, output_dict=True)
    print(classification_report(y_test, y_pred, target_names=CLASSES, digits=4))
    summary = {
        "accuracy": report["accuracy"],
        "macro_f1": f1_score(y_test, y_pred, average="macro"),
        "per_class_f1": {c: report[c]["f1-score"] for c in CLASSES},
    }
    with open(out / "test_metrics.json", "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
