"""Fine-tune EfficientNetV2-S on SKU crops.

data/sku_dirs/{train,val,test}/<sku_id>/*.jpg -- folders were filled per store, so no
store appears in more than one split.
"""
import argparse
import json
import os

import numpy as np
import tensorflow as tf
from sklearn.metrics import f1_score

IMG = 260
ROOT = "data/sku_dirs"


def load_split(name, shuffle, seed, class_names=None):
    return tf.keras.utils.image_dataset_from_directory(
        os.path.join(ROOT, name), labels="inferred", label_mode="int", class_names=class_names,
        image_size=(IMG, IMG), batch_size=64, shuffle=shuffle, seed=seed,
    )


def class_weights_from_folders(split_dir, class_names):
    counts = np.array([len(os.listdir(os.path.join(split_dir, c))) for c in class_names], dtype=float)
    w = counts.sum() / (len(counts) * np.maximum(counts, 1))
    return {i: float(min(wi, 10.0)) for i, wi in enumerate(w)}


def build_model(n_classes, dropout):
    augment = tf.keras.Sequential([
        tf.keras.layers.RandomRotation(0.04),
        tf.keras.layers.RandomZoom((-0.1, 0.2)),
        tf.keras.layers.RandomContrast(0.25),
        tf.keras.layers.RandomBrightness(0.2),
    ], name="augment")
    base = tf.keras.applications.EfficientNetV2S(include_top=False, weights="imagenet", pooling="avg")
    inp = tf.keras.Input((IMG, IMG, 3))
    x = augment(inp)
    x = base(x)
    x = tf.keras.layers.Dropout(dropout)(x)
    out = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    return tf.keras.Model(inp, out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=123)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--dropout", type=float, default=0.3)
    args = ap.parse_args()
    tf.keras.utils.set_random_seed(args.seed)

    train_ds = load_split("train", True, args.seed)
    classes = train_ds.class_names
    val_ds = load_split("val", False, args.seed, classes)
    test_ds = load_split("test", False, args.seed, classes)
    cw = class_weights_from_folders(os.path.join(ROOT, "train"), classes)

    model = build_model(len(classes), args.dropout)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(args.lr),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy", tf.keras.metrics.SparseTopKCategoricalAccuracy(k=5, name="top5")],
    )
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=4, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("effv2s_sku.keras", monitor="val_loss", save_best_only=True),
    ]
    model.fit(train_ds.prefetch(tf.data.AUTOTUNE), validation_data=val_ds.prefetch(tf.data.AUTOTUNE),
              epochs=args.epochs, class_weight=cw, callbacks=callbacks)

    y_true = np.concatenate([y.numpy() for _, y in test_ds])
    probs = model.predict(test_ds)
    loss, acc, top5 = model.evaluate(test_ds, verbose=0)
    result = {
        "test_top1": float(acc),
        "test_top5": float(top5),
        "test_macro_f1": float(f1_score(y_true, probs.argmax(1), average="macro")),
    }
    print(json.dumps(result, indent=2))
    with open("effv2s_sku_test.json", "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
