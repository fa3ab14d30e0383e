"""Keyword spotter for the appliance command set with a learned input normalisation layer."""
import json
from collections import Counter
from pathlib import Path

import numpy as np
import tensorflow as tf
from sklearn.metrics import accuracy_score, f1_score

from kws_tf.features import load_wav, log_mel, random_shift
from kws_tf.split import which_set
from kws_tf.utils import set_seeds

cfg = json.load(open("config.json"))
set_seeds(cfg["seed"])
AUTOTUNE = tf.data.AUTOTUNE

root = Path(cfg["data_dir"])
files = sorted(p.relative_to(root).as_posix() for p in root.glob("*/*.wav"))
labels = sorted({f.split("/")[0] for f in files})
parts = {"training": [], "validation": [], "testing": []}
for f in files:
    parts[which_set(f, cfg["validation_percentage"], cfg["testing_percentage"])].append(f)
print({k: len(v) for k, v in parts.items()})


def dataset(names, training):
    paths = [str(root / n) for n in names]
    ys = [labels.index(n.split("/")[0]) for n in names]
    ds = tf.data.Dataset.from_tensor_slices((paths, ys))
    if training:
        ds = ds.shuffle(len(paths), seed=cfg["seed"])
    ds = ds.map(lambda p, y: (load_wav(p), y), num_parallel_calls=AUTOTUNE)
    if training:
        ds = ds.map(lambda a, y: (random_shift(a), y), num_parallel_calls=AUTOTUNE)
    return ds.map(lambda a, y: (log_mel(a), y), num_parallel_calls=AUTOTUNE).batch(cfg["batch_size"])


train_ds = dataset(parts["training"], training=True).prefetch(AUTOTUNE)
val_ds = dataset(parts["validation"], training=False).cache().prefetch(AUTOTUNE)
test_ds = dataset(parts["testing"], training=False)

norm = tf.keras.layers.Normalization(axis=-1)
norm.adapt(dataset(parts["training"], training=False).map(lambda x, _: x))


def residual(x, filters):
    h = tf.keras.layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    h = tf.keras.layers.BatchNormalization()(h)
    h = tf.keras.layers.ReLU()(h)
    h = tf.keras.layers.Conv2D(filters, 3, padding="same", use_bias=False)(h)
    h = tf.keras.layers.BatchNormalization()(h)
    if x.shape[-1] != filters:
        x = tf.keras.layers.Conv2D(filters, 1, use_bias=False)(x)
    return tf.keras.layers.ReLU()(h + x)


inp = tf.keras.Input(shape=(98, 40, 1))
x = norm(inp)
for filters in (32, 48, 64):
    x = residual(x, filters)
    x = tf.keras.layers.MaxPooling2D((2, 2))(x)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
x = tf.keras.layers.Dropout(0.3)(x)
out = tf.keras.layers.Dense(len(labels), activation="softmax")(x)
model = tf.keras.Model(inp, out)
model.compile(tf.keras.optimizers.Adam(cfg["learning_rate"]), "sparse_categorical_crossentropy", ["accuracy"])

Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
model.fit(train_ds, validation_data=val_ds, epochs=cfg["epochs"], callbacks=[
    tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["patience"], restore_best_weights=True),
    tf.keras.callbacks.ModelCheckpoint(cfg["checkpoint"], monitor="val_loss", save_best_only=True),
])

y_test = np.array([labels.index(n.split("/")[0]) for n in parts["testing"]])
y_pred = model.predict(test_ds).argmax(axis=1)
majority = Counter(labels.index(n.split("/")[0]) for n in parts["training"]).most_common(1)[0][0]
y_base = np.full_like(y_test, majority)
print(f"model    acc {accuracy_score(y_test, y_pred):.4f} macro-F1 {f1_score(y_test, y_pred, average='macro'):.4f}")
print(f"majority acc {accuracy_score(y_test, y_base):.4f} macro-F1 {f1_score(y_test, y_base, average='macro'):.4f}")
