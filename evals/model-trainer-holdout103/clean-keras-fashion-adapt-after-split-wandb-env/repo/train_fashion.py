"""Fashion-MNIST CNN with a Normalization layer inside the model and W&B tracking.

Set WANDB_API_KEY in the environment (CI secret / .env) before running; offline mode otherwise.
"""
import os

import keras
import numpy as np
import wandb
from keras import layers
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from wandb.integration.keras import WandbMetricsLogger

SEED = 5
CONFIG = {"epochs": 50, "batch_size": 128, "lr": 2e-3, "dropout": 0.35, "patience": 6}
LABELS = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat",
          "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

keras.utils.set_random_seed(SEED)

api_key = os.environ.get("WANDB_API_KEY")
if api_key:
    wandb.login(key=api_key)
run = wandb.init(project="fashion-mnist-cnn", config=CONFIG, mode="online" if api_key else "offline")

(x_all, y_all), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_all = x_all[..., None].astype("float32")
x_test = x_test[..., None].astype("float32")
x_train, x_val, y_train, y_val = train_test_split(
    x_all, y_all, test_size=0.1, stratify=y_all, random_state=SEED)

norm = layers.Normalization(axis=None)
norm.adapt(x_train)


def build(dropout):
    inputs = keras.Input((28, 28, 1))
    x = norm(inputs)
    x = layers.RandomTranslation(0.08, 0.08)(x)
    for f in (32, 64):
        x = layers.Conv2D(f, 3, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.Conv2D(f, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D()(x)
        x = layers.Dropout(dropout)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(128, activation="relu")(x)
    x = layers.Dropout(dropout)(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax")(x))


model = build(CONFIG["dropout"])
model.compile(keras.optimizers.Adam(CONFIG["lr"]), "sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(
    x_train, y_train,
    validation_data=(x_val, y_val),
    epochs=CONFIG["epochs"],
    batch_size=CONFIG["batch_size"],
    callbacks=[
        keras.callbacks.EarlyStopping(patience=CONFIG["patience"], restore_best_weights=True),
        keras.callbacks.ModelCheckpoint("fashion_cnn_best.keras", save_best_only=True),
        WandbMetricsLogger(),
    ],
)

baseline = LogisticRegression(max_iter=500)
baseline.fit(x_train.reshape(len(x_train), -1) / 255.0, y_train)
base_pred = baseline.predict(x_test.reshape(len(x_test), -1) / 255.0)
cnn_pred = model.predict(x_test, batch_size=1024).argmax(1)

summary = {}
for name, pred in [("logreg", base_pred), ("cnn", cnn_pred)]:
    summary[f"test/{name}_acc"] = accuracy_score(y_test, pred)
    summary[f"test/{name}_macro_f1"] = f1_score(y_test, pred, average="macro")
print(summary)
print(classification_report(y_test, cnn_pred, target_names=LABELS, digits=4))
run.summary.update(summary)
run.finish()
