"""Dense net for card-transaction fraud (anonymised PCA features V1..V28 + Amount).

Roughly 0.17% of transactions are fraudulent.
"""
import argparse
import logging

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

log = logging.getLogger("fraud")
FEATURES = [f"V{i}" for i in range(1, 29)] + ["Amount"]


def build_model(n_features, width=64, dropout=0.3, lr=1e-3):
    model = tf.keras.Sequential([
        tf.keras.layers.Input(shape=(n_features,)),
        tf.keras.layers.Dense(width, activation="relu"),
        tf.keras.layers.Dropout(dropout),
        tf.keras.layers.Dense(width // 2, activation="relu"),
        tf.keras.layers.Dropout(dropout),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=tf.keras.optimizers.Adam(lr),
                  loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


def main(args):
    tf.keras.utils.set_random_seed(args.seed)
    df = pd.read_csv(args.csv)
    log.info("class balance:\n%s", df["Class"].value_counts(normalize=True))

    X = df[FEATURES].to_numpy(np.float32)
    y = df["Class"].to_numpy()
    X_dev, X_hold, y_dev, y_hold = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_dev, y_dev, test_size=0.15, stratify=y_dev, random_state=args.seed)

    scaler = StandardScaler().fit(X_fit)
    X_fit, X_val, X_hold = (scaler.transform(a) for a in (X_fit, X_val, X_hold))

    model = build_model(X_fit.shape[1], width=args.width, lr=args.lr)
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(args.ckpt, monitor="val_loss", save_best_only=True),
    ]
    model.fit(X_fit, y_fit, validation_data=(X_val, y_val), epochs=args.epochs,
              batch_size=args.batch_size, callbacks=callbacks, verbose=2)

    hold_loss, hold_acc = model.evaluate(X_hold, y_hold, verbose=0)
    log.info("hold-out loss %.4f", hold_loss)
    log.info("hold-out accuracy %.4f", hold_acc)
    print(f"FINAL accuracy on hold-out: {hold_acc:.4%}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/creditcard.csv")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=2048)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ckpt", default="models/fraud_mlp.keras")
    main(ap.parse_args())
