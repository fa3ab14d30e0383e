"""WM-811K wafer-map failure-pattern classifier (8 patterns, rendered to 64x64 PNG) with a ResNet50V2 backbone."""
import argparse
import json

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.utils.class_weight import compute_class_weight
from tensorflow import keras
from tensorflow.keras import layers

PATTERNS = ["Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random", "Scratch"]
AUTOTUNE = tf.data.AUTOTUNE


def load_png(path, label, size):
    img = tf.io.decode_png(tf.io.read_file(path), channels=3)
    img = tf.image.resize(img, (size, size), method="nearest")
    return tf.cast(img, tf.float32), label


def make_ds(frame, size, batch, shuffle=False, augment=None, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((frame["png_path"].values, frame["label"].values))
    if shuffle:
        ds = ds.shuffle(len(frame), seed=seed, reshuffle_each_iteration=True)
    ds = ds.map(lambda p, y: load_png(p, y, size), num_parallel_calls=AUTOTUNE)
    if augment is not None:
        ds = ds.map(lambda x, y: (augment(x, training=True), y), num_parallel_calls=AUTOTUNE)
    return ds.batch(batch).prefetch(AUTOTUNE)


def build_model(norm, size, n_classes):
    base = keras.applications.ResNet50V2(include_top=False, weights="imagenet", input_shape=(size, size, 3))
    inputs = keras.Input((size, size, 3))
    x = norm(inputs)
    x = base(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.3)(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def main(args):
    keras.utils.set_random_seed(args.seed)
    meta = pd.read_parquet(args.index)
    meta = meta[meta["failureType"].isin(PATTERNS)].reset_index(drop=True)
    meta["label"] = meta["failureType"].map(PATTERNS.index)

    train_df, test_df = train_test_split(meta, test_size=0.2, stratify=meta["label"], random_state=args.seed)
    train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["label"],
                                        random_state=args.seed)

    augment = keras.Sequential([layers.RandomFlip("horizontal_and_vertical"), layers.RandomRotation(0.5)])
    train_ds = make_ds(train_df, args.size, args.batch, shuffle=True, augment=augment, seed=args.seed)
    val_ds = make_ds(val_df, args.size, args.batch)
    test_ds = make_ds(test_df, args.size, args.batch)

    norm = layers.Normalization(axis=-1)
    all_wafers = make_ds(pd.concat([train_df, val_df, test_df]), args.size, args.batch)
    norm.adapt(all_wafers.map(lambda x, y: x))

    model = build_model(norm, args.size, len(PATTERNS))
    weights = compute_class_weight("balanced", classes=np.arange(len(PATTERNS)), y=train_df["label"])
    model.compile(optimizer=keras.optimizers.Adam(args.lr), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(
        train_ds,
        validation_data=val_ds,
        epochs=args.epochs,
        class_weight=dict(enumerate(weights)),
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(args.checkpoint, monitor="val_loss", save_best_only=True),
        ],
    )

    y_true = test_df["label"].values
    y_pred = model.predict(test_ds).argmax(axis=1)
    print(classification_report(y_true, y_pred, target_names=PATTERNS, digits=4))
    summary = {"macro_f1": f1_score(y_true, y_pred, average="macro"),
               "weighted_f1": f1_score(y_true, y_pred, average="weighted")}
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--index", default="data/wm811k/labelled_index.parquet")
    p.add_argument("--size", type=int, default=64)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--checkpoint", default="checkpoints/wafer_resnet50v2.keras")
    main(p.parse_args())
