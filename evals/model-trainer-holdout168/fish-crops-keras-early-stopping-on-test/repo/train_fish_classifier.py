"""Species classifier for fish crops cut from the BRUV detector output.

Crops come from `detections.csv` (one row per YOLO box that passed NMS, already cropped to disk).
Split is by deployment so that the same fish passing the camera twice can't end up in both sets.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

AUTOTUNE = tf.data.AUTOTUNE


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--crops-csv", default="data/bruv_crops/detections.csv")
    p.add_argument("--img-size", type=int, default=260)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--min-per-class", type=int, default=40)
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--out", default="models/bruv_effnetb2")
    return p.parse_args()


def make_ds(df, class_idx, img_size, batch_size, training):
    paths = df["crop_path"].values
    labels = df["species"].map(class_idx).values

    def load(path, label):
        img = tf.io.decode_jpeg(tf.io.read_file(path), channels=3)
        img = tf.image.resize_with_pad(img, img_size, img_size)
        return img, label

    ds = tf.data.Dataset.from_tensor_slices((paths, labels))
    if training:
        ds = ds.shuffle(len(df), reshuffle_each_iteration=True)
    return ds.map(load, num_parallel_calls=AUTOTUNE).batch(batch_size).prefetch(AUTOTUNE)


def build_model(n_classes, img_size, lr):
    aug = tf.keras.Sequential([
        tf.keras.layers.RandomFlip("horizontal"),
        tf.keras.layers.RandomRotation(0.05),
        tf.keras.layers.RandomContrast(0.2),
    ], name="augment")
    base = tf.keras.applications.EfficientNetB2(include_top=False, weights="imagenet",
                                                input_shape=(img_size, img_size, 3))
    base.trainable = False
    inputs = tf.keras.Input((img_size, img_size, 3))
    x = aug(inputs)
    x = base(x, training=False)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    outputs = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    model = tf.keras.Model(inputs, outputs)
    model.compile(optimizer=tf.keras.optimizers.Adam(lr),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def main():
    args = parse_args()
    tf.keras.utils.set_random_seed(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(args.crops_csv)
    df = df[df["det_conf"] >= 0.4]
    vc = df["species"].value_counts()
    df = df[df["species"].isin(vc[vc >= args.min_per_class].index)].reset_index(drop=True)
    classes = sorted(df["species"].unique())
    class_idx = {c: i for i, c in enumerate(classes)}

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    tr_idx, te_idx = next(gss.split(df, groups=df["deployment_id"]))
    train_df, test_df = df.iloc[tr_idx], df.iloc[te_idx]
    print(f"{len(classes)} species | train crops {len(train_df)} | test crops {len(test_df)}")

    train_ds = make_ds(train_df, class_idx, args.img_size, args.batch_size, training=True)
    test_ds = make_ds(test_df, class_idx, args.img_size, args.batch_size, training=False)

    model = build_model(len(classes), args.img_size, args.lr)
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=6, restore_best_weights=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.3, patience=3),
        tf.keras.callbacks.CSVLogger(str(out / "history.csv")),
    ]
    model.fit(train_ds, validation_data=test_ds, epochs=args.epochs, callbacks=callbacks)

    probs = model.predict(test_ds)
    y_pred = probs.argmax(1)
    y_true = test_df["species"].map(class_idx).values
    print(classification_report(y_true, y_pred, target_names=classes, digits=3))
    macro = f1_score(y_true, y_pred, average="macro")
    model.save(out / "model.keras")
    json.dump({"classes": classes, "test_macro_f1": float(macro),
               "test_acc": float(np.mean(y_true == y_pred))}, open(out / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
