"""CIFAR-10 CNN baseline for the course project (Keras).

Pipeline: stratified 90/10 train/val split of the official training set, per-channel mean/std from
the training part, augmentation, early stopping + checkpoint on val loss, single test evaluation.
"""
import json
import os

import numpy as np
import tensorflow as tf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

SEED = 42
OUT = "artifacts/cifar10_cnn"
tf.keras.utils.set_random_seed(SEED)
os.makedirs(OUT, exist_ok=True)

(x_train_full, y_train_full), (x_test, y_test) = keras.datasets.cifar10.load_data()
x_train_full = x_train_full.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0
y_train_full, y_test = y_train_full.ravel(), y_test.ravel()

x_tr, x_val, y_tr, y_val = train_test_split(
    x_train_full, y_train_full, test_size=0.1, stratify=y_train_full, random_state=SEED)

channel_mean = x_tr.mean(axis=(0, 1, 2))
channel_std = x_tr.std(axis=(0, 1, 2))
x_tr = (x_tr - channel_mean) / channel_std
x_val = (x_val - channel_mean) / channel_std
x_test = (x_test - channel_mean) / channel_std
np.savez(os.path.join(OUT, "channel_stats.npz"), mean=channel_mean, std=channel_std)


def build_model():
    model = keras.Sequential([
        keras.Input((32, 32, 3)),
        layers.RandomFlip("horizontal"),
        layers.RandomTranslation(0.1, 0.1),
    ])
    for filters in (32, 64, 128):
        model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
        model.add(layers.BatchNormalization())
        model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
        model.add(layers.BatchNormalization())
        model.add(layers.MaxPooling2D())
        model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(256, activation="relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(10, activation="softmax"))
    return model


model = build_model()
model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])

history = model.fit(
    x_tr, y_tr,
    validation_data=(x_val, y_val),
    epochs=80,
    batch_size=128,
    callbacks=[
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(os.path.join(OUT, "best.keras"), monitor="val_loss",
                                        save_best_only=True),
        keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
    ],
    verbose=2,
)

baseline = DummyClassifier(strategy="most_frequent").fit(x_tr.reshape(len(x_tr), -1), y_tr)
base_pred = baseline.predict(x_test.reshape(len(x_test), -1))

y_pred = model.predict(x_test, batch_size=512).argmax(axis=1)
results = {
    "baseline_accuracy": accuracy_score(y_test, base_pred),
    "baseline_macro_f1": f1_score(y_test, base_pred, average="macro"),
    "cnn_accuracy": accuracy_score(y_test, y_pred),
    "cnn_macro_f1": f1_score(y_test, y_pred, average="macro"),
    "epochs_trained": len(history.history["loss"]),
}
print(json.dumps(results, indent=2))
print(classification_report(y_test, y_pred, digits=4))
with open(os.path.join(OUT, "test_results.json"), "w") as f:
    json.dump(results, f, indent=2)
