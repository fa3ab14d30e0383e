"""Character classifier for hand-printed boxed fields (postcode, policy number, name boxes)."""
import json
from pathlib import Path

import numpy as np
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

from augment import expand_with_augmentations

SEED = 11
DATA = Path("data/boxchar")
IMG = 32


def load_crops():
    meta = json.loads((DATA / "crops.json").read_text())
    classes = sorted({m["char"] for m in meta})
    idx = {c: i for i, c in enumerate(classes)}
    x = np.stack([
        np.asarray(tf.keras.utils.load_img(DATA / m["file"], color_mode="grayscale",
                                           target_size=(IMG, IMG)), dtype=np.float32) / 255.0
        for m in meta
    ])
    y = np.array([idx[m["char"]] for m in meta])
    return 1.0 - x, y, classes


def build_model(n_classes):
    inputs = tf.keras.Input((IMG, IMG, 1))
    x = inputs
    for filters in (32, 64, 128):
        x = tf.keras.layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.ReLU()(x)
        x = tf.keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = tf.keras.layers.MaxPooling2D()(x)
        x = tf.keras.layers.Dropout(0.25)(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dense(256, activation="relu")(x)
    x = tf.keras.layers.Dropout(0.4)(x)
    outputs = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs)


def main():
    tf.keras.utils.set_random_seed(SEED)
    x, y, classes = load_crops()
    print(f"{len(x)} crops, {len(classes)} classes")

    x_all, y_all = expand_with_augmentations(x, y, copies=4, seed=SEED)

    x_train, x_test, y_train, y_test = train_test_split(
        x_all[..., None], y_all, test_size=0.15, stratify=y_all, random_state=SEED
    )
    x_train, x_val, y_train, y_val = train_test_split(
        x_train, y_train, test_size=0.15, stratify=y_train, random_state=SEED
    )

    model = build_model(len(classes))
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=6, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/boxchar_best.keras", monitor="val_loss",
                                           save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
    ]
    model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=60, batch_size=128,
              callbacks=callbacks, verbose=2)

    pred = model.predict(x_test, batch_size=256).argmax(1)
    print(f"test macro-F1: {f1_score(y_test, pred, average='macro'):.4f}")
    print(classification_report(y_test, pred, target_names=classes, digits=3))
    model.save("models/boxchar_cnn.keras")


if __name__ == "__main__":
    main()
