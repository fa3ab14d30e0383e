"""BloodMNIST (8 blood-cell types, 64x64): small Keras CNN vs. logistic-regression baseline.

Official MedMNIST train/val/test partitions are used as-is.
"""
import argparse
import json
import os

import numpy as np
import tensorflow as tf
from medmnist import BloodMNIST
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
from tensorflow.keras import layers


def load_split(split, root):
    ds = BloodMNIST(split=split, download=True, size=64, root=root)
    return ds.imgs.astype("float32") / 255.0, ds.labels.ravel().astype("int64")


def build_cnn(x_train, n_classes):
    norm = layers.Normalization(axis=-1)
    norm.adapt(x_train)  # per-channel mean/var of the training images only
    aug = keras.Sequential(
        [layers.RandomFlip("horizontal_and_vertical"), layers.RandomRotation(0.25), layers.RandomContrast(0.1)],
        name="augment",
    )
    inp = keras.Input(x_train.shape[1:])
    x = aug(inp)          # active only during fit()
    x = norm(x)
    for filters in (32, 64, 128):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.Activation("relu")(x)
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.3)(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)


def summarise(y_true, proba):
    pred = proba.argmax(1)
    return {
        "macro_f1": f1_score(y_true, pred, average="macro"),
        "balanced_accuracy": balanced_accuracy_score(y_true, pred),
        "auc_ovr_macro": roc_auc_score(y_true, proba, multi_class="ovr", average="macro"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", default=os.path.expanduser("~/.medmnist"))
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--ckpt", default="checkpoints/bloodmnist_cnn.keras")
    args = ap.parse_args()
    keras.utils.set_random_seed(args.seed)
    tf.config.experimental.enable_op_determinism()

    x_tr, y_tr = load_split("train", args.data_root)
    x_va, y_va = load_split("val", args.data_root)
    x_te, y_te = load_split("test", args.data_root)
    n_classes = int(y_tr.max()) + 1

    counts = np.bincount(y_tr, minlength=n_classes)
    class_weight = {c: len(y_tr) / (n_classes * counts[c]) for c in range(n_classes)}

    model = build_cnn(x_tr, n_classes)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
    model.fit(
        x_tr, y_tr,
        validation_data=(x_va, y_va),
        epochs=args.epochs,
        batch_size=128,
        class_weight=class_weight,
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(args.ckpt, monitor="val_loss", save_best_only=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
        ],
        verbose=2,
    )

    baseline = make_pipeline(
        StandardScaler(),
        LogisticRegression(C=0.01, max_iter=2000, class_weight="balanced"),
    ).fit(x_tr.reshape(len(x_tr), -1), y_tr)

    results = {
        "cnn": summarise(y_te, model.predict(x_te, batch_size=512)),
        "pixel_logreg": summarise(y_te, baseline.predict_proba(x_te.reshape(len(x_te), -1))),
    }
    print(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
