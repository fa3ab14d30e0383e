"""MLP on UCI Letter Recognition (Frey & Slate, 1991) - Keras baseline for Chapter 2."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

from reproducibility import set_global_seed


def build_model(norm, n_features, n_classes, width, dropout):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        norm,
        layers.Dense(width, activation="relu"),
        layers.Dropout(dropout),
        layers.Dense(width, activation="relu"),
        layers.Dropout(dropout),
        layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy", keras.metrics.SparseTopKCategoricalAccuracy(k=3, name="top3")],
    )
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="data/letter-recognition.data")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--width", type=int, default=256)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--out", default="runs/letters_mlp")
    args = parser.parse_args()

    set_global_seed(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(args.data, header=None)
    y = df.pop(0).map(lambda c: ord(c) - ord("A")).values
    X = df.values.astype("float32")

    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=0.125, stratify=y_trval, random_state=args.seed
    )

    norm = layers.Normalization()
    norm.adapt(X_train)
    model = build_model(norm, X.shape[1], n_classes=26, width=args.width, dropout=args.dropout)
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=15, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(str(out / "best.keras"), monitor="val_loss", save_best_only=True),
    ]
    history = model.fit(X_train, y_train, validation_data=(X_val, y_val), epochs=args.epochs,
                        batch_size=128, callbacks=callbacks, verbose=2)

    test_loss, test_acc, test_top3 = model.evaluate(X_test, y_test, verbose=0)
    y_pred = model.predict(X_test, verbose=0).argmax(1)
    results = {
        "mlp": {"acc": test_acc, "top3": test_top3, "macro_f1": f1_score(y_test, y_pred, average="macro"),
                "epochs": len(history.history["loss"])},
    }
    for name, clf in {"majority": DummyClassifier(strategy="most_frequent"),
                      "logreg": LogisticRegression(max_iter=3000)}.items():
        mu, sd = X_train.mean(0), X_train.std(0)
        pred = clf.fit((X_train - mu) / sd, y_train).predict((X_test - mu) / sd)
        results[name] = {"acc": accuracy_score(y_test, pred), "macro_f1": f1_score(y_test, pred, average="macro")}

    print(json.dumps(results, indent=2))
    with open(out / "results.json", "w") as f:
        json.dump(results, f, indent=2, default=float)


if __name__ == "__main__":
    main()
