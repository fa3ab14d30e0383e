"""Bayesian-optimisation search (Keras Tuner) for the leaf-disease CNN.

The provided train archive is split into train/validation for the search.
"""
import json
from pathlib import Path

import keras_tuner as kt
import numpy as np
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

SEED = 2025
keras.utils.set_random_seed(SEED)
tf.config.experimental.enable_op_determinism()

train_npz = np.load("data/leaf_train_128.npz")
test_npz = np.load("data/leaf_test_128.npz")
CLASSES = list(train_npz["class_names"])

x_all = train_npz["images"].astype("float32") / 255.0
y_all = train_npz["labels"]
x_test = test_npz["images"].astype("float32") / 255.0
y_test = test_npz["labels"]

x_train, x_val, y_train, y_val = train_test_split(
    x_all, y_all, test_size=0.15, stratify=y_all, random_state=SEED
)


def build(hp):
    inp = keras.Input(shape=x_train.shape[1:])
    x = layers.RandomFlip("horizontal_and_vertical")(inp)
    x = layers.RandomRotation(0.1)(x)
    for i in range(hp.Int("blocks", 2, 4)):
        x = layers.Conv2D(hp.Choice(f"filters_{i}", [32, 64, 128]), 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.Activation("relu")(x)
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(hp.Float("dropout", 0.0, 0.5, step=0.1))(x)
    out = layers.Dense(len(CLASSES), activation="softmax")(x)
    model = keras.Model(inp, out)
    model.compile(optimizer=keras.optimizers.AdamW(hp.Float("lr", 1e-4, 3e-3, sampling="log"),
                                                   weight_decay=hp.Float("wd", 1e-5, 1e-3, sampling="log")),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


tuner = kt.BayesianOptimization(build, objective="val_loss", max_trials=25, seed=SEED,
                                directory="kt_runs", project_name="leaf_cnn")
tuner.search(x_train, y_train, validation_data=(x_val, y_val), epochs=30, batch_size=64,
             callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=4)])
best_hp = tuner.get_best_hyperparameters(1)[0]

Path("checkpoints").mkdir(exist_ok=True)
model = build(best_hp)
history = model.fit(
    x_train, y_train, validation_data=(x_val, y_val), epochs=80, batch_size=64,
    callbacks=[
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint("checkpoints/leaf_cnn_best.keras", monitor="val_loss",
                                        save_best_only=True),
        keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
    ],
)

# Baseline: multinomial logistic regression on 32x32 grayscale thumbnails.
def thumbs(x):
    return tf.image.resize(tf.image.rgb_to_grayscale(x), (32, 32)).numpy().reshape(len(x), -1)

baseline = LogisticRegression(max_iter=3000, C=0.5).fit(thumbs(x_train), y_train)

pred_cnn = model.predict(x_test, batch_size=256).argmax(1)
pred_lr = baseline.predict(thumbs(x_test))
report = {
    "best_hp": best_hp.values,
    "epochs": len(history.history["loss"]),
    "cnn": {"accuracy": accuracy_score(y_test, pred_cnn), "macro_f1": f1_score(y_test, pred_cnn, average="macro")},
    "logreg_thumbnails": {"accuracy": accuracy_score(y_test, pred_lr),
                          "macro_f1": f1_score(y_test, pred_lr, average="macro")},
}
print(classification_report(y_test, pred_cnn, target_names=CLASSES, digits=3))
Path("reports").mkdir(exist_ok=True)
Path("reports/leaf_cnn.json").write_text(json.dumps(report, indent=2, default=float))
