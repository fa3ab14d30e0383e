"""Pneumonia vs normal chest X-rays (Kermany et al. / Kaggle 'chest_xray').

Expects chest_xray/{train,val,test}/{NORMAL,PNEUMONIA}.  The Kaggle 'val' folder has only 16
images, so we carve a validation set out of train instead.
"""
import os

import numpy as np
import tensorflow as tf
from sklearn.model_selection import train_test_split
from sklearn.utils.class_weight import compute_class_weight

ROOT = os.environ.get("XRAY_ROOT", "chest_xray")
IMG = 180
BATCH = 32
SEED = 1337
CLASSES = ["NORMAL", "PNEUMONIA"]

tf.keras.utils.set_random_seed(SEED)


def list_files(split):
    paths, labels = [], []
    for label, cls in enumerate(CLASSES):
        folder = os.path.join(ROOT, split, cls)
        for name in sorted(os.listdir(folder)):
            paths.append(os.path.join(folder, name))
            labels.append(label)
    return np.array(paths), np.array(labels)


def decode(path, label):
    img = tf.io.decode_jpeg(tf.io.read_file(path), channels=1)
    img = tf.image.resize(img, (IMG, IMG)) / 255.0
    return img, label


def to_ds(paths, labels, training):
    ds = tf.data.Dataset.from_tensor_slices((paths, labels)).map(decode, num_parallel_calls=tf.data.AUTOTUNE)
    if training:
        ds = ds.shuffle(2048, seed=SEED)
    return ds.batch(BATCH).prefetch(tf.data.AUTOTUNE)


def build_cnn():
    aug = tf.keras.Sequential([
        tf.keras.layers.RandomRotation(0.05),
        tf.keras.layers.RandomZoom(0.1),
    ])
    m = tf.keras.Sequential([tf.keras.Input((IMG, IMG, 1)), aug])
    for f in (32, 64, 128, 256):
        m.add(tf.keras.layers.SeparableConv2D(f, 3, padding="same", activation="relu"))
        m.add(tf.keras.layers.BatchNormalization())
        m.add(tf.keras.layers.MaxPool2D())
    m.add(tf.keras.layers.GlobalAveragePooling2D())
    m.add(tf.keras.layers.Dropout(0.4))
    m.add(tf.keras.layers.Dense(1, activation="sigmoid"))
    return m


def main():
    paths, labels = list_files("train")
    tr_p, va_p, tr_y, va_y = train_test_split(paths, labels, test_size=0.15, stratify=labels,
                                              random_state=SEED)
    te_p, te_y = list_files("test")
    counts = np.bincount(tr_y)
    print(f"train NORMAL={counts[0]} PNEUMONIA={counts[1]}  (ratio 1:{counts[1] / counts[0]:.1f})")

    weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=tr_y)
    class_weight = dict(enumerate(weights))

    model = build_cnn()
    model.compile(optimizer=tf.keras.optimizers.Adam(3e-4), loss="binary_crossentropy",
                  metrics=["accuracy"])
    model.fit(
        to_ds(tr_p, tr_y, True),
        validation_data=to_ds(va_p, va_y, False),
        epochs=40,
        class_weight=class_weight,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(patience=6, restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint("xray_cnn.keras", save_best_only=True),
            tf.keras.callbacks.ReduceLROnPlateau(patience=3, factor=0.3),
        ],
    )

    loss, acc = model.evaluate(to_ds(te_p, te_y, False))
    print(f"Test loss: {loss:.4f}")
    print(f"Test accuracy: {acc:.2%}")
    majority = max(np.mean(te_y), 1 - np.mean(te_y))
    print(f"Majority-class accuracy on test: {majority:.2%}")


if __name__ == "__main__":
    main()
