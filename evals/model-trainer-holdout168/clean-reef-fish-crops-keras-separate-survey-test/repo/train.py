"""Reef fish species classifier (MobileNetV3) from diver-video crops.

data/crops/2019_2022/<species>/*.jpg  -> train / validation (validation_split on the same folder)
data/crops/2023/<species>/*.jpg       -> 2023 survey, test
"""
import argparse
import json
import os

import numpy as np
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--train-dir", default="data/crops/2019_2022")
    p.add_argument("--test-dir", default="data/crops/2023")
    p.add_argument("--img", type=int, default=224)
    p.add_argument("--bs", type=int, default=64)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--finetune-epochs", type=int, default=10)
    p.add_argument("--seed", type=int, default=20)
    return p.parse_args()


def build(n_classes, img):
    augment = tf.keras.Sequential([
        tf.keras.layers.RandomFlip("horizontal"),
        tf.keras.layers.RandomZoom(0.15),
        tf.keras.layers.RandomTranslation(0.1, 0.1),
        tf.keras.layers.RandomBrightness(0.2),
    ])
    base = tf.keras.applications.MobileNetV3Large(input_shape=(img, img, 3), include_top=False,
                                                  weights="imagenet", include_preprocessing=True)
    base.trainable = False
    inp = tf.keras.Input((img, img, 3))
    x = augment(inp)
    x = base(x, training=False)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.25)(x)
    out = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    return tf.keras.Model(inp, out), base


def main():
    a = get_args()
    tf.keras.utils.set_random_seed(a.seed)

    common = dict(image_size=(a.img, a.img), batch_size=a.bs, label_mode="int")
    train_ds = tf.keras.utils.image_dataset_from_directory(
        a.train_dir, validation_split=0.15, subset="training", seed=a.seed, **common)
    val_ds = tf.keras.utils.image_dataset_from_directory(
        a.train_dir, validation_split=0.15, subset="validation", seed=a.seed, **common)
    class_names = train_ds.class_names
    test_ds = tf.keras.utils.image_dataset_from_directory(
        a.test_dir, class_names=class_names, shuffle=False, **common)

    train_ds = train_ds.prefetch(tf.data.AUTOTUNE)
    val_ds = val_ds.cache().prefetch(tf.data.AUTOTUNE)

    model, base = build(len(class_names), a.img)
    early = tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
    model.compile(tf.keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(train_ds, validation_data=val_ds, epochs=a.epochs, callbacks=[early])

    # unfreeze the top of the backbone, BN layers stay frozen
    base.trainable = True
    for layer in base.layers[:-40]:
        layer.trainable = False
    for layer in base.layers:
        if isinstance(layer, tf.keras.layers.BatchNormalization):
            layer.trainable = False
    model.compile(tf.keras.optimizers.Adam(1e-5), "sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(train_ds, validation_data=val_ds, epochs=a.finetune_epochs, callbacks=[early])

    y_true = np.concatenate([y.numpy() for _, y in test_ds])
    y_pred = model.predict(test_ds).argmax(1)
    print(classification_report(y_true, y_pred, target_names=class_names, digits=3, zero_division=0))
    os.makedirs("artifacts", exist_ok=True)
    model.save("artifacts/reef_fish_mnv3.keras")
    with open("artifacts/test_2023.json", "w") as f:
        json.dump({"macro_f1": float(f1_score(y_true, y_pred, average="macro")),
                   "accuracy": float((y_true == y_pred).mean()), "classes": class_names}, f, indent=2)


if __name__ == "__main__":
    main()
