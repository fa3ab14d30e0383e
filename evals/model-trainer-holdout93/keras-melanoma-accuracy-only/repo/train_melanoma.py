"""Melanoma vs. benign nevus/other classifier (HAM10000 dermoscopy, binary).

Class balance after regrouping: 1,113 melanoma vs 8,902 non-melanoma images (~11% positive).
data/ham_binary/{train,test}/{melanoma,other}/*.jpg was created by make_split.py (lesion-level).
"""
import random

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

SEED = 99
IMG_SIZE = (260, 260)
BATCH = 32
random.seed(SEED)
np.random.seed(SEED)
tf.random.set_seed(SEED)

train_ds = keras.utils.image_dataset_from_directory(
    "data/ham_binary/train", label_mode="binary", class_names=["other", "melanoma"],
    image_size=IMG_SIZE, batch_size=BATCH, validation_split=0.15, subset="training", seed=SEED,
)
val_ds = keras.utils.image_dataset_from_directory(
    "data/ham_binary/train", label_mode="binary", class_names=["other", "melanoma"],
    image_size=IMG_SIZE, batch_size=BATCH, validation_split=0.15, subset="validation", seed=SEED,
)
test_ds = keras.utils.image_dataset_from_directory(
    "data/ham_binary/test", label_mode="binary", class_names=["other", "melanoma"],
    image_size=IMG_SIZE, batch_size=BATCH, shuffle=False,
)

train_labels = np.concatenate([y.numpy().ravel() for _, y in train_ds]).astype(int)
counts = np.bincount(train_labels)
print("train class counts (other, melanoma):", counts)
class_weight = {0: counts.sum() / (2 * counts[0]), 1: counts.sum() / (2 * counts[1])}

augment = keras.Sequential([
    layers.RandomFlip("horizontal_and_vertical"),
    layers.RandomRotation(0.2),
    layers.RandomZoom(0.1),
    layers.RandomContrast(0.1),
])
AUTOTUNE = tf.data.AUTOTUNE
train_ds = train_ds.map(lambda x, y: (augment(x, training=True), y), num_parallel_calls=AUTOTUNE).prefetch(AUTOTUNE)
val_ds = val_ds.prefetch(AUTOTUNE)
test_ds = test_ds.prefetch(AUTOTUNE)

base = keras.applications.EfficientNetB2(include_top=False, weights="imagenet", input_shape=IMG_SIZE + (3,))
base.trainable = False
inputs = keras.Input(shape=IMG_SIZE + (3,))
x = base(inputs, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.3)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy"])
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=4, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("checkpoints/effb2_head.keras", monitor="val_loss", save_best_only=True),
]
model.fit(train_ds, validation_data=val_ds, epochs=15, class_weight=class_weight, callbacks=callbacks)

base.trainable = True
for layer in base.layers[:-40]:
    layer.trainable = False
model.compile(optimizer=keras.optimizers.Adam(1e-5), loss="binary_crossentropy", metrics=["accuracy"])
callbacks[1] = keras.callbacks.ModelCheckpoint("checkpoints/effb2_ft.keras", monitor="val_loss", save_best_only=True)
model.fit(train_ds, validation_data=val_ds, epochs=20, class_weight=class_weight, callbacks=callbacks)

test_loss, test_acc = model.evaluate(test_ds)
print(f"test loss {test_loss:.4f}  test accuracy {test_acc:.4f}")
model.save("models/melanoma_effb2.keras")
